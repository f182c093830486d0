/**
 * The few questions a situation needs first (the order, what happened, what you ask). Saved as typed, like the
 * case itself; « Ouvrir le dossier » leads to the recommended letter.
 */
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { StoredCase } from '../../../core/common/api/contract.js';
import { useApi } from '../api/api-context.js';
import { userMessage } from '../api/errors.js';
import { useNavigate } from '../app/navigation-context.js';
import { AddressFields } from '../common/AddressFields.js';
import { ConfirmButton } from '../common/ConfirmButton.js';
import { ErrorMessage } from '../common/ErrorMessage.js';
import { AmountField, DateField, SelectField, TextAreaField, TextField } from '../common/fields.js';
import { FieldsProvider } from '../common/fields-context.js';
import { Progress } from '../common/Progress.js';
import { SaveStatus } from '../common/SaveStatus.js';
import { ScreenTitle } from '../common/ScreenTitle.js';
import { Section } from '../common/Section.js';
import { DEMAND_OPTIONS, RESPONDENT_ROLE_OPTIONS } from '../case-view/options.js';
import { withDefaults } from '../draft/defaults.js';
import { getAt, isFilled, setAt, type Draft } from '../draft/paths.js';
import type { Problem } from '../draft/problems.js';
import { useAutoSave } from '../draft/use-auto-save.js';
import { situationById, type Situation, type StartField } from './situations.js';

const FIELD_VIEWS: Record<StartField, () => ReactNode> = {
  'order.platform': () => <TextField path="order.platform" label="Site de la commande" hint="Amazon, Cdiscount, Fnac…" />,
  'order.number': () => <TextField path="order.number" label="Numéro de commande" hint="Sur Amazon : « Vos commandes », par exemple 402-1234567-8901234" />,
  'order.date': () => <DateField path="order.date" label="Date de commande" required />,
  'order.item': () => (
    <>
      <TextField path="order.items[0].description" label="Article commandé" required className="field-wide" />
      <AmountField path="order.items[0].unitPrice" label="Prix de l’article (€)" required />
    </>
  ),
  'order.total': () => <AmountField path="order.total" label="Montant total payé (€)" required hint="Frais de livraison compris" />,
  'order.promisedDelivery': () => <DateField path="order.promisedDelivery" label="Date de livraison promise" />,
  'order.delivered': () => <DateField path="order.delivered" label="Date indiquée comme « livré »" />,
  'order.carrier': () => <TextField path="order.carrier" label="Transporteur" hint="Amazon Logistics, Colissimo, Chronopost…" />,
  'order.tracking': () => <TextField path="order.tracking" label="Numéro de suivi" />,
  'order.seller.name': () => <TextField path="order.seller.name" label="Nom du vendeur (s’il n’est pas Amazon)" />,
  'dispute.noticed': () => <DateField path="dispute.noticed" label="Date où vous avez constaté le problème" />,
  'dispute.amount': () => <AmountField path="dispute.amount" label="Montant réclamé (€)" />,
};

export function NewCaseDetails({ caseId, situationId }: { caseId: string; situationId: string }) {
  const api = useApi();
  const [stored, setStored] = useState<StoredCase | null>(null);
  const [error, setError] = useState<string | null>(null);
  const situation = situationById(situationId);
  useEffect(() => {
    let live = true;
    api.getCase({ id: caseId }).then(
      (c) => live && setStored(c),
      (e: unknown) => live && setError(userMessage(e, 'l’ouverture du nouveau dossier')),
    );
    return () => {
      live = false;
    };
  }, [api, caseId]);
  if (!stored || !situation) {
    return (
      <section className="screen">
        <ScreenTitle documentTitle="Nouveau dossier">Nouveau dossier</ScreenTitle>
        <Progress active={!error && !!situation} label="Ouverture du dossier…" />
        <ErrorMessage message={error ?? (situation ? null : 'Situation inconnue : recommencez depuis « Nouveau dossier ».')} />
      </section>
    );
  }
  return <Questions stored={stored} situation={situation} />;
}

function Questions({ stored, situation }: { stored: StoredCase; situation: Situation }) {
  const api = useApi();
  const navigate = useNavigate();
  const [problems, setProblems] = useState<readonly Problem[]>(stored.problems);
  const save = useCallback(
    async (draft: Draft) => {
      const result = await api.saveCase({ id: stored.id, draft });
      setProblems(result.problems);
      return result;
    },
    [api, stored.id],
  );
  const { value: draft, state, change, flush, latest } = useAutoSave<Draft>(stored.draft, save, {
    initialSavedAt: stored.updatedAt,
    what: 'l’enregistrement du dossier',
  });
  // Who writes and to whom: asked only when the settings and core could not fill it in.
  const [askClaimant] = useState(() => !isFilled(getAt(stored.draft, 'claimant.lastName')));
  const [askRespondent] = useState(() => !isFilled(getAt(stored.draft, 'respondent.name')));
  const [leaving, setLeaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const update = (path: string, value: unknown) => change(withDefaults(setAt(latest.current, path, value), path));
  const demandOptions = DEMAND_OPTIONS.filter((o) => (situation.demands as readonly string[]).includes(o.value));
  const orderFields = situation.fields.filter((f) => f.startsWith('order.'));
  const otherFields = situation.fields.filter((f) => !f.startsWith('order.'));
  const claimantName = [getAt(draft, 'claimant.firstName'), getAt(draft, 'claimant.lastName')].filter((x) => typeof x === 'string').join(' ');

  const open = async () => {
    setLeaving(true);
    setError(null);
    try {
      await flush();
      navigate({ screen: 'case', caseId: stored.id, tab: 'documents' });
    } catch (e) {
      setError(userMessage(e, 'l’enregistrement du dossier'));
      setLeaving(false);
    }
  };

  return (
    <section className="screen new-case-details">
      <p className="breadcrumb">
        <a href="#/nouveau">Changer de situation</a>
      </p>
      <ScreenTitle documentTitle="Nouveau dossier">{situation.label}</ScreenTitle>
      <p className="lead">Quelques informations suffisent pour commencer ; le reste se complète ensuite dans le dossier.</p>
      <SaveStatus state={state} />
      <FieldsProvider value={draft} problems={problems} onChange={update}>
        {orderFields.length > 0 && (
          <Section title="Votre commande">
            {orderFields.map((f) => (
              <FieldView key={f} field={f} />
            ))}
          </Section>
        )}
        <Section title="Ce qui s’est passé">
          <TextAreaField path="dispute.facts" label="Racontez en quelques phrases" hint={situation.factsHint} rows={6} required className="field-wide" />
          {otherFields.map((f) => (
            <FieldView key={f} field={f} />
          ))}
          {demandOptions.length > 1 && <SelectField path="dispute.demand" label="Ce que vous demandez" options={demandOptions} required />}
        </Section>
        {askClaimant ? (
          <Section title="Vous">
            <TextField path="claimant.firstName" label="Prénom" required autoComplete="given-name" />
            <TextField path="claimant.lastName" label="Nom" required autoComplete="family-name" />
            <AddressFields base="claimant.address" />
          </Section>
        ) : (
          <p className="sender-summary">
            Expéditeur : <strong>{claimantName}</strong>, repris de vos <a href="#/reglages">réglages</a>.
          </p>
        )}
        {askRespondent && (
          <Section title="À qui écrivez-vous ?">
            <SelectField path="respondent.role" label="Qui est-ce ?" options={RESPONDENT_ROLE_OPTIONS} required />
            <TextField path="respondent.name" label="Nom de l’entreprise" required />
            <AddressFields base="respondent.address" />
          </Section>
        )}
      </FieldsProvider>
      <ErrorMessage message={error} />
      <p className="button-row form-actions">
        <button type="button" className="button-primary" disabled={leaving} onClick={() => void open()}>
          Ouvrir le dossier
        </button>
        <ConfirmButton
          label="Abandonner ce dossier"
          question="Abandonner et supprimer ce nouveau dossier ?"
          confirmLabel="Supprimer le dossier"
          onConfirm={async () => {
            try {
              await api.deleteCase({ id: stored.id });
              navigate({ screen: 'cases' });
            } catch (e) {
              setError(userMessage(e, 'la suppression du dossier'));
            }
          }}
        />
      </p>
    </section>
  );
}

function FieldView({ field }: { field: StartField }) {
  return <>{FIELD_VIEWS[field]()}</>;
}
