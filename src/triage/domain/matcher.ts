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
  /** The word's number, numbering it if new (used while compiling). */
  add(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(word, id);
    }
    return id;
  }
  /** The word's number, or -1 for a word no lexicon or profile knows. */
  get(word: string): number {
    return this.ids.get(word) ?? -1;
  }
}

/** A field's tokens ready for matching: their word numbers and typo aliases. */
export interface Prepared {
  readonly tokens: readonly Token[];
  readonly ids: Int32Array;
  readonly aliases: readonly (readonly { word: string; id: number }[] | undefined)[];
}

interface Slot {
  readonly exact: ReadonlySet<number>;
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

export interface CompiledLatin {
  readonly language: Language;
  readonly phrases: readonly LatinPhrase[];
  readonly exactIndex: ReadonlyMap<number, LatinPhrase[]>;
  /** Phrases whose first word is a prefix, keyed by the prefix's first three letters. */
  readonly prefixIndex: ReadonlyMap<string, { prefix: string; phrase: LatinPhrase }[]>;
  readonly suffixFirst: readonly LatinPhrase[];
  /** Scratch: the start token each phrase was last tried at (never observable outside matchLatin). */
  readonly tried: Int32Array;
  stamp: number;
  readonly negators: ReadonlySet<string>;
  readonly bridges: ReadonlySet<string>;
  /** Whole words and stems (prefixes) of the lexicon, for typo tolerance. */
  readonly words: ReadonlySet<string>;
  readonly stems: ReadonlySet<string>;
  readonly fuzzyWords: ReadonlyMap<string, readonly string[]>;
  readonly fuzzyStems: ReadonlyMap<string, readonly string[]>;
}

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
  return { exact, words, prefixes, suffixes, gapBefore };
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
  const exactIndex = new Map<number, LatinPhrase[]>();
  const prefixIndex = new Map<string, { prefix: string; phrase: LatinPhrase }[]>();
  const suffixFirst: LatinPhrase[] = [];
  const words = new Set<string>();
  const stems = new Set<string>();
  for (const group of lexicon.groups) {
    for (const source of group.phrases) {
      const slots = compilePhrase(source, ids);
      const phrase: LatinPhrase = { index: phrases.length, label: group.label, weight: group.weight, negatable: group.negatable, source, slots };
      phrases.push(phrase);
      const first = slots[0]!;
      for (const w of first.exact) push(exactIndex, w, phrase);
      for (const p of first.prefixes) push(prefixIndex, p.slice(0, 3), { prefix: p, phrase });
      if (first.suffixes.length) suffixFirst.push(phrase);
      for (const s of slots) {
        for (const w of s.words) words.add(w);
        for (const p of s.prefixes) stems.add(p);
      }
    }
  }
  const fuzzyWords = new Map<string, string[]>();
  const fuzzyStems = new Map<string, string[]>();
  for (const w of words) if (w.length >= 5 && !/\d/.test(w)) push(fuzzyWords, w[0]!, w);
  for (const s of stems) if (s.length >= 5) push(fuzzyStems, s[0]!, s);
  return {
    language: lexicon.language,
    phrases,
    exactIndex,
    prefixIndex,
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

/** Numbers the tokens and finds their typo aliases. */
export function prepare(tokens: readonly Token[], ids: WordIds, lexicons: readonly CompiledLatin[], vocab: Vocabulary): Prepared {
  const numbers = new Int32Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) numbers[i] = ids.get(tokens[i]!.norm);
  return { tokens, ids: numbers, aliases: fuzzyAliases(tokens, numbers, lexicons, vocab, ids) };
}

/**
 * Typo tolerance: for each token that no lexicon knows (5+ letters), the lexicon words and stems within one edit
 * (insertion, deletion, substitution, swapped neighbours) that start with the same letter.
 */
function fuzzyAliases(tokens: readonly Token[], numbers: Int32Array, lexicons: readonly CompiledLatin[], vocab: Vocabulary, ids: WordIds): ({ word: string; id: number }[] | undefined)[] {
  const out: ({ word: string; id: number }[] | undefined)[] = new Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!.norm;
    if (t.length < 5 || isKnown(t, numbers[i]!, vocab)) continue;
    let aliases: { word: string; id: number }[] | undefined;
    const c = t[0]!;
    for (const lx of lexicons) {
      for (const w of lx.fuzzyWords.get(c) ?? []) {
        if (Math.abs(w.length - t.length) <= 1 && typo(t, w)) (aliases ??= []).push({ word: w, id: ids.get(w) });
      }
      for (const s of lx.fuzzyStems.get(c) ?? []) {
        const n = s.length;
        if (t.length < n - 1) continue;
        if (typo(t, s, n) || (t.length > n && typo(t, s, n + 1)) || typo(t, s, n - 1)) (aliases ??= []).push({ word: s, id: -1 });
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

function normMatches(slot: Slot, t: string, id: number): boolean {
  if (id >= 0 && slot.exact.has(id)) return true;
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

/** Tries a phrase whose first word matched token i (through a typo alias when `viaAlias`). */
function matchPhraseAt(lx: CompiledLatin, ph: LatinPhrase, p: Prepared, i: number, viaAlias: boolean, field: Field, out: RawMatch[]): void {
  const tokens = p.tokens;
  const tok = tokens[i]!;
  let fuzzy = viaAlias;
  const anchors: [number, number][] = [[tok.start, tok.end]];
  let pos = i;
  for (let k = 1; k < ph.slots.length; k++) {
    const slot = ph.slots[k]!;
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
    anchors.push([tokens[found]!.start, tokens[found]!.end]);
    pos = found;
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

export function matchLatin(lx: CompiledLatin, p: Prepared, field: Field, out: RawMatch[]): void {
  // Each phrase is tried at most once per start token (a token and its typo aliases can reach it twice).
  const tried = lx.tried;
  const attempt = (ph: LatinPhrase, stamp: number, i: number, viaAlias: boolean): void => {
    if (tried[ph.index] === stamp) return;
    tried[ph.index] = stamp;
    matchPhraseAt(lx, ph, p, i, viaAlias, field, out);
  };
  const fromWord = (t: string, id: number, stamp: number, i: number, viaAlias: boolean): void => {
    if (id >= 0) {
      const exact = lx.exactIndex.get(id);
      if (exact) for (const ph of exact) attempt(ph, stamp, i, viaAlias);
    }
    if (t.length >= 3) {
      const byPrefix = lx.prefixIndex.get(t.slice(0, 3));
      if (byPrefix) for (const e of byPrefix) if (t.startsWith(e.prefix)) attempt(e.phrase, stamp, i, viaAlias);
    }
  };
  for (let i = 0; i < p.tokens.length; i++) {
    const stamp = (lx.stamp = (lx.stamp + 1) | 0);
    fromWord(p.tokens[i]!.norm, p.ids[i]!, stamp, i, false);
    const al = p.aliases[i];
    if (al) for (const a of al) fromWord(a.word, a.id, stamp, i, true);
    if (lx.suffixFirst.length) {
      const t = p.tokens[i]!.norm;
      for (const ph of lx.suffixFirst) if (ph.slots[0]!.suffixes.some((suf) => t.length > suf.length && t.endsWith(suf))) attempt(ph, stamp, i, false);
    }
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

export interface CompiledCjk {
  readonly language: Language;
  /** Phrases by the UTF-16 code of their first character. */
  readonly index: ReadonlyMap<number, { phrase: CjkPhrase; alt: string }[]>;
  readonly negators: readonly string[];
  readonly negation: 'before' | 'after';
  readonly size: number;
}

const foldCjk = (s: string): string => s.normalize('NFKC').toLowerCase().replace(/\s+/g, '');

export function compileCjk(lexicon: Lexicon): CompiledCjk {
  const index = new Map<number, { phrase: CjkPhrase; alt: string }[]>();
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
        for (const alt of segments[0]!.alts) push(index, alt.charCodeAt(0), { phrase, alt });
      }
    }
  }
  return { language: lexicon.language, index, negators: lexicon.negators.map(foldCjk), negation: lexicon.negation ?? 'before', size };
}

const CJK_BREAK = new Set(['\n', '。', '!', '?', '．', ';']);

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
    const entries = lx.index.get(s.charCodeAt(i));
    if (!entries) continue;
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
          if (CJK_BREAK.has(s[j]!)) break;
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
