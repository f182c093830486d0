/** Legal deadlines, the escalation ladder and the next step of a case. Pure: runs anywhere. */
export {
  computeDeadlines, deadlineGaps, findDeadline, DEADLINE_IDS, LEGAL_DELIVERY_DAYS,
  // One function per rule: the view model and the next step use the same dates as the deadlines list.
  caseRegion, deliveryDueDate, withdrawalPeriodEnd, refundDueDate, guaranteeEndDate, presumptionEndDate, presumptionMonths,
  hiddenDefectLimitDate, mediatorLimit, bankContestationLimitDate, bankRefundDueDate, gdprAnswerDueDate, gdprMonthEnd,
  subscriptionRefundDueDate,
} from './compute.js';
export type { Deadline, DeadlineId, DeadlineOptions } from './compute.js';
export { catalogueOptions, recommendNextStep, stepWarnings, planFor, type NextStepOptions } from './next-step.js';
export type { NextStep } from './next-step.js';
export { RUNGS, TEMPLATE_STEPS, currentStage, lettersSent, writtenComplaints, isWritten } from './ladder.js';
export type { RungId } from './ladder.js';
export { easterSunday, publicHolidays, isWorkingDay, extendToWorkingDay, nextWorkingDay, holidayRegion } from './calendar.js';
export type { HolidayRegion } from './calendar.js';
export { lateRefund } from './late-refund.js';
export { subscriptionRefund } from './subscription-refund.js';
export type { SubscriptionRefund } from './subscription-refund.js';
export { traderLocation, isMarketplaceSale, isAmazonCase, amicableBody, disputeLocation, SMALL_CLAIMS_LIMIT } from './case-facts.js';
