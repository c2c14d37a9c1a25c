import { describe, expect, it } from 'vitest';
import { getTicketDetail, getTicketTimeline, listTickets, saveConversations } from '../src/desk/index.ts';
import { saveOrders } from '../src/commerce/index.ts';
import { appendEvents } from '../src/audit/index.ts';
import type { Db } from '../src/platform/db/port.ts';
import { DRIVERS, freshDbPerTest } from './support/db.ts';
import { seedSmallWorkspace, T0 } from './support/fixtures.ts';

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

  it('stores a replayed conversation and a replayed order once', async () => {
    const s = await seedSmallWorkspace(db, 'eps');
    const t = await db.query<{ external_thread_id: string }>('SELECT external_thread_id FROM tickets WHERE id = $1', [s.ticketIds[0]]);
    const again = await saveConversations(db, s.workspaceId, [{
      channel: 'amazon', channelAccountId: s.channelAccountId, marketplace: 'US', externalThreadId: t.rows[0]!.external_thread_id, customerId: null, orderId: null, subject: 'x',
      status: 'open', language: 'en', intent: null, intents: [], signals: [], riskLevel: 'normal', riskScore: 0, riskReasons: [], teamId: null, assigneeId: null,
      firstResponseDueAt: null, nextResponseDueAt: null, messages: [],
    }], T0);
    expect(again).toEqual([]);
    const order = await db.query('SELECT count(*)::int AS n FROM orders WHERE workspace_id = $1', [s.workspaceId]);
    const ids = await saveOrders(db, s.workspaceId, [], T0);
    expect(ids.size).toBe(0);
    expect(order.rows[0]).toEqual({ n: 1 });
  });

  it('keeps the audit trail append-only', async () => {
    const s = await seedSmallWorkspace(db, 'zeta');
    const timeline = await getTicketTimeline(db, s.workspaceId, s.ticketIds[0]!);
    expect(timeline?.map((e) => e.type)).toEqual(['ticket.created', 'message.received']);
    await appendEvents(db, [{ workspaceId: s.workspaceId, subjectType: 'ticket', subjectId: s.ticketIds[0]!, type: 'test.event', actor: 'system', occurredAt: T0 }]);
    await expect(db.query('UPDATE events SET type = $1', ['tampered'])).rejects.toThrow(/append-only/);
    await expect(db.query('DELETE FROM events')).rejects.toThrow(/append-only/);
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
    await expect(db.query(`UPDATE orders SET total_minor = 12.5 WHERE workspace_id = $1`, [s.workspaceId])).resolves.toBeDefined();
    const r = await db.query<{ total_minor: number }>('SELECT total_minor FROM orders WHERE workspace_id = $1', [s.workspaceId]);
    expect(Number.isInteger(r.rows[0]!.total_minor)).toBe(true);
    await expect(db.query(`UPDATE orders SET fulfillment = 'DROPSHIP' WHERE workspace_id = $1`, [s.workspaceId])).rejects.toThrow();
  });
});
