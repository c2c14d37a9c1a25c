import { describe, expect, it } from 'vitest';
import { ingestMessages } from '../src/channels/ingest.ts';
import type { InboundMessage } from '../src/channels/types.ts';
import { getTicketDetail, getTicketTimeline } from '../src/desk/index.ts';
import type { Db } from '../src/platform/db/port.ts';
import { DRIVERS, freshDbPerTest } from './support/db.ts';
import { seedSmallWorkspace } from './support/fixtures.ts';
import { inbound, min } from './support/inbound.ts';

type Seeded = Awaited<ReturnType<typeof seedSmallWorkspace>>;


async function counts(db: Db): Promise<Record<string, number>> {
  const r = await db.query<{ t: number; m: number; c: number; i: number; e: number; a: number }>(
    `SELECT (SELECT count(*)::int FROM tickets) t, (SELECT count(*)::int FROM messages) m, (SELECT count(*)::int FROM customers) c,
            (SELECT count(*)::int FROM customer_identities) i, (SELECT count(*)::int FROM events) e, (SELECT count(*)::int FROM message_attachments) a`);
  return { ...r.rows[0]! };
}

describe.each(DRIVERS)('ingestion on $name', (driver) => {
  let db: Db;
  let s: Seeded;
  freshDbPerTest(driver, (d) => (db = d));
  const ingest = (msgs: InboundMessage[], now = min(100)) => db.transaction((tx) => ingestMessages(tx, s.workspaceId, msgs, now));

  it('threads replies by In-Reply-To/References, and stores a replayed batch once', async () => {
    s = await seedSmallWorkspace(db, 'thr');
    const batch = [
      inbound({ channelMessageId: 'a1@x', subject: 'Lid cracked', sentAt: min(1) }),
      inbound({ channelMessageId: 'a2@x', subject: 'Re: Lid cracked', inReplyTo: 'a1@x', references: ['a1@x'], sentAt: min(5) }),
      inbound({ channelMessageId: 'b1@x', subject: 'Other thing', sentAt: min(2), from: { address: 'kim@example.test', name: 'Kim' }, customer: { name: 'Kim', email: 'kim@example.test', phone: null, identity: { channel: 'email', externalId: 'kim@example.test' } } }),
    ];
    const first = await ingest(batch);
    expect(first.stored).toBe(3);
    expect(first.createdTickets).toHaveLength(2);
    expect(first.ticketIds[0]).toBe(first.ticketIds[1]);
    expect(first.ticketIds[2]).not.toBe(first.ticketIds[0]);
    const before = await counts(db);
    const again = await ingest(batch);
    expect(again).toMatchObject({ stored: 0, duplicates: 3, createdTickets: [] });
    expect(again.ticketIds).toEqual(first.ticketIds);
    expect(await counts(db)).toEqual(before);
    // A later reply that only carries References (no In-Reply-To) still finds its thread.
    const later = await ingest([inbound({ channelMessageId: 'a3@x', references: ['a1@x', 'a2@x'], sentAt: min(30) })]);
    expect(later.ticketIds[0]).toBe(first.ticketIds[0]);
    const timeline = await getTicketTimeline(db, s.workspaceId, first.ticketIds[0]!);
    expect(timeline!.filter((e) => e.type === 'message.received').map((e) => e.data.threadedBy ?? null)).toEqual([null, 'reply_header', 'reply_header']);
  });

  it('links an Amazon relay message to its order and the buyer, across a new relay thread for the same order', async () => {
    s = await seedSmallWorkspace(db, 'amz');
    const relay = (id: string, at: Date): InboundMessage => inbound({
      channel: 'amazon', marketplace: 'US', channelMessageId: id, sentAt: at, from: { address: 'zq8x1@marketplace.amazon.com', name: 'Jane' }, replyTo: 'zq8x1@marketplace.amazon.com',
      orderRef: { channel: 'amazon', externalId: s.orderExternalId, marketplace: 'US' }, customer: { name: 'Jane', email: null, phone: null, identity: { channel: 'amazon', externalId: 'zq8x1@marketplace.amazon.com' } },
    });
    const r1 = await ingest([relay('r1@amazon', min(1))]);
    const d = await getTicketDetail(db, s.workspaceId, r1.ticketIds[0]!);
    expect(d!.order!.externalId).toBe(s.orderExternalId);
    // The order's buyer is the customer: no second customer was made for the new relay alias.
    expect(d!.customer!.id).toBe(s.customerId);
    expect(d!.customer!.identities.map((i) => i.externalId)).toContain('zq8x1@marketplace.amazon.com');
    // The seeded workspace already has tickets on this order: the message joins the most recently active one.
    const seededOnOrder = await db.query<{ id: string }>('SELECT id FROM tickets WHERE order_id = $1', [s.orderId]);
    expect(seededOnOrder.rows.map((r) => r.id)).toContain(r1.ticketIds[0]);
    const r2 = await ingest([relay('r2@amazon', min(90))]);
    expect(r2.ticketIds[0]).toBe(r1.ticketIds[0]);
  });

  it('reopens a solved ticket when the customer writes again, but not for a thank-you', async () => {
    s = await seedSmallWorkspace(db, 'reo');
    const r = await ingest([inbound({ channelMessageId: 'c1@x', sentAt: min(1) })]);
    const id = r.ticketIds[0]!;
    await db.query(`UPDATE tickets SET status = 'solved', closed_at = $2 WHERE id = $1`, [id, min(10)]);
    await ingest([inbound({ channelMessageId: 'c2@x', inReplyTo: 'c1@x', sentAt: min(20), text: 'thanks!', noResponseNeeded: true })]);
    expect((await getTicketDetail(db, s.workspaceId, id))!.ticket.status).toBe('solved');
    const again = await ingest([inbound({ channelMessageId: 'c3@x', inReplyTo: 'c1@x', sentAt: min(40), text: 'it broke again' })]);
    expect(again.reopenedTickets).toEqual([id]);
    const d = await getTicketDetail(db, s.workspaceId, id);
    expect(d!.ticket.status).toBe('open');
    expect(d!.ticket.nextResponseDueAt).not.toBeNull();
    expect((await getTicketTimeline(db, s.workspaceId, id))!.map((e) => e.type)).toContain('ticket.reopened');
  });

  it('threads by the channel conversation id and recognises one customer across channels by e-mail', async () => {
    s = await seedSmallWorkspace(db, 'cnv');
    const ig = (id: string, at: Date) => inbound({ channel: 'instagram', channelMessageId: id, conversationId: 'page1:user9', sentAt: at, from: { address: 'user9', name: 'Pat' },
      customer: { name: 'Pat', email: null, phone: null, identity: { channel: 'instagram', externalId: 'user9' } } });
    const a = await ingest([ig('mid.1', min(1)), ig('mid.2', min(2))]);
    expect(a.createdTickets).toHaveLength(1);
    const b = await ingest([ig('mid.3', min(3))]);
    expect(b.ticketIds[0]).toBe(a.ticketIds[0]);
    // E-mail from Pat, then an Instagram identity is linked to the same customer when the e-mail matches.
    const e1 = await ingest([inbound({ channelMessageId: 'e1@x', sentAt: min(4) })]);
    const e2 = await ingest([inbound({ channel: 'instagram', channelMessageId: 'mid.9', conversationId: 'page1:user77', sentAt: min(5), from: { address: 'user77', name: 'Pat Lee' },
      customer: { name: 'Pat Lee', email: 'PAT@example.test', phone: null, identity: { channel: 'instagram', externalId: 'user77' } } })]);
    const c1 = (await getTicketDetail(db, s.workspaceId, e1.ticketIds[0]!))!.customer!;
    const c2 = (await getTicketDetail(db, s.workspaceId, e2.ticketIds[0]!))!.customer!;
    expect(c2.id).toBe(c1.id);
    expect(c2.identities.map((i) => `${i.channel}:${i.externalId}`).sort()).toEqual(['email:pat@example.test', 'instagram:user77']);
  });

  it('stores attachments content-addressed and a concurrent double delivery once', async () => {
    s = await seedSmallWorkspace(db, 'att');
    const photo = new Uint8Array([137, 80, 78, 71, 1, 2, 3]);
    const m = inbound({ channelMessageId: 'p1@x', attachments: [{ filename: 'crack.png', contentType: 'image/png', bytes: photo, contentId: null, inline: false }] });
    const results = await Promise.all([ingest([m]), ingest([m])]);
    expect(results.map((r) => r.stored).sort()).toEqual([0, 1]);
    const c = await counts(db);
    expect(c.a).toBe(1);
    const d = await getTicketDetail(db, s.workspaceId, results[0]!.ticketIds[0]!);
    expect(d!.messages.at(-1)!.attachments.map((a) => a.filename)).toEqual(['crack.png']);
  });

  it('a follow-up that threatens an A-to-z claim raises the ticket to critical and keeps what was read before', async () => {
    s = await seedSmallWorkspace(db, 'rsk');
    const relay = (id: string, at: Date, over: Partial<InboundMessage>) => inbound({
      channel: 'amazon', marketplace: 'US', channelMessageId: id, sentAt: at, from: { address: 'zz9@marketplace.amazon.com', name: 'Jo' },
      customer: { name: 'Jo', email: null, phone: null, identity: { channel: 'amazon', externalId: 'zz9@marketplace.amazon.com' } }, ...over,
    });
    const first = await ingest([relay('q1@amazon', min(1), { intent: 'product_question', intents: ['product_question'], signals: [] })]);
    const before = (await getTicketDetail(db, s.workspaceId, first.ticketIds[0]!))!.ticket;
    expect(before.riskLevel).not.toBe('critical');
    await ingest([relay('q2@amazon', min(60), { inReplyTo: 'q1@amazon', intent: 'not_received', intents: ['not_received'], signals: ['a_to_z_threat'] })]);
    const after = (await getTicketDetail(db, s.workspaceId, first.ticketIds[0]!))!.ticket;
    expect(after.riskLevel).toBe('critical');
    expect(after.riskScore).toBeGreaterThan(before.riskScore);
    expect(after.signals).toEqual(['a_to_z_threat']);
    expect(after.intents).toEqual(['not_received', 'product_question']);
    expect(after.riskFactors.map((f) => f.code)).toContain('signal.a_to_z_threat');
    expect(after.riskReasons.join(' ')).toContain('A-to-z');
  });

  it('classifies what the buyer wrote: an A-to-z threat on an Amazon order is critical, in any language', async () => {
    s = await seedSmallWorkspace(db, 'cls');
    const msg = (id: string, text: string) => inbound({ channel: 'amazon', marketplace: 'DE', channelMessageId: id, text, subject: 'Bestellung',
      from: { address: `${id}@marketplace.amazon.de`, name: null }, customer: { name: null, email: null, phone: null, identity: { channel: 'amazon', externalId: `${id}@marketplace.amazon.de` } } });
    const r = await ingest([
      msg('de1', 'Mein Paket ist nie angekommen. Wenn ich nicht bis morgen eine Antwort bekomme, eröffne ich einen A-bis-z-Garantieantrag.'),
      msg('de2', 'Vielen Dank, alles angekommen!'),
    ]);
    const threat = (await getTicketDetail(db, s.workspaceId, r.ticketIds[0]!))!.ticket;
    expect(threat).toMatchObject({ language: 'de', intent: 'not_received', riskLevel: 'critical' });
    expect(threat.signals).toContain('a_to_z_threat');
    // The message keeps what was read and the words that decided it, for the agent.
    const read = (await getTicketDetail(db, s.workspaceId, r.ticketIds[0]!))!.messages[0]!.classification!;
    expect(read).toMatchObject({ intent: 'not_received', language: 'de' });
    expect(read.evidence.a_to_z_threat!.length).toBeGreaterThan(0);
    const thanks = (await getTicketDetail(db, s.workspaceId, r.ticketIds[1]!))!.ticket;
    expect(thanks).toMatchObject({ intent: 'thanks', nextResponseDueAt: null });
  });
});

