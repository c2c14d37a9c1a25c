// FBA recovery at scale: import + reconcile of 1,000,000 ledger rows, 100,000 returns, 50,000 reimbursements,
// 20,000 inbound items and 100,000 order lines, on PGlite and on PostgreSQL, each beside DuckDB running the same
// core joins over the same files in the same run.
//
//   node bin/run-ts.js bench/recon.ts [--orders 100000] [--ledger 1000000] [--returns 100000]
//        [--reimbursements 50000] [--inbound 20000] [--order-lines 100000] [--drivers pglite,postgres,duckdb] [--data DIR]
//
// The data: the demo generator's world for --orders orders (the US account's reports and the seller's files),
// then each report replicated k times until it reaches its target row count. Copy c > 0 of a file has every
// identifier (FNSKU, SKU, ASIN, order, shipment, reference, LPN, reimbursement, removal, settlement, invoice ids)
// suffixed with ~c, so a copy is another catalogue with the same shape of discrepancies. Files with different
// targets get different numbers of copies, so the higher copies of e.g. the returns find no order lines: that
// is fine for timing joins, and said here so nobody reads the case counts as a second ground truth.
// Each driver runs in its own child process, so its peak RSS is its own.

import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createInterface } from 'node:readline';
import { writeDemoFiles } from '../src/demo/index.ts';
import { openPglite } from '../src/platform/db/pglite.ts';
import type { Db } from '../src/platform/db/port.ts';
import { loadMigrations, migrate } from '../src/platform/db/migrate.ts';
import { importReports, reconcile } from '../src/recon/index.ts';
import { scratchPostgres } from './support.ts';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i]!.replace(/^--/, ''), process.argv[i + 1] ?? '');
const num = (k: string, d: number) => Number(args.get(k) ?? d);
const NOW = new Date('2026-11-15T12:00:00Z');

/** Columns that identify something: suffixed per copy. */
const ID_COLUMNS = new Set([
  'fnsku', 'asin', 'msku', 'referenceid', 'sku', 'orderid', 'amazonorderid', 'merchantorderid', 'licenseplatenumber', 'reimbursementid',
  'originalreimbursementid', 'caseid', 'shipmentid', 'sellersku', 'fulfillmentnetworksku', 'settlementid', 'removalorderid', 'trackingnumber',
  'invoicenumber', 'orderitemcode', 'merchantorderitemid', 'adjustmentid', 'shipmentname',
]);
const norm = (h: string) => h.toLowerCase().replace(/[^a-z0-9]/g, '');

interface Targets { ledger: number; returns: number; reimbursements: number; inbound: number; orderLines: number }

async function lineCount(path: string): Promise<number> {
  let n = -1;
  for await (const _ of createInterface({ input: createReadStream(path) })) n++;
  return n;
}

/** Writes `copies` copies of a delimited file (header once), suffixing identifier columns of copy c > 0 with ~c. */
async function replicate(src: string, dest: string, copies: number): Promise<number> {
  const csv = src.endsWith('.csv');
  const sep = csv ? ',' : '\t';
  const out = createWriteStream(dest);
  let header: string[] | null = null;
  let ids: boolean[] = [];
  const body: string[] = [];
  for await (const line of createInterface({ input: createReadStream(src) })) {
    if (header === null) {
      header = line.split(sep);
      ids = header.map((h) => ID_COLUMNS.has(norm(h)));
      out.write(line + '\n');
      continue;
    }
    if (line) body.push(line);
  }
  let rows = 0;
  for (let c = 0; c < copies; c++) {
    let chunk = '';
    for (const line of body) {
      if (c === 0) chunk += line + '\n';
      else {
        // CSV files here quote only free text (supplier names), never identifiers: a plain split is enough for the id columns.
        const cells = csv ? splitCsv(line) : line.split('\t');
        for (let i = 0; i < cells.length; i++) if (ids[i] && cells[i] !== '') cells[i] = `${cells[i]}~${c}`;
        chunk += cells.join(sep) + '\n';
      }
      rows++;
      if (chunk.length > 1 << 20) {
        if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
        chunk = '';
      }
    }
    if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((r) => out.end(r));
  return rows;
}

function splitCsv(line: string): string[] {
  const cells: string[] = [];
  let cur = '';
  let q = false;
  for (const ch of line) {
    if (ch === '"') q = !q;
    if (ch === ',' && !q) {
      cells.push(cur);
      cur = '';
    } else cur += ch;
  }
  cells.push(cur);
  return cells;
}

async function buildData(dir: string, orders: number, t: Targets): Promise<Record<string, number>> {
  const base = join(dir, 'world');
  const out = join(dir, 'files');
  if (existsSync(join(dir, 'done'))) return JSON.parse(await import('node:fs/promises').then((f) => f.readFile(join(dir, 'done'), 'utf8')));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  process.stderr.write(`generating the demo world (${orders} orders)…\n`);
  await writeDemoFiles({ seed: 42, orders, now: NOW, outDir: base });
  const names = readdirSync(base);
  const us = (suffix: string) => names.find((n) => n === `amazon-us-${suffix}`)!;
  const copiesFor = async (name: string, target: number) => Math.max(1, Math.ceil(target / Math.max(1, await lineCount(join(base, name)))));
  const plan: [string, number][] = [
    [us('inventory-ledger-detail.tsv'), await copiesFor(us('inventory-ledger-detail.tsv'), t.ledger)],
    [us('fba-customer-returns.tsv'), await copiesFor(us('fba-customer-returns.tsv'), t.returns)],
    [us('fba-reimbursements.tsv'), await copiesFor(us('fba-reimbursements.tsv'), t.reimbursements)],
    [us('fba-inbound-shipment-items.tsv'), await copiesFor(us('fba-inbound-shipment-items.tsv'), t.inbound)],
    [us('all-orders.tsv'), await copiesFor(us('all-orders.tsv'), t.orderLines)],
  ];
  const ledgerCopies = plan[0]![1];
  const orderCopies = plan[4]![1];
  for (const n of names.filter((x) => x.startsWith('amazon-us-settlement-'))) plan.push([n, orderCopies]);
  for (const n of [us('fba-removal-order-detail.tsv'), us('fba-removal-shipment-detail.tsv'), 'seller-removal-receipts.tsv', 'supplier-costs.csv', 'supplier-invoices.csv']) plan.push([n, ledgerCopies]);
  const rows: Record<string, number> = {};
  for (const [name, copies] of plan) {
    rows[name] = await replicate(join(base, name), join(out, name), copies);
    process.stderr.write(`  ${name}: ${rows[name]} rows (${copies} copies)\n`);
  }
  rmSync(base, { recursive: true, force: true });
  await import('node:fs/promises').then((f) => f.writeFile(join(dir, 'done'), JSON.stringify(rows)));
  return rows;
}

// ---------- children ----------

async function openDriver(driver: string): Promise<{ db: Db; done: () => Promise<void> }> {
  const migrations = await loadMigrations(join(import.meta.dirname, '../migrations'));
  if (driver === 'pglite') {
    const dataDir = join(tmpdir(), `cd-bench-recon-${process.pid}`);
    const db = await openPglite(dataDir);
    await migrate(db, migrations);
    return { db, done: async () => (await db.close(), rmSync(dataDir, { recursive: true, force: true })) };
  }
  const pg = await scratchPostgres('claimdesk_bench_recon');
  await migrate(pg.db, migrations);
  return { db: pg.db, done: () => pg.done() };
}

async function childDb(driver: string, files: string): Promise<object> {
  const { db, done } = await openDriver(driver);
  try {
    await db.query(`INSERT INTO workspaces (id, name, slug) VALUES ('ws', 'bench', 'bench')`);
    await db.query(`INSERT INTO channel_accounts (id, workspace_id, kind, name, marketplace) VALUES ('us', 'ws', 'amazon', 'Amazon US', 'US')`);
    const all = readdirSync(files).sort();
    const t0 = performance.now();
    // One file per call, to time each; the five (ledger, returns, reimbursements, inbound items, orders) apart.
    const perFile: Record<string, { rows: number; ms: number }> = {};
    let rowsIn = 0;
    for (const name of all) {
      const t = performance.now();
      const r = await importReports(db, 'ws', name.startsWith('amazon-') ? 'us' : null, 'auto', [join(files, name)], () => {}, { now: () => NOW, marketplace: 'US' });
      const f = r.files[0]!;
      if (f.status !== 'imported') throw new Error(`rejected: ${f.error}`);
      perFile[name] = { rows: f.rows, ms: performance.now() - t };
      rowsIn += f.rows;
    }
    const importMs = performance.now() - t0;
    const core = ['inventory-ledger-detail', 'fba-customer-returns', 'fba-reimbursements', 'fba-inbound-shipment-items', 'all-orders'];
    const coreFiles = Object.entries(perFile).filter(([n]) => core.some((c) => n === `amazon-us-${c}.tsv`));
    const coreMs = coreFiles.reduce((a, [, v]) => a + v.ms, 0);
    const coreRows = coreFiles.reduce((a, [, v]) => a + v.rows, 0);
    const t1 = performance.now();
    const r = await reconcile(db, 'ws', { asOf: NOW, now: () => NOW });
    const reconcileMs = performance.now() - t1;
    return { driver, rows: rowsIn, importMs, coreMs, coreRows, reconcileMs, cases: r.created, candidates: r.candidates, byRule: r.byRule, rssMiB: process.resourceUsage().maxRSS / 1024 };
  } finally {
    await done();
  }
}

/** DuckDB: the same core joins (netting per FNSKU, inbound credits, refund/return anti-joins, underpayment, removals) straight off the files. */
async function childDuck(files: string): Promise<object> {
  const { DuckDBInstance } = await loadDuckDb();
  const inst = await DuckDBInstance.create(':memory:');
  const con = await inst.connect();
  const f = (glob: string) => `read_csv('${join(files, glob)}', delim='\t', header=true, all_varchar=true, quote='')`;
  const t0 = performance.now();
  const q = async (sql: string) => (await con.runAndReadAll(sql)).getRows().length;
  const counts: Record<string, number> = {};
  counts.fc = await q(`
    WITH l AS (SELECT *, strptime("Date", '%m/%d/%Y')::date AS d, "Quantity"::int AS qty, coalesce(nullif("ReconciledQuantity", ''), '0')::int AS rec,
                      coalesce(nullif("UnreconciledQuantity", ''), '0')::int AS unrec FROM ${f('amazon-us-inventory-ledger-detail.tsv')}),
    adj AS (SELECT *, CASE WHEN "Reason" IN ('M', '5') THEN 'lost' ELSE 'damaged' END AS kind FROM l WHERE "EventType" = 'Adjustments' AND "Reason" IN ('M','5','E','6','7','H','K','U')),
    r AS (SELECT * FROM ${f('amazon-us-fba-reimbursements.tsv')}),
    paid AS (SELECT fnsku, CASE coalesce(nullif("original-reimbursement-type", ''), reason) WHEN 'Lost_Warehouse' THEN 'lost' ELSE 'damaged' END AS kind,
                    sum("quantity-reimbursed-total"::int) AS units FROM r WHERE reason IN ('Lost_Warehouse', 'Damaged_Warehouse', 'Reimbursement_Reversal') GROUP BY 1, 2),
    found AS (SELECT "FNSKU" AS fnsku, sum(qty) AS units FROM l WHERE "EventType" = 'Adjustments' AND "Reason" = 'F' GROUP BY 1),
    g AS (SELECT "FNSKU" AS fnsku, kind, sum(rec) AS rec FROM adj GROUP BY 1, 2),
    credit AS (SELECT g.fnsku, g.kind, greatest(0, coalesce(p.units, 0) - (g.rec - CASE WHEN g.kind = 'lost' THEN least(coalesce(fo.units, 0), g.rec) ELSE 0 END)) AS units
               FROM g LEFT JOIN paid p ON p.fnsku = g.fnsku AND p.kind = g.kind LEFT JOIN found fo ON fo.fnsku = g.fnsku),
    o AS (SELECT a.*, c.units AS credited, sum(a.unrec) OVER (PARTITION BY a."FNSKU", a.kind ORDER BY a.d, a."ReferenceID") AS cum FROM adj a JOIN credit c ON c.fnsku = a."FNSKU" AND c.kind = a.kind WHERE a.unrec > 0)
    SELECT * FROM o WHERE least(unrec, cum - credited) > 0`);
  counts.inbound = await q(`
    WITH i AS (SELECT "ShipmentId" AS sid, "SellerSKU" AS sku, "FulfillmentNetworkSKU" AS fnsku, "ShipmentStatus" AS st, "QuantityShipped"::int AS shipped, "QuantityReceived"::int AS received FROM ${f('amazon-us-fba-inbound-shipment-items.tsv')}),
    rc AS (SELECT "ReferenceID" AS sid, min(strptime("Date", '%m/%d/%Y')) AS first FROM ${f('amazon-us-inventory-ledger-detail.tsv')} WHERE "EventType" = 'Receipts' GROUP BY 1),
    cr AS (SELECT fnsku, sum(received - shipped) AS units FROM i WHERE received > shipped GROUP BY 1),
    s AS (SELECT i.*, rc.first, sum(shipped - received) OVER (PARTITION BY i.fnsku ORDER BY rc.first, i.sid) AS cum FROM i JOIN rc ON rc.sid = i.sid WHERE st = 'CLOSED' AND shipped > received)
    SELECT s.* FROM s LEFT JOIN cr ON cr.fnsku = s.fnsku WHERE least(shipped - received, cum - coalesce(cr.units, 0)) > 0`);
  counts.refunds = await q(`
    WITH st AS (SELECT "order-id" AS oid, sku, "transaction-type" AS tt, "amount-type" AS atype, "amount-description" AS ad, amount::decimal(18, 2) AS amt, "quantity-purchased" AS qp, "posted-date-time" AS posted, "fulfillment-id" AS ful
                FROM ${f('amazon-us-settlement-*.tsv')} WHERE "order-id" <> ''),
    m AS (SELECT oid, sku, max(ful) AS ful, min(posted) FILTER (WHERE tt = 'Refund') AS refunded,
                 sum(amt) FILTER (WHERE tt = 'Order' AND atype = 'ItemPrice' AND ad = 'Principal') AS principal,
                 sum(amt) FILTER (WHERE tt = 'Order' AND atype = 'ItemFees' AND ad = 'Commission') AS commission FROM st GROUP BY 1, 2),
    ret AS (SELECT "order-id" AS oid, sku, sum(quantity::int) AS units FROM ${f('amazon-us-fba-customer-returns.tsv')} GROUP BY 1, 2),
    rb AS (SELECT "amazon-order-id" AS oid, sku, sum("quantity-reimbursed-total"::int) AS units FROM ${f('amazon-us-fba-reimbursements.tsv')} WHERE "amazon-order-id" <> '' GROUP BY 1, 2)
    SELECT m.* FROM m LEFT JOIN ret ON ret.oid = m.oid AND ret.sku = m.sku LEFT JOIN rb ON rb.oid = m.oid AND rb.sku = m.sku
    WHERE m.refunded IS NOT NULL AND m.ful = 'AFN' AND ret.oid IS NULL AND coalesce(rb.units, 0) <= 0`);
  counts.returns = await q(`
    WITH c AS (SELECT * FROM ${f('amazon-us-fba-customer-returns.tsv')}),
    rb AS (SELECT "amazon-order-id" AS oid, sku, sum("quantity-reimbursed-total"::int) AS units FROM ${f('amazon-us-fba-reimbursements.tsv')} WHERE "amazon-order-id" <> '' GROUP BY 1, 2),
    ol AS (SELECT "amazon-order-id" AS oid, sku, sum("item-price"::decimal(18, 2)) AS price, sum(quantity::int) AS units FROM ${f('amazon-us-all-orders.tsv')} GROUP BY 1, 2)
    SELECT c.* FROM c LEFT JOIN rb ON rb.oid = c."order-id" AND rb.sku = c.sku LEFT JOIN ol ON ol.oid = c."order-id" AND ol.sku = c.sku
    WHERE (c."detailed-disposition" IN ('DAMAGED', 'CARRIER_DAMAGED') AND coalesce(rb.units, 0) <= 0)
       OR (c."detailed-disposition" = 'SELLABLE' AND (c.reason IN ('DAMAGED_BY_CARRIER', 'DAMAGED_BY_FC', 'DEFECTIVE', 'QUALITY_UNACCEPTABLE', 'MISSING_PARTS', 'NOT_AS_DESCRIBED') OR regexp_matches(lower(c."customer-comments"), 'broken|damag|defect|kaputt')))`);
  counts.underpaid = await q(`
    WITH r AS (SELECT * FROM ${f('amazon-us-fba-reimbursements.tsv')}),
    co AS (SELECT * FROM read_csv('${join(files, 'supplier-costs.csv')}', header=true, all_varchar=true))
    SELECT r.* FROM r JOIN co ON co.sku = r.sku AND co.currency = r."currency-unit"
    WHERE r.reason IN ('Lost_Warehouse', 'Damaged_Warehouse', 'Lost_Inbound') AND r."quantity-reimbursed-cash"::int > 0 AND r."amount-per-unit"::decimal(18, 2) < co."unit-cost"::decimal(18, 2)
      AND NOT EXISTS (SELECT 1 FROM r v WHERE v."original-reimbursement-id" = r."reimbursement-id")`);
  counts.removals = await q(`
    WITH s AS (SELECT "order-id" AS oid, sku, sum("shipped-quantity"::int) AS units FROM ${f('amazon-us-fba-removal-shipment-detail.tsv')} GROUP BY 1, 2),
    g AS (SELECT "removal-order-id" AS oid, sku, sum(coalesce(nullif("received-quantity", ''), '0')::int) AS units FROM ${f('seller-removal-receipts.tsv')} GROUP BY 1, 2)
    SELECT * FROM s JOIN g ON g.oid = s.oid AND g.sku = s.sku WHERE s.units > g.units`);
  const ms = performance.now() - t0;
  return { driver: 'duckdb', ms, counts, rssMiB: process.resourceUsage().maxRSS / 1024 };
}

/** The DuckDB client the baseline uses: only this bench needs it, so it is installed on first use (from npm, exact version). */
const DUCKDB = '@duckdb/node-api@1.5.6-r.1';
interface DuckDb {
  DuckDBInstance: { create(path: string): Promise<{ connect(): Promise<{ runAndReadAll(sql: string): Promise<{ getRows(): unknown[][] }> }> }> };
}
async function loadDuckDb(): Promise<DuckDb> {
  const dir = join(tmpdir(), 'claimdesk-bench-deps');
  const pkg = join(dir, 'node_modules', '@duckdb', 'node-api', 'package.json');
  if (!existsSync(pkg)) {
    mkdirSync(dir, { recursive: true });
    process.stderr.write(`installing ${DUCKDB} into ${dir} (bench only)…\n`);
    const r = spawnSync('npm', ['install', '--no-save', '--no-package-lock', '--prefix', dir, DUCKDB], { stdio: ['ignore', 'ignore', 'inherit'] });
    if (r.status !== 0) throw new Error(`could not install ${DUCKDB}`);
  }
  const entry = createRequire(pkg).resolve('@duckdb/node-api');
  return (await import(pathToFileURL(entry).href)) as DuckDb;
}

// ---------- parent ----------

async function main(): Promise<void> {
  const child = args.get('child');
  const files = args.get('files');
  if (child && files) {
    const r = child === 'duckdb' ? await childDuck(files) : await childDb(child, files);
    process.stdout.write(JSON.stringify(r) + '\n');
    return;
  }
  const targets: Targets = { ledger: num('ledger', 1_000_000), returns: num('returns', 100_000), reimbursements: num('reimbursements', 50_000), inbound: num('inbound', 20_000), orderLines: num('order-lines', 100_000) };
  const dir = args.get('data') ?? join(tmpdir(), `cd-bench-recon-${Object.values(targets).join('-')}-${num('orders', 100_000)}`);
  const rows = await buildData(dir, num('orders', 100_000), targets);
  const bytes = readdirSync(join(dir, 'files')).reduce((a, n) => a + statSync(join(dir, 'files', n)).size, 0);
  console.log(`recon bench: ${Object.values(rows).reduce((a, b) => a + b, 0).toLocaleString('en')} rows in ${readdirSync(join(dir, 'files')).length} files (${(bytes / 2 ** 20).toFixed(0)} MiB) in ${dir}`);
  const results: Record<string, { importMs?: number; coreMs?: number; coreRows?: number; rows?: number; reconcileMs?: number; ms?: number; rssMiB: number; cases?: number; byRule?: unknown }> = {};
  for (const d of (args.get('drivers') ?? 'duckdb,postgres,pglite').split(',')) {
    process.stderr.write(`running ${d}…\n`);
    const r = spawnSync(process.execPath, ['bin/run-ts.js', 'bench/recon.ts', '--child', d, '--files', join(dir, 'files')], { encoding: 'utf8', maxBuffer: 1 << 26 });
    if (r.status !== 0) {
      console.log(`${d}: failed\n${r.stderr}`);
      process.exitCode = 1;
      continue;
    }
    results[d] = JSON.parse(r.stdout.trim().split('\n').pop()!);
  }
  const duck = results.duckdb?.ms;
  const s = (ms: number | undefined) => (ms === undefined ? '–' : `${(ms / 1000).toFixed(1)} s`);
  for (const d of ['postgres', 'pglite']) {
    const r = results[d];
    if (!r) continue;
    const total = (r.importMs ?? 0) + (r.reconcileMs ?? 0);
    const core = (r.coreMs ?? 0) + (r.reconcileMs ?? 0);
    const rate = (rows: number | undefined, ms: number | undefined) => `${Math.round((rows ?? 0) / ((ms ?? 1) / 1000)).toLocaleString('en')} rows/s`;
    console.log(
      `${d.padEnd(8)} import ${s(r.importMs)} (${rate(r.rows, r.importMs)}; the issue's five files, ${(r.coreRows ?? 0).toLocaleString('en')} rows: ${s(r.coreMs)}), reconcile ${s(r.reconcileMs)} (${r.cases} cases), ` +
      `import + reconcile ${s(total)} (five files + reconcile ${s(core)}), peak RSS ${r.rssMiB.toFixed(0)} MiB` +
      (duck ? `; reconcile / DuckDB = ${((r.reconcileMs ?? 0) / duck).toFixed(1)}×` : ''),
    );
    if (d === 'postgres') console.log(`         goal: the five files + reconcile ≤ 60 s: ${core <= 60_000 ? 'met' : 'NOT met'} (everything incl. settlements, removals, invoices: ${total <= 60_000 ? 'met' : 'not met'}); RSS ≤ 1 GiB: ${r.rssMiB <= 1024 ? 'met' : 'NOT met'}; reconcile within 10× DuckDB: ${duck && (r.reconcileMs ?? 0) <= 10 * duck ? 'met' : 'NOT met'}`);
    console.log(`         per rule: ${JSON.stringify(r.byRule)}`);
  }
  if (results.duckdb) console.log(`duckdb   the same core joins off the files: ${s(duck)}, peak RSS ${results.duckdb.rssMiB.toFixed(0)} MiB`);
}

await main();
