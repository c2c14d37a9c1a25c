/**
 * FBA recovery policy: claim windows and valuation as configuration keyed by marketplace and date, supplier
 * cost lookup, and ranking by value × urgency. Pure: no I/O, no clock — `now` and every date are arguments.
 */

export { CLAIM_KINDS, KIND_INFO, ANCHOR_LABEL, EU_MARKETPLACES, isClaimKind, normaliseMarketplace } from './kinds.ts';
export type { ClaimKind, Anchor, LossStage, KindInfo } from './kinds.ts';
export { DAY_MS, toDayNumber, isoDay, startOfDay, endOfDay, addMonths } from './days.ts';
export type { IsoDay } from './days.ts';
export { formatAmount, minorDigits, prorate } from './amounts.ts';
export type { PolicyResult } from './amounts.ts';
export { DEFAULT_WINDOWS, WINDOW_NOTES } from './window-table.ts';
export type { WindowRule, WindowTable, DeadlineSpan } from './window-table.ts';
export { validateWindowTable } from './validate-table.ts';
export { claimWindow, daysLeft, isClaimable, ruleText, windowChain, windowStatus } from './claim-window.ts';
export type { ClaimWindow, WindowError, WindowSegment, WindowState, WindowStatus } from './claim-window.ts';
export { DEFAULT_VALUATION, VALUATION_NOTES } from './valuation-table.ts';
export type { ValuationRule, ValuationTable, ValueBasis } from './valuation-table.ts';
export { policyValue, underpayment } from './policy-value.ts';
export type { PolicyValue, PolicyValueError, PolicyValueInput, Underpayment, UnderpaymentError, UnderpaymentInput } from './policy-value.ts';
export { costAt } from './supplier-cost.ts';
export type { SupplierCost } from './supplier-cost.ts';
export { DEFAULT_URGENCY_DAYS, compareRanked, rankCases, rankScore } from './rank.ts';
export type { RankInput, RankOptions, RankScore, RankableCase, Ranked } from './rank.ts';
