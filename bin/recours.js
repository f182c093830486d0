#!/usr/bin/env node
// Entry point of the `recours` command: runs the compiled CLI (built by `npm install` / `npm run build:core`).
import { main } from '../dist/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
