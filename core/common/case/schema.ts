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
/** Why a refund is owed: a withdrawal (L221-24), a résolution for non-delivery (L216-7) or for non-conformity (L217-17), a return accepted under the seller's own policy. */
export const REFUND_REASONS = ['withdrawal', 'delivery-resolution', 'conformity-resolution', 'commercial-return'] as const;
export const SUBSCRIPTION_PERIODS = ['month', 'year'] as const;
/** Who took the decision a reconsideration challenges: the letter goes to that party (the case's respondent, the Marketplace seller, the bank, the mediator). */
export const DECISION_PARTIES = ['respondent', 'seller', 'bank', 'mediator'] as const;
/** How a mediation ended, from the mediator's notice: an agreement, no agreement, or the request found inadmissible. */
export const MEDIATION_OUTCOMES = ['agreement', 'no-agreement', 'inadmissible'] as const;
/** What became of a GDPR request: no answer, a refusal, an incomplete answer. */
export const DATA_REQUEST_ANSWERS = ['none', 'refused', 'incomplete'] as const;

/** Amazon order numbers: 3-7-7 digits, e.g. 402-1234567-8901234. */
export const AMAZON_ORDER_NUMBER = /^\d{3}-\d{7}-\d{7}$/;

const text = z.string().trim().min(1);
const isoDate = z.string().refine(isRealIsoDate, { params: { kind: 'date' } });
// At most two decimals, judged with a tolerance: 69.9 * 100 is 6990.000000000001 in binary floating point.
const amount = z.number().finite().nonnegative().refine((n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6, {
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
  /** Identity a court request must state on pain of nullity (CPC art. 54 and 57). */
  profession: text.optional(),
  nationality: text.optional(),
  birthDate: isoDate.optional(),
  birthPlace: text.optional(),
});

export const respondentSchema = z.strictObject({
  role: z.enum(RESPONDENT_ROLES),
  name: text,
  department: text.optional(),
  address: addressSchema,
  email: email.optional(),
  registration: text.optional(),
});

/** Another party of the dispute who may receive a letter: the claimant's bank, a mediator, a conciliator, a court. */
export const partySchema = z.strictObject({
  name: text,
  department: text.optional(),
  address: addressSchema,
  email: email.optional(),
  website: text.optional(),
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
      .strictObject({
        name: text,
        id: text.optional(),
        professional: z.boolean().optional(),
        /** The seller's address as shown on its Marketplace profile: needed to write to it. */
        address: addressSchema.optional(),
        email: email.optional(),
      })
      .optional(),
    fulfilledByAmazon: z.boolean().optional(),
    promisedDelivery: isoDate.optional(),
    delivered: isoDate.optional(),
    carrier: text.optional(),
    tracking: text.optional(),
    /** Second-hand goods: the presumption of L217-7 lasts 12 months instead of 24. */
    used: z.boolean().optional(),
    /** Address (URL) of the product page or offer, for a notice to the platform (DSA art. 16). */
    listingUrl: text.optional(),
  })
  .superRefine((order, ctx) => {
    if (order.number !== undefined && /amazon/i.test(order.platform ?? '') && !AMAZON_ORDER_NUMBER.test(order.number)) {
      ctx.addIssue({ code: 'custom', path: ['number'], params: { kind: 'amazon-order' }, input: order.number });
    }
  }, {
    // Check the order number as soon as it is typed, even while other order fields are still missing.
    when: (payload) => typeof (payload.value as { number?: unknown } | undefined)?.number === 'string',
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
  /** Which party decided (default: the respondent): the reconsideration is addressed to it. */
  party: z.enum(DECISION_PARTIES).optional(),
  reference: text.optional(),
  summary: text,
});

/** A letter of Recours that was sent: recorded when a document is marked as sent (not a contact of the journal). */
export const sendingSchema = z.strictObject({
  template: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  date: isoDate,
  mode: z.enum(SENDING_MODES).optional(),
  registeredNumber: text.optional(),
  /** Date the addressee received it (acknowledgement of receipt, tracking): the answer period runs from it. */
  received: isoDate.optional(),
  /** The store's document the sending belongs to. */
  documentId: text.optional(),
});

/** A mediation already attempted on this dispute (L612-2 3°: no second mediator on the same dispute). */
export const mediationSchema = z.strictObject({
  /** Date of the mediator's notice of the outcome: the end of the mediation. */
  ended: isoDate.optional(),
  outcome: z.enum(MEDIATION_OUTCOMES).optional(),
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
  /** Optional: the claimant's city when not given (choosing a sending mode alone must not make the case invalid). */
  place: text.optional(),
  date: isoDate.optional(),
  sending: z.enum(SENDING_MODES).optional(),
  registeredNumber: text.optional(),
  responseDays: z.number().int().min(1).max(90).optional(),
});

/** A sum debited or charged, as it appears on a statement. */
export const debitSchema = z.strictObject({
  date: isoDate,
  amount,
  label: text.optional(),
});

/** The refund awaited: why it is owed and when the professional was told. */
export const refundSchema = z.strictObject({
  reason: z.enum(REFUND_REASONS),
  /** Date the professional was informed: withdrawal notified, résolution notified, return requested. */
  requested: isoDate.optional(),
  /** Date the goods were sent back (proof of shipment). */
  returned: isoDate.optional(),
  returnTracking: text.optional(),
});

export const subscriptionSchema = z.strictObject({
  service: text,
  started: isoDate.optional(),
  price: amount.optional(),
  period: z.enum(SUBSCRIPTION_PERIODS).optional(),
  /** Date the consumer terminated (or asked to terminate) the subscription. */
  cancelled: isoDate.optional(),
  /** False when the professional did not send the tacit-renewal notice of L215-1. */
  renewalNotice: z.boolean().optional(),
  /** The charges disputed. */
  charges: z.array(debitSchema).optional(),
});

/** Payments the claimant did not authorise, contested with the bank (CMF L133-18, L133-24). */
export const contestedPaymentSchema = z.strictObject({
  /** « carte Visa se terminant par 4821 », « compte n° … ». */
  instrument: text.optional(),
  operations: z.array(debitSchema).min(1),
  /** Date the claimant first reported the operations to the bank (call, opposition, online form). */
  reported: isoDate.optional(),
  /**
   * Date the claimant withdrew from the bank the consent to the payee's payments (a mandate or card authorisation
   * revoked): until then, charges of a cancelled subscription count as authorised (CMF L133-7) and are claimed from the
   * merchant (L215-1), not the bank.
   */
  consentWithdrawn: isoDate.optional(),
  /** The report to the police or gendarmerie (Perceval for card fraud): its date and reference. */
  policeReport: z.strictObject({ date: isoDate, reference: text.optional() }).optional(),
});

/** A request under the GDPR (access, erasure) already sent. */
export const dataRequestSchema = z.strictObject({
  /** Date the controller received the request (art. 12(3): one month from then). */
  received: isoDate.optional(),
  /** True when the controller announced the two-month extension of art. 12(3). */
  extended: z.boolean().optional(),
  /** What came of it (for a complaint to the CNIL, RGPD art. 77). */
  answer: z.enum(DATA_REQUEST_ANSWERS).optional(),
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
  /** Letters of Recours sent, in any order (added in v1.1; older cases record them as contacts with a template). */
  sendings: z.array(sendingSchema).optional(),
  mediation: mediationSchema.optional(),
  refund: refundSchema.optional(),
  subscription: subscriptionSchema.optional(),
  contestedPayment: contestedPaymentSchema.optional(),
  dataRequest: dataRequestSchema.optional(),
  /** The claimant's own bank, for the contestation of an unauthorised payment. */
  bank: partySchema.optional(),
  /** The consumer mediator chosen (named in the professional's terms or its answer, art. L616-1). */
  mediator: partySchema.optional(),
  conciliator: partySchema.optional(),
  /** The court seized: tribunal judiciaire or tribunal de proximité, and its registry's address. */
  court: partySchema.optional(),
  /** The mediator of the claimant's bank (CMF L316-1), after the bank refused. */
  bankMediator: partySchema.optional(),
  /** The local consumer-protection office (DDPP / DDETSPP, DGCCRF) for a written complaint. */
  authority: partySchema.optional(),
});

export type CaseFile = z.infer<typeof caseSchema>;
export type Address = z.infer<typeof addressSchema>;
export type Contact = z.infer<typeof contactSchema>;
export type DisputeType = (typeof DISPUTE_TYPES)[number];
export type Demand = (typeof DEMANDS)[number];
export type Party = z.infer<typeof partySchema>;
export type RefundReason = (typeof REFUND_REASONS)[number];
export type Sending = z.infer<typeof sendingSchema>;
export type DecisionParty = (typeof DECISION_PARTIES)[number];
