import { describe, expect, it } from 'vitest';
import { dateOrderEvidence, parseBoolean, parseDay, parseInteger, parseMoney, parsePeriod, parseTimestamp, ValueError, type ValueConventions } from './values.ts';

const US: ValueConventions = { dateOrder: 'MDY', decimalComma: false };
const UK: ValueConventions = { dateOrder: 'DMY', decimalComma: false };
const DE: ValueConventions = { dateOrder: 'DMY', decimalComma: true };
const NONE: ValueConventions = { dateOrder: null, decimalComma: false };

describe('dates per marketplace (amazon-domain.md §1)', () => {
  it.each([
    // ISO with offset (returns, reimbursements, orders, removals), as instants in UTC
    ['2026-09-03T15:00:00+00:00', US, '2026-09-03T15:00:00.000Z'],
    ['2023-07-18T22:54:07+00:00', DE, '2023-07-18T22:54:07.000Z'],
    ['2026-09-03T15:00:00-07:00', US, '2026-09-03T22:00:00.000Z'],
    ['2026-09-03T15:00:00Z', US, '2026-09-03T15:00:00.000Z'],
    ['2026-09-03T15:00:00.250+0200', US, '2026-09-03T13:00:00.250Z'],
    // settlement formats
    ['2023-01-01 00:00:00 UTC', US, '2023-01-01T00:00:00.000Z'],
    ['2015-12-02T03:27:08+00:00', US, '2015-12-02T03:27:08.000Z'],
    ['17.01.2023 00:00:00 UTC', DE, '2023-01-17T00:00:00.000Z'],
    ['17/01/2023 10:30:00 GMT', UK, '2023-01-17T10:30:00.000Z'],
    ['2023-01-17 00:00:00 PST', US, '2023-01-17T08:00:00.000Z'],
    ['Jan 5, 2023 12:00:01 AM PST', US, '2023-01-05T08:00:01.000Z'],
    ['05-Jan-2023', US, '2023-01-05T00:00:00.000Z'],
    // day-only values are midnight UTC
    ['09/03/2026', US, '2026-09-03T00:00:00.000Z'],
    ['03/09/2026', UK, '2026-09-03T00:00:00.000Z'],
    ['03.09.2026', DE, '2026-09-03T00:00:00.000Z'],
    ['03.09.2026', US, '2026-09-03T00:00:00.000Z'], // dotted is always day first
    ['2026/09/03', US, '2026-09-03T00:00:00.000Z'], // JP
  ])('%s → %s', (text, c, iso) => {
    expect(parseTimestamp(text, c as ValueConventions)).toBe(iso);
  });

  it('reads the ledger Date as a calendar day, month first in the US and day first in the UK/DE', () => {
    expect(parseDay('05/26/2021', US)).toBe('2021-05-26');
    expect(parseDay('26/05/2021', UK)).toBe('2021-05-26');
    expect(parseDay('26.05.2021', DE)).toBe('2021-05-26');
    expect(parseDay('2021-05-26T23:30:00-07:00', US)).toBe('2021-05-26'); // the day as written, not shifted to UTC
    expect(parseDay('5/6/21', US)).toBe('2021-05-06');
  });

  it('refuses impossible and ambiguous dates with the reason', () => {
    expect(() => parseDay('05/26/2021', UK)).toThrow(/month 26 does not exist \(read as day\/month\/year\)/);
    expect(() => parseDay('02/30/2024', US)).toThrow(/day 30 does not exist in 2024-02/);
    expect(() => parseDay('03/04/2026', NONE)).toThrow(/ambiguous/);
    expect(parseDay('2026-04-03', NONE)).toBe('2026-04-03');
    expect(() => parseTimestamp('yesterday', US)).toThrow(ValueError);
    expect(() => parseTimestamp('2026-09-03T15:00:00 XYZ', US)).toThrow(/unknown time zone "XYZ"/);
    expect(() => parseTimestamp('2026-09-03T25:00:00Z', US)).toThrow(/time out of range/);
  });

  it('learns the day/month order from a part above 12', () => {
    expect(dateOrderEvidence('05/26/2021')).toBe('MDY');
    expect(dateOrderEvidence('26/05/2021')).toBe('DMY');
    expect(dateOrderEvidence('05/06/2021')).toBeNull();
    expect(dateOrderEvidence('26.05.2021')).toBeNull(); // dotted needs no evidence
    expect(dateOrderEvidence('2021-05-26')).toBeNull();
  });

  it('reads ledger summary periods: MM/YYYY monthly, a date otherwise', () => {
    expect(parsePeriod('10/2023', US)).toEqual({ start: '2023-10-01', kind: 'month' });
    expect(parsePeriod('2023-10', US)).toEqual({ start: '2023-10-01', kind: 'month' });
    expect(parsePeriod('10/15/2023', US)).toEqual({ start: '2023-10-15', kind: 'day' });
    expect(() => parsePeriod('13/2023', US)).toThrow(/month 13/);
  });
});

describe('money in minor units by the currency exponent, exactly', () => {
  it.each([
    ['12.99', 'USD', US, 1299], ['-6.5', 'USD', US, -650], ['0.00', 'USD', US, 0], ['1,234.50', 'USD', US, 123450],
    ['19.990', 'USD', US, 1999], ['$24.99', 'USD', US, 2499], ['(3.22)', 'USD', US, -322],
    ['-3,22', 'EUR', DE, -322], ['1.234,56', 'EUR', DE, 123456], ['13.44', 'EUR', DE, 1344], ['12,99 €', 'EUR', DE, 1299],
    ['1 234,56', 'EUR', DE, 123456], ['1.234.567', 'EUR', DE, 123456700],
    ['1500', 'JPY', US, 1500], ['1,500', 'JPY', US, 1500], ['1500.00', 'JPY', US, 1500],
    ['1.234', 'KWD', US, 1234], ['0.1', 'USD', US, 10], ['16630.13', 'USD', US, 1663013],
  ])('%s in %s', (text, cur, c, minor) => {
    expect(parseMoney(text as string, cur as string, c as ValueConventions)).toBe(minor);
  });

  it('refuses what is not an amount, or has more decimals than the currency', () => {
    expect(() => parseMoney('12.5', 'JPY', US)).toThrow(/more decimals than JPY has \(0\)/);
    expect(() => parseMoney('1,234', 'EUR', DE)).toThrow(/more decimals than EUR/);
    expect(() => parseMoney('12.999', 'USD', US)).toThrow(/more decimals/);
    expect(() => parseMoney('abc', 'USD', US)).toThrow(/"abc" is not an amount/);
    expect(() => parseMoney('1,23,4.00', 'USD', US)).toThrow(/not an amount/);
    expect(() => parseMoney('-', 'USD', US)).toThrow(/not an amount/);
  });
});

describe('integers and booleans', () => {
  it('reads quantities strictly', () => {
    expect(parseInteger('-16', US)).toBe(-16);
    expect(parseInteger('+2', US)).toBe(2);
    expect(parseInteger('1,200', US)).toBe(1200);
    expect(parseInteger('1.200', DE)).toBe(1200);
    expect(parseInteger('4.0', US)).toBe(4);
    expect(() => parseInteger('1.5', US)).toThrow(/"1.5" is not a whole number/);
    expect(() => parseInteger('abc', US)).toThrow(/not a whole number/);
    expect(() => parseInteger('99999999999', US)).toThrow(/out of range/);
  });

  it('reads yes/no in the spellings reports use', () => {
    expect(['true', 'Y', 'yes', '1', 'Ja'].map(parseBoolean)).toEqual([true, true, true, true, true]);
    expect(['false', 'N', 'no', '0'].map(parseBoolean)).toEqual([false, false, false, false]);
    expect(() => parseBoolean('maybe')).toThrow(/not yes\/no/);
  });
});
