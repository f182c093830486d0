/**
 * The next step of the ladder for a case at each rung, and the warnings when a step's condition is not met
 * (mediator without written complaint or too late, CEC France for a French trader, chargeback after A-to-z…).
 */
import { describe, expect, it } from 'vitest';
import type { CaseFile, Contact } from '../../core/common/case/schema.js';
import type { NextStepInfo } from '../../core/common/api/contract.js';
import { amazonLaptopCase } from '../support/cases.js';
import { catalogueOptions, currentStage, recommendNextStep as recommendWith, RUNGS, stepWarnings as warningsWith, type NextStepOptions } from '../../core/common/deadlines/index.js';
import { loadTemplateRegistry } from '../../core/node/template-registry.js';

const TODAY = '2026-11-25';
/**
 * The response periods and the conditions live in the templates' headers only, read from the catalogue as
 * `recours next` and the app do (before, a table of the ladder restated the periods, and the warnings restated the
 * conditions in words of their own). The plan is tested on its own, without the conditions that pass steps over
 * (tests/integration/remedy-conditions.test.ts tests those); the warnings of a step include its conditions.
 */
const registry = loadTemplateRegistry();
const catalogue = catalogueOptions((id) => registry.get(id)?.meta);
const recommendNextStep = (c: CaseFile, today: string, options: NextStepOptions = { responseDays: catalogue.responseDays }) => recommendWith(c, today, options);
const stepWarnings = (c: CaseFile, templateId: string, today: string) => warningsWith(c, templateId, today, catalogue.conditions?.(templateId));

function delivery(contacts: Contact[] = [], change: (c: CaseFile) => void = () => {}): CaseFile {
  const c = amazonLaptopCase();
  c.order = { ...c.order!, promisedDelivery: '2026-10-02', delivered: '2026-10-02' };
  c.dispute.facts = 'Colis indiqué livré, jamais reçu.';
  c.contacts = contacts;
  change(c);
  return c;
}

const letter = (date: string, template: string): Contact => ({ date, channel: 'letter', summary: 'Lettre envoyée.', template });
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
const warnings = (c: CaseFile, today = TODAY) => recommendNextStep(c, today).warnings.map(plain);

describe('the ladder, rung by rung, for a parcel never received', () => {
  it('rung 1: nothing done yet → written complaint', () => {
    const c = delivery();
    expect(currentStage(c)).toEqual({ rung: 1, id: 'start', label: 'Dossier ouvert' });
    const step: NextStepInfo = recommendNextStep(c, TODAY);
    expect(step).toMatchObject({ templateId: 'reclamation-service-client', label: 'Réclamation écrite', warnings: [] });
    expect(step.reason).toContain('L612-2');
  });
  it('rung 2: phone calls only → still the written complaint', () => {
    const c = delivery([{ date: '2026-10-05', channel: 'phone', summary: 'Appel.' }]);
    expect(currentStage(c).label).toBe('Service client contacté');
    expect(recommendNextStep(c, TODAY).templateId).toBe('reclamation-service-client');
  });
  it('rung 3: a written complaint (even an e-mail sent outside Recours) → mise en demeure de livrer', () => {
    const c = delivery([{ date: '2026-10-15', channel: 'email', with: 'service client Amazon', summary: 'Récit écrit.' }]);
    expect(currentStage(c).label).toBe('Réclamation écrite envoyée');
    expect(recommendNextStep(c, TODAY).templateId).toBe('mise-en-demeure-livraison');
  });
  it('rung 6, response period running → résolution and refund, not before the period ends', () => {
    const c = delivery([letter('2026-11-20', 'mise-en-demeure-livraison')]);
    expect(currentStage(c)).toMatchObject({ rung: 6, label: 'Mise en demeure envoyée' });
    const step = recommendNextStep(c, TODAY);
    expect(step.templateId).toBe('mise-en-demeure-remboursement');
    expect(step.notBefore).toBe('2026-11-29');
    expect(plain(step.warnings[0] ?? '')).toBe(
      'Réponse attendue à votre mise en demeure de livrer du 20 novembre 2026 : le délai court jusqu’au 28 novembre 2026. Attendez cette date avant d’envoyer la lettre suivante, sauf réponse négative.',
    );
    expect(step.warnings.some((w) => w.startsWith('Indiquez le remboursement attendu : son motif'))).toBe(true);
  });
  it('rung 6, period over → the refund letter, without waiting', () => {
    const c = delivery([letter('2026-11-02', 'mise-en-demeure-livraison')], (k) => (k.refund = { reason: 'delivery-resolution' }));
    const step = recommendNextStep(c, TODAY);
    expect(step.templateId).toBe('mise-en-demeure-remboursement');
    expect(step.notBefore).toBeUndefined();
    expect(step.warnings).toEqual([]);
  });
  it('after the refund letter → the mediator, and says where to find it', () => {
    const c = delivery([letter('2026-10-15', 'reclamation-service-client'), letter('2026-11-02', 'mise-en-demeure-livraison'), letter('2026-11-12', 'mise-en-demeure-remboursement')]);
    const step = recommendNextStep(c, TODAY);
    expect(step.templateId).toBe('saisine-mediateur');
    expect(step.reason).toContain('signalconso');
    expect(warnings(c).join('\n')).toContain('Indiquez le médiateur (mediator) : le professionnel doit vous communiquer ses coordonnées (C. conso, art. L616-1)');
    expect(warnings(c).join('\n')).not.toMatch(/FEVAD/);
  });
  it('rung 8: mediator seized → conciliator once the 90 days have passed', () => {
    const c = delivery([letter('2026-06-01', 'reclamation-service-client'), letter('2026-07-01', 'saisine-mediateur')]);
    expect(currentStage(c)).toMatchObject({ rung: 8, label: 'Médiateur saisi' });
    const step = recommendNextStep(c, TODAY);
    expect(step).toMatchObject({ templateId: 'demande-conciliateur' });
    expect(step.notBefore).toBeUndefined();
    expect(step.warnings.map(plain)).toEqual(['Indiquez le conciliateur de justice (conciliator) : nom et adresse de sa permanence.']);
  });
  it('rung 9: conciliator seized → the court, with the amicable attempt phrased without a certain article number', () => {
    const c = delivery([letter('2026-06-01', 'reclamation-service-client'), letter('2026-08-01', 'demande-conciliateur')]);
    const step = recommendNextStep(c, TODAY);
    expect(step.templateId).toBe('requete-tribunal');
    expect(step.reason).toContain('Cerfa n° 16042*02');
    const all = warnings(c).join('\n');
    expect(all).toContain('Aucune pièce au dossier');
    expect(all).toContain('Indiquez le tribunal (court)');
    expect(all).not.toContain('tentative préalable'); // the conciliator was seized
  });
  it('rung 10: court seized → nothing left to send', () => {
    const c = delivery([letter('2026-06-01', 'reclamation-service-client'), letter('2026-11-01', 'requete-tribunal')]);
    expect(currentStage(c)).toEqual({ rung: RUNGS.length, id: 'court', label: 'Tribunal saisi' });
    expect(recommendNextStep(c, TODAY)).toMatchObject({ templateId: null, label: 'Suivre la procédure engagée' });
  });
});

describe('the current rung', () => {
  it('is not raised by a SignalConso report, which can be made at any time', () => {
    const c = delivery([letter('2026-10-15', 'reclamation-service-client'), letter('2026-10-16', 'signalconso')]);
    expect(currentStage(c).label).toBe('Réclamation écrite envoyée');
    expect(recommendNextStep(c, TODAY).templateId).toBe('mise-en-demeure-livraison');
  });
  it('does not count an e-mail from a third party as a written complaint', () => {
    const c = delivery([{ date: '2026-10-12', channel: 'email', with: 'Geodis', summary: 'Le transporteur répond.' }]);
    expect(currentStage(c).label).toBe('Service client contacté');
  });
  it('lists the ten rungs in order, each with its French label', () => {
    expect(RUNGS.map((r) => r.label)).toEqual([
      'Ouverture du dossier', 'Contact avec le service client', 'Réclamation écrite', 'Réclamation Garantie A à Z',
      'Demande de réexamen', 'Mise en demeure', 'Signalement (SignalConso, CEC France)', 'Médiation de la consommation',
      'Conciliation de justice', 'Saisine du tribunal',
    ]);
  });
});

describe('warnings when a step’s condition is not met', () => {
  it('mediator without any written complaint (L612-2, 1°)', () => {
    const w = stepWarnings(delivery([{ date: '2026-10-05', channel: 'phone', summary: 'Appel.' }]), 'saisine-mediateur', TODAY);
    expect(plain(w[0] ?? '')).toMatch(/^Aucune réclamation écrite au professionnel.*art\. L612-2, 1°/);
  });
  it('mediator more than one year after the written complaint (L612-2, 4°)', () => {
    const w = stepWarnings(delivery([letter('2025-11-20', 'reclamation-service-client')]), 'saisine-mediateur', TODAY).map(plain);
    // The condition's own words (mediator-within-a-year), which `recours generate` and the app also show.
    expect(w[0]).toBe('Votre première réclamation écrite date du 20 novembre 2025 : la demande au médiateur est irrecevable plus d’un an après la réclamation écrite (C. conso, art. L612-2, 4° ; limite : 20 novembre 2026). La conciliation de justice reste possible.');
  });
  it('court above 5 000 €, and no amicable attempt: the CPC rule is to be checked after décret 2025-660', () => {
    const c = delivery([letter('2026-06-01', 'reclamation-service-client')], (k) => (k.dispute.amount = 6200));
    const w = stepWarnings(c, 'requete-tribunal', TODAY).map(plain).join('\n');
    expect(w).toContain('Le montant réclamé (6 200,00 €) dépasse 5 000 €');
    expect(w).toContain('vérifiez sur Légifrance sa numérotation depuis le décret n° 2025-660');
  });
  it('CEC France for a trader established in France, and for Amazon’s own sales', () => {
    const french = delivery([letter('2026-10-01', 'reclamation-service-client')], (k) => {
      k.respondent = { role: 'seller', name: 'MaisonConfort SAS', address: { lines: ['14 rue de l’Industrie'], postalCode: '59160', city: 'Lille' } };
    });
    // The condition's own words (trader-in-eec-network).
    expect(plain(stepWarnings(french, 'reclamation-cec-france', TODAY)[0] ?? '')).toBe(
      'MaisonConfort SAS est établi en France : le CEC France ne traite pas les litiges avec un professionnel établi en France ; le médiateur de la consommation est compétent.',
    );
    const amazon = stepWarnings(delivery([letter('2026-10-01', 'reclamation-service-client')]), 'reclamation-cec-france', TODAY);
    expect(amazon.join('\n')).toContain('succursale française');
  });
  it('CEC France less than three weeks after the written complaint', () => {
    const c = delivery([letter('2026-11-20', 'reclamation-contrefacon')], (k) => {
      k.respondent = { role: 'seller', name: 'SoundHub Handels GmbH', address: { lines: ['Friedrichstraße 112'], postalCode: '10117', city: 'Berlin', country: 'Allemagne' } };
      k.order!.seller = { name: 'SoundHub Handels GmbH', professional: true };
    });
    expect(stepWarnings(c, 'reclamation-cec-france', TODAY).map(plain)).toEqual([
      'Le CEC France demande d’attendre trois semaines après votre réclamation écrite du 20 novembre 2026, soit jusqu’au 11 décembre 2026.',
    ]);
  });
  it('chargeback after an A-to-z claim, and A-to-z after a chargeback', () => {
    const marketplace = (contacts: Contact[]) =>
      delivery(contacts, (k) => {
        k.dispute.type = 'marketplace-seller';
        k.order!.seller = { name: 'MobilitéPlus SARL', professional: true };
        k.order!.fulfilledByAmazon = false;
        delete k.order!.delivered;
        k.order!.promisedDelivery = '2026-11-04';
        k.contestedPayment = { operations: [{ date: '2026-10-27', amount: 499 }] };
      });
    const afterClaim = stepWarnings(marketplace([letter('2026-11-15', 'reclamation-garantie-a-z')]), 'contestation-bancaire', TODAY);
    expect(afterClaim.join('\n')).toContain('selon les conditions publiées par Amazon, une contestation auprès de la banque rend la réclamation A à Z impossible');
    const afterChargeback = stepWarnings(marketplace([letter('2026-11-15', 'contestation-bancaire')]), 'reclamation-garantie-a-z', TODAY);
    expect(afterChargeback.join('\n')).toContain('aucune réclamation A à Z n’est possible lorsque le paiement a été contesté');
  });
  it('A-to-z for an item shipped by Amazon, or 48 hours not yet given to the seller', () => {
    const c = delivery([{ date: '2026-11-24', channel: 'message', with: 'MobilitéPlus SARL', summary: 'Message.' }], (k) => {
      k.order!.seller = { name: 'MobilitéPlus SARL', professional: true };
      k.order!.fulfilledByAmazon = true;
    });
    const w = stepWarnings(c, 'reclamation-garantie-a-z', TODAY).map(plain);
    expect(w[0]).toContain('pour un article vendu ou expédié par Amazon, adressez-vous à Amazon directement');
    expect(w.join('\n')).toContain('laisser au vendeur 48 heures pour répondre à votre message du 24 novembre 2026');
  });
  it('bank contestation more than thirteen months after the debit (CMF L133-24)', () => {
    const c = delivery([], (k) => (k.contestedPayment = { operations: [{ date: '2025-09-30', amount: 80 }] }));
    expect(stepWarnings(c, 'contestation-bancaire', TODAY).map(plain).join('\n')).toContain('débitée il y a plus de treize mois');
  });
});

describe('the plan depends on the dispute', () => {
  it('a Marketplace seller that does not answer: letter to the seller, then the A-to-z claim', () => {
    const c = delivery([], (k) => {
      k.dispute.type = 'marketplace-seller';
      k.order!.seller = { name: 'MobilitéPlus SARL', professional: true };
      k.order!.fulfilledByAmazon = false;
      delete k.order!.delivered;
      k.order!.promisedDelivery = '2026-11-04';
    });
    expect(recommendNextStep(c, TODAY).templateId).toBe('vendeur-marketplace');
    c.contacts = [{ date: '2026-11-06', channel: 'message', with: 'MobilitéPlus SARL', summary: 'Où est ma commande ?' }];
    expect(recommendNextStep(c, TODAY).templateId).toBe('reclamation-garantie-a-z');
  });
  it('a defect after two years, or from a private seller: hidden defects rather than conformity', () => {
    const late = delivery([letter('2026-10-20', 'reclamation-service-client')], (k) => {
      k.dispute = { type: 'defective', facts: 'Cuve fissurée.', demand: 'price-reduction', noticed: '2026-10-14' };
      k.order!.delivered = '2024-03-12';
    });
    expect(recommendNextStep(late, TODAY).templateId).toBe('mise-en-demeure-vices-caches');
    expect(stepWarnings(late, 'mise-en-demeure-conformite', TODAY)[0]).toContain('plus de deux ans après la délivrance');
    late.order!.delivered = '2026-03-12';
    expect(recommendNextStep(late, TODAY).templateId).toBe('mise-en-demeure-conformite');
    late.order!.seller = { name: 'Jean Martin', professional: false };
    late.order!.fulfilledByAmazon = true; // shipped by Amazon: no A-to-z claim
    expect(recommendNextStep(late, TODAY).templateId).toBe('mise-en-demeure-vices-caches');
  });
  it('fraud: the bank first, then the account incident', () => {
    const c = delivery([], (k) => {
      k.dispute = { type: 'fraud', facts: 'Compte piraté.', demand: 'chargeback' };
      k.contestedPayment = { operations: [{ date: '2026-11-09', amount: 150 }], reported: '2026-11-10' };
    });
    expect(recommendNextStep(c, TODAY).templateId).toBe('contestation-bancaire');
    c.contacts = [letter('2026-11-20', 'contestation-bancaire')];
    expect(recommendNextStep(c, TODAY).templateId).toBe('incident-securite-compte');
  });
  it('privacy: the GDPR request, then the CNIL once the month has passed', () => {
    const c = delivery([], (k) => {
      delete k.order;
      k.dispute = { type: 'privacy', facts: 'Que savez-vous de moi ?', demand: 'data-access' };
    });
    expect(recommendNextStep(c, TODAY).templateId).toBe('demande-rgpd-acces');
    c.contacts = [letter('2026-11-10', 'demande-rgpd-acces')];
    const waiting = recommendNextStep(c, TODAY);
    expect(waiting).toMatchObject({ templateId: 'plainte-cnil', label: 'Plainte à la CNIL', notBefore: '2026-12-11' });
    expect(recommendNextStep(c, '2026-12-11').warnings).toEqual([]);
  });
  it('a trader in another EU country: the CEC France rather than a French mediator', () => {
    const c = delivery([letter('2026-10-20', 'reclamation-contrefacon'), letter('2026-11-01', 'mise-en-demeure-conformite')], (k) => {
      k.dispute = { type: 'counterfeit', facts: 'Contrefaçon.', demand: 'refund' };
      k.respondent = { role: 'seller', name: 'SoundHub Handels GmbH', address: { lines: ['Friedrichstraße 112'], postalCode: '10117', city: 'Berlin', country: 'Allemagne' } };
      k.order!.seller = { name: 'SoundHub Handels GmbH', professional: true };
      k.order!.fulfilledByAmazon = true;
    });
    expect(recommendNextStep(c, TODAY).templateId).toBe('reclamation-cec-france');
    c.contacts!.push(letter('2026-11-24', 'reclamation-cec-france'));
    expect(recommendNextStep(c, TODAY)).toMatchObject({ templateId: 'petits-litiges-europeens', label: 'Procédure européenne de règlement des petits litiges (formulaire A)' });
  });
  it('an unfavourable decision after a complaint: reconsideration first', () => {
    const c = delivery([letter('2026-10-15', 'reclamation-service-client')], (k) => {
      k.decision = { date: '2026-10-20', by: 'Amazon', summary: 'Colis considéré comme livré.' };
    });
    const step = recommendNextStep(c, TODAY);
    expect(step.templateId).toBe('demande-reexamen');
    expect(plain(step.reason)).toContain('le 20 octobre 2026 une décision défavorable');
    c.contacts!.push(letter('2026-10-25', 'demande-reexamen'));
    expect(recommendNextStep(c, TODAY).templateId).toBe('mise-en-demeure-livraison');
  });
  it('a fraud the bank refused: reconsideration by the bank, citing CMF L133-23', () => {
    const c = delivery([letter('2026-11-12', 'contestation-bancaire')], (k) => {
      k.dispute = { type: 'fraud', facts: 'Compte piraté.', demand: 'chargeback' };
      k.contestedPayment = { operations: [{ date: '2026-11-09', amount: 150 }], reported: '2026-11-10' };
      k.decision = { date: '2026-11-20', by: 'Banque Populaire', party: 'bank', summary: 'Négligence grave.' };
    });
    const step = recommendNextStep(c, TODAY);
    // The bank's own reconsideration letter (legal-facts §8.3), addressed to the bank.
    expect(step.templateId).toBe('reexamen-refus-banque');
    expect(plain(step.reason)).toContain('à la banque');
    expect(plain(step.reason)).toContain('art. L133-23');
  });
  it('goods that differ from the order: conformity, never hidden defects, even past two years (§8.1)', () => {
    const c = delivery([letter('2026-10-20', 'reclamation-service-client')], (k) => {
      k.dispute = { type: 'non-conforming', facts: 'Modèle différent.', demand: 'replacement', noticed: '2026-10-14' };
      k.order!.delivered = '2024-03-12';
    });
    expect(recommendNextStep(c, TODAY).templateId).toBe('mise-en-demeure-conformite');
    expect(stepWarnings(c, 'mise-en-demeure-vices-caches', TODAY).map(plain)[0]).toContain('art. L217-4');
  });
  it('a mediation that ended at the mediator’s notice: the next step without waiting for the ninety days', () => {
    const c = delivery([letter('2026-10-15', 'reclamation-service-client'), letter('2026-10-25', 'mise-en-demeure-livraison'), letter('2026-11-05', 'mise-en-demeure-remboursement'), letter('2026-11-10', 'saisine-mediateur')], (k) => {
      k.mediation = { ended: '2026-11-20', outcome: 'no-agreement' };
    });
    const step = recommendNextStep(c, TODAY);
    expect(step.templateId).toBe('demande-conciliateur');
    expect(step.notBefore).toBeUndefined();
  });
});

describe('the rungs users needed (fact sheet §8.3)', () => {
  const fraud = (contacts: Contact[], change: (c: CaseFile) => void = () => {}) =>
    delivery(contacts, (k) => {
      delete k.order;
      k.respondent = { role: 'bank', name: 'Banque de l’Odet', address: { lines: ['3 quai de l’Odet'], postalCode: '29000', city: 'Quimper' } };
      k.bank = { name: 'Banque de l’Odet', address: { lines: ['3 quai de l’Odet'], postalCode: '29000', city: 'Quimper' } };
      k.dispute = { type: 'fraud', facts: 'Paiements inconnus.', demand: 'chargeback' };
      k.contestedPayment = { operations: [{ date: '2026-10-18', amount: 489.9 }], reported: '2026-10-19' };
      change(k);
    });
  it('card fraud refused by the bank: reconsideration to the bank (L133-23), then the bank’s mediator', () => {
    const refused = fraud([letter('2026-10-20', 'contestation-bancaire')], (k) => {
      k.decision = { date: '2026-11-06', by: 'Banque de l’Odet', party: 'bank', summary: 'Négligence grave.' };
    });
    const first = recommendNextStep(refused, TODAY);
    expect(first.templateId).toBe('reexamen-refus-banque');
    expect(plain(first.reason)).toContain('L133-23');
    refused.contacts!.push(letter('2026-11-10', 'reexamen-refus-banque'));
    expect(recommendNextStep(refused, '2026-11-26').templateId).toBe('saisine-mediateur-bancaire');
  });
  it('card fraud: the police report, online through Perceval, is a step of the advice until it is recorded', () => {
    const c = fraud([]);
    expect(warnings(c).join('\n')).toContain('Perceval (https://www.moncommissariat.interieur.gouv.fr/fr/demarches/perceval)');
    c.contestedPayment!.policeReport = { date: '2026-10-21' };
    expect(warnings(c).join('\n')).not.toContain('Perceval');
  });
  it('a subscription: the complaint, then the mise en demeure with the calculation', () => {
    const c = delivery([letter('2026-10-25', 'abonnement-prime')], (k) => {
      delete k.order;
      k.dispute = { type: 'subscription', facts: 'Reconduit sans avis.', demand: 'refund' };
      k.subscription = { service: 'Amazon Prime', period: 'year', cancelled: '2026-10-20', renewalNotice: false, charges: [{ date: '2026-10-15', amount: 69.9 }] };
    });
    expect(recommendNextStep(c, TODAY).templateId).toBe('mise-en-demeure-abonnement');
  });
  it('a refund still unpaid after the mediator: the petites créances procedure, then the injonction de payer', () => {
    const c = delivery([letter('2026-06-02', 'reclamation-service-client'), letter('2026-07-15', 'mise-en-demeure-remboursement'), letter('2026-08-05', 'saisine-mediateur')], (k) => {
      k.dispute = { type: 'refund', facts: 'Remboursement promis, jamais versé.', demand: 'refund' };
      k.respondent = { role: 'seller', name: 'BureauPlus SARL', address: { lines: ['5 rue des Entrepreneurs'], postalCode: '38000', city: 'Grenoble' } };
    });
    expect(recommendNextStep(c, TODAY).templateId).toBe('recouvrement-petites-creances');
    c.contacts!.push(letter('2026-11-01', 'recouvrement-petites-creances'));
    expect(recommendNextStep(c, '2026-12-15').templateId).toBe('requete-injonction-payer');
  });
});
