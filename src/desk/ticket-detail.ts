import { listEvents } from '../audit/index.ts';
import { getCustomerSummary, getOrderDetail } from '../commerce/index.ts';
import type { Message, Note, TicketDetail, TimelineEvent } from '../contracts/index.ts';
import type { Queryable } from '../platform/db/port.ts';
import { attachmentUrl } from './attachments.ts';
import { presentSummary, SUMMARY_SELECT, type SummaryRow } from './list-tickets.ts';

interface MessageRow {
  id: string; direction: Message['direction']; channel: string; from_address: string; to_address: string; subject: string; body_text: string;
  body_html: string | null; language: string | null; sent_at: Date; delivery_status: Message['deliveryStatus']; delivery_error: string | null; author: string | null; classification: Message['classification'];
  attachments: { sha256: string; filename: string; contentType: string; sizeBytes: number }[];
}

/** Messages of this workspace as the API shows them, matching `condition` (which may use $2 = `arg`), oldest first. */
export async function selectMessages(db: Queryable, workspaceId: string, condition: string, arg: string): Promise<Message[]> {
  const r = await db.query<MessageRow>(
    `SELECT m.id, m.direction, m.channel, m.from_address, m.to_address, m.subject, m.body_text, m.body_html, m.language, m.sent_at, m.delivery_status,
       m.delivery_error, (SELECT u.name FROM users u WHERE u.id = m.author_user_id) AS author, m.classification,
       coalesce((SELECT json_agg(json_build_object('sha256', a.sha256, 'filename', ma.filename, 'contentType', a.content_type, 'sizeBytes', a.size_bytes) ORDER BY ma.position)
                 FROM message_attachments ma JOIN attachments a ON a.workspace_id = ma.workspace_id AND a.sha256 = ma.sha256 WHERE ma.message_id = m.id), '[]') AS attachments
     FROM messages m WHERE m.workspace_id = $1 AND ${condition} ORDER BY m.sent_at, m.id`,
    [workspaceId, arg],
  );
  return r.rows.map((m) => ({
    id: m.id, direction: m.direction, channel: m.channel, fromAddress: m.from_address, toAddress: m.to_address, subject: m.subject, bodyText: m.body_text,
    bodyHtml: m.body_html, language: m.language, sentAt: m.sent_at.toISOString(), deliveryStatus: m.delivery_status, deliveryError: m.delivery_error, authorName: m.author,
    classification: m.classification, attachments: m.attachments.map((a) => ({ ...a, url: attachmentUrl(a.sha256) })),
  }));
}

export async function getTicketDetail(db: Queryable, workspaceId: string, ticketId: string): Promise<TicketDetail | null> {
  const t = await db.query<SummaryRow & { order_id: string | null; customer_id: string | null }>(
    SUMMARY_SELECT.replace('SELECT t.id,', 'SELECT t.order_id, t.customer_id, t.id,') + ' WHERE t.workspace_id = $1 AND t.id = $2',
    [workspaceId, ticketId],
  );
  const row = t.rows[0];
  if (!row) return null;
  const messages = await selectMessages(db, workspaceId, `m.ticket_id = $2 AND m.delivery_status <> 'draft'`, ticketId);
  const notes = await listNotes(db, workspaceId, ticketId);
  return {
    ticket: presentSummary(row),
    messages,
    notes,
    order: row.order_id ? await getOrderDetail(db, workspaceId, row.order_id) : null,
    customer: row.customer_id ? await getCustomerSummary(db, workspaceId, row.customer_id) : null,
  };
}

export async function listNotes(db: Queryable, workspaceId: string, ticketId: string): Promise<Note[]> {
  const r = await db.query<{ id: string; author_label: string; body: string; created_at: Date }>(
    'SELECT id, author_label, body, created_at FROM notes WHERE workspace_id = $1 AND ticket_id = $2 ORDER BY created_at, id',
    [workspaceId, ticketId],
  );
  return r.rows.map((n) => ({ id: n.id, authorLabel: n.author_label, body: n.body, createdAt: n.created_at.toISOString() }));
}

export async function ticketExists(db: Queryable, workspaceId: string, ticketId: string): Promise<boolean> {
  const r = await db.query('SELECT 1 FROM tickets WHERE workspace_id = $1 AND id = $2', [workspaceId, ticketId]);
  return r.rows.length > 0;
}

export async function getTicketTimeline(db: Queryable, workspaceId: string, ticketId: string): Promise<TimelineEvent[] | null> {
  if (!(await ticketExists(db, workspaceId, ticketId))) return null;
  const rows = await listEvents(db, workspaceId, 'ticket', ticketId);
  const userIds = [...new Set(rows.map((e) => /^user:(.+)$/.exec(e.actor)?.[1]).filter((x): x is string => !!x))];
  const users = await db.query<{ id: string; name: string }>('SELECT id, name FROM users WHERE id = ANY($1::text[])', [userIds]);
  const names = new Map(users.rows.map((u) => [u.id, u.name]));
  return rows.map((e) => ({ id: e.id, type: e.type, actor: e.actor, actorLabel: actorLabel(e.actor, names), data: e.data, occurredAt: e.occurred_at.toISOString() }));
}

const CHANNEL_LABELS: Readonly<Record<string, string>> = { amazon: 'Amazon', shopify: 'Shopify', tiktok: 'TikTok Shop', email: 'E-mail', instagram: 'Instagram', fake: 'Test channel' };

function actorLabel(actor: string, users: Map<string, string>): string {
  const [kind, rest = ''] = actor.split(/:(.*)/s);
  if (kind === 'user') return users.get(rest) ?? 'Former user';
  if (kind === 'rule') return `Rule: ${rest}`;
  if (kind === 'channel') return CHANNEL_LABELS[rest] ?? rest;
  return 'System';
}
