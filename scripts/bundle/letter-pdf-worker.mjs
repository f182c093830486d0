/** dist/bundle/letter-pdf-worker.js: the PDF thread (core/node/pdf/letter-pdf-worker.ts), from its CommonJS bundle. */
import { loadCommonJs } from './code-cache-loader.mjs';

loadCommonJs('letter-pdf-thread');
