import { describe, expect, it } from 'vitest';
import { AlertListResponse, TriageAlert } from '../src/contracts/index.ts';
import { fixedClock } from '../src/kernel/index.ts';
import { insertRows } from '../src/platform/db/insert-rows.ts';
import type { Db } from '../src/platform/db/port.ts';
import { acknowledgeAlert, detectSpikes, listAlerts, scheduleSpikes, SPIKES_QUEUE, spikesJob } from '../src/triage/index.ts';
import { createLogger } from '../src/platform/log.ts';
import { client, testApp } from './support/app.ts';
import { DRIVERS, freshDbPerTest } from './support/db.ts';
import { seedSmallWorkspace } from './support/fixtures.ts';

const H = 3_600_000;
const DAY = 24 * H;
/** A month after the fixtures' T0, so the small workspace's own tickets are older than any baseline. */
const NOW = new Date('2026-12-20T12:00:00Z');
const ago = (ms: number, from = NOW): Date => new Date(from.getTime() - ms);
/** A baseline instant: `d` whole days before the window, 3 h into that day. */
const baselineDay = (d: number): Date => ago(DAY + d * DAY + 3 * H);

type Msg = { at: Date; intents?: string[] | null; direction?: 'inbound' | 'outbound' };

/** Orders, shipments, tickets and messages of one workspace, written set-based like the channels do. */
function world(workspaceId: string, accountId: string, tag: string) {
  const rows = { orders: [] as Record<string, unknown>[], shipments: [] as Record<string, unknown>[], tickets: [] as Record<string, unknown>[], messages: [] as Record<string, unknown>[] };
  let seq = 0;
  const id = (p: string) => `${p}_${tag}_${String(++seq).padStart(4, '0')}`;
  return {
    /** An Amazon US order shipped by `carriers`, oldest first. */
    order(...carriers: [string, Date][]): string {
      const orderId = id('ord');
      rows.orders.push({ id: orderId, workspace_id: workspaceId, channel_account_id: accountId, channel: 'amazon', marketplace: 'US', external_id: `111-${tag}-${seq}`, fulfillment: 'FBM', status: 'Shipped', purchased_at: ago(30 * DAY).toISOString(), currency: 'USD' });
      for (const [carrier, shippedAt] of carriers) rows.shipments.push({ id: id('shp'), workspace_id: workspaceId, order_id: orderId, carrier, status: 'in_transit', shipped_at: shippedAt.toISOString() });
      return orderId;
    },
    /** A ticket whose intents say `ticketIntents`; each message's classification names its own intents (null: none stored). */
    ticket(orderId: string | null, ticketIntents: string[], msgs: Msg[], channel = 'amazon'): string {
      const ticketId = id('tkt');
      rows.tickets.push({ id: ticketId, workspace_id: workspaceId, number: 1000 + seq, channel, channel_account_id: channel === 'amazon' ? accountId : null, marketplace: channel === 'amazon' ? 'US' : null, order_id: orderId, subject: `Order ${ticketId}`, status: 'open', intent: ticketIntents[0] ?? null, intents: ticketIntents, created_at: msgs[0]!.at.toISOString(), updated_at: msgs[0]!.at.toISOString() });
      for (const m of msgs) {
        const dir = m.direction ?? 'inbound';
        const classification = dir === 'inbound' && m.intents !== null ? { intent: (m.intents ?? ticketIntents)[0], intents: m.intents ?? ticketIntents, signals: [], language: 'en', evidence: {} } : null;
        rows.messages.push({ id: id('msg'), workspace_id: workspaceId, ticket_id: ticketId, direction: dir, channel, from_address: 'buyer@example.test', sent_at: m.at.toISOString(), classification, delivery_status: dir === 'inbound' ? 'received' : 'sent' });
      }
      return ticketId;
    },
    async save(db: Db): Promise<void> {
      await insertRows(db, 'orders', { id: 'text', workspace_id: 'text', channel_account_id: 'text', channel: 'text', marketplace: 'text', external_id: 'text', fulfillment: 'text', status: 'text', purchased_at: 'timestamptz', currency: 'text' }, rows.orders);
      await insertRows(db, 'shipments', { id: 'text', workspace_id: 'text', order_id: 'text', carrier: 'text', status: 'text', shipped_at: 'timestamptz' }, rows.shipments);
      await insertRows(db, 'tickets', { id: 'text', workspace_id: 'text', number: 'integer', channel: 'text', channel_account_id: 'text', marketplace: 'text', order_id: 'text', subject: 'text', status: 'text', intent: 'text', intents: 'text[]', created_at: 'timestamptz', updated_at: 'timestamptz' }, rows.tickets);
      await insertRows(db, 'messages', { id: 'text', workspace_id: 'text', ticket_id: 'text', direction: 'text', channel: 'text', from_address: 'text', sent_at: 'timestamptz', classification: 'jsonb', delivery_status: 'text' }, rows.messages);
      for (const k of Object.keys(rows) as (keyof typeof rows)[]) rows[k] = [];
    },
  };
}

type World = ReturnType<typeof world>;

/** 14 days of baseline: 2 USPS and 1 UPS complaint a day, each its own ticket, on two long-running orders. */
function steadyBaseline(w: World): { uspsOrder: string; upsOrder: string } {
  const uspsOrder = w.order(['USPS', ago(40 * DAY)]);
  const upsOrder = w.order(['UPS', ago(40 * DAY)]);
  for (let d = 0; d < 14; d++) {
    w.ticket(uspsOrder, ['where_is_my_order'], [{ at: baselineDay(d) }]);
    w.ticket(uspsOrder, ['not_received'], [{ at: new Date(baselineDay(d).getTime() + H) }]);
    w.ticket(upsOrder, ['where_is_my_order'], [{ at: baselineDay(d) }]);
  }
  return { uspsOrder, upsOrder };
}

describe.each(DRIVERS)('delivery-complaint spikes on $name', (driver) => {
  let db: Db;
  freshDbPerTest(driver, (d) => (db = d));

  it('raises one alert for a USPS burst with its tickets and orders; refreshes it; respects an acknowledgement for one window', async () => {
    const s = await seedSmallWorkspace(db, 'spk');
    const w = world(s.workspaceId, s.channelAccountId, 'spk');
    const { uspsOrder } = steadyBaseline(w);
    // The burst: 12 complaining tickets on USPS in the last 24 h.
    const burstTickets: string[] = [];
    const burstOrders: string[] = [];
    for (let i = 0; i < 10; i++) {
      const o = w.order(['USPS', ago(4 * DAY)]);
      burstOrders.push(o);
      // The first one writes twice: still one complaint.
      const msgs: Msg[] = i === 0 ? [{ at: ago(10 * H) }, { at: ago(2 * H), intents: ['not_received', 'refund_request'] }] : [{ at: ago((i + 1) * H) }];
      burstTickets.push(w.ticket(o, ['where_is_my_order'], msgs));
    }
    // Latest shipment decides: UPS then USPS counts for USPS …
    const switched = w.order(['UPS', ago(5 * DAY)], ['USPS', ago(1 * DAY)]);
    burstOrders.push(switched);
    burstTickets.push(w.ticket(switched, ['not_received'], [{ at: ago(3 * H) }]));
    // … and a message with no stored classification falls back to its ticket's intents.
    const unclassified = w.order(['USPS', ago(3 * DAY)]);
    burstOrders.push(unclassified);
    burstTickets.push(w.ticket(unclassified, ['not_received'], [{ at: ago(4 * H), intents: null }]));
    // Not complaints, or not in the window: the usual UPS day (USPS then UPS: counts for UPS), a thank-you, a
    // product question on a ticket once classified "not received", an agent's reply, a future and an old message,
    // and a Shopify complaint without an order.
    w.ticket(w.order(['USPS', ago(6 * DAY)], ['UPS', ago(2 * DAY)]), ['where_is_my_order'], [{ at: ago(5 * H) }]);
    w.ticket(uspsOrder, ['thanks'], [{ at: ago(1 * H) }]);
    w.ticket(uspsOrder, ['not_received'], [{ at: ago(1 * H), intents: ['product_question'] }]);
    w.ticket(uspsOrder, ['where_is_my_order'], [{ at: ago(25 * DAY) }, { at: ago(1 * H), direction: 'outbound' }]);
    w.ticket(uspsOrder, ['not_received'], [{ at: new Date(NOW.getTime() + 48 * H) }]);
    w.ticket(uspsOrder, ['not_received'], [{ at: ago(20 * DAY) }]);
    w.ticket(null, ['where_is_my_order'], [{ at: ago(2 * H) }], 'shopify');
    await w.save(db);

    const run = await detectSpikes(db, s.workspaceId, NOW);
    expect(run.windowStart.toISOString()).toBe('2026-12-19T12:00:00.000Z');
    expect(run.spikes.map((x) => [x.key, x.observed, x.expected])).toEqual([['amazon|US|USPS', 12, 2]]);
    expect(run.opened).toHaveLength(1);
    expect(run.updated).toEqual([]);
    const [alert] = await listAlerts(db, s.workspaceId, { status: 'open' });
    expect(TriageAlert.parse(alert)).toMatchObject({
      id: run.opened[0], kind: 'delivery_spike', sliceKey: 'amazon|US|USPS', slice: { level: 'carrier', channel: 'amazon', marketplace: 'US', carrier: 'USPS' },
      message: 'late-shipment / valid-tracking risk: 12 delivery complaints on Amazon US via USPS in 24 h, 6.0× the usual 2.0',
      observed: 12, expected: 2, ratio: 6, baseline: new Array(14).fill(2), beyond: [], status: 'open', acknowledgedBy: null, acknowledgedAt: null,
      windowStart: '2026-12-19T12:00:00.000Z', windowEnd: NOW.toISOString(), createdAt: NOW.toISOString(),
    });
    expect(alert!.tickets.map((t) => t.id).sort()).toEqual([...burstTickets].sort());
    expect(alert!.orders.map((o) => o.id).sort()).toEqual([...burstOrders].sort());
    expect(alert!.orders.map((o) => o.externalId)).toContain(`111-spk-${Number(switched.slice(-4))}`);
    const notes = await db.query<{ recipient: string; channel: string; message: string; source: string }>('SELECT recipient, channel, message, source FROM notifications WHERE workspace_id = $1', [s.workspaceId]);
    expect(notes.rows).toEqual([{ recipient: 'all', channel: 'in_app', message: alert!.message, source: `alert:${alert!.id}` }]);
    const events = await db.query<{ subject_type: string; subject_id: string; actor: string; data: { alertId: string; observed: number; ticketIds: string[] } }>(
      `SELECT subject_type, subject_id, actor, data FROM events WHERE workspace_id = $1 AND type = 'alert.opened'`, [s.workspaceId]);
    expect(events.rows).toHaveLength(1);
    expect(events.rows[0]).toMatchObject({ subject_type: 'workspace', subject_id: s.workspaceId, actor: 'system', data: { alertId: alert!.id, observed: 12 } });
    expect(events.rows[0]!.data.ticketIds).toHaveLength(12);

    // 15 minutes later, three more: the same alert, refreshed; no second alert, notification or event.
    const later = new Date(NOW.getTime() + 15 * 60_000);
    const more = [0, 1, 2].map(() => w.ticket(w.order(['USPS', ago(2 * DAY)]), ['where_is_my_order'], [{ at: ago(-5 * 60_000) }]));
    await w.save(db);
    const again = await detectSpikes(db, s.workspaceId, later);
    expect(again.opened).toEqual([]);
    expect(again.updated).toEqual([alert!.id]);
    const [refreshed] = await listAlerts(db, s.workspaceId, { status: 'all' });
    expect(refreshed).toMatchObject({ id: alert!.id, observed: 15, expected: 2, windowEnd: later.toISOString(), updatedAt: later.toISOString(), createdAt: NOW.toISOString() });
    expect(refreshed!.tickets.map((t) => t.id).sort()).toEqual([...burstTickets, ...more].sort());
    expect(refreshed!.orders).toHaveLength(15);
    const counted = await db.query<{ a: number; n: number; e: number }>(
      `SELECT (SELECT count(*)::int FROM triage_alerts WHERE workspace_id = $1) a, (SELECT count(*)::int FROM notifications WHERE workspace_id = $1) n,
              (SELECT count(*)::int FROM events WHERE workspace_id = $1 AND type = 'alert.opened') e`, [s.workspaceId]);
    expect(counted.rows[0]).toEqual({ a: 1, n: 1, e: 1 });

    // Acknowledged: the next run sees the same spike and opens nothing; acknowledging twice changes nothing.
    const ack = await acknowledgeAlert(db, s.workspaceId, alert!.id, s.agentId, later);
    expect(ack.ok && ack.value).toMatchObject({ status: 'acknowledged', acknowledgedBy: { id: s.agentId, name: 'Agent spk' }, acknowledgedAt: later.toISOString() });
    const twice = await acknowledgeAlert(db, s.workspaceId, alert!.id, s.ownerId, new Date(later.getTime() + H));
    expect(twice.ok && twice.value).toMatchObject({ acknowledgedBy: { id: s.agentId }, acknowledgedAt: later.toISOString() });
    const ackEvents = await db.query<{ actor: string; data: unknown }>(`SELECT actor, data FROM events WHERE workspace_id = $1 AND type = 'alert.acknowledged'`, [s.workspaceId]);
    expect(ackEvents.rows).toEqual([{ actor: `user:${s.agentId}`, data: { alertId: alert!.id, sliceKey: 'amazon|US|USPS' } }]);
    const quiet = await detectSpikes(db, s.workspaceId, new Date(later.getTime() + 15 * 60_000));
    expect(quiet.spikes.map((x) => x.key)).toEqual(['amazon|US|USPS']);
    expect([quiet.opened, quiet.updated]).toEqual([[], []]);
    expect(await listAlerts(db, s.workspaceId, { status: 'open' })).toEqual([]);

    // A day later the window no longer holds what was acknowledged: a new burst (large enough against a baseline
    // that now holds yesterday's 15) opens a new alert.
    const nextDay = new Date(NOW.getTime() + 24 * H + 30 * 60_000);
    for (let i = 0; i < 15; i++) w.ticket(w.order(['USPS', ago(DAY)]), ['not_received'], [{ at: ago(i * 20 * 60_000 + 60_000, nextDay) }]);
    await w.save(db);
    const renewed = await detectSpikes(db, s.workspaceId, nextDay);
    expect(renewed.opened).toHaveLength(1);
    const all = AlertListResponse.parse({ items: await listAlerts(db, s.workspaceId, { status: 'all' }) }).items;
    expect(all.map((a) => [a.status, a.observed])).toEqual([['open', 15], ['acknowledged', 15]]);
    expect(all[0]!.expected).toBeCloseTo(41 / 14, 10);
    expect(all[0]!.baseline).toEqual([15, ...new Array(13).fill(2)]);
    expect(all[0]!.message).toBe('late-shipment / valid-tracking risk: 15 delivery complaints on Amazon US via USPS in 24 h, 5.1× the usual 2.9');
  });

  it('a quiet workspace raises nothing, and sees no other workspace\'s alerts', async () => {
    const busy = await seedSmallWorkspace(db, 'busy');
    const calm = await seedSmallWorkspace(db, 'calm');
    const b = world(busy.workspaceId, busy.channelAccountId, 'busy');
    steadyBaseline(b);
    for (let i = 0; i < 8; i++) b.ticket(b.order(['UPS', ago(3 * DAY)]), ['where_is_my_order'], [{ at: ago((i + 1) * H) }]);
    await b.save(db);
    const c = world(calm.workspaceId, calm.channelAccountId, 'calm');
    steadyBaseline(c);
    // An ordinary day: 3 on USPS (2 expected), 1 on UPS.
    for (let i = 0; i < 3; i++) c.ticket(c.order(['USPS', ago(3 * DAY)]), ['where_is_my_order'], [{ at: ago((i + 1) * H) }]);
    c.ticket(c.order(['UPS', ago(3 * DAY)]), ['not_received'], [{ at: ago(5 * H) }]);
    await c.save(db);

    const calmRun = await detectSpikes(db, calm.workspaceId, NOW);
    expect([calmRun.spikes, calmRun.opened]).toEqual([[], []]);
    const busyRun = await detectSpikes(db, busy.workspaceId, NOW);
    expect(busyRun.spikes.map((x) => [x.key, x.observed, x.expected])).toEqual([['amazon|US|UPS', 8, 1]]);
    expect(await listAlerts(db, calm.workspaceId, { status: 'all' })).toEqual([]);
    const n = await db.query<{ workspace_id: string }>('SELECT workspace_id FROM notifications');
    expect(n.rows.map((r) => r.workspace_id)).toEqual([busy.workspaceId]);
    const foreign = await acknowledgeAlert(db, calm.workspaceId, busyRun.opened[0]!, calm.agentId, NOW);
    expect(foreign).toEqual({ ok: false, error: 'not_found', message: 'no such alert' });
  });

  it('the job checks every workspace and books its next run every 15 minutes', async () => {
    const s = await seedSmallWorkspace(db, 'job');
    const w = world(s.workspaceId, s.channelAccountId, 'job');
    steadyBaseline(w);
    for (let i = 0; i < 9; i++) w.ticket(w.order(['USPS', ago(3 * DAY)]), ['not_received'], [{ at: ago((i + 1) * H) }]);
    await w.save(db);
    await seedSmallWorkspace(db, 'job2');
    await scheduleSpikes(db, NOW);
    await scheduleSpikes(db, new Date(NOW.getTime() + 60_000)); // the same slot: booked once
    const job = spikesJob({ db, clock: fixedClock(NOW), log: createLogger('silent') });
    expect(job.queue).toBe(SPIKES_QUEUE);
    await job.handle({}, { jobId: 1, attempt: 1, maxAttempts: 3, workspaceId: null });
    const jobs = await db.query<{ run_at: Date }>(`SELECT run_at FROM jobs WHERE queue = 'triage.spikes' ORDER BY run_at`);
    expect(jobs.rows.map((j) => j.run_at.toISOString())).toEqual([NOW.toISOString(), '2026-12-20T12:15:00.000Z']);
    const alerts = await db.query<{ workspace_id: string; slice_key: string; observed: number }>('SELECT workspace_id, slice_key, observed FROM triage_alerts');
    expect(alerts.rows).toEqual([{ workspace_id: s.workspaceId, slice_key: 'amazon|US|USPS', observed: 9 }]);
  });

  it('HTTP: lists alerts for viewers, acknowledges for agents, 404 across workspaces', async () => {
    const s = await seedSmallWorkspace(db, 'web');
    const other = await seedSmallWorkspace(db, 'web2');
    for (const [ws, tag] of [[s, 'web'], [other, 'web2']] as const) {
      const w = world(ws.workspaceId, ws.channelAccountId, tag);
      for (let i = 0; i < 6; i++) w.ticket(w.order(['DHL', ago(3 * DAY)]), ['where_is_my_order'], [{ at: ago((i + 1) * H) }]);
      await w.save(db);
    }
    const id = (await detectSpikes(db, s.workspaceId, NOW)).opened[0]!;
    const otherId = (await detectSpikes(db, other.workspaceId, NOW)).opened[0]!;
    const { app, clock } = testApp(db);
    clock.set(NOW);
    const viewer = client(app);
    await viewer.login('viewer@web.test', s.password);
    const list = await viewer.call('GET', '/api/alerts');
    expect(list.status).toBe(200);
    const items = AlertListResponse.parse(list.json).items;
    expect(items.map((a) => [a.id, a.sliceKey, a.observed, a.message])).toEqual([[id, 'amazon|US|DHL', 6, 'late-shipment / valid-tracking risk: 6 delivery complaints on Amazon US via DHL in 24 h, usually none']]);
    expect(items[0]!.tickets).toHaveLength(6);
    expect((await viewer.call('GET', '/api/alerts?status=bogus')).status).toBe(400);
    expect((await viewer.call('POST', `/api/alerts/${id}/acknowledge`)).status).toBe(403);
    const agent = client(app);
    await agent.login('agent@web.test', s.password);
    expect((await agent.call('POST', `/api/alerts/${otherId}/acknowledge`)).status).toBe(404);
    const acked = await agent.call('POST', `/api/alerts/${id}/acknowledge`);
    expect(acked.status).toBe(200);
    expect(TriageAlert.parse(acked.json)).toMatchObject({ id, status: 'acknowledged', acknowledgedBy: { id: s.agentId, name: 'Agent web' }, acknowledgedAt: NOW.toISOString() });
    expect(AlertListResponse.parse((await viewer.call('GET', '/api/alerts')).json).items).toEqual([]);
    expect(AlertListResponse.parse((await viewer.call('GET', '/api/alerts?status=acknowledged')).json).items.map((a) => a.id)).toEqual([id]);
    const doc = await viewer.call('GET', '/api/openapi.json');
    expect(Object.keys(doc.json.paths).filter((p) => p.startsWith('/api/alerts'))).toEqual(['/api/alerts', '/api/alerts/{id}/acknowledge']);
  });
});
