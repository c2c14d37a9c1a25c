import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fixedClock } from '../src/kernel/index.ts';
import type { Db } from '../src/platform/db/port.ts';
import { backoffMs, createJobWorker, defineJob, enqueue } from '../src/platform/jobs.ts';
import { DRIVERS, freshDbPerTest } from './support/db.ts';

const T = new Date('2026-11-20T12:00:00Z');

describe('backoffMs', () => {
  it.each([
    [1, 5_000],
    [2, 10_000],
    [3, 20_000],
    [10, 2_560_000],
    [11, 3_600_000],
    [50, 3_600_000],
  ])('attempt %i waits %i ms', (attempt, ms) => {
    expect(backoffMs(attempt)).toBe(ms);
  });
});

describe.each(DRIVERS)('job queue on $name', (driver) => {
  let db: Db;
  freshDbPerTest(driver, (d) => (db = d));

  function recorder() {
    const seen: { n: number; attempt: number }[] = [];
    const job = defineJob({ queue: 'deliver', payload: z.object({ n: z.number() }), handle: async (p, ctx) => void seen.push({ n: p.n, attempt: ctx.attempt }) });
    return { seen, job };
  }

  it('runs a job once, in order of run time', async () => {
    const clock = fixedClock(T);
    const { seen, job } = recorder();
    await enqueue(db, 'deliver', { n: 2 }, { runAt: new Date(T.getTime() - 1000) });
    await enqueue(db, 'deliver', { n: 1 }, { runAt: new Date(T.getTime() - 2000) });
    await enqueue(db, 'deliver', { n: 3 }, { runAt: new Date(T.getTime() + 60_000) });
    const w = createJobWorker(db, [job], clock);
    expect(await w.runOnce()).toBe(2);
    expect(await w.runOnce()).toBe(0);
    expect(seen.map((s) => s.n)).toEqual([1, 2]);
    clock.advance(61_000);
    expect(await w.runOnce()).toBe(1);
    const states = await db.query<{ state: string }>('SELECT state FROM jobs ORDER BY id');
    expect(states.rows.map((r) => r.state)).toEqual(['done', 'done', 'done']);
  });

  it('is transactional: a job enqueued in a rolled-back transaction never exists', async () => {
    await expect(
      db.transaction(async (tx) => {
        await enqueue(tx, 'deliver', { n: 1 });
        throw new Error('use case failed');
      }),
    ).rejects.toThrow();
    expect((await db.query('SELECT 1 FROM jobs')).rows).toHaveLength(0);
  });

  it('de-duplicates by key', async () => {
    expect(await enqueue(db, 'deliver', { n: 1 }, { dedupeKey: 'msg-1' })).not.toBeNull();
    expect(await enqueue(db, 'deliver', { n: 1 }, { dedupeKey: 'msg-1' })).toBeNull();
    expect((await db.query('SELECT 1 FROM jobs')).rows).toHaveLength(1);
  });

  it('retries with exponential backoff and gives up after max attempts', async () => {
    const clock = fixedClock(T);
    const errors: string[] = [];
    const failing = defineJob({ queue: 'deliver', payload: z.object({}), handle: async () => { throw new Error('SMTP 451 try later'); } });
    await enqueue(db, 'deliver', {}, { maxAttempts: 3, runAt: T });
    const w = createJobWorker(db, [failing], clock, { onError: (e) => errors.push((e as Error).message) });
    expect(await w.runOnce()).toBe(1);
    const after1 = (await db.query<{ state: string; run_at: Date; last_error: string }>('SELECT state, run_at, last_error FROM jobs')).rows[0]!;
    expect(after1).toMatchObject({ state: 'failed', last_error: 'SMTP 451 try later' });
    expect(after1.run_at.getTime()).toBe(T.getTime() + 5_000);
    expect(await w.runOnce()).toBe(0);
    clock.advance(5_000);
    expect(await w.runOnce()).toBe(1);
    clock.advance(10_000);
    expect(await w.runOnce()).toBe(1);
    const final = (await db.query<{ state: string; attempts: number }>('SELECT state, attempts FROM jobs')).rows[0]!;
    expect(final).toEqual({ state: 'dead', attempts: 3 });
    expect(errors).toHaveLength(3);
  });

  it('refuses a payload that does not match the schema, without running the handler', async () => {
    const { seen, job } = recorder();
    await enqueue(db, 'deliver', { n: 'not a number' }, { maxAttempts: 1, runAt: T });
    await createJobWorker(db, [job], fixedClock(T)).runOnce();
    expect(seen).toHaveLength(0);
    const row = (await db.query<{ state: string; last_error: string }>('SELECT state, last_error FROM jobs')).rows[0]!;
    expect(row.state).toBe('dead');
    expect(row.last_error).toMatch(/bad payload for deliver/);
  });

  it('takes back a job whose worker died while holding it', async () => {
    const clock = fixedClock(T);
    const { seen, job } = recorder();
    await enqueue(db, 'deliver', { n: 7 }, { runAt: T });
    await db.query(`UPDATE jobs SET state = 'running', attempts = 1, locked_by = 'dead-worker', locked_until = $1`, [new Date(T.getTime() + 60_000)]);
    const w = createJobWorker(db, [job], clock);
    expect(await w.runOnce()).toBe(0);
    clock.advance(61_000);
    expect(await w.runOnce()).toBe(1);
    expect(seen).toEqual([{ n: 7, attempt: 2 }]);
  });

  it('lets two workers share the queue without running a job twice', async () => {
    const clock = fixedClock(T);
    const { seen, job } = recorder();
    for (let n = 0; n < 20; n++) await enqueue(db, 'deliver', { n }, { runAt: T });
    const a = createJobWorker(db, [job], clock, { id: 'a', batchSize: 3 });
    const b = createJobWorker(db, [job], clock, { id: 'b', batchSize: 3 });
    let ran = 0;
    for (let i = 0; i < 10; i++) ran += (await Promise.all([a.runOnce(), b.runOnce()])).reduce((x, y) => x + y, 0);
    expect(ran).toBe(20);
    expect(seen.map((s) => s.n).sort((x, y) => x - y)).toEqual([...Array(20).keys()]);
  });

  it('fences a worker whose lock expired: its late result cannot overwrite the new holder', async () => {
    const clock = fixedClock(T);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slow = defineJob({ queue: 'deliver', payload: z.object({}), handle: () => gate });
    const failing = defineJob({ queue: 'deliver', payload: z.object({}), handle: async () => { throw new Error('second holder failed'); } });
    await enqueue(db, 'deliver', {}, { runAt: T, maxAttempts: 2 });
    const a = createJobWorker(db, [slow], clock, { id: 'a', lockMs: 1000 });
    const b = createJobWorker(db, [failing], clock, { id: 'b', lockMs: 1000 });
    const running = a.runOnce();
    await new Promise((r) => setTimeout(r, 50));
    clock.advance(2000);
    expect(await b.runOnce()).toBe(1);
    release();
    await running;
    const row = (await db.query<{ state: string; last_error: string; attempts: number }>('SELECT state, last_error, attempts FROM jobs')).rows[0]!;
    expect(row).toEqual({ state: 'dead', last_error: 'second holder failed', attempts: 2 });
  });

  it('marks a job dead when its worker died holding the last attempt', async () => {
    const clock = fixedClock(T);
    const { seen, job } = recorder();
    await enqueue(db, 'deliver', { n: 1 }, { runAt: T, maxAttempts: 3 });
    await db.query(`UPDATE jobs SET state = 'running', attempts = 3, locked_by = 'dead-worker', locked_until = $1`, [new Date(T.getTime() - 1)]);
    expect(await createJobWorker(db, [job], clock).runOnce()).toBe(0);
    expect(seen).toHaveLength(0);
    expect((await db.query<{ state: string; attempts: number }>('SELECT state, attempts FROM jobs')).rows[0]).toEqual({ state: 'dead', attempts: 3 });
  });

  it('runs jobs in the background after start() and finishes the one in hand on stop()', async () => {
    const { seen, job } = recorder();
    await enqueue(db, 'deliver', { n: 1 });
    const w = createJobWorker(db, [job], { now: () => new Date(Date.now() + 1000) }, { pollMs: 20 });
    w.start();
    for (let i = 0; i < 100 && seen.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    await w.stop();
    expect(seen).toEqual([{ n: 1, attempt: 1 }]);
    await enqueue(db, 'deliver', { n: 2 });
    await new Promise((r) => setTimeout(r, 100));
    expect(seen).toHaveLength(1);
  });
});
