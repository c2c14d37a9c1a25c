/**
 * Business calendars: when the SLA clock runs.
 *
 * A calendar is either `always` (24/7, no holidays — how Amazon measures its 24-hour response rule, weekends and
 * holidays included) or a business calendar: an IANA time zone, weekly opening hours (several intervals a day),
 * and holidays (whole days closed, or a partial day that replaces that day's weekly hours).
 *
 * Pure: time-zone math uses `Intl.DateTimeFormat` with `timeZone`; nothing reads the clock. Instants are UTC
 * milliseconds; opening hours are wall-clock times in the calendar's zone, turned into instants day by day, so
 * a day may hold 23 or 25 real hours (DST) and every result is real elapsed time.
 *
 * Wall times that a DST change skips or repeats: an hours bound `HH:MM` on a date is "the earliest instant at
 * which the local clock shows HH:MM or later on that date". In the spring-forward gap that is the instant of the
 * change (Berlin 02:30 on the last Sunday of March → 03:00 CEST); in the fall-back repeat it is the first
 * occurrence (Berlin 02:30 on the last Sunday of October → 02:30 CEST). `24:00` is the next day's 00:00.
 */

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

/** A calendar with no business time for this many consecutive days is refused (it would never reach a deadline). */
export const MAX_CLOSED_DAYS = 366;
/** Loops over days stop after this many days (20 years): an answer further away than that is refused. */
export const MAX_SCAN_DAYS = 7_305;

export type Weekday = 'sun' | 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat';
/** Indexed like `Date#getUTCDay()`. */
export const WEEKDAYS: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** Opening hours as local wall-clock times `HH:MM`, start inclusive, end exclusive; `end` may be `24:00`. */
export interface HoursInterval {
  readonly start: string;
  readonly end: string;
}

/**
 * A holiday. `date` is `YYYY-MM-DD` (that date only) or `MM-DD` (every year; a `YYYY-MM-DD` entry for the same
 * day wins). Without `hours` (or with `[]`) the whole day is closed; with `hours` they replace the weekly hours of
 * that day (e.g. Christmas Eve 09:00–12:00).
 */
export interface Holiday {
  readonly date: string;
  readonly name?: string;
  readonly hours?: readonly HoursInterval[];
}

export interface BusinessCalendar {
  readonly kind: 'business';
  readonly id: string;
  readonly name?: string;
  /** IANA zone, e.g. `Europe/Berlin`. */
  readonly timeZone: string;
  readonly weekly: Readonly<Partial<Record<Weekday, readonly HoursInterval[]>>>;
  readonly holidays?: readonly Holiday[];
}

export interface AlwaysCalendar {
  readonly kind: 'always';
  readonly id: 'always';
}

export type Calendar = AlwaysCalendar | BusinessCalendar;

/** 24/7, no holidays. */
export const ALWAYS: AlwaysCalendar = Object.freeze({ kind: 'always', id: 'always' });

export type SlaErrorCode = 'invalid_calendar' | 'no_business_hours' | 'out_of_range' | 'bad_input';

/** Thrown by the SLA functions on bad input; `validateCalendar` / `validatePolicies` return problems as values. */
export class SlaError extends Error {
  constructor(
    readonly code: SlaErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SlaError';
  }
}

/** Structurally the kernel's `Result` (domain/sla may import only its own files). */
export type CalendarCheck = { ok: true; value: BusinessCalendar } | { ok: false; error: 'bad_input'; message: string; details: readonly string[] };

// ---------------------------------------------------------------------------------------------------------------
// Time-zone math

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall clock in `timeZone` at instant `t` (whole seconds), written as if it were UTC. */
function rawWallAt(timeZone: string, t: number): number {
  let y = 0;
  let mo = 1;
  let d = 1;
  let h = 0;
  let mi = 0;
  let s = 0;
  for (const p of formatter(timeZone).formatToParts(t)) {
    switch (p.type) {
      case 'year': y = Number(p.value); break;
      case 'month': mo = Number(p.value); break;
      case 'day': d = Number(p.value); break;
      case 'hour': h = Number(p.value); break;
      case 'minute': mi = Number(p.value); break;
      case 'second': s = Number(p.value); break;
      default: break;
    }
  }
  return Date.UTC(y, mo - 1, d, h === 24 ? 0 : h, mi, s) + (h === 24 ? DAY : 0);
}

function exactOffset(timeZone: string, t: number): number {
  const whole = t - (((t % 1000) + 1000) % 1000);
  return rawWallAt(timeZone, whole) - whole;
}

const OFFSET_CACHE_LIMIT = 100_000;
/** Per zone and UTC hour: the offset when it is the same at both ends of the hour, else null (compute exactly). */
const offsetCache = new Map<string, Map<number, number | null>>();

/** UTC offset (ms) of `timeZone` at instant `t`. */
function offsetAt(timeZone: string, t: number): number {
  let zone = offsetCache.get(timeZone);
  if (!zone) offsetCache.set(timeZone, (zone = new Map()));
  const bucket = Math.floor(t / HOUR);
  let hit = zone.get(bucket);
  if (hit === undefined) {
    const a = exactOffset(timeZone, bucket * HOUR);
    hit = a === exactOffset(timeZone, bucket * HOUR + HOUR - 1000) ? a : null;
    if (zone.size >= OFFSET_CACHE_LIMIT) zone.clear();
    zone.set(bucket, hit);
  }
  return hit ?? exactOffset(timeZone, t);
}

/** The wall clock in `timeZone` at instant `t`, written as if it were UTC. */
function wallAt(timeZone: string, t: number): number {
  return t + offsetAt(timeZone, t);
}

/** Local calendar date of instant `t`, as days since 1970-01-01. */
function localDay(timeZone: string, t: number): number {
  return Math.floor(wallAt(timeZone, t) / DAY);
}

/**
 * The earliest instant at which the local clock in `timeZone` shows `wall` (a wall time written as UTC ms) or
 * later: the first occurrence in a fall-back repeat, the instant of the change in a spring-forward gap.
 */
function wallToInstant(timeZone: string, wall: number): number {
  const before = offsetAt(timeZone, wall - DAY);
  const after = offsetAt(timeZone, wall + DAY);
  let best = Infinity;
  for (const candidate of before === after ? [wall - before] : [wall - before, wall - after]) {
    if (offsetAt(timeZone, candidate) === wall - candidate && candidate < best) best = candidate;
  }
  if (best !== Infinity) return best;
  // A gap: the wall clock jumps over `wall`. Find the change between the two candidates (to the second).
  let lo = Math.min(wall - before, wall - after);
  let hi = Math.max(wall - before, wall - after);
  while (hi - lo > 1000) {
    const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
    if (wallAt(timeZone, mid) >= wall) hi = mid;
    else lo = mid;
  }
  return hi;
}

// ---------------------------------------------------------------------------------------------------------------
// Compiling a calendar: validated once, then cached (a WeakMap: no observable state).

type Span = readonly [number, number]; // minutes of the local day, [start, end)

interface Compiled {
  readonly timeZone: string;
  readonly label: string;
  readonly weekly: readonly (readonly Span[])[]; // by getUTCDay()
  readonly dated: ReadonlyMap<string, readonly Span[]>; // 'YYYY-MM-DD'
  readonly yearly: ReadonlyMap<string, readonly Span[]>; // 'MM-DD'
  readonly days: Map<number, readonly (readonly [number, number])[]>; // local day → instants
}

const compiledCache = new WeakMap<BusinessCalendar, Compiled>();
const DAY_CACHE_LIMIT = 4_096;

function parseTime(text: string, isEnd: boolean, problems: string[], where: string): number | null {
  const m = /^(\d{2}):(\d{2})$/.exec(text);
  const h = m ? Number(m[1]) : NaN;
  const mi = m ? Number(m[2]) : NaN;
  if (!m || mi > 59 || h > 24 || (h === 24 && (mi !== 0 || !isEnd))) {
    problems.push(`${where}: "${text}" is not a time HH:MM${isEnd ? ' (00:00–24:00)' : ' (00:00–23:59)'}`);
    return null;
  }
  return h * 60 + mi;
}

function parseSpans(intervals: readonly HoursInterval[] | undefined, problems: string[], where: string): Span[] {
  if (intervals === undefined) return [];
  if (!Array.isArray(intervals)) {
    problems.push(`${where}: hours must be a list of {start, end}`);
    return [];
  }
  const spans: [number, number][] = [];
  for (const iv of intervals) {
    const s = parseTime(String(iv?.start), false, problems, where);
    const e = parseTime(String(iv?.end), true, problems, where);
    if (s === null || e === null) continue;
    if (s >= e) {
      problems.push(`${where}: ${iv.start}–${iv.end} ends before it starts (split an overnight shift at 24:00)`);
      continue;
    }
    spans.push([s, e]);
  }
  // Union of the intervals: overlapping or touching ones become one.
  spans.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const sp of spans) {
    const last = merged[merged.length - 1];
    if (last && sp[0] <= last[1]) last[1] = Math.max(last[1], sp[1]);
    else merged.push([sp[0], sp[1]]);
  }
  return merged;
}

function isRealDate(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(2000, m - 1, d));
  t.setUTCFullYear(y);
  return t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

function compileChecked(cal: BusinessCalendar): { compiled: Compiled | null; problems: string[]; noHours: boolean } {
  const problems: string[] = [];
  const label = `calendar "${String(cal?.id)}"`;
  if (!cal || cal.kind !== 'business') return { compiled: null, problems: [`${label}: kind must be "business"`], noHours: false };
  if (typeof cal.id !== 'string' || cal.id === '' || cal.id === 'always') problems.push(`${label}: id must be a non-empty string other than "always"`);
  let zoneOk = typeof cal.timeZone === 'string' && cal.timeZone !== '';
  if (zoneOk) {
    try {
      formatter(cal.timeZone);
    } catch {
      zoneOk = false;
    }
  }
  if (!zoneOk) problems.push(`${label}: "${String(cal.timeZone)}" is not an IANA time zone`);
  const weekly = WEEKDAYS.map((day) => parseSpans(cal.weekly?.[day], problems, `${label} ${day}`));
  for (const key of Object.keys(cal.weekly ?? {})) {
    if (!(WEEKDAYS as readonly string[]).includes(key)) problems.push(`${label}: "${key}" is not a weekday (sun…sat)`);
  }
  const noHours = weekly.every((spans) => spans.length === 0);
  if (noHours) problems.push(`${label} has no weekly business hours: use the "always" calendar for 24/7, or add hours`);
  const dated = new Map<string, Span[]>();
  const yearly = new Map<string, Span[]>();
  for (const h of cal.holidays ?? []) {
    const where = `${label} holiday ${String(h?.date)}`;
    const full = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(h?.date));
    const annual = /^(\d{2})-(\d{2})$/.exec(String(h?.date));
    if (full && isRealDate(Number(full[1]), Number(full[2]), Number(full[3]))) dated.set(h.date, parseSpans(h.hours, problems, where));
    else if (annual && isRealDate(2000, Number(annual[1]), Number(annual[2]))) yearly.set(h.date, parseSpans(h.hours, problems, where));
    else problems.push(`${where}: date must be YYYY-MM-DD or MM-DD (every year)`);
  }
  if (problems.length > 0) return { compiled: null, problems, noHours };
  return { compiled: { timeZone: cal.timeZone, label, weekly, dated, yearly, days: new Map() }, problems, noHours };
}

function compile(cal: BusinessCalendar): Compiled {
  const hit = compiledCache.get(cal);
  if (hit) return hit;
  const { compiled, problems, noHours } = compileChecked(cal);
  if (!compiled) {
    throw new SlaError(noHours && problems.length === 1 ? 'no_business_hours' : 'invalid_calendar', problems.join('; '));
  }
  compiledCache.set(cal, compiled);
  return compiled;
}

/** A validated business calendar (throws SlaError on a bad zone, time, date, or no weekly hours). */
export function defineCalendar(input: Omit<BusinessCalendar, 'kind'>): BusinessCalendar {
  const cal: BusinessCalendar = { kind: 'business', ...input };
  compile(cal);
  return cal;
}

/** Checks a calendar (time zone, times, dates, at least one weekly interval) without throwing. */
export function validateCalendar(cal: BusinessCalendar): CalendarCheck {
  const { compiled, problems } = compileChecked(cal);
  if (!compiled) return { ok: false, error: 'bad_input', message: problems.join('; '), details: problems };
  return { ok: true, value: cal };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Open intervals of one local day, as instants [start, end), sorted, non-empty. */
function dayIntervals(c: Compiled, day: number): readonly (readonly [number, number])[] {
  const hit = c.days.get(day);
  if (hit) return hit;
  const date = new Date(day * DAY);
  const mmdd = `${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  const iso = `${String(date.getUTCFullYear()).padStart(4, '0')}-${mmdd}`;
  const spans = c.dated.get(iso) ?? c.yearly.get(mmdd) ?? c.weekly[date.getUTCDay()] ?? [];
  const out: [number, number][] = [];
  for (const [s, e] of spans) {
    const start = wallToInstant(c.timeZone, day * DAY + s * MINUTE);
    const end = wallToInstant(c.timeZone, day * DAY + e * MINUTE);
    if (end > start) out.push([start, end]);
  }
  if (c.days.size >= DAY_CACHE_LIMIT) c.days.clear();
  c.days.set(day, out);
  return out;
}

/**
 * Open intervals that end after `from`, in order, day by day. Stops after local day `lastDay` when given;
 * throws when the calendar stays closed for MAX_CLOSED_DAYS days or the scan passes MAX_SCAN_DAYS.
 */
function* openIntervals(c: Compiled, from: number, lastDay?: number): Generator<readonly [number, number]> {
  const firstDay = localDay(c.timeZone, from);
  let closedRun = 0;
  for (let day = firstDay; lastDay === undefined || day <= lastDay; day++) {
    if (day - firstDay > MAX_SCAN_DAYS) throw new SlaError('out_of_range', `${c.label}: no answer within ${MAX_SCAN_DAYS} days of ${new Date(from).toISOString()}`);
    const ivs = dayIntervals(c, day);
    if (ivs.length === 0) {
      closedRun += 1;
      if (closedRun > MAX_CLOSED_DAYS) throw new SlaError('no_business_hours', `${c.label} has no business hours in the ${MAX_CLOSED_DAYS} days after ${new Date((day - closedRun + 1) * DAY).toISOString().slice(0, 10)} (holidays cover every opening)`);
      continue;
    }
    closedRun = 0;
    for (const iv of ivs) if (iv[1] > from) yield iv;
  }
}

function instant(d: Date, what: string): number {
  const t = d instanceof Date ? d.getTime() : NaN;
  if (!Number.isFinite(t)) throw new SlaError('bad_input', `${what} is not a valid date`);
  return t;
}

// ---------------------------------------------------------------------------------------------------------------
// The API

/**
 * The instant at which `durationMs` of business time has passed since `start`. A start outside business hours
 * begins counting at the next opening; a deadline that falls exactly on a closing time is that closing time
 * (not the next opening). `durationMs = 0` gives the next opening (or `start` when open).
 */
export function addBusinessTime(calendar: Calendar, start: Date, durationMs: number): Date {
  const from = instant(start, 'start');
  if (!Number.isFinite(durationMs) || durationMs < 0) throw new SlaError('bad_input', `duration must be a finite number of ms ≥ 0, got ${durationMs}`);
  if (calendar.kind === 'always') return new Date(from + durationMs);
  let left = durationMs;
  for (const [s, e] of openIntervals(compile(calendar), from)) {
    const begin = Math.max(s, from);
    if (left <= e - begin) return new Date(begin + left);
    left -= e - begin;
  }
  /* c8 ignore next */
  throw new SlaError('out_of_range', 'unreachable');
}

/** Business time (ms) between two instants; negative when `to` is before `from`. */
export function businessTimeBetween(calendar: Calendar, from: Date, to: Date): number {
  const a = instant(from, 'from');
  const b = instant(to, 'to');
  if (b < a) return -businessTimeBetween(calendar, to, from);
  if (calendar.kind === 'always') return b - a;
  const c = compile(calendar);
  let total = 0;
  for (const [s, e] of openIntervals(c, a, localDay(c.timeZone, b))) {
    if (s >= b) break;
    total += Math.min(e, b) - Math.max(s, a);
  }
  return total;
}

/** Whether the calendar is open at `at` (intervals are [start, end): open at an opening, closed at a closing). */
export function isOpen(calendar: Calendar, at: Date): boolean {
  const t = instant(at, 'at');
  if (calendar.kind === 'always') return true;
  const c = compile(calendar);
  return dayIntervals(c, localDay(c.timeZone, t)).some(([s, e]) => s <= t && t < e);
}

/** The first instant at or after `at` when the calendar is open (`at` itself when it is open then). */
export function nextOpening(calendar: Calendar, at: Date): Date {
  const t = instant(at, 'at');
  if (calendar.kind === 'always') return new Date(t);
  for (const [s] of openIntervals(compile(calendar), t)) return new Date(Math.max(s, t));
  /* c8 ignore next */
  throw new SlaError('out_of_range', 'unreachable');
}

