import type { Principal } from '../access/index.ts';
import { appendEvents, type AuditEvent } from '../audit/index.ts';
import { mergeCustomerRecords, splitCustomerRecords } from '../commerce/index.ts';
import type { TicketSummary, UpdateTicketRequest } from '../contracts/index.ts';
import type { Clock, Result } from '../kernel/index.ts';
import { fail, newId, ok, roleAtLeast } from '../kernel/index.ts';
import type { Db, Queryable } from '../platform/db/port.ts';
import { presentSummary, SUMMARY_SELECT, type SummaryRow } from './list-tickets.ts';
import { ticketChanged } from './ticket-changed.ts';

interface Deps { readonly db: Db; readonly clock: Clock }

export const PRESENCE_WINDOW_MS = 60_000;

/** Status, assignment and "no response needed", each change on the timeline. */
export async function updateTicket(deps: Deps, principal: Principal, ticketId: string, req: UpdateTicketRequest): Promise<Result<TicketSummary>> {
  if (!roleAtLeast(principal.role, 'agent')) return fail('forbidden', 'viewers cannot change tickets');
  return deps.db.transaction(async (tx) => {
    const cur = await tx.query<{ status: string; assignee_id: string | null; team_id: string | null; no_response_needed: boolean }>(
      'SELECT status, assignee_id, team_id, no_response_needed FROM tickets WHERE workspace_id = $1 AND id = $2 FOR UPDATE', [principal.workspaceId, ticketId]);
    const t = cur.rows[0];
    if (!t) return fail('not_found', `no ticket ${ticketId}`);
    if (req.assigneeId) {
      const m = await tx.query('SELECT 1 FROM memberships WHERE workspace_id = $1 AND user_id = $2', [principal.workspaceId, req.assigneeId]);
      if (!m.rows.length) return fail('bad_input', 'the assignee is not a member of this workspace', { field: 'assigneeId' });
    }
    if (req.teamId) {
      const m = await tx.query('SELECT 1 FROM teams WHERE workspace_id = $1 AND id = $2', [principal.workspaceId, req.teamId]);
      if (!m.rows.length) return fail('bad_input', 'no such team in this workspace', { field: 'teamId' });
    }
    const now = deps.clock.now();
    const events: AuditEvent[] = [];
    const ev = (type: string, data: Record<string, unknown>) => events.push({ workspaceId: principal.workspaceId, subjectType: 'ticket', subjectId: ticketId, type, actor: `user:${principal.userId}`, data, occurredAt: now });
    if (req.status !== undefined && req.status !== t.status) ev('ticket.status_changed', { from: t.status, to: req.status });
    if (req.assigneeId !== undefined && req.assigneeId !== t.assignee_id) ev('ticket.assigned', { from: t.assignee_id, to: req.assigneeId });
    if (req.teamId !== undefined && req.teamId !== t.team_id) ev('ticket.team_changed', { from: t.team_id, to: req.teamId });
    if (req.noResponseNeeded !== undefined && req.noResponseNeeded !== t.no_response_needed) ev(req.noResponseNeeded ? 'ticket.no_response_needed' : 'ticket.response_needed', {});
    await tx.query(
      `UPDATE tickets SET status = coalesce($3, status),
         assignee_id = CASE WHEN $4::boolean THEN $5 ELSE assignee_id END, team_id = CASE WHEN $6::boolean THEN $7 ELSE team_id END,
         no_response_needed = coalesce($8, no_response_needed),
         next_response_due_at = CASE WHEN $8 IS TRUE THEN NULL ELSE next_response_due_at END,
         closed_at = CASE WHEN coalesce($3, status) IN ('solved', 'closed') THEN coalesce(closed_at, $9) ELSE NULL END, updated_at = $9
       WHERE workspace_id = $1 AND id = $2`,
      [principal.workspaceId, ticketId, req.status ?? null, req.assigneeId !== undefined, req.assigneeId ?? null, req.teamId !== undefined, req.teamId ?? null, req.noResponseNeeded ?? null, now],
    );
    await appendEvents(tx, events);
    if (events.length) await ticketChanged(tx, principal.workspaceId, ticketId, `update:${newId('chg', now)}`);
    const r = await tx.query<SummaryRow>(`${SUMMARY_SELECT} WHERE t.workspace_id = $1 AND t.id = $2`, [principal.workspaceId, ticketId]);
    return ok(presentSummary(r.rows[0]!));
  });
}

/** Marks that this agent has the ticket open (and whether they are typing); returns who else has. */
export async function touchPresence(deps: Deps, principal: Principal, ticketId: string, composing: boolean) {
  return deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const t = await tx.query<{ last: Date | null }>(
      `SELECT (SELECT max(m.sent_at) FROM messages m WHERE m.ticket_id = t.id AND m.delivery_status <> 'draft') AS last FROM tickets t WHERE t.workspace_id = $1 AND t.id = $2`,
      [principal.workspaceId, ticketId]);
    if (!t.rows.length) return fail('not_found', `no ticket ${ticketId}`);
    await tx.query(
      `INSERT INTO ticket_viewers (workspace_id, ticket_id, user_id, composing, seen_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (ticket_id, user_id) DO UPDATE SET composing = excluded.composing, seen_at = excluded.seen_at`,
      [principal.workspaceId, ticketId, principal.userId, composing, now]);
    const others = await tx.query<{ user_id: string; name: string; composing: boolean; seen_at: Date }>(
      `SELECT v.user_id, u.name, v.composing, v.seen_at FROM ticket_viewers v JOIN users u ON u.id = v.user_id
        WHERE v.workspace_id = $1 AND v.ticket_id = $2 AND v.user_id <> $3 AND v.seen_at > $4 ORDER BY v.seen_at DESC`,
      [principal.workspaceId, ticketId, principal.userId, new Date(now.getTime() - PRESENCE_WINDOW_MS)]);
    return ok({
      viewers: others.rows.map((v) => ({ userId: v.user_id, name: v.name, composing: v.composing, seenAt: v.seen_at.toISOString() })),
      lastMessageAt: t.rows[0]!.last?.toISOString() ?? null,
    });
  });
}

export async function leavePresence(db: Queryable, principal: Principal, ticketId: string): Promise<void> {
  await db.query('DELETE FROM ticket_viewers WHERE workspace_id = $1 AND ticket_id = $2 AND user_id = $3', [principal.workspaceId, ticketId, principal.userId]);
}

/** One person behind two customer records: merge them, and their tickets follow. */
export async function mergeCustomers(deps: Deps, principal: Principal, survivorId: string, mergedId: string): Promise<Result<{ customerId: string; movedTickets: number }>> {
  if (!roleAtLeast(principal.role, 'agent')) return fail('forbidden', 'viewers cannot merge customers');
  return deps.db.transaction(async (tx) => {
    const r = await mergeCustomerRecords(tx, principal.workspaceId, survivorId, mergedId);
    if (!r.ok) return r;
    const now = deps.clock.now();
    const moved = await tx.query<{ id: string }>('UPDATE tickets SET customer_id = $3, updated_at = $4 WHERE workspace_id = $1 AND customer_id = $2 RETURNING id', [principal.workspaceId, mergedId, survivorId, now]);
    await appendEvents(tx, moved.rows.map((t) => ({ workspaceId: principal.workspaceId, subjectType: 'ticket' as const, subjectId: t.id, type: 'customer.merged', actor: `user:${principal.userId}`, data: { from: mergedId, into: survivorId }, occurredAt: now })));
    return ok({ customerId: survivorId, movedTickets: moved.rows.length });
  });
}

/** Two people behind one customer record: split identities (and their tickets) off into a new customer. */
export async function splitCustomer(
  deps: Deps, principal: Principal, customerId: string, identities: readonly { channel: string; externalId: string }[], ticketIds?: readonly string[],
): Promise<Result<{ customerId: string; movedTickets: number }>> {
  if (!roleAtLeast(principal.role, 'agent')) return fail('forbidden', 'viewers cannot split customers');
  return deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const r = await splitCustomerRecords(tx, principal.workspaceId, customerId, identities, now);
    if (!r.ok) return r;
    const moved = ticketIds
      ? await tx.query<{ id: string }>('UPDATE tickets SET customer_id = $3, updated_at = $5 WHERE workspace_id = $1 AND customer_id = $2 AND id = ANY($4::text[]) RETURNING id',
          [principal.workspaceId, customerId, r.value.customerId, ticketIds, now])
      : await tx.query<{ id: string }>('UPDATE tickets SET customer_id = $3, updated_at = $5 WHERE workspace_id = $1 AND customer_id = $2 AND lower(reply_address) = ANY($4::text[]) RETURNING id',
          [principal.workspaceId, customerId, r.value.customerId, identities.map((i) => i.externalId.toLowerCase()), now]);
    await appendEvents(tx, moved.rows.map((t) => ({ workspaceId: principal.workspaceId, subjectType: 'ticket' as const, subjectId: t.id, type: 'customer.split', actor: `user:${principal.userId}`, data: { from: customerId, to: r.value.customerId }, occurredAt: now })));
    return ok({ customerId: r.value.customerId, movedTickets: moved.rows.length });
  });
}
