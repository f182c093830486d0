/**
 * The bordereau is signed by the same person as the letter it goes with: its sender block is the letters' own
 * (name, address, e-mail, phone, customer number when writing to the professional), read back from its PDF.
 */
import { describe, expect, it } from 'vitest';
import { composeBordereau } from '../../core/common/letter/bordereau.js';
import { composeLetter } from '../../core/common/letter/compose.js';
import { loadTemplateRegistry } from '../../core/node/template-registry.js';
import { writeLetterPdf } from '../../core/node/pdf/letter-pdf.js';
import { extractPdf, normaliseSpaces } from '../support/pdf-text.js';
import { loadExample } from '../support/examples.js';

const TODAY = '2026-12-01';

describe('the bordereau’s sender block', () => {
  it('is the letter’s, customer number and phone included, and its PDF shows it first', async () => {
    const template = loadTemplateRegistry().templates.find((t) => t.meta.id === 'reclamation-service-client')!;
    const base = await loadExample('telephone-defectueux.json');
    const c = { ...base, claimant: { ...base.claimant, phone: '06 12 34 56 78' } };
    const letter = composeLetter(c, template, { today: TODAY });
    const bordereau = composeBordereau(c, [], { letterTitle: letter.meta.title, today: TODAY });

    expect(bordereau.sender).toEqual(letter.sender);
    expect(bordereau.recipient).toEqual(letter.recipient);
    expect(bordereau.placeDate).toBe(letter.placeDate);

    const expected = letter.sender.map(normaliseSpaces);
    expect(expected).toContain('Tél. : 06 12 34 56 78');
    expect(expected).toContain('N° client : FR-5521908');
    const page1 = (await extractPdf(await writeLetterPdf(bordereau))).pages[0]!;
    expect(normaliseSpaces(page1).split('\n').slice(0, expected.length)).toEqual(expected);
  });
});
