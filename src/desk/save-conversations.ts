import { appendEvents, type AuditEvent } from '../audit/index.ts';
import { isoOrNull as iso, newId } from '../kernel/index.ts';
import { insertRows, insertRowsReturning } from '../platform/db/insert-rows.ts';
import type { Queryable } from '../platform/db/port.ts';
import type { ConversationInput } from './conversation-input.ts';

/** Reserves `count` consecutive ticket numbers for a workspace; returns the first. Row lock serialises writers. */
export async function reserveTicketNumbers(q: Queryable, workspaceId: string, count: number): Promise<number> {
  const r = await q.query<{ last_number: number }>(
    `INSERT INTO ticket_counters (workspace_id, last_number) VALUES ($1, $2)
     ON CONFLICT (workspace_id) DO UPDATE SET last_number = ticket_counters.last_number + $2 RETURNING last_number`,
    [workspaceId, count],
  );
  return r.rows[0]!.last_number - count + 1;
}

/**
 * Stores conversations as new tickets with their messages and notes, set-based. Idempotent, also under
 * concurrent ingestion: a conversation is keyed by (channel, thread id — or its first message's id), one
 * already stored is skipped, and messages are unique by (channel, channel message id). Timeline entries
 * are written only for what was actually inserted. Returns the ids of the tickets created, in input order.
 */
export async function saveConversations(q: Queryable, workspaceId: string, convs: readonly ConversationInput[], now: Date): Promise<string[]> {
  const planned = new Map<string, ConversationInput & { externalThreadId: string | null }>();
  for (const c of convs) {
    const thread = c.externalThreadId ?? c.messages[0]?.channelMessageId ?? null;
    const k = thread === null ? `new:${planned.size}` : `${c.channel}\t${thread}`;
    if (!planned.has(k)) planned.set(k, { ...c, externalThreadId: thread });
  }
  const keyed = [...planned.values()].filter((c) => c.externalThreadId !== null);
  const known = await q.query<{ channel: string; external_thread_id: string }>(
    `SELECT t.channel, t.external_thread_id FROM tickets t JOIN unnest($2::text[], $3::text[]) AS k(channel, thread)
       ON k.channel = t.channel AND k.thread = t.external_thread_id WHERE t.workspace_id = $1`,
    [workspaceId, keyed.map((c) => c.channel), keyed.map((c) => c.externalThreadId)],
  );
  for (const r of known.rows) planned.delete(`${r.channel}\t${r.external_thread_id}`);
  const fresh = [...planned.values()];
  if (fresh.length === 0) return [];
  let number = await reserveTicketNumbers(q, workspaceId, fresh.length);
  const ticketRows = fresh.map((c) => {
    const created = c.messages[0]?.sentAt ?? now;
    return { conv: c, row: ticketRow(workspaceId, newId('tkt', created), number++, c, created, now) as Record<string, unknown> & { id: string } };
  });
  const inserted = new Set(
    (await insertRowsReturning<{ id: string }>(q, 'tickets', TICKET_COLS, ticketRows.map((t) => t.row), `ON CONFLICT (workspace_id, channel, external_thread_id) WHERE external_thread_id IS NOT NULL DO NOTHING`, ['id'])).map((r) => r.id),
  );
  const created = ticketRows.filter((t) => inserted.has(t.row.id));
  await saveMessagesAndNotes(q, workspaceId, created.map((t) => ({ ticketId: t.row.id, conv: t.conv })), now);
  return created.map((t) => t.row.id);
}

async function saveMessagesAndNotes(q: Queryable, workspaceId: string, tickets: readonly { ticketId: string; conv: ConversationInput }[], now: Date): Promise<void> {
  const messages: Record<string, unknown>[] = [];
  const notes: Record<string, unknown>[] = [];
  const events: AuditEvent[] = [];
  const channelOf = new Map<string, string>();
  for (const { ticketId: id, conv: c } of tickets) {
    channelOf.set(id, c.channel);
    events.push({ workspaceId, subjectType: 'ticket', subjectId: id, type: 'ticket.created', actor: `channel:${c.channel}`, data: { risk: c.riskLevel, reasons: c.riskReasons, intent: c.intent }, occurredAt: c.messages[0]?.sentAt ?? now });
    for (const m of c.messages) {
      messages.push({
        id: newId('msg', m.sentAt), workspace_id: workspaceId, ticket_id: id, direction: m.direction, channel: c.channel, channel_message_id: m.channelMessageId,
        in_reply_to: m.inReplyTo ?? null, from_address: m.fromAddress, to_address: m.toAddress, subject: m.subject, body_text: m.bodyText, body_html: m.bodyHtml ?? null,
        language: m.language, author_user_id: m.authorUserId ?? null, sent_at: iso(m.sentAt), created_at: iso(now), delivery_status: m.direction === 'inbound' ? 'received' : 'sent',
      });
    }
    for (const n of c.notes ?? []) notes.push({ id: newId('note', n.createdAt), workspace_id: workspaceId, ticket_id: id, author_label: n.authorLabel, body: n.body, created_at: iso(n.createdAt) });
  }
  const stored = await insertRowsReturning<{ ticket_id: string; direction: string; from_address: string; sent_at: Date }>(
    q, 'messages', MESSAGE_COLS, messages, 'ON CONFLICT DO NOTHING', ['ticket_id', 'direction', 'from_address', 'sent_at'],
  );
  for (const m of stored.sort((a, b) => a.sent_at.getTime() - b.sent_at.getTime())) {
    const inbound = m.direction === 'inbound';
    events.push({ workspaceId, subjectType: 'ticket', subjectId: m.ticket_id, type: inbound ? 'message.received' : 'message.sent', actor: inbound ? `channel:${channelOf.get(m.ticket_id)}` : 'system', data: { from: m.from_address }, occurredAt: m.sent_at });
  }
  await insertRows(q, 'notes', { id: 'text', workspace_id: 'text', ticket_id: 'text', author_label: 'text', body: 'text', created_at: 'timestamptz' }, notes);
  await appendEvents(q, events);
}

function ticketRow(ws: string, id: string, number: number, c: ConversationInput, created: Date, now: Date): object {
  const lastIn = [...c.messages].reverse().find((m) => m.direction === 'inbound');
  const lastOut = [...c.messages].reverse().find((m) => m.direction === 'outbound');
  const firstOut = c.messages.find((m) => m.direction === 'outbound');
  const closed = c.status === 'solved' || c.status === 'closed';
  return {
    id, workspace_id: ws, number, channel: c.channel, channel_account_id: c.channelAccountId, marketplace: c.marketplace, external_thread_id: c.externalThreadId,
    customer_id: c.customerId, order_id: c.orderId, subject: c.subject, status: c.status, assignee_id: c.assigneeId, team_id: c.teamId, language: c.language,
    intent: c.intent, intents: c.intents, signals: c.signals, tags: c.tags ?? [], risk_level: c.riskLevel, risk_score: c.riskScore, risk_reasons: c.riskReasons,
    first_response_due_at: iso(c.firstResponseDueAt), next_response_due_at: iso(c.nextResponseDueAt), first_responded_at: iso(firstOut?.sentAt),
    last_customer_message_at: iso(lastIn?.sentAt), last_agent_message_at: iso(lastOut?.sentAt), created_at: iso(created), updated_at: iso(now),
    closed_at: closed ? iso(lastOut?.sentAt ?? lastIn?.sentAt ?? created) : null,
  };
}

const TICKET_COLS = {
  id: 'text', workspace_id: 'text', number: 'integer', channel: 'text', channel_account_id: 'text', marketplace: 'text', external_thread_id: 'text',
  customer_id: 'text', order_id: 'text', subject: 'text', status: 'text', assignee_id: 'text', team_id: 'text', language: 'text', intent: 'text',
  intents: 'text[]', signals: 'text[]', tags: 'text[]', risk_level: 'text', risk_score: 'integer', risk_reasons: 'jsonb', first_response_due_at: 'timestamptz',
  next_response_due_at: 'timestamptz', first_responded_at: 'timestamptz', last_customer_message_at: 'timestamptz', last_agent_message_at: 'timestamptz',
  created_at: 'timestamptz', updated_at: 'timestamptz', closed_at: 'timestamptz',
};
const MESSAGE_COLS = {
  id: 'text', workspace_id: 'text', ticket_id: 'text', direction: 'text', channel: 'text', channel_message_id: 'text', in_reply_to: 'text',
  from_address: 'text', to_address: 'text', subject: 'text', body_text: 'text', body_html: 'text', language: 'text', author_user_id: 'text',
  sent_at: 'timestamptz', created_at: 'timestamptz', delivery_status: 'text',
};
