import type { Queryable } from '../platform/db/port.ts';

/** A warning or breach the sweep announced (and wrote to the ticket's timeline). */
export interface SlaCrossing {
  readonly workspaceId: string;
  readonly ticketId: string;
  readonly kind: 'warning' | 'breach';
  readonly metric: string;
  readonly dueAt: Date;
  readonly at: Date;
  /** For warnings: which one (1 = the first). */
  readonly warning: number | null;
}

export interface SweepOptions {
  readonly workspaceId?: string;
  readonly ticketIds?: readonly string[];
  /** Most tickets one statement handles (the job loops until none are left). */
  readonly limit?: number;
}

/**
 * Announces SLA warnings and breaches that are due, in ONE statement: no clock math, only the stored deadline and
 * warning instants (the last assessment computed them on the right calendar). For each ticket whose
 * `sla_next_check_at` has passed it counts the warnings now past, marks a breach when the deadline has passed,
 * moves `sla_next_check_at` to the next warning (or the deadline, or nothing once breached), and appends one
 * timeline event per crossing. Rows are claimed with SKIP LOCKED, so several workers can sweep at once and a
 * crossing is announced exactly once. A late sweep that finds the deadline already past announces the breach
 * only (the warnings before it are moot). Tickets marked "no response needed" are never announced.
 */
export async function sweepSla(q: Queryable, now: Date, opts: SweepOptions = {}): Promise<SlaCrossing[]> {
  // A ticket marked "no response needed" has no running clock (its next assessment stops them); the guard covers
  // the moments between a desk change and that assessment, and rows stored before the resolution clock stopped too.
  const where = ['t.sla_next_check_at <= $1', 'NOT t.no_response_needed'];
  const params: unknown[] = [now];
  if (opts.workspaceId) where.push(`t.workspace_id = $${params.push(opts.workspaceId)}`);
  if (opts.ticketIds) where.push(`t.id = ANY($${params.push(opts.ticketIds)}::text[])`);
  const limit = `$${params.push(opts.limit ?? 10_000)}`;
  const r = await q.query<{ workspace_id: string; subject_id: string; type: string; data: { metric: string; dueAt: string; warning?: number }; occurred_at: Date }>(
    `WITH due AS (
       SELECT t.id, t.sla_state AS before_state, t.sla_warnings_sent AS before_sent,
              (SELECT count(*) FROM unnest(t.sla_warn_times) w WHERE w <= $1)::int AS reached,
              (t.sla_due_at <= $1) AS breached
         FROM tickets t
        WHERE ${where.join(' AND ')}
        ORDER BY t.sla_next_check_at
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED
     ), upd AS (
       UPDATE tickets t SET
         sla_warnings_sent = greatest(d.before_sent, d.reached),
         sla_state = CASE WHEN d.breached THEN 'breached' WHEN greatest(d.before_sent, d.reached) > 0 THEN 'warning' ELSE t.sla_state END,
         sla_breached_at = CASE WHEN d.breached THEN t.sla_due_at ELSE t.sla_breached_at END,
         sla_next_check_at = CASE WHEN d.breached THEN NULL
                                  ELSE least(t.sla_due_at, t.sla_warn_times[greatest(d.before_sent, d.reached) + 1]) END
         FROM due d
        WHERE t.id = d.id
        RETURNING t.id, t.workspace_id, t.sla_metric, t.sla_due_at, t.sla_warn_times, d.before_state, d.before_sent, d.reached, d.breached
     )
     INSERT INTO events (id, workspace_id, subject_type, subject_id, type, actor, data, occurred_at)
     SELECT 'evt_' || replace(gen_random_uuid()::text, '-', ''), u.workspace_id, 'ticket', u.id, x.type, 'system', x.data, x.at
       FROM upd u
       CROSS JOIN LATERAL (
         SELECT 'sla.warning' AS type,
                jsonb_build_object('metric', u.sla_metric, 'dueAt', u.sla_due_at, 'warning', i) AS data,
                u.sla_warn_times[i] AS at
           FROM generate_series(u.before_sent + 1, u.reached) AS i
          WHERE NOT u.breached
         UNION ALL
         SELECT 'sla.breached', jsonb_build_object('metric', u.sla_metric, 'dueAt', u.sla_due_at), u.sla_due_at
          WHERE u.breached AND u.before_state <> 'breached'
       ) x
     RETURNING workspace_id, subject_id, type, data, occurred_at`,
    params,
  );
  return r.rows.map((e) => ({
    workspaceId: e.workspace_id,
    ticketId: e.subject_id,
    kind: e.type === 'sla.breached' ? 'breach' : 'warning',
    metric: e.data.metric,
    dueAt: new Date(e.data.dueAt),
    at: e.occurred_at,
    warning: e.data.warning ?? null,
  }));
}
