// IMAP ingestion and SMTP replies against real servers on 127.0.0.1: a private dovecot (IMAP) and
// smtp-server (SMTP). The Amazon relay mail below is written by us from Amazon's documented format
// (no public sample exists; see src/channels/email/relay-samples.ts).
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAccounts } from '../src/channels/accounts.ts';
import { startMailboxWatcher, syncMailboxOnce } from '../src/channels/mail/imap.ts';
import { replyJob } from '../src/channels/outbox.ts';
import { createChannelAccount, listChannelAccounts } from '../src/commerce/index.ts';
import { getTicketDetail, getTicketTimeline, queueReply } from '../src/desk/index.ts';
import { fixedClock } from '../src/kernel/index.ts';
import type { Db } from '../src/platform/db/port.ts';
import { createJobWorker } from '../src/platform/jobs.ts';
import { createLogger } from '../src/platform/log.ts';
import { secretBox } from '../src/platform/secret-box.ts';
import { client, testApp } from './support/app.ts';
import { DRIVERS } from './support/db.ts';
import { seedSmallWorkspace, T0 } from './support/fixtures.ts';
import { dovecotSkipReason, startDovecot, startSmtpSink, type Dovecot, type SmtpSink } from './support/mail-servers.ts';

const pglite = DRIVERS[0]!;
const secrets = secretBox(randomBytes(32));
const log = createLogger('silent');

function mail(o: { id: string; from: string; subject: string; body: string; inReplyTo?: string; headers?: string }): string {
  return [
    `Message-ID: <${o.id}>`, `From: ${o.from}`, 'To: shop@example.test', `Subject: ${o.subject}`, 'Date: Fri, 20 Nov 2026 10:00:00 +0000', 'MIME-Version: 1.0',
    ...(o.inReplyTo ? [`In-Reply-To: <${o.inReplyTo}>`, `References: <${o.inReplyTo}>`] : []), ...(o.headers ? [o.headers] : []),
    'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 8bit', '', o.body, '',
  ].join('\r\n');
}

const bounce = (originalId: string) => [
  'Message-ID: <bounce-1@mx.example.test>', 'From: Mail Delivery System <MAILER-DAEMON@mx.example.test>', 'To: shop@example.test', 'Subject: Undelivered Mail Returned to Sender',
  'Date: Fri, 20 Nov 2026 11:00:00 +0000', 'MIME-Version: 1.0', 'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"', '',
  '--b1', 'Content-Type: text/plain', '', 'Your message could not be delivered.', '',
  '--b1', 'Content-Type: message/delivery-status', '', 'Reporting-MTA: dns; mx.example.test', '', 'Final-Recipient: rfc822; gone@example.test', 'Action: failed', 'Status: 5.1.1', '',
  '--b1', 'Content-Type: text/rfc822-headers', '', `Message-ID: <${originalId}>`, 'Subject: Re: Lid cracked', '', '--b1--', '',
].join('\r\n');

describe.skipIf(dovecotSkipReason !== null)('mailbox over real IMAP and SMTP servers', () => {
  let dovecot: Dovecot;
  let smtp: SmtpSink;
  let db: Db;
  let s: Awaited<ReturnType<typeof seedSmallWorkspace>>;
  let clock = fixedClock(T0);

  beforeAll(async () => {
    [dovecot, smtp] = await Promise.all([startDovecot(), startSmtpSink()]);
    db = await pglite.open();
    s = await seedSmallWorkspace(db, 'imap');
    const acct = await createChannelAccount(db, secrets, s.workspaceId, {
      kind: 'mailbox', name: 'Support mailbox', externalId: 'shop@example.test',
      credentials: { imapHost: '127.0.0.1', imapPort: String(dovecot.port), imapTls: 'false', username: dovecot.user, password: dovecot.password,
        smtpHost: '127.0.0.1', smtpPort: String(smtp.port), smtpTls: 'false', fromAddress: 'shop@example.test' },
    }, T0);
    if (!acct.ok) throw new Error(acct.message);
  }, 60_000);

  afterAll(async () => {
    await db?.close();
    await Promise.all([dovecot?.stop(), smtp?.stop()]);
  });

  const account = async () => (await listAccounts(db, secrets, 'mailbox', s.workspaceId))[0]!;
  const deps = () => ({ db, clock, secrets, log });

  it('fetches new mail once, keeps bounces and auto-replies out of the inbox, and survives a UIDVALIDITY change', async () => {
    await dovecot.deliver(mail({ id: 'c1@buyer.test', from: 'Pat Lee <pat@buyer.test>', subject: 'Lid cracked', body: 'The lid of my kettle arrived cracked.' }));
    await dovecot.deliver(mail({ id: 'ooo@buyer.test', from: 'kim@buyer.test', subject: 'Out of office', body: 'I am away.', headers: 'Auto-Submitted: auto-replied' }));
    const first = await syncMailboxOnce(deps(), await account());
    expect(first).toMatchObject({ fetched: 2, stored: 1, skipped: 1, errors: [] });
    const again = await syncMailboxOnce(deps(), await account());
    expect(again.fetched).toBe(0);
    // The server renumbers the folder: everything is read again and nothing is stored twice.
    await db.query('UPDATE mailbox_state SET uid_validity = uid_validity + 1');
    const renumbered = await syncMailboxOnce(deps(), await account());
    expect(renumbered).toMatchObject({ uidValidityChanged: true, fetched: 2, stored: 0 });
    const skipped = await db.query<{ kind: string }>('SELECT kind FROM inbound_skipped');
    expect(skipped.rows.map((r) => r.kind)).toEqual(['auto_reply']);
    // Admins see what was kept out of the inbox, and why; agents may not list it.
    const { app } = testApp(db);
    const owner = client(app);
    await owner.login('owner@imap.test', s.password);
    const listed = await owner.call('GET', '/api/inbound-skipped');
    expect(listed.json.items).toEqual([expect.objectContaining({ messageId: 'ooo@buyer.test', kind: 'auto_reply', fromAddress: 'kim@buyer.test', subject: 'Out of office' })]);
    expect(listed.json.items[0].reason).toMatch(/Auto-Submitted/i);
    const agent = client(app);
    await agent.login('agent@imap.test', s.password);
    expect((await agent.call('GET', '/api/inbound-skipped')).status).toBe(403);
    const t = await db.query<{ id: string; subject: string }>(`SELECT id, subject FROM tickets WHERE channel = 'email'`);
    expect(t.rows.map((r) => r.subject)).toEqual(['Lid cracked']);
    // Settings shows when the mailbox last synced, and no error.
    const shown = (await listChannelAccounts(db, s.workspaceId)).find((a) => a.kind === 'mailbox')!;
    expect(shown.lastSyncAt).not.toBeNull();
    expect(shown.lastError).toBeNull();
  }, 60_000);

  it('replies through SMTP in the buyer\'s thread, threads the buyer\'s answer, and a bounce marks the reply failed', async () => {
    const ticket = (await db.query<{ id: string }>(`SELECT id FROM tickets WHERE subject = 'Lid cracked'`)).rows[0]!.id;
    // Jobs are enqueued at the database's now(): the worker's clock must not be behind it.
    clock = fixedClock(new Date(Date.now() + 1000));
    const q = await queueReply(deps(), { userId: s.agentId, workspaceId: s.workspaceId, role: 'agent' } as never, ticket, { body: 'Sorry about the lid! A replacement ships today.' });
    expect(q.ok && q.value.deliveryStatus).toBe('queued');
    const worker = createJobWorker(db, [replyJob(deps())], clock);
    await worker.runOnce();
    const queued = (await getTicketDetail(db, s.workspaceId, ticket))!.messages.find((m) => m.direction === 'outbound')!;
    expect({ status: queued.deliveryStatus, error: queued.deliveryError }).toEqual({ status: 'sent', error: null });
    const sent = await smtp.waitFor(1);
    expect(sent.envelopeTo).toEqual(['pat@buyer.test']);
    expect(sent.parsed.inReplyTo).toBe('<c1@buyer.test>');
    expect(sent.parsed.references).toEqual('<c1@buyer.test>');
    expect(sent.parsed.subject).toBe('Re: Lid cracked');
    expect(sent.parsed.text?.trim()).toBe('Sorry about the lid! A replacement ships today.');
    const detail = await getTicketDetail(db, s.workspaceId, ticket);
    const out = detail!.messages.find((m) => m.direction === 'outbound')!;
    expect(out.deliveryStatus).toBe('sent');
    const ourId = sent.parsed.messageId!.replace(/[<>]/g, '');
    // The buyer answers our reply; it lands on the same ticket and reopens the conversation.
    await dovecot.deliver(mail({ id: 'c2@buyer.test', from: 'pat@buyer.test', subject: 'Re: Lid cracked', body: 'Thanks, but which colour?', inReplyTo: ourId }));
    await dovecot.deliver(bounce(ourId));
    const r = await syncMailboxOnce(deps(), await account());
    expect(r).toMatchObject({ fetched: 2, stored: 1, skipped: 1 });
    const after = await getTicketDetail(db, s.workspaceId, ticket);
    expect(after!.messages.map((m) => m.bodyText.trim())).toContain('Thanks, but which colour?');
    expect(after!.ticket.status).toBe('open');
    expect(after!.messages.find((m) => m.direction === 'outbound')!.deliveryStatus).toBe('failed');
    const types = (await getTicketTimeline(db, s.workspaceId, ticket))!.map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['reply.queued', 'reply.sent', 'reply.failed', 'message.received']));
  }, 60_000);

  it('retries a reply the SMTP server refuses for now, and gives up at once on a permanent refusal', async () => {
    const ticket = (await db.query<{ id: string }>(`SELECT id FROM tickets WHERE subject = 'Lid cracked'`)).rows[0]!.id;
    smtp.failNext(1, 451);
    const q = await queueReply(deps(), { userId: s.agentId, workspaceId: s.workspaceId, role: 'agent' } as never, ticket, { body: 'Blue, like the photo.' });
    if (!q.ok) throw new Error(q.message);
    const worker = createJobWorker(db, [replyJob(deps())], clock);
    await worker.runOnce();
    let m = (await getTicketDetail(db, s.workspaceId, ticket))!.messages.find((x) => x.id === q.value.id)!;
    expect(m.deliveryStatus).toBe('queued');
    expect(m.deliveryError).toMatch(/451|try again/);
    clock = fixedClock(new Date(clock.now().getTime() + 60_000));
    await createJobWorker(db, [replyJob(deps())], clock).runOnce();
    m = (await getTicketDetail(db, s.workspaceId, ticket))!.messages.find((x) => x.id === q.value.id)!;
    expect(m.deliveryStatus).toBe('sent');
    smtp.failNext(1, 550);
    const q2 = await queueReply(deps(), { userId: s.agentId, workspaceId: s.workspaceId, role: 'agent' } as never, ticket, { body: 'One more thing.' });
    if (!q2.ok) throw new Error(q2.message);
    await createJobWorker(db, [replyJob(deps())], clock).runOnce();
    m = (await getTicketDetail(db, s.workspaceId, ticket))!.messages.find((x) => x.id === q2.value.id)!;
    expect(m.deliveryStatus).toBe('failed');
    expect(m.deliveryError).toMatch(/550|unavailable/);
  }, 60_000);

  it('the watcher picks up new mail by IDLE push without waiting for the poll interval', async () => {
    const watcher = startMailboxWatcher({ db, clock: { now: () => new Date() }, secrets, log }, { pollMs: 120_000, rescanMs: 120_000 });
    try {
      const acct = await account();
      await watcher.synced(acct.id);
      const next = watcher.synced(acct.id);
      const started = Date.now();
      await dovecot.deliver(mail({ id: 'push1@buyer.test', from: 'lou@buyer.test', subject: 'Where is my order', body: 'Order #1001 has not arrived.' }));
      const report = await next;
      expect(report.stored).toBe(1);
      expect(Date.now() - started).toBeLessThan(20_000);
    } finally {
      await watcher.stop();
    }
  }, 60_000);
});
