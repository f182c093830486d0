#!/usr/bin/env node
// Entry point of the `recours` command: runs the bundled CLI (dist/bundle/, built by `npm install` / `npm run build:core`;
// see scripts/bundle-cli.mjs: one bundle starts in a fraction of the time of the hundreds of files of dist/cli/).
import { main } from '../dist/bundle/main.js';

process.exitCode = await main(process.argv.slice(2));
