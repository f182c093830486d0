/**
 * A letter's files are written side by side (their disk flushes overlap), and still all or nothing: when one cannot
 * be written, the folder is left without the others, and the error is the one of the file that failed.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeNamedFiles } from '../../core/node/generate.js';

const folders: string[] = [];
afterEach(() => folders.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'recours-named-files-'));
  folders.push(dir);
  return dir;
}

const bytes = (text: string) => new TextEncoder().encode(text);

describe('writeNamedFiles', () => {
  it('writes every file, and returns their paths in the order given', async () => {
    const out = join(folder(), 'lettres');
    const paths = await writeNamedFiles(out, [
      { role: 'pdf', name: 'A_2026-12-01.pdf', bytes: bytes('%PDF') },
      { role: 'docx', name: 'A_2026-12-01.docx', bytes: bytes('PK') },
    ]);
    expect(paths).toEqual([join(out, 'A_2026-12-01.pdf'), join(out, 'A_2026-12-01.docx')]);
    expect(readFileSync(paths[0] as string, 'utf8')).toBe('%PDF');
    expect(readFileSync(paths[1] as string, 'utf8')).toBe('PK');
  });

  it('leaves none of the files when one of them cannot be written', async () => {
    const out = folder();
    // A folder where the DOCX should go: its rename fails, after the PDF was written.
    mkdirSync(join(out, 'A_2026-12-01.docx'));
    await expect(
      writeNamedFiles(out, [
        { role: 'pdf', name: 'A_2026-12-01.pdf', bytes: bytes('%PDF') },
        { role: 'docx', name: 'A_2026-12-01.docx', bytes: bytes('PK') },
      ]),
    ).rejects.toMatchObject({ code: expect.stringMatching(/^E(ISDIR|EXIST|NOTEMPTY)$/) });
    // Only the folder that was in the way: no PDF, no temporary file.
    expect(readdirSync(out)).toEqual(['A_2026-12-01.docx']);
  });
});
