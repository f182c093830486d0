/** Every `recours` sub-command, in the order the usage text lists them. Add a new command here. */
import type { Command } from '../command.js';
import { templatesCommand } from './templates.js';
import { checkCommand } from './check.js';
import { generateCommand } from './generate.js';
import { deadlinesCommand } from './deadlines.js';
import { nextCommand } from './next.js';
import { evidenceCommand } from './evidence.js';
import { importCommand } from './import.js';
import { summaryCommand } from './summary.js';

export const COMMANDS: Command[] = [templatesCommand, checkCommand, generateCommand, evidenceCommand, deadlinesCommand, nextCommand, importCommand, summaryCommand];
