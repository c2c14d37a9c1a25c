import type { OrderDetail } from '../contracts/index.ts';
import { isoOrNull as iso } from '../kernel/index.ts';
import type { Queryable } from '../platform/db/port.ts';

interface OrderRow {
  id: string; channel: OrderDetail['channel']; marketplace: string | null; external_id: string; fulfillment: OrderDetail['fulfillment'];
  status: string; purchased_at: Date; promised_ship_by: Date | null; promised_delivery_by: Date | null; currency: string;
  subtotal_minor: number; shipping_minor: number; tax_minor: number; discount_minor: number; total_minor: number;
  ship_country: string | null; ship_postal_code: string | null; ship_city: string | null;
  items: { sku: string; asin: string | null; fnsku: string | null; title: string; quantity: number; unit_price_minor: number }[];
  shipments: { id: string; carrier: string; service: string | null; tracking_number: string | null; status: string; shipped_at: string | null; delivered_at: string | null; signed_by: string | null; uploaded_to_marketplace: boolean; events: { occurred_at: string; status: string; message: string; location: string | null }[] }[];
  returns: { id: string; sku: string | null; quantity: number; reason: string | null; customer_comment: string | null; disposition: string | null; status: string; requested_at: string }[];
  refunds: { id: string; amount_minor: number; currency: string; reason: string | null; refunded_at: string }[];
}

// json_agg renders timestamptz as text with the server's offset; normalise to ISO-8601 UTC.
const isoText = (s: string | null): string | null => (s ? new Date(s).toISOString() : null);

/** The order with everything an agent needs beside a conversation, in one round trip. Scoped to the workspace. */
export async function getOrderDetail(q: Queryable, workspaceId: string, orderId: string): Promise<OrderDetail | null> {
  const r = await q.query<OrderRow>(
    `SELECT o.*,
       coalesce((SELECT json_agg(json_build_object('sku', i.sku, 'asin', i.asin, 'fnsku', i.fnsku, 'title', i.title, 'quantity', i.quantity, 'unit_price_minor', i.unit_price_minor) ORDER BY i.sku)
                 FROM order_items i WHERE i.order_id = o.id), '[]') AS items,
       coalesce((SELECT json_agg(json_build_object('id', s.id, 'carrier', s.carrier, 'service', s.service, 'tracking_number', s.tracking_number, 'status', s.status,
                   'shipped_at', s.shipped_at, 'delivered_at', s.delivered_at, 'signed_by', s.signed_by, 'uploaded_to_marketplace', s.uploaded_to_marketplace,
                   'events', coalesce((SELECT json_agg(json_build_object('occurred_at', e.occurred_at, 'status', e.status, 'message', e.message, 'location', e.location) ORDER BY e.occurred_at)
                                       FROM tracking_events e WHERE e.shipment_id = s.id), '[]')) ORDER BY s.created_at)
                 FROM shipments s WHERE s.order_id = o.id), '[]') AS shipments,
       coalesce((SELECT json_agg(json_build_object('id', x.id, 'sku', x.sku, 'quantity', x.quantity, 'reason', x.reason, 'customer_comment', x.customer_comment,
                   'disposition', x.disposition, 'status', x.status, 'requested_at', x.requested_at) ORDER BY x.requested_at)
                 FROM returns x WHERE x.order_id = o.id), '[]') AS returns,
       coalesce((SELECT json_agg(json_build_object('id', f.id, 'amount_minor', f.amount_minor, 'currency', f.currency, 'reason', f.reason, 'refunded_at', f.refunded_at) ORDER BY f.refunded_at)
                 FROM refunds f WHERE f.order_id = o.id), '[]') AS refunds
     FROM orders o WHERE o.workspace_id = $1 AND o.id = $2`,
    [workspaceId, orderId],
  );
  const o = r.rows[0];
  if (!o) return null;
  return {
    id: o.id, channel: o.channel, marketplace: o.marketplace, externalId: o.external_id, fulfillment: o.fulfillment, status: o.status,
    purchasedAt: o.purchased_at.toISOString(), promisedShipBy: iso(o.promised_ship_by), promisedDeliveryBy: iso(o.promised_delivery_by),
    currency: o.currency, subtotalMinor: o.subtotal_minor, shippingMinor: o.shipping_minor, taxMinor: o.tax_minor, discountMinor: o.discount_minor, totalMinor: o.total_minor,
    shipTo: { country: o.ship_country, postalCode: o.ship_postal_code, city: o.ship_city },
    items: o.items.map((i) => ({ sku: i.sku, asin: i.asin, fnsku: i.fnsku, title: i.title, quantity: i.quantity, unitPriceMinor: Number(i.unit_price_minor) })),
    shipments: o.shipments.map((s) => ({
      id: s.id, carrier: s.carrier, service: s.service, trackingNumber: s.tracking_number, status: s.status, shippedAt: isoText(s.shipped_at), deliveredAt: isoText(s.delivered_at),
      signedBy: s.signed_by, uploadedToMarketplace: s.uploaded_to_marketplace,
      events: s.events.map((e) => ({ occurredAt: isoText(e.occurred_at)!, status: e.status, message: e.message, location: e.location })),
    })),
    returns: o.returns.map((x) => ({ id: x.id, sku: x.sku, quantity: x.quantity, reason: x.reason, customerComment: x.customer_comment, disposition: x.disposition, status: x.status, requestedAt: isoText(x.requested_at)! })),
    refunds: o.refunds.map((f) => ({ id: f.id, amountMinor: Number(f.amount_minor), currency: f.currency, reason: f.reason, refundedAt: isoText(f.refunded_at)! })),
  };
}

export interface CustomerSummary {
  id: string;
  name: string | null;
  email: string | null;
  country: string | null;
  identities: { channel: string; externalId: string }[];
  orderCount: number;
  ticketCount: number;
}

export async function getCustomerSummary(q: Queryable, workspaceId: string, customerId: string): Promise<CustomerSummary | null> {
  const r = await q.query<{ id: string; name: string | null; email: string | null; country: string | null; identities: { channel: string; externalId: string }[]; order_count: number; ticket_count: number }>(
    `SELECT c.id, c.name, c.email, c.country,
       coalesce((SELECT json_agg(json_build_object('channel', i.channel, 'externalId', i.external_id) ORDER BY i.channel) FROM customer_identities i WHERE i.customer_id = c.id), '[]') AS identities,
       (SELECT count(*)::int FROM orders o WHERE o.customer_id = c.id) AS order_count,
       (SELECT count(*)::int FROM tickets t WHERE t.customer_id = c.id) AS ticket_count
     FROM customers c WHERE c.workspace_id = $1 AND c.id = $2`,
    [workspaceId, customerId],
  );
  const c = r.rows[0];
  return c ? { id: c.id, name: c.name, email: c.email, country: c.country, identities: c.identities, orderCount: c.order_count, ticketCount: c.ticket_count } : null;
}
