// Shared context of an FBA inventory incident (one scenario anchored at an order index): product,
// account, fulfilment centre, anchor time, unique ids, and the ground-truth entry helpers.

import { Rng } from './rng.ts';
import { PRODUCT_WEIGHTS, fnskuFor } from './catalog.ts';
import { DAY_MS, humanMoney, isoOffset } from './format.ts';
import { idKey, ledgerReferenceId, reimbursementId } from './ids.ts';
import { FULFILLMENT_CENTERS } from './places.ts';
import { countryOf, currencyOf, type AmazonAccount, type WorldOutput } from './amazon-rows.ts';
import { claimWindow, windowFields, type ClaimKind, type ClaimWindow } from './claim-windows.ts';
import type { DemoDecoy, DemoProduct, DiscrepancyType } from './types.ts';

export interface IncidentCtx {
  seed: number;
  index: number;
  now: Date;
  rng: Rng;
  account: AmazonAccount;
  product: DemoProduct;
  fc: string;
  /** Anchor time: never before the anchor order's purchase time (keeps the output sorted). */
  at: Date;
  out: WorldOutput;
}

export function incidentCtx(seed: number, index: number, anchor: Date, now: Date, out: WorldOutput, salt = 'incident'): IncidentCtx {
  const rng = Rng.derive(seed, salt, index);
  const account: AmazonAccount = rng.chance(0.65) ? 'amazon-us' : 'amazon-de';
  const product = rng.weighted(PRODUCT_WEIGHTS);
  const fc = rng.pick(FULFILLMENT_CENTERS[countryOf(account) as 'US' | 'DE'])[0];
  return { seed, index, now, rng, account, product, fc, at: new Date(anchor.getTime() + 3_600_000), out };
}

/** Ledger ReferenceID / reimbursement id number `n` (0..47) of this incident, unique in the world. */
export function refId(ctx: IncidentCtx, n: number): string {
  return ledgerReferenceId(idKey(ctx.index, 16 + n));
}

export function reimbId(ctx: IncidentCtx, n: number): string {
  return reimbursementId(idKey(ctx.index, 16 + n));
}

export const ageDays = (ctx: IncidentCtx, d: Date): number => (ctx.now.getTime() - d.getTime()) / DAY_MS;
export const notAfterNow = (ctx: IncidentCtx, d: Date): boolean => d.getTime() <= ctx.now.getTime();

export function money(ctx: IncidentCtx, minor: number): string {
  return humanMoney(minor, currencyOf(ctx.account));
}

export interface DiscrepancyFields {
  quantity: number;
  valueMinor: number;
  eventDate: Date;
  window: ClaimWindow;
  referenceId?: string;
  shipmentId?: string;
  explanation: string;
}

export function addDiscrepancy(ctx: IncidentCtx, type: DiscrepancyType, f: DiscrepancyFields): void {
  ctx.out.discrepancies.push({
    id: `disc-${ctx.index}-${type}`, type, account: ctx.account, marketplace: countryOf(ctx.account),
    sku: ctx.product.sku, fnsku: fnskuFor(ctx.product, ctx.account), asin: ctx.product.asin,
    ...(f.shipmentId ? { shipmentId: f.shipmentId } : {}), ...(f.referenceId ? { referenceId: f.referenceId } : {}),
    quantity: f.quantity, valueMinor: f.valueMinor, currency: currencyOf(ctx.account), eventDate: isoOffset(f.eventDate),
    ...windowFields(f.window), explanation: `${f.explanation} Window: ${f.window.rule}.`,
  });
}

export function addDecoy(ctx: IncidentCtx, type: string, looksLike: DiscrepancyType, f: { quantity: number; eventDate: Date; referenceId?: string; shipmentId?: string; explanation: string }): void {
  const decoy: DemoDecoy = {
    id: `decoy-${ctx.index}-${type}`, type, looksLike, account: ctx.account, sku: ctx.product.sku,
    ...(f.shipmentId ? { shipmentId: f.shipmentId } : {}), ...(f.referenceId ? { referenceId: f.referenceId } : {}),
    quantity: f.quantity, eventDate: isoOffset(f.eventDate), explanation: f.explanation,
  };
  ctx.out.decoys.push(decoy);
}

export function windowFor(ctx: IncidentCtx, kind: ClaimKind, eventDate: Date): ClaimWindow {
  return claimWindow(kind, countryOf(ctx.account), eventDate);
}
