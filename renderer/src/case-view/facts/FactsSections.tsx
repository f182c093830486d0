/**
 * The sections of « Faits », one component each, keyed by the section ids of app/field-routes.ts (the table the
 * missing-fact links follow). Parties one must find come with help in plain words.
 */
import type { ReactNode } from 'react';
import { SECTION_DATA, type FactsSection, type OtherParty } from '../../app/field-routes.js';
import { AddressFields } from '../../common/AddressFields.js';
import { DebitList } from '../../common/DebitList.js';
import { AmountField, CheckboxField, DateField, IntegerField, SelectField, TextAreaField, TextField, YesNoField } from '../../common/fields.js';
import { PartyFields } from '../../common/PartyFields.js';
import { getAt, isFilled } from '../../draft/paths.js';
import { useCaseWorkspace } from '../case-workspace.js';
import {
  DATA_REQUEST_ANSWER_OPTIONS,
  DECISION_PARTY_OPTIONS,
  DEMAND_OPTIONS,
  DISPUTE_OPTIONS,
  MEDIATION_OUTCOME_OPTIONS,
  REFUND_REASON_OPTIONS,
  RESPONDENT_ROLE_OPTIONS,
  SENDING_OPTIONS,
  SUBSCRIPTION_PERIOD_OPTIONS,
  TITLE_OPTIONS,
} from '../options.js';
import { ImportOrderInCase } from '../../import/ImportOrderInCase.js';
import { OrderItems } from './OrderItems.js';
import { PARTY_HELP } from './party-help.js';

function Help({ paragraphs }: { paragraphs: readonly string[] }) {
  return (
    <div className="party-help field-wide">
      {paragraphs.map((p) => (
        <p key={p}>{p}</p>
      ))}
    </div>
  );
}

/** A folded group inside a section, open as soon as it holds something (a link to one of its fields opens it too). */
function Subsection({ base, title, children }: { base: string | readonly string[]; title: string; children: ReactNode }) {
  const { draft } = useCaseWorkspace();
  const filled = (typeof base === 'string' ? [base] : base).some((p) => isFilled(getAt(draft, p)));
  return (
    <details className="subsection field-wide" open={filled || undefined}>
      <summary>{title}</summary>
      <div className="field-grid">{children}</div>
    </details>
  );
}

function Problem() {
  return (
    <>
      <SelectField path="dispute.type" label="Type de litige" options={DISPUTE_OPTIONS} required />
      <TextAreaField
        path="dispute.facts"
        label="Ce qui s’est passé"
        hint="Racontez les faits dans l’ordre, avec les dates. Une ligne vide commence un nouveau paragraphe."
        rows={8}
        required
        className="field-wide"
      />
      <DateField path="dispute.noticed" label="Date où vous avez constaté le problème" />
      <SelectField path="dispute.demand" label="Ce que vous demandez" options={DEMAND_OPTIONS} required />
      <AmountField path="dispute.amount" label="Montant réclamé (€)" hint="Par défaut, le total de la commande" />
    </>
  );
}

function Order() {
  const { draft } = useCaseWorkspace();
  const isAmazon = /amazon/i.test(String(getAt(draft, 'order.platform') ?? ''));
  return (
    <>
      <ImportOrderInCase />
      <TextField path="order.platform" label="Plateforme" hint="Par exemple Amazon" />
      <TextField path="order.number" label="Numéro de commande" hint={isAmazon ? 'Sur Amazon : 3, 7 et 7 chiffres, par exemple 402-1234567-8901234' : undefined} />
      <DateField path="order.date" label="Date de commande" required />
      <OrderItems />
      <AmountField path="order.total" label="Montant total payé (€)" required />
      <TextField path="order.payment" label="Moyen de paiement" hint="Carte bancaire, PayPal…" />
      <CheckboxField path="order.fulfilledByAmazon" label="Expédié par Amazon" />
      <CheckboxField path="order.used" label="Bien d’occasion" />
      <DateField path="order.promisedDelivery" label="Date de livraison promise" />
      <DateField path="order.delivered" label="Date indiquée comme livrée" />
      <TextField path="order.carrier" label="Transporteur" />
      <TextField path="order.tracking" label="Numéro de suivi" />
      <TextField path="order.listingUrl" label="Adresse (URL) de la page du produit" className="field-wide" />
      <Subsection base="order.seller" title="Vendeur tiers (Marketplace)">
        <TextField path="order.seller.name" label="Nom du vendeur" />
        <TextField path="order.seller.id" label="Identifiant du vendeur" />
        <CheckboxField path="order.seller.professional" label="Vendeur professionnel" />
        <p className="hint field-wide">Sur Amazon, l’adresse et l’e-mail du vendeur figurent sur sa page « Informations vendeur ».</p>
        <AddressFields base="order.seller.address" />
        <TextField path="order.seller.email" label="Adresse e-mail du vendeur" type="email" />
      </Subsection>
    </>
  );
}

const CLAIMANT_COURT_PATHS = ['claimant.profession', 'claimant.nationality', 'claimant.birthDate', 'claimant.birthPlace'];

function Claimant() {
  return (
    <>
      <SelectField path="claimant.title" label="Civilité" options={TITLE_OPTIONS} emptyLabel="— non précisée —" />
      <TextField path="claimant.firstName" label="Prénom" required autoComplete="given-name" />
      <TextField path="claimant.lastName" label="Nom" required autoComplete="family-name" />
      <AddressFields base="claimant.address" />
      <TextField path="claimant.email" label="Adresse e-mail" type="email" autoComplete="email" />
      <TextField path="claimant.phone" label="Téléphone" type="tel" autoComplete="tel" />
      <TextField path="claimant.customerId" label="Numéro de client" />
      <Subsection base={CLAIMANT_COURT_PATHS} title="Pour saisir le tribunal : profession, nationalité, naissance">
        <TextField path="claimant.profession" label="Profession" />
        <TextField path="claimant.nationality" label="Nationalité" />
        <DateField path="claimant.birthDate" label="Date de naissance" />
        <TextField path="claimant.birthPlace" label="Lieu de naissance" />
      </Subsection>
    </>
  );
}

function Respondent() {
  return (
    <>
      <SelectField path="respondent.role" label="Qui est-ce ?" options={RESPONDENT_ROLE_OPTIONS} required />
      <TextField path="respondent.name" label="Nom du destinataire" required />
      <TextField path="respondent.department" label="Service" />
      <AddressFields base="respondent.address" />
      <TextField path="respondent.email" label="Adresse e-mail du destinataire" type="email" />
      <TextField path="respondent.registration" label="Immatriculation (RCS)" />
    </>
  );
}

function Subscription() {
  return (
    <>
      <TextField path="subscription.service" label="Nom de l’abonnement" hint="Par exemple Amazon Prime" />
      <DateField path="subscription.started" label="Date de souscription" />
      <AmountField path="subscription.price" label="Prix (€)" />
      <SelectField path="subscription.period" label="Périodicité" options={SUBSCRIPTION_PERIOD_OPTIONS} />
      <DateField path="subscription.cancelled" label="Date de résiliation" hint="Le jour où vous avez résilié ou demandé à résilier" />
      <YesNoField path="subscription.renewalNotice" label="Avez-vous été prévenu(e) de la reconduction ?" yes="Oui, j’ai été prévenu(e)" no="Non, aucun avis reçu" />
      <DebitList base="subscription.charges" legend="Prélèvements contestés" itemLabel="Prélèvement" addLabel="Ajouter un prélèvement" />
    </>
  );
}

function Payments() {
  return (
    <>
      <DebitList base="contestedPayment.operations" legend="Opérations que vous n’avez pas autorisées" itemLabel="Opération" addLabel="Ajouter une opération" />
      <TextField path="contestedPayment.instrument" label="Moyen de paiement utilisé" hint="Par exemple « carte Visa se terminant par 4821 »" className="field-wide" />
      <DateField path="contestedPayment.reported" label="Date du signalement à la banque" hint="Appel, opposition, formulaire en ligne" />
      <DateField path="contestedPayment.policeReport.date" label="Date de la plainte ou du signalement à la police" hint="En ligne sur Perceval pour une fraude à la carte" />
      <TextField path="contestedPayment.policeReport.reference" label="Numéro de la plainte ou du signalement" />
      <DateField path="contestedPayment.consentWithdrawn" label="Date où vous avez retiré à la banque votre consentement aux prélèvements de ce commerçant" hint="Pour des prélèvements d’abonnement : sans ce retrait, ils sont en principe autorisés (C. mon. fin., art. L133-7)" />
    </>
  );
}

/** Also the new case's question on the refund: the same fields, worded once. */
export function Refund() {
  return (
    <>
      <SelectField path="refund.reason" label="Pourquoi le remboursement vous est dû" options={REFUND_REASON_OPTIONS} />
      <DateField path="refund.requested" label="Date où vous avez informé le professionnel" hint="Rétractation, résolution ou demande de retour" />
      <DateField path="refund.returned" label="Date de renvoi du bien" />
      <TextField path="refund.returnTracking" label="Numéro de suivi du retour" />
    </>
  );
}

function DataRequest() {
  return (
    <>
      <DateField path="dataRequest.received" label="Date de réception de votre demande" hint="Par l’entreprise (accusé de réception, réponse automatique)" />
      <CheckboxField path="dataRequest.extended" label="L’entreprise a annoncé une prolongation de deux mois" />
      <SelectField path="dataRequest.answer" label="Réponse obtenue" options={DATA_REQUEST_ANSWER_OPTIONS} />
    </>
  );
}

function Decision() {
  return (
    <>
      <DateField path="decision.date" label="Date de la décision" />
      <TextField path="decision.by" label="Auteur de la décision" hint="Le service ou la personne qui l’a signée" />
      <SelectField path="decision.party" label="Qui a décidé" options={DECISION_PARTY_OPTIONS} emptyLabel="— le destinataire —" />
      <TextField path="decision.reference" label="Référence de la décision" />
      <TextAreaField path="decision.summary" label="Ce qui a été décidé" className="field-wide" />
    </>
  );
}

/** One row per party of « Autres interlocuteurs »: its title and what its name is called (its help is in PARTY_HELP). */
const PARTY_SECTIONS: Record<OtherParty, { title: string; nameLabel: string }> = {
  bank: { title: 'Votre banque', nameLabel: 'Nom de la banque' },
  bankMediator: { title: 'Le médiateur de votre banque', nameLabel: 'Nom du médiateur de la banque' },
  mediator: { title: 'Le médiateur de la consommation', nameLabel: 'Nom du médiateur' },
  conciliator: { title: 'Le conciliateur de justice', nameLabel: 'Nom du conciliateur' },
  court: { title: 'Le tribunal', nameLabel: 'Nom du tribunal' },
  authority: { title: 'La DDPP (protection des populations)', nameLabel: 'Nom du service' },
};

/** A party's help and fields, in « Faits » and wherever a screen first asks for that party (the new case's bank). */
export function PartyBlock({ party }: { party: OtherParty }) {
  return (
    <>
      <Help paragraphs={PARTY_HELP[party]} />
      <PartyFields base={party} nameLabel={PARTY_SECTIONS[party].nameLabel} />
    </>
  );
}

function PartySection({ party }: { party: OtherParty }) {
  return (
    <Subsection base={party} title={PARTY_SECTIONS[party].title}>
      <PartyBlock party={party} />
    </Subsection>
  );
}

function MediationTried() {
  return (
    <Subsection base="mediation" title="Une médiation déjà tentée">
      <DateField path="mediation.ended" label="Date de l’avis de fin de médiation" />
      <SelectField path="mediation.outcome" label="Issue de la médiation" options={MEDIATION_OUTCOME_OPTIONS} />
    </Subsection>
  );
}

/** In the order of the routes table, so that the section shows every part a link may lead to. */
function OtherParties() {
  return (
    <>
      {SECTION_DATA.interlocuteurs.map((head) =>
        head === 'mediation' ? <MediationTried key={head} /> : <PartySection key={head} party={head as OtherParty} />,
      )}
    </>
  );
}

/**
 * « La lettre »: every field is optional: the place defaults to the claimant's city (core does the same when
 * composing), the mode to the one the letter recommends, the period to the letter's own.
 */
function Letter() {
  const { draft } = useCaseWorkspace();
  const city = getAt(draft, 'claimant.address.city');
  const placeHint = typeof city === 'string' && city.trim() ? `Par défaut, votre ville\u00A0: ${city.trim()}` : 'Par défaut, votre ville';
  return (
    <>
      <TextField path="letter.place" label="Lieu d’écriture" hint={placeHint} />
      <DateField path="letter.date" label="Date de la lettre" hint="Par défaut, le jour où elle est produite" />
      <SelectField path="letter.sending" label="Mode d’envoi" options={SENDING_OPTIONS} emptyLabel="— celui conseillé pour la lettre —" />
      <TextField path="letter.registeredNumber" label="Numéro de recommandé" />
      <IntegerField path="letter.responseDays" label="Délai de réponse demandé (jours)" min={1} max={90} hint="Par défaut, celui de la lettre choisie" />
    </>
  );
}

export const SECTION_VIEWS: Record<FactsSection, () => ReactNode> = {
  probleme: Problem,
  commande: Order,
  vous: Claimant,
  destinataire: Respondent,
  abonnement: Subscription,
  paiements: Payments,
  remboursement: Refund,
  donnees: DataRequest,
  decision: Decision,
  interlocuteurs: OtherParties,
  lettre: Letter,
};
