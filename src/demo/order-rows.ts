// Amazon report rows derived from one order: All Orders rows (FBA and FBM), and for FBA orders the
// ledger Shipments/CustomerReturns rows, customer-returns rows, CustomerReturn reimbursements and the
// manifest/decoy entries of order-bound scenarios.

import { Rng } from './rng.ts';
import { productBySku } from './catalog.ts';
import { addDays, decimal, isoOffset } from './format.ts';
import { amazonShipmentId, idKey, reimbursementId } from './ids.ts';
import { REIMBURSABLE_DISPOSITIONS } from './return-reasons.ts';
import {
  emptyOutput, ledgerDisposition, ledgerRow, reimbursementRow, type AmazonAccount, type RowOut, type WorldOutput,
} from './amazon-rows.ts';
import { scenarioEntries } from './order-scenario-entries.ts';
import { afterOrderUnitValue } from './valuation.ts';
import type { OrderWorld } from './order-builder.ts';
import type { DemoOrder, DemoOrderItem, DemoReturn } from './types.ts';

/** Splits `total` over `weights` proportionally; the last share takes the rounding remainder. */
export function allocate(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  let left = total;
  return weights.map((w, i) => {
    if (i === weights.length - 1) return left;
    const share = sum > 0 ? Math.floor((total * w) / sum) : 0;
    left -= share;
    return share;
  });
}

const FLAT_STATUS: Record<string, string> = { Canceled: 'Cancelled', Shipped: 'Shipped', Pending: 'Pending', Unshipped: 'Unshipped' };

/** An order's money per item as the All Orders report (and the settlement) splits it. */
export interface OrderLineMoney {
  /** unit price × quantity per item */
  lines: number[];
  /** share of the order discount per item */
  discounts: number[];
  /** share of the tax on items per item (DE: VAT; US: sales tax) */
  itemTaxes: number[];
  /** tax on shipping (all of it on the first item) */
  shippingTax: number;
}

export function orderLineMoney(o: DemoOrder): OrderLineMoney {
  const lines = o.items.map((i) => i.unitPriceMinor * i.quantity);
  const discounts = allocate(o.discountMinor, lines);
  const rate = o.subtotalMinor - o.discountMinor + o.shippingMinor > 0 ? o.taxMinor / (o.subtotalMinor - o.discountMinor + o.shippingMinor) : 0;
  const shippingTax = Math.min(o.taxMinor, Math.round(o.shippingMinor * rate));
  const itemTaxes = allocate(o.taxMinor - shippingTax, lines.map((l, i) => l - (discounts[i] ?? 0)));
  return { lines, discounts, itemTaxes, shippingTax };
}

function allOrdersRows(o: DemoOrder, account: AmazonAccount, now: Date): RowOut[] {
  const { lines, discounts, itemTaxes, shippingTax } = orderLineMoney(o);
  const shipped = o.shipments[0]?.shippedAt ?? null;
  const updated = shipped && shipped.getTime() <= now.getTime() ? shipped : new Date(Math.min(now.getTime(), o.purchasedAt.getTime() + 600_000));
  const status = FLAT_STATUS[o.status] ?? o.status;
  const itemStatus = status === 'Pending' ? 'Unshipped' : status;
  return o.items.map((item, i) => ({
    file: `${account}:all-orders` as const,
    at: o.purchasedAt,
    cells: [
      o.externalId, '', isoOffset(o.purchasedAt), isoOffset(updated), status,
      o.fulfillment === 'FBA' ? 'Amazon' : 'Merchant', account === 'amazon-de' ? 'Amazon.de' : 'Amazon.com', '',
      o.shipServiceLevel, item.title, item.sku, item.asin ?? '', itemStatus, String(item.quantity), o.currency,
      decimal(lines[i] ?? 0), decimal(itemTaxes[i] ?? 0), decimal(i === 0 ? o.shippingMinor : 0), decimal(i === 0 ? shippingTax : 0),
      '0.00', '0.00', decimal(-(discounts[i] ?? 0)), '0.00', o.shipCity, o.shipState ?? '', o.shipPostalCode, o.shipCountry,
      (discounts[i] ?? 0) > 0 ? 'Hearthwise Coupon' : '', '', 'false', '', '',
    ],
  }));
}

function shipmentLedgerRows(seed: number, o: DemoOrder, account: AmazonAccount): RowOut[] {
  const s = o.shipments[0];
  if (!s?.shippedAt) return [];
  const ref = amazonShipmentId(Rng.derive(seed, 'amazon-shipment', o.externalId));
  return o.items.map((item) => ledgerRow({
    at: s.shippedAt as Date, product: productBySku(item.sku), account, eventType: 'Shipments', referenceId: ref,
    quantity: -item.quantity, fc: s.fulfillmentCenterId ?? '', disposition: 'Sellable',
  }));
}

function returnRow(o: DemoOrder, account: AmazonAccount, r: DemoReturn, item: DemoOrderItem, reimbursed: boolean): RowOut {
  return {
    file: `${account}:returns`,
    at: r.receivedAt as Date,
    cells: [
      isoOffset(r.receivedAt as Date), o.externalId, r.sku, item.asin ?? '', item.fnsku ?? '', item.title, String(r.quantity),
      r.fulfillmentCenterId ?? '', r.disposition ?? '', r.reason, reimbursed ? 'Reimbursed' : 'Unit returned to inventory',
      r.licensePlateNumber ?? '', r.customerComment ?? '',
    ],
  };
}

/** When Amazon reimbursed the returned unit (null = not reimbursed as of now). */
function returnReimbursedAt(seed: number, w: OrderWorld, r: DemoReturn, i: number, now: Date): Date | null {
  if (w.outcome) return w.outcome.kind === 'lk_return_damaged_reimbursed' ? w.outcome.reimburseAt : null;
  if (!r.receivedAt || !r.disposition || !REIMBURSABLE_DISPOSITIONS.has(r.disposition)) return null;
  const at = addDays(r.receivedAt, Rng.derive(seed, 'return-reimbursement', w.index, i).int(3, 12));
  return at.getTime() <= now.getTime() ? at : null;
}

function returnRows(seed: number, w: OrderWorld, account: AmazonAccount, now: Date): RowOut[] {
  const o = w.order;
  const out: RowOut[] = [];
  o.returns.forEach((r, i) => {
    const item = o.items.find((x) => x.sku === r.sku);
    if (!item || !r.receivedAt) return;
    const paidAt = returnReimbursedAt(seed, w, r, i, now);
    out.push(returnRow(o, account, r, item, paidAt !== null));
    out.push(ledgerRow({
      at: r.receivedAt, product: productBySku(r.sku), account, eventType: 'CustomerReturns', referenceId: o.externalId,
      quantity: r.quantity, fc: r.fulfillmentCenterId ?? '', disposition: ledgerDisposition(r.disposition ?? 'SELLABLE'),
    }));
    if (paidAt) out.push(customerReturnReimbursement(w, account, item, r.quantity, paidAt, i));
  });
  return out;
}

function customerReturnReimbursement(w: OrderWorld, account: AmazonAccount, item: DemoOrderItem, qty: number, at: Date, n: number): RowOut {
  return reimbursementRow({
    at, account, id: reimbursementId(idKey(w.index, 1 + n)), orderId: w.order.externalId, reason: 'CustomerReturn',
    product: productBySku(item.sku), perUnitMinor: afterOrderUnitValue(item.unitPriceMinor).valueMinor, cashQty: qty,
  });
}

export function orderRows(seed: number, w: OrderWorld, now: Date): WorldOutput {
  const o = w.order;
  if (o.channel !== 'amazon') return emptyOutput();
  const account = o.accountKey as AmazonAccount;
  const out = emptyOutput();
  out.rows.push(...allOrdersRows(o, account, now));
  if (o.fulfillment !== 'FBA') return out;
  out.rows.push(...shipmentLedgerRows(seed, o, account), ...returnRows(seed, w, account, now));
  const item = o.items[0];
  if (w.outcome?.kind === 'lk_refund_reimbursed' && w.outcome.reimburseAt && item) {
    out.rows.push(customerReturnReimbursement(w, account, item, item.quantity, w.outcome.reimburseAt, 9));
  }
  if (w.outcome) scenarioEntries(w, account, out);
  return out;
}
