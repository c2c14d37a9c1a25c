import { describe, expect, it } from 'vitest';
import { ChannelInputError } from '../types.ts';
import { parseJsonKeepingBigInts } from './json.ts';

describe('parseJsonKeepingBigInts', () => {
  it('turns integers above 2^53 into exact digit strings and leaves everything else alone', () => {
    const raw = '{"id":820982911946154508,"n":-9007199254740993,"safe":9007199254740991,"price":"199.00","f":1.5e3,"s":"id 820982911946154508 \\"q\\"","a":[12345678901234567890]}';
    expect(parseJsonKeepingBigInts(raw)).toEqual({
      id: '820982911946154508', n: '-9007199254740993', safe: 9007199254740991, price: '199.00', f: 1500, s: 'id 820982911946154508 "q"', a: ['12345678901234567890'],
    });
  });

  it('reports invalid JSON as a ChannelInputError on the named field', () => {
    expect(() => parseJsonKeepingBigInts('{"a":', 'response')).toThrow(ChannelInputError);
    expect(() => parseJsonKeepingBigInts('{"a":', 'response')).toThrow(/^response is not valid JSON/);
  });
});
