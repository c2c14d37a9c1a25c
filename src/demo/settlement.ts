// Amount lines of the V2 settlement flat file (amazon-domain.md §1.8) derived from one order world: the
// sale of each shipped Amazon order line (`Order`), each refund of such an order (`Refund`), and one
// `other-transaction` / `FBA Inventory Reimbursement` line per row of the reimbursements report.
//
// Per unit sold, Principal − Commission = afterOrderUnitValue(unit price).valueMinor (valuation.ts), so the
// value of a refund_no_return / return_* claim can be re-derived from the settlement alone.

import { Rng } from './rng.ts';
import { productBySku } from './catalog.ts';
import { decimal, isoDay, percentOf, settlementDateTime } from './format.ts';
import { amazonShipmentId } from './ids.ts';
import { proratedTotal } from './pricing.ts';
import { orderLineMoney } from './order-rows.ts';
import { FBA_REIMBURSEMENTS, SETTLEMENT_V2, type SettlementColumn } from './report-headers.ts';
import { referralFeeMinor } from './valuation.ts';
import type { AmazonAccount, RowOut } from './amazon-rows.ts';
import type { DemoOrder, DemoProduct, DemoRefund } from './types.ts';

export interface SettlementLine {
  at: Date;
  amountMinor: number;
  /**
   * The row after its settlement-id: every other column of SETTLEMENT_V2, each preceded by a tab. The writer
   * puts the settlement-id of the line's period in front.
   */
  rest: string;
}

const col = (c: SettlementColumn): number => SETTLEMENT_V2.indexOf(c);
const I_TYPE = col('amount-type');
const I_AMOUNT = col('amount');

/** Amazon's refund administration fee: 20 % of the referral fee given back, at most 5.00 per unit. */
export const REFUND_ADMIN_FEE_BPS = 2000;
export const REFUND_ADMIN_FEE_CAP_MINOR = 500;

export function refundAdminFeeMinor(commissionMinor: number): number {
  return Math.min(percentOf(commissionMinor, REFUND_ADMIN_FEE_BPS), REFUND_ADMIN_FEE_CAP_MINOR);
}

// FBA fulfilment fee per unit by shipping weight: [max grams, fee in minor units] (a plausible size tier
// table, not Amazon's current one), then a step per extra weight.
const FBA_FEES: Record<AmazonAccount, { tiers: readonly (readonly [number, number])[]; stepGrams: number; stepMinor: number }> = {
  'amazon-us': { tiers: [[113, 306], [227, 340], [340, 377], [454, 419], [681, 475], [907, 527], [1361, 613]], stepGrams: 227, stepMinor: 16 },
  'amazon-de': { tiers: [[100, 270], [250, 291], [500, 323], [1000, 375], [1500, 417], [2000, 445]], stepGrams: 1000, stepMinor: 40 },
};

/** FBAPerUnitFulfillmentFee of one unit (positive; the settlement line is negative). */
export function fbaFeeMinor(product: DemoProduct, account: AmazonAccount): number {
  const t = FBA_FEES[account];
  for (const [max, fee] of t.tiers) if (product.weightGrams <= max) return fee;
  const [lastMax, lastFee] = t.tiers[t.tiers.length - 1] as readonly [number, number];
  return lastFee + Math.ceil((product.weightGrams - lastMax) / t.stepGrams) * t.stepMinor;
}

/** amount-description of an `FBA Inventory Reimbursement` line for a reimbursements-report reason. */
export function reimbursementDescription(reason: string, originalType: string, returnReceived: boolean): string {
  switch (reason) {
    case 'Lost_Warehouse': return 'WAREHOUSE_LOST';
    case 'Damaged_Warehouse': return 'WAREHOUSE_DAMAGE';
    case 'Lost_Inbound': return 'MISSING_FROM_INBOUND';
    // A refunded unit the buyer kept is a "reversal reimbursement"; a returned unit Amazon reimburses a CUSTOMER_RETURN.
    case 'CustomerReturn': return returnReceived ? 'CUSTOMER_RETURN' : 'REVERSAL_REIMBURSEMENT';
    // Amazon taking a reimbursement back once the units are found.
    case 'Reimbursement_Reversal': return originalType === 'Lost_Inbound' ? 'MISSING_FROM_INBOUND_CLAWBACK' : 'COMPENSATED_CLAWBACK';
    default: return reason.toUpperCase();
  }
}

const marketplaceName = (a: AmazonAccount): string => (a === 'amazon-de' ? 'Amazon.de' : 'Amazon.com');

type Fields = Partial<Record<SettlementColumn, string>>;

/** `\t`-prefixed cells from settlement-start-date up to (excluding) column `to`, and from `from` on. */
function cellsBetween(f: Fields, from: number, to: number): string {
  let out = '';
  for (let i = from; i < to; i++) out += `\t${f[SETTLEMENT_V2[i] as SettlementColumn] ?? ''}`;
  return out;
}

function rest(f: Fields): string {
  return cellsBetween(f, 1, SETTLEMENT_V2.length);
}

/** Collects the amount lines of one posting (same cells but amount-type, -description and amount); zero amounts are left out. */
class Posting {
  private readonly head: string;
  private readonly tail: string;

  constructor(private readonly at: Date, fields: Fields, private readonly out: SettlementLine[]) {
    this.head = cellsBetween(fields, 1, I_TYPE);
    this.tail = cellsBetween(fields, I_AMOUNT + 1, SETTLEMENT_V2.length);
  }

  add(type: string, description: string, minor: number): void {
    if (minor === 0) return;
    this.out.push({ at: this.at, amountMinor: minor, rest: `${this.head}\t${type}\t${description}\t${decimal(minor)}${this.tail}` });
  }
}

const share = (minor: number, part: number, whole: number): number => (whole > 0 ? Math.floor((minor * part) / whole) : 0);

function postingBase(o: DemoOrder, account: AmazonAccount, at: Date, type: 'Order' | 'Refund', extra: Fields): Fields {
  return {
    'transaction-type': type, 'order-id': o.externalId, 'marketplace-name': marketplaceName(account),
    'fulfillment-id': o.fulfillment === 'FBA' ? 'AFN' : 'MFN', 'posted-date': isoDay(at), 'posted-date-time': settlementDateTime(at), ...extra,
  };
}

/** The sale of a shipped order, posted when it shipped: one group of amount lines per order item. */
function orderLines(seed: number, o: DemoOrder, account: AmazonAccount, at: Date, out: SettlementLine[]): void {
  const money = orderLineMoney(o);
  const vat = account === 'amazon-de';
  const shipmentId = amazonShipmentId(Rng.derive(seed, 'amazon-shipment', o.externalId));
  o.items.forEach((item, i) => {
    const p = new Posting(at, postingBase(o, account, at, 'Order', {
      'shipment-id': shipmentId, 'order-item-code': item.externalId, sku: item.sku, 'quantity-purchased': String(item.quantity),
    }), out);
    p.add('ItemPrice', 'Principal', money.lines[i] ?? 0);
    if (vat) p.add('ItemPrice', 'Tax', money.itemTaxes[i] ?? 0);
    if (i === 0) {
      p.add('ItemPrice', 'Shipping', o.shippingMinor);
      if (vat) p.add('ItemPrice', 'ShippingTax', money.shippingTax);
    }
    if (o.fulfillment === 'FBA') p.add('ItemFees', 'FBAPerUnitFulfillmentFee', -fbaFeeMinor(productBySku(item.sku), account) * item.quantity);
    p.add('ItemFees', 'Commission', -referralFeeMinor(item.unitPriceMinor) * item.quantity);
    p.add('Promotion', 'Principal', -(money.discounts[i] ?? 0));
  });
}

type RefundScope = { kind: 'items'; items: { index: number; quantity: number }[]; shipping: boolean } | { kind: 'partial'; index: number; amountMinor: number };

/** What a refund gave back: a returned line, the whole order, one whole line, or part of the first line. */
function refundScope(o: DemoOrder, r: DemoRefund): RefundScope {
  const ret = r.returnIndex === undefined ? undefined : o.returns[r.returnIndex];
  const returned = ret ? o.items.findIndex((x) => x.sku === ret.sku) : -1;
  if (ret && returned >= 0) return { kind: 'items', items: [{ index: returned, quantity: Math.min(ret.quantity, o.items[returned]?.quantity ?? 0) }], shipping: false };
  if (r.amountMinor >= o.totalMinor) return { kind: 'items', items: o.items.map((x, index) => ({ index, quantity: x.quantity })), shipping: true };
  const line = o.items.findIndex((x) => proratedTotal(o, x.unitPriceMinor * x.quantity) === r.amountMinor);
  if (line >= 0) return { kind: 'items', items: [{ index: line, quantity: o.items[line]?.quantity ?? 0 }], shipping: false };
  return { kind: 'partial', index: 0, amountMinor: r.amountMinor };
}

/** A refund, posted when it was made: the refunded principal back to the buyer, the commission back to the seller less the refund administration fee. */
function refundLines(o: DemoOrder, account: AmazonAccount, r: DemoRefund, out: SettlementLine[]): void {
  const at = r.refundedAt;
  const vat = account === 'amazon-de';
  const scope = refundScope(o, r);
  const posting = (index: number): Posting => {
    const item = o.items[index];
    return new Posting(at, postingBase(o, account, at, 'Refund', { 'adjustment-id': r.externalId, 'order-item-code': item?.externalId ?? '', sku: item?.sku ?? '' }), out);
  };
  if (scope.kind === 'partial') {
    const item = o.items[scope.index];
    if (!item) return;
    const credit = Math.min(referralFeeMinor(scope.amountMinor), referralFeeMinor(item.unitPriceMinor) * item.quantity);
    const p = posting(scope.index);
    p.add('ItemPrice', 'Principal', -scope.amountMinor);
    p.add('ItemFees', 'Commission', credit);
    p.add('ItemFees', 'RefundCommission', -refundAdminFeeMinor(credit));
    return;
  }
  const money = orderLineMoney(o);
  scope.items.forEach(({ index, quantity }, n) => {
    const item = o.items[index];
    if (!item || quantity <= 0) return;
    const p = posting(index);
    const principal = item.unitPriceMinor * quantity;
    const discount = share(money.discounts[index] ?? 0, quantity, item.quantity);
    p.add('ItemPrice', 'Principal', -principal);
    if (vat) {
      // The VAT given back: what the refund leaves after the net price (so the lines add up to the refund), or the line's share.
      const rest = r.amountMinor - principal + discount;
      p.add('ItemPrice', 'Tax', -(scope.items.length === 1 && !scope.shipping && rest >= 0 ? rest : share(money.itemTaxes[index] ?? 0, quantity, item.quantity)));
    }
    if (scope.shipping && n === 0) {
      p.add('ItemPrice', 'Shipping', -o.shippingMinor);
      if (vat) p.add('ItemPrice', 'ShippingTax', -money.shippingTax);
    }
    const commission = referralFeeMinor(item.unitPriceMinor);
    p.add('ItemFees', 'Commission', commission * quantity);
    p.add('ItemFees', 'RefundCommission', -refundAdminFeeMinor(commission) * quantity);
    p.add('Promotion', 'Principal', discount);
  });
}

/**
 * Settlement lines of an Amazon order: its sale once Amazon shows it Shipped (cancelled, pending and
 * not-yet-confirmed orders are not charged), and its refunds. Empty for other channels.
 */
export function orderSettlementLines(seed: number, o: DemoOrder): SettlementLine[] {
  if (o.channel !== 'amazon' || o.status !== 'Shipped') return [];
  const shippedAt = o.shipments[0]?.shippedAt;
  if (!shippedAt) return [];
  const account = o.accountKey as AmazonAccount;
  const out: SettlementLine[] = [];
  orderLines(seed, o, account, shippedAt, out);
  for (const r of o.refunds) refundLines(o, account, r, out);
  return out;
}

const R = (name: (typeof FBA_REIMBURSEMENTS)[number]): number => FBA_REIMBURSEMENTS.indexOf(name);
const R_ID = R('reimbursement-id'), R_ORDER = R('amazon-order-id'), R_REASON = R('reason'), R_SKU = R('sku');
const R_TOTAL = R('amount-total'), R_CASH = R('quantity-reimbursed-cash'), R_ORIGINAL_TYPE = R('original-reimbursement-type');

/** `12.34` / `-0.50` (as `decimal` writes them) → minor units. */
export function minorOf(text: string): number {
  const m = /^(-?)(\d+)\.(\d{2})$/.exec(text);
  if (!m) throw new Error(`not a 2-decimal amount: ${text}`);
  const v = Number(m[2]) * 100 + Number(m[3]);
  return m[1] ? -v : v;
}

/**
 * The settlement line of a reimbursements-report row: `other-transaction`, `FBA Inventory Reimbursement`,
 * amount = amount-total, posted at the approval date; adjustment-id = reimbursement-id.
 */
export function reimbursementSettlementLine(row: RowOut, account: AmazonAccount, order: DemoOrder | null): SettlementLine {
  const c = row.cells;
  const orderId = c[R_ORDER] ?? '';
  const sku = c[R_SKU] ?? '';
  const received = order !== null && order.externalId === orderId && order.returns.some((r) => r.sku === sku && r.receivedAt !== null);
  const amount = c[R_TOTAL] ?? '0.00';
  const line = rest({
    'transaction-type': 'other-transaction', 'order-id': orderId, 'adjustment-id': c[R_ID] ?? '', 'marketplace-name': marketplaceName(account),
    'amount-type': 'FBA Inventory Reimbursement', 'amount-description': reimbursementDescription(c[R_REASON] ?? '', c[R_ORIGINAL_TYPE] ?? '', received),
    amount, 'posted-date': isoDay(row.at), 'posted-date-time': settlementDateTime(row.at), sku, 'quantity-purchased': c[R_CASH] ?? '',
  });
  return { at: row.at, amountMinor: minorOf(amount), rest: line };
}
