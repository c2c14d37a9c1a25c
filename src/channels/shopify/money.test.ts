import { describe, expect, it } from 'vitest';
import { ChannelInputError } from '../types.ts';
import { toMinor } from './money.ts';

describe('toMinor', () => {
  it.each([
    ['199.00', 'USD', 19900],
    ['409.94', 'USD', 40994],
    ['0.10', 'USD', 10],
    ['0.29', 'USD', 29], // 0.29 * 100 = 28.999999999999996 in floats
    ['5', 'USD', 500],
    ['-3.5', 'EUR', -350],
    ['1500', 'JPY', 1500],
    ['1500.00', 'JPY', 1500],
    ['1.234', 'KWD', 1234],
    ['-0.00', 'USD', 0],
  ])('%s %s -> %i', (text, currency, expected) => {
    expect(toMinor(text, currency)).toBe(expected);
  });

  it.each([['1.999', 'USD'], ['1500.5', 'JPY'], ['1,234.50', 'USD'], ['12.', 'USD'], ['abc', 'USD'], ['', 'USD'], ['1e3', 'USD'], ['99999999999999999.99', 'USD']])(
    'refuses %j %s, naming the field',
    (text, currency) => {
      let err: unknown;
      try {
        toMinor(text, currency, 'line_items[0].price');
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(ChannelInputError);
      expect((err as ChannelInputError).field).toBe('line_items[0].price');
    },
  );
});
