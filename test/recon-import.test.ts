// Importing Amazon's reports (issue 5, "Import"): the demo generator's files land value for value, a second
// import and an overlapping date range add nothing twice, newer facts move rows only forward in time, a
// malformed row rejects its whole file (file:line:column) and leaves nothing, and the kind of a file is
// recognised from its header alone. On PGlite and on a PostgreSQL server.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDecimalToMinor } from '../src/kernel/index.ts';
import type { Db } from '../src/platform/db/port.ts';
import { DRIVERS, freshDbPerTest } from './support/db.ts';
import { ACCOUNTS, count, demoFiles, importFiles, scratchDir, seedAccounts, tsv, writeLines, type DemoFiles } from './support/recon.ts';

const HEADERS = join(import.meta.dirname, '../../shared/fixtures/amazon-reports/report-headers.json');
const LEDGER = 'amazon-us-inventory-ledger-detail.tsv';

let demo: DemoFiles;
let tmp: string;
beforeAll(async () => {
  demo = await demoFiles(300);
  tmp = scratchDir('cd-recon-');
});
afterAll(() => {
  rmSync(demo.dir, { recursive: true, force: true });
  rmSync(tmp, { recursive: true, force: true });
});

/** MM/DD/YYYY → YYYY-MM-DD */
const usDay = (d: string) => `${d.slice(6)}-${d.slice(0, 2)}-${d.slice(3, 5)}`;

describe.each(DRIVERS)('report import on $name', (driver) => {
  let db: Db;
  freshDbPerTest(driver, (d) => (db = d));

  it("imports every report of the demo generator value for value; importing again adds nothing", async () => {
    await seedAccounts(db);
    const progress: [number, number][] = [];
    const us = await importFiles(db, ACCOUNTS.US, 'auto', demo.files('us'), {}, (d, t) => progress.push([d, t]));
    const de = await importFiles(db, ACCOUNTS.DE, 'auto', demo.files('de'));
    const receipts = await importFiles(db, null, 'removal-receipts', [join(demo.dir, 'seller-removal-receipts.tsv')]);
    for (const f of [...us.files, ...de.files, ...receipts.files]) {
      expect(f, f.file).toMatchObject({ status: 'imported', error: null, updated: 0, duplicates: 0 });
      expect(f.rows, f.file).toBe(demo.manifest.files[basename(f.file)]!.rows);
    }
    expect(us.files.map((f) => f.kind)).toEqual(['amazon-orders', 'amazon-returns', 'amazon-inbound', 'amazon-reimbursements', 'amazon-removals', 'amazon-removal-shipments', 'amazon-ledger']);
    expect(progress.at(-1)![0]).toBe(progress.at(-1)![1]);
    const rows = (name: string) => demo.manifest.files[name]!.rows;
    expect(await count(db, 'inventory_ledger_events', 'account_id = $1', [ACCOUNTS.US])).toBe(rows(LEDGER));
    expect(await count(db, 'inventory_ledger_events', 'account_id = $1', [ACCOUNTS.DE])).toBe(rows('amazon-de-inventory-ledger-detail.tsv'));
    expect(await count(db, 'amazon_order_lines')).toBe(rows('amazon-us-all-orders.tsv') + rows('amazon-de-all-orders.tsv'));
    expect(await count(db, 'fba_customer_returns')).toBe(rows('amazon-us-fba-customer-returns.tsv') + rows('amazon-de-fba-customer-returns.tsv'));
    expect(await count(db, 'fba_reimbursements')).toBe(rows('amazon-us-fba-reimbursements.tsv') + rows('amazon-de-fba-reimbursements.tsv'));
    expect(await count(db, 'inbound_shipment_items')).toBe(rows('amazon-us-fba-inbound-shipment-items.tsv') + rows('amazon-de-fba-inbound-shipment-items.tsv'));
    expect(await count(db, 'removal_receipts')).toBe(rows('seller-removal-receipts.tsv'));

    // Value for value: the ledger's quantities and days, reimbursement amounts in cents, order money and currency.
    const ledger = demo.lines(LEDGER).map((l) => l.split('\t'));
    const sums = await db.query<{ q: number; first: string; last: string }>(
      `SELECT sum(quantity)::int AS q, min(event_date)::text AS first, max(event_date)::text AS last FROM inventory_ledger_events WHERE account_id = $1`, [ACCOUNTS.US]);
    expect(sums.rows[0]).toEqual({ q: ledger.reduce((a, c) => a + Number(c[7]), 0), first: usDay(ledger[0]![0]!), last: usDay(ledger.at(-1)![0]!) });
    const adj = ledger.find((c) => c[5] === 'Adjustments')!;
    const stored = await db.query(`SELECT event_date::text AS d, msku, event_type, reference_id, quantity, fulfillment_center, disposition, reason, reconciled_quantity, unreconciled_quantity, source_line
      FROM inventory_ledger_events WHERE account_id = $1 AND reference_id = $2`, [ACCOUNTS.US, adj[6]]);
    expect(stored.rows[0]).toEqual({ d: usDay(adj[0]!), msku: adj[3], event_type: 'Adjustments', reference_id: adj[6], quantity: Number(adj[7]), fulfillment_center: adj[8], disposition: adj[9], reason: adj[10] || null, reconciled_quantity: Number(adj[12]), unreconciled_quantity: Number(adj[13]), source_line: demo.lines(LEDGER).indexOf(adj.join('\t')) + 2 });
    const reimb = demo.lines('amazon-de-fba-reimbursements.tsv').map((l) => l.split('\t'));
    const money = await db.query<{ reimbursement_id: string; amount_total_minor: number; amount_per_unit_minor: number; currency: string; approved_at: Date }>(
      'SELECT reimbursement_id, amount_total_minor, amount_per_unit_minor, currency, approved_at FROM fba_reimbursements WHERE account_id = $1 ORDER BY source_line', [ACCOUNTS.DE]);
    expect(money.rows.map((r) => [r.reimbursement_id, r.amount_per_unit_minor, r.amount_total_minor, r.currency, r.approved_at.toISOString()]))
      .toEqual(reimb.map((c) => [c[1], parseDecimalToMinor(c[11]!, 'EUR'), parseDecimalToMinor(c[12]!, 'EUR'), 'EUR', new Date(c[0]!).toISOString()]));
    const orderTotals = await db.query<{ cur: string; price: number }>('SELECT currency AS cur, sum(item_price_minor)::int AS price FROM amazon_order_lines GROUP BY currency ORDER BY currency');
    const sumPrices = (name: string) => demo.lines(name).reduce((a, l) => a + (parseDecimalToMinor(l.split('\t')[15] || '0', 'USD') ?? 0), 0);
    expect(orderTotals.rows).toEqual([{ cur: 'EUR', price: sumPrices('amazon-de-all-orders.tsv') }, { cur: 'USD', price: sumPrices('amazon-us-all-orders.tsv') }]);

    // The same files again: nothing new, nothing changed; without --force they are recognised as already imported.
    const before = await count(db, 'inventory_ledger_events');
    const again = await importFiles(db, ACCOUNTS.US, 'auto', demo.files('us'), { force: true });
    expect(again).toMatchObject({ inserted: 0, updated: 0, rejected: 0, duplicates: us.inserted });
    const same = await importFiles(db, ACCOUNTS.US, 'auto', demo.files('us'));
    expect(same.files.map((f) => f.status)).toEqual(Array(7).fill('unchanged'));
    expect(same.duplicates).toBe(us.inserted);
    expect(await count(db, 'inventory_ledger_events')).toBe(before);
    expect(await count(db, 'report_imports', `status = 'unchanged'`)).toBe(7);
  });

  it('an overlapping date range adds only the rows it did not have; identical lines of one day stay two events', async () => {
    await seedAccounts(db);
    const header = demo.header(LEDGER);
    const lines = demo.lines(LEDGER);
    const cut = (a: number, b: number) => lines.slice(Math.floor(lines.length * a), Math.floor(lines.length * b));
    const early = writeLines(tmp, `early-${driver.name}.tsv`, [header, ...cut(0, 0.6)]);
    const late = writeLines(tmp, `late-${driver.name}.tsv`, [header, ...cut(0.4, 1)]);
    const a = await importFiles(db, ACCOUNTS.US, 'amazon-ledger', [early]);
    const b = await importFiles(db, ACCOUNTS.US, 'amazon-ledger', [late]);
    const overlap = cut(0.4, 0.6).length;
    expect(a).toMatchObject({ inserted: cut(0, 0.6).length, duplicates: 0 });
    expect(b).toMatchObject({ inserted: cut(0.4, 1).length - overlap, duplicates: overlap, updated: 0 });
    expect(await count(db, 'inventory_ledger_events')).toBe(lines.length);

    // Two identical Shipments lines on one day are two units shipped: kept as occurrence 1 and 2, and found again.
    const twin = tsv('11/02/2026', 'X00TWIN', 'B0TWIN', 'SKU-TWIN', 'Twin', 'Shipments', 'DTWIN', -1, 'AVP1', 'Sellable', '', 'US', 0, 0);
    const twice = writeLines(tmp, `twice-${driver.name}.tsv`, [header, twin, twin]);
    expect(await importFiles(db, ACCOUNTS.US, 'amazon-ledger', [twice])).toMatchObject({ inserted: 2 });
    expect(await importFiles(db, ACCOUNTS.US, 'amazon-ledger', [twice], { force: true })).toMatchObject({ inserted: 0, duplicates: 2 });
    const occ = await db.query<{ occurrence: number }>(`SELECT occurrence FROM inventory_ledger_events WHERE reference_id = 'DTWIN' ORDER BY occurrence`);
    expect(occ.rows.map((r) => r.occurrence)).toEqual([1, 2]);
  });

  it('newer facts update a row only forward: ledger reconciliation, removal order progress', async () => {
    await seedAccounts(db);
    const header = demo.header(LEDGER);
    // §1.3's sample: 16 misplaced, later 5 found (reconciled) and 11 unreconciled; the first download saw 0/16.
    const lost = (rec: number, unrec: number) => tsv('05/26/2021', 'X001SL', 'B0000COYXD', 'SLU_2PK', 'How Deep Lies the Shadow', 'Adjustments', '21188081', -16, 'LGB3', 'Sellable', 'M', 'US', rec, unrec);
    const first = writeLines(tmp, `ledger-1-${driver.name}.tsv`, [header, lost(0, 16)]);
    const later = writeLines(tmp, `ledger-2-${driver.name}.tsv`, [header, lost(5, 11)]);
    expect(await importFiles(db, ACCOUNTS.US, 'amazon-ledger', [first])).toMatchObject({ inserted: 1 });
    expect(await importFiles(db, ACCOUNTS.US, 'amazon-ledger', [later])).toMatchObject({ inserted: 0, updated: 1 });
    expect(await importFiles(db, ACCOUNTS.US, 'amazon-ledger', [first], { force: true })).toMatchObject({ inserted: 0, updated: 0, duplicates: 1 });
    const row = await db.query('SELECT quantity, reconciled_quantity, unreconciled_quantity, count(*) OVER ()::int AS n FROM inventory_ledger_events');
    expect(row.rows).toEqual([{ quantity: -16, reconciled_quantity: 5, unreconciled_quantity: 11, n: 1 }]);

    const rh = demo.header('amazon-us-fba-removal-order-detail.tsv');
    const removal = (status: string, updated: string, shipped: number, inProcess: number) =>
      tsv('2026-09-25T22:07:12+00:00', 'RMV-1', 'Return', 'Standard', status, updated, 'KT-TIMER-MAG', 'X00QNTB0LV', 'Sellable', 18, 0, 0, shipped, inProcess, '18.72', 'USD');
    const pending = writeLines(tmp, `rmv-1-${driver.name}.tsv`, [rh, removal('Pending', '2026-09-25T22:07:12+00:00', 0, 18)]);
    const done = writeLines(tmp, `rmv-2-${driver.name}.tsv`, [rh, removal('Completed', '2026-09-27T22:07:12+00:00', 18, 0)]);
    expect(await importFiles(db, ACCOUNTS.US, 'amazon-removals', [pending])).toMatchObject({ inserted: 1 });
    expect(await importFiles(db, ACCOUNTS.US, 'amazon-removals', [done])).toMatchObject({ updated: 1 });
    expect(await importFiles(db, ACCOUNTS.US, 'amazon-removals', [pending], { force: true })).toMatchObject({ updated: 0, duplicates: 1 });
    const r = await db.query('SELECT order_status, shipped_quantity, in_process_quantity, removal_fee_minor, currency FROM removal_orders');
    expect(r.rows).toEqual([{ order_status: 'Completed', shipped_quantity: 18, in_process_quantity: 0, removal_fee_minor: 1872, currency: 'USD' }]);
  });

  it('a malformed row rejects the whole file, named by file:line:column (header), and leaves no row behind', async () => {
    await seedAccounts(db);
    const header = demo.header(LEDGER);
    const good = demo.lines(LEDGER).slice(0, 10);
    const bad = good[7]!.split('\t');
    bad[7] = 'abc';
    const path = writeLines(tmp, `bad-${driver.name}.tsv`, [header, ...good.slice(0, 7), bad.join('\t'), ...good.slice(8)]);
    // Batches of 3: two batches were written inside the transaction before line 9 failed.
    const r = await importFiles(db, ACCOUNTS.US, 'amazon-ledger', [path], { batchSize: 3 });
    expect(r.rejected).toBe(1);
    expect(r.files[0]).toMatchObject({ status: 'rejected', kind: 'amazon-ledger', rows: 0, inserted: 0, error: `${path}:9:8 (Quantity): "abc" is not a whole number` });
    expect(await count(db, 'inventory_ledger_events')).toBe(0);
    const log = await db.query('SELECT kind, status, error, row_count FROM report_imports');
    expect(log.rows).toEqual([{ kind: 'amazon-ledger', status: 'rejected', error: r.files[0]!.error, row_count: 0 }]);

    const date = writeLines(tmp, `bad-date-${driver.name}.tsv`, [header, good[0]!, good[1]!.replace(/^\d\d\/\d\d/, '02/30')]);
    expect((await importFiles(db, ACCOUNTS.US, 'auto', [date])).files[0]!.error).toBe(`${date}:3:1 (Date): "02/30/${good[1]!.slice(6, 10)}": day 30 does not exist in ${good[1]!.slice(6, 10)}-02`);
    const fixed = writeLines(tmp, `fixed-${driver.name}.tsv`, [header, ...good]);
    expect(await importFiles(db, ACCOUNTS.US, 'amazon-ledger', [fixed], { batchSize: 3 })).toMatchObject({ inserted: 10, rejected: 0 });
  });

  it('recognises a file from its header, whatever its name; refuses a disagreeing kind, an unknown header or a missing account by name', async () => {
    await seedAccounts(db);
    const misnamed = writeLines(tmp, `returns-${driver.name}.csv`, [demo.header(LEDGER), ...demo.lines(LEDGER).slice(0, 5)]);
    expect((await importFiles(db, ACCOUNTS.US, 'auto', [misnamed])).files[0]).toMatchObject({ status: 'imported', kind: 'amazon-ledger', inserted: 5 });
    const wrong = await importFiles(db, ACCOUNTS.US, 'amazon-returns', [misnamed]);
    expect(wrong.files[0]!.error).toBe(`${misnamed}: the header is Inventory Ledger detail (amazon-ledger, GET_LEDGER_DETAIL_VIEW_DATA), not amazon-returns; import it as \`claimdesk import amazon-ledger\` (or \`import auto\`)`);
    const unknown = writeLines(tmp, `people-${driver.name}.tsv`, [tsv('name', 'email'), tsv('Jo', 'jo@example.test')]);
    expect((await importFiles(db, ACCOUNTS.US, 'auto', [unknown])).files[0]!.error).toMatch(new RegExp(`^${unknown}: unrecognised header: .* Its first columns: "name", "email"$`));
    const noAccount = await importFiles(db, null, 'auto', [misnamed]);
    expect(noAccount.files[0]!.error).toBe(`${misnamed}: amazon-ledger rows belong to an Amazon account: give --account`);
    await expect(importFiles(db, null, 'amazon-ledger', [misnamed])).rejects.toThrow(/give --account/);
    await expect(importFiles(db, 'chn_nope', 'amazon-ledger', [misnamed])).rejects.toThrow('--account: no channel account chn_nope in this workspace');
    expect((await importFiles(db, ACCOUNTS.MAIL, 'auto', [misnamed])).files[0]!.error).toMatch(/chn_mail is a mailbox account, not an Amazon one/);
    expect((await importFiles(db, ACCOUNTS.US, 'auto', [join(tmp, 'nowhere.tsv')])).files[0]).toMatchObject({ status: 'rejected', error: `${join(tmp, 'nowhere.tsv')}: no such file` });
    const pdf = writeLines(tmp, `invoice-${driver.name}.pdf`, ['%PDF-1.4', '%%EOF']);
    expect((await importFiles(db, ACCOUNTS.US, 'auto', [pdf])).files[0]!.error).toBe(`${pdf}: not a text report: it is a PDF document`);
    expect(await count(db, 'inventory_ledger_events')).toBe(5);
  });

  it.skipIf(!existsSync(HEADERS))('refuses the reports it recognises but does not import, naming them', async () => {
    await seedAccounts(db);
    const reports = (JSON.parse(readFileSync(HEADERS, 'utf8')) as { reports: Record<string, { header_line: string }> }).reports;
    const shipments = writeLines(tmp, `fs-${driver.name}.txt`, [reports.GET_AMAZON_FULFILLED_SHIPMENTS_DATA_GENERAL!.header_line]);
    expect((await importFiles(db, ACCOUNTS.US, 'auto', [shipments])).files[0]!.error)
      .toMatch(new RegExp(`^${shipments}: this is the Amazon Fulfilled Shipments \\(GET_AMAZON_FULFILLED_SHIPMENTS_DATA_GENERAL\\) report, which claimdesk does not import`));
  });
});
