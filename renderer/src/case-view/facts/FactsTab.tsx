/**
 * « Faits »: the order, the parties, the problem and the demand. Every field saves as it is typed and shows
 * core's problems for it underneath; with a letter chosen, its preview follows alongside.
 */
import { AddressFields } from '../../common/AddressFields.js';
import { AmountField, CheckboxField, DateField, SelectField, TextAreaField, TextField } from '../../common/fields.js';
import { FieldsProvider } from '../../common/fields-context.js';
import { getAt } from '../../draft/paths.js';
import { useCaseWorkspace } from '../case-workspace.js';
import { LivePreviewPanel } from '../documents/LivePreviewPanel.js';
import { DEMAND_OPTIONS, DISPUTE_OPTIONS, RESPONDENT_ROLE_OPTIONS, TITLE_OPTIONS } from '../options.js';
import { LetterSection } from './LetterSection.js';
import { OrderItems } from './OrderItems.js';
import { ProblemSummary } from './ProblemSummary.js';
import { Section } from './Section.js';

export function FactsTab() {
  const { draft, problems, update, template } = useCaseWorkspace();
  const hasDecision = getAt(draft, 'decision') !== undefined;
  const isAmazon = /amazon/i.test(String(getAt(draft, 'order.platform') ?? ''));
  return (
    <div className={`facts-layout ${template ? 'with-preview' : ''}`}>
      <div className="facts-form">
        <ProblemSummary />
        <FieldsProvider value={draft} problems={problems} onChange={update}>
          <Section title="Le problème et votre demande">
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
          </Section>

          <Section title="La commande">
            <TextField path="order.platform" label="Plateforme" hint="Par exemple Amazon" />
            <TextField path="order.number" label="Numéro de commande" hint={isAmazon ? 'Sur Amazon : 3, 7 et 7 chiffres, par exemple 402-1234567-8901234' : undefined} />
            <DateField path="order.date" label="Date de commande" required />
            <OrderItems />
            <AmountField path="order.total" label="Montant total payé (€)" required />
            <TextField path="order.payment" label="Moyen de paiement" hint="Carte bancaire, PayPal…" />
            <CheckboxField path="order.fulfilledByAmazon" label="Expédié par Amazon" />
            <DateField path="order.promisedDelivery" label="Date de livraison promise" />
            <DateField path="order.delivered" label="Date indiquée comme livrée" />
            <TextField path="order.carrier" label="Transporteur" />
            <TextField path="order.tracking" label="Numéro de suivi" />
            <details className="subsection" open={getAt(draft, 'order.seller') !== undefined}>
              <summary>Vendeur tiers (Marketplace)</summary>
              <div className="field-grid">
                <TextField path="order.seller.name" label="Nom du vendeur" />
                <TextField path="order.seller.id" label="Identifiant du vendeur" />
                <CheckboxField path="order.seller.professional" label="Vendeur professionnel" />
              </div>
            </details>
          </Section>

          <Section title="Vous">
            <SelectField path="claimant.title" label="Civilité" options={TITLE_OPTIONS} emptyLabel="— non précisée —" />
            <TextField path="claimant.firstName" label="Prénom" required autoComplete="given-name" />
            <TextField path="claimant.lastName" label="Nom" required autoComplete="family-name" />
            <AddressFields base="claimant.address" />
            <TextField path="claimant.email" label="Adresse e-mail" type="email" autoComplete="email" />
            <TextField path="claimant.phone" label="Téléphone" type="tel" autoComplete="tel" />
            <TextField path="claimant.customerId" label="Numéro de client" />
          </Section>

          <Section title="Destinataire">
            <SelectField path="respondent.role" label="Qui est-ce ?" options={RESPONDENT_ROLE_OPTIONS} required />
            <TextField path="respondent.name" label="Nom du destinataire" required />
            <TextField path="respondent.department" label="Service" />
            <AddressFields base="respondent.address" />
            <TextField path="respondent.email" label="Adresse e-mail du destinataire" type="email" />
            <TextField path="respondent.registration" label="Immatriculation (RCS)" />
          </Section>

          <details className="section-details" open={hasDecision}>
            <summary>Une décision à contester (refus, clôture de compte…)</summary>
            <div className="field-grid">
              <DateField path="decision.date" label="Date de la décision" />
              <TextField path="decision.by" label="Auteur de la décision" />
              <TextField path="decision.reference" label="Référence de la décision" />
              <TextAreaField path="decision.summary" label="Ce qui a été décidé" className="field-wide" />
            </div>
          </details>

          <LetterSection />
        </FieldsProvider>
      </div>
      <LivePreviewPanel />
    </div>
  );
}
