/**
 * The first questions of a situation: what its usual letters need. The draft is built here from the settings and
 * the case is stored only with the first thing saved (typed, or « Ouvrir le dossier »), so that abandoned starts do
 * not pile up; from then on it saves as typed, like the case itself.
 */
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { Settings, StoredCase } from '../../../core/common/api/contract.js';
import { useApi } from '../api/api-context.js';
import { userMessage } from '../api/errors.js';
import { useNavigate } from '../app/navigation-context.js';
import { AddressFields } from '../common/AddressFields.js';
import { ConfirmButton } from '../common/ConfirmButton.js';
import { DebitList } from '../common/DebitList.js';
import { ErrorMessage } from '../common/ErrorMessage.js';
import { AmountField, DateField, SelectField, TextAreaField, TextField, YesNoField } from '../common/fields.js';
import { FieldsProvider } from '../common/fields-context.js';
import { Progress } from '../common/Progress.js';
import { SaveStatus } from '../common/SaveStatus.js';
import { ScreenTitle } from '../common/ScreenTitle.js';
import { Section } from '../common/Section.js';
import { PartyBlock, Refund } from '../case-view/facts/FactsSections.js';
import { DEMAND_OPTIONS, RESPONDENT_ROLE_OPTIONS } from '../case-view/options.js';
import { withDefaults } from '../draft/defaults.js';
import { getAt, isFilled, setAt, type Draft } from '../draft/paths.js';
import { validateCase, type Problem } from '../../../core/common/case/validate.js';
import { useAutoSave } from '../draft/use-auto-save.js';
import { createSituationCase } from './create-case.js';
import { senderMissing, startDraft } from './prefill.js';
import { SettingsSuggestion } from './SettingsSuggestion.js';
import { situationById, type Question, type Situation } from './situations.js';

/** The delivery: the date this situation turns on (marked delivered, or promised), then who carries the parcel. */
function Delivery({ date }: { date: ReactNode }) {
  return (
    <>
      {date}
      <TextField path="order.carrier" label="Transporteur" hint="Amazon Logistics, Colissimo, Chronopost…" />
      <TextField path="order.tracking" label="Numéro de suivi" />
    </>
  );
}

const QUESTIONS: Record<Question, { title: string; fields: () => ReactNode }> = {
  order: {
    title: 'Votre commande',
    fields: () => (
      <>
        <TextField path="order.platform" label="Site de la commande" hint="Amazon, Cdiscount, Fnac…" />
        <TextField path="order.number" label="Numéro de commande" hint="Sur Amazon : « Vos commandes », par exemple 402-1234567-8901234" />
        <DateField path="order.date" label="Date de commande" required />
        <TextField path="order.items[0].description" label="Article commandé" required className="field-wide" />
        <AmountField path="order.items[0].unitPrice" label="Prix de l’article (€)" required />
        <AmountField path="order.total" label="Montant total payé (€)" required hint="Frais de livraison compris" />
      </>
    ),
  },
  delivered: {
    title: 'La livraison',
    fields: () => <Delivery date={<DateField path="order.delivered" label="Date indiquée comme « livré »" />} />,
  },
  promised: {
    title: 'La livraison',
    fields: () => <Delivery date={<DateField path="order.promisedDelivery" label="Date de livraison promise" />} />,
  },
  seller: {
    title: 'Le vendeur',
    fields: () => <TextField path="order.seller.name" label="Nom du vendeur (s’il n’est pas Amazon)" />,
  },
  'seller-contact': {
    title: 'Le vendeur',
    fields: () => (
      <>
        <TextField path="order.seller.name" label="Nom du vendeur" className="field-wide" />
        <p className="hint field-wide">Sur Amazon, l’adresse et l’e-mail du vendeur figurent sur sa page « Informations vendeur ».</p>
        <AddressFields base="order.seller.address" />
        <TextField path="order.seller.email" label="Adresse e-mail du vendeur" type="email" />
      </>
    ),
  },
  noticed: { title: 'Ce qui s’est passé', fields: () => <DateField path="dispute.noticed" label="Date où vous avez constaté le problème" /> },
  amount: { title: 'Ce qui s’est passé', fields: () => <AmountField path="dispute.amount" label="Montant réclamé (€)" /> },
  subscription: {
    title: 'L’abonnement',
    fields: () => (
      <>
        <TextField path="subscription.service" label="Nom de l’abonnement" />
        <DateField path="subscription.cancelled" label="Date de résiliation" hint="Le jour où vous avez résilié ou demandé à résilier" />
        <YesNoField path="subscription.renewalNotice" label="Avez-vous été prévenu(e) de la reconduction ?" yes="Oui, j’ai été prévenu(e)" no="Non, aucun avis reçu" />
        <DebitList base="subscription.charges" legend="Prélèvements contestés" itemLabel="Prélèvement" addLabel="Ajouter un prélèvement" />
      </>
    ),
  },
  operations: {
    title: 'Les paiements que vous n’avez pas faits',
    fields: () => (
      <>
        <DebitList base="contestedPayment.operations" legend="Opérations que vous n’avez pas autorisées" itemLabel="Opération" addLabel="Ajouter une opération" />
        <TextField path="contestedPayment.instrument" label="Moyen de paiement utilisé" hint="Par exemple « carte Visa se terminant par 4821 »" className="field-wide" />
        <DateField path="contestedPayment.reported" label="Date du signalement à la banque" />
      </>
    ),
  },
  bank: { title: 'Votre banque', fields: () => <PartyBlock party="bank" /> },
  refund: { title: 'Le remboursement attendu', fields: () => <Refund /> },
};

interface Start {
  draft: Draft;
  caseId: string | null;
  updatedAt: string | null;
  settings: Settings | null;
}

export function NewCaseDetails({ caseId, situationId }: { caseId: string | null; situationId: string }) {
  const api = useApi();
  const [start, setStart] = useState<Start | null>(null);
  const [error, setError] = useState<string | null>(null);
  const situation = situationById(situationId);
  // Read once: the id the route gains after the first save must not reload the screen.
  const [initialId] = useState(caseId);
  useEffect(() => {
    if (!situation) return undefined;
    let live = true;
    const load = async (): Promise<Start> => {
      const settings = await api.getSettings({}).catch(() => null);
      if (initialId) {
        const stored: StoredCase = await api.getCase({ id: initialId });
        return { draft: stored.draft, caseId: stored.id, updatedAt: stored.updatedAt, settings };
      }
      const blank = { sender: null, defaultPlace: '' } as unknown as Settings;
      return { draft: startDraft(settings ?? blank, situation), caseId: null, updatedAt: null, settings };
    };
    load().then(
      (s) => live && setStart(s),
      (e: unknown) => live && setError(userMessage(e, 'l’ouverture du nouveau dossier')),
    );
    return () => {
      live = false;
    };
  }, [api, initialId, situation]);
  if (!start || !situation) {
    return (
      <section className="screen">
        <ScreenTitle documentTitle="Nouveau dossier">Nouveau dossier</ScreenTitle>
        <Progress active={!error && !!situation} label="Préparation du dossier…" />
        <ErrorMessage message={error ?? (situation ? null : 'Situation inconnue : recommencez depuis « Nouveau dossier ».')} />
      </section>
    );
  }
  return <Questions start={start} situation={situation} />;
}

function Questions({ start, situation }: { start: Start; situation: Situation }) {
  const api = useApi();
  const navigate = useNavigate();
  const [problems, setProblems] = useState<readonly Problem[]>(() => validateCase(start.draft).problems);
  const caseId = useRef(start.caseId);
  const save = useCallback(
    async (draft: Draft) => {
      if (caseId.current === null) {
        const { created, route } = await createSituationCase(api, situation, draft);
        caseId.current = created.id;
        setProblems(created.problems);
        navigate(route, { replace: true });
        return { updatedAt: created.updatedAt };
      }
      const result = await api.saveCase({ id: caseId.current, draft });
      setProblems(result.problems);
      return result;
    },
    [api, navigate, situation],
  );
  const { value: draft, state, change, flush, latest } = useAutoSave<Draft>(start.draft, save, {
    initialSavedAt: start.updatedAt,
    what: 'l’enregistrement du dossier',
  });
  // Who writes and to whom: asked only when the settings and core could not fill it in.
  const [askClaimant] = useState(() => !isFilled(getAt(start.draft, 'claimant.lastName')));
  const [askRespondent] = useState(() => !isFilled(getAt(start.draft, 'respondent.name')));
  const [leaving, setLeaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const update = (path: string, value: unknown) => change(withDefaults(setAt(latest.current, path, value), path));
  const demandOptions = DEMAND_OPTIONS.filter((o) => (situation.demands as readonly string[]).includes(o.value));
  const claimantName = [getAt(draft, 'claimant.firstName'), getAt(draft, 'claimant.lastName')].filter((x) => typeof x === 'string').join(' ');
  const groups = situation.questions.filter((q) => q !== 'noticed' && q !== 'amount');
  const inFacts = situation.questions.filter((q) => q === 'noticed' || q === 'amount');

  const open = async () => {
    setLeaving(true);
    setError(null);
    try {
      await flush();
      if (caseId.current === null) await save(latest.current);
      if (caseId.current) navigate({ screen: 'case', caseId: caseId.current, tab: 'documents' });
    } catch (e) {
      setError(userMessage(e, 'l’enregistrement du dossier'));
      setLeaving(false);
    }
  };

  const abandon = async () => {
    try {
      if (caseId.current) await api.deleteCase({ id: caseId.current });
      navigate({ screen: 'cases' });
    } catch (e) {
      setError(userMessage(e, 'la suppression du dossier'));
    }
  };

  return (
    <section className="screen new-case-details">
      <p className="breadcrumb">
        <a href="#/nouveau">Changer de situation</a>
      </p>
      <ScreenTitle documentTitle="Nouveau dossier">{situation.label}</ScreenTitle>
      <p className="lead">Quelques informations suffisent pour commencer ; le reste se complète ensuite dans le dossier.</p>
      {caseId.current !== null && <SaveStatus state={state} />}
      <FieldsProvider value={draft} problems={problems} onChange={update}>
        {groups.map((q) => (
          <Section key={q} title={QUESTIONS[q].title}>
            {QUESTIONS[q].fields()}
          </Section>
        ))}
        <Section title="Ce qui s’est passé">
          <TextAreaField path="dispute.facts" label="Racontez en quelques phrases" hint={situation.factsHint} rows={6} required className="field-wide" />
          {inFacts.map((q) => (
            <QuestionFields key={q} question={q} />
          ))}
          {demandOptions.length > 1 && <SelectField path="dispute.demand" label="Ce que vous demandez" options={demandOptions} required />}
        </Section>
        {askClaimant ? (
          <>
            {senderMissing(start.settings) && <SettingsSuggestion />}
            <Section title="Vous">
              <TextField path="claimant.firstName" label="Prénom" required autoComplete="given-name" />
              <TextField path="claimant.lastName" label="Nom" required autoComplete="family-name" />
              <AddressFields base="claimant.address" />
            </Section>
          </>
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
        {caseId.current === null ? (
          <a className="button-secondary" href="#/">
            Abandonner
          </a>
        ) : (
          <ConfirmButton label="Abandonner ce dossier" question="Abandonner et supprimer ce nouveau dossier ?" confirmLabel="Supprimer le dossier" onConfirm={abandon} />
        )}
      </p>
    </section>
  );
}

function QuestionFields({ question }: { question: Question }) {
  return <>{QUESTIONS[question].fields()}</>;
}
