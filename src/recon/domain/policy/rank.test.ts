import { describe, expect, it } from 'vitest';
import { rankCases, rankScore } from './rank.ts';

const NOW = new Date('2025-06-01T15:00:00Z');

describe('rankScore = value × k / (daysLeft + k)', () => {
  const cases: [string, number, string, string, number, number, boolean][] = [
    ['100 USD due today', 10_000, 'USD', '2025-06-01', 100, 0, false],
    ['199 USD due in 14 days', 19_900, 'USD', '2025-06-15', 99.5, 14, false],
    ['201 USD due in 14 days', 20_100, 'USD', '2025-06-15', 100.5, 14, false],
    ['100 USD due in 42 days', 10_000, 'USD', '2025-07-13', 25, 42, false],
    ['expired yesterday', 10_000, 'USD', '2025-05-31', 0, -1, true],
    ['worth nothing', 0, 'USD', '2025-06-10', 0, 9, false],
    ['JPY has no minor digits', 10_000, 'JPY', '2025-06-01', 10_000, 0, false],
    ['KWD has three', 10_000, 'KWD', '2025-06-01', 10, 0, false],
  ];
  it.each(cases)('%s', (_name, valueMinor, currency, deadline, score, daysLeft, expired) => {
    const r = rankScore({ valueMinor, currency, deadline, now: NOW });
    expect([r.score, r.daysLeft, r.expired, r.converted]).toEqual([score, daysLeft, expired, false]);
  });

  it('a deadline instant and its day give the same days left', () => {
    const asDay = rankScore({ valueMinor: 10_000, currency: 'USD', deadline: '2025-06-08', now: NOW });
    const asInstant = rankScore({ valueMinor: 10_000, currency: 'USD', deadline: new Date('2025-06-08T23:59:59.999Z'), now: NOW });
    expect([asDay.daysLeft, asInstant.daysLeft, asInstant.score]).toEqual([7, 7, asDay.score]);
  });

  it('rates put currencies on one scale; k is configurable', () => {
    const rates = { USD: 1, EUR: 1.25, JPY: 0.0075 };
    expect(rankScore({ valueMinor: 10_000, currency: 'EUR', deadline: '2025-06-01', now: NOW }, { rates })).toMatchObject({ score: 125, converted: true });
    expect(rankScore({ valueMinor: 10_000, currency: 'JPY', deadline: '2025-06-01', now: NOW }, { rates }).score).toBeCloseTo(75, 10);
    expect(rankScore({ valueMinor: 10_000, currency: 'GBP', deadline: '2025-06-01', now: NOW }, { rates })).toMatchObject({ score: 100, converted: false });
    expect(rankScore({ valueMinor: 10_000, currency: 'USD', deadline: '2025-06-08', now: NOW }, { k: 7 }).score).toBe(50);
  });

  it.each([
    ['k of 0', { valueMinor: 1, currency: 'USD', deadline: '2025-06-01', now: NOW }, { k: 0 }],
    ['a deadline that is no date', { valueMinor: 1, currency: 'USD', deadline: 'soon', now: NOW }, {}],
    ['a fractional value', { valueMinor: 1.5, currency: 'USD', deadline: '2025-06-01', now: NOW }, {}],
  ])('refuses %s', (_name, input, options) => {
    expect(() => rankScore(input, options)).toThrow(RangeError);
  });
});

describe('rankCases: value × urgency, expired last, deterministic ties', () => {
  const cases = [
    { id: 'c-expired-old', valueMinor: 900_000, currency: 'USD', deadline: '2025-05-01' },
    { id: 'c-small-today', valueMinor: 10_000, currency: 'USD', deadline: '2025-06-01' },
    { id: 'c-big-later', valueMinor: 40_000, currency: 'USD', deadline: '2025-07-13' },
    { id: 'c-tie-b', valueMinor: 5_000, currency: 'USD', deadline: '2025-06-08' },
    { id: 'c-tie-a', valueMinor: 5_000, currency: 'USD', deadline: '2025-06-08' },
    { id: 'c-mid-week', valueMinor: 30_000, currency: 'USD', deadline: '2025-06-08' },
    { id: 'c-expired-recent', valueMinor: 100, currency: 'USD', deadline: '2025-05-31' },
    { id: 'c-zero', valueMinor: 0, currency: 'USD', deadline: '2025-06-02' },
    // Same score (100) as c-small-today and c-big-later: the earlier deadline goes first.
    { id: 'c-same-score-later', valueMinor: 20_000, currency: 'USD', deadline: '2025-06-15' },
  ];

  it('orders by score, then deadline, then value, then id; expired at the end', () => {
    const ranked = rankCases(cases, NOW);
    expect(ranked.map((c) => [c.id, c.rank.score])).toEqual([
      ['c-mid-week', 200],
      ['c-small-today', 100],
      ['c-same-score-later', 100],
      ['c-big-later', 100],
      ['c-tie-a', 5_000 / 100 * 14 / 21],
      ['c-tie-b', 5_000 / 100 * 14 / 21],
      ['c-zero', 0],
      ['c-expired-old', 0],
      ['c-expired-recent', 0],
    ]);
    expect(ranked.filter((c) => c.rank.expired).map((c) => c.id)).toEqual(['c-expired-old', 'c-expired-recent']);
  });

  it('gives the same order whatever the input order, and leaves the input alone', () => {
    const reversed = [...cases].reverse();
    const before = JSON.stringify(reversed);
    expect(rankCases(reversed, NOW).map((c) => c.id)).toEqual(rankCases(cases, NOW).map((c) => c.id));
    expect(JSON.stringify(reversed)).toBe(before);
  });
});
