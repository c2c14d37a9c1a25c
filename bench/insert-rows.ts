// Benchmark: set-based batch inserts (platform/db/insert-rows.ts, one JSON parameter per batch) against the
// baseline of one INSERT per row, on the same database in the same run. Prints rows/s and the ratio.
//   node bin/run-ts.js bench/insert-rows.ts [--rows N] [--driver pglite|postgres]
import { parseArgs } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { insertRows } from '../src/platform/db/insert-rows.ts';
import { pgliteDb } from '../src/platform/db/pglite.ts';
import type { Db } from '../src/platform/db/port.ts';
import { postgresDb } from '../src/platform/db/postgres.ts';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '20000' }, driver: { type: 'string', default: 'pglite' } } });
const rows = Number(values.rows);

async function open(): Promise<{ db: Db; done: () => Promise<void> }> {
  if (values.driver === 'postgres') {
    const url = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
    const db = postgresDb(url, { max: 2 });
    return { db, done: () => db.close() };
  }
  const db = pgliteDb(await PGlite.create());
  return { db, done: () => db.close() };
}

const { db, done } = await open();
await db.exec(`DROP TABLE IF EXISTS bench_rows; CREATE TEMP TABLE bench_rows (id text PRIMARY KEY, sku text NOT NULL, qty integer NOT NULL, amount_minor bigint NOT NULL, at timestamptz NOT NULL)`);
const data = Array.from({ length: rows }, (_, i) => ({ id: `r${i}`, sku: `SKU-${i % 500}`, qty: 1 + (i % 7), amount_minor: 1999 + i, at: new Date(1_700_000_000_000 + i * 1000).toISOString() }));
const cols = { id: 'text', sku: 'text', qty: 'integer', amount_minor: 'bigint', at: 'timestamptz' };

let t = performance.now();
for (const r of data) await db.query('INSERT INTO bench_rows (id, sku, qty, amount_minor, at) VALUES ($1, $2, $3, $4, $5)', [r.id, r.sku, r.qty, r.amount_minor, r.at]);
const baselineMs = performance.now() - t;
await db.exec('TRUNCATE bench_rows');

t = performance.now();
for (let i = 0; i < data.length; i += 500) await insertRows(db, 'bench_rows', cols, data.slice(i, i + 500));
const batchMs = performance.now() - t;
const check = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM bench_rows');
if (check.rows[0]?.n !== rows) throw new Error(`expected ${rows} rows, found ${check.rows[0]?.n}`);
await done();

const rate = (ms: number) => Math.round(rows / (ms / 1000));
console.log(`insert-rows (${values.driver}, ${rows} rows)`);
console.log(`  baseline, one INSERT per row : ${baselineMs.toFixed(0)} ms  ${rate(baselineMs)} rows/s`);
console.log(`  insertRows, 500 per batch    : ${batchMs.toFixed(0)} ms  ${rate(batchMs)} rows/s`);
console.log(`  ratio (baseline / batched)   : ${(baselineMs / batchMs).toFixed(1)}x`);
