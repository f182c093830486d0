/** The title of the case being typed: core's caseTitle, as the list of cases shows it. */
import { caseTitle as titleOf, caseTitleParts as partsOf } from '../../../core/common/case/title.js';
import { getAt } from '../draft/paths.js';

const factsOf = (draft: Record<string, unknown>) => ({
  disputeType: getAt(draft, 'dispute.type'),
  orderNumber: getAt(draft, 'order.number'),
  respondentName: getAt(draft, 'respondent.name'),
});

export const caseTitleParts = (draft: Record<string, unknown>) => partsOf(factsOf(draft));
export const caseTitle = (draft: Record<string, unknown>) => titleOf(factsOf(draft));
