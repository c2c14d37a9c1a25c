// Reconciliation in the background: once a day for every workspace that has imported reports, so deadlines count
// down, cases past their window expire, cases Amazon settled on its own are resolved, and reimbursements imported
// since are matched as recovered money — without anyone pressing "Run".

import { z } from 'zod';
import type { Clock } from '../kernel/index.ts';
import type { Db, Queryable } from '../platform/db/port.ts';
import { defineJob, enqueue } from '../platform/jobs.ts';
import type { Logger } from '../platform/log.ts';
import { reconcile } from './reconcile.ts';

export const RECON_DAILY_QUEUE = 'recon.daily';
const DAY_MS = 86_400_000;
/** The hour (UTC) the daily run starts: after Amazon's overnight report refresh. */
const RUN_HOUR_UTC = 6;

export function reconDailyJob(deps: { db: Db; clock: Clock; log: Logger }) {
  return defineJob({
    queue: RECON_DAILY_QUEUE,
    payload: z.object({}).passthrough(),
    async handle() {
      const now = deps.clock.now();
      try {
        const ws = await deps.db.query<{ workspace_id: string }>(`SELECT DISTINCT workspace_id FROM report_imports WHERE status = 'imported'`);
        for (const { workspace_id: id } of ws.rows) {
          const r = await reconcile(deps.db, id, { asOf: now, now: () => deps.clock.now(), actor: 'job' });
          deps.log.info('reconciliation', { workspace: id, created: r.created, updated: r.updated, expired: r.expired, resolved: r.resolved, recovered: r.recoveriesMatched, ms: r.ms });
        }
      } finally {
        await scheduleReconDaily(deps.db, new Date(deps.clock.now().getTime() + DAY_MS));
      }
    },
  });
}

/** The next daily run at RUN_HOUR_UTC on or after `from`'s day; one per day (dedupe key = the day). */
export async function scheduleReconDaily(db: Queryable, from: Date): Promise<void> {
  const at = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate(), RUN_HOUR_UTC));
  const runAt = at.getTime() < from.getTime() - DAY_MS / 2 ? new Date(at.getTime() + DAY_MS) : at;
  await enqueue(db, RECON_DAILY_QUEUE, {}, { runAt, dedupeKey: runAt.toISOString().slice(0, 10), maxAttempts: 3 });
}
