/** The deadlines of every open case, read through the same API as the UI. */
import type { CaseSummary, DeadlineInfo } from '../../../core/common/api/contract.js';
import type { ApiDispatcher } from '../ipc/api-handler.js';
import type { CaseDeadlines } from './due-reminders.js';

export async function loadCaseDeadlines(dispatcher: ApiDispatcher, log: (message: string, error?: unknown) => void): Promise<CaseDeadlines[]> {
  const cases = (await dispatcher.call('listCases', { includeArchived: false })) as CaseSummary[];
  const out: CaseDeadlines[] = [];
  for (const c of cases) {
    if (c.archived) continue;
    try {
      const deadlines = (await dispatcher.call('deadlines', { id: c.id })) as DeadlineInfo[];
      out.push({ caseId: c.id, title: c.title, archived: false, deadlines });
    } catch (e) {
      // One unreadable case must not silence the reminders of the others.
      log(`Échéances du dossier ${c.id} illisibles`, e);
    }
  }
  return out;
}
