/**
 * Every `recours` sub-command, in the order the usage text lists them. Add a new command here.
 * Each is loaded only when it runs (or for the usage text), so that `recours --version` or `recours check` do not
 * pay for the PDF, DOCX and image libraries at start.
 */
import type { Command } from '../command.js';

export interface CommandEntry {
  name: string;
  load: () => Promise<Command>;
}

export const COMMANDS: CommandEntry[] = [
  { name: 'templates', load: async () => (await import('./templates.js')).templatesCommand },
  { name: 'check', load: async () => (await import('./check.js')).checkCommand },
  { name: 'generate', load: async () => (await import('./generate.js')).generateCommand },
  { name: 'evidence', load: async () => (await import('./evidence.js')).evidenceCommand },
  { name: 'deadlines', load: async () => (await import('./deadlines.js')).deadlinesCommand },
  { name: 'next', load: async () => (await import('./next.js')).nextCommand },
];
