import { appendEvents, type AuditEvent } from '../audit/index.ts';
import { newId } from '../kernel/index.ts';
import type { Queryable } from '../platform/db/port.ts';

/** What automation (a rule) decided for one ticket, ready to apply. Only the fields present change. */
export interface AutomationChange {
  readonly ticketId: string;
  readonly priority?: string;
  readonly tagsAdded?: readonly string[];
  readonly tagsRemoved?: readonly string[];
  readonly teamId?: string;
  readonly assigneeId?: string;
  readonly noResponseNeeded?: boolean;
  /** Internal notes, each signed with the rule's name. */
  readonly notes?: readonly { readonly text: string; readonly author: string }[];
  /** A reply draft for the agent (replaces an earlier automation draft). */
  readonly draft?: { readonly body: string; readonly author: string };
  /** Timeline entries, one per change, with the actor (`rule:<name>`). */
  readonly events?: readonly { readonly type: string; readonly actor: string; readonly data: Record<string, unknown> }[];
}

/**
 * Applies automation changes to tickets in one pass (the caller's transaction): fields, tags, notes, draft and
 * timeline. Assignees must be members and teams must exist in the workspace; a change naming one that doesn't is
 * dropped and the timeline says so, instead of failing the whole batch.
 */
export async function applyAutomation(q: Queryable, workspaceId: string, changes: readonly AutomationChange[], now: Date): Promise<void> {
  if (changes.length === 0) return;
  const teams = new Set((await q.query<{ id: string }>('SELECT id FROM teams WHERE workspace_id = $1', [workspaceId])).rows.map((r) => r.id));
  const members = new Set((await q.query<{ user_id: string }>('SELECT user_id FROM memberships WHERE workspace_id = $1', [workspaceId])).rows.map((r) => r.user_id));
  const events: AuditEvent[] = [];
  const rows = changes.map((c) => {
    const team = c.teamId !== undefined && teams.has(c.teamId) ? c.teamId : null;
    const assignee = c.assigneeId !== undefined && members.has(c.assigneeId) ? c.assigneeId : null;
    if (c.teamId !== undefined && !team) events.push({ workspaceId, subjectType: 'ticket', subjectId: c.ticketId, type: 'rule.skipped', actor: 'system', data: { reason: `team ${c.teamId} does not exist` }, occurredAt: now });
    if (c.assigneeId !== undefined && !assignee) events.push({ workspaceId, subjectType: 'ticket', subjectId: c.ticketId, type: 'rule.skipped', actor: 'system', data: { reason: `user ${c.assigneeId} is not a member` }, occurredAt: now });
    return {
      id: c.ticketId, priority: c.priority ?? null, add: c.tagsAdded ?? [], remove: c.tagsRemoved ?? [], team, assignee,
      nrn: c.noResponseNeeded ?? null,
    };
  });
  await q.query(
    `UPDATE tickets t SET
       priority = coalesce(u.priority, t.priority),
       tags = ARRAY(SELECT DISTINCT x FROM unnest(t.tags || u.add) x WHERE NOT x = ANY(u.remove) ORDER BY 1),
       team_id = coalesce(u.team, t.team_id),
       assignee_id = coalesce(u.assignee, t.assignee_id),
       no_response_needed = coalesce(u.nrn, t.no_response_needed),
       next_response_due_at = CASE WHEN u.nrn IS TRUE THEN NULL ELSE t.next_response_due_at END,
       updated_at = $2
     FROM json_to_recordset($3::json) AS u(id text, priority text, add text[], remove text[], team text, assignee text, nrn boolean)
     WHERE t.workspace_id = $1 AND t.id = u.id`,
    [workspaceId, now, JSON.stringify(rows)],
  );
  const notes = changes.flatMap((c) => (c.notes ?? []).map((n) => ({ id: newId('note', now), ticket: c.ticketId, label: n.author, body: n.text })));
  if (notes.length) {
    await q.query(
      `INSERT INTO notes (id, workspace_id, ticket_id, author_user_id, author_label, body, created_at)
       SELECT n.id, $1, n.ticket, NULL, n.label, n.body, $2 FROM json_to_recordset($3::json) AS n(id text, ticket text, label text, body text)`,
      [workspaceId, now, JSON.stringify(notes)],
    );
  }
  for (const c of changes) {
    if (!c.draft) continue;
    // One automation draft per ticket: agents' own drafts (author set) are left alone.
    await q.query(`DELETE FROM messages WHERE workspace_id = $1 AND ticket_id = $2 AND author_user_id IS NULL AND delivery_status = 'draft'`, [workspaceId, c.ticketId]);
    await q.query(
      `INSERT INTO messages (id, workspace_id, ticket_id, direction, channel, from_address, to_address, subject, body_text, author_user_id, sent_at, created_at, updated_at, delivery_status)
       SELECT $1, $2, t.id, 'outbound', t.channel, '', coalesce(t.reply_address, ''), t.subject, $4, NULL, $5, $5, $5, 'draft' FROM tickets t WHERE t.workspace_id = $2 AND t.id = $3`,
      [newId('msg', now), workspaceId, c.ticketId, c.draft.body, now],
    );
  }
  for (const c of changes) for (const e of c.events ?? []) events.push({ workspaceId, subjectType: 'ticket', subjectId: c.ticketId, type: e.type, actor: e.actor, data: e.data, occurredAt: now });
  await appendEvents(q, events);
}
