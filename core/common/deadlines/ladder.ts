/**
 * The escalation ladder of a consumer dispute (fact sheet §2: customer service, written complaint and mise en
 * demeure, mediator, authorities, conciliator, court), and where a case stands on it.
 *
 * A case climbs by the letters it has sent: its `sendings` (letters marked as sent), and in older cases the
 * contacts whose `template` holds the id of a Recours template. A contact without template still counts: a phone
 * call or a chat is a contact, a letter, an e-mail or a platform message is a written complaint.
 */
import type { CaseFile, Contact, Sending } from '../case/schema.js';
import { compareIsoDates } from '../format/dates.js';

export const RUNGS = [
  { id: 'start', label: 'Ouverture du dossier', reached: 'Dossier ouvert' },
  { id: 'contact', label: 'Contact avec le service client', reached: 'Service client contacté' },
  { id: 'complaint', label: 'Réclamation écrite', reached: 'Réclamation écrite envoyée' },
  { id: 'platform-claim', label: 'Réclamation Garantie A à Z', reached: 'Réclamation A à Z déposée' },
  { id: 'reconsideration', label: 'Demande de réexamen', reached: 'Réexamen demandé' },
  { id: 'formal-notice', label: 'Mise en demeure', reached: 'Mise en demeure envoyée' },
  { id: 'authority', label: 'Signalement (SignalConso, CEC France)', reached: 'Signalement déposé' },
  { id: 'mediation', label: 'Médiation de la consommation', reached: 'Médiateur saisi' },
  { id: 'conciliation', label: 'Conciliation de justice', reached: 'Conciliateur saisi' },
  { id: 'court', label: 'Saisine du tribunal', reached: 'Tribunal saisi' },
] as const;

export type RungId = (typeof RUNGS)[number]['id'];

/**
 * Each template of the catalogue: its rung and how a sentence names the letter (« votre mise en demeure de livrer »).
 * Its response period is in its header only (`responseDays`), read through the catalogue in use (DeadlineOptions).
 */
export const TEMPLATE_STEPS: Record<string, { rung: RungId; name: string }> = {
  'reclamation-service-client': { rung: 'complaint', name: 'réclamation écrite' },
  'vendeur-marketplace': { rung: 'complaint', name: 'réclamation au vendeur Marketplace' },
  'reclamation-contrefacon': { rung: 'complaint', name: 'réclamation pour produit contrefait' },
  'abonnement-prime': { rung: 'complaint', name: 'réclamation sur l’abonnement' },
  'demande-rgpd-acces': { rung: 'complaint', name: 'demande d’accès aux données (RGPD)' },
  'demande-rgpd-effacement': { rung: 'complaint', name: 'demande d’effacement des données (RGPD)' },
  'incident-securite-compte': { rung: 'complaint', name: 'signalement d’incident de sécurité du compte' },
  'contestation-bancaire': { rung: 'complaint', name: 'contestation d’opérations auprès de la banque' },
  'reclamation-garantie-a-z': { rung: 'platform-claim', name: 'réclamation au titre de la Garantie A à Z' },
  'demande-reexamen': { rung: 'reconsideration', name: 'demande de réexamen' },
  'mise-en-demeure-livraison': { rung: 'formal-notice', name: 'mise en demeure de livrer' },
  'mise-en-demeure-conformite': { rung: 'formal-notice', name: 'mise en demeure (garantie légale de conformité)' },
  'mise-en-demeure-vices-caches': { rung: 'formal-notice', name: 'mise en demeure (garantie des vices cachés)' },
  'mise-en-demeure-remboursement': { rung: 'formal-notice', name: 'mise en demeure de rembourser' },
  signalconso: { rung: 'authority', name: 'signalement SignalConso' },
  'reclamation-cec-france': { rung: 'authority', name: 'réclamation au Centre Européen des Consommateurs France' },
  'saisine-mediateur': { rung: 'mediation', name: 'saisine du médiateur de la consommation' },
  'demande-conciliateur': { rung: 'conciliation', name: 'demande de conciliation' },
  'requete-tribunal': { rung: 'court', name: 'requête au tribunal' },
  // The rungs of fact sheet §8.3.
  'reexamen-refus-banque': { rung: 'reconsideration', name: 'demande de réexamen du refus de la banque' },
  'saisine-mediateur-bancaire': { rung: 'mediation', name: 'saisine du médiateur de la banque' },
  'mise-en-demeure-abonnement': { rung: 'formal-notice', name: 'mise en demeure (abonnement facturé à tort)' },
  'notification-dsa': { rung: 'platform-claim', name: 'notification à la plateforme (règlement sur les services numériques)' },
  'plainte-cnil': { rung: 'authority', name: 'plainte à la CNIL' },
  'petits-litiges-europeens': { rung: 'court', name: 'procédure européenne de règlement des petits litiges (formulaire A)' },
  'plainte-ddpp': { rung: 'authority', name: 'plainte écrite à la DDPP' },
  'signalement-douane': { rung: 'authority', name: 'signalement à la douane' },
  'recouvrement-petites-creances': { rung: 'conciliation', name: 'procédure simplifiée de recouvrement des petites créances' },
  'requete-injonction-payer': { rung: 'court', name: 'requête en injonction de payer' },
};

/** Reports that inform an authority and can be made at any time: they do not move the dispute up the ladder. */
export const SIDE_REPORTS: ReadonlySet<string> = new Set(['signalconso', 'plainte-ddpp', 'signalement-douane']);

const WRITTEN_CHANNELS = new Set<Contact['channel']>(['letter', 'email', 'message']);

/** What the journal and the deadlines read: the contacts, and the letters marked as sent. */
type Journal = Pick<CaseFile, 'contacts' | 'sendings'>;

/** A letter Recours produced and the user marked as sent, as the step of the journal it is; `received` when known. */
export type SentLetter = Contact & { template: string; received?: string };

const SENT_BY: Record<NonNullable<Sending['mode']>, string> = {
  lrar: 'par lettre recommandée avec accusé de réception',
  lre: 'par lettre recommandée électronique',
  email: 'par courrier électronique',
  post: 'par courrier simple',
  hand: 'en main propre contre décharge',
};

/** A sending read as a journal entry: its registered number is the user's proof of posting, never a reference. */
export function sendingAsContact(s: Sending): SentLetter {
  const name = TEMPLATE_STEPS[s.template]?.name ?? `lettre « ${s.template} »`;
  // Every step name is feminine but « signalement » (le signalement SignalConso).
  const what = name.startsWith('signalement') ? `du ${name}` : `de la ${name}`;
  const number = s.registeredNumber ? ` (n° ${s.registeredNumber})` : '';
  return {
    date: s.date,
    channel: s.mode === 'email' ? 'email' : 'letter',
    summary: `envoi ${what}${s.mode ? ` ${SENT_BY[s.mode]}` : ''}${number}`,
    template: s.template,
    ...(s.received ? { received: s.received } : {}),
  };
}

/** Contacts and letters sent, in date order (stable for entries of the same day: contacts first). */
export function sortedContacts(c: Journal): Contact[] {
  return [...(c.contacts ?? []), ...(c.sendings ?? []).map(sendingAsContact)]
    .map((k, index) => ({ k, index }))
    .sort((a, b) => compareIsoDates(a.k.date, b.k.date) || a.index - b.index)
    .map(({ k }) => k);
}

/** A written complaint in the sense of L612-2: a letter, an e-mail, a message, or any letter Recours produced. */
export function isWritten(k: Contact): boolean {
  return k.template !== undefined || WRITTEN_CHANNELS.has(k.channel);
}

const COMPLAINT_RUNGS = new Set<RungId>(['complaint', 'platform-claim', 'reconsideration', 'formal-notice']);

type CaseParties = Pick<CaseFile, 'contacts' | 'sendings' | 'respondent' | 'order'>;

const firstWord = (name: string) => (name.trim().split(/\s+/)[0] ?? '').toLocaleLowerCase('fr-FR');

/**
 * The contact was with the professional (the respondent or the Marketplace seller), judged by the first word of
 * their names in `with`; a contact that names no one is taken as with the professional. A letter Recours produced
 * always counts. An e-mail to the manufacturer, the carrier or the mediator is not a complaint to the professional.
 */
export function withTrader(c: CaseParties, k: Contact): boolean {
  if (k.template !== undefined || k.with === undefined) return true;
  const who = k.with.toLocaleLowerCase('fr-FR');
  const names = [c.respondent.name, c.order?.seller?.name].filter((n): n is string => n !== undefined).map(firstWord);
  return names.some((n) => n.length > 1 && who.includes(n));
}

/** Written complaints to the professional, in date order: not the letters to a mediator, an authority or a court. */
export function writtenComplaints(c: CaseParties): Contact[] {
  return sortedContacts(c).filter((k) => {
    if (!isWritten(k) || !withTrader(c, k)) return false;
    const rung = k.template ? TEMPLATE_STEPS[k.template]?.rung : undefined;
    return rung === undefined || COMPLAINT_RUNGS.has(rung);
  });
}

/** Letters Recours produced and the user marked as sent (sendings, and older cases' contacts with a template), in date order. */
export function lettersSent(c: Journal): SentLetter[] {
  return sortedContacts(c).filter((k): k is SentLetter => k.template !== undefined);
}

export function rungIndex(id: RungId): number {
  return RUNGS.findIndex((r) => r.id === id);
}

function rungOfContact(c: CaseParties, k: Contact): RungId {
  // A SignalConso report can be made at any time: it informs the authority, it does not move the dispute up.
  if (k.template !== undefined && SIDE_REPORTS.has(k.template)) return 'contact';
  const known = k.template ? TEMPLATE_STEPS[k.template] : undefined;
  if (known) return known.rung;
  return isWritten(k) && withTrader(c, k) ? 'complaint' : 'contact';
}

/** The highest rung the case has reached: `rung` counts from 1 (« Dossier ouvert »). */
export function currentStage(c: CaseParties): { rung: number; id: RungId; label: string } {
  let best = 0;
  for (const k of sortedContacts(c)) best = Math.max(best, rungIndex(rungOfContact(c, k)));
  const rung = RUNGS[best] ?? RUNGS[0];
  return { rung: best + 1, id: rung.id, label: rung.reached };
}
