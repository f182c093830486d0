/** The coded values of a case, as choices in French. */
import {
  DATA_REQUEST_ANSWER_LABELS,
  DECISION_PARTY_LABELS,
  DEMAND_LABELS,
  DISPUTE_LABELS,
  MEDIATION_OUTCOME_LABELS,
  REFUND_REASON_LABELS,
  SENDING_LABELS,
  SUBSCRIPTION_PERIOD_LABELS,
} from '../../../core/common/case/labels.js';
import type { CaseFile, Contact } from '../../../core/common/case/schema.js';
import type { Option } from '../common/fields.js';

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const fromLabels = (labels: Record<string, string>): Option[] => Object.entries(labels).map(([value, label]) => ({ value, label: capitalise(label) }));

export const DISPUTE_OPTIONS = fromLabels(DISPUTE_LABELS);
export const DEMAND_OPTIONS = fromLabels(DEMAND_LABELS);
export const SENDING_OPTIONS = fromLabels(SENDING_LABELS);
/** The letters' wording addresses the professional (« votre politique »): the screen speaks of it. */
export const REFUND_REASON_OPTIONS = fromLabels({ ...REFUND_REASON_LABELS, 'commercial-return': 'retour accepté par le vendeur selon sa politique de retour' });
export const SUBSCRIPTION_PERIOD_OPTIONS = fromLabels(SUBSCRIPTION_PERIOD_LABELS);
export const DECISION_PARTY_OPTIONS = fromLabels(DECISION_PARTY_LABELS);
export const MEDIATION_OUTCOME_OPTIONS = fromLabels(MEDIATION_OUTCOME_LABELS);
export const DATA_REQUEST_ANSWER_OPTIONS = fromLabels(DATA_REQUEST_ANSWER_LABELS);
/** « Téléphone », not « par téléphone »: the journal shows the channel on its own. */
export const CHANNEL_OPTIONS = fromLabels({
  phone: 'téléphone',
  chat: 'messagerie instantanée (chat)',
  email: 'e-mail',
  letter: 'courrier',
  message: 'message sur la plateforme',
  other: 'autre',
} satisfies Record<Contact['channel'], string>);
export const RESPONDENT_ROLE_OPTIONS = fromLabels({
  platform: 'plateforme (Amazon…)',
  seller: 'vendeur',
  bank: 'banque',
  mediator: 'médiateur',
  authority: 'administration',
  other: 'autre',
} satisfies Record<CaseFile['respondent']['role'], string>);
export const TITLE_OPTIONS: Option[] = [
  { value: 'Mme', label: 'Madame' },
  { value: 'M.', label: 'Monsieur' },
];

export function optionLabel(options: readonly Option[], value: unknown): string {
  return options.find((o) => o.value === value)?.label ?? (typeof value === 'string' ? value : '');
}

