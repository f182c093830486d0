/**
 * Every template of the catalogue, rendered from the example case made for it: the PDF a recipient reads names the
 * right articles and deadlines, goes to the right party, and cites nothing obsolete or unconfirmed.
 */
import { describe, expect, it } from 'vitest';
import type { CaseFile } from '../../core/common/case/schema.js';
import { composeLetter } from '../../core/common/letter/compose.js';
import { missingFacts } from '../../core/common/letter/requirements.js';
import { failedConditions } from '../../core/common/letter/conditions.js';
import { loadTemplateRegistry } from '../../core/node/template-registry.js';
import { writeLetterPdf } from '../../core/node/pdf/letter-pdf.js';
import { extractPdf } from '../support/pdf-text.js';
import { loadExample, readable } from '../support/examples.js';

const registry = loadTemplateRegistry();
const TODAY = '2026-11-25';

/**
 * What must not appear in any letter: the pre-2022 numbering (L216-2, L216-3, L211-x; L217-4 is cited again since
 * the 2021 numbering gives it the contractual criteria of conformity), the former 30 / 60-day thresholds of the résolution refund, the closed EU ODR platform, the 70 / 120-day
 * rule whose place in the code is unconfirmed, the CPC article whose numbering is unconfirmed since décret 2025-660,
 * and a consumer mediator for Amazon that the fact sheet could not confirm.
 */
const OBSOLETE_OR_UNCONFIRMED =
  /L\.?\s?216-2\b|L\.?\s?216-3\b|L\.?\s?211-\d|trente jours au-delà|jusqu.à soixante jours|plateforme (européenne )?de (règlement|RLL)|ec\.europa\.eu\/consumers\/odr|\bRLL\b|70 jours|120 jours|soixante-dix jours|cent vingt jours|750-1|FEVAD|médiateur du e-commerce/i;

interface Expectation {
  example: string;
  change?: (c: CaseFile) => void;
  /** Text of the first recipient line. */
  to: string;
  /** Articles, dates and amounts the reader must find. */
  contains: string[];
  absent?: string[];
  /** No « Lettre recommandée » line: a text filed on a website. */
  online?: boolean;
}

const CATALOGUE: Record<string, Expectation[]> = {
  'reclamation-service-client': [
    { example: 'telephone-defectueux.json', to: 'Amazon EU S.à r.l.', contains: ['article L217-3', 'article L217-9', 'article L217-10', '15 jours', 'article L612-2'] },
    // A dispute type written with a hyphen (« non-delivery ») selects its paragraph: the helpers compare plain text.
    { example: 'ordinateur-livre-jamais-recu.json', to: 'Amazon EU S.à r.l.', contains: ['article L216-1', 'article L216-4'] },
  ],
  'mise-en-demeure-livraison': [
    // §8.1: L216-6 II (immediate résolution) is stated, and no refund is demanded without notifying résolution.
    { example: 'ordinateur-livre-jamais-recu.json', to: 'Amazon EU S.à r.l.', contains: ['article L216-6', 'article L216-6, II', 'condition essentielle', 'article L216-7', 'article L241-4', 'de 20 % jusqu’à trente jours', 'article L221-15', '8 jours', 'je saisirai le médiateur de la consommation'], absent: ['me rembourser dès à présent'] },
  ],
  'mise-en-demeure-conformite': [
    { example: 'telephone-defectueux.json', to: 'Amazon EU S.à r.l.', contains: ['article L217-3', 'article L217-7', 'article L217-9', 'article L217-10', 'article L217-11', 'article L217-14', 'article L217-17', 'article L241-5', 'trente jours', 'le remplacement du bien'] },
    // §8.1: the contractual criteria are L217-4; a genuine replacement is a mise en conformité (L217-9), immediate
    // résolution rests on L217-14; a German seller is followed by CEC France, not a promised mediator.
    { example: 'ecouteurs-contrefaits.json', to: 'SoundHub Handels GmbH', contains: ['article L217-4', 'article L217-9', 'article L217-14', 'produit contrefait', 'résoudre le contrat', '229,00 €', 'Centre Européen des Consommateurs France'], absent: ['article L217-7', 'article L217-5', 'ne peut pas être mis en conformité', 'médiateur de la consommation'] },
    // A mediation already asked for on the dispute: no mediator is promised again (L612-2 3°).
    { example: 'televiseur-non-conforme.json', to: 'Électro Discount France SAS', contains: ['article L217-4', 'je saisirai la juridiction compétente'], absent: ['article L217-5', 'saisirai le médiateur', 'saisirai gratuitement le médiateur'] },
  ],
  'mise-en-demeure-vices-caches': [
    { example: 'lave-linge-vice-cache.json', to: 'Amazon EU S.à r.l.', contains: ['article 1641 du code civil', 'article 1644', 'article 1648', '14 octobre 2028', '310,00 €', 'Cass. ch. mixte, 21 juillet 2023'] },
  ],
  'reclamation-contrefacon': [
    // §8.1: L217-4, L217-9 and L217-14 instead of « cannot be brought into conformity »; no « the buyer risks prosecution ».
    { example: 'ecouteurs-contrefaits.json', to: 'SoundHub Handels GmbH', contains: ['article L217-3', 'article L217-4', 'article L217-9', 'article L217-14', 'les 3 pièces jointes', 'Centre Européen des Consommateurs France'], absent: ['article L221-18', 'article L217-5', 'L716-10', 'poursuites', 'ne pouvant être mis en conformité', 'médiateur de la consommation'] },
  ],
  'mise-en-demeure-remboursement': [
    { example: 'aspirateur-retractation.json', to: 'Amazon EU S.à r.l.', contains: ['article L221-24', 'article L242-4', '26 octobre 2026', 'le retard est de 30 jours : majoration de 10 %', 'même moyen de paiement', '379,00 €'] },
    {
      example: 'ordinateur-livre-jamais-recu.json',
      change: (c) => {
        c.contacts = [...(c.contacts ?? []), { date: '2026-11-10', channel: 'letter', summary: 'Mise en demeure de livrer.', template: 'mise-en-demeure-livraison' }];
        c.refund = { reason: 'delivery-resolution' };
      },
      to: 'Amazon EU S.à r.l.',
      // §8.1: the letter that notifies the résolution asks for the refund within 14 days (L216-7), increases after that.
      contains: ['article L216-6', 'Par la présente, je vous notifie la résolution du contrat', 'article L216-7', 'article L241-4', 'de 10 % si le remboursement intervient au plus tard quatorze jours', 'Par lettre du 10 novembre 2026', 'au plus tard dans les quatorze jours suivant la réception de la présente'],
      absent: ['8 jours', 'augmentée des majorations légales'],
    },
  ],
  'vendeur-marketplace': [
    // §8.1: a silent seller lets the letter notify the résolution at once (L216-6 II), refund in 14 days; one period per demand.
    { example: 'trottinette-vendeur-injoignable.json', to: 'MobilitéPlus SARL', contains: ['article L221-15', 'article L216-1', 'article L216-4', '4 novembre 2026', 'dans les 48 heures', 'Selon les conditions publiées par Amazon', 'article L216-6, II', 'je vous notifie par la présente la résolution du contrat', 'article L216-7', '499,00 €'], absent: ['et une réponse écrite', '8 jours'] },
  ],
  'reclamation-garantie-a-z': [
    { example: 'trottinette-vendeur-injoignable.json', to: 'Amazon — Garantie A à Z', online: true, contains: ['ne limite, ne restreint ni ne modifie aucun des droits des consommateurs', 'selon les conditions publiées par Amazon', 'article L221-15', '499,00 €', 'MobilitéPlus SARL'] },
  ],
  'abonnement-prime': [
    // §8.1: the amount claimed is shown with its calculation.
    { example: 'abonnement-prime-reconduit.json', to: 'Amazon EU S.à r.l.', contains: ['article L215-1-1', 'article L215-1)', 'article L241-3', '19 novembre 2026', '68,94 €', '69,90 €', 'Calcul de la somme réclamée', '5 jours sur 365', '0,96 €'], absent: ['après la résiliation', 'que je n’ai pas autorisés'] },
  ],
  'demande-rgpd-acces': [
    // §8.1: the reasons for a refusal are owed under art. 12 § 4.
    { example: 'donnees-personnelles-acces.json', to: 'Amazon EU S.à r.l.', contains: ['article 15 du règlement (UE) 2016/679', 'un mois', 'article 12, paragraphe 3', 'article 12, paragraphe 4', 'article 12, paragraphe 5', 'CNIL'] },
  ],
  'demande-rgpd-effacement': [
    { example: 'donnees-personnelles-acces.json', to: 'Amazon EU S.à r.l.', contains: ['article 17 du règlement (UE) 2016/679', 'un mois', 'CNIL'] },
  ],
  'incident-securite-compte': [
    { example: 'compte-pirate-fraude.json', to: 'Amazon EU S.à r.l.', contains: ['article 15 du RGPD', 'article L133-24', 'treize mois', '300,00 €', 'adresses IP'] },
  ],
  'contestation-bancaire': [
    { example: 'compte-pirate-fraude.json', to: 'Banque Populaire Grand Ouest', contains: ['article L133-24', 'article L133-18', 'article L133-19', 'article L133-23', 'Banque de France', '12 novembre 2026', '300,00 €', 'au profit d’Amazon EU S.à r.l.', 'quinze points'] },
    // §8.1: charges after a cancelled subscription stay authorised until consent is withdrawn (CMF L133-7): the letter
    // withdraws it and sends the claim for past charges to the merchant (L215-1).
    {
      example: 'abonnement-prime-reconduit.json',
      change: (c) => {
        c.contestedPayment = { operations: [{ date: '2026-11-15', amount: 6.99, label: 'Prime mensuel' }] };
        c.bank = { name: 'Crédit Mutuel de Bretagne', address: { lines: ['1 rue de Siam'], postalCode: '29200', city: 'Brest' } };
      },
      to: 'Crédit Mutuel de Bretagne',
      contains: ['article L133-7', 'je retire mon consentement', 'article L215-1 du code de la consommation', '6,99 €'],
      absent: ['que je n’ai pas autorisées', 'article L133-18'],
    },
  ],
  'demande-reexamen': [
    // A mediator was already seized on this dispute: the letter does not promise another mediation (L612-2 3°).
    { example: 'televiseur-non-conforme.json', to: 'Électro Discount France SAS', contains: ['5 août 2026', 'SAV-77120', 'article L217-3', 'article L217-7'], absent: ['saisirai le médiateur', 'saisirai gratuitement le médiateur'] },
    // §8.1: after the bank's refusal the request goes to the bank and cites CMF L133-23, then the bank's mediator.
    {
      example: 'compte-pirate-fraude.json',
      change: (c) => {
        c.decision = { date: '2026-11-20', by: 'Banque Populaire Grand Ouest', party: 'bank', summary: 'Refus : opérations validées par authentification forte, négligence grave.' };
      },
      to: 'Banque Populaire Grand Ouest',
      contains: ['article L133-23', 'négligence grave', 'article L133-18', 'médiateur de votre établissement', 'article L316-1'],
      absent: ['médiateur de la consommation'],
    },
  ],
  'saisine-mediateur': [
    // The letter as it was sent, before the mediator's notice that the example now records (a second mediation is closed: L612-2 3°).
    { example: 'televiseur-non-conforme.json', change: (c) => { delete c.mediation; }, to: 'Association Médiation Consommation Rhône', contains: ['article L612-1', 'article L612-2', '18 juin 2026', '26 juin 2026', 'dans le délai d’un an', 'Électro Discount France SAS'] },
  ],
  signalconso: [
    { example: 'ordinateur-livre-jamais-recu.json', to: 'SignalConso (DGCCRF)', online: true, contains: ['L216-1', '402-7719254-3381946', '15 octobre 2026'] },
    // §8.1: the Prime report says what the facts show (no renewal notice, no refund: L215-1), not an ignored termination.
    { example: 'abonnement-prime-reconduit.json', to: 'SignalConso (DGCCRF)', online: true, contains: ['sans l’information préalable sur la reconduction tacite', 'art. L215-1)', '20 octobre 2026'], absent: ['n’est pas prise en compte'] },
  ],
  'reclamation-cec-france': [
    { example: 'ecouteurs-contrefaits.json', to: 'Centre Européen des Consommateurs France', online: true, contains: ['Allemagne', 'Je réside en France', '10 octobre 2026', 'SoundHub Handels GmbH'] },
  ],
  'demande-conciliateur': [
    { example: 'televiseur-non-conforme.json', to: 'M. Jean-Pierre Rolland, conciliateur de justice', contains: ['tentative de conciliation', 'n’excédant pas 5 000 euros', 'code de procédure civile', '899,00 €'] },
  ],
  'requete-tribunal': [
    // §8.1: the claimant's identity as CPC 54 and 57 require it; the résolution recorded and the goods collected.
    { example: 'televiseur-non-conforme.json', to: 'Tribunal judiciaire de Lyon', contains: ['Défendeur', 'RCS Lyon 894 120 337', 'article R631-3', 'article 1344-1', 'intérêts au taux légal à compter du 20 juillet 2026', 'article L217-14', 'Pièce n° 4', 'Par ces motifs', 'GARNIER Thomas, technicien de maintenance, de nationalité française, né le 14 mars 1988 à Lyon (Rhône), demeurant', 'de constater la résolution du contrat de vente du 12 juin 2026', 'de reprendre le bien à ses frais'] },
  ],
  // The rungs of fact sheet §8.3.
  'reexamen-refus-banque': [
    { example: 'carte-fraude-refus-banque.json', to: 'Banque de l’Odet', contains: ['article L133-23 du code monétaire et financier', 'article L133-19, II', 'article L133-18', '6 novembre 2026', 'REC-2026-44817', '900,00 €', '21 octobre 2026', '8 jours'], absent: ['article L612'] },
  ],
  'saisine-mediateur-bancaire': [
    {
      example: 'carte-fraude-refus-banque.json',
      change: (c) => {
        c.contacts = [...(c.contacts ?? []), { date: '2026-11-10', channel: 'letter', summary: 'Demande de réexamen du refus.', template: 'reexamen-refus-banque' }];
      },
      to: 'Le Médiateur de la Banque de l’Odet',
      contains: ['article L316-1 du code monétaire et financier', 'article L612-1', 'article L133-23', '900,00 €', '90 jours', '19 octobre 2026', 'Demande de réexamen du refus'],
    },
  ],
  'mise-en-demeure-abonnement': [
    { example: 'abonnement-prime-reconduit.json', to: 'Amazon EU S.à r.l.', contains: ['article L215-1', 'article L241-3', 'articles 1344 et 1344-1 du code civil', '69,90 €', '68,94 €', '19 novembre 2026', '8 jours', 'Total'] },
  ],
  'notification-dsa': [
    { example: 'ecouteurs-contrefaits.json', to: 'Place de marché en ligne', online: true, contains: ['article 16 du règlement (UE) 2022/2065', 'https://www.amazon.fr/dp/B0C33XXSYA', 'smid=A1SOUNDHUB0DE', 'SoundHub Handels GmbH', 'produit contrefait'], absent: ['article 30'] },
    {
      example: 'trottinette-vendeur-injoignable.json',
      change: (c) => {
        c.order!.listingUrl = 'https://www.amazon.fr/dp/B0TROTTI01';
      },
      to: 'Place de marché en ligne',
      online: true,
      contains: ['article 30', 'détenir leur identité', 'MobilitéPlus SARL'],
      absent: ['article 16'],
    },
  ],
  'plainte-cnil': [
    { example: 'donnees-personnelles-sans-reponse.json', to: 'CNIL', online: true, contains: ['article 77 du règlement (UE) 2016/679', 'article 15 du RGPD', '1er septembre 2026', 'article 12, paragraphe 3', '1er octobre 2026'] },
  ],
  'petits-litiges-europeens': [
    { example: 'ecouteurs-contrefaits.json', to: 'Juridiction compétente', online: true, contains: ['règlement (CE) n° 861/2007', 'SoundHub Handels GmbH', 'Allemagne', '229,00 €', 'dans les 14 jours', '30 jours'] },
  ],
  'plainte-ddpp': [
    { example: 'remboursement-promis-impaye.json', to: 'DDPP de l’Isère', contains: ['BureauPlus SARL', 'BP-2026-08817', '289,00 €', '15 juillet 2026'] },
    // A dispute without an order (a subscription): the subject names no order, and the letter is still produced.
    {
      example: 'abonnement-prime-reconduit.json',
      change: (c) => {
        c.authority = { name: 'DDPP du Rhône', address: { lines: ['245 rue Garibaldi'], postalCode: '69003', city: 'Lyon' } };
      },
      to: 'DDPP du Rhône',
      contains: ['Plainte — pratiques'],
      absent: ['commande n°'],
    },
  ],
  'signalement-douane': [
    { example: 'ecouteurs-contrefaits.json', to: 'Douane', online: true, contains: ['SoundHub Handels GmbH', 'Allemagne', 'https://www.amazon.fr/dp/B0C33XXSYA?smid=A1SOUNDHUB0DE', 'JJD000390007784512', 'de bonne foi'], absent: ['L716-10', '414', 'poursuites'] },
  ],
  'recouvrement-petites-creances': [
    { example: 'remboursement-promis-impaye.json', to: 'Commissaire de justice', online: true, contains: ['article L125-1 du code des procédures civiles d’exécution', '289,00 €', 'intérêts compris', 'un mois', '15 juillet 2026', 'à ma charge'] },
  ],
  'requete-injonction-payer': [
    { example: 'remboursement-promis-impaye.json', to: 'Tribunal judiciaire de Lyon', contains: ['articles 1405 et suivants du code de procédure civile', 'infirmière', 'née le 12 avril 1988 à Villeurbanne', '289,00 €', 'certaine, liquide et exigible', 'article 1344-1', '15 juillet 2026', 'article R631-3'] },
  ],
};

describe('the catalogue', () => {
  it('has an expectation for every template, and every template loads', () => {
    expect(registry.errors.map((e) => e.message)).toEqual([]);
    expect(Object.keys(CATALOGUE).sort()).toEqual(registry.templates.map((t) => t.meta.id).sort());
  });
  it('asks for the claimant’s profession, nationality, date and place of birth before a court request (CPC 54, 57)', async () => {
    const c = structuredClone(await loadExample('televiseur-non-conforme.json'));
    for (const k of ['profession', 'nationality', 'birthDate', 'birthPlace'] as const) delete c.claimant[k];
    expect(missingFacts(c, registry.get('requete-tribunal')!.meta).map((p) => p.path)).toEqual(['claimant.profession', 'claimant.nationality', 'claimant.birthDate', 'claimant.birthPlace']);
  });
  it('does not offer the hidden-defects letter for goods that differ from the order (§8.1: that is conformity, L217-4)', () => {
    const meta = registry.get('mise-en-demeure-vices-caches')!.meta;
    expect(meta.disputes).not.toContain('non-conforming');
    expect(meta.disputes).toContain('defective');
  });
});

const cases = Object.entries(CATALOGUE).flatMap(([id, list]) => list.map((e, i) => ({ name: `${id} × ${e.example}${i > 0 ? ` (${i + 1})` : ''}`, id, e })));

describe.each(cases)('$name', ({ id, e }) => {
  it('PDF: right recipient, articles in force, deadlines; nothing obsolete', async () => {
    const template = registry.get(id)!;
    const c = structuredClone(await loadExample(e.example));
    e.change?.(c);
    expect(missingFacts(c, template.meta)).toEqual([]);
    // The example exercises the letter with its remedy open.
    expect(failedConditions(c, template.meta.conditions, TODAY)).toEqual([]);
    const doc = composeLetter(c, template, { today: TODAY });
    const pdf = await extractPdf(await writeLetterPdf(doc));
    // Lines joined, line-end hyphenation undone: the text as a reader reads it.
    const text = readable(pdf.text).replace(/-\n(?=\p{Ll})/gu, '').replace(/\n/g, ' ');
    expect(readable(doc.recipient[0] ?? '')).toBe(readable(e.to));
    expect(text).toContain(readable(e.to));
    for (const fact of e.contains) expect(text, fact).toContain(readable(fact));
    for (const fact of e.absent ?? []) expect(text, fact).not.toContain(readable(fact));
    expect(text).not.toMatch(OBSOLETE_OR_UNCONFIRMED);
    expect(/Lettre recommandée/.test(text)).toBe(!e.online && (c.letter?.sending ?? template.meta.recommendedSending) === 'lrar');
  });
});
