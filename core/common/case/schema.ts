/**
 * Case file format v1 ("recours/case@1"): the public contract for saved cases.
 * Fields may be added (optional) in later versions, never renamed. Unknown fields are refused so that a
 * typo (« firstname ») is reported instead of being silently ignored.
 */
import { z } from 'zod';
import { isRealIsoDate } from '../format/dates.js';

export const CASE_FORMAT = 'recours/case@1';

export const DISPUTE_TYPES = [
  'non-delivery', 'late-delivery', 'defective', 'non-conforming', 'counterfeit',
  'refund', 'marketplace-seller', 'subscription', 'privacy', 'fraud',
] as const;
export const DEMANDS = [
  'delivery', 'refund', 'repair', 'replacement', 'price-reduction', 'termination',
  'data-access', 'data-erasure', 'chargeback', 'reconsideration',
] as const;
export const RESPONDENT_ROLES = ['platform', 'seller', 'bank', 'mediator', 'authority', 'other'] as const;
export const CHANNELS = ['phone', 'chat', 'email', 'letter', 'message', 'other'] as const;
export const SENDING_MODES = ['lrar', 'lre', 'email', 'post', 'hand'] as const;

/** Amazon order numbers: 3-7-7 digits, e.g. 402-1234567-8901234. */
export const AMAZON_ORDER_NUMBER = /^\d{3}-\d{7}-\d{7}$/;

const text = z.string().trim().min(1);
const isoDate = z.string().refine(isRealIsoDate, { params: { kind: 'date' } });
const amount = z.number().finite().nonnegative().refine((n) => Math.round(n * 100) === n * 100, {
  params: { kind: 'cents' },
});
const email = z.string().trim().regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/);

export const addressSchema = z.strictObject({
  lines: z.array(text).min(1).max(4),
  postalCode: text,
  city: text,
  country: text.optional(),
});

export const claimantSchema = z.strictObject({
  title: z.enum(['M.', 'Mme']).optional(),
  firstName: text,
  lastName: text,
  address: addressSchema,
  email: email.optional(),
  phone: text.optional(),
  customerId: text.optional(),
});

export const respondentSchema = z.strictObject({
  role: z.enum(RESPONDENT_ROLES),
  name: text,
  department: text.optional(),
  address: addressSchema,
  email: email.optional(),
  registration: text.optional(),
});

export const orderItemSchema = z.strictObject({
  description: text,
  quantity: z.number().int().positive(),
  unitPrice: amount,
});

export const orderSchema = z
  .strictObject({
    platform: text.optional(),
    number: text.optional(),
    date: isoDate,
    items: z.array(orderItemSchema).min(1),
    total: amount,
    currency: z.string().regex(/^[A-Z]{3}$/).optional(),
    payment: text.optional(),
    seller: z
      .strictObject({ name: text, id: text.optional(), professional: z.boolean().optional() })
      .optional(),
    fulfilledByAmazon: z.boolean().optional(),
    promisedDelivery: isoDate.optional(),
    delivered: isoDate.optional(),
    carrier: text.optional(),
    tracking: text.optional(),
  })
  .superRefine((order, ctx) => {
    if (order.number !== undefined && /amazon/i.test(order.platform ?? '') && !AMAZON_ORDER_NUMBER.test(order.number)) {
      ctx.addIssue({ code: 'custom', path: ['number'], params: { kind: 'amazon-order' }, input: order.number });
    }
  });

export const disputeSchema = z.strictObject({
  type: z.enum(DISPUTE_TYPES),
  facts: text,
  noticed: isoDate.optional(),
  demand: z.enum(DEMANDS),
  amount: amount.optional(),
});

export const contactSchema = z.strictObject({
  date: isoDate,
  channel: z.enum(CHANNELS),
  with: text.optional(),
  agent: text.optional(),
  reference: text.optional(),
  summary: text,
  promise: text.optional(),
  /** Id of the Recours template of the letter sent at this contact (set when a document is marked as sent). */
  template: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).optional(),
});

export const decisionSchema = z.strictObject({
  date: isoDate,
  by: text,
  reference: text.optional(),
  summary: text,
});

export const evidenceSchema = z.strictObject({
  /** Optional stable key that templates cite (« {{piece "facture"}} »); defaults to the file name without extension. */
  id: z.string().regex(/^[\p{L}\p{N}_-]+$/u).optional(),
  file: text,
  /** The file's name as the user had it, when `file` is a stored copy (the case store names copies by fingerprint). */
  originalName: text.optional(),
  title: text,
  date: isoDate.optional(),
  note: text.optional(),
});

export const letterSchema = z.strictObject({
  place: text,
  date: isoDate.optional(),
  sending: z.enum(SENDING_MODES).optional(),
  registeredNumber: text.optional(),
  responseDays: z.number().int().min(1).max(90).optional(),
});

export const caseSchema = z.strictObject({
  format: z.literal(CASE_FORMAT),
  claimant: claimantSchema,
  respondent: respondentSchema,
  order: orderSchema.optional(),
  dispute: disputeSchema,
  contacts: z.array(contactSchema).optional(),
  decision: decisionSchema.optional(),
  evidence: z.array(evidenceSchema).optional(),
  letter: letterSchema.optional(),
});

export type CaseFile = z.infer<typeof caseSchema>;
export type Address = z.infer<typeof addressSchema>;
export type Contact = z.infer<typeof contactSchema>;
export type DisputeType = (typeof DISPUTE_TYPES)[number];
export type Demand = (typeof DEMANDS)[number];
