import { newId } from '../kernel/index.ts';
import type { Queryable } from '../platform/db/port.ts';
import { insertRows } from '../platform/db/insert-rows.ts';

/** One entry of the append-only audit trail (the table refuses UPDATE and DELETE). */
export interface AuditEvent {
  readonly workspaceId: string;
  readonly subjectType: 'ticket' | 'order' | 'workspace' | 'case';
  readonly subjectId: string;
  readonly type: string;
  /** `user:<id>`, `rule:<name>`, `system`, `channel:<kind>` */
  readonly actor: string;
  readonly data?: Record<string, unknown>;
  readonly occurredAt: Date;
}

export async function appendEvents(q: Queryable, events: readonly AuditEvent[]): Promise<void> {
  await insertRows(
    q,
    'events',
    { id: 'text', workspace_id: 'text', subject_type: 'text', subject_id: 'text', type: 'text', actor: 'text', data: 'jsonb', occurred_at: 'timestamptz' },
    events.map((e) => ({
      id: newId('evt', e.occurredAt),
      workspace_id: e.workspaceId,
      subject_type: e.subjectType,
      subject_id: e.subjectId,
      type: e.type,
      actor: e.actor,
      data: e.data ?? {},
      occurred_at: e.occurredAt.toISOString(),
    })),
  );
}

export interface AuditEntry {
  id: string;
  type: string;
  actor: string;
  data: Record<string, unknown>;
  occurred_at: Date;
}

export async function listEvents(q: Queryable, workspaceId: string, subjectType: AuditEvent['subjectType'], subjectId: string): Promise<AuditEntry[]> {
  const r = await q.query<AuditEntry>(
    'SELECT id, type, actor, data, occurred_at FROM events WHERE workspace_id = $1 AND subject_type = $2 AND subject_id = $3 ORDER BY occurred_at, seq',
    [workspaceId, subjectType, subjectId],
  );
  return r.rows;
}
