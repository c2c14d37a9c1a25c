import { z } from 'zod';
import type { Clock } from '../kernel/index.ts';
import type { Db } from './db/port.ts';
import { defineJob, enqueue } from './jobs.ts';

/** Purges expired sessions and finished jobs older than a week; re-schedules itself hourly. */
export function maintenanceJob(db: Db, clock: Clock) {
  return defineJob({
    queue: 'maintenance',
    payload: z.object({}).passthrough(),
    async handle() {
      const now = clock.now();
      await db.query('DELETE FROM sessions WHERE expires_at < $1', [now]);
      await db.query(`DELETE FROM jobs WHERE state = 'done' AND finished_at < $1`, [new Date(now.getTime() - 7 * 86_400_000)]);
      await scheduleMaintenance(db, new Date(now.getTime() + 3600_000));
    },
  });
}

export async function scheduleMaintenance(db: Db, at: Date): Promise<void> {
  const hour = at.toISOString().slice(0, 13);
  await enqueue(db, 'maintenance', {}, { runAt: at, dedupeKey: hour, maxAttempts: 3 });
}
