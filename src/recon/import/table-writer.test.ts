// How the importer's rows reach the tables: straight COPY, COPY + staged ON CONFLICT, and the JSON fallback store
// the same values and count alike, awkward text included; a row that conflicts after all while COPYing straight
// into the table sends the whole file through ON CONFLICT again, with the counts of such an import. And the
// drivers' copyRows underneath: COPY text in, the same values out; a row the table refuses fails the call with
// PostgreSQL's error (also when the server refuses it while megabytes are still being sent) and leaves the
// connection usable.
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DRIVERS, freshDbPerTest } from '../../../test/support/db.ts';
import { ACCOUNTS, WS, count, demoFiles, importFiles, seedAccounts, type DemoFiles } from '../../../test/support/recon.ts';
import type { Db, Queryable } from '../../platform/db/port.ts';
import type { Values } from './spec.ts';
import { TableWriter, rowHash } from './table-writer.ts';
import { TABLES } from './tables.ts';

const LEDGER = 'amazon-us-inventory-ledger-detail.tsv';

let demo: DemoFiles;
beforeAll(async () => {
  demo = await demoFiles(60);
});
afterAll(() => rmSync(demo.dir, { recursive: true, force: true }));

it('row_hash: SHA-256 of each value then U+001F (U+0000 for a missing one), first 22 base64url characters', () => {
  const values: Values = { a: 'Ä ✓', b: null, c: 12, d: true, e: '' };
  const h = createHash('sha256');
  for (const v of ['Ä ✓', '\u0000', '12', 'true', '', '\u0000']) h.update(v).update('\u001f');
  expect(rowHash(values, ['a', 'b', 'c', 'd', 'e', 'missing'])).toBe(h.digest('base64url').slice(0, 22));
});

const ledgerRow = (over: Partial<Values>): Values => ({
  event_date: '2026-01-02', event_at: '2026-01-02T03:04:05.000Z', fnsku: 'X00AAA', asin: 'B00AAA', msku: 'SKU-1', title: 'Title',
  event_type: 'Adjustments', reference_id: '123', quantity: -3, fulfillment_center: 'PHX7', disposition: 'SELLABLE', reason: 'M',
  country: 'US', reconciled_quantity: 0, unreconciled_quantity: 3, ...over,
});

describe.each(DRIVERS)('table writer on $name', (driver) => {
  let db: Db;
  freshDbPerTest(driver, (d) => (db = d));

  it('straight COPY, staged COPY and JSON store the same values and counts, awkward text included', async () => {
    await seedAccounts(db);
    const rows: [Values, Record<string, string>][] = [
      [ledgerRow({ fnsku: 'X\\00\t1', msku: 'a\nb\r\nc', title: 'nul\u0000byte "quoted" \\N \\. ünï ✓' }), { 'Odd\tcolumn': 'v\\x "q"\n', nul: 'a\u0000b' }],
      [ledgerRow({ fnsku: 'X\\00\t1', msku: 'a\nb\r\nc', title: 'nul\u0000byte "quoted" \\N \\. ünï ✓' }), { 'Odd\tcolumn': 'v\\x "q"\n', nul: 'a\u0000b' }],
      [ledgerRow({ asin: null, reference_id: null, event_at: null, reconciled_quantity: null, quantity: 2147483647 }), {}],
      [ledgerRow({ title: '\\', msku: '\t', reason: '\r' }), { '\\N': '\\N' }],
    ];
    const write = (account: string, direct: boolean, json: boolean) => db.transaction(async (tx) => {
      const importId = `imp_${account}`;
      await tx.query(
        `INSERT INTO report_imports (id, workspace_id, account_id, kind, file_name, sha256, size_bytes, status, imported_at)
         VALUES ($1, $2, $3, 'amazon-ledger', 'f.tsv', repeat('0', 64), 1, 'imported', now())`, [importId, WS, account]);
      const q: Queryable = json ? { query: tx.query, exec: tx.exec } : tx;
      const w = new TableWriter(q, TABLES.inventory_ledger_events!, { workspaceId: WS, accountId: account, importId }, { direct });
      for (const [i, [values, extra]] of rows.entries()) {
        w.add({ ...values }, i + 2, extra);
        if (w.size >= 3) await w.flush();
      }
      await w.drain();
      return w.counts;
    });
    const counts = [await write(ACCOUNTS.US, true, false), await write(ACCOUNTS.DE, false, false), await write(ACCOUNTS.UK, false, true)];
    expect(counts).toEqual([{ inserted: 4, updated: 0, duplicates: 0 }, { inserted: 4, updated: 0, duplicates: 0 }, { inserted: 4, updated: 0, duplicates: 0 }]);
    const stored = async (account: string) => (await db.query(
      `SELECT event_date::text, event_at, fnsku, asin, msku, title, event_type, reference_id, quantity, fulfillment_center, disposition, reason, country,
              reconciled_quantity, unreconciled_quantity, row_hash, occurrence, extra, source_line
       FROM inventory_ledger_events WHERE account_id = $1 ORDER BY id`, [account])).rows;
    const us = await stored(ACCOUNTS.US);
    expect(await stored(ACCOUNTS.DE)).toEqual(us);
    expect(await stored(ACCOUNTS.UK)).toEqual(us);
    expect(us[0]).toMatchObject({ fnsku: 'X\\00\t1', msku: 'a\nb\r\nc', title: 'nulbyte "quoted" \\N \\. ünï ✓', occurrence: 1, extra: { 'Odd\tcolumn': 'v\\x "q"\n', nul: 'ab' } });
    expect(us.map((r) => r.occurrence)).toEqual([1, 2, 1, 1]);
    expect(us[2]).toMatchObject({ asin: null, reference_id: null, event_at: null, reconciled_quantity: null, quantity: 2147483647, extra: {} });
    expect(us[3]).toMatchObject({ title: '\\', msku: '\t', reason: '\r', extra: { '\\N': '\\N' } });
  });

  it.skipIf(driver.name !== 'postgres')('a row another import commits meanwhile: the straight COPY gives way and the file goes through ON CONFLICT', async () => {
    await seedAccounts(db);
    const path = join(demo.dir, LEDGER);
    const first = await importFiles(db, ACCOUNTS.US, 'amazon-ledger', [path]);
    const n = first.inserted;
    expect(n).toBeGreaterThan(20);
    // The file's last line, stored by another transaction that commits while the import waits for it.
    const last = (await db.query<Record<string, unknown>>('SELECT * FROM inventory_ledger_events ORDER BY id DESC LIMIT 1')).rows[0]!;
    await db.query('DELETE FROM inventory_ledger_events');
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let ready!: () => void;
    const inserted = new Promise<void>((r) => (ready = r));
    const blocker = db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO report_imports (id, workspace_id, account_id, kind, file_name, sha256, size_bytes, status, imported_at)
         VALUES ('imp_other', $1, $2, 'amazon-ledger', 'other.tsv', repeat('0', 64), 1, 'imported', now())`, [WS, ACCOUNTS.US]);
      const cols = Object.keys(last).filter((c) => c !== 'id');
      await tx.query(`INSERT INTO inventory_ledger_events (${cols.join(', ')}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')})`,
        cols.map((c) => (c === 'source_import_id' ? 'imp_other' : c === 'extra' ? JSON.stringify(last[c]) : last[c])));
      ready();
      await held;
    });
    await inserted;
    const progress: [number, number][] = [];
    const importing = importFiles(db, ACCOUNTS.US, 'amazon-ledger', [path], { force: true, batchSize: 10 }, (d, t) => progress.push([d, t]));
    for (let i = 0; i < 500; i++) {
      const waiting = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`);
      if (waiting.rows[0]!.n > 0) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    release();
    await blocker;
    const r = await importing;
    expect(r.files[0]).toMatchObject({ status: 'imported', rows: first.rows, inserted: n - 1, updated: 0, duplicates: 1, error: null });
    expect(await count(db, 'inventory_ledger_events')).toBe(n);
    expect(await count(db, 'inventory_ledger_events', `source_import_id = 'imp_other'`)).toBe(1);
    expect(progress.at(-1)![0]).toBe(progress.at(-1)![1]);
    const log = await db.query(`SELECT inserted, updated, duplicates FROM report_imports WHERE id = $1`, [r.files[0]!.importId]);
    expect(log.rows).toEqual([{ inserted: n - 1, updated: 0, duplicates: 1 }]);
  });
});

describe.each(DRIVERS)('copyRows on $name', (driver) => {
  let db: Db;
  freshDbPerTest(driver, (d) => (db = d));

  it('loads COPY text: escapes, NULL, types; returns the row count', async () => {
    await db.exec(`CREATE TABLE copy_t (id integer PRIMARY KEY, t text, j jsonb, b boolean, d date, n bigint)`);
    const data = [
      ['1', 'tab\\there, new\\nline, cr\\r, back\\\\slash, \\\\N, \\\\.', '{"k": "v\\\\"q"}', 'true', '2026-02-28', '9007199254740991'],
      ['2', '\\N', '\\N', '\\N', '\\N', '\\N'],
      ['3', 'ünïcödé ✓', '{}', 'false', '2024-02-29', '-5'],
    ].map((r) => `${r.join('\t')}\n`).join('');
    expect(await db.copyRows!('copy_t', ['id', 't', 'j', 'b', 'd', 'n'], data)).toBe(3);
    const r = await db.query<{ id: number; t: string | null; j: unknown; b: boolean | null; d: string | null; n: number | null }>(
      'SELECT id, t, j, b, d::text AS d, n FROM copy_t ORDER BY id');
    expect(r.rows).toEqual([
      { id: 1, t: 'tab\there, new\nline, cr\r, back\\slash, \\N, \\.', j: { k: 'v"q' }, b: true, d: '2026-02-28', n: 9007199254740991 },
      { id: 2, t: null, j: null, b: null, d: null, n: null },
      { id: 3, t: 'ünïcödé ✓', j: {}, b: false, d: '2024-02-29', n: -5 },
    ]);
  });

  it('a refused row fails the call with its error code, inside a transaction that then rolls back; the connection goes on', async () => {
    await db.exec(`CREATE TABLE copy_u (id integer PRIMARY KEY, pad text)`);
    await db.query(`INSERT INTO copy_u VALUES (1, 'kept')`);
    // The duplicate comes first and ~8 MiB follow it: the server refuses while the client is still sending.
    const pad = 'x'.repeat(200);
    let data = `1\t${pad}\n`;
    for (let i = 2; i <= 40_000; i++) data += `${i}\t${pad}\n`;
    const err = await db.transaction((tx) => tx.copyRows!('copy_u', ['id', 'pad'], data)).catch((e: unknown) => e);
    expect((err as { code?: string }).code).toBe('23505');
    expect((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM copy_u')).rows[0]!.n).toBe(1);
    // Every pooled connection still works (not one left half-way in a COPY).
    const counts = await Promise.all(Array.from({ length: 6 }, () => db.transaction(async (tx) => (await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM copy_u')).rows[0]!.n)));
    expect(counts).toEqual([1, 1, 1, 1, 1, 1]);
    expect(await db.copyRows!('copy_u', ['id', 'pad'], '2\tnew\n')).toBe(1);
  });

  it('refuses identifiers it would have to quote', async () => {
    await expect(db.copyRows!('copy_t; DROP TABLE x', ['id'], '')).rejects.toThrow(/unsafe identifier/);
    await expect(db.copyRows!('copy_t', ['id", "x'], '')).rejects.toThrow(/unsafe identifier/);
  });
});
