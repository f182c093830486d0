/**
 * Which deadlines deserve a desktop notification: those of open cases that fall within three days or have
 * passed (for a month at most — an old overdue date is already handled or abandoned, and a daily reminder of
 * it would teach the user to ignore them all). Pure: the scheduler feeds it and shows the result.
 */
import { daysBetween, formatLongDate, isRealIsoDate } from '../../../core/common/format/dates.js';

export interface CaseDeadlines {
  caseId: string;
  /** « Amazon — colis non livré ». */
  title: string;
  archived: boolean;
  deadlines: readonly { label: string; date: string }[];
}

export interface Reminder {
  caseId: string;
  title: string;
  body: string;
  /** Negative when past. */
  daysLeft: number;
}

export interface ReminderWindow {
  /** Deadlines this many days ahead or fewer are announced. */
  aheadDays: number;
  /** Past deadlines are announced for this many days after they passed. */
  pastDays: number;
}

export const DEFAULT_WINDOW: ReminderWindow = { aheadDays: 3, pastDays: 30 };

function when(daysLeft: number, date: string): string {
  const long = formatLongDate(date);
  if (daysLeft === 0) return `aujourd’hui (${long})`;
  if (daysLeft === 1) return `demain (${long})`;
  if (daysLeft > 1) return `dans ${daysLeft}\u00a0jours (le ${long})`;
  if (daysLeft === -1) return `dépassée depuis hier (${long})`;
  return `dépassée depuis ${-daysLeft}\u00a0jours (${long})`;
}

/** One reminder per open case: its most urgent deadline inside the window (the oldest overdue first). */
export function dueReminders(cases: readonly CaseDeadlines[], today: string, window: ReminderWindow = DEFAULT_WINDOW): Reminder[] {
  const reminders: Reminder[] = [];
  for (const c of cases) {
    if (c.archived) continue;
    const due = c.deadlines
      .filter((d) => isRealIsoDate(d.date))
      .map((d) => ({ ...d, daysLeft: daysBetween(today, d.date) }))
      .filter((d) => d.daysLeft <= window.aheadDays && d.daysLeft >= -window.pastDays)
      .sort((a, b) => a.daysLeft - b.daysLeft);
    const first = due[0];
    if (!first) continue;
    const status = first.daysLeft < 0 ? 'Échéance dépassée' : 'Échéance proche';
    const more = due.length > 1 ? ` (et ${due.length - 1} autre${due.length > 2 ? 's' : ''})` : '';
    reminders.push({
      caseId: c.caseId,
      title: `${status} — ${c.title}`,
      body: `${first.label}\u00a0: ${when(first.daysLeft, first.date)}${more}.`,
      daysLeft: first.daysLeft,
    });
  }
  return reminders.sort((a, b) => a.daysLeft - b.daysLeft);
}

export interface ReminderNotice {
  title: string;
  body: string;
  /** The case to open when the notice is clicked; null for the summary. */
  caseId: string | null;
}

/** At most `max` notices one by one, then one summary, so that a long list never floods the screen. */
export function reminderNotices(reminders: readonly Reminder[], max = 3): ReminderNotice[] {
  const shown: ReminderNotice[] = reminders.slice(0, max).map((r) => ({ title: r.title, body: r.body, caseId: r.caseId }));
  const rest = reminders.length - shown.length;
  if (rest > 0) {
    shown.push({
      title: 'Recours — autres échéances',
      body: `${rest} autre${rest > 1 ? 's dossiers ont' : ' dossier a'} une échéance proche ou dépassée\u00a0: voir l’onglet Échéances.`,
      caseId: null,
    });
  }
  return shown;
}
