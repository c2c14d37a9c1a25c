// FBA inventory incidents of the world: the scenario anchored at an order (plan.ts) plus background
// activity that is never claimable (full restocks, Q+P disposition changes).

import { Rng } from './rng.ts';
import { addMs } from './format.ts';
import { ledgerRow, type WorldOutput } from './amazon-rows.ts';
import { incidentCtx, refId } from './incident-context.ts';
import { fcIncident, type FcKind } from './incidents-fc.ts';
import { inboundShipment, type InboundKind } from './incidents-inbound.ts';
import { removalIncident, type RemovalKind } from './incidents-removal.ts';
import { isOrderScenario, type IncidentScenario } from './plan.ts';
import type { OrderWorld } from './order-builder.ts';

const INBOUND: ReadonlySet<string> = new Set(['inbound_shortage', 'lk_inbound_reimbursed', 'lk_inbound_receiving']);
const REMOVAL: ReadonlySet<string> = new Set(['removal_lost', 'lk_removal_in_transit', 'lk_removal_cancelled', 'lk_disposal']);

/** Background restock probability per FBA order (≈ one shipment per 160 FBA orders). */
const RESTOCK_RATE = 1 / 160;
const DISPOSITION_CHANGE_RATE = 1 / 250;

function scenarioIncident(seed: number, w: OrderWorld, now: Date, out: WorldOutput): void {
  const s = w.scenario;
  if (!s || isOrderScenario(s)) return;
  const ctx = incidentCtx(seed, w.index, w.order.purchasedAt, now, out);
  if (ctx.at.getTime() > now.getTime()) return;
  const kind = s as IncidentScenario;
  if (INBOUND.has(kind)) inboundShipment(ctx, kind as InboundKind);
  else if (REMOVAL.has(kind)) removalIncident(ctx, kind as RemovalKind);
  else fcIncident(ctx, kind as FcKind);
}

function background(seed: number, w: OrderWorld, now: Date, out: WorldOutput): void {
  if (w.order.fulfillment !== 'FBA') return;
  const rng = Rng.derive(seed, 'background', w.index);
  if (rng.chance(RESTOCK_RATE)) {
    const ctx = incidentCtx(seed, w.index, w.order.purchasedAt, now, out, 'restock');
    if (ctx.at.getTime() <= now.getTime()) inboundShipment(ctx, 'background');
  }
  if (rng.chance(DISPOSITION_CHANGE_RATE)) {
    const ctx = incidentCtx(seed, w.index, w.order.purchasedAt, now, out, 'disposition');
    if (ctx.at.getTime() > now.getTime()) return;
    const common = { product: ctx.product, account: ctx.account, eventType: 'Adjustments' as const, fc: ctx.fc };
    out.rows.push(
      ledgerRow({ ...common, at: ctx.at, referenceId: refId(ctx, 40), quantity: -1, disposition: 'Sellable', reason: 'Q' }),
      ledgerRow({ ...common, at: addMs(ctx.at, 1000), referenceId: refId(ctx, 41), quantity: 1, disposition: 'Defective', reason: 'P' }),
    );
  }
}

export function incidentRows(seed: number, w: OrderWorld, now: Date, out: WorldOutput): void {
  scenarioIncident(seed, w, now, out);
  background(seed, w, now, out);
}
