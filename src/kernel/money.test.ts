import { describe, expect, it } from 'vitest';
import { addMoney, formatMinor, money, parseDecimalToMinor } from './money.ts';

describe('parseDecimalToMinor', () => {
  it.each([
    ['12.99', 'USD', 1299],
    ['-3.5', 'EUR', -350],
    ['1,234.50', 'USD', 123450],
    ['0', 'USD', 0],
    ['.5', 'USD', 50],
    ['1500', 'JPY', 1500],
    ['12.990', 'USD', 1299],
    ['+7.01', 'USD', 701],
  ])('%s %s -> %i', (text, currency, expected) => {
    expect(parseDecimalToMinor(text, currency)).toBe(expected);
  });

  it.each([['abc'], [''], ['1.234'], ['1.2.3'], ['-']])('rejects %j', (text) => {
    expect(parseDecimalToMinor(text, 'USD')).toBeNull();
  });
});

describe('formatMinor', () => {
  it.each([
    [1299, 'USD', '12.99'],
    [-350, 'EUR', '-3.50'],
    [5, 'USD', '0.05'],
    [1500, 'JPY', '1500'],
  ])('%i %s -> %s', (minor, currency, expected) => {
    expect(formatMinor(minor, currency)).toBe(expected);
  });
});

describe('money', () => {
  it('rejects fractional minor units and bad currencies', () => {
    expect(() => money(1.5, 'USD')).toThrow(/integer/);
    expect(() => money(1, 'usd')).toThrow(/ISO 4217/);
  });
  it('refuses to add different currencies', () => {
    expect(() => addMoney(money(1, 'USD'), money(1, 'EUR'))).toThrow(/EUR/);
    expect(addMoney(money(1, 'USD'), money(2, 'USD'))).toEqual({ amountMinor: 3, currency: 'USD' });
  });
});
