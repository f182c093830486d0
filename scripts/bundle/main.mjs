/**
 * dist/bundle/main.js: the command line, from its CommonJS bundle with its code cache (code-cache-loader.mjs);
 * `--version` is answered without it.
 */
import process from 'node:process';
import { isVersionRequest, versionLine } from '../../cli/version.ts';
import { loadCommonJs } from './code-cache-loader.mjs';

export async function main(argv) {
  if (!isVersionRequest(argv)) return loadCommonJs('cli').main(argv);
  // A reader gone before the line (`recours --version | true`) is no error, as in cli/main.ts.
  process.stdout.on('error', (e) => {
    if (e.code !== 'EPIPE') throw e;
  });
  process.stdout.write(`${versionLine()}\n`);
  return 0;
}
