/** Checks the deadlines when the app starts and every 24 hours while it runs, and shows the notices. */
import { todayIso } from '../../../core/common/format/dates.js';
import { dueReminders, reminderNotices, type CaseDeadlines, type ReminderNotice } from './due-reminders.js';

export const DAY_MS = 24 * 60 * 60 * 1000;

export interface ReminderSchedulerDeps {
  loadCases: () => Promise<CaseDeadlines[]>;
  notify: (notice: ReminderNotice) => void;
  log: (message: string, error?: unknown) => void;
  today?: () => string;
  setInterval?: (fn: () => void, ms: number) => { unref?: () => void } | number;
}

/** Runs one check now and schedules the next ones; returns the check itself (for the tests and « Vérifier »). */
export function startReminders(deps: ReminderSchedulerDeps): () => Promise<void> {
  const today = deps.today ?? (() => todayIso());
  const check = async (): Promise<void> => {
    try {
      const cases = await deps.loadCases();
      for (const notice of reminderNotices(dueReminders(cases, today()))) deps.notify(notice);
    } catch (e) {
      deps.log('Vérification des échéances impossible', e);
    }
  };
  void check();
  const every = deps.setInterval ?? setInterval;
  const timer = every(() => void check(), DAY_MS);
  if (typeof timer === 'object') timer.unref?.();
  return check;
}
