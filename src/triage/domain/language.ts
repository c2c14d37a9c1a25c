/**
 * Language of a buyer message: en, de, fr, it, es by small word/ending/letter profiles; ja and zh by script
 * (kana means Japanese; Han without kana is Chinese unless Japanese-only kanji outweigh Chinese-only characters).
 * Deterministic, offline, and it says why.
 */
import { byWordNumber, type WordIds } from './matcher.ts';
import { countScripts, foldLatin, stripNoise, tokenize, type ScriptCounts, type Token } from './normalize.ts';
import { JA_ONLY, JA_WORDS, LATIN_LANGUAGES, LETTERS, SHARED_WORDS, SUFFIXES, WORDS, ZH_ONLY, type LatinLanguage } from './profiles.ts';
import type { Language } from './types.ts';

export interface LanguageDetection {
  readonly language: Language | null;
  /** 0..1: how clearly the winner beats the runner-up, scaled down when there is little evidence. */
  readonly confidence: number;
  /** What decided it: script counts, words, endings, letters, the runner-up. */
  readonly evidence: string[];
  /** The runner-up among the Latin-script languages (used to widen matching when unsure). */
  readonly runnerUp?: Language | null;
  /** How many letters of each script the text has. */
  readonly scripts?: ScriptCounts;
}

// While scoring, a language is its position in LATIN_LANGUAGES: scores, words, endings and letters are arrays.
const LANG_INDEX = new Map(LATIN_LANGUAGES.map((l, i) => [l, i]));
const indexes = (langs: readonly LatinLanguage[]): number[] => langs.map((l) => LANG_INDEX.get(l)!);
/** [language index, weight] pairs. */
const feature = (v: Partial<Record<LatinLanguage, number>>): [number, number][] => Object.entries(v).map(([l, w]) => [LANG_INDEX.get(l as LatinLanguage)!, w]);

const WORD_LANGS = new Map<string, LatinLanguage[]>();
for (const lang of LATIN_LANGUAGES) {
  for (const w of WORDS[lang].split(/\s+/)) {
    if (!w) continue;
    const f = foldLatin(w);
    const langs = WORD_LANGS.get(f) ?? [];
    if (!langs.includes(lang)) langs.push(lang);
    WORD_LANGS.set(f, langs);
  }
}
for (const [w, langs] of Object.entries(SHARED_WORDS)) {
  const f = foldLatin(w);
  const merged = [...new Set([...(WORD_LANGS.get(f) ?? []), ...langs])];
  WORD_LANGS.set(f, merged);
}
/** The profile words with the indexes of their languages. */
const WORD_LANG_INDEXES = new Map([...WORD_LANGS].map(([w, langs]) => [w, indexes(langs)]));
// Word endings by last letter, longest first: a word is checked against a handful of endings, nothing allocated.
const SUFFIX_TABLE = new Map<number, { suffix: string; feature: [number, number][] }[]>();
for (const [suffix, v] of Object.entries(SUFFIXES).sort((a, b) => b[0].length - a[0].length)) {
  const last = suffix.charCodeAt(suffix.length - 1);
  const list = SUFFIX_TABLE.get(last) ?? [];
  list.push({ suffix, feature: feature(v) });
  SUFFIX_TABLE.set(last, list);
}
const LETTER_RANGE = /[\u00a1-\u017f]/;
const LETTER_TABLE = new Map<number, [string, [number, number][]]>();
for (const [ch, v] of Object.entries(LETTERS)) {
  LETTER_TABLE.set(ch.charCodeAt(0), [ch, feature(v)]);
  LETTER_TABLE.set(ch.toUpperCase().charCodeAt(0), [ch, feature(v)]);
}
// 1: written in Chinese only, 2: in Japanese only (by UTF-16 code unit; all of them are in the BMP).
const HAN_SIDE = new Uint8Array(0x10000);
for (const ch of ZH_ONLY) HAN_SIDE[ch.charCodeAt(0)] = 1;
for (const ch of JA_ONLY) HAN_SIDE[ch.charCodeAt(0)] = 2;

/**
 * The profile languages of each word, by word number. Numbers every profile word in `ids`: a typo-tolerant matcher
 * must take these words as they are.
 */
export type ProfileLanguages = readonly (readonly number[] | undefined)[];

export function profileLanguages(ids: WordIds): ProfileLanguages {
  const entries = [...WORD_LANG_INDEXES].map(([w, langs]) => [ids.add(w), langs] as const);
  return byWordNumber(entries, ids.size);
}

/** Tokens already numbered (by the `WordIds` that `languages` came from): spares a lookup per token. */
export interface NumberedTokens {
  readonly ids: ArrayLike<number>;
  readonly languages: ProfileLanguages;
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

/** By language index (see LANG_INDEX). */
interface LatinScore {
  scores: Float64Array;
  words: string[][];
  endings: string[][];
  letters: string[][];
}

function byNumber(numbered: NumberedTokens, i: number): readonly number[] | undefined {
  const id = numbered.ids[i]!;
  return id >= 0 && id < numbered.languages.length ? numbered.languages[id] : undefined;
}

function scoreLatin(clean: string, tokens: readonly Token[], numbered?: NumberedTokens): LatinScore {
  const scores = new Float64Array(LATIN_LANGUAGES.length);
  const words: string[][] = LATIN_LANGUAGES.map(() => []);
  const endings: string[][] = LATIN_LANGUAGES.map(() => []);
  const letters: string[][] = LATIN_LANGUAGES.map(() => []);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const langs = numbered ? byNumber(numbered, i) : WORD_LANG_INDEXES.get(t.norm);
    if (langs) {
      const w = 1 / langs.length;
      for (const l of langs) {
        scores[l] = scores[l]! + w;
        if (langs.length === 1 && words[l]!.length < 6 && !words[l]!.includes(t.plain)) words[l]!.push(t.plain);
      }
      continue;
    }
    const p = t.plain;
    if (p.length < 4) continue;
    const candidates = SUFFIX_TABLE.get(p.charCodeAt(p.length - 1));
    if (!candidates) continue;
    for (const { suffix, feature } of candidates) {
      if (p.length <= suffix.length + 1 || !p.endsWith(suffix)) continue;
      for (const [l, w] of feature) {
        scores[l] = scores[l]! + w * 0.35;
        if (endings[l]!.length < 4) endings[l]!.push(`-${suffix}`);
      }
      break;
    }
  }
  // Letters are looked for from the first character that can be one (most English texts have none).
  for (let i = clean.search(LETTER_RANGE); i >= 0 && i < clean.length; i++) {
    const code = clean.charCodeAt(i);
    if (code < 0xa1 || code > 0x17f) continue;
    const entry = LETTER_TABLE.get(code);
    if (!entry) continue;
    const [ch, feature] = entry;
    for (const [l, w] of feature) {
      scores[l] = scores[l]! + w * 0.7;
      if (letters[l]!.length < 4 && !letters[l]!.includes(ch)) letters[l]!.push(ch);
    }
  }
  return { scores, words, endings, letters };
}

/** Detects the language of an already cleaned text and its tokens (see `stripNoise`, `tokenize`). */
export function detectPrepared(clean: string, tokens: readonly Token[], numbered?: NumberedTokens): LanguageDetection {
  const scripts = countScripts(clean);
  const latin = scoreLatin(clean, tokens, numbered);
  // The two highest scores; on a tie the language listed first in LATIN_LANGUAGES.
  const s = latin.scores;
  let b = 0;
  for (let l = 1; l < s.length; l++) if (s[l]! > s[b]!) b = l;
  let r = b === 0 ? 1 : 0;
  for (let l = 0; l < s.length; l++) if (l !== b && s[l]! > s[r]!) r = l;
  const best = LATIN_LANGUAGES[b]!;
  const second = LATIN_LANGUAGES[r]!;
  const bestScore = s[b]!;
  const secondScore = s[r]!;
  const cjk = scripts.kana + scripts.han;

  if (scripts.hangul > cjk && scripts.hangul * 0.5 > bestScore) {
    return { language: null, confidence: 0, evidence: [`script: ${scripts.hangul} hangul (not supported)`], scripts };
  }
  if (cjk >= 2 && cjk * 0.5 >= bestScore) {
    let zhOnly = 0;
    let jaOnly = 0;
    for (let i = 0; i < clean.length; i++) {
      const side = HAN_SIDE[clean.charCodeAt(i)];
      if (side === 1) zhOnly++;
      else if (side === 2) jaOnly++;
    }
    if (scripts.kana === 0) for (const w of JA_WORDS) if (clean.includes(w)) jaOnly += 1.5;
    const ja = scripts.kana * 2 + jaOnly * 1.5;
    const zh = zhOnly * 1.5 + (scripts.kana === 0 ? scripts.han * 0.3 : 0);
    const language: Language = ja > zh ? 'ja' : 'zh';
    const confidence = round2(Math.max(ja, zh) / (ja + zh + 0.5));
    const evidence = [`script: ${scripts.kana} kana, ${scripts.han} han, ${scripts.latin} latin letters`];
    if (zhOnly) evidence.push(`${zhOnly} Chinese-only characters`);
    if (jaOnly) evidence.push(`${jaOnly} Japanese-only kanji`);
    return { language, confidence, evidence, runnerUp: language === 'ja' ? 'zh' : 'ja', scripts };
  }
  if (bestScore < 0.6) {
    const evidence = [`too little evidence (best ${best} ${round2(bestScore)})`];
    return { language: null, confidence: 0, evidence, runnerUp: null, scripts };
  }
  const evidence: string[] = [];
  if (latin.words[b]!.length) evidence.push(`words: ${latin.words[b]!.join(', ')}`);
  if (latin.endings[b]!.length) evidence.push(`endings: ${latin.endings[b]!.join(', ')}`);
  if (latin.letters[b]!.length) evidence.push(`letters: ${latin.letters[b]!.join(' ')}`);
  evidence.push(`score ${best} ${round2(bestScore)}, runner-up ${second} ${round2(secondScore)}`);
  const confidence = round2((bestScore / (bestScore + secondScore + 0.3)) * Math.min(1, 0.5 + bestScore / 6));
  return { language: best, confidence, evidence, runnerUp: secondScore > 0 ? second : null, scripts };
}

/** Detects the language of a message (quoted replies, URLs and order ids are ignored). */
export function detectLanguage(text: string): LanguageDetection {
  const clean = stripNoise(text);
  return detectPrepared(clean, tokenize(clean));
}
