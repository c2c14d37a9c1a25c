// Benchmark: the SLA sweep over 1,000,000 open tickets on PostgreSQL (issue 4, goal: a full sweep ≤ 2 s). The
// tickets carry the SLA columns the last assessment stores (deadline, warning instants, next check, what is already
// announced): Amazon ones 24 h with warnings 6 h and 2 h before, critical Amazon ones 2 h / 48 h, e-mail and Shopify
// ones on business hours with warnings at 25 % left and 1 h left; due times from 2 days ago to 3 days ahead; some
// paused or stopped. Most were announced by a sweep a minute ago; a share (`--behind`, half by default) only as of
// an instant up to two days back (a backlog: a worker that was down, an import), so the first sweep has a lot to do.
// The sweep's agenda (ticket_sla_checks, one row per ticket with a running clock) is filled as the assessment fills it.
// Measured: `runSlaSweep` as the worker runs it — the first sweep (the backlog), then steady state (one sweep a
// minute) — with tickets updated, events written, the time in the sweep statement apart from the rest, the WAL it
// wrote, and how many of its ticket row updates were HOT (no index touched). Baseline in the same run: what a desk
// without stored next-check instants does every minute — stream every open ticket's SLA columns into Node and work
// out in JS what is due (it only counts; it writes nothing).
//   node bin/run-ts.js bench/sla-sweep.ts [--tickets N] [--behind SHARE] [--explain] [--keep]
import { parseArgs } from 'node:util';
import { createWorkspace } from '../src/access/index.ts';
import type { Db, Queryable, QueryResult } from '../src/platform/db/port.ts';
import { loadMigrations, migrate } from '../src/platform/db/migrate.ts';
import { runSlaSweep, sweepSla } from '../src/triage/index.ts';
import { scratchPostgres } from './support.ts';

const { values } = parseArgs({
  options: { tickets: { type: 'string', default: '1000000' }, behind: { type: 'string', default: '0.5' }, explain: { type: 'boolean', default: false }, keep: { type: 'boolean', default: false } },
});
const N = Number(values.tickets);
const BEHIND = Number(values.behind);
const MINUTE = 60_000;
const GOAL_MS = 2_000;
const scratch = await scratchPostgres('claimdesk_bench_sla');
const db = scratch.db;

const fmt = (n: number) => n.toLocaleString('en-US');
const mb = (bytes: number) => `${(bytes / 1048576).toFixed(0)} MB`;
const dur = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Runs `fn`, timing it and sampling the process RSS while it runs. */
async function phase<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number; rss: number }> {
  let rss = process.memoryUsage.rss();
  const timer = setInterval(() => (rss = Math.max(rss, process.memoryUsage.rss())), 10);
  const t = performance.now();
  try {
    const value = await fn();
    const ms = performance.now() - t;
    return { value, ms, rss: Math.max(rss, process.memoryUsage.rss()) };
  } finally {
    clearInterval(timer);
  }
}

/** Where a sweep's time goes: the sweep statement, other SQL in its transactions, BEGIN/COMMIT, the rest is JS. */
interface Split { batches: number; sweepMs: number; statements: number[]; otherSqlMs: number; insideMs: number; txMs: number }
const SWEEP_SQL = /^\s*WITH due AS/;

function instrumented(base: Db, split: Split): Db {
  const timed = (q: Queryable): Queryable => ({
    exec: (sql) => q.exec(sql),
    async query<T>(sql: string, params?: readonly unknown[]): Promise<QueryResult<T>> {
      const t = performance.now();
      try {
        return await q.query<T>(sql, params);
      } finally {
        const ms = performance.now() - t;
        if (SWEEP_SQL.test(sql)) {
          split.sweepMs += ms;
          split.statements.push(ms);
        } else split.otherSqlMs += ms;
      }
    },
  });
  return {
    kind: base.kind,
    query: <T>(sql: string, params?: readonly unknown[]) => base.query<T>(sql, params),
    exec: (sql) => base.exec(sql),
    close: () => base.close(),
    async transaction(fn) {
      const t = performance.now();
      try {
        return await base.transaction(async (tx) => {
          const s = performance.now();
          let value;
          try {
            value = await fn(timed(tx));
          } finally {
            split.insideMs += performance.now() - s;
          }
          // Table statistics (HOT updates) reach the server when the connection goes idle, at most once a second
          // unless asked: ask, so the counters read after the sweep are complete (a fraction of a millisecond).
          await tx.query('SELECT pg_stat_force_next_flush()');
          return value;
        });
      } finally {
        split.txMs += performance.now() - t;
        split.batches++;
      }
    },
  };
}

/**
 * The sweep as the worker runs it (`runSlaSweep`), with the tickets due before and after, the events it wrote, the WAL
 * it wrote and the checkpoints the server made meanwhile (server-wide counters: other databases' work counts too).
 */
async function ours(at: Date) {
  const dueBefore = await countDue(at);
  const eventsBefore = await countSlaEvents();
  const server0 = await serverCounters();
  const split: Split = { batches: 0, sweepMs: 0, statements: [], otherSqlMs: 0, insideMs: 0, txMs: 0 };
  const rows0 = await ticketUpdates();
  const run = await phase(() => runSlaSweep(instrumented(db, split), at));
  const server1 = (await db.query<{ wal: number; checkpoints: number }>(
    'SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), $1)::bigint AS wal, (SELECT checkpoints_timed + checkpoints_req FROM pg_stat_bgwriter)::int - $2 AS checkpoints',
    [server0.lsn, server0.checkpoints])).rows[0]!;
  const events = (await countSlaEvents()) - eventsBefore;
  const rows1 = await ticketUpdates();
  const hot = { updates: rows1.upd - rows0.upd, hot: rows1.hot - rows0.hot };
  return { ...run, hot, dueBefore, dueAfter: await countDue(at), events, split, walBytes: server1.wal, checkpoints: server1.checkpoints };
}

/**
 * Ticket rows updated so far, and how many of those updates were HOT (a new row version on the same page and no new
 * index entries). The sweep's transactions ask for their statistics to be flushed; read them after a short pause.
 */
async function ticketUpdates(): Promise<{ upd: number; hot: number }> {
  await new Promise((r) => setTimeout(r, 300));
  return (await db.query<{ upd: number; hot: number }>(
    `SELECT n_tup_upd::int AS upd, n_tup_hot_upd::int AS hot FROM pg_stat_user_tables WHERE relname = 'tickets'`)).rows[0]!;
}
const hotLine = (h: { updates: number; hot: number }) => `ticket rows updated ${fmt(h.updates)}, ${((100 * h.hot) / Math.max(1, h.updates)).toFixed(1)} % of them HOT`;

const serverCounters = async () =>
  (await db.query<{ lsn: string; checkpoints: number }>('SELECT pg_current_wal_lsn()::text AS lsn, (SELECT checkpoints_timed + checkpoints_req FROM pg_stat_bgwriter)::int AS checkpoints')).rows[0]!;

const countDue = async (at: Date) =>
  (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM ticket_sla_checks WHERE next_check_at <= $1', [at])).rows[0]!.n;
const countSlaEvents = async () =>
  (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM events WHERE type IN ('sla.warning', 'sla.breached')`)).rows[0]!.n;

interface NaiveRow { id: string; sla_state: string; sla_metric: string | null; sla_due_at: Date | null; sla_warn_times: Date[]; sla_warnings_sent: number }

/**
 * The baseline: no next-check instant, so every open ticket is read (a cursor, 10,000 rows a fetch) and JS works out
 * which warnings and breaches are due now and not announced yet — the same rule the sweep applies in SQL (a late
 * look that finds the deadline past announces only the breach).
 */
async function naive(at: Date) {
  return phase(async () => {
    let rows = 0;
    let tickets = 0;
    let warnings = 0;
    let breaches = 0;
    const now = at.getTime();
    await db.transaction(async (tx) => {
      await tx.query(`DECLARE sla_scan NO SCROLL CURSOR FOR
        SELECT id, sla_state, sla_metric, sla_due_at, sla_warn_times, sla_warnings_sent FROM tickets WHERE status IN ('open', 'pending', 'on_hold')`);
      for (;;) {
        const r = await tx.query<NaiveRow>('FETCH 10000 FROM sla_scan');
        rows += r.rows.length;
        for (const t of r.rows) {
          if ((t.sla_state !== 'ok' && t.sla_state !== 'warning') || !t.sla_due_at) continue;
          if (t.sla_due_at.getTime() <= now) {
            tickets++;
            breaches++;
            continue;
          }
          let reached = 0;
          for (const w of t.sla_warn_times) if (w.getTime() <= now) reached++;
          if (reached > t.sla_warnings_sent) {
            tickets++;
            warnings += reached - t.sla_warnings_sent;
          }
        }
        if (r.rows.length < 10000) break;
      }
      await tx.query('CLOSE sla_scan');
    });
    return { rows, tickets, warnings, breaches };
  });
}

try {
  await migrate(db, await loadMigrations(new URL('../migrations', import.meta.url).pathname));
  const ws = await createWorkspace(db, { name: 'SLA bench', slug: 'sla-bench' }, new Date());
  if (!ws.ok) throw new Error(ws.message);
  const wsId = ws.value;
  const now = new Date(Math.floor(Date.now() / MINUTE) * MINUTE);
  const t0 = performance.now();
  const steps: string[] = [];
  const step = (name: string, since: number) => steps.push(`${name} ${((performance.now() - since) / 1000).toFixed(0)} s`);
  // Generated in SQL (seeded, so every run has the same mix). Per ticket: a kind (policy, metric, target and the two
  // warning offsets in hours), a due time, and the instant up to which its crossings were announced; the stored
  // columns are then exactly what the sweep would have left at that instant.
  await db.transaction(async (tx) => {
    await tx.query('SELECT setseed(0.42)');
    await tx.query(
      `INSERT INTO tickets (id, workspace_id, number, channel, marketplace, subject, status, risk_level, created_at, updated_at, last_customer_message_at,
                            sla_policy_id, sla_state, sla_metric, sla_due_at, sla_warn_times, sla_next_check_at, sla_breached_at, sla_clock_key, sla_warnings_sent, assessed_at)
       SELECT 'tkt_' || g, $1, g, channel, CASE WHEN channel = 'amazon' THEN 'US' END, 'Question about order ' || g,
              CASE WHEN idle = 'paused' THEN CASE WHEN s < 0.03 THEN 'pending' ELSE 'on_hold' END WHEN NOT business AND s < 0.2 THEN 'pending' ELSE 'open' END,
              CASE WHEN policy = 'amazon-critical' THEN 'critical' ELSE 'normal' END,
              started, $2::timestamptz - interval '1 minute', started, policy,
              CASE WHEN idle IS NOT NULL THEN idle WHEN due <= announced THEN 'breached' WHEN sent > 0 THEN 'warning' ELSE 'ok' END,
              CASE WHEN idle IS NULL THEN metric END,
              CASE WHEN idle IS NULL THEN due END,
              CASE WHEN idle IS NULL THEN ARRAY[w1, w2] ELSE '{}' END,
              CASE WHEN idle IS NOT NULL OR due <= announced THEN NULL WHEN sent = 0 THEN w1 WHEN sent = 1 THEN w2 ELSE due END,
              CASE WHEN idle IS NULL AND due <= announced THEN due END,
              CASE WHEN idle IS NULL THEN metric || '@' || to_char(started AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') END,
              CASE WHEN idle IS NULL THEN sent ELSE 0 END,
              announced
         FROM (SELECT *, (w1 <= announced)::int + (w2 <= announced)::int AS sent
                 FROM (SELECT *, due - w1h * interval '1 hour' AS w1, due - w2h * interval '1 hour' AS w2,
                              least(due - target * interval '1 hour', $2::timestamptz - interval '1 minute') AS started
                         FROM (SELECT *,
                                      -- due: from 2 days ago up to the target ahead (a running 24/7 clock cannot be due later), 3 days for business hours
                                      $2::timestamptz + (d * (48 + CASE WHEN business THEN 72 ELSE target END) - 48) * interval '1 hour' AS due,
                                      -- announced by last minute's sweep, or (a share $4) as of an instant up to 2 days back
                                      $2::timestamptz - CASE WHEN l >= $4::float8 THEN interval '1 minute' ELSE l / $4::float8 * interval '2 days' END AS announced,
                                      CASE WHEN s < 0.05 AND business THEN 'paused' WHEN s < 0.1 THEN 'stopped' END AS idle
                                 FROM (SELECT g, s, d, l, channel, policy, business, metric,
                                              CASE WHEN policy = 'amazon-messages' THEN 24 WHEN policy = 'amazon-critical' THEN CASE metric WHEN 'resolution' THEN 48 ELSE 2 END
                                                   WHEN metric <> 'resolution' THEN 8 WHEN policy = 'shopify' THEN 24 ELSE 40 END AS target,
                                              CASE WHEN policy = 'amazon-messages' THEN 6 WHEN policy = 'amazon-critical' THEN CASE metric WHEN 'resolution' THEN 24 ELSE 1 END
                                                   WHEN metric <> 'resolution' THEN 2 WHEN policy = 'shopify' THEN 6 ELSE 10 END AS w1h,
                                              CASE WHEN policy = 'amazon-messages' THEN 2 WHEN policy = 'amazon-critical' THEN 0.5 ELSE 1 END AS w2h
                                         FROM (SELECT g, s, d, l,
                                                      CASE WHEN k < 0.65 THEN 'amazon' WHEN k < 0.9 THEN 'email' ELSE 'shopify' END AS channel,
                                                      CASE WHEN k < 0.6 THEN 'amazon-messages' WHEN k < 0.65 THEN 'amazon-critical' WHEN k < 0.9 THEN 'email' ELSE 'shopify' END AS policy,
                                                      k >= 0.65 AS business,
                                                      CASE WHEN k < 0.6 THEN CASE WHEN m < 0.6 THEN 'first_response' ELSE 'next_response' END
                                                           WHEN m < 0.5 THEN 'first_response' WHEN m < 0.7 THEN 'next_response' ELSE 'resolution' END AS metric
                                                 FROM (SELECT g, random() AS k, random() AS s, random() AS d, random() AS l, random() AS m
                                                         FROM generate_series(1, $3::int) g) r) a) b) c) e) f`,
      [wsId, now, N, BEHIND]);
    // The sweep's agenda, as the assessment writes it with the snapshot (one row per ticket with a running clock).
    await tx.query('INSERT INTO ticket_sla_checks (ticket_id, workspace_id, next_check_at) SELECT id, workspace_id, sla_next_check_at FROM tickets WHERE sla_next_check_at IS NOT NULL');
    step('tickets', t0);
    const t1 = performance.now();
    // One earlier timeline event per ticket, so the events table and its indexes are not empty.
    await tx.query(
      `INSERT INTO events (id, workspace_id, subject_type, subject_id, type, actor, data, occurred_at)
       SELECT 'evt_' || lpad(number::text, 12, '0'), workspace_id, 'ticket', id, 'ticket.created', 'system', '{}', created_at FROM tickets`);
    step('events', t1);
  });
  const t2 = performance.now();
  // As autovacuum would have left a table this old (hint bits, visibility map, statistics).
  await db.exec('VACUUM ANALYZE tickets');
  await db.exec('VACUUM ANALYZE events');
  await db.exec('VACUUM ANALYZE ticket_sla_checks');
  // And as a server that has been running would be: the bulk load's dirty pages written out by a checkpoint, not
  // one pending from the load that writes them while we measure (the sweep still pays the full-page images a first
  // change to each page after a checkpoint costs).
  await db.exec('CHECKPOINT');
  step('vacuum, checkpoint', t2);
  const loadMs = performance.now() - t0;
  const mix = (await db.query<{ sla_state: string; n: number }>('SELECT sla_state, count(*)::int AS n FROM tickets GROUP BY 1 ORDER BY 2 DESC')).rows;
  console.log(`sla-sweep (postgres, ${fmt(N)} open tickets + ${fmt(N)} earlier events, ${BEHIND * 100} % behind; generated in ${(loadMs / 1000).toFixed(0)} s: ${steps.join(', ')})`);
  console.log(`  stored SLA states: ${mix.map((m) => `${m.sla_state} ${fmt(m.n)}`).join(', ')}`);

  const goal = (ms: number) => `goal ≤ ${GOAL_MS / 1000} s: ${ms <= GOAL_MS ? 'met' : 'NOT met'}`;
  const splitLine = (s: Split) =>
    `${s.batches} transaction(s): sweep statement ${dur(s.sweepMs)}${s.statements.length > 1 ? ` (per batch: median ${dur(median(s.statements))}, max ${dur(Math.max(...s.statements))})` : ''}, ` +
    `other SQL ${dur(s.otherSqlMs)}, BEGIN/COMMIT ${dur(s.txMs - s.insideMs)}, JS ${dur(s.insideMs - s.sweepMs - s.otherSqlMs)}`;
  const server = (r: { walBytes: number; checkpoints: number }) => `WAL written ${mb(r.walBytes)}, ${r.checkpoints} checkpoint(s) meanwhile`;

  // 1. Baseline at `now`, then our first sweep (the backlog) at the same instant: they must agree on what is due.
  const base1 = await naive(now);
  const b = base1.value;
  console.log(`  baseline, stream every open ticket into JS: ${dur(base1.ms)} — ${fmt(b.rows)} rows read, ${fmt(b.tickets)} tickets due ` +
    `(${fmt(b.warnings)} warnings, ${fmt(b.breaches)} breaches to announce; written: none), peak RSS ${mb(base1.rss)}`);
  const first = await ours(now);
  const f = first.value;
  console.log(`  runSlaSweep, first sweep (backlog): ${dur(first.ms)} — ${fmt(first.dueBefore)} tickets updated (due after: ${first.dueAfter}), ` +
    `${fmt(first.events)} events written (${fmt(f.warnings)} warnings, ${fmt(f.breaches)} breaches), peak RSS ${mb(first.rss)} (${goal(first.ms)})`);
  console.log(`    ${splitLine(first.split)}`);
  console.log(`    ${fmt(Math.round(first.dueBefore / (first.ms / 1000)))} tickets/s, ${((first.ms * 1000) / Math.max(1, first.dueBefore)).toFixed(0)} µs per ticket; ${server(first)}; ${hotLine(first.hot)}`);
  if (f.warnings !== b.warnings || f.breaches !== b.breaches || first.dueBefore !== b.tickets || first.dueAfter !== 0) {
    console.log(`    MISMATCH with the baseline's count (${b.tickets} tickets, ${b.warnings} warnings, ${b.breaches} breaches)`);
  }

  // 2. Steady state: one sweep a minute for the next five minutes (the baseline's cost does not depend on how
  //    much is due: it reads every open ticket every time).
  const steady: Awaited<ReturnType<typeof ours>>[] = [];
  for (let i = 1; i <= 5; i++) steady.push(await ours(new Date(now.getTime() + i * MINUTE)));
  const steadyMs = steady.map((s) => s.ms);
  console.log(`  runSlaSweep, steady state (one sweep a minute, 5 minutes): median ${dur(median(steadyMs))}, max ${dur(Math.max(...steadyMs))} — ` +
    `${steady.map((s) => fmt(s.dueBefore)).join('/')} tickets updated, ${steady.map((s) => fmt(s.events)).join('/')} events written (${goal(Math.max(...steadyMs))})`);
  console.log(`    first of them: ${splitLine(steady[0]!.split)}; ${server(steady[0]!)}; ${hotLine(steady[0]!.hot)}`);
  if (steady.some((s) => s.dueAfter !== 0 || s.events !== s.value.warnings + s.value.breaches)) console.log('    MISMATCH: tickets left due or events not reported');
  console.log(`  ratio baseline / ours: first sweep ${(base1.ms / first.ms).toFixed(2)}x (the baseline writes nothing), steady state ${(base1.ms / median(steadyMs)).toFixed(0)}x`);
  console.log(`  peak RSS of the process: ${mb(process.resourceUsage().maxRSS * 1024)}`);

  if (values.explain) {
    // One batch of the sweep statement under EXPLAIN ANALYZE (rolled back), six hours on: the statement is sweepSla's own.
    const at = new Date(now.getTime() + 6 * 60 * MINUTE);
    let plan = '';
    const rollback = new Error('rollback');
    await db.transaction(async (tx) => {
      const explaining: Queryable = {
        exec: (sql) => tx.exec(sql),
        async query<T>(sql: string, params?: readonly unknown[]): Promise<QueryResult<T>> {
          const r = await tx.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
          plan = r.rows.map((x) => x['QUERY PLAN']).join('\n');
          return { rows: [], rowCount: 0 };
        },
      };
      await sweepSla(explaining, at, { limit: 5_000 });
      throw rollback;
    }).catch((e: unknown) => {
      if (e !== rollback) throw e;
    });
    console.log(`  EXPLAIN ANALYZE, one batch of 5,000 at +6 h (${fmt(await countDue(at))} tickets due then), rolled back:\n${plan.replace(/^/gm, '    ')}`);
  }
} finally {
  await scratch.done(values.keep);
  if (values.keep) console.log(`  kept database ${scratch.name} (--keep)`);
}
