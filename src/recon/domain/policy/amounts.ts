/**
 * Integer minor-unit helpers for the policy layer: validation, the one rounding rule, and money as text.
 *
 * The minor-digit table mirrors `kernel/money.ts` (keep the two in step): the lint rule for `src/<module>/domain`
 * lets a nested folder such as `domain/policy` import neither kernel nor a sibling folder, so this folder is
 * self-contained.
 */

/** `{ ok: true, value }` or a string-literal error code with a message; the same shape as kernel's `Result`. */
export type PolicyResult<T, E extends string> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E; readonly message: string };

export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

export function fail<E extends string>(error: E, message: string): { readonly ok: false; readonly error: E; readonly message: string } {
  return { ok: false, error, message };
}

const MINOR_DIGITS: Readonly<Record<string, number>> = { JPY: 0, KRW: 0, HUF: 2, BHD: 3, KWD: 3 };

export function minorDigits(currency: string): number {
  return MINOR_DIGITS[currency] ?? 2;
}

export function isCurrency(code: string): boolean {
  return /^[A-Z]{3}$/.test(code);
}

export function isAmount(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 0;
}

/** `1250, 'USD'` → `12.50 USD`; `-5, 'USD'` → `-0.05 USD`; `1500, 'JPY'` → `1500 JPY`. */
export function formatAmount(amountMinor: number, currency: string): string {
  const digits = minorDigits(currency);
  const sign = amountMinor < 0 ? '-' : '';
  const abs = Math.abs(amountMinor);
  if (digits === 0) return `${sign}${abs} ${currency}`;
  const s = String(abs).padStart(digits + 1, '0');
  return `${sign}${s.slice(0, -digits)}.${s.slice(-digits)} ${currency}`;
}

/**
 * `totalMinor × part / whole`, rounded once, half away from zero (exact: BigInt arithmetic, no float step).
 * Use it to take `part` units' share of an order line or a fee total: `prorate(1000, 1, 3)` = 333,
 * `prorate(1000, 2, 3)` = 667, `prorate(5, 1, 2)` = 3, `prorate(-5, 1, 2)` = -3. Throws RangeError on a
 * non-integer total, a negative part, or a whole below 1.
 */
export function prorate(totalMinor: number, part: number, whole: number): number {
  if (!Number.isSafeInteger(totalMinor)) throw new RangeError(`total must be an integer number of minor units, got ${totalMinor}`);
  if (!Number.isSafeInteger(part) || part < 0) throw new RangeError(`part must be a non-negative integer, got ${part}`);
  if (!Number.isSafeInteger(whole) || whole < 1) throw new RangeError(`whole must be a positive integer, got ${whole}`);
  const n = BigInt(totalMinor) * BigInt(part);
  const d = BigInt(whole);
  const q = n / d;
  const r = n % d;
  const twice = (r < 0n ? -r : r) * 2n;
  const rounded = twice >= d ? q + (n < 0n ? -1n : 1n) : q;
  const out = Number(rounded);
  if (!Number.isSafeInteger(out)) throw new RangeError(`prorated amount ${rounded} is outside the safe integer range`);
  return out;
}

/** `unit × quantity`, or null when the product leaves the safe integer range. */
export function times(unitMinor: number, quantity: number): number | null {
  const v = unitMinor * quantity;
  return Number.isSafeInteger(v) ? v : null;
}

export function bracketed(sources: readonly string[]): string {
  return sources.map((s) => `[${s}]`).join('');
}
