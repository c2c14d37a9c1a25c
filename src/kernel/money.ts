/** Money as integer minor units plus an ISO 4217 currency code. Never a float. */
export interface Money {
  readonly amountMinor: number;
  readonly currency: string;
}

const MINOR_DIGITS: Readonly<Record<string, number>> = { JPY: 0, KRW: 0, HUF: 2, BHD: 3, KWD: 3 };

export function minorDigits(currency: string): number {
  return MINOR_DIGITS[currency] ?? 2;
}

export function money(amountMinor: number, currency: string): Money {
  if (!Number.isSafeInteger(amountMinor)) throw new RangeError(`money amount must be an integer number of minor units, got ${amountMinor}`);
  if (!/^[A-Z]{3}$/.test(currency)) throw new RangeError(`currency must be an ISO 4217 code, got "${currency}"`);
  return { amountMinor, currency };
}

/** Parses a decimal string as written in reports ("12.99", "-3.5", "1,234.50") into minor units, exactly. */
export function parseDecimalToMinor(text: string, currency: string): number | null {
  const t = text.trim().replace(/,(?=\d{3}(\D|$))/g, '');
  const m = /^([+-])?(\d*)(?:\.(\d*))?$/.exec(t);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return null;
  const digits = minorDigits(currency);
  const frac = (m[3] ?? '').padEnd(digits, '0');
  if (frac.length > digits && /[1-9]/.test(frac.slice(digits))) return null;
  const value = Number(m[2] || '0') * 10 ** digits + Number(frac.slice(0, digits) || '0');
  return m[1] === '-' ? -value : value;
}

export function formatMinor(amountMinor: number, currency: string): string {
  const digits = minorDigits(currency);
  const sign = amountMinor < 0 ? '-' : '';
  const abs = Math.abs(amountMinor);
  if (digits === 0) return `${sign}${abs}`;
  const s = String(abs).padStart(digits + 1, '0');
  return `${sign}${s.slice(0, -digits)}.${s.slice(-digits)}`;
}

export function addMoney(a: Money, b: Money): Money {
  if (a.currency !== b.currency) throw new RangeError(`cannot add ${a.currency} to ${b.currency}`);
  return money(a.amountMinor + b.amountMinor, a.currency);
}
