import { z } from 'zod';
import { TICKET_CHANGED_QUEUE } from '../desk/index.ts';
import type { Clock } from '../kernel/index.ts';
import type { Db, Queryable } from '../platform/db/port.ts';
import { defineJob, enqueue } from '../platform/jobs.ts';
import type { Logger } from '../platform/log.ts';
import { crossingEvents, idleMarker, reassessTickets, WEBHOOK_QUEUE } from './reassess.ts';
import { loadTriageSettings } from './settings.ts';
import { sweepSla, type SlaCrossing } from './sla-sweep.ts';

export interface TriageJobDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly log: Logger;
  readonly fetch?: typeof fetch;
}

export const SLA_SWEEP_QUEUE = 'triage.sla_sweep';
const SWEEP_EVERY_MS = 60_000;
const SWEEP_BATCH = 5_000;
/** Idle tickets evaluated per sweep and workspace (the next sweep takes the rest). */
const IDLE_BATCH = 500;

/** A desk change (reply, status, assignment) → re-score, `ticket_updated` rules, clocks. */
export function reassessJob(deps: TriageJobDeps) {
  return defineJob({
    queue: TICKET_CHANGED_QUEUE,
    payload: z.object({ ticketId: z.string(), eventKey: z.string() }),
    async handle(p, ctx) {
      if (!ctx.workspaceId) return;
      const ws = ctx.workspaceId;
      await deps.db.transaction((tx) => reassessTickets(tx, ws, [{ ticketId: p.ticketId, trigger: 'ticket_updated', eventKey: p.eventKey }], deps.clock.now()));
    },
  });
}

/**
 * Every minute: announce due SLA warnings and breaches (one statement per batch, on the stored deadlines), run the
 * rules that listen for them, and evaluate `ticket_idle` rules for tickets idle long enough.
 */
export function slaSweepJob(deps: TriageJobDeps) {
  return defineJob({
    queue: SLA_SWEEP_QUEUE,
    payload: z.object({}).passthrough(),
    async handle() {
      const now = deps.clock.now();
      try {
        await runSlaSweep(deps.db, now);
      } finally {
        await scheduleSlaSweep(deps.db, new Date(deps.clock.now().getTime() + SWEEP_EVERY_MS));
      }
    },
  });
}

export async function scheduleSlaSweep(db: Queryable, at: Date): Promise<void> {
  await enqueue(db, SLA_SWEEP_QUEUE, {}, { runAt: at, dedupeKey: String(Math.floor(at.getTime() / SWEEP_EVERY_MS)), maxAttempts: 2 });
}

export interface SweepReport {
  readonly warnings: number;
  readonly breaches: number;
  readonly idleEvaluated: number;
}

/** One full sweep: crossings in batches until none are due, then idle rules. */
export async function runSlaSweep(db: Db, now: Date): Promise<SweepReport> {
  let warnings = 0;
  let breaches = 0;
  for (;;) {
    const n = await db.transaction(async (tx) => {
      // A guard: the sweep statement is estimated cheap, but JIT-compiling it (when the planner's guess for a very
      // large agenda crosses jit_above_cost) would cost more than running it.
      await tx.query('SET LOCAL jit = off');
      const crossings = await sweepSla(tx, now, { limit: SWEEP_BATCH });
      const byWs = new Map<string, SlaCrossing[]>();
      for (const c of crossings) {
        if (c.kind === 'warning') warnings++;
        else breaches++;
        const list = byWs.get(c.workspaceId);
        if (list) list.push(c);
        else byWs.set(c.workspaceId, [c]);
      }
      for (const [ws, list] of byWs) {
        const settings = await loadTriageSettings(tx, ws);
        if (settings.rules.some((r) => r.enabled && (r.trigger === 'sla_warning' || r.trigger === 'sla_breach'))) {
          await reassessTickets(tx, ws, crossingEvents(list), now, settings, 1);
        }
      }
      return crossings.length;
    });
    if (n < SWEEP_BATCH) break;
  }
  const idleEvaluated = await runIdleRules(db, now);
  return { warnings, breaches, idleEvaluated };
}

/**
 * `ticket_idle` rules: for each workspace with such rules, open tickets idle long enough for an idle rule that has
 * not looked at the current idle stretch yet (its marker in rule_firings, see `idleMarker`). Idle means no customer
 * or agent activity: no message either way and no agent action on the timeline; what rules and the system change
 * (which moves `updated_at`) does not count, so an idle rule's own change does not start a new stretch. The event
 * key is the stretch's start: each idle rule fires at most once per stretch, a longer threshold after a shorter
 * one, and again only after new activity.
 */
export async function runIdleRules(db: Db, now: Date): Promise<number> {
  const ws = await db.query<{ workspace_id: string }>(
    `SELECT workspace_id FROM triage_settings WHERE rules IS NOT NULL AND EXISTS (SELECT 1 FROM jsonb_array_elements(rules) r WHERE r->>'trigger' = 'ticket_idle' AND (r->>'enabled')::boolean)`);
  let total = 0;
  for (const { workspace_id: workspaceId } of ws.rows) {
    const settings = await loadTriageSettings(db, workspaceId);
    const rules = settings.rules.filter((r) => r.enabled && r.trigger === 'ticket_idle' && r.idleHours !== undefined && r.idleHours > 0);
    if (!rules.length) continue;
    const min = Math.min(...rules.map((r) => r.idleHours!));
    await db.transaction(async (tx) => {
      const idle = await tx.query<{ id: string; since: Date; event_key: string }>(
        `SELECT t.id, a.since, a.event_key FROM tickets t
          CROSS JOIN LATERAL (
            SELECT x.since, 'idle:' || floor(extract(epoch FROM x.since) * 1000)::bigint AS event_key
              FROM (SELECT greatest(t.created_at, t.last_customer_message_at, t.last_agent_message_at,
                                    (SELECT max(e.occurred_at) FROM events e
                                      WHERE e.workspace_id = t.workspace_id AND e.subject_type = 'ticket' AND e.subject_id = t.id AND e.actor LIKE 'user:%')) AS since) x
          ) a
          WHERE t.workspace_id = $1 AND t.status IN ('open', 'pending', 'on_hold') AND a.since <= $2
            AND EXISTS (SELECT 1 FROM unnest($3::text[], $4::float8[]) AS r(marker, hours)
                         WHERE a.since <= $5::timestamptz - r.hours * interval '1 hour'
                           AND NOT EXISTS (SELECT 1 FROM rule_firings f WHERE f.ticket_id = t.id AND f.event_key = a.event_key AND f.rule_id = r.marker))
          ORDER BY a.since, t.id LIMIT $6`,
        [workspaceId, new Date(now.getTime() - min * 3_600_000), rules.map(idleMarker), rules.map((r) => r.idleHours!), now, IDLE_BATCH]);
      if (!idle.rows.length) return;
      await reassessTickets(tx, workspaceId, idle.rows.map((t) => ({
        ticketId: t.id, trigger: 'ticket_idle' as const, eventKey: t.event_key, idleHours: (now.getTime() - t.since.getTime()) / 3_600_000,
      })), now, settings, 1);
      total += idle.rows.length;
    });
  }
  return total;
}

/** Outgoing webhooks from rules: POST the rendered JSON; 5xx and network errors retry, 4xx is final. */
export function ruleWebhookJob(deps: TriageJobDeps) {
  return defineJob({
    queue: WEBHOOK_QUEUE,
    payload: z.object({ url: z.string().url(), body: z.string(), ticketId: z.string(), ruleId: z.string() }),
    async handle(p, ctx) {
      const res = await (deps.fetch ?? fetch)(p.url, {
        method: 'POST', headers: { 'content-type': 'application/json', 'user-agent': 'claimdesk-rules/1', 'x-claimdesk-rule': p.ruleId }, body: p.body,
        signal: AbortSignal.timeout(10_000),
      });
      if (res.status >= 500 || res.status === 429) throw new Error(`webhook ${p.url} answered ${res.status}`);
      if (!res.ok) deps.log.warn('rule webhook refused', { url: p.url, status: res.status, rule: p.ruleId, ticket: p.ticketId, workspace: ctx.workspaceId });
    },
  });
}
