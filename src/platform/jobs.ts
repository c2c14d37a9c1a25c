import { hostname } from 'node:os';
import type { z } from 'zod';
import type { Clock } from '../kernel/index.ts';
import type { Db, Queryable } from './db/port.ts';

/**
 * Background jobs and the transactional outbox share one table. `enqueue` takes the caller's transaction,
 * so a job exists exactly when the change that asked for it committed (saving a reply and queueing its
 * delivery are one atomic step). Workers claim with FOR UPDATE SKIP LOCKED, which lets several worker
 * processes share a PostgreSQL server; on PGlite the worker runs inside the server process.
 */
export interface EnqueueOptions {
  readonly workspaceId?: string;
  readonly runAt?: Date;
  readonly maxAttempts?: number;
  /** At most one job per (queue, dedupeKey) is ever created: replays of the same request enqueue nothing. */
  readonly dedupeKey?: string;
}

export async function enqueue(q: Queryable, queue: string, payload: unknown, opts: EnqueueOptions = {}): Promise<number | null> {
  const r = await q.query<{ id: number }>(
    `INSERT INTO jobs (workspace_id, queue, payload, dedupe_key, max_attempts, run_at)
     VALUES ($1, $2, $3, $4, $5, coalesce($6::timestamptz, now()))
     ON CONFLICT (queue, dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING
     RETURNING id`,
    [opts.workspaceId ?? null, queue, JSON.stringify(payload ?? {}), opts.dedupeKey ?? null, opts.maxAttempts ?? 8, opts.runAt ?? null],
  );
  return r.rows[0]?.id ?? null;
}

/** Exponential backoff with a cap: 5 s, 10 s, 20 s … at most one hour. Deterministic, so tests can rely on it. */
export function backoffMs(attempt: number, baseMs = 5_000, maxMs = 3_600_000): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
}

export interface JobContext {
  readonly jobId: number;
  readonly attempt: number;
  /** After this attempt fails, the job is dead: handlers record a final failure where people can see it. */
  readonly maxAttempts: number;
  readonly workspaceId: string | null;
}

export interface JobHandler<S extends z.ZodType = z.ZodType> {
  readonly queue: string;
  readonly payload: S;
  handle(payload: z.infer<S>, ctx: JobContext): Promise<void>;
}

export function defineJob<S extends z.ZodType>(handler: JobHandler<S>): JobHandler {
  return handler as unknown as JobHandler;
}

interface ClaimedJob {
  id: number;
  queue: string;
  payload: unknown;
  attempts: number;
  max_attempts: number;
  workspace_id: string | null;
  run_at: Date;
}

export interface WorkerOptions {
  readonly id?: string;
  readonly batchSize?: number;
  readonly pollMs?: number;
  readonly lockMs?: number;
  readonly onError?: (err: unknown, job: { id: number; queue: string; attempt: number }) => void;
}

export interface JobWorker {
  /** Claims and runs one batch of due jobs; returns how many ran. */
  runOnce(): Promise<number>;
  start(): void;
  stop(): Promise<void>;
}

export function createJobWorker(db: Db, handlers: readonly JobHandler[], clock: Clock, opts: WorkerOptions = {}): JobWorker {
  const byQueue = new Map(handlers.map((h) => [h.queue, h]));
  const workerId = opts.id ?? `${hostname()}:${process.pid}`;
  const lockMs = opts.lockMs ?? 5 * 60_000;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = true;

  async function claim(): Promise<ClaimedJob[]> {
    const now = clock.now();
    // A job whose worker died while holding it and that has used up its attempts is dead, not retried forever.
    await db.query(
      `UPDATE jobs SET state = 'dead', last_error = coalesce(last_error, 'worker lost while running; attempts exhausted'), locked_by = NULL, locked_until = NULL, finished_at = $1
       WHERE state = 'running' AND locked_until < $1 AND attempts >= max_attempts`,
      [now],
    );
    const r = await db.query<ClaimedJob>(
      `UPDATE jobs SET state = 'running', attempts = attempts + 1, locked_by = $1, locked_until = $2
       WHERE id IN (
         SELECT id FROM jobs
         WHERE queue = ANY($3::text[]) AND run_at <= $4
           AND (state IN ('queued', 'failed') OR (state = 'running' AND locked_until < $4))
         ORDER BY run_at, id LIMIT $5 FOR UPDATE SKIP LOCKED)
       RETURNING id, queue, payload, attempts, max_attempts, workspace_id, run_at`,
      [workerId, new Date(now.getTime() + lockMs), [...byQueue.keys()], now, opts.batchSize ?? 10],
    );
    // UPDATE … RETURNING does not keep the sub-select's order.
    return r.rows.sort((a, b) => a.run_at.getTime() - b.run_at.getTime() || a.id - b.id);
  }

  /** The fence: only the worker that holds this attempt of the job may touch it. */
  const HOLDS = `id = $1 AND state = 'running' AND locked_by = $2 AND attempts = $3`;

  /** Renews the lock just before a job runs, so later jobs of a batch do not expire while they wait. */
  async function renew(job: ClaimedJob): Promise<boolean> {
    const r = await db.query(`UPDATE jobs SET locked_until = $4 WHERE ${HOLDS}`, [job.id, workerId, job.attempts, new Date(clock.now().getTime() + lockMs)]);
    return r.rowCount > 0;
  }

  async function finish(job: ClaimedJob, error: unknown): Promise<void> {
    if (error === undefined) {
      await db.query(`UPDATE jobs SET state = 'done', finished_at = $4, locked_by = NULL, locked_until = NULL, last_error = NULL WHERE ${HOLDS}`, [job.id, workerId, job.attempts, clock.now()]);
      return;
    }
    opts.onError?.(error, { id: job.id, queue: job.queue, attempt: job.attempts });
    const message = error instanceof Error ? error.message : String(error);
    const dead = job.attempts >= job.max_attempts;
    await db.query(
      `UPDATE jobs SET state = $4, last_error = $5, run_at = $6, locked_by = NULL, locked_until = NULL, finished_at = $7 WHERE ${HOLDS}`,
      [job.id, workerId, job.attempts, dead ? 'dead' : 'failed', message.slice(0, 2000), new Date(clock.now().getTime() + backoffMs(job.attempts)), dead ? clock.now() : null],
    );
  }

  async function runJob(job: ClaimedJob): Promise<void> {
    const handler = byQueue.get(job.queue);
    if (!(await renew(job))) return; // another worker took it over after our lock expired
    try {
      if (!handler) throw new Error(`no handler for queue ${job.queue}`);
      const parsed = handler.payload.safeParse(job.payload);
      if (!parsed.success) throw new Error(`bad payload for ${job.queue}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
      await handler.handle(parsed.data, { jobId: job.id, attempt: job.attempts, maxAttempts: job.max_attempts, workspaceId: job.workspace_id });
      await finish(job, undefined);
    } catch (err) {
      await finish(job, err ?? new Error('job failed'));
    }
  }

  async function runOnce(): Promise<number> {
    if (byQueue.size === 0) return 0;
    const jobs = await claim();
    for (const job of jobs) await runJob(job);
    return jobs.length;
  }

  function schedule(delay: number): void {
    if (stopped) return;
    timer = setTimeout(() => {
      running = runOnce()
        .catch((err: unknown) => opts.onError?.(err, { id: 0, queue: '*', attempt: 0 }))
        .then((n) => schedule(typeof n === 'number' && n > 0 ? 0 : (opts.pollMs ?? 1000)));
    }, delay);
  }

  return {
    runOnce,
    start() {
      if (!stopped) return;
      stopped = false;
      schedule(0);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
