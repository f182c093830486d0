/** The libraries of the vendor bundle (dist/bundle/vendor.cjs), by the specifier the CLI imports them with. */
import * as pdfLib from 'pdf-lib';
import * as fontkit from '@pdf-lib/fontkit';
import * as docx from 'docx';
import * as zod from 'zod';
import * as yaml from 'yaml';
import * as handlebars from 'handlebars';
import * as linebreak from 'linebreak';
import * as hyphenFr from 'hyphen/fr/index.js';

export const libraries = {
  'pdf-lib': pdfLib,
  '@pdf-lib/fontkit': fontkit,
  docx,
  zod,
  yaml,
  handlebars,
  linebreak,
  'hyphen/fr/index.js': hyphenFr,
};
