import { describe, expect, it } from 'vitest';
import { claimWindow, isClaimable, windowStatus } from './claim-window.ts';
import { DAY_MS, isoDay, toDayNumber } from './days.ts';
import { CLAIM_KINDS, KIND_INFO } from './kinds.ts';
import { validateWindowTable } from './validate-table.ts';
import { DEFAULT_WINDOWS, WINDOW_NOTES, type WindowRule, type WindowTable } from './window-table.ts';

const rule = (over: Partial<WindowRule>): WindowRule => ({
  kind: 'fc_lost',
  region: 'T',
  marketplaces: ['T'],
  effectiveFrom: null,
  opensAfterDays: null,
  deadline: { days: 10 },
  anchor: 'adjustment_reported',
  sources: ['TEST'],
  verified: true,
  ...over,
});

describe('DEFAULT_WINDOWS', () => {
  it('is a valid table', () => {
    expect(validateWindowTable(DEFAULT_WINDOWS)).toEqual([]);
  });

  it('every unverified rule says why', () => {
    const unverified = DEFAULT_WINDOWS.rules.filter((r) => !r.verified);
    expect(unverified.length).toBeGreaterThan(0);
    expect(unverified.filter((r) => !r.note)).toEqual([]);
  });

  // What the UI will badge as unverified, for claims filed after every change (event 2025-06-01).
  const verifiedNow: [string, Record<string, boolean>][] = [
    ['US', { fc_lost: true, fc_damaged: true, inbound_shortage: false, customer_return_not_returned: true, customer_return_damaged: true, return_sellable_inspection: false, underpaid_reimbursement: false, reversal_dispute: false, removal_not_shipped: false, removal_lost: true, removal_damaged: true }],
    ['DE', { fc_lost: false, fc_damaged: false, inbound_shortage: true, customer_return_not_returned: false, customer_return_damaged: false, return_sellable_inspection: false, underpaid_reimbursement: false, reversal_dispute: false, removal_not_shipped: false, removal_lost: false, removal_damaged: false }],
    ['AE', { fc_lost: true, fc_damaged: true, inbound_shortage: true, customer_return_not_returned: false, customer_return_damaged: false, return_sellable_inspection: false, underpaid_reimbursement: false, reversal_dispute: false, removal_not_shipped: false, removal_lost: true, removal_damaged: true }],
  ];
  it.each(verifiedNow)('verified flags in %s', (mp, expected) => {
    const actual = Object.fromEntries(CLAIM_KINDS.map((k) => {
      const r = claimWindow(k, mp, '2025-06-01');
      return [k, r.ok && r.value.verified];
    }));
    expect(actual).toEqual(expected);
  });

  it('carries the reference\'s UNVERIFIED US inbound window through to the output', () => {
    const r = claimWindow('inbound_shortage', 'US', '2025-06-01');
    expect(r.ok && [r.value.verified, r.value.notes, r.value.sources]).toEqual([false, [WINDOW_NOTES.usInbound], ['3P-REFUNZO', 'FORUM-AE-2024']]);
  });

  // Invariants over every kind, marketplace group and event day from 2023 to 2026 (weekly).
  const marketplaces = ['US', 'DE', 'UK', 'AE', 'CA', 'JP', 'MX', 'ZZ'];
  it.each(marketplaces)('%s: every window has a filing day inside [event, deadline], segments in order, fallback never verified', (mp) => {
    const start = toDayNumber('2023-01-01') ?? 0;
    const end = toDayNumber('2026-12-31') ?? 0;
    let checked = 0;
    const violations: string[] = [];
    for (const kind of CLAIM_KINDS) {
      for (let d = start; d <= end; d += 7) {
        const r = claimWindow(kind, mp, isoDay(d));
        if (!r.ok) throw new Error(r.message);
        const w = r.value;
        const days = w.segments.flatMap((s) => [toDayNumber(s.fromOn) ?? NaN, toDayNumber(s.toOn) ?? NaN]);
        const deadline = toDayNumber(w.deadlineOn) ?? NaN;
        const problems = [
          days.length === 0 && 'no filing day',
          days.some((x, i) => i > 0 && x < (days[i - 1] ?? NaN)) && 'segments out of order',
          (days[0] ?? NaN) < d && 'opens before the event',
          days[days.length - 1] !== deadline && 'deadline is not the last filing day',
          w.anchor !== KIND_INFO[kind].anchor && 'wrong anchor',
          w.fallback && w.verified && 'fallback marked verified',
          !isClaimable(w, new Date(deadline * DAY_MS)) && 'not claimable on the deadline day',
          windowStatus(w, new Date((deadline + 1) * DAY_MS)).state !== 'expired' && 'not expired the day after',
        ].filter((p): p is string => typeof p === 'string');
        for (const p of problems) violations.push(`${kind} ${mp} ${isoDay(d)}: ${p}`);
        checked++;
      }
    }
    expect(violations).toEqual([]);
    expect(checked).toBe(CLAIM_KINDS.length * 209);
  });
});

describe('custom tables', () => {
  it('a table is configuration: a workspace may shorten a window', () => {
    const table: WindowTable = { fallbackMarketplace: 'T', rules: [rule({ deadline: { days: 30 } })] };
    const r = claimWindow('fc_lost', 'T', '2025-01-01', table);
    expect(r.ok && [r.value.deadlineOn, r.value.verified, r.value.rule]).toEqual([
      '2025-01-31',
      true,
      'T fulfilment-centre lost: file no later than 30 days after the date the loss or damage is reported in the inventory ledger (earliest known rule) [TEST]',
    ]);
  });

  it('no rule for the kind anywhere → no_rule', () => {
    const table: WindowTable = { fallbackMarketplace: 'T', rules: [rule({})] };
    const r = claimWindow('removal_lost', 'T', '2025-01-01', table);
    expect(r.ok ? 'ok' : r.error).toBe('no_rule');
  });

  it('rules that leave no filing day give an empty, expired window', () => {
    // Old rule opens after 45 days; from 2025-01-01 the deadline is 30 days: an event on 2024-12-10 fits neither.
    const table: WindowTable = {
      fallbackMarketplace: 'T',
      rules: [rule({ opensAfterDays: 45, deadline: { days: 100 } }), rule({ effectiveFrom: '2025-01-01', deadline: { days: 20 } })],
    };
    const r = claimWindow('fc_lost', 'T', '2024-12-10', table);
    if (!r.ok) throw new Error(r.message);
    expect([r.value.segments, r.value.deadlineOn, r.value.opensOn, r.value.verified]).toEqual([[], '2024-12-09', null, false]);
    expect(windowStatus(r.value, new Date('2024-12-10T00:00:00Z'))).toEqual({ state: 'expired', daysLeft: -1, opensInDays: null });
  });

  it('lists every problem of a bad table', () => {
    const table: WindowTable = {
      fallbackMarketplace: 'T',
      rules: [
        rule({ anchor: 'refund_or_replacement' }),
        rule({ marketplaces: ['t'], effectiveFrom: '2025-13-01', sources: [] }),
        rule({ opensAfterDays: 20, deadline: { days: 10 }, verified: false }),
        rule({ deadline: { months: 0 } }),
        rule({}),
      ],
    };
    const problems = validateWindowTable(table);
    expect(problems.slice(0, 7)).toEqual([
      'rule 0 (fc_lost T earliest): anchor must be adjustment_reported',
      'rule 1 (fc_lost T 2025-13-01): marketplace codes must be upper case',
      'rule 1 (fc_lost T 2025-13-01): effectiveFrom must be null or YYYY-MM-DD',
      'rule 1 (fc_lost T 2025-13-01): no source key',
      'rule 2 (fc_lost T earliest): the window opens after its deadline',
      'rule 2 (fc_lost T earliest): an unverified rule needs a note saying why',
      'rule 2 (fc_lost T earliest): a second rule for T from the same date',
    ]);
    expect(problems).toContain('rule 3 (fc_lost T earliest): deadline must be a positive whole number of days or months');
    expect(problems).toContain('fallback T: no earliest (effectiveFrom null) removal_damaged rule');
    expect(problems.length).toBe(7 + 3 + (CLAIM_KINDS.length - 1));
  });
});
