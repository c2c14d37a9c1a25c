/**
 * The words of a case: a one-paragraph summary for the case list, and the claim text a seller pastes into
 * Seller Central's "Contact us" form. Facts only, with the identifiers Amazon's agents look up (FNSKU, reference
 * ids, shipment ids, order ids, dates) and the policy the value rests on; no threats, no padding.
 */

import { KIND_INFO, formatAmount, type ClaimKind, type ClaimWindow } from './policy/index.ts';

export interface ClaimTextInput {
  readonly candidate: {
    readonly kind: ClaimKind;
    readonly sku: string | null;
    readonly fnsku: string | null;
    readonly orderId: string | null;
    readonly shipmentId: string | null;
    readonly referenceId: string | null;
    readonly anchorOn: string;
    readonly facts: Readonly<Record<string, unknown>>;
  };
  readonly quantity: number;
  readonly currency: string;
  readonly valueMinor: number;
  readonly unitValueMinor: number | null;
  readonly valueBasis: string | null;
  readonly valueExplanation: string;
  readonly window: Pick<ClaimWindow, 'deadlineOn' | 'opensOn' | 'rule'>;
  readonly asOf: Date;
}

const s = (v: unknown): string => (v === null || v === undefined || v === '' ? '?' : String(v));
const day = (v: unknown): string => (typeof v === 'string' ? v.slice(0, 10) : v instanceof Date ? v.toISOString().slice(0, 10) : s(v));
const units = (n: number): string => `${n} unit${n === 1 ? '' : 's'}`;

function item(c: ClaimTextInput['candidate']): string {
  return [c.fnsku ? `FNSKU ${c.fnsku}` : null, c.sku ? `SKU ${c.sku}` : null].filter(Boolean).join(' / ') || 'the item';
}

/** What happened, in one sentence per kind. */
function what(i: ClaimTextInput): string {
  const c = i.candidate;
  const f = c.facts;
  switch (c.kind) {
    case 'fc_lost':
      return `The Inventory Ledger shows ${item(c)} adjusted as misplaced (reason ${s(f.reason)}) on ${c.anchorOn} at ${s(f.fulfillmentCenter)} under reference ${s(c.referenceId)}: ${s(f.adjustedQuantity)} unit(s), ${s(f.unreconciledQuantity)} still unreconciled. ${units(i.quantity)} have been neither found nor reimbursed.`;
    case 'fc_damaged':
      return `The Inventory Ledger shows ${item(c)} damaged at Amazon's fulfilment centre ${s(f.fulfillmentCenter)} (reason ${s(f.reason)}) on ${c.anchorOn} under reference ${s(c.referenceId)}: ${s(f.unreconciledQuantity)} unit(s) unreconciled. ${units(i.quantity)} have not been reimbursed.`;
    case 'inbound_shortage':
      return `Inbound shipment ${s(c.shipmentId)} to ${s(f.destinationFc)} is CLOSED with ${item(c)} ${s(f.shipped)} shipped and ${s(f.received)} received. After units received under other shipment ids, found units and reimbursements, ${units(i.quantity)} are missing.`;
    case 'customer_return_not_returned':
      return `Order ${s(c.orderId)} (${item(c)}) was refunded on ${day(f.refundedAt)} and the item has not been returned to a fulfilment centre since; no reimbursement has been paid for ${units(i.quantity)}.`;
    case 'customer_return_damaged':
      return `The return of order ${s(c.orderId)} (${item(c)}, LPN ${s(f.licensePlate)}) was received on ${day(f.returnedAt)} and graded ${s(f.disposition)}: Amazon took ownership, but ${units(i.quantity)} have not been reimbursed.`;
    case 'return_sellable_inspection':
      return `The return of order ${s(c.orderId)} (${item(c)}, LPN ${s(f.licensePlate)}) was graded SELLABLE on ${day(f.returnedAt)}, although the buyer reported it damaged or defective${f.reason ? ` (return reason ${s(f.reason)})` : ''}${f.customerComments ? `, commenting "${s(f.customerComments)}"` : ''}${f.buyerWords ? `, and wrote to us: "${s(f.buyerWords)}"` : ''}. Please re-inspect the unit before it is sold again and reimburse it if it is unsellable.`;
    case 'underpaid_reimbursement':
      return `Reimbursement ${s(c.referenceId)} (${s(f.reason)}) for ${item(c)} approved on ${c.anchorOn} paid ${formatAmount(Number(f.paidUnitMinor ?? 0), i.currency)} per unit for ${units(i.quantity)}, below the policy value.`;
    case 'reversal_dispute':
      return `Reimbursement ${s(f.originalReimbursementId)} for ${item(c)} was reversed on ${c.anchorOn} (reversal ${s(c.referenceId)}, ${formatAmount(Number(f.reversedMinor ?? 0), i.currency)}), but the Inventory Ledger shows no Inventory found event for this FNSKU that would explain it.`;
    case 'removal_lost':
      return `Removal order ${s(c.referenceId)} (${item(c)}): ${s(f.shippedUnits)} unit(s) shipped on ${c.anchorOn} (${s(f.tracking)}), ${s(f.receivedUnits)} received by us. ${units(i.quantity)} were lost in transit.`;
    case 'removal_damaged':
      return `Removal order ${s(c.referenceId)} (${item(c)}) arrived with ${units(i.quantity)} damaged (received ${c.anchorOn}).`;
    case 'removal_not_shipped':
      return `Removal order ${s(c.referenceId)} (${item(c)}) is ${s(f.orderStatus)}: ${s(f.requested)} requested, ${s(f.cancelled)} cancelled, ${s(f.disposed)} disposed, ${s(f.shipped)} shipped; ${units(i.quantity)} are unaccounted for.`;
  }
}

/** The valuation as Amazon's agent needs it: the arithmetic and its basis, without our notes or source keys. */
function valueLine(i: ClaimTextInput): string {
  const m = (v: number) => formatAmount(v, i.currency);
  const f = i.candidate.facts;
  const k = i.candidate.kind;
  if (k === 'reversal_dispute') return `Amount reversed: ${m(i.valueMinor)}.`;
  if (k === 'underpaid_reimbursement') {
    const paid = Number(f.paidUnitMinor ?? 0);
    const expected = paid + (i.unitValueMinor ?? 0);
    return `Paid ${m(paid)} per unit; the ${basisLabel(i.valueBasis)} is ${m(expected)} per unit: ${i.quantity} × ${m(expected - paid)} = ${m(i.valueMinor)}.`;
  }
  if (i.unitValueMinor === null) return `Value: to be determined under the reimbursement policy.`;
  const how = i.valueBasis === 'sale_price_minus_fees' && typeof f.saleUnitMinor === 'number' && typeof f.feeUnitMinor === 'number'
    ? `sale price ${m(f.saleUnitMinor)} minus fees ${m(f.feeUnitMinor)}`
    : basisLabel(i.valueBasis);
  return `Value: ${i.quantity} × ${m(i.unitValueMinor)} (${how}) = ${m(i.valueMinor)}.`;
}

function basisLabel(basis: string | null): string {
  switch (basis) {
    case 'manufacturing_cost': return 'manufacturing cost';
    case 'estimated_sale_price': return 'estimated sale price';
    case 'sale_price_minus_fees': return 'sale price minus fees';
    default: return 'policy value';
  }
}

export function claimText(i: ClaimTextInput): { summary: string; claim: string } {
  const money = formatAmount(i.valueMinor, i.currency);
  const summary = `${what(i)} Claim ${money} by ${i.window.deadlineOn}.`;
  const ask =
    i.candidate.kind === 'underpaid_reimbursement'
      ? `Please pay the difference of ${money}.`
      : i.candidate.kind === 'reversal_dispute'
        ? `Please reinstate the reversed ${money} or show the found units.`
        : `Please reimburse ${units(i.quantity)} (${money}).`;
  const claim = [
    'Hello,',
    '',
    what(i),
    '',
    ask,
    valueLine(i),
    '',
    `Claim type: ${KIND_INFO[i.candidate.kind].label}, filed within the claim window (last day ${i.window.deadlineOn}).`,
    '',
    'Thank you.',
  ].join('\n');
  return { summary, claim };
}
