/**
 * A realistic two-page letter for the DOCX writer's tests (local fixture: tests/support/sample-letter.ts did not
 * exist when these tests were written). Text is typographically final: U+00A0 before « : », U+202F in amounts, « », ’.
 */
import type { Block, LetterDocument, Run } from '../../core/common/document/model.js';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

export const ORDER_NUMBER = '402-7719254-3381946';
export const AMOUNT = `849,99${NNBSP}€`;
export const BIG_AMOUNT = `1${NNBSP}249,00${NNBSP}€`;

const p = (...runs: (string | Run)[]): Block => ({
  type: 'paragraph',
  runs: runs.map((r) => (typeof r === 'string' ? { text: r } : r)),
});

export function fixtureLetter(overrides: Partial<LetterDocument> = {}): LetterDocument {
  return {
    meta: {
      title: `Mise en demeure de livrer — commande n°${NBSP}${ORDER_NUMBER}`,
      author: 'Karim Benali',
      language: 'fr-FR',
      templateId: 'mise-en-demeure-livraison',
      kindLabel: 'Mise en demeure',
    },
    sender: [
      'Karim Benali',
      'Appartement 12',
      '27 rue Paul Bert',
      '69003 LYON',
      'karim.benali@exemple.fr',
      `Tél.${NBSP}: 06${NBSP}48${NBSP}21${NBSP}73${NBSP}90`,
    ],
    recipient: ['Amazon EU S.à r.l.', 'Service client', '38 avenue John F. Kennedy', 'L-1855 LUXEMBOURG', 'LUXEMBOURG'],
    placeDate: 'Lyon, le 25 novembre 2026',
    sending: [`Lettre recommandée avec accusé de réception n°${NBSP}1A${NBSP}198${NBSP}765${NBSP}4321${NBSP}0`],
    references: [
      ['Commande Amazon', `n°${NBSP}${ORDER_NUMBER} du 28 septembre 2026`],
      ['Montant', AMOUNT],
      ['Suivi', 'Amazon Logistics — TBA318840217000'],
    ],
    subject: `Mise en demeure de livrer — commande n°${NBSP}${ORDER_NUMBER} du 28 septembre 2026`,
    salutation: 'Madame, Monsieur,',
    body: [
      p(
        `Le 28 septembre 2026, j’ai passé commande sur Amazon (commande n°${NBSP}${ORDER_NUMBER}) des articles suivants, pour un montant total de `,
        { text: AMOUNT, bold: true },
        `, que j’ai intégralement réglé (carte bancaire)${NBSP}:`,
      ),
      {
        type: 'list',
        ordered: false,
        items: [[{ text: `Ordinateur portable Lenovo IdeaPad Slim 5, 16 pouces, 16 Go, 512 Go SSD — 1 × ${AMOUNT}` }]],
      },
      p(
        `Le suivi du colis (Amazon Logistics, n°${NBSP}TBA318840217000) le déclare «${NBSP}livré${NBSP}» le 2 octobre 2026. `,
        { text: `Je n’ai pourtant jamais reçu ce colis`, bold: true },
        `${NBSP}: il ne m’a été remis ni en main propre, ni dans ma boîte aux lettres, ni en point relais.`,
      ),
      { type: 'heading', runs: [{ text: 'Les faits' }] },
      p(
        `Le 2 octobre 2026 à 14${NBSP}h${NBSP}12, le suivi de ma commande a indiqué «${NBSP}Livré, remis en main propre au résident${NBSP}». J’étais pourtant chez moi toute la journée, en télétravail, et personne n’a sonné${NNBSP}; aucun colis ne se trouvait dans ma boîte aux lettres, dans le hall ni chez le gardien, que j’ai interrogé le jour même.`,
      ),
      p(
        'Depuis, j’ai contacté votre service client à six reprises. À chaque appel, le conseiller m’a demandé de tout reprendre depuis le début, m’a promis une enquête ou un rappel qui n’a jamais eu lieu, et aucune de ces démarches n’a abouti.',
      ),
      { type: 'heading', runs: [{ text: 'Mes démarches restées sans effet' }] },
      {
        type: 'table',
        header: [[{ text: 'Date' }], [{ text: 'Canal' }], [{ text: 'Résumé' }]],
        rows: [
          [[{ text: '2 octobre 2026' }], [{ text: 'Messagerie' }], [{ text: 'Signalement du colis indiqué livré mais non reçu.' }]],
          [[{ text: '5 octobre 2026' }], [{ text: 'Téléphone' }], [{ text: 'Ouverture d’une enquête auprès du transporteur.' }]],
          [[{ text: '20 octobre 2026' }], [{ text: 'Téléphone' }], [{ text: `Enquête «${NBSP}close${NBSP}», colis considéré comme livré.` }]],
        ],
        widths: [3, 3, 8],
      },
      { type: 'heading', runs: [{ text: 'Vos obligations' }] },
      p(
        'Au sens de l’article L216-1 du code de la consommation, la délivrance s’entend du transfert au consommateur de la possession physique ou du contrôle du bien. Une mention «',
        `${NBSP}livré${NBSP}`,
        '» dans le suivi d’un transporteur ne constitue pas ce transfert, dès lors que je n’ai jamais pris possession du colis.',
      ),
      p(
        'Selon l’article L216-4 du même code, tout risque de perte ou d’endommagement des biens n’est transféré au consommateur qu’au moment où il en prend physiquement possession. La perte du colis par le transporteur que vous avez choisi reste donc à votre charge (',
        { text: `Cass. 1re civ., 3 février 2021, n°${NBSP}19-21.046`, italic: true },
        ').',
      ),
      { type: 'heading', runs: [{ text: 'Ma demande' }] },
      p(
        'En conséquence, je vous mets en demeure, par la présente, de procéder à la livraison de ma commande dans un délai de ',
        { text: 'huit jours', bold: true },
        ' à compter de sa réception. À défaut, je considérerai le contrat comme résolu et vous devrez me rembourser :',
      ),
      {
        type: 'list',
        ordered: true,
        items: [
          [{ text: `la totalité des sommes versées, soit ${AMOUNT}${NNBSP};` }],
          [{ text: `les frais de livraison éventuels${NNBSP};` }],
          [{ text: 'les majorations prévues par l’article L241-4 en cas de remboursement tardif.' }],
        ],
      },
      p(
        'À défaut de réponse satisfaisante, je saisirai le médiateur de la consommation dont vous relevez, puis, le cas échéant, la juridiction compétente.',
      ),
    ],
    closing: `Je vous prie d’agréer, Madame, Monsieur, l’expression de mes salutations distinguées.`,
    signature: ['Karim Benali'],
    enclosures: [
      `Pièce n°${NBSP}1${NBSP}: Confirmation de commande (28 septembre 2026)`,
      `Pièce n°${NBSP}2${NBSP}: Relevé du suivi du colis indiquant «${NBSP}livré${NBSP}» (2 octobre 2026)`,
      `Pièce n°${NBSP}3${NBSP}: Attestation du gardien de l’immeuble (3 octobre 2026)`,
    ],
    ...overrides,
  };
}
