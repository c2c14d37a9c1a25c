import { newId } from '../kernel/index.ts';
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
 * warning instants (the last assessment computed them on the right calendar). The agenda is the narrow
 * `ticket_sla_checks` table (one row per ticket with a running clock, written with the ticket's SLA snapshot, see
 * migrations/0006): for each ticket whose next check has passed it counts the warnings now past and marks a breach
 * when the deadline has passed, moves the agenda row to the next warning (or the deadline) or deletes it once
 * breached, records what it announced on the ticket row (state, warnings sent, breach time and the snapshot's copy
 * of the next check — no indexed column, so a HOT update: a row version on the same page, no index entries), and
 * appends one timeline event per crossing. Tickets are claimed with SKIP LOCKED (every writer of the agenda holds
 * the ticket row, so that lock covers the agenda row too): several workers can sweep at once, a ticket being
 * assessed is left for the next sweep, and a crossing is announced exactly once. A late sweep that finds the
 * deadline already past announces the breach only (the warnings before it are moot). Tickets marked "no response
 * needed" are never announced.
 */
export async function sweepSla(q: Queryable, now: Date, opts: SweepOptions = {}): Promise<SlaCrossing[]> {
  // A ticket marked "no response needed" has no running clock (its next assessment stops them); the guard covers
  // the moments between a desk change and that assessment, and rows stored before the resolution clock stopped too.
  // The ticket's own copy of the next check is tested too: when a concurrent assessment moved it, the locked row's
  // new version is what counts (the agenda row read before the lock may be stale).
  const where = ['c.next_check_at <= $1', 't.sla_next_check_at <= $1', 'NOT t.no_response_needed'];
  // Event ids as `newId` makes them (prefix, 10 characters of time, 16 random), the time being the sweep's: the
  // rows of one sweep land together at the end of the events id index rather than at random places in it.
  const params: unknown[] = [now, newId('evt', now).slice(0, 'evt_'.length + 10)];
  if (opts.workspaceId) where.push(`c.workspace_id = $${params.push(opts.workspaceId)}`);
  if (opts.ticketIds) where.push(`c.ticket_id = ANY($${params.push(opts.ticketIds)}::text[])`);
  const limit = `$${params.push(opts.limit ?? 10_000)}`;
  const r = await q.query<{ workspace_id: string; subject_id: string; type: string; data: { metric: string; dueAt: string; warning?: number }; occurred_at: Date }>(
    `WITH due AS (
       SELECT t.id, t.workspace_id, t.sla_metric, t.sla_due_at, t.sla_warn_times, t.sla_state AS before_state, t.sla_warnings_sent AS before_sent,
              (SELECT count(*) FROM unnest(t.sla_warn_times) w WHERE w <= $1)::int AS reached,
              (t.sla_due_at <= $1) AS breached
         FROM ticket_sla_checks c
         JOIN tickets t ON t.id = c.ticket_id
        WHERE ${where.join(' AND ')}
        ORDER BY c.next_check_at
        LIMIT ${limit}
        FOR UPDATE OF t SKIP LOCKED
     ), step AS (
       -- In ticket order: the events go into the timeline index (workspace, subject, seq) in key order.
       SELECT d.*, greatest(d.before_sent, d.reached) AS sent,
              CASE WHEN d.breached THEN NULL ELSE least(d.sla_due_at, d.sla_warn_times[greatest(d.before_sent, d.reached) + 1]) END AS next_check_at
         FROM due d
        ORDER BY d.id
     ), ticket AS (
       UPDATE tickets t SET
         sla_warnings_sent = s.sent,
         sla_state = CASE WHEN s.breached THEN 'breached' WHEN s.sent > 0 THEN 'warning' ELSE t.sla_state END,
         sla_breached_at = CASE WHEN s.breached THEN t.sla_due_at ELSE t.sla_breached_at END,
         sla_next_check_at = s.next_check_at
         FROM step s
        -- The ANY(…) gives the planner an indexed lookup per ticket (joined on id alone it hashes the whole table).
        WHERE t.id = s.id AND t.id = ANY(ARRAY(SELECT id FROM step))
     ), moved AS (
       UPDATE ticket_sla_checks c SET next_check_at = s.next_check_at
         FROM step s
        WHERE c.ticket_id = s.id AND s.next_check_at IS NOT NULL AND c.ticket_id = ANY(ARRAY(SELECT id FROM step WHERE next_check_at IS NOT NULL))
     ), done AS (
       DELETE FROM ticket_sla_checks c
        USING step s
        WHERE c.ticket_id = s.id AND s.next_check_at IS NULL AND c.ticket_id = ANY(ARRAY(SELECT id FROM step WHERE next_check_at IS NULL))
     )
     INSERT INTO events (id, workspace_id, subject_type, subject_id, type, actor, data, occurred_at)
     SELECT $2 || substr(replace(gen_random_uuid()::text, '-', ''), 17), s.workspace_id, 'ticket', s.id, x.type, 'system', x.data, x.at
       FROM step s
       CROSS JOIN LATERAL (
         SELECT 'sla.warning' AS type, jsonb_build_object('metric', s.sla_metric, 'dueAt', s.sla_due_at, 'warning', w.i) AS data, w.at
           FROM unnest(s.sla_warn_times) WITH ORDINALITY AS w(at, i)
          WHERE NOT s.breached AND w.i > s.before_sent AND w.i <= s.reached
         UNION ALL
         SELECT 'sla.breached', jsonb_build_object('metric', s.sla_metric, 'dueAt', s.sla_due_at), s.sla_due_at
          WHERE s.breached AND s.before_state <> 'breached'
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
