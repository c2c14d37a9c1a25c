/**
 * Ranking of claim cases by value × urgency, for the recovery screen.
 *
 *   score = value × k / (daysLeft + k)        (k = 14 by default)
 *
 * `value` is the case value in major units (minor units / 10^digits), times `rates[currency]` when a rate is
 * given (one major unit's worth in a common currency; without rates, currencies are compared 1:1, so pass
 * rates for a mixed-currency list). `daysLeft` is the whole UTC days to the deadline day (0 on the last day).
 * The urgency factor k / (daysLeft + k) is 1 on the last day, 1/2 with k days left, and falls slowly after:
 * a 100-unit case due today outranks a 199-unit case due in 14 days, a 201-unit one does not.
 * An expired case (deadline day before today) scores 0 and is flagged; so does a case worth nothing.
 * The score is for ordering only, never money.
 *
 * Order (`compareRanked`): live before expired, then score descending, then deadline ascending, then value
 * descending, then id ascending (code-unit order), so equal inputs always come out in the same order.
 */

import { toDayNumber } from './days.ts';
import { minorDigits } from './amounts.ts';

export const DEFAULT_URGENCY_DAYS = 14;

export interface RankOptions {
  /** The k of the formula: days left at which urgency halves. Positive. */
  readonly k?: number;
  /** One major unit of a currency in a common currency (`{ USD: 1, EUR: 1.08, JPY: 0.0067 }`). */
  readonly rates?: Readonly<Record<string, number>>;
}

export interface RankInput {
  readonly valueMinor: number;
  readonly currency: string;
  /** The deadline: its instant or `YYYY-MM-DD` (the window's `deadline` or `deadlineOn`). */
  readonly deadline: Date | string;
  readonly now: Date;
}

export interface RankScore {
  readonly score: number;
  readonly daysLeft: number;
  readonly expired: boolean;
  /** The value the score starts from: major units, converted when a rate was given. */
  readonly comparableValue: number;
  /** A rate was found for the currency. */
  readonly converted: boolean;
}

function day(value: Date | string, what: string): number {
  const d = toDayNumber(value);
  if (d === null) throw new RangeError(`${what} must be a valid date or YYYY-MM-DD, got "${String(value)}"`);
  return d;
}

export function rankScore(input: RankInput, options: RankOptions = {}): RankScore {
  const k = options.k ?? DEFAULT_URGENCY_DAYS;
  if (!(k > 0) || !Number.isFinite(k)) throw new RangeError(`k must be a positive number, got ${k}`);
  if (!Number.isSafeInteger(input.valueMinor)) throw new RangeError(`valueMinor must be an integer, got ${input.valueMinor}`);
  const daysLeft = day(input.deadline, 'deadline') - day(input.now, 'now');
  const rate = options.rates?.[input.currency];
  const comparableValue = (input.valueMinor / 10 ** minorDigits(input.currency)) * (rate ?? 1);
  const expired = daysLeft < 0;
  const score = expired || comparableValue <= 0 ? 0 : (comparableValue * k) / (daysLeft + k);
  return { score, daysLeft, expired, comparableValue, converted: rate !== undefined };
}

export interface RankableCase {
  readonly id: string;
  readonly valueMinor: number;
  readonly currency: string;
  readonly deadline: Date | string;
}

export type Ranked<T> = T & { readonly rank: RankScore };

export function compareRanked(a: Ranked<RankableCase>, b: Ranked<RankableCase>): number {
  if (a.rank.expired !== b.rank.expired) return a.rank.expired ? 1 : -1;
  if (a.rank.score !== b.rank.score) return b.rank.score - a.rank.score;
  if (a.rank.daysLeft !== b.rank.daysLeft) return a.rank.daysLeft - b.rank.daysLeft;
  if (a.rank.comparableValue !== b.rank.comparableValue) return b.rank.comparableValue - a.rank.comparableValue;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The cases with their scores, best first (see the order above). The input is not changed. */
export function rankCases<T extends RankableCase>(cases: readonly T[], now: Date, options: RankOptions = {}): Ranked<T>[] {
  return cases
    .map((c) => ({ ...c, rank: rankScore({ valueMinor: c.valueMinor, currency: c.currency, deadline: c.deadline, now }, options) }))
    .sort(compareRanked);
}
