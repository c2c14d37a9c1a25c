/**
 * Text preparation shared by language detection and intent matching: noise removal that keeps character
 * positions (so explanations can point into the original text), Latin-script tokens folded for matching, and a
 * whitespace-free stream for Chinese and Japanese.
 */

/** A Latin-script word of the text, folded for matching. */
export interface Token {
  /** Folded form: lower case, no accents, ß → ss, runs of one letter collapsed ("arrrived" → "arived"). */
  readonly norm: string;
  /** Lower case without accents, letters not collapsed (for suffix features). */
  readonly plain: string;
  /** Position in the original text: [start, end). */
  readonly start: number;
  readonly end: number;
  /** Punctuation between this token and the previous one: 0 none, 1 comma-like, 2 sentence end. */
  readonly brk: 0 | 1 | 2;
}

/** Chinese/Japanese text without whitespace, each unit mapped back to the original position. */
export interface CjkStream {
  readonly text: string;
  readonly starts: readonly number[];
  readonly ends: readonly number[];
}

const blank = (s: string): string => s.replace(/[^\n]/g, ' ');

const REPLY_HEADER = [
  /^\s*(on|am|le|il|el|em)\s.{4,200}\b(wrote|schrieb|a écrit|a ecrit|ha scritto|escribió|escribio|escreveu)(\s.{0,120}[:：]|\s*:)?\s*$/i,
  /^\s*(wrote|schrieb|a écrit|ha scritto|escribió)\s*:\s*$/i,
  /^\s*-{2,}\s*(original message|ursprüngliche nachricht|urspr\S* nachricht|message d.origine|messaggio originale|mensaje original|forwarded message|weitergeleitete nachricht|原始邮件|元のメッセージ|転送メッセージ)/i,
  /^\s*_{8,}\s*$/,
  /^\s*\d{4}\s*[年/.-]\s*\d{1,2}\s*[月/.-]\s*\d{1,2}.{0,120}[:：]\s*$/,
  /(写道|寫道|のメッセージ|からのメール)\s*[:：]\s*$/,
];
const QUOTED = /^\s*>/;
const FROM_LINE = /^\s*(from|von|de|da|差出人|发件人|寄件者)\s*[:：]/i;
const SENT_LINE = /^\s*(sent|date|gesendet|datum|envoyé|envoye|inviato|enviado|fecha|data|送信日時|日時|发送时间|时间|subject|betreff|objet|oggetto|asunto)\s*[:：]/i;

/**
 * Removes what is not the buyer's own words while keeping every character position: quoted lines ("> …"),
 * everything from an earlier-reply header on ("On … wrote:", "-----Original Message-----", "From: … Sent: …"),
 * URLs, e-mail addresses, order ids and other dashed digit runs. Removed parts become spaces (line breaks stay).
 */
export function stripNoise(text: string): string {
  let out = text;
  if (out.includes('\n') || out.includes('>')) {
    const lines = out.split('\n');
    let cut = -1;
    let seenContent = false;
    let quoted = false;
    for (let i = 0; i < lines.length && cut < 0; i++) {
      const line = lines[i]!;
      // Every header form has a colon, a dashed or underscored rule, or a full-width colon.
      const maybeHeader = line.includes(':') || line.includes('：') || line.includes('--') || line.includes('__');
      if (seenContent && maybeHeader && (REPLY_HEADER.some((re) => re.test(line)) || (FROM_LINE.test(line) && lines.slice(i + 1, i + 5).some((l) => SENT_LINE.test(l))))) cut = i;
      else if (QUOTED.test(line)) quoted = true;
      else if (/\S/.test(line)) seenContent = true;
    }
    // Nothing quoted and no earlier reply: the text stays as it is.
    if (cut >= 0 || quoted) out = lines.map((line, i) => (cut >= 0 && i >= cut) || QUOTED.test(line) ? blank(line) : line).join('\n');
  }
  if (out.includes('://') || out.includes('www.') || out.includes('@')) {
    out = out.replace(/\bhttps?:\/\/\S+|\bwww\.\S+|[\w.+-]+@[\w-]+(\.[\w-]+)+/gi, blank);
  }
  // Order ids (113-1234567-1234567), phone numbers and other dashed digit runs.
  if (out.includes('-')) out = out.replace(/(?<![\p{L}\p{N}])\d{2,}(?:-\d{2,}){1,}(?![\p{L}\p{N}])/gu, blank);
  return out;
}

const COMBINING = /[\u0300-\u036f]/g;
// Latin-1 and Latin Extended-A letters, lower-cased and without accents (computed once from NFD).
const FOLD = new Map<number, string>();
for (let c = 0xc0; c <= 0x24f; c++) {
  const ch = String.fromCharCode(c).toLowerCase();
  const folded = ch === 'ß' ? 'ss' : ch === 'æ' ? 'ae' : ch === 'œ' ? 'oe' : ch === 'ø' ? 'o' : ch === 'ı' ? 'i' : ch === 'đ' ? 'd' : ch === 'ł' ? 'l' : ch.normalize('NFD').replace(COMBINING, '');
  if (folded !== String.fromCharCode(c)) FOLD.set(c, folded);
}

/** Lower case, accents removed, ß → ss, æ/œ spelled out, apostrophes dropped. */
export function plainLatin(word: string): string {
  let ascii = true;
  for (let i = 0; i < word.length && ascii; i++) if (word.charCodeAt(i) > 0x7e) ascii = false;
  if (ascii) {
    const w = word.toLowerCase();
    return w.includes("'") ? w.replace(/'/g, '') : w;
  }
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c < 0x7f) out += c >= 65 && c <= 90 ? String.fromCharCode(c + 32) : c === 39 ? '' : word[i];
    else if (c === 0x2019) continue;
    else if (c >= 0x300 && c <= 0x36f) continue;
    else out += FOLD.get(c) ?? word[i]!.toLowerCase().normalize('NFD').replace(COMBINING, '');
  }
  return out;
}

/** Collapses runs of one letter ("pleeease" → "please", "arrived" → "arived"); digits are kept as they are. */
export function collapseRuns(w: string): string {
  let i = 1;
  for (; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c === w.charCodeAt(i - 1) && c >= 97 && c <= 122) break;
  }
  if (i >= w.length) return w;
  let out = w.slice(0, i);
  for (let prev = w.charCodeAt(i - 1); i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c === prev && c >= 97 && c <= 122) continue;
    out += w[i];
    prev = c;
  }
  return out;
}

/** The folded form used for matching Latin-script words. */
export function foldLatin(word: string): string {
  return collapseRuns(plainLatin(word));
}

// A word is a run of [\p{Script=Latin}\p{N}\p{M}]; "n't" stays attached when no Latin letter follows, so "don't"
// folds to "dont". Other apostrophes split ("l'adresse"). Character classes are looked up in a table by UTF-16
// code unit, filled on first sight of a unit (ASCII up front); astral characters are tested as they come.
const WORD_CHAR = /^[\p{Script=Latin}\p{N}\p{M}]$/u;
const LATIN_CHAR = /^\p{Script=Latin}$/u;
/** Bit 1: word character; bit 2: Latin script. */
const IN_WORD = 1;
const LATIN = 2;
const classOfChar = (ch: string): number => (WORD_CHAR.test(ch) ? IN_WORD : 0) | (LATIN_CHAR.test(ch) ? LATIN : 0);
/** Class + 4 for a code unit seen (0: not yet). */
const CLASS = new Uint8Array(0x10000);
for (let c = 0; c < 0x80; c++) CLASS[c] = 4 + classOfChar(String.fromCharCode(c));

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/** Class bits of the character (code point) at i. */
function classAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (isHigh(c) && i + 1 < text.length && isLow(text.charCodeAt(i + 1))) return classOfChar(text.slice(i, i + 2));
  let k = CLASS[c]!;
  if (k === 0) k = CLASS[c] = 4 + (isHigh(c) || isLow(c) ? 0 : classOfChar(String.fromCharCode(c)));
  return k & 3;
}

/** UTF-16 length of the character at i: 2 for a surrogate pair. */
const widthAt = (text: string, i: number): number => (isHigh(text.charCodeAt(i)) && i + 1 < text.length && isLow(text.charCodeAt(i + 1)) ? 2 : 1);

/** Punctuation as a break between words: 2 sentence end (. ! ? ; newline 。！？), 1 comma-like (, : 、，：), else 0. */
function breakOf(c: number): 0 | 1 | 2 {
  if (c === 46 || c === 33 || c === 63 || c === 59 || c === 10 || c === 0x3002 || c === 0xff01 || c === 0xff1f) return 2;
  if (c === 44 || c === 58 || c === 0x3001 || c === 0xff0c || c === 0xff1a) return 1;
  return 0;
}

/**
 * Latin-script words of an already cleaned text. Order ids, amounts, ASINs and other long tokens with digits are
 * dropped (up to three characters with a digit stay: "1 star", "5", "2x", "a2z"), so they never separate the words
 * of a phrase.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  /** The strongest break since the previous word, and since the previous token (dropped words in between). */
  let gap: 0 | 1 | 2 = 0;
  let pendingBreak: 0 | 1 | 2 = 0;
  let i = 0;
  while (i < n) {
    if (!(classAt(text, i) & IN_WORD)) {
      const b = breakOf(text.charCodeAt(i));
      if (b > gap) gap = b;
      i += widthAt(text, i);
      continue;
    }
    // A word. For an ASCII one (the usual case) its plain and folded forms are settled on the way: upper-case
    // letters? a run of one letter?
    const start = i;
    let digits = false;
    let ascii = true;
    let upper = false;
    let run = false;
    let prev = 0;
    while (i < n && classAt(text, i) & IN_WORD) {
      const c = text.charCodeAt(i);
      if (c > 0x7e) ascii = false;
      else if (c <= 57) digits = true;
      else {
        const lower = c | 0x20; // a letter: [A-Za-z]
        if (c <= 90) upper = true;
        if (lower === prev) run = true;
        prev = lower;
      }
      if (c <= 57) prev = 0;
      i += widthAt(text, i);
    }
    let apostrophe = false;
    if (i + 1 < n) {
      const a = text.charCodeAt(i);
      const t = text.charCodeAt(i + 1);
      if ((a === 39 || a === 0x2019) && (t === 116 || t === 84) && (i + 2 >= n || !(classAt(text, i + 2) & LATIN))) {
        i += 2;
        apostrophe = true;
        if (a !== 39) ascii = false;
        if (prev === 116) run = true; // "…t't" folds to "…tt" → "…t"
      }
    }
    const end = i;
    const thisGap = gap;
    gap = 0;
    if (digits && end - start > 3) {
      if (thisGap > pendingBreak) pendingBreak = thisGap;
      continue;
    }
    const raw = text.slice(start, end);
    let plain: string;
    if (ascii) {
      // What plainLatin does to an ASCII word: lower case, apostrophe dropped.
      plain = upper ? raw.toLowerCase() : raw;
      if (apostrophe) plain = `${plain.slice(0, -2)}t`;
    } else plain = plainLatin(raw);
    if (!plain) continue;
    const brk = (thisGap > pendingBreak ? thisGap : pendingBreak) as 0 | 1 | 2;
    pendingBreak = 0;
    tokens.push({ norm: ascii && !run ? plain : collapseRuns(plain), plain, start, end, brk });
  }
  return tokens;
}

const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 13 || c === 0x3000 || c === 0xa0 || c === 0x200b;

/**
 * The text without whitespace (line breaks kept as sentence ends), full-width and half-width forms folded
 * (ＡＢＣ１２ → abc12, ｶﾀｶﾅ → カタカナ, ？ → ?), ASCII lower-cased.
 */
export function cjkStream(text: string): CjkStream {
  let out = '';
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) continue;
    if (c === 10) {
      if (out.length > 0 && out[out.length - 1] !== '\n') {
        out += '\n';
        starts.push(i);
        ends.push(i + 1);
      }
      continue;
    }
    let unit: string;
    if (c < 0x80) unit = c >= 65 && c <= 90 ? String.fromCharCode(c + 32) : text[i]!;
    else if (c >= 0xff00 && c <= 0xffef) unit = text[i]!.normalize('NFKC').toLowerCase();
    else unit = text[i]!;
    for (let k = 0; k < unit.length; k++) {
      out += unit[k];
      starts.push(i);
      ends.push(i + 1);
    }
  }
  return { text: out, starts, ends };
}

export interface ScriptCounts {
  readonly kana: number;
  readonly han: number;
  readonly hangul: number;
  readonly latin: number;
}

export function countScripts(text: string): ScriptCounts {
  let kana = 0;
  let han = 0;
  let hangul = 0;
  let latin = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) latin++;
    } else if (c >= 0x3040 && c <= 0x30ff) {
      if (c !== 0x30fb && c !== 0x30fc) kana++; // ・ and ー are shared with Chinese-adjacent typing
    } else if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf)) han++;
    else if (c >= 0xff66 && c <= 0xff9d) kana++;
    else if (c >= 0xac00 && c <= 0xd7af) hangul++;
    else if (c >= 0xc0 && c <= 0x24f) latin++;
  }
  return { kana, han, hangul, latin };
}

/** a[ai, ai+n) === b[bi, bi+n), without allocating. */
function sameRun(a: string, ai: number, b: string, bi: number, n: number): boolean {
  if (ai + n > a.length || bi + n > b.length) return false;
  for (let k = 0; k < n; k++) if (a.charCodeAt(ai + k) !== b.charCodeAt(bi + k)) return false;
  return true;
}

export type Edit = 'none' | 'substitution' | 'transposition' | 'insertion' | 'deletion';

/**
 * The one edit that turns a[0, la) into b (a's first `la` characters; all of it by default): `null` when it takes
 * more than one insertion, deletion, substitution or swap of neighbours.
 */
export function oneEdit(a: string, b: string, la = a.length): Edit | null {
  const lb = b.length;
  if (la > a.length || Math.abs(la - lb) > 1) return null;
  let i = 0;
  while (i < la && i < lb && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === la && i === lb) return 'none';
  if (la === lb) {
    if (sameRun(a, i + 1, b, i + 1, la - i - 1)) return 'substitution';
    return i + 1 < la && a[i] === b[i + 1] && a[i + 1] === b[i] && sameRun(a, i + 2, b, i + 2, la - i - 2) ? 'transposition' : null;
  }
  if (la > lb) return sameRun(a, i + 1, b, i, lb - i) ? 'insertion' : null;
  return sameRun(a, i, b, i + 1, la - i) ? 'deletion' : null;
}

/** True when a and b differ by at most one insertion, deletion, substitution or swap of neighbours. */
export function withinOneEdit(a: string, b: string): boolean {
  return oneEdit(a, b) !== null;
}
