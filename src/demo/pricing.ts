// Order lines and totals in minor units. Invariant: total = subtotal + shipping + tax - discount.
// US channels: list prices are net, sales tax by state on (subtotal - discount + shipping).
// Amazon DE: list prices are gross incl. 19 % VAT; items carry the net unit price, tax = VAT.

import type { Rng } from './rng.ts';
import { PRODUCT_WEIGHTS, VAT_BPS, fnskuFor, titleFor } from './catalog.ts';
import { amazonOrderItemId, shopifyLineItemId } from './ids.ts';
import { percentOf } from './format.ts';
import { usSalesTaxBps, type Place } from './places.ts';
import type { AccountKey, DemoOrderItem, DemoProduct, Fulfillment } from './types.ts';

export interface PricedOrder {
  items: DemoOrderItem[];
  subtotalMinor: number;
  shippingMinor: number;
  taxMinor: number;
  discountMinor: number;
  totalMinor: number;
  taxBps: number;
  shipServiceLevel: string;
  prime: boolean;
}

function pickLines(rng: Rng, forceSingle: boolean): { product: DemoProduct; quantity: number }[] {
  const count = forceSingle ? 1 : rng.weighted<number>([[1, 72], [2, 22], [3, 6]]);
  const lines: { product: DemoProduct; quantity: number }[] = [];
  for (let tries = 0; lines.length < count && tries < 20; tries++) {
    const product = rng.weighted(PRODUCT_WEIGHTS);
    if (lines.some((l) => l.product.sku === product.sku)) continue;
    lines.push({ product, quantity: rng.weighted<number>([[1, 85], [2, 12], [3, 3]]) });
  }
  return lines;
}

function unitPrice(product: DemoProduct, account: AccountKey): number {
  const list = product.listPriceMinor[account];
  const vat = VAT_BPS[account];
  return vat > 0 ? Math.round((list * 10000) / (10000 + vat)) : list;
}

function itemId(rng: Rng, account: AccountKey): string {
  if (account === 'amazon-us' || account === 'amazon-de') return amazonOrderItemId(rng);
  if (account === 'shopify') return shopifyLineItemId(rng);
  return `17${rng.digits(16)}`;
}

function discountFor(rng: Rng, account: AccountKey, subtotal: number): number {
  const [share, bps] = account === 'tiktok' ? [0.4, rng.pick([1000, 1500, 2000, 3000])]
    : account === 'shopify' ? [0.22, rng.pick([1000, 1500])]
      : account === 'amazon-de' ? [0.08, 500]
        : [0.12, rng.pick([500, 1000, 1500])];
  return rng.chance(share) ? percentOf(subtotal, bps) : 0;
}

function shippingFor(rng: Rng, account: AccountKey, fulfillment: Fulfillment, net: number, country: string): number {
  if (country === 'CA') return 1995;
  if (account === 'shopify') return net < 5000 ? 695 : 0;
  if (account === 'tiktok') return rng.chance(0.2) ? 399 : 0;
  if (fulfillment === 'FBM') return rng.chance(0.4) ? 499 : 0;
  return net < 3500 && rng.chance(0.08) ? (account === 'amazon-de' ? 251 : 599) : 0;
}

function serviceLevel(rng: Rng, account: AccountKey, fulfillment: Fulfillment, prime: boolean): string {
  if (account === 'shopify' || account === 'tiktok') return rng.chance(0.85) ? 'Standard' : 'Expedited';
  if (fulfillment === 'FBM') return rng.chance(0.8) ? 'Standard' : 'SecondDay';
  if (!prime) return 'Standard';
  return rng.weighted<string>([['Expedited', 70], ['SecondDay', 15], ['NextDay', 15]]);
}

export function priceOrder(rng: Rng, account: AccountKey, fulfillment: Fulfillment, place: Place, forceSingle: boolean): PricedOrder {
  const lines = pickLines(rng, forceSingle);
  const items: DemoOrderItem[] = lines.map(({ product, quantity }) => ({
    externalId: itemId(rng, account),
    sku: product.sku,
    asin: account === 'amazon-us' || account === 'amazon-de' ? product.asin : null,
    fnsku: fulfillment === 'FBA' ? fnskuFor(product, account) : null,
    title: titleFor(product, account),
    quantity,
    unitPriceMinor: unitPrice(product, account),
  }));
  const subtotalMinor = items.reduce((s, i) => s + i.unitPriceMinor * i.quantity, 0);
  const discountMinor = discountFor(rng, account, subtotalMinor);
  const shippingMinor = shippingFor(rng, account, fulfillment, subtotalMinor - discountMinor, place.country);
  const taxBps = VAT_BPS[account] > 0 ? VAT_BPS[account] : place.country === 'US' ? usSalesTaxBps(place.state) : 0;
  const taxMinor = percentOf(subtotalMinor - discountMinor + shippingMinor, taxBps);
  const prime = fulfillment === 'FBA' && shippingMinor === 0;
  return {
    items, subtotalMinor, shippingMinor, taxMinor, discountMinor,
    totalMinor: subtotalMinor + shippingMinor + taxMinor - discountMinor,
    taxBps, prime, shipServiceLevel: serviceLevel(rng, account, fulfillment, prime),
  };
}

/** Share of the order total attributable to `lineMinor` of the subtotal (for refunds). */
export function proratedTotal(order: { subtotalMinor: number; totalMinor: number; shippingMinor: number }, lineMinor: number): number {
  if (order.subtotalMinor <= 0) return 0;
  return Math.floor(((order.totalMinor - order.shippingMinor) * lineMinor) / order.subtotalMinor);
}
