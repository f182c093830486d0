/** The example cases shipped in examples/, loaded and validated as a user's would be. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadCaseFile } from '../../core/node/case-file.js';
import type { CaseFile } from '../../core/common/case/schema.js';

export const EXAMPLES_DIR = join(import.meta.dirname, '../../examples');

/** The path of an example case file (`examplePath('telephone-defectueux.json')`). */
export const examplePath = (name: string) => join(EXAMPLES_DIR, name);

export const exampleFiles = readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith('.json')).sort();

export async function loadExample(file: string): Promise<CaseFile> {
  const loaded = await loadCaseFile(join(EXAMPLES_DIR, file));
  if (!loaded.ok) throw new Error(`${file}: ${loaded.problems.map((p) => p.message).join('; ')}`);
  return loaded.case;
}

/** Text as a reader sees it: no-break spaces shown as plain spaces, runs of spaces folded. */
export function readable(text: string): string {
  return text.replace(/[\u00A0\u202F]/g, ' ').replace(/[ \t]+/g, ' ');
}
