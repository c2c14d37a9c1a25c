// Small readers for untrusted JSON payloads. Every failure is a ChannelInputError whose `field` is the path of
// the offending value (e.g. "line_items[2].price"), so a rejected webhook says exactly what was wrong.
// Shared by the Shopify, TikTok and Meta adapters.
import { ChannelInputError } from '../types.ts';

export type JsonObject = { readonly [key: string]: unknown };

/** "a" + "b" -> "a.b"; "" + "b" -> "b"; "a" + 2 -> "a[2]". */
export function at(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path === '' ? key : `${path}.${key}`;
}

function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (typeof v === 'object') return 'an object';
  return `${typeof v} ${String(v)}`;
}

function fail(path: string, expected: string, v: unknown): never {
  throw new ChannelInputError(`${path || 'payload'}: expected ${expected}, got ${describe(v)}`, path || null);
}

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function obj(v: unknown, path: string): JsonObject {
  if (!isObject(v)) fail(path, 'an object', v);
  return v;
}

export function optObj(v: unknown, path: string): JsonObject | null {
  return v === null || v === undefined ? null : obj(v, path);
}

export function arr(v: unknown, path: string): readonly unknown[] {
  if (!Array.isArray(v)) fail(path, 'an array', v);
  return v;
}

/** A missing or null array reads as empty. */
export function optArr(v: unknown, path: string): readonly unknown[] {
  return v === null || v === undefined ? [] : arr(v, path);
}

/** A non-empty string. */
export function str(v: unknown, path: string): string {
  if (typeof v !== 'string' || v.trim() === '') fail(path, 'a non-empty string', v);
  return v;
}

/** A string, or null when missing, null or blank. */
export function optStr(v: unknown, path: string): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v !== 'string') fail(path, 'a string', v);
  return v.trim() === '' ? null : v;
}

/** A decimal amount as text: Shopify and TikTok send strings; a JSON number is accepted as its shortest decimal text. */
export function amountText(v: unknown, path: string): string {
  if (typeof v === 'string' && v.trim() !== '') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  fail(path, 'a decimal amount', v);
}

export function optAmountText(v: unknown, path: string): string | null {
  return v === null || v === undefined || v === '' ? null : amountText(v, path);
}

const DIGITS = /^\d+$/;

/**
 * A numeric id as text. Accepts a digit string or a JSON number that is a safe integer; a number above 2^53 has
 * already lost digits in JSON.parse, so it is refused (parse raw bodies with `parseJsonKeepingBigInts`).
 */
export function idText(v: unknown, path: string): string {
  if (typeof v === 'string' && DIGITS.test(v)) return v;
  if (typeof v === 'number') {
    if (Number.isSafeInteger(v) && v >= 0) return String(v);
    if (Number.isInteger(v)) throw new ChannelInputError(`${path}: id ${v} is above 2^53 and lost precision in JSON.parse; parse the raw body with parseJsonKeepingBigInts`, path);
  }
  fail(path, 'a numeric id', v);
}

export function optIdText(v: unknown, path: string): string | null {
  return v === null || v === undefined || v === '' ? null : idText(v, path);
}

/** An ISO-8601 timestamp (with offset or Z). */
export function isoDate(v: unknown, path: string): Date {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}T/.test(v)) fail(path, 'an ISO-8601 timestamp', v);
  const d = new Date(v);
  if (Number.isNaN(d.getTime())) fail(path, 'an ISO-8601 timestamp', v);
  return d;
}

export function optIsoDate(v: unknown, path: string): Date | null {
  return v === null || v === undefined || v === '' ? null : isoDate(v, path);
}

/** Unix seconds as a number or digit string (TikTok). */
export function unixSeconds(v: unknown, path: string): Date {
  const n = typeof v === 'string' && DIGITS.test(v) ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) fail(path, 'a Unix timestamp in seconds', v);
  return new Date(n * 1000);
}

/** Unix seconds; null when missing or 0 (TikTok sends 0 for "not yet"). */
export function optUnixSeconds(v: unknown, path: string): Date | null {
  if (v === null || v === undefined || v === 0 || v === '0' || v === '') return null;
  return unixSeconds(v, path);
}

export function int(v: unknown, path: string, min: number): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min) fail(path, `an integer >= ${min}`, v);
  return v;
}

/**
 * JSON.parse that keeps integers above 2^53 exact by turning them into digit strings before parsing
 * (Shopify's canonical test order id 820982911946154508 would otherwise become ...500). Strings are left alone.
 */
export function parseJsonKeepingBigInts(text: string | Uint8Array, field = 'body'): unknown {
  const s = typeof text === 'string' ? text : Buffer.from(text).toString('utf8');
  let out = '';
  let last = 0;
  let i = 0;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c === 34) {
      // a string literal: skip it, honouring escapes
      i++;
      while (i < s.length) {
        const d = s.charCodeAt(i);
        if (d === 92) i += 2;
        else if (d === 34) {
          i++;
          break;
        } else i++;
      }
    } else if (c === 45 || (c >= 48 && c <= 57)) {
      const start = i;
      i++;
      while (i < s.length && /[0-9eE.+-]/.test(s.charAt(i))) i++;
      const token = s.slice(start, i);
      if (/^-?\d{16,}$/.test(token) && !Number.isSafeInteger(Number(token))) {
        out += `${s.slice(last, start)}"${token}"`;
        last = i;
      }
    } else i++;
  }
  try {
    return JSON.parse(out + s.slice(last)) as unknown;
  } catch (e) {
    throw new ChannelInputError(`${field} is not valid JSON: ${(e as Error).message}`, field);
  }
}
