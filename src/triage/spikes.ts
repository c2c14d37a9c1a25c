import { z } from 'zod';
import { appendEvents } from '../audit/index.ts';
import type { AlertListQuery, TriageAlert } from '../contracts/index.ts';
import { fail, newId, ok, type Clock, type Result } from '../kernel/index.ts';
import { insertRows, insertRowsReturning } from '../platform/db/insert-rows.ts';
import type { Db, Queryable } from '../platform/db/port.ts';
import { defineJob, enqueue } from '../platform/jobs.ts';
import type { Logger } from '../platform/log.ts';
import { findSpikes, spikeConfig, type SliceCounts, type Spike, type SpikeConfig } from './domain/spikes.ts';

const DAY_MS = 86_400_000;
const KIND = 'delivery_spike';

/**
 * Delivery complaints per finest slice (channel, marketplace, carrier of the order's latest shipment) as
 * distinct tickets per bucket, in one set-based query: bucket -1 is the window [now − windowHours, now], bucket
 * d ≥ 0 the d-th 24 h before the window (the baseline, (windowStart − baselineDays, windowStart)). A message
 * is a complaint when its classification names one of the intents, or — when it has none (older messages, a
 * channel that said the intent itself) — when its ticket's intents do. Parents are summed in the domain: a
 * ticket belongs to exactly one finest slice.
 */
export async function loadComplaintCounts(q: Queryable, workspaceId: string, now: Date, config: SpikeConfig): Promise<SliceCounts[]> {
  const windowStart = new Date(now.getTime() - config.windowHours * 3_600_000);
  const baselineStart = new Date(windowStart.getTime() - config.baselineDays * DAY_MS);
  const r = await q.query<{ channel: string; marketplace: string | null; carrier: string | null; bucket: number; n: number; ticket_ids: string[] | null; order_ids: string[] | null }>(
    `WITH complaint AS (
       SELECT m.ticket_id, t.order_id, t.channel, t.marketplace, s.carrier,
              CASE WHEN m.sent_at >= $2 THEN -1 ELSE floor(extract(epoch FROM ($2::timestamptz - m.sent_at)) / 86400)::int END AS bucket
         FROM messages m
         JOIN tickets t ON t.workspace_id = m.workspace_id AND t.id = m.ticket_id
         LEFT JOIN LATERAL (
           SELECT sh.carrier FROM shipments sh WHERE sh.workspace_id = t.workspace_id AND sh.order_id = t.order_id
            ORDER BY sh.shipped_at DESC NULLS LAST, sh.created_at DESC, sh.id DESC LIMIT 1) s ON true
        WHERE m.workspace_id = $1 AND m.direction = 'inbound' AND m.sent_at > $3 AND m.sent_at <= $4
          AND CASE WHEN jsonb_typeof(m.classification -> 'intents') = 'array' THEN (m.classification -> 'intents') ?| $5::text[]
                   ELSE t.intents && $5::text[] END)
     SELECT channel, marketplace, carrier, bucket, count(DISTINCT ticket_id)::int AS n,
            CASE WHEN bucket = -1 THEN array_agg(DISTINCT ticket_id) END AS ticket_ids,
            CASE WHEN bucket = -1 THEN array_agg(DISTINCT order_id) FILTER (WHERE order_id IS NOT NULL) END AS order_ids
       FROM complaint GROUP BY channel, marketplace, carrier, bucket`,
    [workspaceId, windowStart, baselineStart, now, config.intents],
  );
  const slices = new Map<string, { channel: string; marketplace: string | null; carrier: string | null; observed: number; baseline: number[]; ticketIds: string[]; orderIds: string[] }>();
  for (const row of r.rows) {
    const k = JSON.stringify([row.channel, row.marketplace, row.carrier]);
    let s = slices.get(k);
    if (!s) slices.set(k, (s = { channel: row.channel, marketplace: row.marketplace, carrier: row.carrier, observed: 0, baseline: new Array<number>(config.baselineDays).fill(0), ticketIds: [], orderIds: [] }));
    if (row.bucket === -1) Object.assign(s, { observed: row.n, ticketIds: row.ticket_ids ?? [], orderIds: row.order_ids ?? [] });
    else if (row.bucket >= 0 && row.bucket < config.baselineDays) s.baseline[row.bucket] = row.n;
  }
  return [...slices.values()];
}

export interface SpikeRun {
  readonly windowStart: Date;
  readonly windowEnd: Date;
  readonly spikes: readonly Spike[];
  /** Alert ids opened by this run (each with a notification and an audit event). */
  readonly opened: readonly string[];
  /** Open alerts this run refreshed. */
  readonly updated: readonly string[];
}

/**
 * Counts, tests and records delivery-complaint spikes of one workspace. One open alert per slice: a spike that
 * goes on refreshes its alert (counts, tickets, orders, window); a new one opens an alert, an in-app
 * notification for everyone and an `alert.opened` event. A slice acknowledged less than one window ago opens
 * nothing new: the complaints it counts are the ones someone already looked at. Once the window has moved past
 * the acknowledgement, a slice that still spikes does so with new complaints, and alerts again.
 */
export async function detectSpikes(db: Db, workspaceId: string, now: Date, overrides: Partial<SpikeConfig> = {}): Promise<SpikeRun> {
  const config = spikeConfig(overrides);
  const windowStart = new Date(now.getTime() - config.windowHours * 3_600_000);
  return db.transaction(async (tx) => {
    const spikes = findSpikes(await loadComplaintCounts(tx, workspaceId, now, config), config);
    if (spikes.length === 0) return { windowStart, windowEnd: now, spikes, opened: [], updated: [] };
    const rows = spikes.map((s) => ({
      slice_key: s.key, slice: s.slice, window_start: windowStart.toISOString(), window_end: now.toISOString(), observed: s.observed, expected: s.expected,
      details: { message: s.message, ratio: s.ratio, pValue: s.pValue, z: s.z, baseline: s.baseline, beyond: s.beyond }, ticket_ids: s.ticketIds, order_ids: s.orderIds,
    }));
    const updated = await tx.query<{ id: string; slice_key: string }>(
      `UPDATE triage_alerts a SET slice = x.slice, window_start = x.window_start, window_end = x.window_end, observed = x.observed, expected = x.expected,
              details = x.details, ticket_ids = x.ticket_ids, order_ids = x.order_ids, updated_at = $3
         FROM json_to_recordset($2::json) AS x(slice_key text, slice jsonb, window_start timestamptz, window_end timestamptz, observed integer, expected double precision,
              details jsonb, ticket_ids text[], order_ids text[])
        WHERE a.workspace_id = $1 AND a.kind = '${KIND}' AND a.status = 'open' AND a.slice_key = x.slice_key
        RETURNING a.id, a.slice_key`,
      [workspaceId, JSON.stringify(rows), now],
    );
    const acknowledged = await tx.query<{ slice_key: string }>(
      `SELECT DISTINCT slice_key FROM triage_alerts WHERE workspace_id = $1 AND kind = '${KIND}' AND status = 'acknowledged' AND acknowledged_at > $2 AND slice_key = ANY($3::text[])`,
      [workspaceId, windowStart, rows.map((x) => x.slice_key)],
    );
    const skip = new Set([...updated.rows, ...acknowledged.rows].map((x) => x.slice_key));
    const inserted = await insertRowsReturning<{ id: string; slice_key: string }>(
      tx, 'triage_alerts', ALERT_COLS,
      rows.filter((x) => !skip.has(x.slice_key)).map((x) => ({ ...x, id: newId('alr', now), workspace_id: workspaceId, kind: KIND, status: 'open', created_at: now.toISOString(), updated_at: now.toISOString() })),
      // A concurrent run that opened the same slice first wins; this one adds nothing.
      `ON CONFLICT (workspace_id, kind, slice_key) WHERE status = 'open' DO NOTHING`, ['id', 'slice_key'],
    );
    const byKey = new Map(spikes.map((s) => [s.key, s]));
    await insertRows(tx, 'notifications', { id: 'text', workspace_id: 'text', channel: 'text', recipient: 'text', message: 'text', source: 'text', created_at: 'timestamptz' },
      inserted.map((a) => ({ id: newId('ntf', now), workspace_id: workspaceId, channel: 'in_app', recipient: 'all', message: byKey.get(a.slice_key)!.message, source: `alert:${a.id}`, created_at: now.toISOString() })));
    await appendEvents(tx, inserted.map((a) => {
      const s = byKey.get(a.slice_key)!;
      return {
        workspaceId, subjectType: 'workspace', subjectId: workspaceId, type: 'alert.opened', actor: 'system', occurredAt: now,
        data: { alertId: a.id, kind: KIND, sliceKey: s.key, message: s.message, observed: s.observed, expected: s.expected, ticketIds: s.ticketIds, orderIds: s.orderIds },
      };
    }));
    return { windowStart, windowEnd: now, spikes, opened: inserted.map((a) => a.id), updated: updated.rows.map((a) => a.id) };
  });
}

const ALERT_COLS = {
  id: 'text', workspace_id: 'text', kind: 'text', slice_key: 'text', slice: 'jsonb', window_start: 'timestamptz', window_end: 'timestamptz', observed: 'integer',
  expected: 'double precision', details: 'jsonb', ticket_ids: 'text[]', order_ids: 'text[]', status: 'text', created_at: 'timestamptz', updated_at: 'timestamptz',
};

interface AlertRow {
  id: string; slice_key: string; slice: TriageAlert['slice']; window_start: Date; window_end: Date; observed: number; expected: number;
  details: { message?: string; ratio?: number; baseline?: number[]; beyond?: string[] }; status: TriageAlert['status'];
  acknowledged_by: string | null; acknowledged_by_name: string | null; acknowledged_at: Date | null; created_at: Date; updated_at: Date;
  tickets: TriageAlert['tickets']; orders: TriageAlert['orders'];
}

/** Alerts with the tickets and orders behind them (only those still in the workspace), open ones first. */
async function selectAlerts(q: Queryable, workspaceId: string, where: string, params: readonly unknown[], limit: number): Promise<TriageAlert[]> {
  const r = await q.query<AlertRow>(
    `SELECT a.id, a.slice_key, a.slice, a.window_start, a.window_end, a.observed, a.expected, a.details, a.status, a.acknowledged_by, u.name AS acknowledged_by_name,
            a.acknowledged_at, a.created_at, a.updated_at,
            (SELECT coalesce(json_agg(json_build_object('id', t.id, 'number', t.number, 'subject', t.subject) ORDER BY t.number), '[]'::json)
               FROM tickets t WHERE t.workspace_id = a.workspace_id AND t.id = ANY(a.ticket_ids)) AS tickets,
            (SELECT coalesce(json_agg(json_build_object('id', o.id, 'externalId', o.external_id) ORDER BY o.external_id), '[]'::json)
               FROM orders o WHERE o.workspace_id = a.workspace_id AND o.id = ANY(a.order_ids)) AS orders
       FROM triage_alerts a LEFT JOIN users u ON u.id = a.acknowledged_by
      WHERE a.workspace_id = $1 AND ${where}
      ORDER BY (a.status = 'open') DESC, a.created_at DESC, a.id DESC LIMIT ${Math.trunc(limit)}`,
    [workspaceId, ...params],
  );
  return r.rows.map((a) => ({
    id: a.id, kind: KIND, sliceKey: a.slice_key, slice: a.slice, message: a.details.message ?? '', windowStart: a.window_start.toISOString(), windowEnd: a.window_end.toISOString(),
    observed: a.observed, expected: a.expected, ratio: a.details.ratio ?? 0, baseline: a.details.baseline ?? [], beyond: a.details.beyond ?? [], tickets: a.tickets, orders: a.orders,
    status: a.status, acknowledgedBy: a.acknowledged_by ? { id: a.acknowledged_by, name: a.acknowledged_by_name ?? '' } : null,
    acknowledgedAt: a.acknowledged_at?.toISOString() ?? null, createdAt: a.created_at.toISOString(), updatedAt: a.updated_at.toISOString(),
  }));
}

export function listAlerts(q: Queryable, workspaceId: string, opts: { status?: AlertListQuery['status']; limit?: number } = {}): Promise<TriageAlert[]> {
  const status = opts.status ?? 'open';
  return status === 'all' ? selectAlerts(q, workspaceId, 'true', [], opts.limit ?? 100) : selectAlerts(q, workspaceId, 'a.status = $2', [status], opts.limit ?? 100);
}

/** Marks an open alert seen. Acknowledging one already acknowledged returns it unchanged (a double click is no error). */
export async function acknowledgeAlert(db: Db, workspaceId: string, alertId: string, userId: string, now: Date): Promise<Result<TriageAlert>> {
  return db.transaction(async (tx) => {
    const r = await tx.query<{ slice_key: string }>(
      `UPDATE triage_alerts SET status = 'acknowledged', acknowledged_by = $3, acknowledged_at = $4, updated_at = $4
        WHERE workspace_id = $1 AND id = $2 AND status = 'open' RETURNING slice_key`,
      [workspaceId, alertId, userId, now],
    );
    if (r.rows[0]) {
      await appendEvents(tx, [{ workspaceId, subjectType: 'workspace', subjectId: workspaceId, type: 'alert.acknowledged', actor: `user:${userId}`, occurredAt: now, data: { alertId, sliceKey: r.rows[0].slice_key } }]);
    }
    const [alert] = await selectAlerts(tx, workspaceId, 'a.id = $2', [alertId], 1);
    return alert ? ok(alert) : fail('not_found', 'no such alert');
  });
}

export const SPIKES_QUEUE = 'triage.spikes';
const EVERY_MS = 15 * 60_000;

export interface SpikesJobDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly log: Logger;
}

/** Every 15 minutes: spike detection for every workspace. One workspace failing does not stop the others. */
export function spikesJob(deps: SpikesJobDeps) {
  return defineJob({
    queue: SPIKES_QUEUE,
    payload: z.object({}).passthrough(),
    async handle() {
      const now = deps.clock.now();
      // The next run is booked first, so a failing workspace cannot break the chain.
      await scheduleSpikes(deps.db, new Date(now.getTime() + EVERY_MS));
      const workspaces = await deps.db.query<{ id: string }>('SELECT id FROM workspaces ORDER BY id');
      const errors: string[] = [];
      for (const { id } of workspaces.rows) {
        try {
          const run = await detectSpikes(deps.db, id, now);
          if (run.opened.length) deps.log.info('delivery spike alerts opened', { workspace: id, alerts: run.opened });
        } catch (err) {
          errors.push(`${id}: ${(err as Error).message}`);
        }
      }
      if (errors.length) deps.log.warn('spike detection failed', { errors });
    },
  });
}

/** Books the spike run for `at`'s 15-minute slot (once per slot, however often it is asked). */
export async function scheduleSpikes(db: Db, at: Date): Promise<void> {
  const slot = Math.floor(at.getTime() / EVERY_MS);
  await enqueue(db, SPIKES_QUEUE, {}, { runAt: at, dedupeKey: String(slot), maxAttempts: 3 });
}
