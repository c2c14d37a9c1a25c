import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PGlite } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';
import { ingestMessages } from '../src/channels/ingest.ts';
import type { InboundMessage } from '../src/channels/types.ts';
import { saveCustomers, saveOrders, type OrderInput } from '../src/commerce/index.ts';
import { DryRunResponse, TicketDetail, TicketListResponse, TriageSettingsView } from '../src/contracts/index.ts';
import { addNote, getTicketDetail, getTicketTimeline, listNotes, queueReply, TICKET_CHANGED_QUEUE, updateTicket } from '../src/desk/index.ts';
import { fixedClock } from '../src/kernel/index.ts';
import { loadMigrations, migrate } from '../src/platform/db/migrate.ts';
import { pgliteDb } from '../src/platform/db/pglite.ts';
import type { Db } from '../src/platform/db/port.ts';
import { postgresDb } from '../src/platform/db/postgres.ts';
import { createJobWorker } from '../src/platform/jobs.ts';
import { createLogger } from '../src/platform/log.ts';
import type { Rule } from '../src/triage/domain/rules/index.ts';
import { DEFAULT_RULES } from '../src/triage/domain/rules/index.ts';
import { DEFAULT_SLA_POLICIES } from '../src/triage/domain/sla/index.ts';
import {
  assessMessage, AssessInput, reassessJob, reassessTickets, ruleWebhookJob, runIdleRules, runSlaSweep, saveTriageSettings, WEBHOOK_QUEUE,
} from '../src/triage/index.ts';
import { client, testApp } from './support/app.ts';
import { DRIVERS, freshDbPerTest, MIGRATIONS_DIR, scratchDatabase, type TestDriver } from './support/db.ts';
import { seedSmallWorkspace, T0 } from './support/fixtures.ts';
import { inbound } from './support/inbound.ts';

type Seeded = Awaited<ReturnType<typeof seedSmallWorkspace>>;

const MIN = 60_000;
const H = 60 * MIN;
/** T0 plus `ms`. */
const at = (ms: number): Date => new Date(T0.getTime() + ms);
const iso = (ms: number): string => at(ms).toISOString();
const log = createLogger('silent');

const A_TO_Z_TEXT = "My order never arrived. If I don't get my money back by tomorrow I will file an A-to-z claim.";
const QUESTION_TEXT = 'Hi, could you tell me whether the garlic press is dishwasher safe?';
const SAFETY_TEXT = 'The charger caught fire and burned my hand!';

interface TicketRow {
  risk_level: string; risk_score: number; priority: string; team_id: string | null; tags: string[]; no_response_needed: boolean; status: string;
  sla_policy_id: string | null; sla_state: string; sla_metric: string | null; sla_due_at: Date | null; sla_warn_times: Date[]; sla_next_check_at: Date | null;
  sla_breached_at: Date | null; sla_warnings_sent: number; first_response_due_at: Date | null; next_response_due_at: Date | null; resolution_due_at: Date | null;
  updated_at: Date;
}

async function ticketRow(db: Db, id: string): Promise<TicketRow> {
  const r = await db.query<TicketRow>(
    `SELECT risk_level, risk_score, priority, team_id, tags, no_response_needed, status, sla_policy_id, sla_state, sla_metric, sla_due_at, sla_warn_times,
            sla_next_check_at, sla_breached_at, sla_warnings_sent, first_response_due_at, next_response_due_at, resolution_due_at, updated_at
       FROM tickets WHERE id = $1`, [id]);
  return r.rows[0]!;
}

/** The ticket's row in the sweep's agenda (ticket_sla_checks): its next check, or null when it has none. */
async function agenda(db: Db, ticketId: string): Promise<string | null> {
  const r = await db.query<{ next_check_at: Date }>('SELECT next_check_at FROM ticket_sla_checks WHERE ticket_id = $1', [ticketId]);
  return r.rows[0]?.next_check_at.toISOString() ?? null;
}

async function eventsOf(db: Db, ticketId: string, type?: string): Promise<{ type: string; actor: string; data: Record<string, unknown>; occurred_at: Date }[]> {
  const r = await db.query<{ type: string; actor: string; data: Record<string, unknown>; occurred_at: Date }>(
    `SELECT type, actor, data, occurred_at FROM events WHERE subject_type = 'ticket' AND subject_id = $1 ${type ? 'AND type = $2' : ''} ORDER BY seq`,
    type ? [ticketId, type] : [ticketId]);
  return r.rows;
}

/** A fresh Amazon US FBM order (with its own buyer), so the message opens a new ticket rather than joining a seeded one. */
async function amazonOrder(db: Db, s: Seeded, externalId: string, buyer: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [customerId] = await saveCustomers(tx, s.workspaceId, [{ name: `Buyer ${buyer}`, email: null, phone: null, country: 'US', identities: [{ channel: 'amazon', externalId: `${buyer}@marketplace.amazon.com` }] }], T0);
    const order: OrderInput = {
      channelAccountId: s.channelAccountId, channel: 'amazon', marketplace: 'US', externalId, customerId: customerId!, fulfillment: 'FBM', status: 'Shipped',
      purchasedAt: new Date('2026-11-10T08:00:00Z'), promisedShipBy: new Date('2026-11-11T23:59:59Z'), promisedDeliveryBy: new Date('2026-11-15T23:59:59Z'),
      currency: 'USD', subtotalMinor: 4999, shippingMinor: 0, taxMinor: 0, discountMinor: 0, totalMinor: 4999, shipCountry: 'US', shipPostalCode: '98101', shipCity: 'Seattle',
      items: [{ externalId: '1', sku: 'KT-KETTLE', asin: 'B0TEST0002', fnsku: null, title: 'Kettle', quantity: 1, unitPriceMinor: 4999 }],
      shipments: [{ carrier: 'USPS', service: 'Ground Advantage', trackingNumber: `94001118992231974${externalId.slice(-5)}`, status: 'in_transit', shippedAt: new Date('2026-11-11T15:00:00Z'),
        deliveredAt: null, signedBy: null, uploadedToMarketplace: true, events: [{ occurredAt: new Date('2026-11-11T15:00:00Z'), status: 'in_transit', message: 'Accepted', location: 'Austin, TX' }] }],
      returns: [], refunds: [],
    };
    await saveOrders(tx, s.workspaceId, [order], T0);
  });
}

/** A buyer message through the Amazon relay, about `orderId` when given. */
function relay(id: string, sentAt: Date, text: string, opts: { buyer?: string; orderId?: string; subject?: string; inReplyTo?: string } = {}): InboundMessage {
  const alias = `${opts.buyer ?? 'relay1'}@marketplace.amazon.com`;
  return inbound({
    channel: 'amazon', marketplace: 'US', channelMessageId: id, sentAt, text, subject: opts.subject ?? `Inquiry from Amazon customer (Order: ${opts.orderId ?? 'none'})`,
    from: { address: alias, name: 'Buyer' }, replyTo: alias, inReplyTo: opts.inReplyTo ?? null, references: opts.inReplyTo ? [opts.inReplyTo] : [],
    orderRef: opts.orderId ? { channel: 'amazon', externalId: opts.orderId, marketplace: 'US' } : null,
    customer: { name: 'Buyer', email: null, phone: null, identity: { channel: 'amazon', externalId: alias } },
  });
}

function shopify(id: string, sentAt: Date, text: string, email = 'sam@example.test'): InboundMessage {
  return inbound({
    channel: 'shopify', channelMessageId: id, sentAt, text, subject: 'Your order', from: { address: email, name: 'Sam' },
    customer: { name: 'Sam', email, phone: null, identity: { channel: 'email', externalId: email } },
  });
}

function rule(over: Partial<Rule> & Pick<Rule, 'id' | 'name' | 'trigger' | 'actions'>): Rule {
  return { enabled: true, position: 500, conditions: {}, ...over };
}

describe.each(DRIVERS)('triage wiring on $name', (driver) => {
  let db: Db;
  let s: Seeded;
  freshDbPerTest(driver, (d) => (db = d));
  const ingest = (msgs: InboundMessage[], now: Date) => db.transaction((tx) => ingestMessages(tx, s.workspaceId, msgs, now));

  it('an A-to-z threat on an Amazon FBM order is critical, routed to Amazon compliance at urgent priority, on the 2-hour policy, with every change on the timeline', async () => {
    s = await seedSmallWorkspace(db, 'atz');
    await amazonOrder(db, s, '113-1111111-0000001', 'bob');
    const r = await ingest([relay('atz-1@amazon', T0, A_TO_Z_TEXT, { buyer: 'bob', orderId: '113-1111111-0000001' })], T0);
    expect(r.createdTickets).toHaveLength(1);
    const id = r.ticketIds[0]!;

    const d = TicketDetail.parse(await getTicketDetail(db, s.workspaceId, id));
    const t = d.ticket;
    expect(t).toMatchObject({ channel: 'amazon', intent: 'not_received', signals: ['a_to_z_threat'], riskLevel: 'critical', priority: 'urgent', teamId: s.teamId, teamName: 'Amazon compliance', fulfillment: 'FBM' });
    expect(t.tags).toEqual(['a-to-z', 'fbm-delivery']);
    const codes = t.riskFactors.map((f) => f.code);
    expect(codes).toEqual(expect.arrayContaining(['signal.a_to_z_threat', 'channel.amazon', 'fulfillment.fbm_delivery', 'order.late']));
    expect(t.riskFactors.find((f) => f.code === 'signal.a_to_z_threat')!.points).toBeGreaterThan(0);
    expect(t.riskReasons).toEqual(t.riskFactors.map((f) => f.text));
    expect(t.riskReasons.join(' ')).toContain('A-to-z');

    // amazon-critical: 2 h first response from the message, 48 h resolution, 24/7; warnings at half time and 30 min left.
    expect(t.sla).toMatchObject({ policyId: 'amazon-critical', state: 'ok', metric: 'first_response', dueAt: iso(2 * H), breachedAt: null });
    expect(t.firstResponseDueAt).toBe(iso(2 * H));
    expect(t.nextResponseDueAt).toBe(iso(2 * H));
    expect(t.resolutionDueAt).toBe(iso(48 * H));
    const row = await ticketRow(db, id);
    expect(row.sla_warn_times.map((x) => x.toISOString())).toEqual([iso(1 * H), iso(90 * MIN)]);
    expect(row.sla_next_check_at?.toISOString()).toBe(iso(1 * H));

    const timeline = await getTicketTimeline(db, s.workspaceId, id);
    const applied = timeline!.filter((e) => e.type === 'rule.applied');
    expect(applied.map((e) => [e.actor, e.data.action])).toEqual([
      ['rule:Tag A-to-z threats', 'add_tag'],
      ['rule:Tag FBM delivery questions', 'add_tag'],
      ['rule:Route critical Amazon tickets to Amazon compliance', 'assign_team'],
      ['rule:Route critical Amazon tickets to Amazon compliance', 'set_priority'],
    ]);
    expect(applied.map((e) => e.actorLabel)).toContain('Rule: Route critical Amazon tickets to Amazon compliance');
    expect(applied.map((e) => e.data.ruleId)).toContain('default-amazon-critical');
    const assessed = timeline!.filter((e) => e.type === 'risk.assessed');
    expect(assessed).toHaveLength(1);
    expect(assessed[0]).toMatchObject({ actor: 'system', data: { from: null, to: 'critical', score: t.riskScore } });
    const fired = await db.query<{ rule_id: string; event_key: string }>('SELECT rule_id, event_key FROM rule_firings WHERE ticket_id = $1 ORDER BY rule_id', [id]);
    expect(fired.rows).toEqual([
      { rule_id: 'default-amazon-critical', event_key: 'msg:amazon:atz-1@amazon' },
      { rule_id: 'default-fbm-delivery', event_key: 'msg:amazon:atz-1@amazon' },
      { rule_id: 'default-tag-a-to-z', event_key: 'msg:amazon:atz-1@amazon' },
    ]);
  });

  it('a Shopify thank-you needs no response and queues below critical Amazon tickets; critical tickets come earliest-due first', async () => {
    s = await seedSmallWorkspace(db, 'thx');
    await amazonOrder(db, s, '113-2222222-0000001', 'ann');
    await amazonOrder(db, s, '113-2222222-0000002', 'ben');
    // The later-created ticket is due first: its buyer wrote earlier, and the clock runs from the message.
    const late = await ingest([relay('q-late@amazon', at(10 * MIN), A_TO_Z_TEXT, { buyer: 'ann', orderId: '113-2222222-0000001' })], at(10 * MIN));
    const early = await ingest([relay('q-early@amazon', at(-30 * MIN), A_TO_Z_TEXT, { buyer: 'ben', orderId: '113-2222222-0000002' })], at(12 * MIN));
    const thanks = await ingest([shopify('thx-1@shop', at(5 * MIN), 'Thank you so much, the package arrived and everything is perfect!')], at(12 * MIN));
    const [lateId, earlyId, thanksId] = [late.ticketIds[0]!, early.ticketIds[0]!, thanks.ticketIds[0]!];

    const thx = await ticketRow(db, thanksId);
    expect(thx).toMatchObject({ risk_level: 'low', no_response_needed: true, tags: ['thanks'], next_response_due_at: null, sla_policy_id: 'shopify' });
    // The response clock is stopped by the rule's "no response needed", and so is the resolution clock: nothing runs.
    const thxDetail = TicketDetail.parse(await getTicketDetail(db, s.workspaceId, thanksId));
    expect(thxDetail.ticket.sla.clocks.find((x) => x.metric === 'first_response')).toMatchObject({ state: 'stopped', stopReason: 'no_response_needed' });
    expect(thxDetail.ticket.sla.metric).not.toBe('first_response');
    expect((await eventsOf(db, thanksId, 'rule.applied')).map((e) => [e.actor, e.data.action])).toEqual([
      ['rule:No response needed for thank-you messages', 'mark_no_response_needed'],
      ['rule:No response needed for thank-you messages', 'add_tag'],
    ]);

    expect((await ticketRow(db, earlyId)).sla_due_at?.toISOString()).toBe(iso(90 * MIN));
    expect((await ticketRow(db, lateId)).sla_due_at?.toISOString()).toBe(iso(130 * MIN));

    const { app } = testApp(db);
    const c = client(app);
    await c.login(`agent@thx.test`, s.password);
    const res = await c.call('GET', '/api/tickets?status=active');
    expect(res.status).toBe(200);
    const ids = TicketListResponse.parse(res.json).items.map((x) => x.id);
    expect(ids.indexOf(earlyId)).toBe(0);
    expect(ids.indexOf(lateId)).toBe(1);
    // Critical with a running clock first; the thank-you sits below every critical ticket.
    expect(ids.indexOf(thanksId)).toBeGreaterThan(ids.indexOf(lateId));
    const seededCritical = s.ticketIds[1]!;
    expect(ids.indexOf(thanksId)).toBeGreaterThan(ids.indexOf(seededCritical));
  });

  it('an Amazon thank-you stops the 24 h clock, and it stays stopped when the ticket is assessed again', async () => {
    s = await seedSmallWorkspace(db, 'athx');
    const r = await ingest([relay('t-1@amazon', T0, 'Thank you so much, the package arrived and everything is perfect!', { buyer: 'tia', subject: 'Delivered' })], T0);
    const id = r.ticketIds[0]!;
    const expected = { sla_policy_id: 'amazon-messages', sla_state: 'stopped', sla_due_at: null, sla_next_check_at: null, next_response_due_at: null, no_response_needed: true, risk_level: 'low', tags: ['thanks'] };
    expect(await ticketRow(db, id)).toMatchObject(expected);
    expect(await agenda(db, id)).toBeNull();
    // Any later pass (a desk change, the sweep's rules) rebuilds the clocks from the history: the rule's mark must count.
    await db.transaction((tx) => reassessTickets(tx, s.workspaceId, [{ ticketId: id, trigger: 'ticket_updated', eventKey: 'update:test' }], at(1 * H)));
    expect(await ticketRow(db, id)).toMatchObject(expected);
    expect(await runSlaSweep(db, at(30 * H))).toMatchObject({ warnings: 0, breaches: 0 });
    expect(await eventsOf(db, id, 'sla.breached')).toEqual([]);
  });

  it('a Shopify thank-you has no running clock: the resolution clock stops too, and the sweep never breaches it', async () => {
    s = await seedSmallWorkspace(db, 'sthx');
    const r = await ingest([shopify('thx-2@shop', T0, 'Thank you so much, the package arrived and everything is perfect!')], T0);
    const id = r.ticketIds[0]!;
    expect((await ticketRow(db, id)).no_response_needed).toBe(true);
    expect(['stopped', 'none']).toContain((await ticketRow(db, id)).sla_state);
    expect(await runSlaSweep(db, at(10 * 24 * H))).toMatchObject({ warnings: 0, breaches: 0 });
    expect(await ticketRow(db, id)).toMatchObject({ sla_policy_id: 'shopify', sla_state: 'stopped', sla_due_at: null, sla_next_check_at: null, resolution_due_at: null, next_response_due_at: null });
    const clocks = TicketDetail.parse(await getTicketDetail(db, s.workspaceId, id)).ticket.sla.clocks;
    expect(clocks.find((x) => x.metric === 'resolution')).toMatchObject({ state: 'stopped', stopReason: 'no_response_needed' });
    expect(clocks.filter((x) => x.state !== 'stopped')).toEqual([]);
    // A later pass (the rule's mark is read back from the timeline) keeps every clock stopped.
    await db.transaction((tx) => reassessTickets(tx, s.workspaceId, [{ ticketId: id, trigger: 'ticket_updated', eventKey: 'update:later' }], at(5 * 24 * H)));
    expect(await ticketRow(db, id)).toMatchObject({ sla_state: 'stopped', sla_next_check_at: null, resolution_due_at: null });
    expect(await runSlaSweep(db, at(20 * 24 * H))).toMatchObject({ warnings: 0, breaches: 0 });
    expect((await eventsOf(db, id)).filter((e) => e.type.startsWith('sla.'))).toEqual([]);
  });

  it('"no response needed" taken back by an agent restarts the clocks; the time under the mark does not count', async () => {
    s = await seedSmallWorkspace(db, 'unmark');
    const r = await ingest([shopify('um-1@shop', T0, 'Hi, does this jacket come in size M?', 'uma@example.test')], T0);
    const id = r.ticketIds[0]!;
    const before = await ticketRow(db, id);
    expect(before).toMatchObject({ sla_policy_id: 'shopify', sla_state: 'ok', sla_metric: 'first_response', no_response_needed: false });
    const principal = { userId: s.agentId, workspaceId: s.workspaceId, role: 'agent' as const, via: 'session' as const, sessionId: null, csrfToken: null };
    const change = async (when: Date, noResponseNeeded: boolean) => {
      const clock = fixedClock(when);
      expect((await updateTicket({ db, clock }, principal, id, { noResponseNeeded })).ok).toBe(true);
      const job = (await db.query<{ id: number; payload: { ticketId: string; eventKey: string } }>(`SELECT id, payload FROM jobs WHERE queue = $1 AND state = 'queued' ORDER BY id DESC LIMIT 1`, [TICKET_CHANGED_QUEUE])).rows[0]!;
      await reassessJob({ db, clock, log }).handle(job.payload, { jobId: job.id, attempt: 1, maxAttempts: 8, workspaceId: s.workspaceId });
      await db.query(`UPDATE jobs SET state = 'done' WHERE id = $1`, [job.id]);
    };
    await change(at(MIN), true);
    expect(await ticketRow(db, id)).toMatchObject({ no_response_needed: true, sla_state: 'stopped', sla_next_check_at: null, resolution_due_at: null });
    // Marked for a while (T0 is a business day: this spans business hours), then taken back: the buyer's question waits again, from its start.
    await change(at(2 * H + MIN), false);
    const after = await ticketRow(db, id);
    expect(after).toMatchObject({ no_response_needed: false, sla_state: 'ok', sla_metric: 'first_response' });
    expect(after.sla_due_at?.toISOString()).toBe(before.sla_due_at?.toISOString());
    // Resolution: the two hours under the mark are not counted, so its deadline moves out (never earlier).
    expect(after.resolution_due_at!.getTime()).toBeGreaterThan(before.resolution_due_at!.getTime());
    const detail = TicketDetail.parse(await getTicketDetail(db, s.workspaceId, id));
    expect(detail.ticket.sla.clocks.find((x) => x.metric === 'resolution')).toMatchObject({ stopReason: null });
    expect(detail.ticket.sla.clocks.find((x) => x.metric === 'resolution')!.state).not.toBe('stopped');
  });

  it('a follow-up question on a "thanks" ticket updates its intent and needs a response again: the clocks run', async () => {
    s = await seedSmallWorkspace(db, 'again');
    const r1 = await ingest([shopify('ag-1@shop', T0, 'Thank you so much, the package arrived and everything is perfect!', 'aga@example.test')], T0);
    const id = r1.ticketIds[0]!;
    const intentOf = async () => (await db.query<{ intent: string | null }>('SELECT intent FROM tickets WHERE id = $1', [id])).rows[0]!.intent;
    expect(await intentOf()).toBe('thanks');
    expect(await ticketRow(db, id)).toMatchObject({ no_response_needed: true, sla_state: 'stopped' });

    const q = { ...shopify('ag-2@shop', at(H), 'Actually, one more thing: the lid is cracked. Can I get a refund?', 'aga@example.test'), inReplyTo: 'ag-1@shop', references: ['ag-1@shop'] };
    const r2 = await ingest([q], at(H));
    expect(r2.ticketIds[0]).toBe(id);
    expect(await intentOf()).not.toBe('thanks');
    expect(await intentOf()).toBe((await db.query<{ intent: string }>(`SELECT classification->>'intent' AS intent FROM messages WHERE channel_message_id = 'ag-2@shop'`)).rows[0]!.intent);
    const row = await ticketRow(db, id);
    expect(row).toMatchObject({ no_response_needed: false, sla_state: 'ok', sla_metric: 'first_response' });
    expect(row.next_response_due_at).not.toBeNull();
    expect(row.resolution_due_at).not.toBeNull();
    expect((await eventsOf(db, id, 'ticket.response_needed')).map((e) => [e.actor, e.data.reason])).toEqual([['system', 'customer wrote again']]);
    const d = TicketDetail.parse(await getTicketDetail(db, s.workspaceId, id));
    expect(d.ticket.noResponseNeeded).toBe(false);
    expect(d.ticket.sla.clocks.find((x) => x.metric === 'first_response')).toMatchObject({ state: 'ok', stopReason: null });
    // Unanswered, it breaches like any other question.
    expect((await runSlaSweep(db, at(10 * 24 * H))).breaches).toBe(1);

  });

  it('each rule fires at most once per event: a replayed batch or a repeated pass changes nothing; a new message is a new event', async () => {
    s = await seedSmallWorkspace(db, 'once');
    const first = relay('s-1@amazon', T0, SAFETY_TEXT, { buyer: 'cat' });
    const r1 = await ingest([first], T0);
    const id = r1.ticketIds[0]!;
    const notes1 = await listNotes(db, s.workspaceId, id);
    expect(notes1.map((n) => n.authorLabel)).toEqual(['Rule: Flag safety issues']);
    expect(notes1[0]!.body).toContain('Possible safety issue on amazon order');
    const applied1 = await eventsOf(db, id, 'rule.applied');
    expect(applied1.length).toBeGreaterThan(0);

    // The same batch again: stored once, no rule runs again.
    const r2 = await ingest([first], at(5 * MIN));
    expect(r2).toMatchObject({ stored: 0, duplicates: 1 });
    // Even a direct second pass for the same event (a retried job) fires nothing.
    const again = await db.transaction((tx) => reassessTickets(tx, s.workspaceId, [{ ticketId: id, trigger: 'message_received', eventKey: 'msg:amazon:s-1@amazon' }], at(6 * MIN)));
    expect(again.fired).toBe(0);
    expect(await listNotes(db, s.workspaceId, id)).toHaveLength(1);
    expect(await eventsOf(db, id, 'rule.applied')).toHaveLength(applied1.length);

    // A new message on the same ticket is a new event: the safety rule notes it again.
    const r3 = await ingest([relay('s-2@amazon', at(30 * MIN), 'It happened again, the charger caught fire. This is dangerous.', { buyer: 'cat', inReplyTo: 's-1@amazon' })], at(30 * MIN));
    expect(r3.ticketIds[0]).toBe(id);
    const notes3 = await listNotes(db, s.workspaceId, id);
    expect(notes3.map((n) => n.authorLabel)).toEqual(['Rule: Flag safety issues', 'Rule: Flag safety issues']);
    const keys = await db.query<{ event_key: string }>(`SELECT DISTINCT event_key FROM rule_firings WHERE ticket_id = $1 AND rule_id = 'default-safety' ORDER BY 1`, [id]);
    expect(keys.rows.map((k) => k.event_key)).toEqual(['msg:amazon:s-1@amazon', 'msg:amazon:s-2@amazon']);
    // The tag is already there: the rule fired, but a no-op is not a timeline entry.
    const safetyTags = (await eventsOf(db, id, 'rule.applied')).filter((e) => e.data.action === 'add_tag' && e.actor === 'rule:Flag safety issues');
    expect(safetyTags).toHaveLength(1);
  });

  it('two passes racing for the same event fire each rule once (the ticket is locked while its rules run)', async () => {
    s = await seedSmallWorkspace(db, 'race-rule');
    const r = await ingest([relay('rr-1@amazon', T0, SAFETY_TEXT, { buyer: 'ray' })], T0);
    const id = r.ticketIds[0]!;
    await db.transaction((tx) => saveTriageSettings(tx, s.workspaceId, s.ownerId, {
      rules: [...DEFAULT_RULES, rule({ id: 'ws-upd', name: 'Note updates', trigger: 'ticket_updated', actions: [{ type: 'add_note', text: 'updated {{ticketId}}' }] })],
    }, T0));
    const event = { ticketId: id, trigger: 'ticket_updated' as const, eventKey: 'update:race' };
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let announce!: () => void;
    const firstRan = new Promise<void>((resolve) => (announce = resolve));
    const first = db.transaction(async (tx) => {
      const res = await reassessTickets(tx, s.workspaceId, [event], at(H));
      announce();
      await gate;
      return res;
    });
    await firstRan;
    // A retried job for the same event, in another transaction, while the first has not committed.
    const second = db.transaction((tx) => reassessTickets(tx, s.workspaceId, [event], at(H)));
    await new Promise((resolve) => setTimeout(resolve, 300));
    release();
    const [a, b] = await Promise.all([first, second]);
    expect(a.fired).toBe(1);
    expect(b.fired).toBe(0);
    expect((await listNotes(db, s.workspaceId, id)).filter((n) => n.authorLabel === 'Rule: Note updates')).toHaveLength(1);
  });

  it('the SLA sweep announces each warning and the breach once; a reply plus the reassess job stops the clock', async () => {
    s = await seedSmallWorkspace(db, 'sla');
    const r = await ingest([relay('w-1@amazon', T0, QUESTION_TEXT, { buyer: 'dan' })], T0);
    const id = r.ticketIds[0]!;
    let row = await ticketRow(db, id);
    // amazon-messages: Amazon's 24 h, 24/7; warnings 6 h and 2 h before the deadline.
    expect(row).toMatchObject({ sla_policy_id: 'amazon-messages', sla_state: 'ok', sla_metric: 'first_response', sla_warnings_sent: 0 });
    expect(row.risk_level).not.toBe('critical');
    expect(row.sla_due_at?.toISOString()).toBe(iso(24 * H));
    expect(row.sla_warn_times.map((x) => x.toISOString())).toEqual([iso(18 * H), iso(22 * H)]);
    // The sweep's agenda holds the same next check as the snapshot.
    expect(await agenda(db, id)).toBe(iso(18 * H));

    expect(await runSlaSweep(db, at(17 * H))).toMatchObject({ warnings: 0, breaches: 0 });
    expect((await ticketRow(db, id)).sla_state).toBe('ok');

    expect(await runSlaSweep(db, at(18 * H + MIN))).toMatchObject({ warnings: 1, breaches: 0 });
    row = await ticketRow(db, id);
    expect(row).toMatchObject({ sla_state: 'warning', sla_warnings_sent: 1 });
    expect(row.sla_next_check_at?.toISOString()).toBe(iso(22 * H));
    expect(await agenda(db, id)).toBe(iso(22 * H));

    expect(await runSlaSweep(db, at(22 * H + MIN))).toMatchObject({ warnings: 1, breaches: 0 });
    row = await ticketRow(db, id);
    expect(row).toMatchObject({ sla_state: 'warning', sla_warnings_sent: 2 });
    expect(row.sla_next_check_at?.toISOString()).toBe(iso(24 * H));
    expect(await agenda(db, id)).toBe(iso(24 * H));

    expect(await runSlaSweep(db, at(24 * H + MIN))).toMatchObject({ warnings: 0, breaches: 1 });
    row = await ticketRow(db, id);
    expect(row).toMatchObject({ sla_state: 'breached', sla_next_check_at: null });
    expect(row.sla_breached_at?.toISOString()).toBe(iso(24 * H));
    expect(await agenda(db, id)).toBeNull();

    // Nothing new on a second run.
    expect(await runSlaSweep(db, at(25 * H))).toMatchObject({ warnings: 0, breaches: 0 });
    const warnings = await eventsOf(db, id, 'sla.warning');
    expect(warnings.map((e) => [e.data.warning, e.occurred_at.toISOString()])).toEqual([[1, iso(18 * H)], [2, iso(22 * H)]]);
    const breaches = await eventsOf(db, id, 'sla.breached');
    expect(breaches.map((e) => [e.data.metric, e.occurred_at.toISOString()])).toEqual([['first_response', iso(24 * H)]]);

    // The agent answers over HTTP; desk announces the change and the reassess job resets the clocks.
    const { app, clock } = testApp(db);
    clock.set(at(26 * H));
    const agent = client(app);
    await agent.login('agent@sla.test', s.password);
    const reply = await agent.call('POST', `/api/tickets/${id}/replies`, { body: 'Yes, it is dishwasher safe.' });
    expect(reply.status).toBe(202);
    const jobs = await db.query<{ payload: { ticketId: string; eventKey: string }; workspace_id: string }>(`SELECT payload, workspace_id FROM jobs WHERE queue = $1`, [TICKET_CHANGED_QUEUE]);
    expect(jobs.rows).toHaveLength(1);
    expect(jobs.rows[0]!.payload.ticketId).toBe(id);
    await reassessJob({ db, clock, log }).handle(jobs.rows[0]!.payload, { jobId: 1, attempt: 1, maxAttempts: 8, workspaceId: jobs.rows[0]!.workspace_id });
    row = await ticketRow(db, id);
    expect(row).toMatchObject({ sla_state: 'stopped', sla_metric: null, sla_due_at: null, sla_next_check_at: null, next_response_due_at: null });
    expect(await agenda(db, id)).toBeNull();
    expect(row.first_response_due_at?.toISOString()).toBe(iso(24 * H));
    const d = TicketDetail.parse(await getTicketDetail(db, s.workspaceId, id));
    expect(d.ticket.sla.clocks.find((x) => x.metric === 'first_response')).toMatchObject({ state: 'stopped', stopReason: 'replied' });
    // A stopped clock is never swept again.
    expect(await runSlaSweep(db, at(60 * H))).toMatchObject({ warnings: 0, breaches: 0 });
  });

  it('a critical Amazon ticket: warnings at half time and 30 min left, then the breach; a reply (queueReply) stops the response clocks', async () => {
    s = await seedSmallWorkspace(db, 'crit');
    await amazonOrder(db, s, '113-3333333-0000001', 'eve');
    const r = await ingest([relay('c-1@amazon', T0, A_TO_Z_TEXT, { buyer: 'eve', orderId: '113-3333333-0000001' })], T0);
    const id = r.ticketIds[0]!;
    expect(await runSlaSweep(db, at(61 * MIN))).toMatchObject({ warnings: 1, breaches: 0 });
    expect(await runSlaSweep(db, at(91 * MIN))).toMatchObject({ warnings: 1, breaches: 0 });
    expect((await ticketRow(db, id)).sla_state).toBe('warning');
    expect(await runSlaSweep(db, at(121 * MIN))).toMatchObject({ warnings: 0, breaches: 1 });
    expect((await ticketRow(db, id)).sla_state).toBe('breached');
    expect(await runSlaSweep(db, at(3 * H))).toMatchObject({ warnings: 0, breaches: 0 });
    expect((await eventsOf(db, id)).filter((e) => e.type.startsWith('sla.')).map((e) => e.type)).toEqual(['sla.warning', 'sla.warning', 'sla.breached']);

    const clock = fixedClock(at(3 * H));
    const sent = await queueReply({ db, clock }, { userId: s.agentId, workspaceId: s.workspaceId, role: 'agent', via: 'session', sessionId: null, csrfToken: null }, id, { body: 'We are on it.' });
    expect(sent.ok).toBe(true);
    const job = (await db.query<{ payload: { ticketId: string; eventKey: string } }>('SELECT payload FROM jobs WHERE queue = $1', [TICKET_CHANGED_QUEUE])).rows[0]!;
    expect(job.payload.eventKey).toBe(`reply:${sent.ok ? sent.value.id : ''}`);
    await reassessJob({ db, clock, log }).handle(job.payload, { jobId: 1, attempt: 1, maxAttempts: 8, workspaceId: s.workspaceId });
    const row = await ticketRow(db, id);
    expect(row.next_response_due_at).toBeNull();
    const d = TicketDetail.parse(await getTicketDetail(db, s.workspaceId, id));
    expect(d.ticket.sla.clocks.find((x) => x.metric === 'first_response')).toMatchObject({ state: 'stopped', stopReason: 'replied' });
    // The response clock is answered; what still runs is the 48 h resolution target of amazon-critical, and the
    // sweep's agenda follows the new snapshot.
    expect(d.ticket.sla).toMatchObject({ policyId: 'amazon-critical', metric: 'resolution', dueAt: iso(48 * H) });
    expect(row.sla_next_check_at).not.toBeNull();
    expect(await agenda(db, id)).toBe(row.sla_next_check_at?.toISOString());
  });

  it('sweeps racing over the same backlog announce each crossing once, and leave the indexed ticket columns alone', async () => {
    s = await seedSmallWorkspace(db, 'race');
    const r = await ingest(['ann', 'bob', 'cy', 'di'].map((b, i) => relay(`r-${i}@amazon`, at(i * MIN), QUESTION_TEXT, { buyer: b })), at(5 * MIN));
    const ids = r.ticketIds.filter((x): x is string => x !== null);
    expect(ids).toHaveLength(4);
    const indexed = `SELECT id, workspace_id, status, risk_rank, risk_score, sla_due_at, next_response_due_at, created_at FROM tickets WHERE id = ANY($1::text[]) ORDER BY id`;
    const before = (await db.query(indexed, [ids])).rows;
    // Half-way between the two warnings of the 24 h clock: every ticket owes its first warning.
    const first = await Promise.all([runSlaSweep(db, at(20 * H)), runSlaSweep(db, at(20 * H))]);
    expect(first.reduce((n, x) => n + x.warnings, 0)).toBe(4);
    // Days late: the deadline passed, so only the breach (the second warning is moot).
    const late = await Promise.all([runSlaSweep(db, at(72 * H)), runSlaSweep(db, at(72 * H)), runSlaSweep(db, at(72 * H))]);
    expect(late.reduce((n, x) => n + x.breaches, 0)).toBe(4);
    expect(late.reduce((n, x) => n + x.warnings, 0)).toBe(0);
    for (const id of ids) {
      expect((await eventsOf(db, id)).filter((e) => e.type.startsWith('sla.')).map((e) => e.type)).toEqual(['sla.warning', 'sla.breached']);
      expect(await agenda(db, id)).toBeNull();
      const row = await ticketRow(db, id);
      expect(row).toMatchObject({ sla_state: 'breached', sla_next_check_at: null });
      expect(row.sla_breached_at?.toISOString()).toBe(row.sla_due_at?.toISOString());
    }
    expect((await db.query(indexed, [ids])).rows).toEqual(before);
  });

  it('a workspace rule on sla_breach (saved through the API) adds a note and a notification when the sweep announces the breach', async () => {
    s = await seedSmallWorkspace(db, 'brc');
    const { app } = testApp(db);
    const owner = client(app);
    await owner.login('owner@brc.test', s.password);
    const breachRule = rule({
      id: 'ws-breach', name: 'Escalate breaches', trigger: 'sla_breach', position: 900,
      conditions: { all: [{ fact: 'channel', op: 'eq', value: 'amazon' }] },
      actions: [
        { type: 'add_note', text: 'SLA breached on ticket {{ticketId}} ({{channel}}, risk {{risk}})' },
        { type: 'notify', channel: 'in_app', to: s.teamId, message: 'Ticket {{ticketId}} breached its SLA' },
      ],
    });
    const put = await owner.call('PUT', '/api/triage/settings', { rules: [...DEFAULT_RULES, breachRule] });
    expect(put.status).toBe(200);

    const r = await ingest([relay('b-1@amazon', T0, QUESTION_TEXT, { buyer: 'fay' })], T0);
    const id = r.ticketIds[0]!;
    const number = (await db.query<{ number: number }>('SELECT number FROM tickets WHERE id = $1', [id])).rows[0]!.number;
    expect(await runSlaSweep(db, at(23 * H))).toMatchObject({ breaches: 0 });
    expect(await listNotes(db, s.workspaceId, id)).toEqual([]);
    expect(await runSlaSweep(db, at(24 * H + MIN))).toMatchObject({ breaches: 1 });

    const notes = await listNotes(db, s.workspaceId, id);
    expect(notes.map((n) => [n.authorLabel, n.body])).toEqual([['Rule: Escalate breaches', expect.stringMatching(new RegExp(`^SLA breached on ticket ${number} \\(amazon, risk (low|normal|high)\\)$`))]]);
    const ntf = await db.query<{ channel: string; recipient: string; message: string; ticket_id: string; source: string }>('SELECT channel, recipient, message, ticket_id, source FROM notifications');
    expect(ntf.rows).toEqual([{ channel: 'in_app', recipient: s.teamId, message: `Ticket ${number} breached its SLA`, ticket_id: id, source: 'rule:ws-breach' }]);
    expect((await eventsOf(db, id, 'rule.applied')).filter((e) => e.actor === 'rule:Escalate breaches').map((e) => e.data.action)).toEqual(['add_note', 'notify']);
    // The breach stays announced and the rule does not fire again.
    await runSlaSweep(db, at(30 * H));
    expect(await listNotes(db, s.workspaceId, id)).toHaveLength(1);
    expect((await db.query('SELECT 1 FROM notifications')).rows).toHaveLength(1);
    expect((await ticketRow(db, id)).sla_state).toBe('breached');
  });

  it('a ticket_idle rule fires once per idle stretch, and again after new activity', async () => {
    s = await seedSmallWorkspace(db, 'idle');
    const saved = await db.transaction((tx) => saveTriageSettings(tx, s.workspaceId, s.ownerId, {
      rules: [...DEFAULT_RULES, rule({ id: 'ws-idle', name: 'Nudge idle tickets', trigger: 'ticket_idle', idleHours: 24, actions: [{ type: 'add_note', text: 'Idle for a day: ticket {{ticketId}}' }] })],
    }, T0));
    expect(saved.ok).toBe(true);
    // Only this ticket is open among the triaged ones; the seeded tickets are old and idle too, so count per ticket.
    const r = await ingest([shopify('i-1@shop', T0, 'Hi, does this jacket come in size M?', 'ida@example.test')], T0);
    const id = r.ticketIds[0]!;
    const idleNotes = async () => (await listNotes(db, s.workspaceId, id)).filter((n) => n.authorLabel === 'Rule: Nudge idle tickets');

    await runIdleRules(db, at(23 * H));
    expect(await idleNotes()).toHaveLength(0);
    await runIdleRules(db, at(25 * H));
    expect(await idleNotes()).toHaveLength(1);
    await runIdleRules(db, at(26 * H));
    expect(await idleNotes()).toHaveLength(1);

    // New activity: the customer writes again; 25 h later the rule fires again.
    await ingest([{ ...shopify('i-2@shop', at(30 * H), 'Any news about the size?', 'ida@example.test'), inReplyTo: 'i-1@shop', references: ['i-1@shop'] }], at(30 * H));
    expect((await db.query<{ ticket_id: string }>(`SELECT ticket_id FROM messages WHERE channel_message_id = 'i-2@shop'`)).rows[0]!.ticket_id).toBe(id);
    await runIdleRules(db, at(53 * H));
    expect(await idleNotes()).toHaveLength(1);
    await runIdleRules(db, at(55 * H + MIN));
    expect(await idleNotes()).toHaveLength(2);
    const keys = await db.query<{ event_key: string }>(`SELECT event_key FROM rule_firings WHERE ticket_id = $1 AND rule_id = 'ws-idle' ORDER BY fired_at`, [id]);
    expect(keys.rows).toHaveLength(2);
    expect(keys.rows.every((k) => k.event_key.startsWith('idle:'))).toBe(true);
  });

  it('an idle rule does not re-arm itself: its own change is not activity, so it fires once per idle stretch', async () => {
    s = await seedSmallWorkspace(db, 'rearm');
    await db.transaction((tx) => saveTriageSettings(tx, s.workspaceId, s.ownerId, {
      rules: [...DEFAULT_RULES, rule({ id: 'ws-idle', name: 'Nudge idle tickets', trigger: 'ticket_idle', idleHours: 24, actions: [{ type: 'notify', channel: 'in_app', to: 'all' }] })],
    }, T0));
    const r = await ingest([shopify('ra-1@shop', T0, 'Hi, does this jacket come in size M?', 'ria@example.test')], T0);
    const count = async () => (await db.query('SELECT 1 FROM notifications WHERE ticket_id = $1', [r.ticketIds[0]])).rows.length;
    await runIdleRules(db, at(25 * H));
    expect(await count()).toBe(1);
    // No buyer or agent activity since: the same idle stretch, so nothing new.
    await runIdleRules(db, at(50 * H));
    expect(await count()).toBe(1);
    // Nor do other automation passes (rules, risk, SLA: they move updated_at) start a new stretch.
    await db.transaction((tx) => reassessTickets(tx, s.workspaceId, [{ ticketId: r.ticketIds[0]!, trigger: 'ticket_updated', eventKey: 'update:auto' }], at(60 * H)));
    await runIdleRules(db, at(90 * H));
    expect(await count()).toBe(1);
    // An agent's action is activity: a note at 100 h, then the rule fires again 24 h later, once.
    const principal = { userId: s.agentId, workspaceId: s.workspaceId, role: 'agent' as const, via: 'session' as const, sessionId: null, csrfToken: null };
    expect((await addNote({ db, clock: fixedClock(at(100 * H)) }, principal, r.ticketIds[0]!, 'Asked the warehouse about sizes.')).ok).toBe(true);
    await runIdleRules(db, at(123 * H));
    expect(await count()).toBe(1);
    await runIdleRules(db, at(125 * H));
    expect(await count()).toBe(2);
    await runIdleRules(db, at(150 * H));
    expect(await count()).toBe(2);
  });

  it('with several ticket_idle rules, a longer threshold still fires after the shortest one evaluated the stretch', async () => {
    s = await seedSmallWorkspace(db, 'multi');
    await db.transaction((tx) => saveTriageSettings(tx, s.workspaceId, s.ownerId, {
      rules: [...DEFAULT_RULES,
        rule({ id: 'ws-idle-10', name: 'Idle e-mail', trigger: 'ticket_idle', idleHours: 10, position: 600, conditions: { all: [{ fact: 'channel', op: 'eq', value: 'email' }] }, actions: [{ type: 'add_note', text: 'idle 10 h' }] }),
        rule({ id: 'ws-idle-48', name: 'Idle two days', trigger: 'ticket_idle', idleHours: 48, position: 601, actions: [{ type: 'add_note', text: 'idle 48 h' }] }),
      ],
    }, T0));
    const r = await ingest([shopify('mu-1@shop', T0, 'Hi, does this jacket come in size M?', 'mia@example.test')], T0);
    await runIdleRules(db, at(11 * H));
    await runIdleRules(db, at(49 * H));
    expect((await listNotes(db, s.workspaceId, r.ticketIds[0]!)).map((n) => n.body)).toEqual(['idle 48 h']);
    // Each rule looked at this stretch once: later sweeps add nothing.
    await runIdleRules(db, at(100 * H));
    expect((await listNotes(db, s.workspaceId, r.ticketIds[0]!)).map((n) => n.body)).toEqual(['idle 48 h']);
  });

  it('several ticket_idle rules each fire once per idle stretch, shortest first, and again after new activity', async () => {
    s = await seedSmallWorkspace(db, 'multi2');
    await db.transaction((tx) => saveTriageSettings(tx, s.workspaceId, s.ownerId, {
      rules: [...DEFAULT_RULES,
        rule({ id: 'ws-idle-4', name: 'Idle 4 h', trigger: 'ticket_idle', idleHours: 4, position: 600, actions: [{ type: 'add_note', text: 'idle 4 h' }] }),
        rule({ id: 'ws-idle-24', name: 'Idle a day', trigger: 'ticket_idle', idleHours: 24, position: 601, actions: [{ type: 'add_note', text: 'idle 24 h' }] }),
      ],
    }, T0));
    const r = await ingest([shopify('mt-1@shop', T0, 'Hi, does this jacket come in size M?', 'mo@example.test')], T0);
    const id = r.ticketIds[0]!;
    const bodies = async () => (await listNotes(db, s.workspaceId, id)).map((n) => n.body);
    await runIdleRules(db, at(5 * H));
    expect(await bodies()).toEqual(['idle 4 h']);
    await runIdleRules(db, at(6 * H));
    expect(await bodies()).toEqual(['idle 4 h']);
    await runIdleRules(db, at(25 * H));
    expect(await bodies()).toEqual(['idle 4 h', 'idle 24 h']);
    await runIdleRules(db, at(40 * H));
    expect(await bodies()).toEqual(['idle 4 h', 'idle 24 h']);
    // A sweep that comes late (both thresholds passed at once) fires both, once each.
    await ingest([{ ...shopify('mt-2@shop', at(50 * H), 'Any news?', 'mo@example.test'), inReplyTo: 'mt-1@shop', references: ['mt-1@shop'] }], at(50 * H));
    await runIdleRules(db, at(80 * H));
    await runIdleRules(db, at(81 * H));
    const all = await bodies();
    // (Notes of one pass share an instant: their order is not defined.)
    expect([...all.slice(0, 2), ...all.slice(2).sort()]).toEqual(['idle 4 h', 'idle 24 h', 'idle 24 h', 'idle 4 h']);
    const fired = await db.query<{ rule_id: string; n: number }>(`SELECT rule_id, count(*)::int AS n FROM rule_firings WHERE ticket_id = $1 AND rule_id LIKE 'ws-idle-%' GROUP BY rule_id ORDER BY rule_id`, [id]);
    expect(fired.rows).toEqual([{ rule_id: 'ws-idle-24', n: 2 }, { rule_id: 'ws-idle-4', n: 2 }]);
  });

  it('a webhook action enqueues the rendered JSON; the job POSTs it and a 5xx answer is retried', async () => {
    s = await seedSmallWorkspace(db, 'hook');
    const received: { method: string; url: string; headers: IncomingMessage['headers']; body: string }[] = [];
    let status = 200;
    const server: Server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
        res.writeHead(status).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
      const saved = await db.transaction((tx) => saveTriageSettings(tx, s.workspaceId, s.ownerId, {
        rules: [...DEFAULT_RULES, rule({
          id: 'ws-hook', name: 'Post critical tickets', trigger: 'message_received', position: 950, conditions: { all: [{ fact: 'risk', op: 'eq', value: 'critical' }] },
          actions: [{ type: 'webhook', url, payload: '{"ticket":"{{ticketId}}","subject":"{{subject}}","risk":"{{risk}}","signals":"{{signals}}"}' }],
        })],
      }, T0));
      expect(saved.ok).toBe(true);
      const r = await ingest([relay('h-1@amazon', T0, A_TO_Z_TEXT, { buyer: 'gus', subject: 'Lid "cracked" – refund?' })], T0);
      const id = r.ticketIds[0]!;
      const number = (await db.query<{ number: number }>('SELECT number FROM tickets WHERE id = $1', [id])).rows[0]!.number;
      const jobs = await db.query<{ id: number; payload: { url: string; body: string; ticketId: string; ruleId: string }; workspace_id: string; run_at: Date; max_attempts: number }>(
        'SELECT id, payload, workspace_id, run_at, max_attempts FROM jobs WHERE queue = $1', [WEBHOOK_QUEUE]);
      expect(jobs.rows).toHaveLength(1);
      const job = jobs.rows[0]!;
      expect(job).toMatchObject({ workspace_id: s.workspaceId, max_attempts: 6, payload: { url, ticketId: id, ruleId: 'ws-hook' } });
      expect(JSON.parse(job.payload.body)).toEqual({ ticket: String(number), subject: 'Lid "cracked" – refund?', risk: 'critical', signals: 'a_to_z_threat' });

      // The worker (on the app clock) sends it.
      const clock = fixedClock(at(MIN));
      const worker = createJobWorker(db, [ruleWebhookJob({ db, clock, log })], clock);
      expect(await worker.runOnce()).toBe(1);
      expect(received).toHaveLength(1);
      expect(received[0]).toMatchObject({ method: 'POST', url: '/hook', body: job.payload.body });
      expect(received[0]!.headers).toMatchObject({ 'content-type': 'application/json', 'x-claimdesk-rule': 'ws-hook' });
      expect((await db.query<{ state: string }>('SELECT state FROM jobs WHERE id = $1', [job.id])).rows[0]!.state).toBe('done');

      // A 5xx answer throws, so the queue retries.
      status = 503;
      const handler = ruleWebhookJob({ db, clock, log });
      await expect(handler.handle(job.payload, { jobId: job.id, attempt: 1, maxAttempts: 6, workspaceId: s.workspaceId })).rejects.toThrow(/503/);
      expect(received).toHaveLength(2);
      // 4xx is final: no throw.
      status = 410;
      await expect(handler.handle(job.payload, { jobId: job.id, attempt: 1, maxAttempts: 6, workspaceId: s.workspaceId })).resolves.toBeUndefined();
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('settings API: defaults, validation with field paths, versions, conflicts, roles; the dry run explains a message', async () => {
    s = await seedSmallWorkspace(db, 'set');
    const { app } = testApp(db);
    const owner = client(app);
    await owner.login('owner@set.test', s.password);
    const viewer = client(app);
    await viewer.login('viewer@set.test', s.password);
    const agent = client(app);
    await agent.login('agent@set.test', s.password);

    const got = await viewer.call('GET', '/api/triage/settings');
    expect(got.status).toBe(200);
    const view = TriageSettingsView.parse(got.json);
    expect(view).toMatchObject({ timeZone: 'UTC', custom: { policies: false, calendars: false, rules: false }, version: 0, updatedAt: null, teamKeys: { amazon_compliance: 'Amazon compliance' } });
    expect(view.rules.map((x) => x.id)).toEqual(DEFAULT_RULES.map((x) => x.id));
    expect(view.policies.map((x) => x.id)).toEqual(DEFAULT_SLA_POLICIES.map((x) => x.id));
    expect(Object.keys(view.calendars)).toEqual(['business-hours']);

    // Invalid: the error names the rule and field path.
    const bad = rule({ id: 'bad', name: 'Bad', trigger: 'message_received', conditions: { all: [{ fact: 'channel', op: 'gte', value: 'amazon' }] }, actions: [{ type: 'add_tag', tag: 'x' }] });
    const r400 = await owner.call('PUT', '/api/triage/settings', { rules: [bad] });
    expect(r400.status).toBe(400);
    expect(r400.json.error).toBe('bad_input');
    expect(r400.json.message).toMatch(/^rules\[0\]\.conditions\.all\[0\]\.op: operator 'gte' does not apply to channel/);
    const unknownTeam = rule({ id: 'team', name: 'Team', trigger: 'message_received', actions: [{ type: 'assign_team', teamId: 'team_nope' }] });
    const r400b = await owner.call('PUT', '/api/triage/settings', { rules: [unknownTeam] });
    expect(r400b.status).toBe(400);
    expect(r400b.json.details.problems).toEqual(["rules[0].actions[0].teamId: no team with id 'team_nope'"]);
    expect((await owner.call('GET', '/api/triage/settings')).json.version).toBe(0);

    const mine = rule({ id: 'ws-tag-de', name: 'Tag German', trigger: 'message_received', conditions: { all: [{ fact: 'language', op: 'eq', value: 'de' }] }, actions: [{ type: 'add_tag', tag: 'de' }] });
    const v1 = await owner.call('PUT', '/api/triage/settings', { rules: [...DEFAULT_RULES, mine], expectedVersion: 0 });
    expect(v1.status).toBe(200);
    expect(TriageSettingsView.parse(v1.json)).toMatchObject({ version: 1, custom: { policies: false, calendars: false, rules: true } });
    const v2 = await owner.call('PUT', '/api/triage/settings', { rules: [mine], expectedVersion: 1 });
    expect(v2.status).toBe(200);
    expect(v2.json.version).toBe(2);
    expect(v2.json.rules.map((x: { id: string }) => x.id)).toEqual(['ws-tag-de']);
    const stale = await owner.call('PUT', '/api/triage/settings', { rules: [...DEFAULT_RULES], expectedVersion: 1 });
    expect(stale.status).toBe(409);
    expect(stale.json.error).toBe('conflict');
    expect((await viewer.call('PUT', '/api/triage/settings', { rules: null })).status).toBe(403);
    expect((await agent.call('PUT', '/api/triage/settings', { rules: null })).status).toBe(403);
    // Back to the shipped rules.
    const reset = await owner.call('PUT', '/api/triage/settings', { rules: null, expectedVersion: 2 });
    expect(reset.status).toBe(200);
    expect(reset.json).toMatchObject({ version: 3, custom: { rules: false } });
    expect(reset.json.rules.map((x: { id: string }) => x.id)).toEqual(DEFAULT_RULES.map((x) => x.id));

    // Dry run with the rules in force (the defaults again).
    const message = { channel: 'amazon', marketplace: 'US', fulfillment: 'FBM', subject: 'Where is my order', body: A_TO_Z_TEXT };
    const dry = await agent.call('POST', '/api/triage/dry-run', { message });
    expect(dry.status).toBe(200);
    const run = DryRunResponse.parse(dry.json);
    expect(run).toMatchObject({ intent: 'not_received', signals: ['a_to_z_threat'], risk: 'critical', language: 'en' });
    expect(run.factors.map((f) => f.code)).toEqual(expect.arrayContaining(['signal.a_to_z_threat', 'channel.amazon']));
    expect(run.sla).toEqual({ policy: 'Amazon critical: internal 2-hour response', firstResponseDueAt: iso(2 * H), resolutionDueAt: iso(48 * H) });
    const would = Object.fromEntries(run.rules.map((x) => [x.ruleId, x.wouldFire]));
    expect(would).toEqual({
      'default-tag-a-to-z': true, 'default-safety': false, 'default-thanks-only': false, 'default-returns-refunds': false,
      'default-fbm-delivery': true, 'default-amazon-critical': true,
    });
    // Unsaved rules from the editor are used instead of the saved ones.
    const draft = rule({ id: 'draft-1', name: 'Draft', trigger: 'message_received', conditions: { all: [{ fact: 'signals', op: 'contains', value: 'a_to_z_threat' }] }, actions: [{ type: 'add_tag', tag: 'claim' }] });
    const dry2 = await agent.call('POST', '/api/triage/dry-run', { message, rules: [draft] });
    expect(dry2.status).toBe(200);
    expect(dry2.json.rules).toEqual([expect.objectContaining({ ruleId: 'draft-1', ruleName: 'Draft', wouldFire: true })]);
    const dry3 = await agent.call('POST', '/api/triage/dry-run', { message, rules: [bad] });
    expect(dry3.status).toBe(400);
    expect(dry3.json.message).toMatch(/^rules\[0\]\.conditions\.all\[0\]\.op: /);
    const dry4 = await agent.call('POST', '/api/triage/dry-run', { message: { channel: 'amazon' } });
    expect(dry4.status).toBe(400);
    expect(dry4.json.message).toMatch(/^message\.body: /);
    expect((await viewer.call('POST', '/api/triage/dry-run', { message })).status).toBe(403);
  });

  it('two saves racing from the same version: the later one is refused (409), not a lost update', async () => {
    s = await seedSmallWorkspace(db, 'race');
    const withTag = (tag: string) => [...DEFAULT_RULES, rule({ id: `ws-${tag}`, name: `Tag ${tag}`, trigger: 'message_received', actions: [{ type: 'add_tag', tag }] })];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let announce!: () => void;
    const firstWrote = new Promise<void>((resolve) => (announce = resolve));
    const first = db.transaction(async (tx) => {
      const r = await saveTriageSettings(tx, s.workspaceId, s.ownerId, { rules: withTag('first'), expectedVersion: 0 }, T0);
      announce();
      await gate;
      return r;
    });
    await firstWrote;
    // The second editor read version 0 too (the first save is not committed yet).
    const second = db.transaction((tx) => saveTriageSettings(tx, s.workspaceId, s.ownerId, { rules: withTag('second'), expectedVersion: 0 }, T0));
    await new Promise((resolve) => setTimeout(resolve, 300));
    release();
    const [a, b] = await Promise.all([first, second]);
    expect(a.ok).toBe(true);
    expect(b).toMatchObject({ ok: false, error: 'conflict' });
    const stored = await db.query<{ version: number; ids: string[] }>(`SELECT version, (SELECT array_agg(r->>'id') FROM jsonb_array_elements(rules) r) AS ids FROM triage_settings`);
    expect(stored.rows).toHaveLength(1);
    expect(stored.rows[0]!.version).toBe(1);
    expect(stored.rows[0]!.ids).toContain('ws-first');
    expect(stored.rows[0]!.ids).not.toContain('ws-second');
  });

  it('business hours: a Shopify message on Friday 16:30 in the workspace time zone is due Monday 16:30 (8 business hours, 09–17)', async () => {
    s = await seedSmallWorkspace(db, 'bh');
    await db.query(`UPDATE workspaces SET timezone = 'Europe/Berlin' WHERE id = $1`, [s.workspaceId]);
    const shopifyPolicy = DEFAULT_SLA_POLICIES.find((p) => p.id === 'shopify')!;
    expect(shopifyPolicy.targets).toMatchObject({ calendar: 'business-hours', firstResponseMs: 8 * H, nextResponseMs: 8 * H, resolutionMs: 24 * H });
    // Friday 2026-11-20 16:30 in Berlin (CET, UTC+1) = 15:30 UTC.
    const friday = new Date('2026-11-20T15:30:00Z');
    const r = await ingest([shopify('bh-1@shop', friday, 'Hi, does this jacket come in size M?', 'hal@example.test')], friday);
    const id = r.ticketIds[0]!;
    const row = await ticketRow(db, id);
    expect(row.sla_policy_id).toBe('shopify');
    expect(row.risk_level).not.toBe('critical');
    // 30 min on Friday, then 7 h 30 on Monday from 09:00: Monday 16:30 Berlin = 15:30 UTC.
    expect(row.first_response_due_at?.toISOString()).toBe('2026-11-23T15:30:00.000Z');
    expect(row.sla_due_at?.toISOString()).toBe('2026-11-23T15:30:00.000Z');
    // Warnings in business time: 25 % left (2 business hours) and 1 business hour left.
    expect(row.sla_warn_times.map((x) => x.toISOString())).toEqual(['2026-11-23T13:30:00.000Z', '2026-11-23T14:30:00.000Z']);
    // Resolution: 24 business hours = Friday 30 min + Mon, Tue 16 h + Wed 7 h 30 → Wednesday 16:30 Berlin.
    expect(row.resolution_due_at?.toISOString()).toBe('2026-11-25T15:30:00.000Z');
    // The weekend does not warn: a sweep on Sunday announces nothing.
    expect(await runSlaSweep(db, new Date('2026-11-22T20:00:00Z'))).toMatchObject({ warnings: 0, breaches: 0 });
    expect((await ticketRow(db, id)).sla_state).toBe('ok');
  });
});

/** An empty database (no migrations applied) on the driver, and how to dispose of it. */
async function emptyDb(driver: TestDriver): Promise<{ db: Db; done(): Promise<void> }> {
  if (driver.name === 'pglite') {
    const db = pgliteDb(await PGlite.create());
    return { db, done: () => db.close() };
  }
  const scratch = await scratchDatabase('claimdesk_sla_agenda');
  const db = postgresDb(scratch.url, { max: 2 });
  return { db, done: async () => { await db.close(); await scratch.drop(); } };
}

describe.each(DRIVERS)('migration 0006 (the SLA sweep agenda) on $name', (driver) => {
  it('backfills the agenda from the next checks stored on existing tickets, and the sweep runs from it', async (ctx) => {
    if (driver.skipReason) ctx.skip(driver.skipReason);
    const { db, done } = await emptyDb(driver);
    try {
      const all = await loadMigrations(MIGRATIONS_DIR);
      await migrate(db, all.filter((m) => m.version < 6));
      await db.query(`INSERT INTO workspaces (id, name, slug) VALUES ('ws_old', 'Old', 'old')`);
      // A running clock (next check: the first warning), a breached one and a stopped one, as 0003 stored them.
      await db.query(
        `INSERT INTO tickets (id, workspace_id, number, channel, subject, sla_state, sla_metric, sla_due_at, sla_warn_times, sla_next_check_at, sla_warnings_sent, sla_breached_at)
         VALUES ('tkt_run', 'ws_old', 1, 'email', 'a', 'ok', 'first_response', $1, ARRAY[$2, $3]::timestamptz[], $2, 0, NULL),
                ('tkt_late', 'ws_old', 2, 'email', 'b', 'breached', 'first_response', $2, '{}', NULL, 0, $2),
                ('tkt_stop', 'ws_old', 3, 'email', 'c', 'stopped', NULL, NULL, '{}', NULL, 0, NULL)`,
        [at(8 * H), at(6 * H), at(7 * H)]);
      await migrate(db, all);
      const rows = await db.query<{ ticket_id: string; workspace_id: string; next_check_at: Date }>('SELECT ticket_id, workspace_id, next_check_at FROM ticket_sla_checks ORDER BY ticket_id');
      expect(rows.rows.map((x) => [x.ticket_id, x.workspace_id, x.next_check_at.toISOString()])).toEqual([['tkt_run', 'ws_old', iso(6 * H)]]);

      expect(await runSlaSweep(db, at(6 * H + MIN))).toMatchObject({ warnings: 1, breaches: 0 });
      expect(await agenda(db, 'tkt_run')).toBe(iso(7 * H));
      expect(await runSlaSweep(db, at(9 * H))).toMatchObject({ warnings: 0, breaches: 1 });
      expect(await agenda(db, 'tkt_run')).toBeNull();
      expect((await eventsOf(db, 'tkt_run')).map((e) => e.type)).toEqual(['sla.warning', 'sla.breached']);
      expect(await eventsOf(db, 'tkt_late')).toEqual([]);
      // Deleting a ticket (a workspace erased) takes its agenda row along.
      await db.query(`INSERT INTO ticket_sla_checks (ticket_id, workspace_id, next_check_at) VALUES ('tkt_stop', 'ws_old', $1)`, [at(10 * H)]);
      await db.query(`DELETE FROM tickets WHERE id = 'tkt_stop'`);
      expect(await agenda(db, 'tkt_stop')).toBeNull();
    } finally {
      await done();
    }
  });
});

describe('assessMessage (dry run) SLA', () => {
  it('a Shopify thank-you the rules mark "no response needed" shows no deadline; a question shows both', () => {
    const thanks = assessMessage(AssessInput.parse({ channel: 'shopify', body: 'Thank you so much, the package arrived and everything is perfect!', receivedAt: iso(0) }), T0);
    expect(thanks.rules.find((r) => r.ruleId === 'default-thanks-only')?.wouldFire).toBe(true);
    expect(thanks.sla).toMatchObject({ firstResponseDueAt: null, resolutionDueAt: null });
    const question = assessMessage(AssessInput.parse({ channel: 'shopify', body: QUESTION_TEXT, receivedAt: iso(0) }), T0);
    expect(question.sla).toMatchObject({ firstResponseDueAt: expect.any(String), resolutionDueAt: expect.any(String) });
  });
});
