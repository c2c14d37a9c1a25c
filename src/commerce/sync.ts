import { isoOrNull as iso, newId } from '../kernel/index.ts';
import type { Queryable } from '../platform/db/port.ts';
import type { CustomerInput, OrderInput, RefundInput, ReturnInput, ShipmentInput } from './order-input.ts';
import { resolveCustomers } from './resolve.ts';
import { saveOrders } from './save-orders.ts';

/** An order as a channel reports it right now: webhooks and syncs send whole orders. */
export type OrderSnapshotInput = Omit<OrderInput, 'channelAccountId' | 'customerId'> & {
  readonly customer: CustomerInput | null;
  /** The name buyers quote when it is not the id (Shopify "#1001"). */
  readonly displayName?: string | null;
};

export type ChildUpdate =
  | { readonly kind: 'refund'; readonly channel: string; readonly orderExternalId: string; readonly refund: RefundInput & { readonly externalId: string } }
  | { readonly kind: 'shipment'; readonly channel: string; readonly orderExternalId: string; readonly shipment: ShipmentInput & { readonly externalId: string } }
  | { readonly kind: 'return'; readonly channel: string; readonly orderExternalId: string; readonly return: ReturnInput & { readonly externalId: string } };

export interface SyncResult {
  readonly created: number;
  readonly updated: number;
  /** Child updates whose order is not stored yet: the caller fetches the order (or retries later). */
  readonly missingOrders: readonly { channel: string; externalId: string }[];
}

/**
 * Applies order snapshots and child updates from a channel account. New orders are stored whole; known
 * orders get their header replaced and their children merged by their own ids (shipments by id or
 * tracking number, refunds and returns by id), so a redelivered webhook or an overlapping sync changes
 * nothing the second time.
 */
export async function syncOrders(q: Queryable, workspaceId: string, channelAccountId: string, snapshots: readonly OrderSnapshotInput[], children: readonly ChildUpdate[], now: Date): Promise<SyncResult> {
  const customerIds = await resolveCustomers(q, workspaceId, snapshots.map((s) => ({
    name: s.customer?.name ?? null, email: s.customer?.email ?? null, phone: s.customer?.phone ?? null, country: s.customer?.country ?? null,
    identity: s.customer?.identities[0] ?? null, orderCustomerId: null,
  })), now);
  const keys = snapshots.map((s) => ({ channel: s.channel, externalId: s.externalId }));
  const existing = await orderIds(q, workspaceId, [...keys, ...children.map((c) => ({ channel: c.channel, externalId: c.orderExternalId }))]);
  const fresh: OrderInput[] = [];
  let updated = 0;
  for (const [i, s] of snapshots.entries()) {
    const customerId = s.customer ? customerIds[i]! : null;
    const id = existing.get(`${s.channel}\t${s.externalId}`);
    if (!id) {
      const { customer: _c, displayName: _d, ...order } = s;
      fresh.push({ ...order, channelAccountId, customerId });
      continue;
    }
    await q.query(
      `UPDATE orders SET status = $3, promised_ship_by = coalesce($4, promised_ship_by), promised_delivery_by = coalesce($5, promised_delivery_by),
         subtotal_minor = $6, shipping_minor = $7, tax_minor = $8, discount_minor = $9, total_minor = $10,
         ship_country = coalesce($11, ship_country), ship_postal_code = coalesce($12, ship_postal_code), ship_city = coalesce($13, ship_city),
         customer_id = coalesce(customer_id, $14), display_name = coalesce($15, display_name), updated_at = $16
       WHERE workspace_id = $1 AND id = $2`,
      [workspaceId, id, s.status, s.promisedShipBy, s.promisedDeliveryBy, s.subtotalMinor, s.shippingMinor, s.taxMinor, s.discountMinor, s.totalMinor,
        s.shipCountry, s.shipPostalCode, s.shipCity, customerId, s.displayName ?? null, now],
    );
    for (const sh of s.shipments) await mergeShipment(q, workspaceId, id, { ...sh, externalId: null }, now);
    for (const r of s.returns) await mergeReturn(q, workspaceId, id, r);
    for (const f of s.refunds) await mergeRefund(q, workspaceId, id, f, s.currency);
    updated++;
  }
  if (fresh.length) {
    const ids = await saveOrders(q, workspaceId, fresh, now);
    const names = snapshots.filter((s) => s.displayName).map((s) => ({ id: ids.get(s.externalId), name: s.displayName }));
    if (names.length) {
      await q.query(`UPDATE orders o SET display_name = n.name FROM json_to_recordset($2::json) AS n(id text, name text) WHERE o.workspace_id = $1 AND o.id = n.id`, [workspaceId, JSON.stringify(names)]);
    }
    for (const o of fresh) existing.set(`${o.channel}\t${o.externalId}`, ids.get(o.externalId)!);
  }
  const missing: { channel: string; externalId: string }[] = [];
  for (const c of children) {
    const id = existing.get(`${c.channel}\t${c.orderExternalId}`);
    if (!id) {
      missing.push({ channel: c.channel, externalId: c.orderExternalId });
      continue;
    }
    if (c.kind === 'shipment') await mergeShipment(q, workspaceId, id, c.shipment, now);
    else if (c.kind === 'return') await mergeReturn(q, workspaceId, id, c.return);
    else await mergeRefund(q, workspaceId, id, c.refund, c.refund.currency);
    await q.query('UPDATE orders SET updated_at = $3 WHERE workspace_id = $1 AND id = $2', [workspaceId, id, now]);
  }
  return { created: fresh.length, updated, missingOrders: missing };
}

async function orderIds(q: Queryable, workspaceId: string, keys: readonly { channel: string; externalId: string }[]): Promise<Map<string, string>> {
  const r = await q.query<{ channel: string; external_id: string; id: string }>(
    `SELECT o.channel, o.external_id, o.id FROM orders o JOIN unnest($2::text[], $3::text[]) AS k(channel, external_id)
       ON o.channel = k.channel AND o.external_id = k.external_id WHERE o.workspace_id = $1`,
    [workspaceId, keys.map((k) => k.channel), keys.map((k) => k.externalId)],
  );
  return new Map(r.rows.map((x) => [`${x.channel}\t${x.external_id}`, x.id]));
}

async function mergeShipment(q: Queryable, ws: string, orderId: string, s: ShipmentInput & { externalId: string | null }, now: Date): Promise<void> {
  const found = await q.query<{ id: string }>(
    `SELECT id FROM shipments WHERE workspace_id = $1 AND order_id = $2 AND ((external_id IS NOT NULL AND external_id = $3) OR (tracking_number IS NOT NULL AND tracking_number = $4))
      ORDER BY (external_id = $3) DESC NULLS LAST LIMIT 1`,
    [ws, orderId, s.externalId, s.trackingNumber],
  );
  let id = found.rows[0]?.id;
  if (id) {
    await q.query(
      `UPDATE shipments SET status = $3, carrier = $4, service = coalesce($5, service), tracking_number = coalesce($6, tracking_number), shipped_at = coalesce(shipped_at, $7),
         delivered_at = coalesce($8, delivered_at), signed_by = coalesce($9, signed_by), external_id = coalesce(external_id, $10) WHERE workspace_id = $1 AND id = $2`,
      [ws, id, s.status, s.carrier, s.service, s.trackingNumber, s.shippedAt, s.deliveredAt, s.signedBy, s.externalId],
    );
  } else {
    id = newId('shp', s.shippedAt ?? now);
    await q.query(
      `INSERT INTO shipments (id, workspace_id, order_id, external_id, carrier, service, tracking_number, status, shipped_at, delivered_at, signed_by, uploaded_to_marketplace, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) ON CONFLICT DO NOTHING`,
      [id, ws, orderId, s.externalId, s.carrier, s.service, s.trackingNumber, s.status, s.shippedAt, s.deliveredAt, s.signedBy, s.uploadedToMarketplace, now],
    );
  }
  for (const e of s.events) {
    await q.query(
      `INSERT INTO tracking_events (id, workspace_id, shipment_id, occurred_at, status, message, location) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
      [newId('trk', e.occurredAt), ws, id, e.occurredAt, e.status, e.message, e.location],
    );
  }
}

async function mergeReturn(q: Queryable, ws: string, orderId: string, r: ReturnInput): Promise<void> {
  if (!r.externalId) return;
  await q.query(
    `INSERT INTO returns (id, workspace_id, order_id, external_id, sku, quantity, reason, customer_comment, disposition, status, requested_at, received_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     ON CONFLICT (workspace_id, order_id, external_id) WHERE external_id IS NOT NULL DO UPDATE SET status = excluded.status,
       disposition = coalesce(excluded.disposition, returns.disposition), received_at = coalesce(excluded.received_at, returns.received_at),
       customer_comment = coalesce(returns.customer_comment, excluded.customer_comment)`,
    [newId('ret', r.requestedAt), ws, orderId, r.externalId, r.sku, r.quantity, r.reason, r.customerComment, r.disposition, r.status, r.requestedAt, r.receivedAt],
  );
}

async function mergeRefund(q: Queryable, ws: string, orderId: string, f: RefundInput, currency: string): Promise<void> {
  if (!f.externalId) return;
  await q.query(
    `INSERT INTO refunds (id, workspace_id, order_id, external_id, amount_minor, currency, reason, refunded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (workspace_id, order_id, external_id) WHERE external_id IS NOT NULL DO NOTHING`,
    [newId('rfd', f.refundedAt), ws, orderId, f.externalId, f.amountMinor, f.currency || currency, f.reason, iso(f.refundedAt)],
  );
}
