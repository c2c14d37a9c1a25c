/**
 * Language of a buyer message: en, de, fr, it, es by small word/ending/letter profiles; ja and zh by script
 * (kana means Japanese; Han without kana is Chinese unless Japanese-only kanji outweigh Chinese-only characters).
 * Deterministic, offline, and it says why.
 */
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
// Word endings by last letter, longest first: a word is checked against a handful of endings, nothing allocated.
const SUFFIX_TABLE = new Map<number, { suffix: string; feature: [LatinLanguage, number][] }[]>();
for (const [suffix, v] of Object.entries(SUFFIXES).sort((a, b) => b[0].length - a[0].length)) {
  const last = suffix.charCodeAt(suffix.length - 1);
  const list = SUFFIX_TABLE.get(last) ?? [];
  list.push({ suffix, feature: Object.entries(v) as [LatinLanguage, number][] });
  SUFFIX_TABLE.set(last, list);
}
const LETTER_TABLE = new Map<number, [string, [LatinLanguage, number][]]>();
for (const [ch, v] of Object.entries(LETTERS)) {
  LETTER_TABLE.set(ch.charCodeAt(0), [ch, Object.entries(v) as [LatinLanguage, number][]]);
  LETTER_TABLE.set(ch.toUpperCase().charCodeAt(0), [ch, Object.entries(v) as [LatinLanguage, number][]]);
}
// 1: written in Chinese only, 2: in Japanese only (by UTF-16 code unit; all of them are in the BMP).
const HAN_SIDE = new Uint8Array(0x10000);
for (const ch of ZH_ONLY) HAN_SIDE[ch.charCodeAt(0)] = 1;
for (const ch of JA_ONLY) HAN_SIDE[ch.charCodeAt(0)] = 2;

/** Every folded word of the profiles: words a typo-tolerant matcher must take as they are. */
export function profileWords(): ReadonlySet<string> {
  return new Set(WORD_LANGS.keys());
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

interface LatinScore {
  scores: Record<LatinLanguage, number>;
  words: Record<LatinLanguage, string[]>;
  endings: Record<LatinLanguage, string[]>;
  letters: Record<LatinLanguage, string[]>;
}

function scoreLatin(clean: string, tokens: readonly Token[]): LatinScore {
  const scores: Record<LatinLanguage, number> = { en: 0, de: 0, fr: 0, it: 0, es: 0 };
  const words: Record<LatinLanguage, string[]> = { en: [], de: [], fr: [], it: [], es: [] };
  const endings: Record<LatinLanguage, string[]> = { en: [], de: [], fr: [], it: [], es: [] };
  const letters: Record<LatinLanguage, string[]> = { en: [], de: [], fr: [], it: [], es: [] };
  for (const t of tokens) {
    const langs = WORD_LANGS.get(t.norm);
    if (langs) {
      const w = 1 / langs.length;
      for (const l of langs) {
        scores[l] += w;
        if (langs.length === 1 && words[l].length < 6 && !words[l].includes(t.plain)) words[l].push(t.plain);
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
        scores[l] += w * 0.35;
        if (endings[l].length < 4) endings[l].push(`-${suffix}`);
      }
      break;
    }
  }
  for (let i = 0; i < clean.length; i++) {
    const code = clean.charCodeAt(i);
    if (code < 0xa1 || code > 0x17f) continue;
    const entry = LETTER_TABLE.get(code);
    if (!entry) continue;
    const [ch, feature] = entry;
    for (const [l, w] of feature) {
      scores[l] += w * 0.7;
      if (letters[l].length < 4 && !letters[l].includes(ch)) letters[l].push(ch);
    }
  }
  return { scores, words, endings, letters };
}

/** Detects the language of an already cleaned text and its tokens (see `stripNoise`, `tokenize`). */
export function detectPrepared(clean: string, tokens: readonly Token[]): LanguageDetection {
  const scripts = countScripts(clean);
  const latin = scoreLatin(clean, tokens);
  const ranked = [...LATIN_LANGUAGES].sort((a, b) => latin.scores[b] - latin.scores[a]);
  const best = ranked[0]!;
  const second = ranked[1]!;
  const bestScore = latin.scores[best];
  const secondScore = latin.scores[second];
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
  if (latin.words[best].length) evidence.push(`words: ${latin.words[best].join(', ')}`);
  if (latin.endings[best].length) evidence.push(`endings: ${latin.endings[best].join(', ')}`);
  if (latin.letters[best].length) evidence.push(`letters: ${latin.letters[best].join(' ')}`);
  evidence.push(`score ${best} ${round2(bestScore)}, runner-up ${second} ${round2(secondScore)}`);
  const confidence = round2((bestScore / (bestScore + secondScore + 0.3)) * Math.min(1, 0.5 + bestScore / 6));
  return { language: best, confidence, evidence, runnerUp: secondScore > 0 ? second : null, scripts };
}

/** Detects the language of a message (quoted replies, URLs and order ids are ignored). */
export function detectLanguage(text: string): LanguageDetection {
  const clean = stripNoise(text);
  return detectPrepared(clean, tokenize(clean));
}
