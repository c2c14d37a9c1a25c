/**
 * A discrepancy rule: one set-based SQL statement over the imported report tables that returns the claim
 * candidates of one or more claim kinds, as of a day. Rules net quantities out in SQL (reconciled and
 * unreconciled columns, found events, reimbursements and their reversals, receipts under other shipment ids);
 * valuation and claim windows are applied afterwards by the engine (recon/engine.ts) with the pure policy layer.
 *
 * Every rule's statement takes the same parameters: $1 workspace id, $2 the as-of day (YYYY-MM-DD), $3 the
 * workspace's recon settings as JSON (domain/settings.ts), and returns the columns of `CandidateRow`.
 */

import type { ClaimKind } from '../domain/policy/index.ts';

export interface EvidenceRef {
  /** The table the row lives in (a report table, or tickets/messages for a conversation). */
  readonly table: string;
  readonly id: string | number;
  /** The line of the imported file the row came from. */
  readonly line?: number | null;
  readonly importId?: string | null;
  /** What the row shows, in words. */
  readonly label: string;
}

export interface CandidateRow {
  readonly kind: ClaimKind;
  /** Natural key of the unit group: running reconciliation again finds the same case. */
  readonly case_key: string;
  readonly account_id: string;
  readonly sku: string | null;
  readonly fnsku: string | null;
  readonly asin: string | null;
  readonly order_id: string | null;
  readonly shipment_id: string | null;
  readonly reference_id: string | null;
  readonly quantity: number;
  /** The day the claim window counts from (KIND_INFO[kind].anchor). */
  readonly anchor_on: string;
  /** Currency of the money facts, when the rows carry one. */
  readonly currency: string | null;
  /** The numbers the rule used; valuation reads sale_unit_minor, fee_unit_minor, paid_unit_minor, reversed_minor. */
  readonly facts: Record<string, unknown>;
  readonly evidence: EvidenceRef[];
}

export interface ReconRule {
  /** Stable id, e.g. `fc-adjustments`. */
  readonly id: string;
  readonly title: string;
  readonly kinds: readonly ClaimKind[];
  /** Plain-language statement of the rule, for docs and the case page. */
  readonly description: string;
  readonly sql: string;
}
