// Value formats of Amazon flat files and sellers' CSV files, parsed exactly: dates per marketplace, money
// into integer minor units by the currency's exponent, strict integers and booleans. Each parser returns
// the normalised value or throws ValueError with a reason a person can act on (the caller adds
// file:line:column and the header name).

import { minorDigits } from '../../kernel/index.ts';

export class ValueError extends Error {}

/** How a marketplace writes ambiguous values: the order of NN/NN/YYYY dates and the decimal mark. */
export interface ValueConventions {
  /**
   * Order of day and month in slash or dash dates (dotted dates are always day first); null when neither the
   * file nor a marketplace tells, and then such a date is refused as ambiguous.
   */
  readonly dateOrder: 'MDY' | 'DMY' | null;
  /** `12,99` means twelve and 99 hundredths (DE, FR, IT, ES, …); otherwise the comma groups thousands. */
  readonly decimalComma: boolean;
}

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
  // German, French, Italian and Spanish abbreviations that differ from the English ones.
  mär: 3, mrz: 3, mai: 5, okt: 10, dez: 12, janv: 1, févr: 2, fevr: 2, avr: 4, juin: 6, juil: 7, déc: 12,
  gen: 1, mag: 5, giu: 6, lug: 7, ago: 8, set: 9, ott: 10, dic: 12, ene: 1, abr: 4,
};

// Zone abbreviations Amazon prints after settlement and payment dates (fixed offsets, in minutes).
const ZONES: Readonly<Record<string, number>> = {
  utc: 0, gmt: 0, z: 0, pst: -480, pdt: -420, mst: -420, mdt: -360, cst: -360, cdt: -300, est: -300, edt: -240,
  bst: 60, cet: 60, cest: 120, met: 60, mest: 120, jst: 540, aest: 600, aedt: 660,
};

interface Parts {
  y: number; m: number; d: number;
  hh: number; mi: number; ss: number; ms: number;
  hasTime: boolean;
  /** Offset from UTC in minutes, null when the text names no zone. */
  offset: number | null;
}

const DATE_ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})/;
const DATE_YMD_SLASH = /^(\d{4})\/(\d{1,2})\/(\d{1,2})/;
const DATE_NUMERIC = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?!\d)/;
const DATE_DAY_MONTH_NAME = /^(\d{1,2})[-. ]+([\p{L}]{3,5})\.?[-. ,]+(\d{4})/u;
const DATE_MONTH_NAME_DAY = /^([\p{L}]{3,5})\.? +(\d{1,2}),? +(\d{4})/u;
const TIME = /^(?:T| +)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?: *([AaPp])\.?[Mm]\.?)?/;
const ZONE = /^ *(?:(Z)|([+-])(\d{2}):?(\d{2})|([A-Za-z]{1,5}))$/;

/** Which day/month order a NN/NN/YYYY value proves, if any (a part above 12 can only be the day). */
export function dateOrderEvidence(text: string): 'MDY' | 'DMY' | null {
  const m = DATE_NUMERIC.exec(text.trim());
  if (!m || m[2] === '.') return null;
  const a = Number(m[1]);
  const b = Number(m[3]);
  if (a > 12 && b <= 12) return 'DMY';
  if (b > 12 && a <= 12) return 'MDY';
  return null;
}

function year(text: string): number {
  const y = Number(text);
  return text.length === 2 ? 2000 + y : y;
}

function monthName(text: string): number {
  const n = MONTHS[text.toLowerCase().replace(/\.$/, '')];
  if (!n) throw new ValueError(`"${text}" is not a month name`);
  return n;
}

function splitDate(t: string, c: ValueConventions): { y: number; m: number; d: number; rest: string } {
  let m = DATE_ISO.exec(t) ?? DATE_YMD_SLASH.exec(t);
  if (m) return { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]), rest: t.slice(m[0].length) };
  m = DATE_NUMERIC.exec(t);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    if (m[2] !== '.' && c.dateOrder === null) throw new ValueError(`"${t}" is ambiguous: day/month order unknown (give --marketplace, or write dates as YYYY-MM-DD)`);
    const dayFirst = m[2] === '.' || c.dateOrder === 'DMY';
    return { y: year(m[4]!), m: dayFirst ? b : a, d: dayFirst ? a : b, rest: t.slice(m[0].length) };
  }
  m = DATE_DAY_MONTH_NAME.exec(t);
  if (m) return { y: Number(m[3]), m: monthName(m[2]!), d: Number(m[1]), rest: t.slice(m[0].length) };
  m = DATE_MONTH_NAME_DAY.exec(t);
  if (m) return { y: Number(m[3]), m: monthName(m[1]!), d: Number(m[2]), rest: t.slice(m[0].length) };
  throw new ValueError(`"${t}" is not a date (expected e.g. 2026-09-03T15:00:00+00:00, ${c.dateOrder === 'DMY' ? '03/09/2026' : '09/03/2026'} or 03.09.2026)`);
}

function parseParts(text: string, c: ValueConventions): Parts {
  const t = text.trim();
  const { y, m, d, rest: afterDate } = splitDate(t, c);
  let rest = afterDate;
  let hh = 0, mi = 0, ss = 0, ms = 0, hasTime = false;
  const tm = TIME.exec(rest);
  if (tm) {
    hasTime = true;
    hh = Number(tm[1]);
    mi = Number(tm[2]);
    ss = Number(tm[3] ?? 0);
    ms = Number((tm[4] ?? '0').padEnd(3, '0').slice(0, 3));
    if (tm[5]) {
      if (hh < 1 || hh > 12) throw new ValueError(`"${t}": hour ${hh} with AM/PM`);
      hh = (hh % 12) + (tm[5].toLowerCase() === 'p' ? 12 : 0);
    }
    rest = rest.slice(tm[0].length);
  }
  let offset: number | null = null;
  if (rest.trim() !== '') {
    const z = ZONE.exec(rest);
    if (!z) throw new ValueError(`"${t}" is not a date: cannot read "${rest.trim()}"`);
    if (z[1]) offset = 0;
    else if (z[2]) offset = (z[2] === '-' ? -1 : 1) * (Number(z[3]) * 60 + Number(z[4]));
    else {
      const known = ZONES[z[5]!.toLowerCase()];
      if (known === undefined) throw new ValueError(`"${t}": unknown time zone "${z[5]}"`);
      offset = known;
    }
  }
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (m < 1 || m > 12) throw new ValueError(`"${t}": month ${m} does not exist${c.dateOrder === 'DMY' ? ' (read as day/month/year)' : ' (read as month/day/year)'}`);
  if (d < 1 || d > daysInMonth) throw new ValueError(`"${t}": day ${d} does not exist in ${y}-${String(m).padStart(2, '0')}`);
  if (hh > 23 || mi > 59 || ss > 60) throw new ValueError(`"${t}": time out of range`);
  return { y, m, d, hh, mi, ss, ms, hasTime, offset };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/**
 * An instant, as an ISO-8601 UTC string. Text without a zone is read as UTC, and a date without a time as
 * midnight UTC (Amazon's flat files print UTC or an explicit offset).
 */
export function parseTimestamp(text: string, c: ValueConventions): string {
  const p = parseParts(text, c);
  const utc = Date.UTC(p.y, p.m - 1, p.d, p.hh, p.mi, p.ss, p.ms) - (p.offset ?? 0) * 60_000;
  return new Date(utc).toISOString();
}

/** A calendar day as written (`YYYY-MM-DD`): the ledger's Date is a day, not an instant. */
export function parseDay(text: string, c: ValueConventions): string {
  const p = parseParts(text, c);
  return `${pad(p.y, 4)}-${pad(p.m)}-${pad(p.d)}`;
}

/**
 * A ledger summary period: `MM/YYYY` or `YYYY-MM` (monthly aggregation) or a full date (daily, weekly).
 * Returns the first day of the period and whether it is a month.
 */
export function parsePeriod(text: string, c: ValueConventions): { start: string; kind: 'month' | 'day' } {
  const t = text.trim();
  const monthFirst = /^(\d{1,2})[/.-](\d{4})$/.exec(t);
  const yearFirst = /^(\d{4})-(\d{1,2})$/.exec(t);
  if (monthFirst || yearFirst) {
    const month = Number(monthFirst ? monthFirst[1] : yearFirst![2]);
    const y = Number(monthFirst ? monthFirst[2] : yearFirst![1]);
    if (month < 1 || month > 12) throw new ValueError(`"${t}": month ${month} does not exist`);
    return { start: `${pad(y, 4)}-${pad(month)}-01`, kind: 'month' };
  }
  return { start: parseDay(t, c), kind: 'day' };
}

const INT4_MAX = 2_147_483_647;
const INTEGER_POINT = /^([+-])?(\d{1,3}(?:,\d{3})+|\d+)(?:\.0+)?$/;
const INTEGER_COMMA = /^([+-])?(\d{1,3}(?:\.\d{3})+|\d+)(?:,0+)?$/;

/** A whole number (quantities): `3`, `-16`, `+2`, `1,200`, `4.0`. */
export function parseInteger(text: string, c: ValueConventions): number {
  const t = text.trim();
  if (/^-?\d{1,9}$/.test(t)) return Number(t);
  const m = (c.decimalComma ? INTEGER_COMMA : INTEGER_POINT).exec(t);
  if (!m) throw new ValueError(`"${t}" is not a whole number`);
  const n = Number(m[2]!.replace(/[.,]/g, '')) * (m[1] === '-' ? -1 : 1);
  if (Math.abs(n) > INT4_MAX) throw new ValueError(`${t} is out of range`);
  return n;
}

const SYMBOLS = /^[$€£¥₹]|[$€£¥₹]$/g;
const PLAIN_AMOUNT = /^(-?)(\d{1,15})(?:\.(\d+))?$/;
const GROUPED_POINT = /^(\d{1,3}(,\d{3})+|\d*)$/;
const GROUPED_COMMA = /^(\d{1,3}(\.\d{3})+|\d*)$/;

function toMinor(text: string, whole: string, frac: string, currency: string): number {
  const digits = minorDigits(currency);
  if (frac.length > digits && /[1-9]/.test(frac.slice(digits))) {
    throw new ValueError(`"${text.trim()}" has more decimals than ${currency} has (${digits})`);
  }
  const minor = Number(whole || '0') * 10 ** digits + Number(frac.slice(0, digits).padEnd(digits, '0') || '0');
  if (!Number.isSafeInteger(minor)) throw new ValueError(`"${text.trim()}" is out of range`);
  return minor;
}

/**
 * A decimal amount in minor units of `currency`, exactly (never through a float): `12.99` → 1299 USD,
 * `-3,22` → -322 EUR with a decimal comma, `1.234,50` / `1,234.50` → 123450, `1500` → 1500 JPY.
 * With both marks present the last one is the decimal mark; a lone comma is a decimal mark only where the
 * marketplace writes one. More fraction digits than the currency has are refused unless they are zeros.
 */
export function parseMoney(text: string, currency: string, c: ValueConventions): number {
  const plain = PLAIN_AMOUNT.exec(text);
  if (plain) {
    const minor = toMinor(text, plain[2]!, plain[3] ?? '', currency);
    return plain[1] ? -minor : minor;
  }
  let t = text.trim().replace(/[\s\u00a0\u202f']/g, '').replace(SYMBOLS, '');
  if (t.toUpperCase().startsWith(currency)) t = t.slice(3);
  if (t.toUpperCase().endsWith(currency)) t = t.slice(0, -3);
  let negative = false;
  if (/^\(.*\)$/.test(t)) [negative, t] = [true, t.slice(1, -1)];
  if (/^[+-]/.test(t)) [negative, t] = [negative !== (t[0] === '-'), t.slice(1)];
  const lastDot = t.lastIndexOf('.');
  const lastComma = t.lastIndexOf(',');
  let decimalMark: '.' | ',' | null;
  if (lastDot >= 0 && lastComma >= 0) decimalMark = lastDot > lastComma ? '.' : ',';
  else if (lastComma >= 0) decimalMark = c.decimalComma || !/^\d{1,3}(,\d{3})+$/.test(t) ? ',' : null;
  else if (lastDot >= 0) decimalMark = c.decimalComma && /^\d{1,3}(\.\d{3}){2,}$/.test(t) ? null : '.';
  else decimalMark = null;
  let intPart = t;
  let frac = '';
  if (decimalMark) {
    const at = t.lastIndexOf(decimalMark);
    intPart = t.slice(0, at);
    frac = t.slice(at + 1);
  }
  const grouped = decimalMark === ',' || (decimalMark === null && c.decimalComma) ? GROUPED_COMMA : GROUPED_POINT;
  if (!/^\d*$/.test(frac) || !grouped.test(intPart) || (intPart === '' && frac === '')) {
    throw new ValueError(`"${text.trim()}" is not an amount`);
  }
  const minor = toMinor(text, intPart.replace(/[.,]/g, ''), frac, currency);
  return negative ? -minor : minor;
}

const TRUE = new Set(['true', 'yes', 'y', '1', 'ja', 'oui', 'si', 'sí', 't']);
const FALSE = new Set(['false', 'no', 'n', '0', 'nein', 'non', 'f']);

export function parseBoolean(text: string): boolean {
  const t = text.trim().toLowerCase();
  if (TRUE.has(t)) return true;
  if (FALSE.has(t)) return false;
  throw new ValueError(`"${text.trim()}" is not yes/no (true/false, Y/N)`);
}

/** An ISO 4217 code (`usd` → `USD`). */
export function parseCurrency(text: string): string {
  const t = text.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(t)) throw new ValueError(`"${text.trim()}" is not a currency code like USD or EUR`);
  return t;
}
