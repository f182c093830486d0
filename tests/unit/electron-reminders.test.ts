/** Desktop reminders: which deadlines of which cases deserve a notification, checked at start and every day. */
import { describe, expect, it, vi } from 'vitest';
import { dueReminders, reminderNotices, type CaseDeadlines } from '../../electron/main/reminders/due-reminders.js';
import { loadCaseDeadlines } from '../../electron/main/reminders/load-cases.js';
import { DAY_MS, startReminders } from '../../electron/main/reminders/scheduler.js';

const TODAY = '2026-11-25';

function aCase(caseId: string, deadlines: { label: string; date: string }[], archived = false): CaseDeadlines {
  return { caseId, title: `Amazon — dossier ${caseId}`, archived, deadlines };
}

describe('due reminders', () => {
  it('announces deadlines within three days, and past ones, one notice per open case', () => {
    const reminders = dueReminders(
      [
        aCase('a', [{ label: 'Réponse attendue à la mise en demeure', date: '2026-11-28' }]),
        aCase('b', [{ label: 'Livraison due', date: '2026-11-29' }]),
        aCase('c', [{ label: 'Remboursement dû', date: '2026-11-22' }]),
        aCase('d', [{ label: 'Saisine du médiateur', date: '2026-11-25' }]),
        aCase('e', [{ label: 'Réponse attendue', date: '2026-11-26' }], true),
      ],
      TODAY,
    );
    expect(reminders.map((r) => [r.caseId, r.daysLeft])).toEqual([['c', -3], ['d', 0], ['a', 3]]);
    expect(reminders[0]).toEqual({
      caseId: 'c',
      title: 'Échéance dépassée — Amazon — dossier c',
      body: 'Remboursement dû\u00a0: dépassée depuis 3\u00a0jours (22\u00a0novembre\u00a02026).',
      daysLeft: -3,
    });
    expect(reminders[1]?.body).toBe('Saisine du médiateur\u00a0: aujourd’hui (25\u00a0novembre\u00a02026).');
    expect(reminders[2]?.title).toBe('Échéance proche — Amazon — dossier a');
    expect(reminders[2]?.body).toBe('Réponse attendue à la mise en demeure\u00a0: dans 3\u00a0jours (le 28\u00a0novembre\u00a02026).');
  });

  it('picks the most urgent deadline of a case and says how many others are due', () => {
    const [reminder] = dueReminders(
      [aCase('a', [
        { label: 'Fin du délai de rétractation', date: '2026-11-26' },
        { label: 'Livraison due', date: '2026-11-24' },
        { label: 'Garantie légale', date: '2028-01-01' },
        { label: 'Réponse attendue', date: '2026-11-27' },
      ])],
      TODAY,
    );
    expect(reminder?.body).toBe('Livraison due\u00a0: dépassée depuis hier (24\u00a0novembre\u00a02026) (et 2 autres).');
  });

  it('stays silent about deadlines far ahead, long past, or not real dates', () => {
    expect(
      dueReminders([aCase('a', [
        { label: 'Dans quatre jours', date: '2026-11-29' },
        { label: 'Il y a deux mois', date: '2026-09-20' },
        { label: 'Date impossible', date: '2026-02-30' },
        { label: 'Pas une date', date: 'bientôt' },
      ])], TODAY),
    ).toEqual([]);
    expect(dueReminders([aCase('a', [{ label: 'Demain', date: '2026-11-26' }])], TODAY)[0]?.body).toBe('Demain\u00a0: demain (26\u00a0novembre\u00a02026).');
  });

  it('shows at most three notices, then one summary', () => {
    const cases = ['a', 'b', 'c', 'd', 'e'].map((id) => aCase(id, [{ label: 'Réponse', date: '2026-11-26' }]));
    const notices = reminderNotices(dueReminders(cases, TODAY));
    expect(notices).toHaveLength(4);
    expect(notices.slice(0, 3).map((n) => n.caseId)).toEqual(['a', 'b', 'c']);
    expect(notices[3]).toEqual({
      title: 'Recours — autres échéances',
      body: '2 autres dossiers ont une échéance proche ou dépassée\u00a0: voir l’onglet Échéances.',
      caseId: null,
    });
    expect(reminderNotices(dueReminders(cases.slice(0, 4), TODAY))[3]?.body).toBe(
      '1 autre dossier a une échéance proche ou dépassée\u00a0: voir l’onglet Échéances.',
    );
  });
});

describe('reminder schedule', () => {
  it('checks at start and every 24 hours, and survives a failing check', async () => {
    let tick: () => void = () => {};
    const setInterval = vi.fn((fn: () => void, _ms: number) => {
      tick = fn;
      return 1;
    });
    const loadCases = vi
      .fn<() => Promise<CaseDeadlines[]>>()
      .mockResolvedValueOnce([aCase('a', [{ label: 'Réponse', date: '2026-11-26' }])])
      .mockRejectedValueOnce(new Error('disque indisponible'))
      .mockResolvedValue([]);
    const notify = vi.fn();
    const log = vi.fn();
    const check = startReminders({ loadCases, notify, log, today: () => TODAY, setInterval });
    await vi.waitFor(() => expect(notify).toHaveBeenCalledTimes(1));
    expect(setInterval).toHaveBeenCalledWith(expect.any(Function), DAY_MS);
    expect(DAY_MS).toBe(86_400_000);
    tick();
    await vi.waitFor(() => expect(log).toHaveBeenCalledWith('Vérification des échéances impossible', expect.any(Error)));
    await check();
    expect(loadCases).toHaveBeenCalledTimes(3);
    expect(notify).toHaveBeenCalledTimes(1);
  });

  it('reads the deadlines of open cases through the API, skipping a case that fails', async () => {
    const call = vi.fn(async (method: string, params: { id?: string }) => {
      if (method === 'listCases') {
        return [
          { id: 'c1', title: 'Colis jamais reçu', archived: false },
          { id: 'c2', title: 'Archivé', archived: true },
          { id: 'c3', title: 'Illisible', archived: false },
        ];
      }
      if (params.id === 'c3') throw new Error('illisible');
      return [{ id: 'd', label: 'Réponse', date: '2026-11-26', basis: 'C. conso', overdue: false }];
    });
    const log = vi.fn();
    const cases = await loadCaseDeadlines({ call } as never, log);
    expect(cases).toEqual([
      { caseId: 'c1', title: 'Colis jamais reçu', archived: false, deadlines: [{ id: 'd', label: 'Réponse', date: '2026-11-26', basis: 'C. conso', overdue: false }] },
    ]);
    expect(call).toHaveBeenCalledWith('listCases', { includeArchived: false });
    expect(call).not.toHaveBeenCalledWith('deadlines', { id: 'c2' });
    expect(log).toHaveBeenCalledWith('Échéances du dossier c3 illisibles', expect.any(Error));
  });
});
