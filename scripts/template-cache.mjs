/**
 * Writes the template cache, dist/template-cache/ID.json: each shipped template checked and precompiled, so that a
 * letter whose template is unchanged skips YAML, the check and Handlebars' compiler (core/node/template-cache.ts).
 * Run by `npm run build:core`, after tsc (it uses dist/core) and before the bundle (whose sample letter uses it).
 */
import process from 'node:process';
import { writeTemplateCache } from '../dist/core/node/template-cache.js';
import { defaultTemplateCacheDir, defaultTemplatesDir } from '../dist/core/node/template-registry.js';

const { errors } = writeTemplateCache(defaultTemplatesDir(), defaultTemplateCacheDir());
// A shipped template that does not load is not cached: it fails at run time with its own message, as before.
for (const error of errors) process.stderr.write(`template-cache : ${error.message}\n`);
