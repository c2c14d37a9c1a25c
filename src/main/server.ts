import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { amazonOrdersSyncJob, replyJob, scheduleAmazonSync, startMailboxWatcher, webhookJob } from '../channels/index.ts';
import { createJobWorker, type JobWorker } from '../platform/jobs.ts';
import { maintenanceJob, scheduleMaintenance } from '../platform/maintenance.ts';
import { reconDailyJob, scheduleReconDaily } from '../recon/index.ts';
import { reassessJob, ruleWebhookJob, scheduleSlaSweep, scheduleSpikes, slaSweepJob, spikesJob } from '../triage/index.ts';
import { createApp } from './app.ts';
import { migrateDb, type Deps } from './deps.ts';

export interface RunningServer {
  readonly url: string;
  close(): Promise<void>;
}

/** Job handlers, listed explicitly (no registration by import side effect). Later issues append theirs. */
export function jobHandlers(deps: Deps) {
  return [maintenanceJob(deps.db, deps.clock), replyJob(deps), webhookJob(deps), amazonOrdersSyncJob(deps), reassessJob(deps), slaSweepJob(deps), ruleWebhookJob(deps), spikesJob(deps), reconDailyJob(deps)];
}

/** The background side: the job worker and the mailbox watcher (IMAP IDLE + polling). */
export async function startWorker(deps: Deps): Promise<JobWorker> {
  await scheduleMaintenance(deps.db, deps.clock.now());
  await scheduleAmazonSync(deps.db, deps.clock.now());
  await scheduleSlaSweep(deps.db, deps.clock.now());
  await scheduleSpikes(deps.db, deps.clock.now());
  await scheduleReconDaily(deps.db, deps.clock.now());
  const worker = createJobWorker(deps.db, jobHandlers(deps), deps.clock, {
    onError: (err, job) => deps.log.warn('job failed', { job: job.id, queue: job.queue, attempt: job.attempt, error: err instanceof Error ? err.message : String(err) }),
  });
  worker.start();
  const mailboxes = startMailboxWatcher(deps);
  return {
    runOnce: () => worker.runOnce(),
    start: () => worker.start(),
    async stop() {
      await Promise.all([worker.stop(), mailboxes.stop()]);
    },
  };
}

/** Migrates, starts HTTP and (unless told not to) the job worker in this process. */
export async function startServer(deps: Deps, opts: { port: number; host: string; worker: boolean; webDist?: string }): Promise<RunningServer> {
  const report = await migrateDb(deps.db);
  if (report.applied.length) deps.log.info('migrations applied', { applied: report.applied });
  const app = createApp(deps, opts.webDist ? { webDist: opts.webDist } : {});
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: opts.port, hostname: opts.host }, () => resolve(s));
    s.once('error', reject);
  });
  // The worker starts only once the port is ours: a failed listen leaves nothing running.
  const worker = opts.worker ? await startWorker(deps) : null;
  const { port } = server.address() as AddressInfo;
  const shownHost = opts.host === '0.0.0.0' || opts.host === '::' ? 'localhost' : opts.host === '127.0.0.1' ? 'localhost' : opts.host;
  return {
    url: `http://${shownHost}:${port}`,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      await closed;
      await worker?.stop();
    },
  };
}
