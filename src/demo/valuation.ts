// What a unit is worth in a reimbursement (amazon-domain.md §3.4), in minor units.

import { percentOf } from './format.ts';
import type { AccountKey, DemoProduct } from './types.ts';

const US_MFG_COST_FROM = Date.UTC(2025, 2, 10); // Mar 10 2025 [FORUM-MFG]
export const REFERRAL_FEE_BPS = 1500;

export interface UnitValue {
  valueMinor: number;
  basis: string;
}

/** Units lost/damaged before a customer order (inbound, FC operations, removals). */
export function preOrderUnitValue(product: DemoProduct, account: AccountKey, eventDate: Date): UnitValue {
  if (account === 'amazon-de') {
    return { valueMinor: product.unitCostMinor.EUR, basis: 'manufacturing cost (US rule from 2025-03-10 assumed for EU; §3.4 documents US only)' };
  }
  if (eventDate.getTime() >= US_MFG_COST_FROM) {
    return { valueMinor: product.unitCostMinor.USD, basis: 'manufacturing cost (US policy from 2025-03-10, §3.4)' };
  }
  return { valueMinor: product.listPriceMinor['amazon-us'], basis: 'estimated sale price (US policy before 2025-03-10, §3.4)' };
}

/** The 15 % referral fee (settlement `Commission`) of one unit sold at `unitPriceMinor`, rounded half up. */
export function referralFeeMinor(unitPriceMinor: number): number {
  return percentOf(unitPriceMinor, REFERRAL_FEE_BPS);
}

/** Units lost/damaged after a customer order: sales price minus the 15 % referral fee. */
export function afterOrderUnitValue(unitPriceMinor: number): UnitValue {
  return {
    valueMinor: unitPriceMinor - referralFeeMinor(unitPriceMinor),
    basis: 'order sales price minus 15 % referral fee (§3.4: "sales price on the original order minus applicable fees")',
  };
}
