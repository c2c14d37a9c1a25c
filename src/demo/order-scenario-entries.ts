// Ground-truth entries for order-bound scenarios: a discrepancy with its value and claim window,
// or a decoy that only looks like one.

import { claimWindow, windowFields } from './claim-windows.ts';
import { fnskuFor, productBySku } from './catalog.ts';
import { humanMoney, isoDay, isoOffset } from './format.ts';
import { countryOf, currencyOf, type AmazonAccount, type WorldOutput } from './amazon-rows.ts';
import { refundWaitDays } from './return-scenarios.ts';
import { afterOrderUnitValue } from './valuation.ts';
import type { OrderWorld } from './order-builder.ts';
import type { DemoDecoy, DemoDiscrepancy, DiscrepancyType } from './types.ts';

const LOOKS_LIKE: Record<string, DiscrepancyType> = {
  lk_refund_returned: 'refund_no_return', lk_refund_reimbursed: 'refund_no_return', lk_refund_recent: 'refund_no_return',
  lk_return_damaged_reimbursed: 'return_damaged_unreimbursed', lk_return_damaged_recent: 'return_damaged_unreimbursed',
  lk_return_customer_damaged: 'return_damaged_unreimbursed',
};

const DECOY_TEXT: Record<string, string> = {
  lk_refund_returned: 'Refunded, and the unit came back SELLABLE within the wait period: back in stock, nothing owed.',
  lk_refund_reimbursed: 'Refunded without a return, but Amazon paid a CustomerReturn reimbursement after the wait period.',
  lk_refund_recent: 'Refunded without a return so far, but the refund is younger than the wait period (60 days US / 45 days EU): too early to claim.',
  lk_return_damaged_reimbursed: 'Return graded DAMAGED/CARRIER_DAMAGED and reimbursed (CustomerReturn): nothing owed.',
  lk_return_damaged_recent: 'Return graded DAMAGED/CARRIER_DAMAGED less than 30 days ago; Amazon reimburses these on its own: not yet claimable.',
  lk_return_customer_damaged: 'Return graded CUSTOMER_DAMAGED: the buyer damaged it, Amazon does not reimburse (§2.1).',
};

export function scenarioEntries(w: OrderWorld, account: AmazonAccount, out: WorldOutput): void {
  const o = w.order;
  const kind = w.outcome?.kind;
  const item = o.items[0];
  const refund = o.refunds[0];
  const ret = o.returns[0];
  if (!kind || !item || !refund) return;
  const base = { account, sku: item.sku, orderId: o.externalId, quantity: item.quantity };
  if (kind.startsWith('lk_')) {
    const eventAt = ret?.receivedAt ?? refund.refundedAt;
    const decoy: DemoDecoy = {
      id: `decoy-${w.index}-${kind}`, type: kind, looksLike: LOOKS_LIKE[kind] ?? 'refund_no_return', ...base,
      referenceId: ret?.licensePlateNumber ?? refund.externalId, eventDate: isoOffset(eventAt), explanation: DECOY_TEXT[kind] ?? '',
    };
    out.decoys.push(decoy);
    return;
  }
  const product = productBySku(item.sku);
  const unit = afterOrderUnitValue(item.unitPriceMinor);
  const window = claimWindow('customer_return', countryOf(account), refund.refundedAt);
  const money = (m: number): string => humanMoney(m, o.currency);
  const valueText = `Value ${money(unit.valueMinor * item.quantity)} = ${item.quantity} × ${money(unit.valueMinor)} (${unit.basis}). Window: ${window.rule}.`;
  const text: Record<string, string> = {
    refund_no_return: `Buyer refunded ${money(refund.amountMinor)} on ${isoDay(refund.refundedAt)}; no customer-returns row and no CustomerReturn reimbursement ${refundWaitDays(account)}+ days later. ${valueText}`,
    return_damaged_unreimbursed: `Return ${ret?.licensePlateNumber ?? ''} graded ${ret?.disposition ?? ''} on ${ret?.receivedAt ? isoDay(ret.receivedAt) : ''} (Amazon takes ownership) but never reimbursed (30+ days). ${valueText}`,
    return_sellable_but_damaged: `Return ${ret?.licensePlateNumber ?? ''} graded SELLABLE although the buyer reported damage (reason ${ret?.reason ?? ''}, comment "${ret?.customerComment ?? ''}"${o.conversation?.intent === 'damaged_defective' ? ', and a damaged_defective message on the order' : ''}); request re-inspection and reimbursement. ${valueText}`,
  };
  const entry: DemoDiscrepancy = {
    id: `disc-${w.index}-${kind}`, type: kind as DiscrepancyType, ...base, marketplace: countryOf(account),
    fnsku: fnskuFor(product, account), asin: product.asin,
    ...(kind === 'refund_no_return' ? { referenceId: refund.externalId } : { referenceId: ret?.licensePlateNumber ?? '' }),
    valueMinor: unit.valueMinor * item.quantity, currency: currencyOf(account),
    eventDate: isoOffset(kind === 'refund_no_return' ? refund.refundedAt : (ret?.receivedAt ?? refund.refundedAt)),
    ...windowFields(window), explanation: text[kind] ?? '',
  };
  out.discrepancies.push(entry);
}
