import { describe, expect, it } from 'vitest';
import { formatAmount, minorDigits, prorate } from './amounts.ts';
import { addMonths, endOfDay, isoDay, toDayNumber } from './days.ts';

describe('prorate: one rounding, half away from zero, exact', () => {
  const cases: [number, number, number, number][] = [
    [1000, 1, 3, 333], // 333.33 → 333
    [1000, 2, 3, 667], // 666.67 → 667
    [5, 1, 2, 3], // 2.5 → 3 (half away from zero)
    [7, 1, 2, 4], // 3.5 → 4 (not to even)
    [-5, 1, 2, -3], // -2.5 → -3 (a reversal)
    [1, 1, 3, 0], // 0.33 → 0
    [2, 1, 3, 1], // 0.67 → 1
    [1000, 3, 3, 1000],
    [0, 1, 5, 0],
    [2999, 0, 3, 0],
    [9_007_199_254_740_990, 1, 2, 4_503_599_627_370_495], // beyond float precision for the product
    [9_007_199_254_740_991, 3, 4, 6_755_399_441_055_743], // 6755399441055743.25 → …743
  ];
  it.each(cases)('%i × %i / %i = %i', (total, part, whole, expected) => {
    expect(prorate(total, part, whole)).toBe(expected);
  });

  it('share of a line: 2 of 3 units of a 10.00 line is 6.67, one rounding', () => {
    expect(prorate(1000, 2, 3)).toBe(667);
    expect(prorate(1000, 1, 3) * 2).toBe(666); // why per-unit rounding first loses a cent
  });

  it.each([
    [10.5, 1, 2],
    [10, -1, 2],
    [10, 1, 0],
    [10, 1.5, 2],
    [9_007_199_254_740_991, 2, 1],
  ])('refuses %s × %s / %s', (total, part, whole) => {
    expect(() => prorate(total, part, whole)).toThrow(RangeError);
  });
});

describe('formatAmount', () => {
  it.each([
    [1250, 'USD', '12.50 USD'],
    [5, 'USD', '0.05 USD'],
    [-5, 'EUR', '-0.05 EUR'],
    [0, 'GBP', '0.00 GBP'],
    [1500, 'JPY', '1500 JPY'],
    [1234, 'KWD', '1.234 KWD'],
    [500_000, 'USD', '5000.00 USD'],
  ])('%i %s → %s', (minor, currency, text) => {
    expect(formatAmount(minor, currency)).toBe(text);
  });

  it('mirrors kernel/money.ts minor digits', () => {
    expect(['USD', 'EUR', 'JPY', 'KRW', 'HUF', 'BHD', 'KWD', 'SEK'].map(minorDigits)).toEqual([2, 2, 0, 0, 2, 3, 3, 2]);
  });
});

describe('UTC days', () => {
  it.each([
    ['2024-10-23', '2024-10-23'],
    [' 2024-02-29 ', '2024-02-29'],
    ['2024-10-23T00:00:00Z', '2024-10-23'],
    ['2024-10-23T00:30:00+01:00', '2024-10-22'],
    ['2024-10-22T22:00:00.000-0300', '2024-10-23'],
  ])('%s is day %s', (text, day) => {
    const n = toDayNumber(text);
    expect(n === null ? null : isoDay(n)).toBe(day);
  });

  it.each(['2023-02-29', '2024-13-01', '2024-10-32', '24-10-23', '2024-10-23T10:00', '2024-10-23 10:00:00Z', 'today', ''])('%s is not a day', (text) => {
    expect(toDayNumber(text)).toBeNull();
  });

  it.each([
    ['2023-08-31', 18, '2025-02-28'],
    ['2022-08-29', 18, '2024-02-29'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2024-03-31', 6, '2024-09-30'],
    ['2024-10-22', 9, '2025-07-22'],
  ])('%s + %i months = %s', (from, months, to) => {
    expect(isoDay(addMonths(toDayNumber(from) ?? 0, months))).toBe(to);
  });

  it('a day ends at 23:59:59.999Z', () => {
    expect(endOfDay(toDayNumber('2024-10-22') ?? 0).toISOString()).toBe('2024-10-22T23:59:59.999Z');
  });
});
