/**
 * UTC calendar days for claim windows.
 *
 * Amazon states its windows in whole days ("no later than 60 days after …") and does not say in which time
 * zone it counts. We count UTC calendar days: an instant belongs to its UTC date, a window of N days after an
 * event on day D ends on day D + N (inclusive), and a deadline is the last instant of that UTC day. Callers who
 * hold a marketplace-local date ("11/21/2023" in a ledger file) pass it as `YYYY-MM-DD`.
 *
 * A day is handled as its day number: whole days since 1970-01-01 (UTC). Pure: no clock is read.
 */

/** `YYYY-MM-DD`, a UTC calendar date. */
export type IsoDay = string;

export const DAY_MS = 86_400_000;

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * Day number of an instant, of a `YYYY-MM-DD` date or of an ISO-8601 timestamp that carries its offset
 * (`2024-10-23T08:00:00+02:00` → its UTC date). Null for anything else (an impossible date such as
 * `2025-02-30`, a timestamp without an offset, an invalid Date).
 */
export function toDayNumber(value: Date | string): number | null {
  if (value instanceof Date) {
    const t = value.getTime();
    return Number.isFinite(t) ? Math.floor(t / DAY_MS) : null;
  }
  const text = value.trim();
  const m = ISO_DAY.exec(text);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const t = Date.UTC(y, mo - 1, d);
    const back = new Date(t);
    if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
    return t / DAY_MS;
  }
  if (ISO_INSTANT.test(text)) {
    const t = Date.parse(text);
    return Number.isFinite(t) ? Math.floor(t / DAY_MS) : null;
  }
  return null;
}

/** The `YYYY-MM-DD` of a day number. */
export function isoDay(day: number): IsoDay {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** First instant (00:00:00.000Z) of a day. */
export function startOfDay(day: number): Date {
  return new Date(day * DAY_MS);
}

/** Last instant (23:59:59.999Z) of a day: a deadline on that day is still met at this instant. */
export function endOfDay(day: number): Date {
  return new Date((day + 1) * DAY_MS - 1);
}

/** Calendar months later, the day clamped to the target month's length (2023-08-31 + 18 months = 2025-02-28). */
export function addMonths(day: number, months: number): number {
  const d = new Date(day * DAY_MS);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Date.UTC(y, m, Math.min(d.getUTCDate(), last)) / DAY_MS;
}
