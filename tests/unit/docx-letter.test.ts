import { beforeAll, describe, expect, it } from 'vitest';
import { writeLetterDocx } from '../../core/node/docx/index.js';
import { extractDocx } from '../support/docx-text.js';
import type { DocxContent } from '../support/docx-text.js';
import { AMOUNT, ORDER_NUMBER, fixtureLetter } from './docx-fixture.js';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

describe('writeLetterDocx: the letter a user opens in Word', () => {
  let docx: DocxContent;
  let bytes: Uint8Array;

  beforeAll(async () => {
    bytes = await writeLetterDocx(fixtureLetter());
    docx = await extractDocx(bytes);
  });

  const styled = (style: string) => docx.paragraphs.filter((p) => p.style === style).map((p) => p.text);
  const indexOf = (text: string) => docx.paragraphs.findIndex((p) => p.text.includes(text));

  it('returns the bytes of a zip package (a Uint8Array)', () => {
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect([...bytes.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
  });

  it('puts the sender block first, then the recipient block, each line in its style', () => {
    expect(styled('Expediteur')).toEqual(fixtureLetter().sender);
    expect(styled('Destinataire')).toEqual(fixtureLetter().recipient);
    expect(docx.paragraphs[0]).toEqual({ style: 'Expediteur', text: 'Karim Benali' });
    expect(indexOf('Amazon EU S.à r.l.')).toBeGreaterThan(indexOf('69003 LYON'));
  });

  it('has place and date, the bold sending mode, the subject after « Objet : » and the references', () => {
    expect(styled('LieuDate')).toEqual(['Lyon, le 25 novembre 2026']);
    expect(styled('ModeEnvoi')).toEqual([`Lettre recommandée avec accusé de réception n°${NBSP}1A${NBSP}198${NBSP}765${NBSP}4321${NBSP}0`]);
    expect(styled('Objet')).toEqual([`Objet${NBSP}:\tMise en demeure de livrer — commande n°${NBSP}${ORDER_NUMBER} du 28 septembre 2026`]);
    expect(styled('References')).toEqual([
      `Commande Amazon${NBSP}: n°${NBSP}${ORDER_NUMBER} du 28 septembre 2026`,
      `Montant${NBSP}: 849,99${NNBSP}€`,
      `Suivi${NBSP}: Amazon Logistics — TBA318840217000`,
    ]);
  });

  it('keeps the parts of the letter in the order of a French letter', () => {
    const order = [
      'Karim Benali',
      'Amazon EU S.à r.l.',
      'Lyon, le 25 novembre 2026',
      'Lettre recommandée',
      'Montant',
      'Objet',
      'Madame, Monsieur,',
      'Le 28 septembre 2026',
      'Les faits',
      'Ma demande',
      'Je vous prie d’agréer',
      'Pièces jointes',
      'Attestation du gardien',
    ].map(indexOf);
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('writes the body paragraphs in order with their styles, amounts with their no-break spaces', () => {
    const body = styled('Corps');
    expect(body[0]).toBe(
      `Le 28 septembre 2026, j’ai passé commande sur Amazon (commande n°${NBSP}${ORDER_NUMBER}) des articles suivants, pour un montant total de ${AMOUNT}, que j’ai intégralement réglé (carte bancaire)${NBSP}:`,
    );
    expect(body.at(-1)).toMatch(/^À défaut de réponse satisfaisante/);
    const expected = fixtureLetter().body.flatMap((b) => (b.type === 'paragraph' ? [b.runs.map((r) => r.text).join('')] : []));
    expect(body).toEqual(expected);
    expect(styled('Titre')).toEqual(['Les faits', 'Mes démarches restées sans effet', 'Vos obligations', 'Ma demande']);
    expect(docx.text).toContain(`1 × ${AMOUNT}`);
    expect(docx.text).toContain(`«${NBSP}Livré, remis en main propre au résident${NBSP}»`);
  });

  it('writes lists in the list style, bullets and numbers being real numbering', () => {
    expect(styled('Liste')).toEqual([
      `Ordinateur portable Lenovo IdeaPad Slim 5, 16 pouces, 16 Go, 512 Go SSD — 1 × ${AMOUNT}`,
      `la totalité des sommes versées, soit ${AMOUNT}${NNBSP};`,
      `les frais de livraison éventuels${NNBSP};`,
      'les majorations prévues par l’article L241-4 en cas de remboursement tardif.',
    ]);
  });

  it('writes the table rows, header first, cells in their styles', () => {
    expect(styled('TableauEntete')).toEqual(['Date', 'Canal', 'Résumé']);
    const cells = styled('Tableau');
    expect(cells.slice(0, 3)).toEqual(['2 octobre 2026', 'Messagerie', 'Signalement du colis indiqué livré mais non reçu.']);
    expect(cells).toContain(`Enquête «${NBSP}close${NBSP}», colis considéré comme livré.`);
    expect(cells).toHaveLength(9);
  });

  it('ends with the closing, the signature and the enclosures', () => {
    expect(styled('Cloture')).toEqual(['Je vous prie d’agréer, Madame, Monsieur, l’expression de mes salutations distinguées.']);
    expect(styled('Signature')).toEqual(['Karim Benali']);
    expect(styled('PiecesJointes')).toEqual([`Pièces jointes${NBSP}:`]);
    expect(styled('PieceJointe')).toEqual(fixtureLetter().enclosures);
  });

  it('leaves the enclosures section out when there are none', async () => {
    const without = await extractDocx(await writeLetterDocx(fixtureLetter({ enclosures: [] })));
    expect(without.text).not.toContain('Pièces jointes');
    expect(without.paragraphs.at(-1)).toEqual({ style: 'Signature', text: 'Karim Benali' });
  });

  it('numbers the pages « x / y » in the footer with PAGE and NUMPAGES fields', () => {
    expect(docx.footerText).toMatch(/PAGE.* \/ .*NUMPAGES/);
  });

  it('embeds DejaVu Serif in its four styles', () => {
    expect(docx.fontsEmbedded).toEqual([
      'DejaVu Serif Regular',
      'DejaVu Serif Bold',
      'DejaVu Serif Italic',
      'DejaVu Serif BoldItalic',
    ]);
  });

  it('fills the document properties', () => {
    expect(docx.coreProperties).toEqual({
      title: `Mise en demeure de livrer — commande n°${NBSP}${ORDER_NUMBER}`,
      creator: 'Karim Benali',
      language: 'fr-FR',
      subject: `Mise en demeure de livrer — commande n°${NBSP}${ORDER_NUMBER} du 28 septembre 2026`,
      keywords: 'Mise en demeure',
      description: 'Mise en demeure — document établi avec Recours (modèle mise-en-demeure-livraison)',
    });
  });
});
