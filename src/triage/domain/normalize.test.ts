import { describe, expect, it } from 'vitest';
import { cjkStream, collapseRuns, foldLatin, stripNoise, tokenize, withinOneEdit } from './normalize.ts';

describe('stripNoise', () => {
  it.each([
    ['quoted lines', 'where is it\n> Your order has shipped\n> Thanks', 'where is it'],
    ['reply header and everything after it', 'still nothing\n\nOn Tue, 12 Mar 2024 at 09:14, Shop <a@b.c> wrote:\nwe shipped it', 'still nothing'],
    ['German reply header', 'immer noch nichts\nAm 12.03.2024 um 10:14 schrieb Shop <a@b.de>:\nIhr Paket', 'immer noch nichts'],
    ['Outlook block', 'cancel please\nFrom: Shop\nSent: Monday\nSubject: order\nrefund issued', 'cancel please'],
    ['original message separator', 'merci\n-----Message d\'origine-----\nremboursement effectué', 'merci'],
    ['Chinese reply header', '还是没收到\n在 2024年3月12日 10:14，客服 <s@shop.cn> 写道：\n已退款', '还是没收到'],
    ['URL', 'see https://shop.example/refund-policy?x=1 please', 'see please'],
    ['e-mail address', 'write to refunds@shop.example now', 'write to now'],
  ])('removes %s', (_name, text, kept) => {
    const out = stripNoise(text);
    expect(out.length).toBe(text.length);
    expect(out.replace(/\s+/g, ' ').trim()).toBe(kept);
  });

  it('keeps a message that starts with a quote header (nothing before it to keep)', () => {
    expect(stripNoise('On Monday you wrote:\nno').trim()).toContain('On Monday you wrote:');
  });
});

describe('tokenize', () => {
  it('folds case, accents, ß and repeated letters; keeps positions', () => {
    const text = 'Pleeease, RÜCKERSTATTUNG für Straße!';
    expect(tokenize('arrrived reeeally').map((t) => t.norm)).toEqual(['arived', 'realy']);
    const toks = tokenize(text);
    expect(toks.map((t) => t.norm)).toEqual(['please', 'ruckerstatung', 'fur', 'strase']);
    for (const t of toks) expect(text.slice(t.start, t.end).length).toBeGreaterThan(0);
    expect(text.slice(toks[1]!.start, toks[1]!.end)).toBe('RÜCKERSTATTUNG');
  });

  it("keeps English n't attached and splits other apostrophes", () => {
    expect(tokenize("I don't know, didn’t get l'adresse").map((t) => t.norm)).toEqual(['i', 'dont', 'know', 'didnt', 'get', 'l', 'adrese']);
  });

  it('drops order ids, ASINs and amounts but keeps short numbers (after stripNoise)', () => {
    const text = 'order 113-1234567-1234567 #1001 B08XYZ1234 tel 090-1234-5678 gave 1 star 5 stars';
    expect(tokenize(stripNoise(text)).map((t) => t.norm)).toEqual(['order', 'tel', 'gave', '1', 'star', '5', 'stars']);
  });

  it('marks sentence ends and commas between tokens', () => {
    expect(tokenize('not here. refund, please').map((t) => t.brk)).toEqual([0, 0, 2, 1]);
  });

  it('ignores Chinese and Japanese characters', () => {
    expect(tokenize('iPhone 15 の充電器').map((t) => t.norm)).toEqual(['iphone', '15']);
  });
});

describe('foldLatin / collapseRuns', () => {
  it.each([
    ['Commandé', 'comande'],
    ['reçu', 'recu'],
    ['ARRIVED', 'arived'],
    ['Œuvre', 'oeuvre'],
    ['dañado', 'danado'],
  ])('%s → %s', (word, folded) => expect(foldLatin(word)).toBe(folded));

  it('keeps repeated digits', () => expect(collapseRuns('100')).toBe('100'));
});

describe('withinOneEdit', () => {
  it.each([
    ['received', 'received', true],
    ['recieved', 'received', true],
    ['recived', 'received', true],
    ['receivedd', 'received', true],
    ['refnd', 'refund', true],
    ['rimborzo', 'rimborso', true],
    ['refused', 'refund', false],
    ['abc', 'abcde', false],
  ])('%s ~ %s: %s', (a, b, expected) => expect(withinOneEdit(a, b)).toBe(expected));
});

describe('cjkStream', () => {
  it('drops whitespace, folds full/half width, maps back to the original positions', () => {
    const text = '届いて ない ＡＢＣ？\nｶﾀｶﾅ';
    const s = cjkStream(text);
    expect(s.text).toBe('届いてないabc?\nカタカナ');
    const i = s.text.indexOf('ない');
    expect(text.slice(s.starts[i]!, s.ends[i + 1]!)).toBe('ない');
  });
});
