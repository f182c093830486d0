/**
 * Legal deadlines computed from a case: each rule on its edge cases (month ends, leap years, a period ending on a
 * Sunday or a public holiday), and cases that lack the date a rule needs.
 */
import { describe, expect, it } from 'vitest';
import type { CaseFile } from '../../core/common/case/schema.js';
import type { DeadlineInfo } from '../../core/common/api/contract.js';
import { loadTemplateRegistry } from '../../core/node/template-registry.js';
import { amazonEu } from '../support/cases.js';
import { catalogueOptions, computeDeadlines, deadlineGaps, lateRefund, type Deadline, type DeadlineId } from '../../core/common/deadlines/index.js';

const TODAY = '2026-11-25';

function baseCase(change: (c: CaseFile) => void = () => {}): CaseFile {
  const c: CaseFile = {
    format: 'recours/case@1',
    claimant: { firstName: 'Léa', lastName: 'Roux', address: { lines: ['1 rue Haute'], postalCode: '75011', city: 'Paris' } },
    respondent: amazonEu(),
    order: { platform: 'Amazon', date: '2026-10-01', items: [{ description: 'Lampe', quantity: 1, unitPrice: 40 }], total: 40 },
    dispute: { type: 'non-delivery', facts: 'Rien reçu.', demand: 'delivery' },
  };
  change(c);
  return c;
}

function deadline(c: CaseFile, id: DeadlineId, today = TODAY): Deadline | undefined {
  return computeDeadlines(c, today).find((d) => d.id === id);
}

describe('delivery due date (C. conso, art. L216-1)', () => {
  it('is the agreed date when there is one', () => {
    const d = deadline(baseCase((c) => (c.order!.promisedDelivery = '2026-10-06')), 'delivery-due');
    expect(d).toMatchObject({ date: '2026-10-06', basis: 'C. conso, art. L216-1', overdue: true });
  });
  it('is thirty days after the order otherwise, across a month end', () => {
    const d = deadline(baseCase((c) => (c.order!.date = '2026-01-31')), 'delivery-due');
    expect(d?.date).toBe('2026-03-02');
    expect(d?.note).toContain('trente jours');
  });
  it('is not moved when it falls on a Sunday: the text says nothing of it', () => {
    expect(deadline(baseCase((c) => (c.order!.date = '2026-10-25')), 'delivery-due')?.date).toBe('2026-11-24');
    expect(deadline(baseCase((c) => (c.order!.promisedDelivery = '2026-11-29')), 'delivery-due')?.date).toBe('2026-11-29');
  });
  it('is not shown for a defective product', () => {
    expect(deadline(baseCase((c) => (c.dispute.type = 'defective')), 'delivery-due')).toBeUndefined();
  });
});

describe('withdrawal period (C. conso, art. L221-18 and L221-19)', () => {
  const received = (date: string, today = '2026-01-01') =>
    deadline(baseCase((c) => {
      c.dispute.type = 'refund';
      c.order!.delivered = date;
    }), 'withdrawal-end', today);

  it('ends fourteen days after the day of reception', () => {
    expect(received('2026-11-02')?.date).toBe('2026-11-16'); // a Monday
  });
  it('runs to the next working day when it ends on a Saturday or a Sunday', () => {
    expect(received('2026-11-14')?.date).toBe('2026-11-30'); // would end on Saturday 28
    expect(received('2026-11-15')?.date).toBe('2026-11-30'); // would end on Sunday 29
    expect(received('2026-11-15')?.note).toContain('dimanche');
  });
  it('runs past a public holiday, and past a Sunday followed by Whit Monday', () => {
    expect(received('2026-04-30')?.date).toBe('2026-05-15'); // would end on Ascension, Thursday 14 May
    expect(received('2026-05-10')?.date).toBe('2026-05-26'); // Sunday 24, Whit Monday 25
    expect(received('2026-12-11')?.date).toBe('2026-12-28'); // Christmas on a Friday, then a weekend
  });
  it('is left out once past, unless the refund at stake follows a withdrawal', () => {
    const past = baseCase((c) => {
      c.dispute.type = 'defective';
      c.order!.delivered = '2026-03-17';
    });
    expect(deadline(past, 'withdrawal-end')).toBeUndefined();
    past.refund = { reason: 'withdrawal', requested: '2026-03-20' };
    expect(deadline(past, 'withdrawal-end')).toMatchObject({ date: '2026-03-31', overdue: true });
  });
  it('means nothing when the parcel was never received', () => {
    expect(deadline(baseCase((c) => (c.order!.delivered = '2026-11-20')), 'withdrawal-end')).toBeUndefined();
  });
});

describe('refund due dates', () => {
  it('after a withdrawal: 14 days after the professional was told (L221-24)', () => {
    const d = deadline(baseCase((c) => {
      c.dispute.type = 'refund';
      c.refund = { reason: 'withdrawal', requested: '2026-10-12', returned: '2026-10-14' };
    }), 'refund-due');
    expect(d).toMatchObject({ date: '2026-10-26', basis: 'C. conso, art. L221-24', overdue: true });
    expect(d?.note).toContain('L242-4');
  });
  it('after a withdrawal, not before the goods were sent back', () => {
    const d = deadline(baseCase((c) => (c.refund = { reason: 'withdrawal', requested: '2026-10-12', returned: '2026-11-03' })), 'refund-due');
    expect(d?.date).toBe('2026-11-03');
  });
  it('after a résolution for non-delivery: 14 days (L216-7), with the increases of L241-4', () => {
    const d = deadline(baseCase((c) => (c.refund = { reason: 'delivery-resolution', requested: '2026-12-20' })), 'refund-due');
    expect(d).toMatchObject({ date: '2027-01-03', basis: 'C. conso, art. L216-7', overdue: false });
    expect(d?.note).toMatch(/10 %, 20 % puis 50 % \(art\. L241-4\)/);
  });
  it('after a résolution for non-conformity: 14 days from the return (L217-17)', () => {
    const d = deadline(baseCase((c) => (c.refund = { reason: 'conformity-resolution', returned: '2026-02-20' })), 'refund-due');
    expect(d).toMatchObject({ date: '2026-03-06', basis: 'C. conso, art. L217-17' });
  });
  it('is left out when the date it runs from is missing, and the gap is named', () => {
    const c = baseCase((k) => (k.refund = { reason: 'withdrawal' }));
    expect(deadline(c, 'refund-due')).toBeUndefined();
    expect(deadlineGaps(c)).toContain('Date de la rétractation (refund.requested) : nécessaire pour la date de remboursement (art. L221-24).');
  });
});

describe('statutory increases of a late refund', () => {
  it.each([
    [0, null],
    [10, 'intérêts au taux légal'],
    [11, 'majoration de 5 %'],
    [20, 'majoration de 5 %'],
    [21, 'majoration de 10 %'],
    [30, 'majoration de 10 %'],
    [45, 'majoration de 20 %'],
    [75, 'majoration de 50 %'],
  ])('after a withdrawal (L242-4), %i days late: %s', (days, increase) => {
    const due = '2026-10-01';
    const on = new Date(Date.UTC(2026, 9, 1 + days)).toISOString().slice(0, 10);
    expect(lateRefund('withdrawal', due, on)).toEqual({ daysLate: days, increase, basis: 'C. conso, art. L242-4' });
  });
  it.each([
    [14, 'majoration de 10 %'],
    [15, 'majoration de 20 %'],
    [30, 'majoration de 20 %'],
    [31, 'majoration de 50 %'],
  ])('after a résolution (L241-4, thresholds of 14 and 30 days), %i days late: %s', (days, increase) => {
    const on = new Date(Date.UTC(2026, 9, 1 + days)).toISOString().slice(0, 10);
    expect(lateRefund('resolution', '2026-10-01', on).increase).toBe(increase);
  });
});

describe('legal guarantee of conformity and hidden defects', () => {
  const defective = (change: (c: CaseFile) => void = () => {}) =>
    baseCase((c) => {
      c.dispute = { type: 'defective', facts: 'Panne.', demand: 'repair', noticed: '2026-11-02' };
      c.order!.delivered = '2024-02-29';
      change(c);
    });

  it('ends two years after délivrance; from 29 February it ends on 28 February (L217-3)', () => {
    expect(deadline(defective(), 'guarantee-end')).toMatchObject({ date: '2026-02-28', basis: 'C. conso, art. L217-3', overdue: true });
  });
  it('presumes the defect for 24 months, 12 for second-hand goods (L217-7)', () => {
    expect(deadline(defective(), 'presumption-end')?.date).toBe('2026-02-28');
    expect(deadline(defective((c) => (c.order!.used = true)), 'presumption-end')?.date).toBe('2025-02-28');
  });
  it('asks for conformity within thirty days of the first request (L217-10)', () => {
    const c = defective((k) => (k.contacts = [{ date: '2026-11-05', channel: 'chat', summary: 'Demande de réparation.' }]));
    expect(deadline(c, 'conformity-due')).toMatchObject({ date: '2026-12-05', basis: 'C. conso, art. L217-10', overdue: false });
  });
  it('gives two years from the discovery of a hidden defect (C. civ. art. 1648)', () => {
    expect(deadline(defective(), 'hidden-defect-limit')).toMatchObject({ date: '2028-11-02', basis: 'C. civ., art. 1648' });
  });
  it('does not apply the consumer code to a private seller', () => {
    const c = defective((k) => (k.order!.seller = { name: 'Jean Martin', professional: false }));
    expect(deadline(c, 'guarantee-end')).toBeUndefined();
    expect(deadline(c, 'hidden-defect-limit')).toBeDefined();
  });
  it('names the delivery date when it is missing', () => {
    const c = defective((k) => delete k.order!.delivered);
    expect(deadline(c, 'guarantee-end')).toBeUndefined();
    expect(deadlineGaps(c)[0]).toMatch(/^Date de livraison \(order\.delivered\)/);
  });
});

describe('mediator, A-to-z, bank and GDPR periods', () => {
  it('allows the mediator one year after the first written complaint, 28 February after 29 February (L612-2)', () => {
    const c = baseCase((k) => {
      k.contacts = [
        { date: '2028-01-10', channel: 'phone', summary: 'Appel.' },
        { date: '2028-02-29', channel: 'email', summary: 'Réclamation écrite.' },
        { date: '2028-04-02', channel: 'letter', summary: 'Mise en demeure.', template: 'mise-en-demeure-livraison' },
      ];
    });
    expect(deadline(c, 'mediator-limit', '2029-03-01')).toMatchObject({ date: '2029-02-28', basis: 'C. conso, art. L612-2, 4°', overdue: true });
  });
  it('does not count an e-mail to the manufacturer or to the mediator as a written complaint', () => {
    const c = baseCase((k) => {
      k.contacts = [
        { date: '2026-10-12', channel: 'email', with: 'Sony France', summary: 'Attestation du fabricant.' },
        { date: '2026-11-02', channel: 'email', with: 'service client Amazon', summary: 'Réclamation.' },
      ];
    });
    expect(deadline(c, 'mediator-limit')?.date).toBe('2027-11-02');
  });
  it('gives no mediator deadline without a written complaint', () => {
    expect(deadline(baseCase((k) => (k.contacts = [{ date: '2026-11-02', channel: 'phone', summary: 'Appel.' }])), 'mediator-limit')).toBeUndefined();
  });
  it('shows the A-to-z window only for a Marketplace sale, as Amazon publishes it', () => {
    const marketplace = baseCase((k) => {
      k.order!.promisedDelivery = '2026-10-08';
      k.order!.seller = { name: 'MobilitéPlus SARL', professional: true };
      k.order!.fulfilledByAmazon = false;
    });
    const d = deadline(marketplace, 'a-to-z-limit');
    expect(d).toMatchObject({ date: '2027-01-06', overdue: false });
    expect(d?.basis).toContain('publiées par Amazon');
    marketplace.order!.fulfilledByAmazon = true;
    expect(deadline(marketplace, 'a-to-z-limit')).toBeUndefined();
  });
  it('allows thirteen months from the oldest debit to contest a payment (CMF L133-24), across month ends and leap years', () => {
    const contested = (dates: string[]) =>
      baseCase((k) => {
        k.dispute.type = 'fraud';
        k.contestedPayment = { operations: dates.map((date) => ({ date, amount: 10 })) };
      });
    expect(deadline(contested(['2026-03-02', '2026-01-31']), 'bank-contestation-limit')?.date).toBe('2027-02-28');
    expect(deadline(contested(['2027-01-31']), 'bank-contestation-limit')?.date).toBe('2028-02-29');
  });
  it('expects the bank refund at the end of the next working day after the report (CMF L133-18)', () => {
    const reported = (date: string) =>
      deadline(baseCase((k) => (k.contestedPayment = { operations: [{ date: '2026-11-09', amount: 150 }], reported: date })), 'bank-refund-due');
    expect(reported('2026-11-06')?.date).toBe('2026-11-09'); // Friday → Monday
    expect(reported('2026-11-10')?.date).toBe('2026-11-12'); // 11 November is a holiday
    expect(reported('2026-12-31')?.date).toBe('2027-01-04');
  });
  it('takes the bank letter as the report when no earlier report is recorded', () => {
    const c = baseCase((k) => {
      k.contestedPayment = { operations: [{ date: '2026-11-09', amount: 150 }] };
      k.contacts = [{ date: '2026-11-20', channel: 'letter', summary: 'Contestation.', template: 'contestation-bancaire' }];
    });
    expect(deadline(c, 'bank-refund-due')?.date).toBe('2026-11-23');
  });
  it('gives the controller one month, three when extended, from receipt (RGPD art. 12(3)), ending on the month’s last day', () => {
    const c = baseCase((k) => {
      k.dispute = { type: 'privacy', facts: 'Accès.', demand: 'data-access' };
      k.dataRequest = { received: '2025-01-31' };
    });
    expect(deadline(c, 'gdpr-answer-due')).toMatchObject({ date: '2025-02-28', basis: 'RGPD, art. 12, § 3' });
    c.dataRequest = { received: '2026-01-31', extended: true };
    expect(deadline(c, 'gdpr-answer-due')?.date).toBe('2026-04-30');
  });
  it('moves the GDPR month past a weekend and a public holiday (Regulation 1182/71, art. 3 § 4)', () => {
    const c = baseCase((k) => {
      k.dispute = { type: 'privacy', facts: 'Accès.', demand: 'data-access' };
      k.dataRequest = { received: '2027-04-01' };
    });
    // 1 May 2027 is a Saturday and Labour Day, then a Sunday.
    const d = deadline(c, 'gdpr-answer-due');
    expect(d?.date).toBe('2027-05-03');
    expect(d?.note?.replace(/\u00a0/g, ' ')).toContain('1er mai 2027 étant un jour férié (Fête du Travail)');
    c.dataRequest = { received: '2026-01-31' };
    expect(deadline(c, 'gdpr-answer-due')?.date).toBe('2026-03-02'); // 28 February 2026 is a Saturday
  });
  it('counts the mediator’s year from the earliest written exchange, a chat included (L612-2 4°)', () => {
    const c = baseCase((k) => {
      k.contacts = [
        { date: '2026-10-02', channel: 'chat', with: 'service client Amazon', summary: 'Signalement par chat.' },
        { date: '2026-10-15', channel: 'email', with: 'service client Amazon', summary: 'Réclamation.' },
      ];
    });
    expect(deadline(c, 'mediator-limit')).toMatchObject({ date: '2027-10-02' });
    expect(deadline(c, 'mediator-limit')?.note?.replace(/\u00a0/g, ' ')).toContain('2 octobre 2026');
  });
  it('ends the mediation at the mediator’s notice when the case records it', () => {
    const c = baseCase((k) => (k.contacts = [{ date: '2026-09-10', channel: 'letter', summary: 'Saisine.', template: 'saisine-mediateur' }]));
    c.mediation = { ended: '2026-10-20', outcome: 'no-agreement' };
    expect(deadline(c, 'response-due')).toMatchObject({ date: '2026-10-20', overdue: true });
    expect(deadline(c, 'response-due')?.label.replace(/\u00a0/g, ' ')).toContain('20 octobre 2026');
  });
  it('counts Good Friday and 26 December as closed in Alsace-Moselle (postal codes 57, 67, 68), from the claimant’s address', () => {
    const bank = (postalCode: string, reported: string) =>
      deadline(
        baseCase((k) => {
          k.claimant.address.postalCode = postalCode;
          k.contestedPayment = { operations: [{ date: '2026-11-09', amount: 150 }], reported };
        }),
        'bank-refund-due',
      )?.date;
    expect(bank('75011', '2026-12-24')).toBe('2026-12-28'); // Christmas Friday, then the weekend
    expect(bank('67000', '2027-12-24')).toBe('2027-12-27'); // 25 and 26 December 2027 fall on a weekend
    expect(bank('67000', '2026-12-24')).toBe('2026-12-28');
    expect(bank('75011', '2026-04-02')).toBe('2026-04-03'); // Good Friday 2026 in Paris: a working day
    expect(bank('57000', '2026-04-02')).toBe('2026-04-07'); // Metz: Good Friday, weekend, Easter Monday
    expect(bank('68100', '2026-04-02')).toBe('2026-04-07');
  });
  it('refunds subscription advances within 30 days when the renewal notice was missing (L215-1)', () => {
    const c = baseCase((k) => {
      k.dispute = { type: 'subscription', facts: 'Reconduction.', demand: 'refund' };
      k.subscription = { service: 'Amazon Prime', period: 'year', cancelled: '2026-10-20', renewalNotice: false };
    });
    expect(deadline(c, 'subscription-refund-due')).toMatchObject({ date: '2026-11-19', overdue: true });
    c.subscription!.renewalNotice = true;
    expect(deadline(c, 'subscription-refund-due')).toBeUndefined();
  });
});

describe('the response period of the last letter sent', () => {
  const withLetter = (template: string, date = '2026-11-20') =>
    baseCase((k) => (k.contacts = [{ date, channel: 'letter', summary: 'Lettre.', template }]));
  // A template's period is in its header only: read from the catalogue, as `recours deadlines` and the app do.
  const registry = loadTemplateRegistry();
  const fromHeaders = (c: CaseFile) => computeDeadlines(c, TODAY, catalogueOptions((id) => registry.get(id)?.meta)).find((d) => d.id === 'response-due');

  it('uses the template’s period', () => {
    const d = fromHeaders(withLetter('mise-en-demeure-livraison'));
    expect(d).toMatchObject({ date: '2026-11-28', overdue: false });
    expect(d?.label.replace(/\u00a0/g, ' ')).toBe('Réponse attendue à votre mise en demeure de livrer du 20 novembre 2026');
  });
  it('uses the case’s period when it sets one, and a catalogue given by the caller', () => {
    const c = withLetter('mise-en-demeure-livraison');
    expect(computeDeadlines(c, TODAY, { responseDays: () => 10 }).find((d) => d.id === 'response-due')?.date).toBe('2026-11-30');
    c.letter = { place: 'Paris', responseDays: 15 };
    expect(deadline(c, 'response-due')?.date).toBe('2026-12-05');
  });
  it('gives the mediator ninety days', () => {
    expect(fromHeaders(withLetter('saisine-mediateur', '2026-09-10'))?.date).toBe('2026-12-09');
  });
});

describe('the list', () => {
  it('is sorted by date, judged on today, and fits the API contract', () => {
    const c = baseCase((k) => {
      k.order!.promisedDelivery = '2026-10-06';
      k.contacts = [{ date: '2026-10-15', channel: 'email', summary: 'Réclamation.' }];
    });
    const list: DeadlineInfo[] = computeDeadlines(c, TODAY);
    expect(list.map((d) => [d.id, d.date, d.overdue])).toEqual([
      ['delivery-due', '2026-10-06', true],
      ['mediator-limit', '2027-10-15', false],
    ]);
    expect(computeDeadlines(c, '2026-10-06')[0]?.overdue).toBe(false);
  });
  it('is empty, without error, for a case with no dates beyond the order', () => {
    const c = baseCase((k) => {
      delete k.order;
      k.dispute = { type: 'fraud', facts: 'Piratage.', demand: 'chargeback' };
    });
    expect(computeDeadlines(c, TODAY)).toEqual([]);
    expect(deadlineGaps(c)).toEqual([
      'Opérations contestées (contestedPayment.operations) : nécessaires pour la date limite de contestation (art. L133-24).',
    ]);
  });
});
