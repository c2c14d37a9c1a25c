import { describe, it, expect, beforeAll } from 'vitest';
import { getTracking } from 'ts-tracking-number';
import { generateOrders } from './orders.ts';
import { isValidTrackingNumber } from './tracking-numbers.ts';
import { DEMO_ACCOUNTS } from './accounts.ts';
import { DEMO_PRODUCTS } from './catalog.ts';
import type { DemoOrder, ShipmentStatus } from './types.ts';

const NOW = new Date('2026-11-15T12:00:00Z');
const N = 2000;
let orders: DemoOrder[] = [];

beforeAll(() => {
  orders = [...generateOrders({ seed: 42, orders: N, now: NOW })];
});

const share = (pred: (o: DemoOrder) => boolean): number => orders.filter(pred).length / orders.length;

const REASONS = new Set(['NO_REASON_GIVEN', 'UNWANTED_ITEM', 'UNAUTHORIZED_PURCHASE', 'ORDERED_WRONG_ITEM', 'FOUND_BETTER_PRICE',
  'MISSED_ESTIMATED_DELIVERY', 'NOT_COMPATIBLE', 'NEVER_ARRIVED', 'DAMAGED_BY_CUSTOMER', 'CUSTOMER_DAMAGED', 'QUALITY_UNACCEPTABLE',
  'DEFECTIVE', 'ITEM_DEFECTIVE', 'MISSING_PARTS', 'NOT_AS_DESCRIBED', 'DAMAGED_BY_FC', 'DAMAGED_BY_CARRIER']);
const DISPOSITIONS = new Set(['SELLABLE', 'DAMAGED', 'CUSTOMER_DAMAGED', 'CARRIER_DAMAGED', 'DEFECTIVE', 'DISTRIBUTOR_DAMAGED', 'EXPIRED']);
const STATUSES: Record<string, readonly string[]> = {
  amazon: ['Shipped', 'Pending', 'Canceled', 'Unshipped'],
  shopify: ['fulfilled', 'unfulfilled', 'partially_refunded', 'refunded'],
  tiktok: ['AWAITING_SHIPMENT', 'IN_TRANSIT', 'DELIVERED', 'COMPLETED', 'CANCELLED'],
};
const SHIPMENT_STATUSES: readonly ShipmentStatus[] = ['pending', 'info_received', 'in_transit', 'out_for_delivery', 'attempt_fail', 'delivered', 'available_for_pickup', 'exception', 'expired'];

describe('generateOrders (2,000 orders)', () => {
  it('yields the requested count in purchase order inside the window', () => {
    expect(orders).toHaveLength(N);
    const start = NOW.getTime() - 120 * 86_400_000;
    for (let i = 0; i < orders.length; i++) {
      const t = (orders[i] as DemoOrder).purchasedAt.getTime();
      expect(t).toBeGreaterThanOrEqual(start);
      expect(t).toBeLessThanOrEqual(NOW.getTime());
      if (i > 0) expect(t).toBeGreaterThanOrEqual((orders[i - 1] as DemoOrder).purchasedAt.getTime());
    }
  });

  it('has the channel mix 40/15/20/15/10 (±4 points)', () => {
    const mix = [
      [share((o) => o.accountKey === 'amazon-us' && o.fulfillment === 'FBA'), 0.4],
      [share((o) => o.accountKey === 'amazon-us' && o.fulfillment === 'FBM'), 0.15],
      [share((o) => o.accountKey === 'amazon-de'), 0.2],
      [share((o) => o.accountKey === 'shopify'), 0.15],
      [share((o) => o.accountKey === 'tiktok'), 0.1],
    ];
    for (const [got, want] of mix) expect(Math.abs((got as number) - (want as number))).toBeLessThan(0.04);
    expect(DEMO_ACCOUNTS.map((a) => a.key)).toEqual(['amazon-us', 'amazon-de', 'shopify', 'tiktok']);
    expect(DEMO_PRODUCTS.length).toBeGreaterThanOrEqual(25);
    for (const p of DEMO_PRODUCTS) {
      expect(p.asin).toMatch(/^B0[A-Z0-9]{8}$/);
      expect(p.fnsku).toMatch(/^X00[A-Z0-9]{7}$/);
      expect(p.sku).toMatch(/^KT-[A-Z0-9]+-[A-Z0-9]+$/);
    }
  });

  it('uses the channels\' id formats, unique per channel', () => {
    let shopifyNumber = 1000;
    for (const o of orders) {
      if (o.accountKey === 'amazon-us') expect(o.externalId).toMatch(/^11[1-4]-\d{7}-\d{7}$/);
      if (o.accountKey === 'amazon-de') expect(o.externalId).toMatch(/^30[2-6]-\d{7}-\d{7}$/);
      if (o.accountKey === 'tiktok') expect(o.externalId).toMatch(/^57\d{16}$/);
      if (o.accountKey === 'shopify') {
        expect(o.externalId).toMatch(/^\d{13}$/);
        expect(o.name).toBe(`#${++shopifyNumber}`);
      }
    }
    expect(new Set(orders.map((o) => o.externalId)).size).toBe(N);
  });

  it('keeps money in integer minor units with total = subtotal + shipping + tax - discount', () => {
    for (const o of orders) {
      const values = [o.subtotalMinor, o.shippingMinor, o.taxMinor, o.discountMinor, o.totalMinor];
      for (const v of values) expect(Number.isInteger(v) && v >= 0).toBe(true);
      expect(o.totalMinor).toBe(o.subtotalMinor + o.shippingMinor + o.taxMinor - o.discountMinor);
      expect(o.subtotalMinor).toBe(o.items.reduce((s, i) => s + i.unitPriceMinor * i.quantity, 0));
      const refunded = o.refunds.reduce((s, r) => s + r.amountMinor, 0);
      expect(refunded).toBeLessThanOrEqual(o.totalMinor);
      for (const r of o.refunds) expect(r.currency).toBe(o.currency);
    }
  });

  it('uses each channel\'s status values and ships consistently', () => {
    for (const o of orders) {
      expect(STATUSES[o.channel]).toContain(o.status);
      if (o.status === 'Canceled' || o.status === 'CANCELLED') expect(o.shipments).toHaveLength(0);
      for (const s of o.shipments) {
        expect(SHIPMENT_STATUSES).toContain(s.status);
        expect(s.deliveredAt === null).toBe(s.status !== 'delivered');
        if (s.signedBy) expect(s.status).toBe('delivered');
        const times = s.events.map((e) => e.occurredAt.getTime());
        expect([...times].sort((a, b) => a - b)).toEqual(times);
        expect(Math.max(...times, 0)).toBeLessThanOrEqual(NOW.getTime());
        if (o.fulfillment === 'FBA') expect(s.uploadedToMarketplace).toBe(true);
      }
    }
    const shipments = orders.flatMap((o) => o.shipments.map((s) => ({ o, s })));
    expect(shipments.some(({ s }) => s.status === 'info_received' || s.status === 'expired')).toBe(true);
    expect(shipments.some(({ o, s }) => s.deliveredAt && o.promisedDeliveryBy && s.deliveredAt > o.promisedDeliveryBy)).toBe(true);
    expect(shipments.some(({ o, s }) => o.fulfillment === 'FBM' && !s.uploadedToMarketplace)).toBe(true);
    expect(shipments.some(({ s }) => s.signedBy !== null)).toBe(true);
    for (const st of ['delivered', 'in_transit', 'exception', 'available_for_pickup'] as const) {
      expect(shipments.some(({ s }) => s.events.some((e) => e.status === st)), st).toBe(true);
    }
  });

  it('gives FBM orders a ship-by 1-2 business days after purchase', () => {
    for (const o of orders.filter((x) => x.fulfillment === 'FBM')) {
      const days = ((o.promisedShipBy as Date).getTime() - o.purchasedAt.getTime()) / 86_400_000;
      expect(days).toBeGreaterThan(0);
      expect(days).toBeLessThan(5);
      expect([0, 6]).not.toContain((o.promisedShipBy as Date).getUTCDay());
    }
  });

  it('has tracking numbers valid for their carrier', () => {
    const codes: Record<string, string> = { UPS: 'ups', USPS: 'usps', FedEx: 'fedex', 'DHL Express': 'dhl', 'Amazon Logistics': 'amazon' };
    const carriers = new Set<string>();
    for (const s of orders.flatMap((o) => o.shipments)) {
      carriers.add(s.carrier);
      expect(isValidTrackingNumber(s.carrier, s.trackingNumber ?? ''), `${s.carrier} ${s.trackingNumber}`).toBe(true);
      const code = codes[s.carrier];
      if (code) expect(getTracking(s.trackingNumber ?? '')?.courier.code, `${s.carrier} ${s.trackingNumber}`).toBe(code);
    }
    expect([...carriers].sort()).toEqual(['Amazon Logistics', 'DHL Express', 'DHL Paket', 'DPD', 'FedEx', 'Hermes', 'UPS', 'USPS']);
  });

  it('has Amazon relay addresses, identities and repeat customers', () => {
    for (const o of orders) {
      if (o.channel === 'amazon') {
        const domain = o.marketplace === 'DE' ? 'de' : 'com';
        expect(o.customer.email).toMatch(new RegExp(`^[a-z0-9]{15}@marketplace\\.amazon\\.${domain}$`));
        expect(o.customer.identities).toEqual([{ channel: 'amazon', externalId: o.customer.email }]);
      }
      expect(o.customer.identities.length).toBeGreaterThan(0);
      expect(o.shipCountry).toBe(o.customer.country);
    }
    const byKey = new Map<string, number>();
    for (const o of orders) byKey.set(o.customer.key, (byKey.get(o.customer.key) ?? 0) + 1);
    expect([...byKey.values()].filter((n) => n > 1).length).toBeGreaterThan(50);
  });

  it('has returns with Amazon reason codes and dispositions, and refunds on a realistic fraction', () => {
    const amazonReturns = orders.filter((o) => o.channel === 'amazon').flatMap((o) => o.returns);
    expect(amazonReturns.length).toBeGreaterThan(40);
    for (const r of amazonReturns) {
      expect(REASONS.has(r.reason), r.reason).toBe(true);
      if (r.disposition) expect(DISPOSITIONS.has(r.disposition), r.disposition).toBe(true);
      expect(r.status === 'received').toBe(r.receivedAt !== null);
    }
    const refunded = share((o) => o.refunds.length > 0);
    expect(refunded).toBeGreaterThan(0.03);
    expect(refunded).toBeLessThan(0.2);
    for (const o of orders) {
      for (const r of o.refunds) if (r.returnIndex !== undefined) expect(o.returns[r.returnIndex]).toBeDefined();
    }
  });
});
