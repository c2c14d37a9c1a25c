/**
 * The message classifier: language, intents (primary first), risk signals, and the phrases that decided them.
 * Pure and deterministic: lexicons are data (./lexicon/*.ts), compiled once at load.
 */
import { detectPrepared, profileLanguages, type LanguageDetection } from './language.ts';
import { LEXICONS } from './lexicon/index.ts';
import type { LexiconLabel, LexiconLanguage } from './lexicon/types.ts';
import { anchorsOverlap as overlaps, compileCjk, compileLatin, matchCjk, matchLatin, numberTokens, prepare, resolveOverlaps, vocabulary, WordIds, type CompiledCjk, type CompiledLatin, type Field, type RawMatch } from './matcher.ts';
import { cjkStream, countScripts, stripNoise, tokenize, type Token } from './normalize.ts';
import { LATIN_LANGUAGES, type LatinLanguage } from './profiles.ts';
import { INTENTS, SIGNALS, isIntent, isSignal, type Intent, type Label, type Language, type Signal } from './types.ts';

export interface ClassifyInput {
  readonly subject?: string | null;
  readonly body: string;
}

/** A phrase that counted, where it is in the original field text ([start, end)), and what it weighed. */
export interface PhraseEvidence {
  readonly phrase: string;
  readonly text: string;
  readonly field: Field;
  readonly start: number;
  readonly end: number;
  readonly weight: number;
  readonly language: Language;
  readonly fuzzy?: true;
}

export interface Classification {
  readonly language: Language | null;
  readonly languageConfidence: number;
  /** The primary intent: the one that matters most to the seller among the strong ones. */
  readonly intent: Intent;
  /** Every detected intent, the primary first, then by score. */
  readonly intents: Intent[];
  readonly signals: Signal[];
  readonly scores: Partial<Record<Intent | Signal, number>>;
  readonly explanation: {
    readonly language: string[];
    /** Why the primary intent is the primary one. */
    readonly primary: string;
    /** Per intent/signal: the phrases that counted. */
    readonly matches: Partial<Record<Intent | Signal, PhraseEvidence[]>>;
    /** Phrases that were found but did not count because they were negated ("not damaged"). */
    readonly negated: (PhraseEvidence & { label: Intent | Signal; negatedBy: string })[];
    /** Intents or signals added by a rule rather than a phrase. */
    readonly implied: string[];
  };
}

/** A label counts once its phrases add up to this. */
export const THRESHOLD = 2;
/** Among intents scoring at least this share of the best score, seller risk decides the primary one. */
export const PRIMARY_SHARE = 0.5;
/**
 * Seller-risk precedence for the primary intent: what can cost the seller most (A-to-z / ODR exposure) first,
 * then money and order changes with a deadline, then questions; a plain "thank you" last.
 */
export const PRECEDENCE: readonly Intent[] = [
  'not_received',
  'damaged_defective',
  'wrong_item',
  'refund_request',
  'return_request',
  'cancel_order',
  'change_order',
  'payment_issue',
  'where_is_my_order',
  'invoice_request',
  'shipping_cost',
  'complaint',
  'product_question',
  'feedback_review',
  'thanks',
  'other',
];

// The lexicons repeat the label and language names (they may not import ../types.ts); they must agree.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const LEXICON_NAMES_AGREE: [Same<LexiconLabel, Label>, Same<LexiconLanguage, Language>] = [true, true];

/** Weight of phrases from a helper lexicon (English beside the detected language, the runner-up when unsure). */
const HELPER_FACTOR = 0.8;
/** Weight of a phrase matched through a typo. */
const FUZZY_FACTOR = 0.8;
const REPLY_SUBJECT = /^\s*(re|aw|wg|fw|fwd|tr|rv|r|sv|vs|antw|odp|res|réf|ref|回复|答复|回覆|転送|返信)\s*(\[\d+\])?\s*[:：]/i;
const PROBLEMS: readonly Intent[] = ['not_received', 'damaged_defective', 'wrong_item'];

const WORD_IDS = new WordIds();
const LATIN = Object.fromEntries(LATIN_LANGUAGES.map((l) => [l, compileLatin(LEXICONS[l], WORD_IDS)])) as Record<LatinLanguage, CompiledLatin>;
const PROFILE_LANGUAGES = profileLanguages(WORD_IDS);
const CJK: Record<'ja' | 'zh', CompiledCjk> = { ja: compileCjk(LEXICONS.ja), zh: compileCjk(LEXICONS.zh) };
const VOCAB = vocabulary(Object.values(LATIN));

interface Plan {
  readonly latin: readonly { lx: CompiledLatin; factor: number }[];
  readonly cjk: readonly { lx: CompiledCjk; factor: number }[];
  readonly fuzzy: readonly CompiledLatin[];
}

function plan(det: LanguageDetection, hasCjk: boolean): Plan {
  const lang = det.language;
  if (lang === 'ja' || lang === 'zh') {
    const cjk = [{ lx: CJK[lang], factor: 1 }];
    if (det.confidence < 0.6) cjk.push({ lx: CJK[lang === 'ja' ? 'zh' : 'ja'], factor: HELPER_FACTOR });
    return { latin: [{ lx: LATIN.en, factor: HELPER_FACTOR }], cjk, fuzzy: [LATIN.en] };
  }
  if (lang === null) {
    return {
      latin: LATIN_LANGUAGES.map((l) => ({ lx: LATIN[l], factor: HELPER_FACTOR })),
      cjk: hasCjk ? [{ lx: CJK.ja, factor: HELPER_FACTOR }, { lx: CJK.zh, factor: HELPER_FACTOR }] : [],
      fuzzy: [LATIN.en],
    };
  }
  const latin = [{ lx: LATIN[lang], factor: 1 }];
  if (lang !== 'en') latin.push({ lx: LATIN.en, factor: HELPER_FACTOR });
  const runnerUp = det.runnerUp;
  if (det.confidence < 0.6 && runnerUp && runnerUp !== 'en' && runnerUp !== 'ja' && runnerUp !== 'zh') latin.push({ lx: LATIN[runnerUp], factor: HELPER_FACTOR });
  return { latin, cjk: [], fuzzy: lang === 'en' ? [LATIN.en] : [LATIN[lang], LATIN.en] };
}

interface FieldText {
  readonly field: Field;
  readonly text: string;
  readonly clean: string;
  readonly tokens: Token[];
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

/** A phrase match as the explanation shows it: the matched text of the original field, and what it weighed. */
function evidence(input: ClassifyInput, m: RawMatch, weight: number): PhraseEvidence {
  const text = (m.field === 'subject' ? input.subject ?? '' : input.body).slice(m.start, m.end);
  const e: PhraseEvidence = { phrase: m.phrase, text, field: m.field, start: m.start, end: m.end, weight: round2(weight), language: m.language };
  return m.fuzzy ? { ...e, fuzzy: true } : e;
}

const scoreOf = (scores: ReadonlyMap<Label, number>, l: Label): number => scores.get(l) ?? 0;

/** Every token of the fields, in order. */
function allTokens(fields: readonly FieldText[]): readonly Token[] {
  if (fields.length === 1) return fields[0]!.tokens;
  const out: Token[] = [];
  for (const f of fields) for (const t of f.tokens) out.push(t);
  return out;
}

/**
 * Classifies one buyer message. Steps: drop quoted replies, URLs and order ids (positions kept) → detect the
 * language → match the lexicon of that language, plus English (buyers mix it in), with negation, typo tolerance and
 * overlap resolution → sum phrase weights per intent and signal (a label counts from THRESHOLD) → pick the primary
 * intent: among intents scoring at least PRIMARY_SHARE of the best, the first in PRECEDENCE; `thanks` only when
 * nothing else is detected and nothing is asked; `other` when no intent is detected.
 */
export function classify(input: ClassifyInput): Classification {
  const fields: FieldText[] = [];
  // The subject of a reply ("Re: Your order has shipped") is the seller's own subject, not the buyer's words.
  const subject = input.subject && !REPLY_SUBJECT.test(input.subject) ? input.subject : '';
  for (const [field, text] of [['subject', subject], ['body', input.body ?? '']] as const) {
    if (!text) continue;
    const clean = stripNoise(text);
    fields.push({ field, text, clean, tokens: tokenize(clean) });
  }
  const allClean = fields.length === 1 ? fields[0]!.clean : fields.map((f) => f.clean).join('\n');
  // Every token is numbered once: language detection and phrase matching both look words up by number.
  const tokens = allTokens(fields);
  const numbers = numberTokens(tokens, WORD_IDS);
  const det = detectPrepared(allClean, tokens, { ids: numbers, languages: PROFILE_LANGUAGES });
  const scripts = det.scripts ?? countScripts(allClean);
  const p = plan(det, scripts.han + scripts.kana > 0);
  const factor = new Map<Language, number>();
  for (const { lx, factor: f } of [...p.latin, ...p.cjk]) factor.set(lx.language, f);

  const raw: RawMatch[] = [];
  let offset = 0;
  for (const f of fields) {
    if (f.tokens.length) {
      const prepared = prepare(f.tokens, WORD_IDS, p.fuzzy, VOCAB, fields.length === 1 ? numbers : numbers.slice(offset, offset + f.tokens.length));
      offset += f.tokens.length;
      for (const { lx } of p.latin) matchLatin(lx, prepared, f.field, raw);
    }
    if (p.cjk.length && (scripts.han || scripts.kana)) {
      const stream = cjkStream(f.clean);
      for (const { lx } of p.cjk) matchCjk(lx, stream, f.field, raw);
    }
  }
  let live = resolveOverlaps(raw.filter((m) => !m.negated));
  // "I will leave a negative review" is a threat, not feedback about a review.
  const threats = live.filter((m) => m.label === 'negative_feedback_threat');
  if (threats.length) live = live.filter((m) => m.label !== 'feedback_review' || !threats.some((t) => overlaps(t, m)));

  const scores = new Map<Label, number>();
  const matches: Partial<Record<Intent | Signal, PhraseEvidence[]>> = {};
  const perPhrase = new Map<object, number>();
  const counted: RawMatch[] = [];
  const request = live.some((m) => m.label === '_request');
  const weighted: { m: RawMatch; w: number }[] = [];
  for (const m of live) if (m.label[0] !== '_') weighted.push({ m, w: m.weight * (factor.get(m.language) ?? 1) * (m.fuzzy ? FUZZY_FACTOR : 1) });
  // Heaviest first; overlapping phrases of one label are one piece of evidence ("mein Geld zurück").
  weighted.sort((a, b) => b.w - a.w || a.m.start - b.m.start);
  for (const { m, w } of weighted) {
    if (counted.some((c) => c.label === m.label && overlaps(c, m))) continue;
    const n = (perPhrase.get(m.ref) ?? 0) + 1;
    perPhrase.set(m.ref, n);
    if (n > 2) continue;
    counted.push(m);
    scores.set(m.label, (scores.get(m.label) ?? 0) + w);
    const label = m.label as Intent | Signal;
    (matches[label] ??= []).push(evidence(input, m, w));
  }

  for (const list of Object.values(matches)) if (list!.length > 1) list!.sort((a, b) => (a.field === b.field ? a.start - b.start : a.field === 'subject' ? -1 : 1));

  const implied: string[] = [];
  const signals = SIGNALS.filter((s) => scoreOf(scores, s) >= THRESHOLD);
  let detected = INTENTS.filter((i) => i !== 'other' && scoreOf(scores, i) >= THRESHOLD);
  if (signals.includes('safety_issue') && !detected.some((i) => PROBLEMS.includes(i))) {
    scores.set('damaged_defective', THRESHOLD);
    implied.push('damaged_defective: a safety issue with the product and no other problem named');
  } else if (detected.every((i) => i === 'thanks') && signals.length > 0) {
    scores.set('complaint', THRESHOLD);
    implied.push(`complaint: ${signals.join(', ')} and no other intent`);
  }
  if (implied.length) detected = INTENTS.filter((i) => i !== 'other' && scoreOf(scores, i) >= THRESHOLD);

  const question = allClean.includes('?') || allClean.includes('？');
  const candidates = detected.filter((i) => i !== 'thanks');
  let intent: Intent;
  let why: string;
  if (candidates.length === 0) {
    if (detected.includes('thanks') && !request && !question) {
      intent = 'thanks';
      why = 'thanks and nothing else asked: no response needed';
    } else {
      intent = 'other';
      why = detected.includes('thanks') ? 'thanks, but the buyer asks something no intent covers' : 'no intent phrase reached the threshold';
    }
  } else {
    const best = Math.max(...candidates.map((i) => scoreOf(scores, i)));
    const eligible: readonly Intent[] = candidates.filter((i) => scoreOf(scores, i) >= best * PRIMARY_SHARE);
    intent = PRECEDENCE.find((i) => eligible.includes(i))!;
    const others = eligible.filter((i) => i !== intent);
    why = others.length
      ? `${intent} (${round2(scoreOf(scores, intent))}) outranks ${others.map((o) => `${o} (${round2(scoreOf(scores, o))})`).join(', ')} by seller-risk precedence`
      : candidates.length > 1
        ? `${intent} (${round2(scoreOf(scores, intent))}) is clearly the strongest`
        : `${intent} is the only intent detected`;
  }
  const rest = detected.filter((i) => i !== intent).sort((a, b) => scoreOf(scores, b) - scoreOf(scores, a) || PRECEDENCE.indexOf(a) - PRECEDENCE.indexOf(b));
  const intents = [intent, ...rest];

  const outScores: Partial<Record<Intent | Signal, number>> = {};
  for (const [l, s] of scores) if (isIntent(l) || isSignal(l)) outScores[l] = round2(s);
  const negated = raw
    .filter((m) => m.negated && !m.label.startsWith('_'))
    .map((m) => ({ ...evidence(input, m, 0), label: m.label as Intent | Signal, negatedBy: m.negated! }));

  return {
    language: det.language,
    languageConfidence: det.confidence,
    intent,
    intents,
    signals,
    scores: outScores,
    explanation: { language: det.evidence, primary: why, matches, negated, implied },
  };
}
