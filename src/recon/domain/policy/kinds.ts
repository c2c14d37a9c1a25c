/**
 * The claim kinds of the FBA recovery module, the date each one's window counts from, and whether a loss
 * happened before or after a customer order (which decides how it is valued, amazon-domain.md §3.4).
 */

export const CLAIM_KINDS = [
  'fc_lost',
  'fc_damaged',
  'inbound_shortage',
  'customer_return_not_returned',
  'customer_return_damaged',
  'return_sellable_inspection',
  'underpaid_reimbursement',
  'reversal_dispute',
  'removal_not_shipped',
  'removal_lost',
  'removal_damaged',
] as const;

export type ClaimKind = (typeof CLAIM_KINDS)[number];

/** The date a claim window counts from. The caller passes that date as `eventDate`. */
export type Anchor =
  | 'adjustment_reported'
  | 'inbound_delivered'
  | 'refund_or_replacement'
  | 'reimbursement_approved'
  | 'reversal_posted'
  | 'removal_order_closed'
  | 'removal_shipment_created'
  | 'removal_delivered';

/**
 * `pre_order`: lost or damaged before a customer order (inbound, fulfilment centre, removals);
 * `post_order`: lost or damaged after a customer order (customer returns);
 * `amount_dispute`: a dispute about money Amazon paid or took back; it is valued from the underlying loss.
 */
export type LossStage = 'pre_order' | 'post_order' | 'amount_dispute';

export interface KindInfo {
  readonly label: string;
  readonly anchor: Anchor;
  readonly stage: LossStage;
}

export const KIND_INFO: Readonly<Record<ClaimKind, KindInfo>> = {
  fc_lost: { label: 'fulfilment-centre lost', anchor: 'adjustment_reported', stage: 'pre_order' },
  fc_damaged: { label: 'fulfilment-centre damaged', anchor: 'adjustment_reported', stage: 'pre_order' },
  inbound_shortage: { label: 'inbound shortage', anchor: 'inbound_delivered', stage: 'pre_order' },
  customer_return_not_returned: { label: 'customer refunded, item not returned', anchor: 'refund_or_replacement', stage: 'post_order' },
  customer_return_damaged: { label: 'customer return damaged (Amazon responsible)', anchor: 'refund_or_replacement', stage: 'post_order' },
  return_sellable_inspection: { label: 'return graded SELLABLE though reported damaged', anchor: 'refund_or_replacement', stage: 'post_order' },
  underpaid_reimbursement: { label: 'underpaid reimbursement', anchor: 'reimbursement_approved', stage: 'amount_dispute' },
  reversal_dispute: { label: 'reimbursement reversal without a found unit', anchor: 'reversal_posted', stage: 'amount_dispute' },
  removal_not_shipped: { label: 'removal units requested but not shipped', anchor: 'removal_order_closed', stage: 'pre_order' },
  removal_lost: { label: 'removal lost in transit', anchor: 'removal_shipment_created', stage: 'pre_order' },
  removal_damaged: { label: 'removal received damaged', anchor: 'removal_delivered', stage: 'pre_order' },
};

export const ANCHOR_LABEL: Readonly<Record<Anchor, string>> = {
  adjustment_reported: 'the date the loss or damage is reported in the inventory ledger',
  inbound_delivered: 'the delivery of the inbound shipment to the fulfilment centre',
  refund_or_replacement: "the customer's refund or replacement date",
  reimbursement_approved: 'the approval date of the reimbursement',
  reversal_posted: 'the date of the reversal',
  removal_order_closed: 'the date the removal order was closed (completed or cancelled)',
  removal_shipment_created: 'the creation (ship date) of the removal shipment',
  removal_delivered: 'the delivery of the removal shipment back to the seller',
};

export function isClaimKind(value: string): value is ClaimKind {
  return (CLAIM_KINDS as readonly string[]).includes(value);
}

/** The European marketplaces that share Amazon Europe's reimbursement policy. */
export const EU_MARKETPLACES = ['DE', 'FR', 'IT', 'ES', 'NL', 'SE', 'PL', 'BE', 'IE', 'UK'] as const;

/** Marketplace code as the tables use it: trimmed, upper case, `GB` (ISO) → `UK` (Amazon's and the kernel's code). */
export function normaliseMarketplace(code: string): string {
  const c = code.trim().toUpperCase();
  return c === 'GB' ? 'UK' : c;
}
