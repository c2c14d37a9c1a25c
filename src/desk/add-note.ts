import type { Principal } from '../access/index.ts';
import { appendEvents } from '../audit/index.ts';
import type { Note } from '../contracts/index.ts';
import type { Clock, Result } from '../kernel/index.ts';
import { fail, newId, ok, roleAtLeast } from '../kernel/index.ts';
import type { Db } from '../platform/db/port.ts';
import { ticketExists } from './ticket-detail.ts';

/** An internal note: never sent to the customer, always on the ticket's audit trail. */
export async function addNote(deps: { db: Db; clock: Clock }, principal: Principal, ticketId: string, body: string): Promise<Result<Note>> {
  if (!roleAtLeast(principal.role, 'agent')) return fail('forbidden', 'viewers cannot add notes');
  return deps.db.transaction(async (tx) => {
    if (!(await ticketExists(tx, principal.workspaceId, ticketId))) return fail('not_found', `no ticket ${ticketId}`);
    const user = await tx.query<{ name: string }>('SELECT name FROM users WHERE id = $1', [principal.userId]);
    const now = deps.clock.now();
    const note: Note = { id: newId('note', now), authorLabel: user.rows[0]?.name ?? 'unknown', body, createdAt: now.toISOString() };
    await tx.query('INSERT INTO notes (id, workspace_id, ticket_id, author_user_id, author_label, body, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
      note.id, principal.workspaceId, ticketId, principal.userId, note.authorLabel, body, now,
    ]);
    await tx.query('UPDATE tickets SET updated_at = $3 WHERE workspace_id = $1 AND id = $2', [principal.workspaceId, ticketId, now]);
    await appendEvents(tx, [{ workspaceId: principal.workspaceId, subjectType: 'ticket', subjectId: ticketId, type: 'note.added', actor: `user:${principal.userId}`, data: { noteId: note.id }, occurredAt: now }]);
    return ok(note);
  });
}
