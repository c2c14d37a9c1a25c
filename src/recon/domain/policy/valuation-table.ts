/**
 * What Amazon owes per unit, by loss stage and date, as configuration (amazon-domain.md §3.4; source keys in
 * brackets resolve in its §9).
 *
 * The reference documents the US policy only. Every other marketplace uses the `fallbackMarketplace` (US) rules,
 * unverified. The date that selects a rule is the loss's event date, as for the demo ground truth; Amazon words
 * the change as "effective March 10, 2025, reimbursements … will be based on manufacturing cost", which dates
 * the reimbursement. Pass the reimbursement's approval date to `policyValue` when checking a payment made after
 * the change for a loss from before it.
 */

import type { IsoDay } from './days.ts';

export type ValueBasis = 'estimated_sale_price' | 'manufacturing_cost' | 'sale_price_minus_fees';

export interface ValuationRule {
  readonly stage: 'pre_order' | 'post_order';
  readonly region: string;
  readonly marketplaces: readonly string[];
  /** First day the rule applies (UTC, inclusive); null = the earliest rule known. */
  readonly effectiveFrom: IsoDay | null;
  readonly basis: ValueBasis;
  /** At most this much per unit, by currency (minor units). */
  readonly capPerUnitMinor?: Readonly<Record<string, number>>;
  /** What the rule says, for the explanation. */
  readonly description: string;
  readonly sources: readonly string[];
  readonly verified: boolean;
  readonly note?: string;
}

export interface ValuationTable {
  readonly fallbackMarketplace: string;
  readonly rules: readonly ValuationRule[];
}

export const VALUATION_NOTES = {
  cap: 'The per-item cap (5,000 USD; BR: 19,250 BRL) comes from an undated pre-2023 copy of the policy [3P-AMZDOC] and the BR help page [SC-POL-BR]; the US page in force before 2025-03-10 does not state it.',
  mfgDate: "Amazon's forum post dates the change 2025-03-10 [FORUM-MFG]; one third party says 2025-03-31 [3P-SPCTEK].",
  fallback: (marketplace: string, region: string): string => `The reference documents the ${region} valuation policy only; it is applied to ${marketplace} by assumption.`,
} as const;

export const DEFAULT_VALUATION: ValuationTable = Object.freeze({
  fallbackMarketplace: 'US',
  rules: Object.freeze([
    {
      stage: 'pre_order',
      region: 'US',
      marketplaces: ['US'],
      effectiveFrom: null,
      basis: 'estimated_sale_price',
      capPerUnitMinor: { USD: 500_000, BRL: 1_925_000 },
      description: 'units lost or damaged before a customer order are reimbursed at the estimated sale price (policy before 2025-03-10)',
      sources: ['SC-POL-US', '3P-AMZDOC'],
      verified: true,
    },
    {
      stage: 'pre_order',
      region: 'US',
      marketplaces: ['US'],
      effectiveFrom: '2025-03-10',
      basis: 'manufacturing_cost',
      description:
        'units lost or damaged before a customer order are reimbursed at manufacturing cost, the cost to source or produce the item without shipping, handling or customs (policy from 2025-03-10)',
      sources: ['FORUM-MFG', '3P-RIDGELINE'],
      verified: true,
      note: VALUATION_NOTES.mfgDate,
    },
    {
      stage: 'post_order',
      region: 'US',
      marketplaces: ['US'],
      effectiveFrom: null,
      basis: 'sale_price_minus_fees',
      description: 'units lost or damaged after a customer order are reimbursed at the sale price on the order minus applicable fees (unchanged in 2025)',
      sources: ['FORUM-MFG', 'SC-CRC-JP'],
      verified: true,
    },
  ] satisfies ValuationRule[]),
});
