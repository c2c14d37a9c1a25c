import { describe, expect, it } from 'vitest';
import { getTicketDetail, getTicketTimeline, listTickets, saveConversations } from '../src/desk/index.ts';
import { saveOrders } from '../src/commerce/index.ts';
import { appendEvents } from '../src/audit/index.ts';
import type { Db } from '../src/platform/db/port.ts';
import { DRIVERS, freshDbPerTest } from './support/db.ts';
import { seedSmallWorkspace, T0 } from './support/fixtures.ts';
import type { OrderInput } from '../src/commerce/index.ts';
import type { ConversationInput } from '../src/desk/index.ts';

type Seeded = Awaited<ReturnType<typeof seedSmallWorkspace>>;

async function sampleOrder(db: Db, s: Seeded): Promise<OrderInput> {
  const detail = (await getTicketDetail(db, s.workspaceId, s.ticketIds[0]!))!.order!;
  return {
    channelAccountId: s.channelAccountId, channel: 'amazon', marketplace: 'US', externalId: detail.externalId, customerId: s.customerId, fulfillment: 'FBM', status: 'Shipped',
    purchasedAt: new Date(detail.purchasedAt), promisedShipBy: null, promisedDeliveryBy: null, currency: 'USD', subtotalMinor: 1000, shippingMinor: 0, taxMinor: 0, discountMinor: 0, totalMinor: 1000,
    shipCountry: 'US', shipPostalCode: null, shipCity: null, items: [{ externalId: '1', sku: 'SKU-1', asin: null, fnsku: null, title: 'Thing', quantity: 1, unitPriceMinor: 1000 }],
    shipments: [{ carrier: 'UPS', service: null, trackingNumber: '1Z999AA10123456784', status: 'in_transit', shippedAt: T0, deliveredAt: null, signedBy: null, uploadedToMarketplace: true, events: [] }],
    returns: [], refunds: [],
  };
}

function conversation(s: Seeded, thread: string, channel: string): ConversationInput {
  return {
    channel, channelAccountId: s.channelAccountId, marketplace: 'US', externalThreadId: thread, customerId: null, orderId: null, subject: 'x', status: 'open', language: 'en',
    intent: null, intents: [], signals: [], riskLevel: 'normal', riskScore: 0, riskReasons: [], teamId: null, assigneeId: null, firstResponseDueAt: null, nextResponseDueAt: null,
    messages: [{ channelMessageId: `<${thread}-1@example.test>`, direction: 'inbound', fromAddress: 'buyer@example.test', toAddress: 'shop@example.test', subject: 'x', bodyText: 'hello', language: 'en', sentAt: T0 }],
  };
}

const Q = { limit: 50 } as const;

describe.each(DRIVERS)('store on $name', (driver) => {
  let db: Db;
  freshDbPerTest(driver, (d) => (db = d));

  it('applies every migration and records it', async () => {
    const r = await db.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY version');
    expect(r.rows.map((x) => x.name)).toContain('0001_core.sql');
  });

  it('round-trips an order with items, shipment, tracking events and refunds; money stays integer', async () => {
    const s = await seedSmallWorkspace(db, 'alpha');
    const detail = await getTicketDetail(db, s.workspaceId, s.ticketIds[0]!);
    expect(detail?.order).toMatchObject({
      externalId: s.orderExternalId, fulfillment: 'FBM', totalMinor: 3738, currency: 'USD',
      items: [{ sku: 'KT-PRESS-BLK', quantity: 1, unitPriceMinor: 2999 }],
      shipments: [{ carrier: 'USPS', trackingNumber: '9400111899223197428490', uploadedToMarketplace: true, events: [{ status: 'info_received', occurredAt: '2026-11-11T15:00:00.000Z' }] }],
      refunds: [{ amountMinor: 3738, refundedAt: '2026-11-19T10:00:00.000Z' }],
    });
    expect(typeof detail?.order?.totalMinor).toBe('number');
    expect(detail?.customer).toMatchObject({ name: 'Jane Buyer', orderCount: 1, ticketCount: 3 });
  });

  it('orders the queue by risk first, with counts', async () => {
    const s = await seedSmallWorkspace(db, 'beta');
    const list = await listTickets(db, s.workspaceId, s.ownerId, { ...Q, status: 'active' });
    expect(list.items.map((t) => t.riskLevel)).toEqual(['critical', 'normal', 'low']);
    expect(list.items[0]).toMatchObject({ intent: 'not_received', signals: ['a_to_z_threat'], teamName: 'Amazon compliance', customerName: 'Jane Buyer', messageCount: 1 });
    expect(list.counts.risk).toEqual({ critical: 1, normal: 1, low: 1 });
    expect(list.total).toBe(3);
  });

  it('pages with a cursor without repeating or losing tickets', async () => {
    const s = await seedSmallWorkspace(db, 'gamma');
    const a = await listTickets(db, s.workspaceId, s.ownerId, { limit: 2 });
    expect(a.items).toHaveLength(2);
    const b = await listTickets(db, s.workspaceId, s.ownerId, { limit: 2, cursor: a.nextCursor! });
    expect(b.nextCursor).toBeNull();
    expect(new Set([...a.items, ...b.items].map((t) => t.id)).size).toBe(3);
  });

  it('finds tickets by order id, English words and Chinese text', async () => {
    const s = await seedSmallWorkspace(db, 'delta');
    for (const q of [s.orderExternalId, 'parcel', '包裹']) {
      const r = await listTickets(db, s.workspaceId, s.ownerId, { ...Q, q });
      expect(r.total, q).toBeGreaterThan(0);
    }
    expect((await listTickets(db, s.workspaceId, s.ownerId, { ...Q, q: 'parcel' })).total).toBe(1);
    expect((await listTickets(db, s.workspaceId, s.ownerId, { ...Q, q: 'nothing-matches-this' })).total).toBe(0);
  });

  it('never shows one workspace the rows of another', async () => {
    const a = await seedSmallWorkspace(db, 'ws-a');
    const b = await seedSmallWorkspace(db, 'ws-b');
    expect((await listTickets(db, a.workspaceId, a.ownerId, Q)).total).toBe(3);
    expect(await getTicketDetail(db, a.workspaceId, b.ticketIds[0]!)).toBeNull();
    expect(await getTicketTimeline(db, a.workspaceId, b.ticketIds[0]!)).toBeNull();
  });

  it('stores a replayed conversation and a replayed order once, even twice in one batch', async () => {
    const s = await seedSmallWorkspace(db, 'eps');
    const order = { ...(await sampleOrder(db, s)), externalId: '114-5555555-1234567' };
    const first = await saveOrders(db, s.workspaceId, [order, order], T0);
    const again = await saveOrders(db, s.workspaceId, [order], T0);
    expect(again.get(order.externalId)).toBe(first.get(order.externalId));
    const counts = await db.query<{ orders: number; items: number; shipments: number }>(
      `SELECT (SELECT count(*)::int FROM orders WHERE external_id = $1) AS orders,
              (SELECT count(*)::int FROM order_items i JOIN orders o ON o.id = i.order_id WHERE o.external_id = $1) AS items,
              (SELECT count(*)::int FROM shipments x JOIN orders o ON o.id = x.order_id WHERE o.external_id = $1) AS shipments`,
      [order.externalId],
    );
    expect(counts.rows[0]).toEqual({ orders: 1, items: 1, shipments: 1 });
    const conv = conversation(s, 'thread-replayed', 'amazon');
    expect(await saveConversations(db, s.workspaceId, [conv, conv], T0)).toHaveLength(1);
    expect(await saveConversations(db, s.workspaceId, [conv], T0)).toEqual([]);
    const t = await db.query<{ n: number; events: number }>(
      `SELECT count(*)::int AS n, (SELECT count(*)::int FROM events e WHERE e.subject_id = min(t.id) AND e.type = 'message.received') AS events FROM tickets t WHERE external_thread_id = 'thread-replayed'`,
    );
    expect(t.rows[0]).toEqual({ n: 1, events: 1 });
  });

  it('keeps conversations of different channels apart even when their thread ids collide', async () => {
    const s = await seedSmallWorkspace(db, 'iota');
    expect(await saveConversations(db, s.workspaceId, [conversation(s, 'same-id', 'amazon')], T0)).toHaveLength(1);
    expect(await saveConversations(db, s.workspaceId, [conversation(s, 'same-id', 'shopify')], T0)).toHaveLength(1);
  });

  it('drops NUL characters instead of failing the whole batch', async () => {
    const s = await seedSmallWorkspace(db, 'kappa');
    const conv = conversation(s, 'nul-thread', 'amazon');
    const ids = await saveConversations(db, s.workspaceId, [{ ...conv, messages: [{ ...conv.messages[0]!, bodyText: 'broken\u0000 mail body' }] }], T0);
    const body = await db.query<{ body_text: string }>('SELECT body_text FROM messages WHERE ticket_id = $1', [ids[0]]);
    expect(body.rows[0]!.body_text).toBe('broken mail body');
  });

  it('refuses a link from one workspace to another workspace\'s rows', async () => {
    const a = await seedSmallWorkspace(db, 'link-a');
    const b = await seedSmallWorkspace(db, 'link-b');
    await expect(db.query('UPDATE tickets SET order_id = $1 WHERE id = $2', [b.orderId, a.ticketIds[0]])).rejects.toThrow(/tickets_order_ws/);
    await expect(db.query('UPDATE tickets SET team_id = $1 WHERE id = $2', [b.teamId, a.ticketIds[0]])).rejects.toThrow(/tickets_team_ws/);
    await expect(db.query('UPDATE tickets SET assignee_id = $1 WHERE id = $2', [b.agentId, a.ticketIds[0]])).rejects.toThrow(/tickets_assignee_ws/);
    await expect(db.query('UPDATE messages SET ticket_id = $1 WHERE ticket_id = $2', [b.ticketIds[0], a.ticketIds[0]])).rejects.toThrow(/messages_ticket_ws/);
  });

  it('keeps the audit trail append-only', async () => {
    const s = await seedSmallWorkspace(db, 'zeta');
    const timeline = await getTicketTimeline(db, s.workspaceId, s.ticketIds[0]!);
    expect(timeline?.map((e) => e.type)).toEqual(['ticket.created', 'message.received']);
    await appendEvents(db, [{ workspaceId: s.workspaceId, subjectType: 'ticket', subjectId: s.ticketIds[0]!, type: 'test.event', actor: 'system', occurredAt: T0 }]);
    await expect(db.query('UPDATE events SET type = $1', ['tampered'])).rejects.toThrow(/append-only/);
    await expect(db.query('DELETE FROM events')).rejects.toThrow(/append-only/);
    await expect(db.exec('TRUNCATE events')).rejects.toThrow(/append-only/);
    await expect(db.query('DELETE FROM workspaces WHERE id = $1', [s.workspaceId])).rejects.toThrow(/append-only/);
    await db.transaction(async (tx) => {
      await tx.query(`SELECT set_config('claimdesk.erasing', 'on', true)`);
      await tx.query('DELETE FROM workspaces WHERE id = $1', [s.workspaceId]);
    });
    expect((await db.query('SELECT 1 FROM events WHERE workspace_id = $1', [s.workspaceId])).rows).toHaveLength(0);
  });

  it('rolls a failed transaction back completely', async () => {
    const s = await seedSmallWorkspace(db, 'eta');
    await expect(
      db.transaction(async (tx) => {
        await tx.query(`INSERT INTO teams (id, workspace_id, name) VALUES ('team_x', $1, 'Returns')`, [s.workspaceId]);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const r = await db.query(`SELECT 1 FROM teams WHERE id = 'team_x'`);
    expect(r.rows).toHaveLength(0);
  });

  it('refuses money that is not an integer and unknown enum values', async () => {
    const s = await seedSmallWorkspace(db, 'theta');
    const order = await sampleOrder(db, s);
    await expect(saveOrders(db, s.workspaceId, [{ ...order, externalId: '111-1111111-1111111', totalMinor: 12.5 }], T0)).rejects.toThrow();
    await expect(db.query(`UPDATE orders SET fulfillment = 'DROPSHIP' WHERE workspace_id = $1`, [s.workspaceId])).rejects.toThrow();
    expect((await db.query(`SELECT 1 FROM orders WHERE external_id = '111-1111111-1111111'`)).rows).toHaveLength(0);
  });
});
