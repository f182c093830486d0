/** dist/bundle/main.js: the command line, from its CommonJS bundle with its code cache (code-cache-loader.mjs). */
import { loadCommonJs } from './code-cache-loader.mjs';

export const main = (argv) => loadCommonJs('cli').main(argv);
