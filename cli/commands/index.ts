/** Every `recours` sub-command, in the order the usage text lists them. Add a new command here. */
import type { Command } from '../command.js';
import { templatesCommand } from './templates.js';
import { checkCommand } from './check.js';
import { generateCommand } from './generate.js';

export const COMMANDS: Command[] = [templatesCommand, checkCommand, generateCommand];
