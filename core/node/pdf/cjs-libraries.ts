/**
 * pdf-lib and fontkit, loaded with `require`. Both are CommonJS: imported from an ES module, Node first scans their
 * sources (pdf-lib's 139 files, fontkit's 1.5 MB bundle) for export names, which doubles their loading time — about
 * 0.4 s of CPU at each start of the command line. The same module instances serve the ES imports elsewhere.
 */
import { createRequire } from 'node:module';
import type * as PdfLib from 'pdf-lib';
import type Fontkit from '@pdf-lib/fontkit';

const require = createRequire(import.meta.url);

export const pdfLib = require('pdf-lib') as typeof PdfLib;
export const fontkit = require('@pdf-lib/fontkit') as typeof Fontkit;
