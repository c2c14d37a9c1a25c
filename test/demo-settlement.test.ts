// The demo generator's settlement V2 files and supplier files, read by the real importer: recognised from
// their header lines, imported whole, every settlement's total-amount equal to the sum of its lines, and the
// value of each after-order claim (refund_no_return, return_*) re-derived from the settlement in SQL.
import { readFileSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDemoFiles, type DemoDiscrepancy, type DemoManifest } from '../src/demo/index.ts';
import { detectHeaderLine } from '../src/recon/index.ts';
import type { Db } from '../src/platform/db/port.ts';
import { DRIVERS, freshDbPerTest } from './support/db.ts';
import { ACCOUNTS, count, importFiles, scratchDir, seedAccounts } from './support/recon.ts';

let dir: string;
let manifest: DemoManifest;
const settlementFiles = (account: 'us' | 'de') => Object.keys(manifest.files).filter((f) => f.startsWith(`amazon-${account}-settlement-`)).sort().map((f) => join(dir, f));
const firstLine = (path: string) => readFileSync(path, 'utf8').split('\n')[0]!;

beforeAll(async () => {
  dir = scratchDir('cd-demo-settlement-');
  manifest = await writeDemoFiles({ seed: 21, orders: 600, now: new Date('2026-11-15T12:00:00Z'), outDir: dir });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('demo settlement and supplier files', () => {
  it('are recognised from their header lines', () => {
    const files = [...settlementFiles('us'), ...settlementFiles('de')];
    expect(files.length).toBeGreaterThanOrEqual(18);
    for (const f of files) {
      const d = detectHeaderLine(firstLine(f));
      expect(d.ok && [d.layout.kind, d.layout.layout, d.layout.reportTypes[0]], f).toEqual(['amazon-settlement', 'v2', 'GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2']);
    }
    const costs = detectHeaderLine(firstLine(join(dir, 'supplier-costs.csv')));
    expect(costs.ok && costs.layout.kind).toBe('costs');
    const invoices = detectHeaderLine(firstLine(join(dir, 'supplier-invoices.csv')));
    expect(invoices.ok && invoices.layout.kind).toBe('invoices');
  });
});

describe.each(DRIVERS)('demo settlement import on $name', (driver) => {
  let db: Db;
  freshDbPerTest(driver, (d) => (db = d));

  it('imports every settlement file whole; totals equal the sum of the lines; claims re-derive from the sales', async () => {
    await seedAccounts(db);
    const us = await importFiles(db, ACCOUNTS.US, 'auto', settlementFiles('us'));
    const de = await importFiles(db, ACCOUNTS.DE, 'auto', settlementFiles('de'));
    for (const f of [...us.files, ...de.files]) {
      expect(f, f.file).toMatchObject({ status: 'imported', kind: 'amazon-settlement', error: null, updated: 0, duplicates: 0 });
      expect(f.rows, f.file).toBe(manifest.files[basename(f.file)]!.rows);
      expect(f.inserted, f.file).toBe(f.rows);
    }
    const files = us.files.length + de.files.length;
    expect(await count(db, 'settlements')).toBe(files);
    expect(await count(db, 'settlement_lines')).toBe([...us.files, ...de.files].reduce((s, f) => s + f.rows - 1, 0));
    const totals = await db.query<{ settlement_id: string; currency: string; total_minor: string; lines: string; n: number }>(
      `SELECT s.settlement_id, s.currency, s.total_minor::text, coalesce(sum(l.amount_minor), 0)::text AS lines, count(l.id)::int AS n
       FROM settlements s LEFT JOIN settlement_lines l ON l.settlement_id = s.settlement_id AND l.account_id = s.account_id
       GROUP BY s.settlement_id, s.currency, s.total_minor, s.account_id`);
    expect(totals.rows).toHaveLength(files);
    for (const t of totals.rows) {
      expect(t.total_minor, t.settlement_id).toBe(t.lines);
      expect(t.n).toBeGreaterThan(0);
    }
    const byAccount = await db.query<{ account_id: string; currency: string }>('SELECT DISTINCT account_id, currency FROM settlement_lines ORDER BY account_id');
    expect(byAccount.rows).toEqual([{ account_id: ACCOUNTS.DE, currency: 'EUR' }, { account_id: ACCOUNTS.US, currency: 'USD' }]);
    const untimed = await count(db, 'settlement_lines', "posted_at IS NULL OR transaction_type IS NULL OR amount_type IS NULL OR layout <> 'v2'");
    expect(untimed).toBe(0);

    // Per unit: principal + commission of the sale = the claim value per unit (sale price minus the 15 % referral fee).
    const claims = readFileSync(join(dir, 'manifest.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as DemoDiscrepancy)
      .filter((e) => e.type === 'refund_no_return' || e.type.startsWith('return_'));
    expect(claims.length).toBeGreaterThan(0);
    for (const e of claims) {
      const r = await db.query<{ per_unit: string }>(
        `SELECT (sum(amount_minor) / max(quantity_purchased))::text AS per_unit FROM settlement_lines
         WHERE transaction_type = 'Order' AND order_id = $1 AND sku = $2
           AND ((amount_type = 'ItemPrice' AND amount_description = 'Principal') OR (amount_type = 'ItemFees' AND amount_description = 'Commission'))`,
        [e.orderId, e.sku]);
      expect(Number(r.rows[0]?.per_unit) * e.quantity, e.id).toBe(e.valueMinor);
    }

    // Every reimbursement paid is in a settlement, with the same amount.
    const reimb = await importFiles(db, ACCOUNTS.US, 'amazon-reimbursements', [join(dir, 'amazon-us-fba-reimbursements.tsv')]);
    expect(reimb.rejected).toBe(0);
    const unmatched = await db.query(
      `SELECT r.reimbursement_id FROM fba_reimbursements r
       LEFT JOIN settlement_lines l ON l.account_id = r.account_id AND l.adjustment_id = r.reimbursement_id AND l.amount_type = 'FBA Inventory Reimbursement'
       WHERE l.id IS NULL OR l.amount_minor <> r.amount_total_minor`);
    expect(unmatched.rows).toEqual([]);

    const again = await importFiles(db, ACCOUNTS.US, 'auto', settlementFiles('us'));
    expect(again.files.every((f) => f.status === 'unchanged')).toBe(true);
  });

  it('imports supplier costs and invoices', async () => {
    await seedAccounts(db);
    const costs = await importFiles(db, null, 'costs', [join(dir, 'supplier-costs.csv')]);
    expect(costs.files[0]).toMatchObject({ status: 'imported', rows: manifest.files['supplier-costs.csv']!.rows, inserted: manifest.files['supplier-costs.csv']!.rows });
    const kettle = await db.query(`SELECT unit_cost_minor::int AS c, currency, effective_from, supplier FROM supplier_costs WHERE sku = 'KT-KETTLE-GSK' ORDER BY currency`);
    expect(kettle.rows).toEqual([
      { c: 2305, currency: 'EUR', effective_from: null, supplier: 'Shenzhen Brightway Electronics Co., Ltd.' },
      { c: 2480, currency: 'USD', effective_from: null, supplier: 'Shenzhen Brightway Electronics Co., Ltd.' },
    ]);
    const invoices = await importFiles(db, null, 'invoices', [join(dir, 'supplier-invoices.csv')]);
    const rows = manifest.files['supplier-invoices.csv']!.rows;
    expect(rows).toBeGreaterThan(0);
    expect(invoices.files[0]).toMatchObject({ status: 'imported', rows, inserted: rows, duplicates: 0 });
    const mismatched = await count(db, 'supplier_invoices i JOIN supplier_costs c ON c.sku = i.sku AND c.currency = i.currency', 'i.unit_cost_minor <> c.unit_cost_minor');
    expect(mismatched).toBe(0);
    // Quoted cells (a comma and doubled quotes in the supplier's name) come through intact.
    expect(await count(db, 'supplier_costs', 'supplier = $1', ['Yangjiang "Green Leaf" Silicone & Bamboo Products Co., Ltd.'])).toBe(10);
  });
});
