/**
 * Compiles lexicons once and finds their phrases in prepared text: Latin-script phrases over folded tokens (with
 * gaps, prefixes, suffixes and one-edit typo tolerance), Chinese/Japanese phrases over the whitespace-free stream.
 */
import type { Lexicon } from './lexicon/types.ts';
import { foldLatin, oneEdit, type CjkStream, type Token } from './normalize.ts';
import type { Label, Language } from './types.ts';

export type Field = 'subject' | 'body';

/** One phrase found in the text. Positions are into the original field text: [start, end). */
export interface RawMatch {
  readonly label: Label;
  readonly weight: number;
  readonly phrase: string;
  readonly language: Language;
  readonly field: Field;
  readonly start: number;
  readonly end: number;
  /** Positions of the matched words/segments (not the gaps between them). */
  readonly anchors: readonly (readonly [number, number])[];
  readonly fuzzy: boolean;
  readonly negated: string | null;
  /** The compiled phrase (identity only: counts repeats of one phrase). */
  readonly ref: object;
}

// ---------- Latin ----------

/**
 * Every word the lexicons and language profiles know, numbered once at load: a text token is looked up once and
 * then compared as a number.
 */
export class WordIds {
  private readonly ids = new Map<string, number>();
  private readonly words: string[] = [];
  /**
   * Open addressing by `hashWord`: slot → word number + 1 (0: empty). Looking a token up this way hashes it in a
   * simple loop instead of asking the engine to hash a fresh string; rebuilt after words are added.
   */
  private slots = new Int32Array(0);
  /** The word's number, numbering it if new (used while compiling). */
  add(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(word, id);
      this.words.push(word);
      this.slots = new Int32Array(0);
    }
    return id;
  }
  /** The word's number, or -1 for a word no lexicon or profile knows. */
  get(word: string): number {
    if (this.slots.length === 0) this.rebuild();
    const slots = this.slots;
    const mask = slots.length - 1;
    for (let h = hashWord(word) & mask; ; h = (h + 1) & mask) {
      const id = slots[h]! - 1;
      if (id < 0 || this.words[id] === word) return id;
    }
  }
  /** How many words are numbered (numbers are 0 … size - 1). */
  get size(): number {
    return this.ids.size;
  }
  private rebuild(): void {
    let size = 16;
    while (size < this.words.length * 4) size *= 2;
    const slots = new Int32Array(size);
    this.words.forEach((w, id) => {
      let h = hashWord(w) & (size - 1);
      while (slots[h]) h = (h + 1) & (size - 1);
      slots[h] = id + 1;
    });
    this.slots = slots;
  }
}

/** FNV-1a over UTF-16 code units. */
function hashWord(w: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * A lookup table by word number, dense over 0 … size - 1 (an array filled at scattered indices would become a slow
 * dictionary).
 */
export function byWordNumber<T>(entries: Iterable<readonly [number, T]>, size: number): (T | undefined)[] {
  const out = Array.from({ length: size }, (): T | undefined => undefined);
  for (const [id, value] of entries) out[id] = value;
  return out;
}

/** A word a token may be a typo of: a lexicon word (its number) or a stem (id -1). */
export interface Alias {
  readonly word: string;
  readonly id: number;
}

/** A field's tokens ready for matching: their word numbers and typo aliases. */
export interface Prepared {
  readonly tokens: readonly Token[];
  readonly ids: readonly number[];
  readonly aliases: readonly (readonly Alias[] | undefined)[];
}

interface Slot {
  /** Word numbers of the whole-word alternatives, ascending. */
  readonly exact: Int32Array;
  readonly words: readonly string[];
  readonly prefixes: readonly string[];
  readonly suffixes: readonly string[];
  readonly gapBefore: number;
}

interface LatinPhrase {
  /** Position in its lexicon's phrase list. */
  readonly index: number;
  readonly label: Label;
  readonly weight: number;
  readonly negatable: boolean;
  readonly source: string;
  readonly slots: readonly Slot[];
}

/** A lexicon word or stem for typo tolerance, with what the search needs precomputed. */
interface FuzzyEntry extends Alias {
  /** Position among the lexicon's fuzzy words (or stems): aliases keep this order. */
  readonly index: number;
  /** `letterMask` of the word. */
  readonly mask: number;
}

export interface CompiledLatin {
  readonly language: Language;
  readonly phrases: readonly LatinPhrase[];
  /** Phrases by the word number of their first word (see `byWordNumber`; words numbered later have none). */
  readonly exactIndex: readonly (readonly LatinPhrase[] | undefined)[];
  /** Phrases whose first word is a prefix, keyed by the prefix's first three letters. */
  readonly prefixIndex: ReadonlyMap<string, { prefix: string; phrase: LatinPhrase }[]>;
  /** By `pairCode`: 1 when some prefix of `prefixIndex` may start with the word's first two letters. */
  readonly prefixPairs: Uint8Array;
  readonly suffixFirst: readonly { phrase: LatinPhrase; suffixes: readonly string[] }[];
  /** Scratch: the start token each phrase was last tried at (never observable outside matchLatin). */
  readonly tried: Int32Array;
  stamp: number;
  readonly negators: ReadonlySet<string>;
  readonly bridges: ReadonlySet<string>;
  /** Whole words and stems (prefixes) of the lexicon, for typo tolerance. */
  readonly words: ReadonlySet<string>;
  readonly stems: ReadonlySet<string>;
  /** Words of 5+ letters (no digits) for typo tolerance, by first letter, then by length. */
  readonly fuzzyWords: ReadonlyMap<string, readonly (readonly FuzzyEntry[] | undefined)[]>;
  /** Stems of 5+ letters for typo tolerance, by first letter. */
  readonly fuzzyStems: ReadonlyMap<string, readonly FuzzyEntry[]>;
}

/**
 * One bit per letter (by its code modulo 31). One edit (a letter left out, added, replaced or swapped) changes at
 * most two bits of a word's mask, so words whose masks differ in three or more bits need no closer look.
 */
function letterMask(w: string): number {
  let mask = 0;
  for (let i = 0; i < w.length; i++) mask |= 1 << w.charCodeAt(i) % 31;
  return mask;
}

/** At most two bits set. */
const fewBits = (x: number): boolean => {
  const y = x & (x - 1);
  return (y & (y - 1)) === 0;
};

/**
 * The first two letters of a word as a number below 16384 (letters beyond ASCII share numbers): a quick test
 * before looking the first three letters up.
 */
const pairCode = (w: string): number => ((w.charCodeAt(0) & 127) << 7) | (w.charCodeAt(1) & 127);

const VALID_WORD = /^[\p{Script=Latin}\p{N}\p{M}]+$/u;

function compileSlot(part: string, gapBefore: number, source: string, ids: WordIds): Slot {
  const exact = new Set<number>();
  const words: string[] = [];
  const prefixes: string[] = [];
  const suffixes: string[] = [];
  for (const alt of part.split('|')) {
    const prefix = alt.length > 1 && alt.endsWith('*');
    const suffix = alt.length > 1 && alt.startsWith('*');
    const word = prefix ? alt.slice(0, -1) : suffix ? alt.slice(1) : alt;
    if (!VALID_WORD.test(word.replace(/['’]t$/i, 't'))) throw new Error(`lexicon phrase "${source}": "${alt}" is not one word`);
    const f = foldLatin(word);
    if (prefix) {
      if (f.length < 3) throw new Error(`lexicon phrase "${source}": prefix "${alt}" is shorter than 3 letters`);
      prefixes.push(f);
    } else if (suffix) suffixes.push(f);
    else {
      exact.add(ids.add(f));
      words.push(f);
    }
  }
  return { exact: Int32Array.from(exact).sort(), words, prefixes, suffixes, gapBefore };
}

function compilePhrase(source: string, ids: WordIds): Slot[] {
  // An apostrophe splits words as in the text ("l'adresse" → l adresse), except in "n't" ("don't" → dont).
  const parts = source.replace(/['’](?![tT]\b)/g, ' ').trim().split(/\s+/);
  const slots: Slot[] = [];
  let gap = 0;
  for (const part of parts) {
    if (part === '*') gap = 2;
    else if (part === '**') gap = 4;
    else if (part === '***') gap = 8;
    else {
      slots.push(compileSlot(part, slots.length === 0 ? 0 : gap, source, ids));
      gap = 0;
    }
  }
  if (slots.length === 0) throw new Error(`lexicon phrase "${source}" is empty`);
  return slots;
}

const push = <K, V>(map: Map<K, V[]>, key: K, value: V): void => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

export function compileLatin(lexicon: Lexicon, ids: WordIds): CompiledLatin {
  const phrases: LatinPhrase[] = [];
  const byFirstWord = new Map<number, LatinPhrase[]>();
  const prefixIndex = new Map<string, { prefix: string; phrase: LatinPhrase }[]>();
  const suffixFirst: { phrase: LatinPhrase; suffixes: readonly string[] }[] = [];
  const words = new Set<string>();
  const stems = new Set<string>();
  for (const group of lexicon.groups) {
    for (const source of group.phrases) {
      const slots = compilePhrase(source, ids);
      const phrase: LatinPhrase = { index: phrases.length, label: group.label, weight: group.weight, negatable: group.negatable, source, slots };
      phrases.push(phrase);
      const first = slots[0]!;
      for (const w of first.exact) push(byFirstWord, w, phrase);
      for (const p of first.prefixes) push(prefixIndex, p.slice(0, 3), { prefix: p, phrase });
      if (first.suffixes.length) suffixFirst.push({ phrase, suffixes: first.suffixes });
      for (const s of slots) {
        for (const w of s.words) words.add(w);
        for (const p of s.prefixes) stems.add(p);
      }
    }
  }
  const prefixPairs = new Uint8Array(1 << 14);
  for (const key of prefixIndex.keys()) prefixPairs[pairCode(key)] = 1;
  const fuzzyWords = new Map<string, FuzzyEntry[][]>();
  const fuzzyStems = new Map<string, FuzzyEntry[]>();
  let index = 0;
  for (const w of words) {
    if (w.length < 5 || /\d/.test(w)) continue;
    const byLength = fuzzyWords.get(w[0]!) ?? [];
    fuzzyWords.set(w[0]!, byLength);
    (byLength[w.length] ??= []).push({ word: w, id: ids.add(w), index: index++, mask: letterMask(w) });
  }
  index = 0;
  for (const s of stems) if (s.length >= 5) push(fuzzyStems, s[0]!, { word: s, id: -1, index: index++, mask: letterMask(s) });
  return {
    language: lexicon.language,
    phrases,
    exactIndex: byWordNumber(byFirstWord, ids.size),
    prefixIndex,
    prefixPairs,
    suffixFirst,
    tried: new Int32Array(phrases.length),
    stamp: 0,
    negators: new Set(lexicon.negators.map(foldLatin)),
    bridges: new Set((lexicon.bridges ?? []).map(foldLatin)),
    words,
    stems,
    fuzzyWords,
    fuzzyStems,
  };
}

/** Stems (prefix words) of the lexicons, keyed by their first three letters. */
export interface Vocabulary {
  readonly stems: ReadonlyMap<string, readonly string[]>;
}

export function vocabulary(lexicons: readonly CompiledLatin[]): Vocabulary {
  const stems = new Map<string, string[]>();
  for (const lx of lexicons) for (const s of lx.stems) if (!stems.get(s.slice(0, 3))?.includes(s)) push(stems, s.slice(0, 3), s);
  return { stems };
}

/** A word some lexicon or profile knows as it is (id ≥ 0) or by a stem: never "corrected" into another word. */
function isKnown(t: string, id: number, vocab: Vocabulary): boolean {
  if (id >= 0) return true;
  const stems = vocab.stems.get(t.slice(0, 3));
  if (stems) for (const s of stems) if (t.startsWith(s)) return true;
  return false;
}

/** The tokens' word numbers (-1: a word no lexicon or profile knows). */
export function numberTokens(tokens: readonly Token[], ids: WordIds): number[] {
  const numbers: number[] = [];
  for (const t of tokens) numbers.push(ids.get(t.norm));
  return numbers;
}

/** Numbers the tokens (unless `numbers` is given) and finds their typo aliases. */
export function prepare(tokens: readonly Token[], ids: WordIds, lexicons: readonly CompiledLatin[], vocab: Vocabulary, numbers: readonly number[] = numberTokens(tokens, ids)): Prepared {
  return { tokens, ids: numbers, aliases: fuzzyAliases(tokens, numbers, lexicons, vocab) };
}

const byIndex = (a: FuzzyEntry, b: FuzzyEntry): number => a.index - b.index;

/**
 * Typo tolerance: for each token that no lexicon knows (5+ letters), the lexicon words and stems within one edit
 * (insertion, deletion, substitution, swapped neighbours) that start with the same letter. Per lexicon: its words
 * in lexicon order, then its stems.
 */
function fuzzyAliases(tokens: readonly Token[], numbers: readonly number[], lexicons: readonly CompiledLatin[], vocab: Vocabulary): (Alias[] | undefined)[] {
  const out: (Alias[] | undefined)[] = new Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!.norm;
    const len = t.length;
    if (len < 5 || isKnown(t, numbers[i]!, vocab)) continue;
    let aliases: Alias[] | undefined;
    const c = t[0]!;
    const mask = letterMask(t);
    for (const lx of lexicons) {
      const byLength = lx.fuzzyWords.get(c);
      if (byLength) {
        // Words one letter shorter, as long, one letter longer: found by length, put back in lexicon order.
        let found: FuzzyEntry[] | undefined;
        for (let n = len - 1; n <= len + 1; n++) {
          const words = byLength[n];
          if (words) for (const w of words) if (fewBits(mask ^ w.mask) && typo(t, w.word)) (found ??= []).push(w);
        }
        if (found) for (const w of found.length > 1 ? found.sort(byIndex) : found) (aliases ??= []).push({ word: w.word, id: w.id });
      }
      const stems = lx.fuzzyStems.get(c);
      if (stems) {
        for (const s of stems) {
          const n = s.word.length;
          if (len < n - 1) continue;
          if (typo(t, s.word, n) || (len > n && typo(t, s.word, n + 1)) || typo(t, s.word, n - 1)) (aliases ??= []).push({ word: s.word, id: -1 });
        }
      }
    }
    out[i] = aliases;
  }
  return out;
}

/**
 * A plausible typo of `word` by t's first `n` letters: one letter left out, doubled in or swapped with its
 * neighbour; a wrong letter only in words of 7+ letters (in shorter ones it too often makes another real word:
 * "soigné" is not "saigné").
 */
function typo(t: string, word: string, n = t.length): boolean {
  const e = oneEdit(t, word, n);
  return e !== null && e !== 'none' && (e !== 'substitution' || word.length >= 7);
}

/** `id` is among the ascending numbers (a slot has a handful: a scan beats hashing). */
function hasNumber(sorted: Int32Array, id: number): boolean {
  for (let k = 0; k < sorted.length; k++) {
    const v = sorted[k]!;
    if (v >= id) return v === id;
  }
  return false;
}

function normMatches(slot: Slot, t: string, id: number): boolean {
  if (id >= 0 && hasNumber(slot.exact, id)) return true;
  for (const p of slot.prefixes) if (t.startsWith(p)) return true;
  for (const s of slot.suffixes) if (t.length > s.length && t.endsWith(s)) return true;
  return false;
}

/** 0 no, 1 yes, 2 yes through a typo alias. */
function slotMatches(slot: Slot, p: Prepared, i: number): 0 | 1 | 2 {
  if (normMatches(slot, p.tokens[i]!.norm, p.ids[i]!)) return 1;
  const al = p.aliases[i];
  if (al) for (const a of al) if (normMatches(slot, a.word, a.id)) return 2;
  return 0;
}

function negatedLatin(lx: CompiledLatin, tokens: readonly Token[], i: number): string | null {
  if (tokens[i]!.brk) return null;
  for (let j = i - 1, steps = 0; j >= 0 && steps < 4; j--, steps++) {
    const n = tokens[j]!.norm;
    if (lx.negators.has(n)) return tokens[j]!.plain;
    if (!lx.bridges.has(n) || tokens[j]!.brk) return null;
  }
  return null;
}

/** Scratch: the token each slot of the phrase being tried matched (never observable outside matchPhraseAt). */
let slotTokens = new Int32Array(16);

/** Tries a phrase whose first word matched token i (through a typo alias when `viaAlias`). */
function matchPhraseAt(lx: CompiledLatin, ph: LatinPhrase, p: Prepared, i: number, viaAlias: boolean, field: Field, out: RawMatch[]): void {
  const tokens = p.tokens;
  const tok = tokens[i]!;
  let fuzzy = viaAlias;
  const slots = ph.slots;
  if (slotTokens.length < slots.length) slotTokens = new Int32Array(slots.length);
  let pos = i;
  for (let k = 1; k < slots.length; k++) {
    const slot = slots[k]!;
    let found = -1;
    const last = Math.min(tokens.length - 1, pos + 1 + slot.gapBefore);
    for (let j = pos + 1; j <= last; j++) {
      if (tokens[j]!.brk === 2) break;
      const r = slotMatches(slot, p, j);
      if (r) {
        if (r === 2) fuzzy = true;
        found = j;
        break;
      }
    }
    if (found < 0) return;
    slotTokens[k] = found;
    pos = found;
  }
  const anchors: [number, number][] = [[tok.start, tok.end]];
  for (let k = 1; k < slots.length; k++) {
    const t = tokens[slotTokens[k]!]!;
    anchors.push([t.start, t.end]);
  }
  out.push({
    label: ph.label,
    weight: ph.weight,
    phrase: ph.source,
    language: lx.language,
    field,
    start: tok.start,
    end: tokens[pos]!.end,
    anchors,
    fuzzy,
    negated: ph.negatable ? negatedLatin(lx, tokens, i) : null,
    ref: ph,
  });
}

/** Tries a phrase at token i unless it was tried there already (a token and its typo aliases can reach it twice). */
function attempt(lx: CompiledLatin, ph: LatinPhrase, p: Prepared, i: number, viaAlias: boolean, field: Field, out: RawMatch[]): void {
  if (lx.tried[ph.index] === lx.stamp) return;
  lx.tried[ph.index] = lx.stamp;
  matchPhraseAt(lx, ph, p, i, viaAlias, field, out);
}

/** Tries the phrases whose first word is `t` (number `id`) at token i. */
function fromWord(lx: CompiledLatin, t: string, id: number, p: Prepared, i: number, viaAlias: boolean, field: Field, out: RawMatch[]): void {
  if (id >= 0) {
    const exact = id < lx.exactIndex.length ? lx.exactIndex[id] : undefined;
    if (exact) for (const ph of exact) attempt(lx, ph, p, i, viaAlias, field, out);
  }
  if (t.length >= 3 && lx.prefixPairs[pairCode(t)]) {
    const byPrefix = lx.prefixIndex.get(t.slice(0, 3));
    if (byPrefix) for (const e of byPrefix) if (t.startsWith(e.prefix)) attempt(lx, e.phrase, p, i, viaAlias, field, out);
  }
}

const endsWithAny = (t: string, suffixes: readonly string[]): boolean => {
  for (const suf of suffixes) if (t.length > suf.length && t.endsWith(suf)) return true;
  return false;
};

export function matchLatin(lx: CompiledLatin, p: Prepared, field: Field, out: RawMatch[]): void {
  for (let i = 0; i < p.tokens.length; i++) {
    // A new stamp per start token: each phrase is tried at most once there.
    lx.stamp = (lx.stamp + 1) | 0;
    const t = p.tokens[i]!.norm;
    fromWord(lx, t, p.ids[i]!, p, i, false, field, out);
    const al = p.aliases[i];
    if (al) for (const a of al) fromWord(lx, a.word, a.id, p, i, true, field, out);
    for (const e of lx.suffixFirst) if (endsWithAny(t, e.suffixes)) attempt(lx, e.phrase, p, i, false, field, out);
  }
}

// ---------- Chinese / Japanese ----------

interface CjkSegment {
  readonly alts: readonly string[];
  readonly gapBefore: number;
}

interface CjkPhrase {
  readonly label: Label;
  readonly weight: number;
  readonly negatable: boolean;
  readonly source: string;
  readonly segments: readonly CjkSegment[];
}

interface CjkEntry {
  readonly phrase: CjkPhrase;
  /** The first segment's text. */
  readonly alt: string;
}

/** The phrases starting with one character, in lexicon order. */
interface CjkGroup {
  /** Those whose first segment is that one character. */
  readonly short: readonly CjkEntry[];
  /** By the UTF-16 code of the second character: those whose first segment goes on with it, and the short ones. */
  readonly bySecond: ReadonlyMap<number, readonly CjkEntry[]>;
}

export interface CompiledCjk {
  readonly language: Language;
  /** Phrases by the UTF-16 code of their first character. */
  readonly index: ReadonlyMap<number, CjkGroup>;
  /** By UTF-16 code: 1 when some phrase starts with it (a quick test before `index`). */
  readonly firstUnits: Uint8Array;
  readonly negators: readonly string[];
  readonly negation: 'before' | 'after';
  readonly size: number;
}

const foldCjk = (s: string): string => s.normalize('NFKC').toLowerCase().replace(/\s+/g, '');

export function compileCjk(lexicon: Lexicon): CompiledCjk {
  const byFirst = new Map<number, CjkEntry[]>();
  let size = 0;
  for (const group of lexicon.groups) {
    for (const line of group.phrases) {
      // `|` separates whole alternatives; `*` / `**` are gaps inside one alternative.
      for (const source of line.split('|')) {
        const segments: CjkSegment[] = [];
        let gap = 0;
        for (const part of source.split(/(\*\*|\*)/)) {
          if (part === '*') gap = 4;
          else if (part === '**') gap = 8;
          else if (part) {
            segments.push({ alts: [foldCjk(part)], gapBefore: segments.length ? gap : 0 });
            gap = 0;
          }
        }
        if (!segments.length || segments.some((seg) => seg.alts.some((a) => !a))) throw new Error(`lexicon phrase "${line}" has an empty part`);
        const phrase: CjkPhrase = { label: group.label, weight: group.weight, negatable: group.negatable, source, segments };
        size++;
        for (const alt of segments[0]!.alts) push(byFirst, alt.charCodeAt(0), { phrase, alt });
      }
    }
  }
  const index = new Map<number, CjkGroup>();
  const firstUnits = new Uint8Array(0x10000);
  for (const [code, entries] of byFirst) {
    const seconds = new Set(entries.filter((e) => e.alt.length > 1).map((e) => e.alt.charCodeAt(1)));
    const bySecond = new Map([...seconds].map((c) => [c, entries.filter((e) => e.alt.length === 1 || e.alt.charCodeAt(1) === c)] as const));
    index.set(code, { short: entries.filter((e) => e.alt.length === 1), bySecond });
    firstUnits[code] = 1;
  }
  return { language: lexicon.language, index, firstUnits, negators: lexicon.negators.map(foldCjk), negation: lexicon.negation ?? 'before', size };
}

/** A gap never spans these: \n 。 ! ? ． ; */
const isCjkBreak = (c: number): boolean => c === 10 || c === 0x3002 || c === 33 || c === 63 || c === 0xff0e || c === 59;

function negatedCjk(lx: CompiledCjk, s: string, from: number, to: number): string | null {
  if (lx.negation === 'before') {
    for (const n of lx.negators) if (from >= n.length && s.startsWith(n, from - n.length)) return n;
  } else {
    for (const n of lx.negators) if (s.startsWith(n, to)) return n;
  }
  return null;
}

export function matchCjk(lx: CompiledCjk, stream: CjkStream, field: Field, out: RawMatch[]): void {
  const s = stream.text;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (!lx.firstUnits[code]) continue;
    const group = lx.index.get(code)!;
    const entries = (i + 1 < s.length ? group.bySecond.get(s.charCodeAt(i + 1)) : undefined) ?? group.short;
    for (const { phrase, alt } of entries) {
      if (!s.startsWith(alt, i)) continue;
      let pos = i + alt.length;
      const anchors: [number, number][] = [[stream.starts[i]!, stream.ends[pos - 1]!]];
      let ok = true;
      for (let k = 1; k < phrase.segments.length && ok; k++) {
        const seg = phrase.segments[k]!;
        ok = false;
        for (let j = pos; j <= pos + seg.gapBefore && j < s.length && !ok; j++) {
          for (const a of seg.alts) {
            if (s.startsWith(a, j)) {
              anchors.push([stream.starts[j]!, stream.ends[j + a.length - 1]!]);
              pos = j + a.length;
              ok = true;
              break;
            }
          }
          if (isCjkBreak(s.charCodeAt(j))) break;
        }
      }
      if (!ok) continue;
      out.push({
        label: phrase.label,
        weight: phrase.weight,
        phrase: phrase.source,
        language: lx.language,
        field,
        start: stream.starts[i]!,
        end: stream.ends[pos - 1]!,
        anchors,
        fuzzy: false,
        negated: phrase.negatable ? negatedCjk(lx, s, i, pos) : null,
        ref: phrase,
      });
    }
  }
}

// ---------- overlaps ----------

export const anchorsOverlap = (a: RawMatch, b: RawMatch): boolean =>
  a.field === b.field && a.anchors.some(([s, e]) => b.anchors.some(([s2, e2]) => s < e2 && s2 < e));

/**
 * Drops matches that a longer match of the same field covers — a phrase inside "haven't received my refund" is
 * not a separate not-received claim. A match that sits wholly in the gap of a longer one is kept. Equal spans
 * with different labels both stay; equal spans with the same label keep the heavier. A `_none` stock phrase
 * ("thanks in advance", "ho sbagliato") hides every match that shares a word with it.
 */
export function resolveOverlaps(matches: readonly RawMatch[]): RawMatch[] {
  // By start, longest first: whatever can contain a match comes before it.
  const sorted = [...matches].sort((a, b) => a.start - b.start || b.end - a.end);
  const stock = sorted.filter((m) => m.label === '_none');
  const kept: RawMatch[] = [];
  outer: for (let a = 0; a < sorted.length; a++) {
    const m = sorted[a]!;
    if (m.label !== '_none' && stock.length && stock.some((n) => anchorsOverlap(n, m))) continue;
    for (let b = 0; b < sorted.length; b++) {
      const o = sorted[b]!;
      if (o.start > m.start) break;
      if (a === b || o.field !== m.field || o.end < m.end) continue;
      const longer = o.end - o.start > m.end - m.start;
      if (longer) {
        if (o.anchors.some(([s, e]) => s < m.end && e > m.start)) continue outer;
      } else if (o.label === m.label && (o.weight > m.weight || (o.weight === m.weight && b < a))) continue outer;
    }
    kept.push(m);
  }
  return kept;
}
