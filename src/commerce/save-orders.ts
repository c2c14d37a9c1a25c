import { isoOrNull as iso, newId } from '../kernel/index.ts';
import { insertRows, insertRowsReturning } from '../platform/db/insert-rows.ts';
import type { Queryable } from '../platform/db/port.ts';
import type { CustomerInput, OrderInput } from './order-input.ts';

/**
 * Stores orders with their items, shipments, tracking events, returns and refunds, set-based (one
 * statement per table per batch). Idempotent by (channel, external id), also under concurrent ingestion:
 * an order already stored (or stored by another process meanwhile) is skipped with its children, and a
 * batch may name the same order twice. Returns external id → order id for every input order.
 */
export async function saveOrders(q: Queryable, workspaceId: string, orders: readonly OrderInput[], now: Date): Promise<Map<string, string>> {
  const key = (channel: string, externalId: string): string => `${channel}\t${externalId}`;
  const planned = new Map<string, { id: string; order: OrderInput }>();
  for (const o of orders) if (!planned.has(key(o.channel, o.externalId))) planned.set(key(o.channel, o.externalId), { id: newId('ord', o.purchasedAt), order: o });
  const rows = { orders: [] as object[], items: [] as object[], shipments: [] as object[], events: [] as object[], returns: [] as object[], refunds: [] as object[] };
  for (const { id, order } of planned.values()) rows.orders.push(orderRow(workspaceId, id, order, now));
  const inserted = await insertRowsReturning<{ id: string }>(q, 'orders', ORDER_COLS, rows.orders as Record<string, unknown>[], 'ON CONFLICT (workspace_id, channel, external_id) DO NOTHING', ['id']);
  const fresh = new Set(inserted.map((r) => r.id));
  for (const { id, order } of planned.values()) if (fresh.has(id)) collectChildRows(rows, workspaceId, id, order, now);
  await insertRows(q, 'order_items', ITEM_COLS, rows.items as Record<string, unknown>[]);
  await insertRows(q, 'shipments', SHIPMENT_COLS, rows.shipments as Record<string, unknown>[]);
  await insertRows(q, 'tracking_events', EVENT_COLS, rows.events as Record<string, unknown>[], 'ON CONFLICT DO NOTHING');
  await insertRows(q, 'returns', RETURN_COLS, rows.returns as Record<string, unknown>[]);
  await insertRows(q, 'refunds', REFUND_COLS, rows.refunds as Record<string, unknown>[]);
  const skipped = [...planned.values()].filter((p) => !fresh.has(p.id)).map((p) => p.order);
  const existing = await q.query<{ channel: string; external_id: string; id: string }>(
    `SELECT o.channel, o.external_id, o.id FROM orders o JOIN unnest($2::text[], $3::text[]) AS k(channel, external_id)
       ON k.channel = o.channel AND k.external_id = o.external_id WHERE o.workspace_id = $1`,
    [workspaceId, skipped.map((o) => o.channel), skipped.map((o) => o.externalId)],
  );
  for (const r of existing.rows) planned.set(key(r.channel, r.external_id), { id: r.id, order: planned.get(key(r.channel, r.external_id))!.order });
  const out = new Map<string, string>();
  for (const o of orders) out.set(o.externalId, planned.get(key(o.channel, o.externalId))!.id);
  return out;
}

const ORDER_COLS = {
  id: 'text', workspace_id: 'text', channel_account_id: 'text', channel: 'text', marketplace: 'text', external_id: 'text', customer_id: 'text',
  fulfillment: 'text', status: 'text', purchased_at: 'timestamptz', promised_ship_by: 'timestamptz', promised_delivery_by: 'timestamptz',
  currency: 'text', subtotal_minor: 'bigint', shipping_minor: 'bigint', tax_minor: 'bigint', discount_minor: 'bigint', total_minor: 'bigint',
  ship_country: 'text', ship_postal_code: 'text', ship_city: 'text', created_at: 'timestamptz', updated_at: 'timestamptz',
};
const ITEM_COLS = { id: 'text', workspace_id: 'text', order_id: 'text', external_id: 'text', sku: 'text', asin: 'text', fnsku: 'text', title: 'text', quantity: 'integer', unit_price_minor: 'bigint', currency: 'text' };
const SHIPMENT_COLS = {
  id: 'text', workspace_id: 'text', order_id: 'text', carrier: 'text', service: 'text', tracking_number: 'text', status: 'text',
  shipped_at: 'timestamptz', delivered_at: 'timestamptz', signed_by: 'text', uploaded_to_marketplace: 'boolean', created_at: 'timestamptz',
};
const EVENT_COLS = { id: 'text', workspace_id: 'text', shipment_id: 'text', occurred_at: 'timestamptz', status: 'text', message: 'text', location: 'text' };
const RETURN_COLS = {
  id: 'text', workspace_id: 'text', order_id: 'text', external_id: 'text', sku: 'text', quantity: 'integer', reason: 'text', customer_comment: 'text',
  disposition: 'text', status: 'text', requested_at: 'timestamptz', received_at: 'timestamptz',
};
const REFUND_COLS = { id: 'text', workspace_id: 'text', order_id: 'text', return_id: 'text', external_id: 'text', amount_minor: 'bigint', currency: 'text', reason: 'text', refunded_at: 'timestamptz' };

type Rows = Record<'orders' | 'items' | 'shipments' | 'events' | 'returns' | 'refunds', object[]>;

function orderRow(ws: string, orderId: string, o: OrderInput, now: Date): object {
  return {
    id: orderId, workspace_id: ws, channel_account_id: o.channelAccountId, channel: o.channel, marketplace: o.marketplace, external_id: o.externalId,
    customer_id: o.customerId, fulfillment: o.fulfillment, status: o.status, purchased_at: iso(o.purchasedAt), promised_ship_by: iso(o.promisedShipBy),
    promised_delivery_by: iso(o.promisedDeliveryBy), currency: o.currency, subtotal_minor: o.subtotalMinor, shipping_minor: o.shippingMinor,
    tax_minor: o.taxMinor, discount_minor: o.discountMinor, total_minor: o.totalMinor, ship_country: o.shipCountry, ship_postal_code: o.shipPostalCode,
    ship_city: o.shipCity, created_at: iso(now), updated_at: iso(now),
  };
}

function collectChildRows(rows: Rows, ws: string, orderId: string, o: OrderInput, now: Date): void {
  for (const it of o.items) {
    rows.items.push({ id: newId('itm', o.purchasedAt), workspace_id: ws, order_id: orderId, external_id: it.externalId, sku: it.sku, asin: it.asin, fnsku: it.fnsku, title: it.title, quantity: it.quantity, unit_price_minor: it.unitPriceMinor, currency: o.currency });
  }
  for (const s of o.shipments) {
    const shipmentId = newId('shp', o.purchasedAt);
    rows.shipments.push({
      id: shipmentId, workspace_id: ws, order_id: orderId, carrier: s.carrier, service: s.service, tracking_number: s.trackingNumber, status: s.status,
      shipped_at: iso(s.shippedAt), delivered_at: iso(s.deliveredAt), signed_by: s.signedBy, uploaded_to_marketplace: s.uploadedToMarketplace, created_at: iso(now),
    });
    for (const e of s.events) rows.events.push({ id: newId('trk', e.occurredAt), workspace_id: ws, shipment_id: shipmentId, occurred_at: iso(e.occurredAt), status: e.status, message: e.message, location: e.location });
  }
  const returnIds = o.returns.map((r) => {
    const id = newId('ret', r.requestedAt);
    rows.returns.push({
      id, workspace_id: ws, order_id: orderId, external_id: r.externalId, sku: r.sku, quantity: r.quantity, reason: r.reason, customer_comment: r.customerComment,
      disposition: r.disposition, status: r.status, requested_at: iso(r.requestedAt), received_at: iso(r.receivedAt),
    });
    return id;
  });
  for (const f of o.refunds) {
    rows.refunds.push({
      id: newId('rfd', f.refundedAt), workspace_id: ws, order_id: orderId, return_id: f.returnIndex === undefined ? null : (returnIds[f.returnIndex] ?? null),
      external_id: f.externalId, amount_minor: f.amountMinor, currency: f.currency, reason: f.reason, refunded_at: iso(f.refundedAt),
    });
  }
}

/**
 * Finds or creates customers by their channel identities (buyer relay address, Shopify customer id, e-mail).
 * Returns, per input, the customer id. One customer across channels when any identity matches.
 */
export async function saveCustomers(q: Queryable, workspaceId: string, customers: readonly CustomerInput[], now: Date): Promise<string[]> {
  const idents = customers.flatMap((c) => c.identities);
  const found = await q.query<{ channel: string; external_id: string; customer_id: string }>(
    `SELECT i.channel, i.external_id, i.customer_id FROM customer_identities i
     JOIN unnest($2::text[], $3::text[]) AS k(channel, external_id) ON k.channel = i.channel AND k.external_id = i.external_id
     WHERE i.workspace_id = $1`,
    [workspaceId, idents.map((i) => i.channel), idents.map((i) => i.externalId)],
  );
  const byKey = new Map(found.rows.map((r) => [`${r.channel}\t${r.external_id}`, r.customer_id]));
  const newCustomers: object[] = [];
  const newIdentities: object[] = [];
  const out = customers.map((c) => {
    const ks = c.identities.map((i) => `${i.channel}\t${i.externalId}`);
    const hit = ks.map((k) => byKey.get(k)).find((x) => x !== undefined);
    const id = hit ?? newId('cus', now);
    if (!hit) newCustomers.push({ id, workspace_id: workspaceId, name: c.name, email: c.email, phone: c.phone, country: c.country, created_at: now.toISOString() });
    c.identities.forEach((i, n) => {
      if (byKey.has(ks[n]!)) return;
      byKey.set(ks[n]!, id);
      newIdentities.push({ workspace_id: workspaceId, customer_id: id, channel: i.channel, external_id: i.externalId });
    });
    return id;
  });
  await insertRows(q, 'customers', { id: 'text', workspace_id: 'text', name: 'text', email: 'text', phone: 'text', country: 'text', created_at: 'timestamptz' }, newCustomers as Record<string, unknown>[]);
  await insertRows(q, 'customer_identities', { workspace_id: 'text', customer_id: 'text', channel: 'text', external_id: 'text' }, newIdentities as Record<string, unknown>[], 'ON CONFLICT DO NOTHING');
  return out;
}
