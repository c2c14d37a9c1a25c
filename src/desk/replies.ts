import { randomBytes } from 'node:crypto';
import type { Principal } from '../access/index.ts';
import { appendEvents } from '../audit/index.ts';
import type { Message, ReplyRequest } from '../contracts/index.ts';
import type { Clock, Result } from '../kernel/index.ts';
import { fail, newId, ok, roleAtLeast } from '../kernel/index.ts';
import type { Db, Queryable } from '../platform/db/port.ts';
import { enqueue } from '../platform/jobs.ts';
import { ticketChanged } from './ticket-changed.ts';
import { selectMessages } from './ticket-detail.ts';

export const REPLY_QUEUE = 'reply.send';
export const REPLY_MAX_ATTEMPTS = 6;
/**
 * Ticket channels whose replies travel as e-mail (Amazon through its relay; Shopify and TikTok buyers by
 * e-mail): a reply gets its own Message-ID up front, so buyers' answers thread, and leaves through a mailbox.
 */
export const MAIL_CHANNELS: ReadonlySet<string> = new Set(['email', 'amazon', 'shopify', 'tiktok']);

interface Deps { readonly db: Db; readonly clock: Clock }

interface TicketForReply {
  id: string; channel: string; subject: string; reply_address: string | null; status: string;
  last_mid: string | null; last_refs: string[] | null; last_reply_to: string | null; last_from: string | null; last_to: string | null;
}

/**
 * Queues a reply: the message is stored as `queued` and its delivery job is enqueued in the same
 * transaction (saving never sends; the worker sends through the ticket's channel and retries). A reply
 * answers the customer's latest message: In-Reply-To and References continue the buyer's thread.
 */
export async function queueReply(deps: Deps, principal: Principal, ticketId: string, req: ReplyRequest): Promise<Result<Message>> {
  if (!roleAtLeast(principal.role, 'agent')) return fail('forbidden', 'viewers cannot reply');
  return deps.db.transaction(async (tx) => {
    const t = await loadTicket(tx, principal.workspaceId, ticketId);
    if (!t) return fail('not_found', `no ticket ${ticketId}`);
    const to = t.reply_address ?? t.last_reply_to ?? t.last_from;
    if (!to) return fail('bad_input', 'this ticket has no customer address to reply to', { field: 'ticket' });
    const now = deps.clock.now();
    const id = newId('msg', now);
    const refs = t.last_mid ? [...(t.last_refs ?? []), t.last_mid].slice(-20) : [];
    const row = {
      id, subject: /^(re|aw|sv|antw|r|rif|réf)\s*:/i.test(t.subject) ? t.subject : `Re: ${t.subject}`.trim(),
      channelMessageId: MAIL_CHANNELS.has(t.channel) ? `${id}.${randomBytes(4).toString('hex')}@claimdesk` : null,
      from: t.last_to ?? '',
    };
    await tx.query(
      `INSERT INTO messages (id, workspace_id, ticket_id, direction, channel, channel_message_id, in_reply_to, reference_ids, from_address, to_address, subject, body_text,
         author_user_id, sent_at, created_at, updated_at, delivery_status)
       VALUES ($1, $2, $3, 'outbound', $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13, $13, 'queued')`,
      [id, principal.workspaceId, ticketId, t.channel, row.channelMessageId, t.last_mid, refs, row.from, to, row.subject, req.body, principal.userId, now],
    );
    await enqueue(tx, REPLY_QUEUE, { workspaceId: principal.workspaceId, messageId: id }, { workspaceId: principal.workspaceId, dedupeKey: id, maxAttempts: REPLY_MAX_ATTEMPTS });
    const status = req.status ?? 'pending';
    await tx.query(
      `UPDATE tickets SET first_responded_at = coalesce(first_responded_at, $3), last_agent_message_at = $3, next_response_due_at = NULL,
         status = $4, closed_at = CASE WHEN $4 IN ('solved', 'closed') THEN $3::timestamptz ELSE NULL END, updated_at = $3
       WHERE workspace_id = $1 AND id = $2`,
      [principal.workspaceId, ticketId, now, status],
    );
    // The agent's draft, and the automation draft (no author) the agent started from, are both used up.
    await tx.query('DELETE FROM messages WHERE workspace_id = $1 AND ticket_id = $2 AND (author_user_id = $3 OR author_user_id IS NULL) AND delivery_status = \'draft\'', [principal.workspaceId, ticketId, principal.userId]);
    await appendEvents(tx, [
      { workspaceId: principal.workspaceId, subjectType: 'ticket', subjectId: ticketId, type: 'reply.queued', actor: `user:${principal.userId}`, data: { messageId: id, to }, occurredAt: now },
      ...(status !== t.status ? [{ workspaceId: principal.workspaceId, subjectType: 'ticket' as const, subjectId: ticketId, type: 'ticket.status_changed', actor: `user:${principal.userId}`, data: { from: t.status, to: status }, occurredAt: now }] : []),
    ]);
    await ticketChanged(tx, principal.workspaceId, ticketId, `reply:${id}`);
    return ok(await loadMessage(tx, principal.workspaceId, id));
  });
}

/** The agent's unsent draft on a ticket: one per agent and ticket, never sent, replaced on every save (and it replaces an automation draft). */
export async function saveDraft(deps: Deps, principal: Principal, ticketId: string, body: string): Promise<Result<{ savedAt: string }>> {
  if (!roleAtLeast(principal.role, 'agent')) return fail('forbidden', 'viewers cannot write replies');
  return deps.db.transaction(async (tx) => {
    const t = await loadTicket(tx, principal.workspaceId, ticketId);
    if (!t) return fail('not_found', `no ticket ${ticketId}`);
    const now = deps.clock.now();
    // The agent's draft, and the automation draft (no author) the agent started from, are both used up.
    await tx.query('DELETE FROM messages WHERE workspace_id = $1 AND ticket_id = $2 AND (author_user_id = $3 OR author_user_id IS NULL) AND delivery_status = \'draft\'', [principal.workspaceId, ticketId, principal.userId]);
    if (body.trim()) {
      await tx.query(
        `INSERT INTO messages (id, workspace_id, ticket_id, direction, channel, from_address, to_address, subject, body_text, author_user_id, sent_at, created_at, updated_at, delivery_status)
         VALUES ($1, $2, $3, 'outbound', $4, '', $5, $6, $7, $8, $9, $9, $9, 'draft')`,
        [newId('msg', now), principal.workspaceId, ticketId, t.channel, t.reply_address ?? '', t.subject, body, principal.userId, now],
      );
    }
    return ok({ savedAt: now.toISOString() });
  });
}

export async function getDraft(db: Queryable, principal: Principal, ticketId: string): Promise<string | null> {
  const r = await db.query<{ body_text: string }>(
    // The agent's own draft first; else the draft a rule prepared from a template (no author).
    `SELECT body_text FROM messages WHERE workspace_id = $1 AND ticket_id = $2 AND (author_user_id = $3 OR author_user_id IS NULL) AND delivery_status = 'draft'
      ORDER BY (author_user_id IS NULL), created_at DESC LIMIT 1`,
    [principal.workspaceId, ticketId, principal.userId],
  );
  return r.rows[0]?.body_text ?? null;
}

/** Sends a failed reply again (the agent pressed "retry"): a fresh delivery job with fresh attempts. */
export async function retryReply(deps: Deps, principal: Principal, messageId: string): Promise<Result<Message>> {
  if (!roleAtLeast(principal.role, 'agent')) return fail('forbidden', 'viewers cannot send replies');
  return deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const r = await tx.query<{ ticket_id: string; delivery_attempts: number }>(
      `UPDATE messages SET delivery_status = 'queued', delivery_error = NULL, updated_at = $3
        WHERE workspace_id = $1 AND id = $2 AND direction = 'outbound' AND delivery_status = 'failed' RETURNING ticket_id, delivery_attempts`,
      [principal.workspaceId, messageId, now],
    );
    const row = r.rows[0];
    if (!row) return fail('not_found', 'no failed reply with that id in this workspace');
    await enqueue(tx, REPLY_QUEUE, { workspaceId: principal.workspaceId, messageId }, { workspaceId: principal.workspaceId, dedupeKey: `${messageId}:retry:${row.delivery_attempts}`, maxAttempts: REPLY_MAX_ATTEMPTS });
    await appendEvents(tx, [{ workspaceId: principal.workspaceId, subjectType: 'ticket', subjectId: row.ticket_id, type: 'reply.retried', actor: `user:${principal.userId}`, data: { messageId }, occurredAt: now }]);
    return ok(await loadMessage(tx, principal.workspaceId, messageId));
  });
}

/** Everything a channel needs to deliver one queued reply. */
export interface OutboundReply {
  readonly id: string;
  readonly workspaceId: string;
  readonly ticketId: string;
  readonly ticketNumber: number;
  readonly channel: string;
  readonly channelAccountId: string | null;
  readonly channelMessageId: string | null;
  readonly inReplyTo: string | null;
  readonly references: readonly string[];
  readonly to: string;
  readonly from: string;
  readonly subject: string;
  readonly text: string;
  readonly deliveryStatus: string;
  readonly conversationId: string | null;
  readonly authorName: string | null;
}

export async function loadOutbound(q: Queryable, workspaceId: string, messageId: string): Promise<OutboundReply | null> {
  const r = await q.query<{
    id: string; ticket_id: string; number: number; channel: string; channel_account_id: string | null; channel_message_id: string | null; in_reply_to: string | null;
    reference_ids: string[]; to_address: string; from_address: string; subject: string; body_text: string; delivery_status: string; external_thread_id: string | null; author: string | null;
  }>(
    `SELECT m.id, m.ticket_id, t.number, t.channel, t.channel_account_id, m.channel_message_id, m.in_reply_to, m.reference_ids, m.to_address, m.from_address, m.subject,
            m.body_text, m.delivery_status, t.external_thread_id, u.name AS author
       FROM messages m JOIN tickets t ON t.id = m.ticket_id AND t.workspace_id = m.workspace_id LEFT JOIN users u ON u.id = m.author_user_id
      WHERE m.workspace_id = $1 AND m.id = $2 AND m.direction = 'outbound'`,
    [workspaceId, messageId],
  );
  const m = r.rows[0];
  return m ? {
    id: m.id, workspaceId, ticketId: m.ticket_id, ticketNumber: m.number, channel: m.channel, channelAccountId: m.channel_account_id, channelMessageId: m.channel_message_id,
    inReplyTo: m.in_reply_to, references: m.reference_ids, to: m.to_address, from: m.from_address, subject: m.subject, text: m.body_text, deliveryStatus: m.delivery_status,
    conversationId: m.external_thread_id, authorName: m.author,
  } : null;
}

/** Records one delivery attempt. `final` failures make the reply visibly failed (the agent can retry). */
export async function recordDelivery(
  q: Queryable, workspaceId: string, messageId: string, now: Date,
  outcome: { ok: true; channelMessageId: string | null; simulated?: boolean; from?: string } | { ok: false; error: string; final: boolean },
): Promise<void> {
  const r = await q.query<{ ticket_id: string }>(
    outcome.ok
      ? `UPDATE messages SET delivery_status = 'sent', delivered_at = $3, delivery_attempts = delivery_attempts + 1, delivery_error = NULL, updated_at = $3,
           channel_message_id = coalesce(channel_message_id, $4), from_address = CASE WHEN from_address = '' THEN coalesce($5, '') ELSE from_address END
         WHERE workspace_id = $1 AND id = $2 RETURNING ticket_id`
      : `UPDATE messages SET delivery_status = CASE WHEN $5 THEN 'failed' ELSE delivery_status END, delivery_attempts = delivery_attempts + 1, delivery_error = $4, updated_at = $3
         WHERE workspace_id = $1 AND id = $2 RETURNING ticket_id`,
    outcome.ok ? [workspaceId, messageId, now, outcome.channelMessageId, outcome.from ?? null] : [workspaceId, messageId, now, outcome.error.slice(0, 2000), outcome.final],
  );
  const ticketId = r.rows[0]?.ticket_id;
  if (!ticketId) return;
  if (outcome.ok || outcome.final) {
    await appendEvents(q, [{
      workspaceId, subjectType: 'ticket', subjectId: ticketId, type: outcome.ok ? 'reply.sent' : 'reply.failed', actor: 'system',
      data: outcome.ok ? { messageId, ...(outcome.simulated ? { simulated: true } : {}) } : { messageId, error: outcome.error.slice(0, 500) }, occurredAt: now,
    }]);
  }
  // A reply that finally failed answered nothing: the buyer still waits, and the clocks must say so.
  if (!outcome.ok && outcome.final) await ticketChanged(q, workspaceId, ticketId, `failed:${messageId}`);
}

/** A bounce for one of our replies: the reply is marked failed with the reason, visibly. */
export async function recordBounce(q: Queryable, workspaceId: string, ourMessageId: string, reason: string, now: Date): Promise<boolean> {
  const r = await q.query<{ id: string }>(
    `SELECT id FROM messages WHERE workspace_id = $1 AND channel_message_id = $2 AND direction = 'outbound'`, [workspaceId, ourMessageId]);
  const id = r.rows[0]?.id;
  if (!id) return false;
  await recordDelivery(q, workspaceId, id, now, { ok: false, error: `bounced: ${reason}`, final: true });
  return true;
}

async function loadTicket(q: Queryable, workspaceId: string, ticketId: string): Promise<TicketForReply | null> {
  const r = await q.query<TicketForReply>(
    `SELECT t.id, t.channel, t.subject, t.reply_address, t.status, l.channel_message_id AS last_mid, l.reference_ids AS last_refs, l.reply_to AS last_reply_to,
            l.from_address AS last_from, l.to_address AS last_to
       FROM tickets t LEFT JOIN LATERAL (
         SELECT m.channel_message_id, m.reference_ids, m.reply_to, m.from_address, m.to_address FROM messages m
          WHERE m.ticket_id = t.id AND m.direction = 'inbound' ORDER BY m.sent_at DESC LIMIT 1) l ON true
      WHERE t.workspace_id = $1 AND t.id = $2 FOR UPDATE OF t`,
    [workspaceId, ticketId],
  );
  return r.rows[0] ?? null;
}

async function loadMessage(q: Queryable, workspaceId: string, id: string): Promise<Message> {
  return (await selectMessages(q, workspaceId, 'm.id = $2', id))[0]!;
}
