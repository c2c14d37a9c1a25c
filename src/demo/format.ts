// Date arithmetic and the value formats of Amazon flat files. All dates are handled in UTC.

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

export function addMs(d: Date, ms: number): Date {
  return new Date(d.getTime() + Math.round(ms));
}

export function addHours(d: Date, hours: number): Date {
  return addMs(d, hours * HOUR_MS);
}

export function addDays(d: Date, days: number): Date {
  return addMs(d, days * DAY_MS);
}

/** Calendar months (UTC), clamping the day to the target month's length. */
export function addMonths(d: Date, months: number): Date {
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const day = Math.min(d.getUTCDate(), last);
  return new Date(Date.UTC(y, m, day, d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()));
}

function isWeekend(d: Date): boolean {
  const wd = d.getUTCDay();
  return wd === 0 || wd === 6;
}

/** Adds business days (Mon–Fri), keeping the time of day; the result is never on a weekend. */
export function addBusinessDays(d: Date, days: number): Date {
  let out = new Date(d.getTime());
  let left = days;
  while (left > 0) {
    out = addDays(out, 1);
    if (!isWeekend(out)) left--;
  }
  while (isWeekend(out)) out = addDays(out, 1);
  return out;
}

/** End of the UTC day (23:59:59). */
export function endOfDay(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), 23, 59, 59));
}

export function minDate(a: Date, b: Date): Date {
  return a.getTime() <= b.getTime() ? a : b;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** `2026-09-03T15:00:00+00:00` — Amazon's ISO-8601 with offset (returns, reimbursements, orders). */
export function isoOffset(d: Date): string {
  return `${isoDay(d)}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}+00:00`;
}

/** `2026-09-03 15:00:00 UTC` — settlement flat files (settlement and deposit dates, posted-date-time). */
export function settlementDateTime(d: Date): string {
  return `${isoDay(d)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} UTC`;
}

/** `2026-09-03` */
export function isoDay(d: Date): string {
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** `09/03/2026` — Inventory Ledger `Date` column. */
export function usDate(d: Date): string {
  return `${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}/${d.getUTCFullYear()}`;
}

/** Inbound shipment name as Seller Central makes it: `FBA (2/11/20, 11:18 AM) - 1`. */
export function shipmentNameDate(d: Date): string {
  const h = d.getUTCHours();
  const h12 = h % 12 === 0 ? 12 : h % 12;
  const yy = pad(d.getUTCFullYear() % 100);
  return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${yy}, ${h12}:${pad(d.getUTCMinutes())} ${h < 12 ? 'AM' : 'PM'}`;
}

/** Minor units → report decimal: 1299 → `12.99`, -650 → `-6.50`, 0 → `0.00`. */
export function decimal(minor: number): string {
  if (!Number.isInteger(minor)) throw new TypeError(`minor units must be integers: ${minor}`);
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / 100)}.${pad(abs % 100)}`;
}

/** Integer percentage of a minor amount, rounded half up (basis points). */
export function percentOf(minor: number, bps: number): number {
  return Math.floor((minor * bps + 5000) / 10000);
}

/** Money for humans in messages: `$24.99`, `24,99 €`. */
export function humanMoney(minor: number, currency: string): string {
  const d = decimal(minor);
  return currency === 'EUR' ? `${d.replace('.', ',')} €` : `$${d}`;
}
