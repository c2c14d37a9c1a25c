// Removal orders (FBA → seller): removal order detail, removal shipment detail, ledger VendorReturns /
// D disposals, and the seller's own receiving log. One lost-in-transit claim and its decoys.

import type { Rng } from './rng.ts';
import { fnskuFor } from './catalog.ts';
import { addDays, addHours, decimal, isoDay, isoOffset } from './format.ts';
import { removalOrderId } from './ids.ts';
import { generateTrackingNumber } from './tracking-numbers.ts';
import { currencyOf, ledgerRow } from './amazon-rows.ts';
import { addDecoy, addDiscrepancy, money, notAfterNow, refId, windowFor, type IncidentCtx } from './incident-context.ts';
import { preOrderUnitValue } from './valuation.ts';
import type { Carrier } from './types.ts';

export type RemovalKind = 'removal_lost' | 'lk_removal_in_transit' | 'lk_removal_cancelled' | 'lk_disposal';

interface Removal {
  orderId: string;
  type: 'Return' | 'Disposal';
  disposition: 'Sellable' | 'Unsellable';
  requested: number;
  cancelled: number;
  disposed: number;
  shipped: number;
  inProcess: number;
  status: string;
  updated: Date;
}

function carrierFor(rng: Rng, account: string): Carrier {
  return account === 'amazon-de' ? (rng.chance(0.7) ? 'DHL Paket' : 'UPS') : rng.pick<Carrier>(['UPS', 'FedEx', 'USPS']);
}

function orderRow(ctx: IncidentCtx, r: Removal): void {
  const fee = (ctx.account === 'amazon-de' ? 45 : 104) * (r.requested - r.cancelled);
  ctx.out.rows.push({
    file: `${ctx.account}:removal-orders`, at: ctx.at,
    cells: [isoOffset(ctx.at), r.orderId, r.type, 'Standard', r.status, isoOffset(r.updated), ctx.product.sku, fnskuFor(ctx.product, ctx.account),
      r.disposition, String(r.requested), String(r.cancelled), String(r.disposed), String(r.shipped), String(r.inProcess), decimal(fee), currencyOf(ctx.account)],
  });
}

interface Shipped { carrier: Carrier; tracking: string; at: Date }

function shipmentRows(ctx: IncidentCtx, r: Removal, at: Date): Shipped {
  const carrier = carrierFor(ctx.rng, ctx.account);
  const tracking = generateTrackingNumber(carrier, ctx.rng);
  ctx.out.rows.push(
    { file: `${ctx.account}:removal-shipments`, at, cells: [isoOffset(ctx.at), r.orderId, isoOffset(at), ctx.product.sku, fnskuFor(ctx.product, ctx.account), r.disposition, String(r.shipped), carrier, tracking, r.type] },
    ledgerRow({ at, product: ctx.product, account: ctx.account, eventType: 'VendorReturns', referenceId: r.orderId, quantity: -r.shipped, fc: ctx.fc, disposition: r.disposition === 'Sellable' ? 'Sellable' : 'Customer damaged' }),
  );
  return { carrier, tracking, at };
}

function receiptRow(ctx: IncidentCtx, r: Removal, s: Shipped, received: number, at: Date | null, status: string): void {
  ctx.out.rows.push({
    file: 'seller-removal-receipts', at: at ?? s.at,
    cells: [ctx.account, r.orderId, s.carrier, s.tracking, ctx.product.sku, fnskuFor(ctx.product, ctx.account), String(r.shipped), String(received), at ? isoDay(at) : '', status],
  });
}

function disposal(ctx: IncidentCtx, r: Removal): void {
  const at = addDays(ctx.at, ctx.rng.int(1, 3));
  const done = notAfterNow(ctx, at);
  orderRow(ctx, { ...r, type: 'Disposal', disposition: 'Unsellable', shipped: 0, disposed: done ? r.requested : 0, inProcess: done ? 0 : r.requested, status: done ? 'Completed' : 'Pending', updated: done ? at : ctx.at });
  if (done) ctx.out.rows.push(ledgerRow({ at, product: ctx.product, account: ctx.account, eventType: 'Adjustments', referenceId: refId(ctx, 4), quantity: -r.requested, fc: ctx.fc, disposition: 'Customer damaged', reason: 'D' }));
  addDecoy(ctx, 'lk_disposal', 'removal_lost', { quantity: r.requested, eventDate: ctx.at, referenceId: r.orderId, explanation: `Disposal order ${r.orderId}: units destroyed at the seller's request (ledger D), nothing shipped, nothing lost.` });
}

export function removalIncident(ctx: IncidentCtx, kind: RemovalKind): void {
  const { rng } = ctx;
  const requested = rng.int(3, 24);
  const base: Removal = { orderId: removalOrderId(rng, isoDay(ctx.at)), type: 'Return', disposition: rng.chance(0.6) ? 'Sellable' : 'Unsellable', requested, cancelled: 0, disposed: 0, shipped: requested, inProcess: 0, status: 'Completed', updated: ctx.at };
  if (kind === 'lk_disposal') return disposal(ctx, base);
  const cancelled = kind === 'lk_removal_cancelled' ? rng.int(1, requested - 1) : 0;
  const shipAt = addDays(ctx.at, rng.int(2, 6));
  if (!notAfterNow(ctx, shipAt)) {
    orderRow(ctx, { ...base, shipped: 0, inProcess: requested, status: 'Pending' });
    return addDecoy(ctx, 'lk_removal_in_transit', 'removal_lost', { quantity: requested, eventDate: ctx.at, referenceId: base.orderId, explanation: `Removal ${base.orderId} not shipped yet (in process).` });
  }
  const r: Removal = { ...base, cancelled, shipped: requested - cancelled, updated: shipAt };
  orderRow(ctx, r);
  const s = shipmentRows(ctx, r, shipAt);
  const lostInTime = kind === 'removal_lost' && notAfterNow(ctx, addDays(shipAt, 20));
  const arrives = addDays(shipAt, rng.int(3, 8));
  if (kind === 'lk_removal_cancelled' && notAfterNow(ctx, arrives)) {
    receiptRow(ctx, r, s, r.shipped, arrives, 'received');
    return addDecoy(ctx, kind, 'removal_lost', { quantity: cancelled, eventDate: ctx.at, referenceId: r.orderId, explanation: `Removal ${r.orderId}: ${cancelled} of ${requested} units cancelled (cancelled-quantity), the ${r.shipped} shipped units all arrived.` });
  }
  if (!lostInTime && notAfterNow(ctx, addDays(shipAt, 14))) {
    receiptRow(ctx, r, s, r.shipped, arrives, 'received');
    return;
  }
  if (!lostInTime) {
    receiptRow(ctx, r, s, 0, null, 'in_transit');
    return addDecoy(ctx, 'lk_removal_in_transit', 'removal_lost', { quantity: r.shipped, eventDate: shipAt, referenceId: r.orderId, explanation: `Removal ${r.orderId} shipped ${isoDay(shipAt)} and not received yet, but a lost-in-transit claim only opens 15 days after shipment (§3.2).` });
  }
  const received = rng.chance(0.4) ? rng.int(1, r.shipped - 1) : 0;
  const lost = r.shipped - received;
  receiptRow(ctx, r, s, received, received ? addHours(arrives, 2) : null, received ? 'short' : 'not_received');
  const unit = preOrderUnitValue(ctx.product, ctx.account, shipAt);
  addDiscrepancy(ctx, 'removal_lost', {
    quantity: lost, valueMinor: lost * unit.valueMinor, eventDate: shipAt, referenceId: r.orderId, window: windowFor(ctx, 'removal_lost', shipAt),
    explanation: `Removal ${r.orderId}: ${r.shipped} unit(s) shipped ${isoDay(shipAt)} with ${s.carrier} ${s.tracking}; the seller's receiving log shows ${received} received. ${lost} lost in transit, not reimbursed. Value ${lost} × ${money(ctx, unit.valueMinor)} (${unit.basis}).`,
  });
}
