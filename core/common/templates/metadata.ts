/** Metadata of a letter template: the YAML header of a templates/*.hbs file. */
import { z } from 'zod';
import { DISPUTE_TYPES } from '../case/schema.js';

export const TEMPLATE_KINDS = ['complaint', 'formal-notice', 'appeal', 'mediation', 'authority', 'court', 'bank', 'privacy'] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

/** Kinds in the order a consumer meets them on the escalation ladder (bank and privacy letters run alongside). */
export const ESCALATION_ORDER: readonly TemplateKind[] = [
  'complaint', 'formal-notice', 'appeal', 'bank', 'privacy', 'mediation', 'authority', 'court',
];

export const KIND_LABELS: Record<TemplateKind, string> = {
  complaint: 'Réclamation',
  'formal-notice': 'Mise en demeure',
  appeal: 'Demande de réexamen',
  mediation: 'Saisine du médiateur',
  authority: 'Signalement',
  court: 'Saisine de la justice',
  bank: 'Contestation bancaire',
  privacy: 'Données personnelles',
};

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** Parties of a case a letter may be addressed to (see core/common/letter/recipients.ts). */
/** `decision`: whoever took the case's decision (`decision.party`), for a reconsideration. */
export const RECIPIENT_PARTIES = ['respondent', 'seller', 'bank', 'mediator', 'conciliator', 'court', 'decision'] as const;
export type RecipientParty = (typeof RECIPIENT_PARTIES)[number];

export const templateMetaSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  title: z.string().min(1),
  kind: z.enum(TEMPLATE_KINDS),
  /** Dispute types served; "all" for every type. */
  disputes: z.union([z.literal('all'), z.array(z.enum(DISPUTE_TYPES)).min(1)]),
  /** One line for the catalogue: when to use this letter. */
  description: z.string().min(1),
  /** Case fields that must be filled for this letter (paths such as order.number). */
  requires: z.array(z.string().min(1)).default([]),
  /** Response period asked of the recipient when the case does not set letter.responseDays. */
  responseDays: z.number().int().min(1).max(90),
  /** Handlebars: the subject line, without « Objet : ». */
  subject: z.string().min(1),
  salutation: z.string().min(1).default('Madame, Monsieur,'),
  /** Handlebars: the closing formula. */
  closing: z.string().min(1),
  /** Sending mode recommended for this letter (shown in the UI and used when the case sets none). */
  recommendedSending: z.enum(['lrar', 'lre', 'email', 'post', 'hand']).optional(),
  /**
   * Who receives the letter: a party of the case (default: the respondent), or fixed lines for a text filed on a
   * website (SignalConso, CEC France, A-to-z claim): `{ lines: [...], online: true }` prints no sending mode.
   */
  recipient: z
    .union([
      z.enum(RECIPIENT_PARTIES),
      z.strictObject({ lines: z.array(z.string().min(1)).min(1).max(6), online: z.boolean().default(false) }),
    ])
    .default('respondent'),
  /** For a text pasted into a form: the most characters the form accepts (salutation, body and closing). */
  maxLength: z.number().int().positive().optional(),
  /** Date the legal content was last checked against its sources. */
  checked: isoDay,
  /** Legal sources behind each statement of the letter. */
  sources: z
    .array(z.strictObject({ ref: z.string().min(1), url: z.string().url(), note: z.string().optional() }))
    .min(1),
});

export type TemplateMeta = z.infer<typeof templateMetaSchema>;

export function servesDispute(meta: Pick<TemplateMeta, 'disputes'>, type: string): boolean {
  return meta.disputes === 'all' || (meta.disputes as readonly string[]).includes(type);
}
