import { appendEvents, type AuditEvent } from '../audit/index.ts';
import { isoOrNull as iso, newId } from '../kernel/index.ts';
import { insertRowsReturning } from '../platform/db/insert-rows.ts';
import type { Queryable } from '../platform/db/port.ts';
import { linkAttachment, saveAttachment } from './attachments.ts';
import { baselineTriage } from './domain/baseline-triage.ts';
import { planThreads, type KnownTicket, type ThreadIndex } from './domain/threading.ts';
import { reserveTicketNumbers } from './save-conversations.ts';

/** One inbound message with its order and customer already resolved (channels/ingest does that). */
export interface DeskInbound {
  readonly channel: string;
  readonly channelAccountId: string | null;
  readonly marketplace: string | null;
  readonly channelMessageId: string;
  readonly conversationId: string | null;
  readonly inReplyTo: string | null;
  readonly references: readonly string[];
  readonly fromAddress: string;
  readonly toAddress: string;
  readonly replyTo: string | null;
  readonly subject: string;
  readonly text: string;
  readonly html: string | null;
  readonly sentAt: Date;
  readonly language: string | null;
  readonly noResponseNeeded: boolean;
  readonly orderId: string | null;
  readonly customerId: string | null;
  readonly fulfillment: string | null;
  /** What the classifier read in the message (triage); empty when nothing was classified. */
  readonly intent?: string | null;
  readonly intents?: readonly string[];
  readonly signals?: readonly string[];
  /** Stored with the message so the agent sees why (API: Message.classification). */
  readonly classification?: unknown;
  readonly attachments: readonly { readonly filename: string; readonly contentType: string; readonly bytes: Uint8Array; readonly contentId: string | null }[];
}

export interface IngestResult {
  /** Messages stored by this call. */
  readonly stored: number;
  /** Messages already stored before (replays, redeliveries) — or stored meanwhile by another process. */
  readonly duplicates: number;
  readonly createdTickets: readonly string[];
  readonly updatedTickets: readonly string[];
  readonly reopenedTickets: readonly string[];
  /** Per input: the ticket the message is in (also for duplicates), or null if it could not be placed. */
  readonly ticketIds: readonly (string | null)[];
}

type Status = KnownTicket['status'];
interface TicketHit { id: string; status: Status; last_activity_at: Date }
const known = (r: TicketHit): KnownTicket => ({ ticketId: r.id, status: r.status, lastActivityAt: r.last_activity_at });
const ACTIVITY = `greatest(t.last_customer_message_at, t.last_agent_message_at, t.created_at)`;

/**
 * Stores inbound messages, set-based: each lands in the ticket its thread, conversation or order says
 * (planThreads), new conversations become tickets, a message on a solved or closed ticket reopens it.
 * Idempotent by (channel, channel message id) — also against a concurrent ingester: the unique index
 * decides, and a message the other process stored counts as a duplicate here.
 */
export async function ingestInbound(q: Queryable, workspaceId: string, input: readonly DeskInbound[], now: Date): Promise<IngestResult> {
  // 1. Replays and duplicates inside the batch.
  const seen = new Map<string, number>();
  input.forEach((m, i) => {
    const k = `${m.channel}\t${m.channelMessageId}`;
    if (!seen.has(k)) seen.set(k, i);
  });
  const stored = await q.query<{ channel: string; channel_message_id: string; ticket_id: string }>(
    `SELECT m.channel, m.channel_message_id, m.ticket_id FROM messages m JOIN unnest($2::text[], $3::text[]) AS k(channel, id)
       ON m.channel = k.channel AND m.channel_message_id = k.id WHERE m.workspace_id = $1`,
    [workspaceId, [...seen.keys()].map((k) => k.split('\t')[0]), [...seen.keys()].map((k) => k.split('\t')[1])],
  );
  const already = new Map(stored.rows.map((r) => [`${r.channel}\t${r.channel_message_id}`, r.ticket_id]));
  const fresh = [...seen.entries()].filter(([k]) => !already.has(k)).map(([, i]) => ({ i, m: input[i]! }));

  // 2. What is stored that these messages could thread onto.
  const refs = [...new Set(fresh.flatMap(({ m }) => [m.inReplyTo, ...m.references].filter((x): x is string => !!x)))];
  const convs = fresh.filter(({ m }) => m.conversationId);
  const orders = [...new Set(fresh.map(({ m }) => m.orderId).filter((x): x is string => !!x))];
  const [byRef, byConv, byOrder] = await Promise.all([
    refs.length
      ? q.query<TicketHit & { mid: string }>(
          `SELECT m.channel_message_id AS mid, t.id, t.status, ${ACTIVITY} AS last_activity_at FROM messages m JOIN tickets t ON t.id = m.ticket_id
            WHERE m.workspace_id = $1 AND m.channel_message_id = ANY($2::text[])`, [workspaceId, refs])
      : { rows: [] },
    convs.length
      ? q.query<TicketHit & { channel: string; external_thread_id: string }>(
          `SELECT t.channel, t.external_thread_id, t.id, t.status, ${ACTIVITY} AS last_activity_at FROM tickets t
             JOIN unnest($2::text[], $3::text[]) AS k(channel, thread) ON t.channel = k.channel AND t.external_thread_id = k.thread WHERE t.workspace_id = $1`,
          [workspaceId, convs.map(({ m }) => m.channel), convs.map(({ m }) => m.conversationId)])
      : { rows: [] },
    orders.length
      ? q.query<TicketHit & { channel: string; order_id: string }>(
          `SELECT DISTINCT ON (t.channel, t.order_id) t.channel, t.order_id, t.id, t.status, ${ACTIVITY} AS last_activity_at FROM tickets t
            WHERE t.workspace_id = $1 AND t.order_id = ANY($2::text[]) ORDER BY t.channel, t.order_id, ${ACTIVITY} DESC`, [workspaceId, orders])
      : { rows: [] },
  ]);
  const index: ThreadIndex = {
    byMessageId: new Map(byRef.rows.map((r) => [r.mid, known(r)])),
    byConversation: new Map(byConv.rows.map((r) => [`${r.channel}\t${r.external_thread_id}`, known(r)])),
    byOrder: new Map(byOrder.rows.map((r) => [`${r.channel}\t${r.order_id}`, known(r)])),
  };
  const decisions = planThreads(fresh.map(({ m }) => m), index);

  // 3. New tickets, one per new thread group; a thread another process created meanwhile is adopted.
  const groupTicket = new Map<number, string>();
  const newGroups = decisions.flatMap((d, j) => (d.kind === 'new' ? [{ d, m: fresh[j]!.m }] : []));
  const created: string[] = [];
  if (newGroups.length) {
    let number = await reserveTicketNumbers(q, workspaceId, newGroups.length);
    const rows = newGroups.map(({ d, m }) => ({ group: d.group, row: newTicketRow(workspaceId, number++, m, d.externalThreadId, now) }));
    const inserted = await insertRowsReturning<{ id: string }>(q, 'tickets', TICKET_COLS, rows.map((r) => r.row),
      'ON CONFLICT (workspace_id, channel, external_thread_id) WHERE external_thread_id IS NOT NULL DO NOTHING', ['id']);
    const ok = new Set(inserted.map((r) => r.id));
    const lost = rows.filter((r) => !ok.has(r.row.id));
    for (const r of rows) if (ok.has(r.row.id)) { groupTicket.set(r.group, r.row.id); created.push(r.row.id); }
    if (lost.length) {
      const theirs = await q.query<{ id: string; channel: string; external_thread_id: string }>(
        `SELECT t.id, t.channel, t.external_thread_id FROM tickets t JOIN unnest($2::text[], $3::text[]) AS k(channel, thread)
           ON t.channel = k.channel AND t.external_thread_id = k.thread WHERE t.workspace_id = $1`,
        [workspaceId, lost.map((r) => r.row.channel), lost.map((r) => r.row.external_thread_id)]);
      const byThread = new Map(theirs.rows.map((t) => [`${t.channel}\t${t.external_thread_id}`, t.id]));
      for (const r of lost) {
        const id = byThread.get(`${r.row.channel}\t${r.row.external_thread_id}`);
        if (id) groupTicket.set(r.group, id);
      }
    }
  }
  const ticketOf = (j: number): string | null => {
    const d = decisions[j]!;
    return d.kind === 'existing' ? d.ticketId : groupTicket.get(d.group) ?? null;
  };

  // 4. Messages. The unique natural key makes a concurrent ingester's copy win; ours is then a duplicate.
  const msgRows = fresh.flatMap(({ m }, j) => {
    const ticketId = ticketOf(j);
    return ticketId ? [{ j, row: messageRow(workspaceId, ticketId, m, now) }] : [];
  });
  const insertedMsgs = await insertRowsReturning<{ id: string }>(q, 'messages', MESSAGE_COLS, msgRows.map((r) => r.row), 'ON CONFLICT DO NOTHING', ['id']);
  const storedIds = new Set(insertedMsgs.map((r) => r.id));
  const storedRows = msgRows.filter((r) => storedIds.has(r.row.id));

  // 5. Attachments of what was stored (content-addressed: the same photo twice is kept once).
  for (const { j, row } of storedRows) {
    const m = fresh[j]!.m;
    for (const [position, a] of m.attachments.entries()) {
      const sha256 = await saveAttachment(q, workspaceId, a.bytes, a.contentType, now);
      await linkAttachment(q, { workspaceId, messageId: row.id, sha256, filename: a.filename, contentId: a.contentId, position });
    }
  }

  // 6. Tickets that received messages: waiting on us again (a message that needs an answer clears "no response
  // needed"), reopened if they were solved or closed; the primary intent is the latest message's.
  const touched = new Map<string, { first: Date; last: Date; respond: boolean; reopen: boolean; orderId: string | null; customerId: string | null; channel: string; fulfillment: string | null; intent: string | null; intentAt: Date | null; intents: Set<string>; signals: Set<string> }>();
  const createdSet = new Set(created);
  for (const { j, row } of storedRows) {
    const m = fresh[j]!.m;
    const d = decisions[j]!;
    const t = touched.get(row.ticket_id) ?? { first: m.sentAt, last: m.sentAt, respond: false, reopen: false, orderId: null, customerId: null, channel: m.channel, fulfillment: m.fulfillment, intent: null, intentAt: null, intents: new Set<string>(), signals: new Set<string>() };
    if (m.intent && (t.intentAt === null || m.sentAt >= t.intentAt)) {
      t.intent = m.intent;
      t.intentAt = m.sentAt;
    }
    for (const x of m.intents ?? []) t.intents.add(x);
    for (const x of m.signals ?? []) t.signals.add(x);
    if (m.sentAt < t.first) t.first = m.sentAt;
    if (m.sentAt > t.last) t.last = m.sentAt;
    t.respond ||= !m.noResponseNeeded;
    t.reopen ||= d.kind === 'existing' && d.reopens && !m.noResponseNeeded;
    t.orderId ??= m.orderId;
    t.customerId ??= m.customerId;
    touched.set(row.ticket_id, t);
  }
  const updates = [...touched.entries()].filter(([id]) => !createdSet.has(id)).map(([id, t]) => {
    const triage = baselineTriage({ channel: t.channel, fulfillment: t.fulfillment, intent: t.intent, signals: [...t.signals], waitingSince: t.first });
    return {
      id, last_in: iso(t.last), reopen: t.reopen, respond: t.respond, order_id: t.orderId, customer_id: t.customerId, intent: t.intent, intent_at: iso(t.intentAt),
      due: iso(t.respond ? triage.firstResponseDueAt : null), intents: [...t.intents], signals: [...t.signals],
      // A new message can raise the ticket's risk (an A-to-z threat in a follow-up), never lower it.
      risk_level: triage.riskLevel, risk_score: triage.riskScore, risk_reasons: JSON.stringify(triage.reasons),
    };
  });
  const reopened = updates.filter((u) => u.reopen).map((u) => u.id);
  /** Tickets marked "no response needed" that a new message needs an answer for again. */
  let respondAgain: string[] = [];
  if (updates.length) {
    const r = await q.query<{ id: string; respond_again: boolean }>(
      `UPDATE tickets t SET
         last_customer_message_at = greatest(t.last_customer_message_at, u.last_in),
         status = CASE WHEN u.reopen OR (u.respond AND t.status = 'pending') THEN 'open' ELSE t.status END,
         closed_at = CASE WHEN u.reopen THEN NULL ELSE t.closed_at END,
         next_response_due_at = CASE WHEN NOT u.respond THEN t.next_response_due_at
           WHEN t.next_response_due_at IS NOT NULL AND coalesce(t.last_agent_message_at, '-infinity') < coalesce(t.last_customer_message_at, '-infinity') THEN t.next_response_due_at
           ELSE u.due END,
         no_response_needed = CASE WHEN u.respond THEN false ELSE t.no_response_needed END,
         -- An older message delivered late does not replace what the buyer wrote since.
         intent = CASE WHEN u.intent IS NOT NULL AND u.intent_at >= coalesce(t.last_customer_message_at, '-infinity') THEN u.intent ELSE t.intent END,
         order_id = coalesce(t.order_id, u.order_id), customer_id = coalesce(t.customer_id, u.customer_id), updated_at = $2,
         intents = ARRAY(SELECT DISTINCT x FROM unnest(t.intents || u.intents) x ORDER BY 1),
         signals = ARRAY(SELECT DISTINCT x FROM unnest(t.signals || u.signals) x ORDER BY 1),
         risk_level = CASE WHEN u.risk_score > t.risk_score THEN u.risk_level ELSE t.risk_level END,
         risk_reasons = CASE WHEN u.risk_score > t.risk_score THEN u.risk_reasons::jsonb ELSE t.risk_reasons END,
         risk_score = greatest(t.risk_score, u.risk_score)
       FROM json_to_recordset($3::json) AS u(id text, last_in timestamptz, reopen boolean, respond boolean, order_id text, customer_id text, due timestamptz,
                                             intent text, intent_at timestamptz, intents text[], signals text[], risk_level text, risk_score integer, risk_reasons text),
            tickets was
       WHERE t.workspace_id = $1 AND t.id = u.id AND was.id = t.id
       RETURNING t.id, (u.respond AND was.no_response_needed) AS respond_again`,
      [workspaceId, now, JSON.stringify(updates)],
    );
    respondAgain = r.rows.filter((x) => x.respond_again).map((x) => x.id);
  }

  // 7. The timeline.
  const events: AuditEvent[] = [];
  for (const id of created) {
    const t = touched.get(id);
    events.push({ workspaceId, subjectType: 'ticket', subjectId: id, type: 'ticket.created', actor: `channel:${t?.channel ?? 'unknown'}`, data: {}, occurredAt: t?.first ?? now });
  }
  for (const { j, row } of storedRows) {
    const m = fresh[j]!.m;
    const d = decisions[j]!;
    events.push({ workspaceId, subjectType: 'ticket', subjectId: row.ticket_id, type: 'message.received', actor: `channel:${m.channel}`,
      data: { from: m.fromAddress, ...(d.kind === 'new' ? {} : { threadedBy: d.via }), ...(m.noResponseNeeded ? { noResponseNeeded: true } : {}) }, occurredAt: m.sentAt });
  }
  for (const id of reopened) events.push({ workspaceId, subjectType: 'ticket', subjectId: id, type: 'ticket.reopened', actor: 'system', data: { reason: 'customer wrote again' }, occurredAt: touched.get(id)?.last ?? now });
  // At ingestion time: the SLA clocks read it as taking the mark back (a late-delivered older message included).
  for (const id of respondAgain) events.push({ workspaceId, subjectType: 'ticket', subjectId: id, type: 'ticket.response_needed', actor: 'system', data: { reason: 'customer wrote again' }, occurredAt: now });
  await appendEvents(q, events);

  const freshPosition = new Map(fresh.map((f, j) => [f.i, j]));
  const ticketIds = input.map((m) => {
    const k = `${m.channel}\t${m.channelMessageId}`;
    const prior = already.get(k);
    if (prior) return prior;
    const j = freshPosition.get(seen.get(k)!);
    return j === undefined ? null : ticketOf(j);
  });
  return {
    stored: storedRows.length,
    duplicates: input.length - storedRows.length - (fresh.length - msgRows.length),
    createdTickets: created,
    updatedTickets: [...touched.keys()].filter((id) => !createdSet.has(id)),
    reopenedTickets: reopened,
    ticketIds,
  };
}

function newTicketRow(ws: string, number: number, m: DeskInbound, externalThreadId: string, now: Date): Record<string, unknown> & { id: string; channel: string; external_thread_id: string } {
  const triage = baselineTriage({ channel: m.channel, fulfillment: m.fulfillment, intent: m.intent ?? null, signals: m.signals ?? [], waitingSince: m.noResponseNeeded ? null : m.sentAt });
  return {
    id: newId('tkt', m.sentAt), workspace_id: ws, number, channel: m.channel, channel_account_id: m.channelAccountId, marketplace: m.marketplace,
    external_thread_id: externalThreadId, customer_id: m.customerId, order_id: m.orderId, subject: m.subject.slice(0, 500), status: 'open',
    language: m.language, intent: m.intent ?? null, intents: m.intents ?? [], signals: m.signals ?? [], risk_level: triage.riskLevel, risk_score: triage.riskScore, risk_reasons: triage.reasons,
    no_response_needed: m.noResponseNeeded, first_response_due_at: iso(triage.firstResponseDueAt), next_response_due_at: iso(triage.firstResponseDueAt),
    last_customer_message_at: iso(m.sentAt), reply_address: m.replyTo ?? m.fromAddress, created_at: iso(m.sentAt), updated_at: iso(now),
  };
}

function messageRow(ws: string, ticketId: string, m: DeskInbound, now: Date): Record<string, unknown> & { id: string; ticket_id: string } {
  return {
    id: newId('msg', m.sentAt), workspace_id: ws, ticket_id: ticketId, direction: 'inbound', channel: m.channel, channel_message_id: m.channelMessageId,
    in_reply_to: m.inReplyTo, reference_ids: m.references, reply_to: m.replyTo, from_address: m.fromAddress, to_address: m.toAddress, subject: m.subject,
    body_text: m.text, body_html: m.html, language: m.language, sent_at: iso(m.sentAt), created_at: iso(now), delivery_status: 'received',
    no_response_needed: m.noResponseNeeded, classification: m.classification ?? null,
  };
}

const TICKET_COLS = {
  id: 'text', workspace_id: 'text', number: 'integer', channel: 'text', channel_account_id: 'text', marketplace: 'text', external_thread_id: 'text',
  customer_id: 'text', order_id: 'text', subject: 'text', status: 'text', language: 'text', intent: 'text', intents: 'text[]', signals: 'text[]', risk_level: 'text', risk_score: 'integer', risk_reasons: 'jsonb',
  no_response_needed: 'boolean', first_response_due_at: 'timestamptz', next_response_due_at: 'timestamptz', last_customer_message_at: 'timestamptz',
  reply_address: 'text', created_at: 'timestamptz', updated_at: 'timestamptz',
};
const MESSAGE_COLS = {
  id: 'text', workspace_id: 'text', ticket_id: 'text', direction: 'text', channel: 'text', channel_message_id: 'text', in_reply_to: 'text',
  reference_ids: 'text[]', reply_to: 'text', from_address: 'text', to_address: 'text', subject: 'text', body_text: 'text', body_html: 'text',
  language: 'text', sent_at: 'timestamptz', created_at: 'timestamptz', delivery_status: 'text', no_response_needed: 'boolean', classification: 'jsonb',
};

