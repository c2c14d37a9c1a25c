/**
 * Supplier (manufacturing) cost per SKU with effective dates — the basis Amazon uses from 2025-03-10 for units
 * lost or damaged before a customer order (amazon-domain.md §3.4).
 */

import { toDayNumber, type IsoDay } from './days.ts';

export interface SupplierCost {
  readonly sku: string;
  readonly costMinor: number;
  readonly currency: string;
  /** First day (UTC, inclusive) the cost applies: `YYYY-MM-DD` or an instant. */
  readonly effectiveFrom: IsoDay | Date;
}

/**
 * The cost of `sku` in force on `date`'s UTC day: the row with the latest `effectiveFrom` on or before it.
 * With `currency`, only rows in that currency count (a SKU bought for two marketplaces). Two rows for the same
 * SKU and day: the later one in the list wins (a corrected upload replaces the earlier row). SKUs match
 * exactly. Rows whose `effectiveFrom` is not a date are ignored. Null when no row applies yet.
 * Throws RangeError when `date` itself is not a date.
 */
export function costAt<T extends SupplierCost>(costs: readonly T[], sku: string, date: Date | string, currency?: string): T | null {
  const day = toDayNumber(date);
  if (day === null) throw new RangeError(`date must be a valid date or YYYY-MM-DD, got "${String(date)}"`);
  let best: T | null = null;
  let bestFrom = Number.NEGATIVE_INFINITY;
  for (const row of costs) {
    if (row.sku !== sku || (currency !== undefined && row.currency !== currency)) continue;
    const from = toDayNumber(row.effectiveFrom);
    if (from === null || from > day) continue;
    if (from >= bestFrom) {
      best = row;
      bestFrom = from;
    }
  }
  return best;
}
