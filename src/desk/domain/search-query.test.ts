import { describe, expect, it } from 'vitest';
import { ticketNumberIn, toWebSearch } from './search-query.ts';

describe('toWebSearch', () => {
  it.each([
    ['refund', 'refund'],
    ['lid cracked', 'lid cracked'],
    ['退款', '"退 款"'],
    ['包裹 还没到', '"包 裹" "还 没 到"'],
    ['返品したい', '"返 品 し た い"'],
    ['환불 요청', '"환 불" "요 청"'],
    ['kettle 破损', 'kettle "破 损"'],
    ['"lid cracked"', '"lid cracked"'],
    ['"包裹没到"', '"包 裹 没 到"'],
    ['-退款 kettle', '-"退 款" kettle'],
    ['114-1234567-1234567', '114-1234567-1234567'],
    ['pat@example.test', 'pat@example.test'],
    ['   ', ''],
  ])('%j → %j', (input, expected) => {
    expect(toWebSearch(input)).toBe(expected);
  });
});

describe('ticketNumberIn', () => {
  it.each([['#1042', 1042], ['1042', 1042], [' #7 ', 7], ['#10a', null], ['refund', null], ['114-1234567-1234567', null]])('%j → %j', (input, n) => {
    expect(ticketNumberIn(input)).toBe(n);
  });
});
