/**
 * A realistic letter document (a mise en demeure to Amazon about an undelivered laptop), written directly in the
 * document model, with final French typography: U+202F as thousands separator and inside « », U+00A0 before € and
 * before ':', U+2011 in a legal reference. About two pages once laid out.
 */
import type { Block, LetterDocument, Run } from '../../core/common/document/model.js';

const NB = '\u00a0'; // no-break space
const NN = '\u202f'; // narrow no-break space

export const SAMPLE = {
  orderNumber: '402-1234567-8901234',
  amount: `1${NN}299,00${NB}€`,
  shipping: `12,99${NB}€`,
  total: `1${NN}311,99${NB}€`,
  orderDate: '3 octobre 2026',
  letterDate: '25 novembre 2026',
  trackingNumber: 'TBA301234567890',
  registeredMail: `1A 234 567 8901 2`,
} as const;

const p = (...runs: (string | Run)[]): Block => ({
  type: 'paragraph',
  runs: runs.map((r) => (typeof r === 'string' ? { text: r } : r)),
});
const b = (text: string): Run => ({ text, bold: true });
const i = (text: string): Run => ({ text, italic: true });

export function sampleBody(): Block[] {
  return [
    p(
      `Le ${SAMPLE.orderDate}, j’ai commandé sur votre site amazon.fr un ordinateur portable `,
      b('Lenovo ThinkPad X1 Carbon'),
      ` (commande n°${NB}${SAMPLE.orderNumber}) pour un montant de `,
      b(SAMPLE.amount),
      `, auquel se sont ajoutés ${SAMPLE.shipping} de frais de livraison, soit ${SAMPLE.total} réglés le jour même par carte bancaire. La livraison était annoncée pour le 10${NB}octobre${NB}2026.`,
    ),
    { type: 'heading', runs: [{ text: 'Rappel des faits' }] },
    p(
      `Le suivi du colis (numéro ${SAMPLE.trackingNumber}) indique depuis le 10${NB}octobre${NB}2026 «${NN}colis livré${NN}», mais je n’ai jamais reçu cet ordinateur. Aucun avis de passage n’a été déposé, le gardien de l’immeuble n’a rien réceptionné et aucune signature ne m’a été demandée. `,
      i('Il appartient au vendeur de prouver la livraison'),
      `, et non à l’acheteur de prouver qu’il n’a rien reçu.`,
    ),
    {
      type: 'list',
      ordered: false,
      items: [
        [{ text: `le 11${NB}octobre${NB}2026, j’ai signalé la non-réception par le formulaire de contact${NN};` }],
        [{ text: `le 14${NB}octobre${NB}2026, un conseiller m’a promis une enquête auprès du transporteur sous 48${NB}heures${NN};` }],
        [{ text: `le 2${NB}novembre${NB}2026, sans nouvelles, j’ai relancé par téléphone et par courriel à l’adresse service-client@example.com.` }],
      ],
    },
    p(
      `Conformément à l’article L.${NB}216${'\u2011'}6 du Code de la consommation, le risque de perte ou d’endommagement du bien n’est transféré au consommateur qu’au moment où il en prend physiquement possession. Tant que le bien ne m’a pas été remis, la responsabilité de la livraison vous incombe, quelle que soit la défaillance éventuelle de votre transporteur.`,
    ),
    p(
      `Par ailleurs, l’article L.${NB}216${'\u2011'}2 du même code me permet, après vous avoir enjoint d’effectuer la livraison dans un délai supplémentaire raisonnable, de résoudre le contrat si vous ne vous êtes pas exécutés dans ce délai. Les sommes versées doivent alors être remboursées au plus tard dans les quatorze jours (article L.${NB}216${'\u2011'}3).`,
    ),
    { type: 'heading', runs: [{ text: 'Historique de mes démarches' }] },
    {
      type: 'table',
      header: [[{ text: 'Date' }], [{ text: 'Canal' }], [{ text: 'Interlocuteur' }], [{ text: 'Référence et résumé' }]],
      widths: [2, 2, 3, 6],
      rows: [
        [[{ text: '11/10/2026' }], [{ text: 'Formulaire' }], [{ text: '—' }], [{ text: 'Signalement de non-réception, accusé de réception automatique.' }]],
        [[{ text: '14/10/2026' }], [{ text: 'Téléphone' }], [{ text: 'Conseiller «\u202fNadia\u202f»' }], [{ text: 'Dossier n°\u00a0CS-88412 : promesse d’enquête sous 48\u00a0heures.' }]],
        [[{ text: '02/11/2026' }], [{ text: 'Courriel' }], [{ text: 'Service client' }], [{ text: 'Relance restée sans réponse à ce jour.' }]],
      ],
    },
    { type: 'heading', runs: [{ text: 'Mes demandes' }] },
    p(`En conséquence, je vous mets en demeure, dans un délai de `, b('huit jours'), ` à compter de la réception de la présente lettre${NN}:`),
    {
      type: 'list',
      ordered: true,
      items: [
        [{ text: `soit de me livrer effectivement l’ordinateur commandé, à l’adresse indiquée ci-dessus${NN};` }],
        [{ text: `soit de me rembourser la somme totale de ${SAMPLE.total}, frais de livraison compris.` }],
      ],
    },
    p(
      `À défaut, je considérerai le contrat comme résolu et je me réserve le droit de saisir le médiateur de la consommation compétent ainsi que la juridiction compétente, sans autre avis.`,
    ),
  ];
}

export type SampleOverrides = Partial<Omit<LetterDocument, 'meta'>> & { meta?: Partial<LetterDocument['meta']> };

export function sampleLetter(overrides: SampleOverrides = {}): LetterDocument {
  const { meta, ...rest } = overrides;
  return {
    meta: {
      title: `Mise en demeure — commande n°${NB}${SAMPLE.orderNumber}`,
      author: 'Jean Dupont',
      language: 'fr-FR',
      templateId: 'mise-en-demeure-livraison',
      kindLabel: 'Mise en demeure',
      ...meta,
    },
    sender: [
      'M. Jean Dupont',
      '12 rue des Lilas',
      '69003 Lyon',
      'jean.dupont@example.fr',
      `Tél.${NB}: 06 12 34 56 78`,
    ],
    recipient: ['Amazon EU S.à r.l.', 'Service client', '38 avenue John F. Kennedy', 'L-1855 Luxembourg', 'LUXEMBOURG'],
    placeDate: `Lyon, le ${SAMPLE.letterDate}`,
    sending: [`Lettre recommandée avec accusé de réception n°${NB}${SAMPLE.registeredMail}`],
    references: [
      ['Commande', `n°${NB}${SAMPLE.orderNumber} du ${SAMPLE.orderDate}`],
      ['Montant', SAMPLE.total],
    ],
    subject: `Mise en demeure de livrer ou de rembourser — ordinateur portable non livré`,
    salutation: 'Madame, Monsieur,',
    body: sampleBody(),
    closing:
      'Dans l’attente de votre réponse, je vous prie d’agréer, Madame, Monsieur, l’expression de mes salutations distinguées.',
    signature: ['Jean Dupont'],
    enclosures: [
      `Pièce n°${NB}1${NB}: confirmation de commande du ${SAMPLE.orderDate}`,
      `Pièce n°${NB}2${NB}: capture du suivi du colis indiquant «${NN}colis livré${NN}»`,
      `Pièce n°${NB}3${NB}: échanges avec le service client`,
    ],
    ...rest,
  };
}
