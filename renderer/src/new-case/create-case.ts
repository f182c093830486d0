/** The one way a new situation becomes a stored case: from the first thing saved, or from an imported order. */
import type { RecoursApi } from '../../../core/common/api/contract.js';
import type { Route } from '../app/routes.js';
import type { Draft } from '../draft/paths.js';
import type { Situation } from './situations.js';

/** Stores the case and gives the address of its first questions, which a reload finds it by. */
export async function createSituationCase(api: RecoursApi, situation: Situation, draft: Draft) {
  const created = await api.createCase({ disputeType: situation.disputeType, draft });
  const route: Route = { screen: 'new-case-details', situation: situation.id, caseId: created.id };
  return { created, route };
}
