/**
 * Manual-claim windows as configuration: which window applies to a claim kind in a marketplace, and from when
 * (amazon-domain.md §3.2; source keys in brackets resolve in its §9).
 *
 * `effectiveFrom` is the first FILING day a rule governs, not the first event day. Amazon's changes apply to
 * claims filed from the change date, whatever the event's age: "Ensure that you submit past claims before
 * September 5, 2024" (Amazon AE notice [FORUM-AE-2024]); the US post "the new policy will go into effect on
 * October 23" [FORUM-US-2024], after which a loss reported in, say, June 2024 can no longer be claimed although
 * its old 18-month window had a year to run. `claimWindow` therefore lays the event's window under each rule
 * over the days that rule was in force (see claim-window.ts).
 *
 * `verified: false` marks a window that no Amazon source confirms for that marketplace and period: facts the
 * reference marks UNVERIFIED, windows taken from another marketplace, anchors the source does not state, and
 * change dates known only from third parties. Every such rule carries a `note` saying why; the UI shows it.
 *
 * A marketplace without a rule for a kind takes the chain of `fallbackMarketplace` (US), unverified. A chain
 * that starts at a date (AE: 2024-09-05) takes the fallback's rules for the filing days before it.
 */

import type { IsoDay } from './days.ts';
import { EU_MARKETPLACES, KIND_INFO, type Anchor, type ClaimKind } from './kinds.ts';

export type DeadlineSpan = { readonly days: number } | { readonly months: number };

export interface WindowRule {
  readonly kind: ClaimKind;
  /** Display name of the marketplace group (`US`, `EU`, `UK`, `EU excl. UK`, `AE`, `CA`, `JP`). */
  readonly region: string;
  readonly marketplaces: readonly string[];
  /** First filing day this rule governs; null = the earliest rule known (in force since before any change). */
  readonly effectiveFrom: IsoDay | null;
  /** Claims may not be filed before this many days after the anchor date; null = from the anchor date on. */
  readonly opensAfterDays: number | null;
  /** Last filing day, counted from the anchor date (inclusive). */
  readonly deadline: DeadlineSpan;
  readonly anchor: Anchor;
  /** Source keys of amazon-domain.md §9. */
  readonly sources: readonly string[];
  readonly verified: boolean;
  /** Why the rule is unverified, or another caveat; required when `verified` is false. */
  readonly note?: string;
}

export interface WindowTable {
  readonly fallbackMarketplace: string;
  readonly rules: readonly WindowRule[];
}

const US = ['US'];
const UK = ['UK'];
const EU = [...EU_MARKETPLACES];
const EU_EXCL_UK = EU_MARKETPLACES.filter((m) => m !== 'UK');
const FC: readonly ClaimKind[] = ['fc_lost', 'fc_damaged'];
const RETURNS: readonly ClaimKind[] = ['customer_return_not_returned', 'customer_return_damaged'];
const AMOUNTS: readonly ClaimKind[] = ['underpaid_reimbursement', 'reversal_dispute'];

const US_CHANGE = '2024-10-23'; // [FORUM-US-2024]
const AE_CHANGE = '2024-09-05'; // [FORUM-AE-2024]
const EU_CHANGE = '2025-01-09'; // third-party dating [3P-IWEAVER]

export const WINDOW_NOTES = {
  usInbound:
    'UNVERIFIED (reference §10, open point 1): Amazon\'s October-2024 list leaves out Shipment-to-Amazon claims. 15-60 days from delivery is a 2026 third party\'s figure [3P-REFUNZO], the same as Amazon AE\'s 2024 rule; that it took effect on 2024-10-23 with the other US windows is assumed.',
  usInboundOld: 'The source gives 9 months without saying from which date; the delivery of the shipment is assumed.',
  euDate:
    'The window is Amazon Europe\'s announcement [FORUM-EU]; its effective date 2025-01-09 comes from a third party [3P-IWEAVER] (another third party says 2025-01-15).',
  ukPage: "Amazon's UK help page [SC-FCO-UK], applied to the other European marketplaces by assumption.",
  euReturnsOld:
    'No European source for the window before the change; the 45 days to 18 months of Amazon\'s US (2020), CA and JP pages is assumed.',
  removalUkAnchors:
    "Amazon's UK page [SC-REMOVAL-UK] counts the opening from the last confirmed carrier movement and the 18 months from the removal; both are counted from the removal shipment here.",
  removalUsOld: "Only Amazon's UK page [SC-REMOVAL-UK] states the removal windows before the change; applied to the US by assumption.",
  notShipped:
    'Units requested for removal but never shipped: no published window. The deadline of "all other removal claims" (US from 2024-10-23: 60 days after delivery) counted from the closing of the removal order is assumed.',
  inspection:
    'Amazon publishes no separate window for disputing a SELLABLE grade. Re-inspection or removal can be requested at once; the customer-returns deadline is assumed for the claim.',
  amounts:
    'Amazon publishes no window for disputing a reimbursement amount or a reversal; the fulfilment-centre window counted from the reimbursement (reversal) date is assumed.',
  caJp: 'Undated help page; whether this marketplace adopted the October-2024 US windows is not known.',
} as const;

type RuleFields = Omit<WindowRule, 'kind' | 'anchor'>;

/** One rule per kind; the anchor is the kind's (KIND_INFO), so a chain never mixes anchors. */
function rules(kinds: readonly ClaimKind[], fields: RuleFields): WindowRule[] {
  return kinds.map((kind) => ({ kind, anchor: KIND_INFO[kind].anchor, ...fields }));
}

const usRules: WindowRule[] = [
  ...rules(FC, { region: 'US', marketplaces: US, effectiveFrom: null, opensAfterDays: null, deadline: { months: 18 }, sources: ['3P-WIX-FCO', '3P-AMZDOC'], verified: true }),
  ...rules(FC, { region: 'US', marketplaces: US, effectiveFrom: US_CHANGE, opensAfterDays: null, deadline: { days: 60 }, sources: ['FORUM-US-2024'], verified: true }),
  ...rules(RETURNS, { region: 'US', marketplaces: US, effectiveFrom: null, opensAfterDays: 45, deadline: { months: 18 }, sources: ['SC-CRC-US-2020'], verified: true }),
  ...rules(RETURNS, { region: 'US', marketplaces: US, effectiveFrom: US_CHANGE, opensAfterDays: 60, deadline: { days: 120 }, sources: ['FORUM-US-2024', 'SC-CRC-US'], verified: true }),
  ...rules(['return_sellable_inspection'], { region: 'US', marketplaces: US, effectiveFrom: null, opensAfterDays: null, deadline: { months: 18 }, sources: ['SC-CRC-US-2020'], verified: false, note: WINDOW_NOTES.inspection }),
  ...rules(['return_sellable_inspection'], { region: 'US', marketplaces: US, effectiveFrom: US_CHANGE, opensAfterDays: null, deadline: { days: 120 }, sources: ['FORUM-US-2024', 'SC-CRC-US'], verified: false, note: WINDOW_NOTES.inspection }),
  ...rules(['removal_lost'], { region: 'US', marketplaces: US, effectiveFrom: null, opensAfterDays: 14, deadline: { months: 18 }, sources: ['SC-REMOVAL-UK'], verified: false, note: WINDOW_NOTES.removalUsOld }),
  ...rules(['removal_lost'], { region: 'US', marketplaces: US, effectiveFrom: US_CHANGE, opensAfterDays: 15, deadline: { days: 75 }, sources: ['FORUM-US-2024'], verified: true }),
  ...rules(['removal_damaged'], { region: 'US', marketplaces: US, effectiveFrom: null, opensAfterDays: null, deadline: { months: 18 }, sources: ['SC-REMOVAL-UK'], verified: false, note: WINDOW_NOTES.removalUsOld }),
  ...rules(['removal_damaged'], { region: 'US', marketplaces: US, effectiveFrom: US_CHANGE, opensAfterDays: null, deadline: { days: 60 }, sources: ['FORUM-US-2024'], verified: true }),
  ...rules(['removal_not_shipped'], { region: 'US', marketplaces: US, effectiveFrom: null, opensAfterDays: null, deadline: { months: 18 }, sources: ['SC-REMOVAL-UK'], verified: false, note: WINDOW_NOTES.notShipped }),
  ...rules(['removal_not_shipped'], { region: 'US', marketplaces: US, effectiveFrom: US_CHANGE, opensAfterDays: null, deadline: { days: 60 }, sources: ['FORUM-US-2024'], verified: false, note: WINDOW_NOTES.notShipped }),
  ...rules(['inbound_shortage'], { region: 'US', marketplaces: US, effectiveFrom: null, opensAfterDays: null, deadline: { months: 9 }, sources: ['3P-AMZDOC', '3P-56OK'], verified: false, note: WINDOW_NOTES.usInboundOld }),
  ...rules(['inbound_shortage'], { region: 'US', marketplaces: US, effectiveFrom: US_CHANGE, opensAfterDays: 15, deadline: { days: 60 }, sources: ['3P-REFUNZO', 'FORUM-AE-2024'], verified: false, note: WINDOW_NOTES.usInbound }),
  ...rules(AMOUNTS, { region: 'US', marketplaces: US, effectiveFrom: null, opensAfterDays: null, deadline: { months: 18 }, sources: ['3P-WIX-FCO', '3P-AMZDOC'], verified: false, note: WINDOW_NOTES.amounts }),
  ...rules(AMOUNTS, { region: 'US', marketplaces: US, effectiveFrom: US_CHANGE, opensAfterDays: null, deadline: { days: 60 }, sources: ['FORUM-US-2024'], verified: false, note: WINDOW_NOTES.amounts }),
];

const euRules: WindowRule[] = [
  ...rules(FC, { region: 'UK', marketplaces: UK, effectiveFrom: null, opensAfterDays: 30, deadline: { months: 18 }, sources: ['SC-FCO-UK'], verified: true }),
  ...rules(FC, { region: 'EU excl. UK', marketplaces: EU_EXCL_UK, effectiveFrom: null, opensAfterDays: 30, deadline: { months: 18 }, sources: ['SC-FCO-UK'], verified: false, note: WINDOW_NOTES.ukPage }),
  ...rules(FC, { region: 'EU', marketplaces: EU, effectiveFrom: EU_CHANGE, opensAfterDays: null, deadline: { days: 60 }, sources: ['FORUM-EU', '3P-IWEAVER'], verified: false, note: WINDOW_NOTES.euDate }),
  ...rules(RETURNS, { region: 'EU', marketplaces: EU, effectiveFrom: null, opensAfterDays: 45, deadline: { months: 18 }, sources: ['SC-CRC-US-2020', 'SC-CRC-CA', 'SC-CRC-JP'], verified: false, note: WINDOW_NOTES.euReturnsOld }),
  ...rules(RETURNS, { region: 'EU', marketplaces: EU, effectiveFrom: EU_CHANGE, opensAfterDays: 45, deadline: { days: 105 }, sources: ['FORUM-EU', '3P-IWEAVER'], verified: false, note: WINDOW_NOTES.euDate }),
  ...rules(['return_sellable_inspection'], { region: 'EU', marketplaces: EU, effectiveFrom: null, opensAfterDays: null, deadline: { months: 18 }, sources: ['SC-CRC-US-2020', 'SC-CRC-CA', 'SC-CRC-JP'], verified: false, note: WINDOW_NOTES.inspection }),
  ...rules(['return_sellable_inspection'], { region: 'EU', marketplaces: EU, effectiveFrom: EU_CHANGE, opensAfterDays: null, deadline: { days: 105 }, sources: ['FORUM-EU', '3P-IWEAVER'], verified: false, note: WINDOW_NOTES.inspection }),
  ...rules(['removal_lost'], { region: 'EU', marketplaces: EU, effectiveFrom: null, opensAfterDays: 14, deadline: { months: 18 }, sources: ['SC-REMOVAL-UK'], verified: false, note: WINDOW_NOTES.removalUkAnchors }),
  ...rules(['removal_lost'], { region: 'EU', marketplaces: EU, effectiveFrom: EU_CHANGE, opensAfterDays: 15, deadline: { days: 75 }, sources: ['FORUM-EU', '3P-IWEAVER'], verified: false, note: WINDOW_NOTES.euDate }),
  ...rules(['removal_damaged'], { region: 'EU', marketplaces: EU, effectiveFrom: null, opensAfterDays: null, deadline: { months: 18 }, sources: ['SC-REMOVAL-UK'], verified: false, note: WINDOW_NOTES.removalUkAnchors }),
  ...rules(['removal_damaged'], { region: 'EU', marketplaces: EU, effectiveFrom: EU_CHANGE, opensAfterDays: null, deadline: { days: 60 }, sources: ['FORUM-EU', '3P-IWEAVER'], verified: false, note: WINDOW_NOTES.euDate }),
  ...rules(['removal_not_shipped'], { region: 'EU', marketplaces: EU, effectiveFrom: null, opensAfterDays: null, deadline: { months: 18 }, sources: ['SC-REMOVAL-UK'], verified: false, note: WINDOW_NOTES.notShipped }),
  ...rules(['removal_not_shipped'], { region: 'EU', marketplaces: EU, effectiveFrom: EU_CHANGE, opensAfterDays: null, deadline: { days: 60 }, sources: ['FORUM-EU', '3P-IWEAVER'], verified: false, note: WINDOW_NOTES.notShipped }),
  ...rules(['inbound_shortage'], { region: 'EU', marketplaces: EU, effectiveFrom: null, opensAfterDays: null, deadline: { months: 6 }, sources: ['SC-STA-EU'], verified: true }),
  ...rules(AMOUNTS, { region: 'EU', marketplaces: EU, effectiveFrom: null, opensAfterDays: null, deadline: { months: 18 }, sources: ['SC-FCO-UK'], verified: false, note: WINDOW_NOTES.amounts }),
  ...rules(AMOUNTS, { region: 'EU', marketplaces: EU, effectiveFrom: EU_CHANGE, opensAfterDays: null, deadline: { days: 60 }, sources: ['FORUM-EU', '3P-IWEAVER'], verified: false, note: WINDOW_NOTES.amounts }),
];

const otherRules: WindowRule[] = [
  // AE from 2024-09-05; before it, the US chain (fallback).
  ...rules(FC, { region: 'AE', marketplaces: ['AE'], effectiveFrom: AE_CHANGE, opensAfterDays: null, deadline: { days: 60 }, sources: ['FORUM-AE-2024'], verified: true }),
  ...rules(['inbound_shortage'], { region: 'AE', marketplaces: ['AE'], effectiveFrom: AE_CHANGE, opensAfterDays: 15, deadline: { days: 60 }, sources: ['FORUM-AE-2024'], verified: true }),
  ...rules(['removal_lost'], { region: 'AE', marketplaces: ['AE'], effectiveFrom: AE_CHANGE, opensAfterDays: 15, deadline: { days: 75 }, sources: ['FORUM-AE-2024'], verified: true }),
  ...rules(['removal_damaged'], { region: 'AE', marketplaces: ['AE'], effectiveFrom: AE_CHANGE, opensAfterDays: null, deadline: { days: 30 }, sources: ['FORUM-AE-2024'], verified: true }),
  // CA and JP: customer returns only; every other kind falls back to the US chain.
  ...rules(RETURNS, { region: 'CA', marketplaces: ['CA'], effectiveFrom: null, opensAfterDays: 45, deadline: { months: 18 }, sources: ['SC-CRC-CA'], verified: false, note: WINDOW_NOTES.caJp }),
  ...rules(['return_sellable_inspection'], { region: 'CA', marketplaces: ['CA'], effectiveFrom: null, opensAfterDays: null, deadline: { months: 18 }, sources: ['SC-CRC-CA'], verified: false, note: WINDOW_NOTES.inspection }),
  ...rules(RETURNS, { region: 'JP', marketplaces: ['JP'], effectiveFrom: null, opensAfterDays: 45, deadline: { months: 18 }, sources: ['SC-CRC-JP'], verified: false, note: WINDOW_NOTES.caJp }),
  ...rules(['return_sellable_inspection'], { region: 'JP', marketplaces: ['JP'], effectiveFrom: null, opensAfterDays: null, deadline: { months: 18 }, sources: ['SC-CRC-JP'], verified: false, note: WINDOW_NOTES.inspection }),
];

/** The windows claimdesk ships. MX, BR, AU, IN, SG… have no source of their own and use the US chain, unverified. */
export const DEFAULT_WINDOWS: WindowTable = Object.freeze({
  fallbackMarketplace: 'US',
  rules: Object.freeze([...usRules, ...euRules, ...otherRules]),
});
