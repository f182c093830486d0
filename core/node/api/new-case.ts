/** The draft of a new case lives in core/common (the screens build it too); re-exported for the API's users. */
export { AMAZON_EU, DEFAULT_DEMAND, MARKED_DELIVERED_STARTER, newCaseDraft } from '../../common/case/new-case.js';
