import { describe, expect, it } from 'vitest';
import { g, neg, type Lexicon } from './lexicon/types.ts';
import { compileCjk, compileLatin, matchCjk, matchLatin, prepare, resolveOverlaps, vocabulary, WordIds, type RawMatch } from './matcher.ts';
import { cjkStream, stripNoise, tokenize } from './normalize.ts';

const latin = (groups: Lexicon['groups']): Lexicon => ({ language: 'en', script: 'latin', negators: ['not', 'no', 'never'], bridges: ['is', 'was', 'really', 'the'], groups });

function run(lexicon: Lexicon, text: string): RawMatch[] {
  const ids = new WordIds();
  const lx = compileLatin(lexicon, ids);
  for (const w of ['the', 'is']) ids.add(w);
  const out: RawMatch[] = [];
  matchLatin(lx, prepare(tokenize(stripNoise(text)), ids, [lx], vocabulary([lx])), 'body', out);
  return out;
}
const found = (lexicon: Lexicon, text: string): string[] => run(lexicon, text).map((m) => `${text.slice(m.start, m.end)}${m.negated ? ' (negated)' : ''}${m.fuzzy ? ' (typo)' : ''}`);

describe('Latin phrase matching', () => {
  const lx = latin([
    g('where_is_my_order', 3, 'where * order|package'),
    g('where_is_my_order', 3, 'when ** arrive'),
    g('refund_request', 3, 'refund*'),
    neg('damaged_defective', 3, 'damaged|broken'),
    g('invoice_request', 3, '*rechnung'),
  ]);

  it.each([
    ['where is my order', ['where is my order']],
    ['where is my big blue order', []],
    ['when will my parcel finally arrive', ['when will my parcel finally arrive']],
    ['refunded? refunding!', ['refunded', 'refunding']],
    ['it arrived damaged', ['damaged']],
    ['the box is not damaged', ['damaged (negated)']],
    ['not really damaged', ['damaged (negated)']],
    ['not happy, damaged', ['damaged']],
    ['WHERE IS MY ORDERRR', ['WHERE IS MY ORDERRR']],
    ['where is it. order 5 came', []],
    ['need a Firmenrechnung', ['Firmenrechnung']],
    ['refnd please', ['refnd (typo)']],
    ['the box was brokn', ['brokn (typo)']],
    ['the box was briken', []],
  ])('%s → %j', (text, expected) => expect(found(lx, text)).toEqual(expected));

  it('does not let an order id separate the words of a phrase', () => {
    expect(found(lx, 'where is order 113-1234567-1234567')).toEqual(['where is order']);
    expect(found(lx, 'where is my 113-1234567-1234567 package')).toEqual(['where is my 113-1234567-1234567 package']);
  });

  it('refuses phrases that are not words', () => {
    expect(() => compileLatin(latin([g('other', 1, 'a-to-z')]), new WordIds())).toThrow(/not one word/);
    expect(() => compileLatin(latin([g('other', 1, 'fe*')]), new WordIds())).toThrow(/shorter than 3/);
  });
});

describe('Chinese/Japanese phrase matching', () => {
  const zh: Lexicon = { language: 'zh', script: 'cjk', negation: 'before', negators: ['没有', '没', '不是'], groups: [neg('damaged_defective', 3, '坏了|损坏'), g('refund_request', 3, '退款*没到|退款')] };
  const ja: Lexicon = { language: 'ja', script: 'cjk', negation: 'after', negators: ['ていない', 'はありません'], groups: [neg('damaged_defective', 3, '壊れ|破損')] };
  const run2 = (lexicon: Lexicon, text: string): string[] => {
    const out: RawMatch[] = [];
    matchCjk(compileCjk(lexicon), cjkStream(text), 'body', out);
    return resolveOverlaps(out).map((m) => `${text.slice(m.start, m.end)}${m.negated ? ' (negated)' : ''}`);
  };
  it.each([
    [zh, '杯子坏了', ['坏了']],
    [zh, '杯子没有损坏', ['损坏 (negated)']],
    [zh, '退款 还 没到', ['退款 还 没到']],
    [ja, '商品が壊れていました', ['壊れ']],
    [ja, '商品は壊れていない', ['壊れ (negated)']],
    [ja, '破損はありません', ['破損 (negated)']],
  ])('%#: %s', (lexicon, text, expected) => expect(run2(lexicon, text)).toEqual(expected));
});

describe('resolveOverlaps', () => {
  const lx = latin([
    g('not_received', 3, 'not * received'),
    g('refund_request', 3, 'not * received * refund'),
    g('refund_request', 3, 'refund'),
    g('where_is_my_order', 3, 'when ** arrive'),
    g('_none', 3, 'thanks in advance'),
    g('thanks', 3, 'thanks'),
  ]);
  const resolved = (text: string): string[] => resolveOverlaps(run(lx, text)).map((m) => `${m.label}:${text.slice(m.start, m.end)}`).sort();

  it('lets the longer phrase win', () => {
    expect(resolved('I have not received my refund')).toEqual(['refund_request:not received my refund']);
  });
  it('keeps a phrase that sits in the gap of a longer one', () => {
    expect(resolved('when will the refund arrive')).toEqual(['refund_request:refund', 'where_is_my_order:when will the refund arrive']);
  });
  it('hides what a stock phrase covers', () => {
    expect(resolved('thanks in advance')).toEqual(['_none:thanks in advance']);
    expect(resolved('thanks')).toEqual(['thanks:thanks']);
  });
});
