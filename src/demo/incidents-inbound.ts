// Inbound (seller → FBA) shipments: inbound-items rows (v0 getShipmentItems shape) and ledger
// Receipts. Background restocks are received in full; scenario shipments close short (claim),
// close short but get reimbursed (decoy), or are still receiving (decoy).

import { PRODUCT_WEIGHTS, fnskuFor } from './catalog.ts';
import { addDays, addHours, isoDay, shipmentNameDate } from './format.ts';
import { caseId, fbaShipmentId, idKey } from './ids.ts';
import { ledgerRow, reimbursementRow } from './amazon-rows.ts';
import { addDecoy, addDiscrepancy, money, notAfterNow, reimbId, windowFor, type IncidentCtx } from './incident-context.ts';
import { preOrderUnitValue } from './valuation.ts';
import type { DemoProduct } from './types.ts';

export type InboundKind = 'background' | 'inbound_shortage' | 'lk_inbound_reimbursed' | 'lk_inbound_receiving';

interface Line {
  product: DemoProduct;
  casePack: number;
  shipped: number;
  /** Units that will eventually be received. */
  finalReceived: number;
}

interface Timeline {
  shipped: Date;
  delivered: Date;
  receiveFrom: Date;
  receiveTo: Date;
  closed: Date;
}

function lines(ctx: IncidentCtx, shortage: number): Line[] {
  const { rng } = ctx;
  const out: Line[] = [];
  const want = rng.int(2, 6);
  for (let i = 0; out.length < want && i < 30; i++) {
    const product = i === 0 ? ctx.product : rng.weighted(PRODUCT_WEIGHTS);
    if (out.some((l) => l.product.sku === product.sku)) continue;
    const casePack = rng.pick([6, 12, 24]);
    const shipped = casePack * rng.int(2, 16);
    out.push({ product, casePack, shipped, finalReceived: i === 0 ? shipped - Math.min(shortage, shipped - 1) : shipped });
  }
  return out;
}

function timeline(ctx: IncidentCtx): Timeline {
  const { rng } = ctx;
  const shipped = addDays(ctx.at, rng.int(1, 3));
  const delivered = addDays(shipped, rng.int(4, 8));
  const receiveFrom = addHours(delivered, rng.int(20, 60));
  const receiveTo = addDays(receiveFrom, rng.int(2, 6));
  return { shipped, delivered, receiveFrom, receiveTo, closed: addDays(receiveTo, rng.int(2, 10)) };
}

function statusAt(t: Timeline, now: Date): string {
  const n = now.getTime();
  if (n < t.shipped.getTime()) return 'WORKING';
  if (n < t.delivered.getTime()) return 'IN_TRANSIT';
  if (n < t.receiveFrom.getTime()) return 'CHECKED_IN';
  if (n < t.closed.getTime()) return 'RECEIVING';
  return 'CLOSED';
}

/** Receipt events of one line: one or two scans between receiveFrom and receiveTo, cut at now. */
function receipts(ctx: IncidentCtx, line: Line, t: Timeline, shipmentId: string): number {
  const split = line.finalReceived > line.casePack && ctx.rng.chance(0.5) ? Math.floor(line.finalReceived / 2) : line.finalReceived;
  const parts = split === line.finalReceived ? [line.finalReceived] : [split, line.finalReceived - split];
  const span = t.receiveTo.getTime() - t.receiveFrom.getTime();
  let received = 0;
  parts.forEach((qty, i) => {
    const at = new Date(t.receiveFrom.getTime() + Math.floor((span * i) / parts.length));
    if (!notAfterNow(ctx, at) || qty <= 0) return;
    received += qty;
    ctx.out.rows.push(ledgerRow({ at, product: line.product, account: ctx.account, eventType: 'Receipts', referenceId: shipmentId, quantity: qty, fc: ctx.fc, disposition: 'Sellable' }));
  });
  return received;
}

function itemRows(ctx: IncidentCtx, shipmentId: string, t: Timeline, ls: Line[]): void {
  const status = statusAt(t, ctx.now);
  const name = `FBA (${shipmentNameDate(ctx.at)}) - ${ctx.rng.int(1, 3)}`;
  for (const line of ls) {
    const received = receipts(ctx, line, t, shipmentId);
    ctx.out.rows.push({
      file: `${ctx.account}:inbound`, at: ctx.at,
      cells: [shipmentId, name, ctx.fc, status, line.product.sku, fnskuFor(line.product, ctx.account), String(line.shipped), String(received), String(line.casePack)],
    });
  }
}

export function inboundShipment(ctx: IncidentCtx, kind: InboundKind): void {
  const shipmentId = fbaShipmentId(ctx.rng);
  const t = timeline(ctx);
  const closed = notAfterNow(ctx, t.closed);
  const effective: InboundKind = kind === 'background' ? kind
    : kind === 'lk_inbound_receiving' ? (closed ? 'background' : kind)
      : closed ? kind : 'lk_inbound_receiving';
  const shortage = effective === 'background' ? 0 : ctx.rng.weighted<number>([[1, 30], [2, 25], [3, 15], [6, 15], [12, 15]]);
  const ls = lines(ctx, shortage);
  itemRows(ctx, shipmentId, t, ls);
  const short = ls[0];
  if (effective === 'background' || !short) return;
  const missing = short.shipped - short.finalReceived;
  const unit = preOrderUnitValue(short.product, ctx.account, t.delivered);
  if (effective === 'lk_inbound_receiving') {
    return addDecoy(ctx, effective, 'inbound_shortage', { quantity: missing, eventDate: t.delivered, shipmentId, explanation: `Shipment ${shipmentId} is not CLOSED yet (still receiving or in transit): shipped > received is expected until Amazon finishes receiving (§3.3).` });
  }
  if (effective === 'lk_inbound_reimbursed') {
    const paidAt = new Date(Math.min(addDays(t.closed, ctx.rng.int(5, 20)).getTime(), ctx.now.getTime()));
    const id = reimbId(ctx, 8);
    ctx.out.rows.push(reimbursementRow({ at: paidAt, account: ctx.account, id, caseId: ctx.rng.chance(0.5) ? caseId(idKey(ctx.index, 24)) : undefined, reason: 'Lost_Inbound', product: short.product, perUnitMinor: unit.valueMinor, cashQty: missing }));
    return addDecoy(ctx, effective, 'inbound_shortage', { quantity: missing, eventDate: t.delivered, shipmentId, referenceId: id, explanation: `Shipment ${shipmentId} closed ${missing} unit(s) short, already reimbursed by ${id} (Lost_Inbound).` });
  }
  addDiscrepancy(ctx, 'inbound_shortage', {
    quantity: missing, valueMinor: missing * unit.valueMinor, eventDate: t.delivered, shipmentId, window: windowFor(ctx, 'inbound', t.delivered),
    explanation: `Inbound shipment ${shipmentId} to ${ctx.fc}: ${short.shipped} × ${short.product.sku} shipped, ${short.finalReceived} received; status CLOSED since ${isoDay(t.closed)}, no Lost_Inbound reimbursement and no receipt under another shipment. Value ${missing} × ${money(ctx, unit.valueMinor)} (${unit.basis}). Event date = delivery to the FC.`,
  });
}
