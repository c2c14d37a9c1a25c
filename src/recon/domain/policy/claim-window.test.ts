import { describe, expect, it } from 'vitest';
import { claimWindow, daysLeft, isClaimable, windowStatus, type ClaimWindow } from './claim-window.ts';
import { WINDOW_NOTES } from './window-table.ts';

function win(kind: string, marketplace: string, eventDate: Date | string): ClaimWindow {
  const r = claimWindow(kind, marketplace, eventDate);
  if (!r.ok) throw new Error(`${r.error}: ${r.message}`);
  return r.value;
}

/** [opensOn, deadlineOn, segments as [from, to]] */
function shape(w: ClaimWindow): [string | null, string, [string, string][]] {
  return [w.opensOn, w.deadlineOn, w.segments.map((s) => [s.fromOn, s.toOn])];
}

const at = (day: string): Date => new Date(`${day}T12:00:00Z`);

describe('US windows across the 2024-10-23 change (event the day before, of, after)', () => {
  const cases: [string, string, string | null, string, [string, string][]][] = [
    // FC lost/damaged: 18 months before, 60 days from the change; the day before keeps one old filing day.
    ['fc_lost', '2024-10-22', null, '2024-12-21', [['2024-10-22', '2024-10-22'], ['2024-10-23', '2024-12-21']]],
    ['fc_lost', '2024-10-23', null, '2024-12-22', [['2024-10-23', '2024-12-22']]],
    ['fc_lost', '2024-10-24', null, '2024-12-23', [['2024-10-24', '2024-12-23']]],
    ['fc_damaged', '2024-10-22', null, '2024-12-21', [['2024-10-22', '2024-10-22'], ['2024-10-23', '2024-12-21']]],
    ['fc_damaged', '2024-10-23', null, '2024-12-22', [['2024-10-23', '2024-12-22']]],
    ['fc_damaged', '2024-10-24', null, '2024-12-23', [['2024-10-24', '2024-12-23']]],
    // Customer returns: 60-120 days; the old 45-day opening would fall after the change.
    ['customer_return_not_returned', '2024-10-22', '2024-12-21', '2025-02-19', [['2024-12-21', '2025-02-19']]],
    ['customer_return_not_returned', '2024-10-23', '2024-12-22', '2025-02-20', [['2024-12-22', '2025-02-20']]],
    ['customer_return_not_returned', '2024-10-24', '2024-12-23', '2025-02-21', [['2024-12-23', '2025-02-21']]],
    ['customer_return_damaged', '2024-10-22', '2024-12-21', '2025-02-19', [['2024-12-21', '2025-02-19']]],
    ['customer_return_damaged', '2024-10-23', '2024-12-22', '2025-02-20', [['2024-12-22', '2025-02-20']]],
    ['customer_return_damaged', '2024-10-24', '2024-12-23', '2025-02-21', [['2024-12-23', '2025-02-21']]],
    // Inspection: from the refund day on, to the customer-returns deadline.
    ['return_sellable_inspection', '2024-10-22', null, '2025-02-19', [['2024-10-22', '2024-10-22'], ['2024-10-23', '2025-02-19']]],
    ['return_sellable_inspection', '2024-10-23', null, '2025-02-20', [['2024-10-23', '2025-02-20']]],
    ['return_sellable_inspection', '2024-10-24', null, '2025-02-21', [['2024-10-24', '2025-02-21']]],
    // Removal lost in transit: 14 days-18 months before, 15-75 days from shipment creation after.
    ['removal_lost', '2024-10-22', '2024-11-06', '2025-01-05', [['2024-11-06', '2025-01-05']]],
    ['removal_lost', '2024-10-23', '2024-11-07', '2025-01-06', [['2024-11-07', '2025-01-06']]],
    ['removal_lost', '2024-10-24', '2024-11-08', '2025-01-07', [['2024-11-08', '2025-01-07']]],
    ['removal_damaged', '2024-10-22', null, '2024-12-21', [['2024-10-22', '2024-10-22'], ['2024-10-23', '2024-12-21']]],
    ['removal_damaged', '2024-10-23', null, '2024-12-22', [['2024-10-23', '2024-12-22']]],
    ['removal_damaged', '2024-10-24', null, '2024-12-23', [['2024-10-24', '2024-12-23']]],
    ['removal_not_shipped', '2024-10-22', null, '2024-12-21', [['2024-10-22', '2024-10-22'], ['2024-10-23', '2024-12-21']]],
    ['removal_not_shipped', '2024-10-23', null, '2024-12-22', [['2024-10-23', '2024-12-22']]],
    ['removal_not_shipped', '2024-10-24', null, '2024-12-23', [['2024-10-24', '2024-12-23']]],
    // Inbound (UNVERIFIED 15-60 days): the old 9-month rule leaves the event day, then a gap until day 15.
    ['inbound_shortage', '2024-10-22', null, '2024-12-21', [['2024-10-22', '2024-10-22'], ['2024-11-06', '2024-12-21']]],
    ['inbound_shortage', '2024-10-23', '2024-11-07', '2024-12-22', [['2024-11-07', '2024-12-22']]],
    ['inbound_shortage', '2024-10-24', '2024-11-08', '2024-12-23', [['2024-11-08', '2024-12-23']]],
    ['underpaid_reimbursement', '2024-10-22', null, '2024-12-21', [['2024-10-22', '2024-10-22'], ['2024-10-23', '2024-12-21']]],
    ['underpaid_reimbursement', '2024-10-23', null, '2024-12-22', [['2024-10-23', '2024-12-22']]],
    ['underpaid_reimbursement', '2024-10-24', null, '2024-12-23', [['2024-10-24', '2024-12-23']]],
    ['reversal_dispute', '2024-10-22', null, '2024-12-21', [['2024-10-22', '2024-10-22'], ['2024-10-23', '2024-12-21']]],
    ['reversal_dispute', '2024-10-23', null, '2024-12-22', [['2024-10-23', '2024-12-22']]],
    ['reversal_dispute', '2024-10-24', null, '2024-12-23', [['2024-10-24', '2024-12-23']]],
  ];
  it.each(cases)('%s on %s', (kind, event, opensOn, deadlineOn, segments) => {
    expect(shape(win(kind, 'US', event))).toEqual([opensOn, deadlineOn, segments]);
  });

  it('the deadline is the last instant of the deadline day (UTC)', () => {
    const w = win('fc_lost', 'US', '2024-10-23');
    expect(w.deadline.toISOString()).toBe('2024-12-22T23:59:59.999Z');
    expect(w.opensAt).toBeNull();
    expect(win('customer_return_not_returned', 'US', '2024-10-23').opensAt?.toISOString()).toBe('2024-12-22T00:00:00.000Z');
  });
});

describe('a change cuts old losses off: claims filed from the change date follow the new window', () => {
  // "On October 23, 2024 (60-day window): claims eligible from August 24, 2024" — the filing-day reading.
  const cases: [string, string, number][] = [
    ['2024-06-01', '2024-10-22', 1],
    ['2024-08-23', '2024-10-22', 1],
    ['2024-08-24', '2024-10-23', 2],
    ['2024-08-25', '2024-10-24', 2],
  ];
  it.each(cases)('US loss reported %s → last filing day %s (%i segments)', (event, deadlineOn, pieces) => {
    const w = win('fc_lost', 'US', event);
    expect([w.deadlineOn, w.segments.length]).toEqual([deadlineOn, pieces]);
  });

  const filing: [string, boolean, number][] = [
    ['2024-10-22', true, 0],
    ['2024-10-23', false, -1],
    ['2024-10-24', false, -2],
  ];
  it.each(filing)('loss of 2024-06-01, filing on %s → claimable %s, %i days left', (day, claimable, left) => {
    const w = win('fc_lost', 'US', '2024-06-01');
    expect(isClaimable(w, at(day))).toBe(claimable);
    expect(daysLeft(w, at(day))).toBe(left);
  });

  it('says so in the rule text', () => {
    expect(win('fc_lost', 'US', '2024-06-01').rule).toBe(
      'US fulfilment-centre lost: file no later than 18 months after the date the loss or damage is reported in the inventory ledger (earliest known rule) [3P-WIX-FCO][3P-AMZDOC]; cut short on 2024-10-22 because claims filed from 2024-10-23 fall under the next rule',
    );
  });
});

describe('a window with a gap: US refund on 2024-09-01', () => {
  const w = win('customer_return_not_returned', 'US', '2024-09-01');
  it('has the old 45-day piece and the new 60-120-day piece', () => {
    expect(shape(w)).toEqual(['2024-10-16', '2024-12-30', [['2024-10-16', '2024-10-22'], ['2024-10-31', '2024-12-30']]]);
    expect(w.sources).toEqual(['SC-CRC-US-2020', 'FORUM-US-2024', 'SC-CRC-US']);
    expect(w.verified).toBe(true);
  });
  const days: [string, string, number, number | null][] = [
    ['2024-10-15', 'not_yet_open', 76, 1],
    ['2024-10-16', 'open', 75, null],
    ['2024-10-22', 'open', 69, null],
    ['2024-10-25', 'not_yet_open', 66, 6],
    ['2024-10-31', 'open', 60, null],
    ['2024-12-30', 'open', 0, null],
    ['2024-12-31', 'expired', -1, null],
  ];
  it.each(days)('on %s: %s, %i days left, opens in %s', (day, state, left, opensIn) => {
    expect(windowStatus(w, at(day))).toEqual({ state, daysLeft: left, opensInDays: opensIn });
    expect(isClaimable(w, at(day))).toBe(state === 'open');
  });
});

describe('European windows across 2025-01-09 (event the day before, of, after)', () => {
  const cases: [string, string, string, string | null, string, [string, string][], boolean][] = [
    ['customer_return_not_returned', 'DE', '2025-01-08', '2025-02-22', '2025-04-23', [['2025-02-22', '2025-04-23']], false],
    ['customer_return_not_returned', 'DE', '2025-01-09', '2025-02-23', '2025-04-24', [['2025-02-23', '2025-04-24']], false],
    ['customer_return_not_returned', 'DE', '2025-01-10', '2025-02-24', '2025-04-25', [['2025-02-24', '2025-04-25']], false],
    // UK FC: "at least 30 days" before the change, so nothing was fileable on 2025-01-08 itself.
    ['fc_lost', 'UK', '2025-01-08', '2025-01-09', '2025-03-09', [['2025-01-09', '2025-03-09']], false],
    ['fc_lost', 'UK', '2025-01-09', null, '2025-03-10', [['2025-01-09', '2025-03-10']], false],
    ['fc_lost', 'UK', '2025-01-10', null, '2025-03-11', [['2025-01-10', '2025-03-11']], false],
    ['removal_lost', 'FR', '2025-01-08', '2025-01-23', '2025-03-24', [['2025-01-23', '2025-03-24']], false],
    ['removal_lost', 'FR', '2025-01-09', '2025-01-24', '2025-03-25', [['2025-01-24', '2025-03-25']], false],
    ['removal_lost', 'FR', '2025-01-10', '2025-01-25', '2025-03-26', [['2025-01-25', '2025-03-26']], false],
    // Inbound: 6 months after delivery, no change known — verified.
    ['inbound_shortage', 'IT', '2025-01-08', null, '2025-07-08', [['2025-01-08', '2025-07-08']], true],
    ['inbound_shortage', 'IT', '2025-01-09', null, '2025-07-09', [['2025-01-09', '2025-07-09']], true],
    ['inbound_shortage', 'IT', '2025-01-10', null, '2025-07-10', [['2025-01-10', '2025-07-10']], true],
  ];
  it.each(cases)('%s in %s on %s', (kind, mp, event, opensOn, deadlineOn, segments, verified) => {
    const w = win(kind, mp, event);
    expect(shape(w)).toEqual([opensOn, deadlineOn, segments]);
    expect(w.verified).toBe(verified);
    expect(w.fallback).toBe(false);
  });

  it('flags the third-party change date', () => {
    expect(win('fc_lost', 'DE', '2025-06-01').notes).toEqual([WINDOW_NOTES.euDate]);
  });

  it('the UK page is verified for the UK only, before the change', () => {
    const uk = win('fc_damaged', 'UK', '2024-06-01');
    const de = win('fc_damaged', 'DE', '2024-06-01');
    expect([shape(uk), uk.verified, uk.notes]).toEqual([['2024-07-01', '2025-01-08', [['2024-07-01', '2025-01-08']]], true, []]);
    expect([shape(de), de.verified, de.notes]).toEqual([['2024-07-01', '2025-01-08', [['2024-07-01', '2025-01-08']]], false, [WINDOW_NOTES.ukPage]]);
  });
});

describe('AE across 2024-09-05: US rules (fallback) before, AE rules from that day', () => {
  const cases: [string, string, string, [string, string][], boolean, boolean][] = [
    ['removal_damaged', '2024-09-04', '2024-10-04', [['2024-09-04', '2024-09-04'], ['2024-09-05', '2024-10-04']], false, true],
    ['removal_damaged', '2024-09-05', '2024-10-05', [['2024-09-05', '2024-10-05']], true, false],
    ['removal_damaged', '2024-09-06', '2024-10-06', [['2024-09-06', '2024-10-06']], true, false],
    ['inbound_shortage', '2025-03-01', '2025-04-30', [['2025-03-16', '2025-04-30']], true, false],
    ['fc_lost', '2025-03-01', '2025-04-30', [['2025-03-01', '2025-04-30']], true, false],
    ['customer_return_damaged', '2025-03-01', '2025-06-29', [['2025-04-30', '2025-06-29']], false, true],
  ];
  it.each(cases)('%s on %s', (kind, event, deadlineOn, segments, verified, fallback) => {
    const w = win(kind, 'AE', event);
    expect([w.deadlineOn, w.segments.map((s) => [s.fromOn, s.toOn]), w.verified, w.fallback]).toEqual([deadlineOn, segments, verified, fallback]);
  });
});

describe('each marketplace group on 2025-06-01, and the fallback', () => {
  const cases: [string, string, string, string | null, string, boolean, boolean][] = [
    ['US', 'fc_lost', 'US', null, '2025-07-31', true, false],
    ['DE', 'fc_lost', 'DE', null, '2025-07-31', false, false],
    ['UK', 'fc_lost', 'UK', null, '2025-07-31', false, false],
    ['GB is UK', 'fc_lost', 'UK', null, '2025-07-31', false, false],
    ['lower case', 'fc_lost', 'DE', null, '2025-07-31', false, false],
    ['AE', 'fc_lost', 'AE', null, '2025-07-31', true, false],
    ['CA (fallback for FC)', 'fc_lost', 'CA', null, '2025-07-31', false, true],
    ['MX (fallback)', 'fc_lost', 'MX', null, '2025-07-31', false, true],
    ['US', 'customer_return_not_returned', 'US', '2025-07-31', '2025-09-29', true, false],
    ['SE', 'customer_return_not_returned', 'SE', '2025-07-16', '2025-09-14', false, false],
    ['CA', 'customer_return_not_returned', 'CA', '2025-07-16', '2026-12-01', false, false],
    ['JP', 'customer_return_not_returned', 'JP', '2025-07-16', '2026-12-01', false, false],
    ['BR (fallback)', 'customer_return_not_returned', 'BR', '2025-07-31', '2025-09-29', false, true],
    ['AU (fallback)', 'customer_return_not_returned', 'AU', '2025-07-31', '2025-09-29', false, true],
    ['unknown code (fallback)', 'customer_return_not_returned', 'ZZ', '2025-07-31', '2025-09-29', false, true],
    ['empty code (fallback)', 'customer_return_not_returned', '', '2025-07-31', '2025-09-29', false, true],
  ];
  const input: Record<string, string> = { 'GB is UK': 'gb', 'lower case': ' de ', 'empty code (fallback)': '' };
  it.each(cases)('%s: %s', (name, kind, mp, opensOn, deadlineOn, verified, fallback) => {
    const w = win(kind, input[name] ?? mp, '2025-06-01');
    expect([w.marketplace, w.opensOn, w.deadlineOn, w.verified, w.fallback]).toEqual([mp, opensOn, deadlineOn, verified, fallback]);
  });

  it('the fallback says which rule it borrowed and why it is unverified', () => {
    const w = win('fc_lost', 'MX', '2025-06-01');
    expect(w.rule).toBe(
      'no MX rule, so the US rule applies (unverified): US fulfilment-centre lost: file no later than 60 days after the date the loss or damage is reported in the inventory ledger (claims filed from 2024-10-23) [FORUM-US-2024]',
    );
    expect(w.notes).toEqual(['MX has no fulfilment-centre lost rule of its own for these dates; the US rule is applied.']);
  });
});

describe('calendar months', () => {
  const cases: [string, string, string, string][] = [
    ['customer_return_not_returned', 'CA', '2024-08-31', '2026-02-28'],
    ['customer_return_not_returned', 'JP', '2023-12-31', '2025-06-30'],
    ['customer_return_not_returned', 'CA', '2022-08-29', '2024-02-29'],
    ['inbound_shortage', 'ES', '2024-08-31', '2025-02-28'],
  ];
  it.each(cases)('%s %s on %s ends %s (day clamped to the month)', (kind, mp, event, deadlineOn) => {
    expect(win(kind, mp, event).deadlineOn).toBe(deadlineOn);
  });
});

describe('inputs', () => {
  it.each([
    ['fc_stolen', 'US', '2025-01-01', 'unknown_kind'],
    ['', 'US', '2025-01-01', 'unknown_kind'],
    ['fc_lost', 'US', 'yesterday', 'bad_date'],
    ['fc_lost', 'US', '2025-02-30', 'bad_date'],
    ['fc_lost', 'US', '2025-01-01T10:00:00', 'bad_date'],
  ])('%s / %s / %s → %s', (kind, mp, date, error) => {
    const r = claimWindow(kind, mp, date);
    expect(r.ok ? 'ok' : r.error).toBe(error);
  });

  it.each([
    ['2024-10-22T23:30:00-02:00', '2024-10-23'],
    ['2024-10-23T01:30:00+02:00', '2024-10-22'],
    ['2024-10-22T23:59:59Z', '2024-10-22'],
  ])('an instant %s counts on its UTC day %s', (instant, day) => {
    expect(win('fc_lost', 'US', instant).eventOn).toBe(day);
    expect(win('fc_lost', 'US', new Date(instant)).eventOn).toBe(day);
  });

  it('an invalid Date is a bad date', () => {
    const r = claimWindow('fc_lost', 'US', new Date('nope'));
    expect(r.ok ? 'ok' : r.error).toBe('bad_date');
  });
});
