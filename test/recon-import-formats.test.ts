// Report formats as they come from outside (issue 5, "Import"): the public settlement fixtures and sandbox
// payloads, every report header of shared/fixtures, marketplace date and number conventions, CSV exports,
// gzip, the seller's cost and invoice files — on PGlite and on a PostgreSQL server.
//
// No public file holds data rows of the FBA returns, ledger, FBM returns or ledger summary reports (only their
// headers, shared/fixtures/README.md): those rows are built here from ../shared/reference/amazon-domain.md §1
// (its sample rows and value shapes) under the fixtures' real header lines.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { damagePhotoPng } from '../src/demo/index.ts';
import type { Db } from '../src/platform/db/port.ts';
import { REPORT_TABLES } from '../src/recon/index.ts';
import { DRIVERS, freshDbPerTest } from './support/db.ts';
import { ACCOUNTS, count, importFiles, scratchDir, seedAccounts, tsv, writeLines } from './support/recon.ts';

const FIX = join(import.meta.dirname, '../../shared/fixtures');
const REPORTS = join(FIX, 'amazon-reports');
const HEADERS = join(REPORTS, 'report-headers.json');
const SANDBOX = join(FIX, 'amazon-sp-api/sandbox-examples-index.json');
for (const [what, path] of [['Amazon report fixtures', REPORTS], ['SP-API sandbox examples', SANDBOX]] as const) {
  if (!existsSync(path)) console.warn(`[skip] ${path} is absent: the ${what} are not imported`);
}
const headers = existsSync(HEADERS) ? (JSON.parse(readFileSync(HEADERS, 'utf8')) as { reports: Record<string, { header_line: string; columns: string[] }> }).reports : {};
const header = (type: string) => Object.entries(headers).find(([k]) => k.split(' ')[0] === type)![1];

const tmp = scratchDir('cd-recon-formats-');
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const iso = (d: unknown) => (d instanceof Date ? d.toISOString() : d);

describe.each(DRIVERS)('report formats on $name', (driver) => {
  let db: Db;
  freshDbPerTest(driver, (d) => (db = d));
  const file = (name: string, lines: string[]) => writeLines(tmp, `${driver.name}-${name}`, lines);
  type Line = Record<'settlement_id' | 'layout' | 'transaction_type' | 'order_id' | 'amount_type' | 'amount_description' | 'currency', string | null> & { amount_minor: number | null; quantity_purchased: number | null; posted_at: unknown };
  const lines = async (where = 'TRUE') => (await db.query<Line>(
    `SELECT settlement_id, layout, transaction_type, order_id, amount_type, amount_description, amount_minor, currency, quantity_purchased, posted_at
     FROM settlement_lines WHERE ${where} ORDER BY source_line, id`)).rows.map((r) => ({ ...r, posted_at: iso(r.posted_at) }));

  it.skipIf(!existsSync(REPORTS))('settlement files from the public fixtures: the summary row, then one line per amount', async () => {
    await seedAccounts(db);
    const airbyte = join(REPORTS, 'airbyte/GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE.csv');
    const mws = join(REPORTS, 'mws-rs/settlement-v2-flatfile.from-test.tsv');
    // Real rows of a sandbox seller (Airbyte's expected records), as the flat file they were read from: a
    // settlement whose lines do not sum to its total — stored as Amazon wrote it, not "corrected".
    const records = readFileSync(join(REPORTS, 'airbyte/expected_records.excerpt.jsonl'), 'utf8').split('\n').filter(Boolean)
      .map((l) => JSON.parse(l) as { stream: string; data: Record<string, string | null> }).filter((r) => r.stream === 'GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE');
    const cols = Object.keys(records[0]!.data);
    const sandbox = file('sandbox-settlement.tsv', [cols.join('\t'), ...records.map((r) => cols.map((c) => r.data[c] ?? '').join('\t'))]);
    const r = await importFiles(db, ACCOUNTS.US, 'amazon-settlement', [airbyte, mws, sandbox]);
    expect(r.files.map((f) => [f.status, f.rows, f.inserted])).toEqual([['imported', 2, 3], ['imported', 4, 4], ['imported', 3, 3]]);
    const s = await db.query('SELECT settlement_id, start_at, end_at, deposit_at, total_minor, currency FROM settlements ORDER BY settlement_id');
    expect(s.rows.map((x) => ({ ...x, start_at: iso(x.start_at), end_at: iso(x.end_at), deposit_at: iso(x.deposit_at) }))).toEqual([
      { settlement_id: '12345678901', start_at: '2023-01-01T00:00:00.000Z', end_at: '2023-01-15T00:00:00.000Z', deposit_at: '2023-01-17T00:00:00.000Z', total_minor: 123456, currency: 'USD' },
      { settlement_id: '19009771651', start_at: '2023-11-13T22:51:31.000Z', end_at: '2023-12-11T22:51:31.000Z', deposit_at: '2023-12-13T22:51:31.000Z', total_minor: -3999, currency: 'USD' },
      { settlement_id: '6016502941', start_at: '2015-12-02T03:27:08.000Z', end_at: '2015-12-16T03:27:08.000Z', deposit_at: '2015-12-18T03:27:08.000Z', total_minor: 1663013, currency: 'USD' },
    ]);
    const base = { layout: 'legacy', currency: 'USD' };
    expect(await lines(`settlement_id = '12345678901'`)).toEqual([
      { ...base, settlement_id: '12345678901', transaction_type: 'Order', order_id: '111-1111111-1111111', amount_type: 'ItemPrice', amount_description: 'Principal', amount_minor: 1999, quantity_purchased: 1, posted_at: '2023-01-03T10:00:00.000Z' },
      { ...base, settlement_id: '12345678901', transaction_type: 'Order', order_id: '111-1111111-1111111', amount_type: 'ItemFees', amount_description: 'FBAPerUnitFulfillmentFee', amount_minor: -322, quantity_purchased: null, posted_at: '2023-01-03T10:00:00.000Z' },
    ]);
    expect((await lines(`settlement_id = '6016502941'`)).map((l) => [l.amount_type, l.amount_description, l.amount_minor, l.quantity_purchased])).toEqual([
      [null, null, null, 1], ['ItemPrice', 'Principal', 2799, null], ['ItemFees', 'FBAPerOrderFulfillmentFee', -100, null],
    ]);
    expect((await lines(`settlement_id = '19009771651'`)).map((l) => [l.transaction_type, l.amount_type, l.amount_minor])).toEqual([
      ['Payable to Amazon', 'Other', -3999], ['Subscription Fee', 'Other', -3999],
    ]);
    const extra = await db.query(`SELECT extra FROM settlement_lines WHERE settlement_id = '19009771651' LIMIT 1`);
    expect(extra.rows[0]!.extra).toEqual({ dataEndTime: '2023-12-11' });
    expect(await importFiles(db, ACCOUNTS.US, 'amazon-settlement', [airbyte, mws, sandbox], { force: true })).toMatchObject({ inserted: 0, duplicates: 10 });
  });

  it.skipIf(!existsSync(HEADERS))('every importable header of report-headers.json imports, and rows built from amazon-domain.md §1 land typed', async () => {
    await seedAccounts(db);
    for (const [name, rep] of Object.entries(headers)) {
      const r = await importFiles(db, ACCOUNTS.US, 'auto', [file(`${name.split(' ')[0]}.txt`, [rep.header_line])]);
      const f = r.files[0]!;
      if (/FULFILLED_SHIPMENTS|MYI_UNSUPPRESSED/.test(name)) expect(f.error, name).toMatch(/does not import/);
      else expect(f, name).toMatchObject({ status: 'imported', rows: 0, inserted: 0 });
    }
    // §1.1's sample row under the real returns header.
    const returns = file('returns.tsv', [header('GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA').header_line,
      tsv('2026-09-03T15:00:00+00:00', '111-0000001-0000001', 'SC-1', 'B0SAMPLE', 'X00SAMPLE', 'Sample Cam', 1, 'AAA1', 'SELLABLE', 'NOT_COMPATIBLE', 'Unit returned to inventory', 'LPN-A1', 'Not Compatible|Wifi')]);
    expect(await importFiles(db, ACCOUNTS.US, 'amazon-returns', [returns])).toMatchObject({ inserted: 1 });
    const ret = await db.query('SELECT returned_at, order_id, sku, fnsku, quantity, fulfillment_center_id, detailed_disposition, reason, status, license_plate_number, customer_comments FROM fba_customer_returns');
    expect(ret.rows.map((x) => ({ ...x, returned_at: iso(x.returned_at) }))).toEqual([{ returned_at: '2026-09-03T15:00:00.000Z', order_id: '111-0000001-0000001', sku: 'SC-1', fnsku: 'X00SAMPLE', quantity: 1, fulfillment_center_id: 'AAA1', detailed_disposition: 'SELLABLE', reason: 'NOT_COMPATIBLE', status: 'Unit returned to inventory', license_plate_number: 'LPN-A1', customer_comments: 'Not Compatible|Wifi' }]);
    // A later download says the unit was reimbursed: the status follows, nothing is added.
    const reimbursed = file('returns-2.tsv', [readFileSync(returns, 'utf8').replace('Unit returned to inventory', 'Reimbursed').trimEnd()]);
    expect(await importFiles(db, ACCOUNTS.US, 'amazon-returns', [reimbursed])).toMatchObject({ inserted: 0, updated: 1 });
    expect((await db.query('SELECT status FROM fba_customer_returns')).rows).toEqual([{ status: 'Reimbursed' }]);

    // Ledger summary (§1.3): monthly (MM/YYYY) and daily periods.
    const summary = header('GET_LEDGER_SUMMARY_VIEW_DATA');
    const sumRow = (date: string, lost: number) => tsv(date, 'X001SL', 'B0000COYXD', 'SLU_2PK', 'Shadow', 'SELLABLE', 50, 0, 10, -12, 2, 0, 0, 1, -lost, 0, 0, 0, 51 - lost, 0, 'US');
    const s = await importFiles(db, ACCOUNTS.US, 'amazon-ledger-summary', [file('summary.tsv', [summary.header_line, sumRow('10/2023', 2), sumRow('10/15/2023', 1)])]);
    expect(s).toMatchObject({ inserted: 2, rejected: 0 });
    const sr = await db.query(`SELECT period, period_start::text AS start, period_kind, lost, ending_warehouse_balance, warehouse_transfer_in_out, location FROM inventory_ledger_summary ORDER BY period_start`);
    expect(sr.rows).toEqual([
      { period: '10/2023', start: '2023-10-01', period_kind: 'month', lost: -2, ending_warehouse_balance: 49, warehouse_transfer_in_out: 0, location: 'US' },
      { period: '10/15/2023', start: '2023-10-15', period_kind: 'day', lost: -1, ending_warehouse_balance: 50, warehouse_transfer_in_out: 0, location: 'US' },
    ]);

    // FBM returns (§1.1, Title-Case headers): yes/no columns, amounts in the row's currency.
    const fbm = header('GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE (MFN returns)'.split(' ')[0]!);
    const fbmRow = tsv('113-2355691-4739435', '2026-10-01T10:00:00+00:00', '2026-10-12T08:30:00+00:00', 'Approved', 'DxQ1tYxkRRMA', '', 'AmazonUnPaidLabel', '7.45', 'USD', 'USPS', '9400111899223197428490', 'Seller', 'N', 'Y',
      'B07GTBCAH7', 'KT-PRESS-SLV', 'Garlic press', 1, 'DEFECTIVE', 'Y', 'C-Returns', 'StandardRefund', '', '2026-10-18T16:00:00+00:00', '19.99', 1, '', '', '', '', '', '19.99');
    expect(await importFiles(db, ACCOUNTS.US, 'amazon-fbm-returns', [file('fbm.tsv', [fbm.header_line, fbmRow])])).toMatchObject({ inserted: 1 });
    const fr = await db.query('SELECT order_id, status, amazon_rma_id, label_cost_minor, currency, a_to_z_claim, is_prime, in_policy, sku, quantity, return_reason, order_amount_minor, refunded_amount_minor, delivered_at FROM fbm_returns');
    expect(fr.rows.map((x) => ({ ...x, delivered_at: iso(x.delivered_at) }))).toEqual([{ order_id: '113-2355691-4739435', status: 'Approved', amazon_rma_id: 'DxQ1tYxkRRMA', label_cost_minor: 745, currency: 'USD', a_to_z_claim: false, is_prime: true, in_policy: true, sku: 'KT-PRESS-SLV', quantity: 1, return_reason: 'DEFECTIVE', order_amount_minor: 1999, refunded_amount_minor: 1999, delivered_at: '2026-10-18T16:00:00.000Z' }]);

    // The archived orders header (same family as All Orders): unknown columns are kept in `extra`.
    const archived = header('GET_FLAT_FILE_ARCHIVED_ORDERS_DATA_BY_ORDER_DATE');
    const row = archived.columns.map((c) => ({ 'amazon-order-id': '112-1438880-6813060', 'purchase-date': '2023-09-22T05:53:28+00:00', 'order-status': 'Shipped', sku: 'CR-1', quantity: '2', currency: 'USD', 'item-price': '32.10', url: 'https://example.test/o', 'is-business-order': 'false', 'is-replacement-order': 'true' } as Record<string, string>)[c] ?? '');
    expect(await importFiles(db, ACCOUNTS.US, 'amazon-orders', [file('archived.tsv', [archived.header_line, row.join('\t')])])).toMatchObject({ inserted: 1 });
    expect((await db.query('SELECT quantity, item_price_minor, is_business_order, is_replacement_order, extra FROM amazon_order_lines')).rows)
      .toEqual([{ quantity: 2, item_price_minor: 3210, is_business_order: false, is_replacement_order: true, extra: { url: 'https://example.test/o' } }]);
  });

  it.skipIf(!existsSync(SANDBOX))('Fulfillment Inbound v0 payloads from the SP-API sandbox examples, then a later flat file with receipts', async () => {
    await seedAccounts(db);
    const index = JSON.parse(readFileSync(SANDBOX, 'utf8')) as Record<string, { examples: { status: string; response: unknown }[] }>;
    const ok = (op: string) => index[`models/fulfillment-inbound-api-model/fulfillmentInboundV0.json#${op}`]!.examples.filter((e) => e.status === '200').map((e) => e.response);
    const shipments = file('shipments.json', [JSON.stringify(ok('getShipments')[0], null, 2)]);
    const pages = ok('getShipmentItems').map((p, i) => file(`items-${i}.json`, [JSON.stringify(p)]));
    const r = await importFiles(db, ACCOUNTS.US, 'amazon-inbound', [shipments, ...pages]);
    // The second page repeats the first's item: stored once.
    expect(r.files.map((f) => [f.status, f.rows, f.inserted, f.duplicates])).toEqual([['imported', 1, 1, 0], ['imported', 1, 1, 0], ['imported', 1, 0, 1]]);
    const s = await db.query('SELECT shipment_id, shipment_name, destination_fc, status, status_rank, label_prep_type, box_contents_source, extra FROM inbound_shipments');
    expect(s.rows).toEqual([{ shipment_id: 'FBA15DJ9S3J5', shipment_name: 'FBA (2/11/20, 11:18 AM) - 1', destination_fc: 'MKC6', status: 'SHIPPED', status_rank: 3, label_prep_type: 'SELLER_LABEL', box_contents_source: 'INTERACTIVE', extra: { ShipFromAddress: expect.stringContaining('501 Fairview Ave N') } }]);
    const items = async () => (await db.query('SELECT shipment_id, sku, fnsku, quantity_shipped, quantity_received, quantity_in_case, release_date::text AS release, extra FROM inbound_shipment_items')).rows;
    expect(await items()).toEqual([{ shipment_id: 'FBA15DF2763D', sku: 'CR-47K6-H6QN', fnsku: 'X0014BIZ8T', quantity_shipped: 4, quantity_received: 0, quantity_in_case: 0, release: '2013-05-29', extra: { PrepDetailsList: expect.stringContaining('Polybagging') } }]);
    // Later, as a flat file: 3 of 4 received, the shipment receiving. Then the old payload again changes nothing.
    const later = file('items-later.tsv', [tsv('ShipmentId', 'ShipmentStatus', 'SellerSKU', 'FulfillmentNetworkSKU', 'QuantityShipped', 'QuantityReceived'), tsv('FBA15DF2763D', 'RECEIVING', 'CR-47K6-H6QN', 'X0014BIZ8T', 4, 3)]);
    expect(await importFiles(db, ACCOUNTS.US, 'amazon-inbound', [later])).toMatchObject({ inserted: 1, updated: 1 });
    expect(await importFiles(db, ACCOUNTS.US, 'amazon-inbound', [pages[0]!], { force: true })).toMatchObject({ inserted: 0, updated: 0 });
    expect((await items())[0]).toMatchObject({ quantity_shipped: 4, quantity_received: 3 });
    expect((await db.query(`SELECT status FROM inbound_shipments WHERE shipment_id = 'FBA15DF2763D'`)).rows).toEqual([{ status: 'RECEIVING' }]);
  });

  it('marketplace conventions: DE dotted dates and decimal commas, UK day-first dates, JP yen; quoted CSV and gzip', async () => {
    await seedAccounts(db);
    // A DE settlement V2 file (§1.8 column order) as a Seller Central download writes it.
    const v2 = ['settlement-id', 'settlement-start-date', 'settlement-end-date', 'deposit-date', 'total-amount', 'currency', 'transaction-type', 'order-id', 'merchant-order-id', 'adjustment-id', 'shipment-id', 'marketplace-name', 'amount-type', 'amount-description', 'amount', 'fulfillment-id', 'posted-date', 'posted-date-time', 'order-item-code', 'merchant-order-item-id', 'merchant-adjustment-item-id', 'sku', 'quantity-purchased', 'promotion-id'];
    const cells = (o: Record<string, string>) => v2.map((c) => o[c] ?? '').join('\t');
    const de = file('de-settlement.txt', [v2.join('\t'),
      cells({ 'settlement-id': '777', 'settlement-start-date': '03.01.2023 00:00:00 UTC', 'settlement-end-date': '17.01.2023 00:00:00 UTC', 'deposit-date': '19.01.2023 00:00:00 UTC', 'total-amount': '1.234,56', currency: 'EUR' }),
      cells({ 'settlement-id': '777', 'transaction-type': 'Order', 'order-id': '302-1234567-1234567', 'amount-type': 'ItemFees', 'amount-description': 'FBAPerUnitFulfillmentFee', amount: '-3,22', 'posted-date': '05.01.2023', 'sku': 'KT-1', 'marketplace-name': 'Amazon.de' }),
      cells({ 'settlement-id': '777', 'transaction-type': 'other-transaction', 'amount-type': 'FBA Inventory Reimbursement', 'amount-description': 'WAREHOUSE_LOST', amount: '12,50', 'posted-date': '06.01.2023', 'posted-date-time': '06.01.2023 14:05:00 UTC' })]);
    expect(await importFiles(db, ACCOUNTS.DE, 'auto', [de])).toMatchObject({ inserted: 3, rejected: 0 });
    expect((await db.query(`SELECT total_minor, currency FROM settlements`)).rows).toEqual([{ total_minor: 123456, currency: 'EUR' }]);
    expect((await lines()).map((l) => [l.layout, l.amount_type, l.amount_description, l.amount_minor, l.currency, l.posted_at])).toEqual([
      ['v2', 'ItemFees', 'FBAPerUnitFulfillmentFee', -322, 'EUR', '2023-01-05T00:00:00.000Z'],
      ['v2', 'FBA Inventory Reimbursement', 'WAREHOUSE_LOST', 1250, 'EUR', '2023-01-06T14:05:00.000Z'],
    ]);

    // UK returns downloaded with day-first dates: 26/05 proves the order, so 03/04 is the 3rd of April.
    const rh = 'return-date\torder-id\tsku\tasin\tfnsku\tproduct-name\tquantity\tfulfillment-center-id\tdetailed-disposition\treason\tstatus';
    const uk = file('uk-returns.tsv', [rh, tsv('03/04/2021', '203-1', 'S1', 'A1', 'X1', 'Kettle', 1, 'LTN4', 'DAMAGED', 'DEFECTIVE', ''), tsv('26/05/2021', '203-2', 'S1', 'A1', 'X1', 'Kettle', 1, 'LTN4', 'CARRIER_DAMAGED', 'DEFECTIVE', '')]);
    expect(await importFiles(db, ACCOUNTS.UK, 'amazon-returns', [uk])).toMatchObject({ inserted: 2 });
    expect((await db.query(`SELECT order_id, returned_at FROM fba_customer_returns ORDER BY order_id`)).rows.map((x) => [x.order_id, iso(x.returned_at)]))
      .toEqual([['203-1', '2021-04-03T00:00:00.000Z'], ['203-2', '2021-05-26T00:00:00.000Z']]);

    // A DE ledger download with Seller Central's spaced headers and dotted dates.
    const deLedger = file('de-ledger.tsv', ['Date\tFNSKU\tASIN\tMSKU\tTitle\tEvent Type\tReference ID\tQuantity\tFulfillment Center\tDisposition\tReason\tCountry\tReconciled Quantity\tUnreconciled Quantity',
      tsv('26.05.2021', 'X001SL', 'B0000COYXD', 'SLU_2PK', 'Schatten', 'Adjustments', '21188081', -16, 'FRA3', 'Sellable', 'M', 'DE', 5, 11)]);
    expect(await importFiles(db, ACCOUNTS.DE, 'amazon-ledger', [deLedger])).toMatchObject({ inserted: 1 });
    expect((await db.query(`SELECT event_date::text AS d, event_type, reference_id, unreconciled_quantity FROM inventory_ledger_events`)).rows)
      .toEqual([{ d: '2021-05-26', event_type: 'Adjustments', reference_id: '21188081', unreconciled_quantity: 11 }]);

    // JP reimbursements without a currency column: yen from the marketplace, no decimals.
    const jp = file('jp-reimb.tsv', [tsv('approval-date', 'reimbursement-id', 'reason', 'sku', 'amount-per-unit', 'amount-total', 'quantity-reimbursed-cash'), tsv('2026-08-24T19:23:49+09:00', 'R-JP-1', 'Lost_Warehouse', 'JP-1', '1500', '3,000', 2)]);
    expect(await importFiles(db, ACCOUNTS.JP, 'amazon-reimbursements', [jp])).toMatchObject({ inserted: 1 });
    expect((await db.query(`SELECT currency, amount_per_unit_minor, amount_total_minor, approved_at FROM fba_reimbursements`)).rows.map((x) => ({ ...x, approved_at: iso(x.approved_at) })))
      .toEqual([{ currency: 'JPY', amount_per_unit_minor: 1500, amount_total_minor: 3000, approved_at: '2026-08-24T10:23:49.000Z' }]);

    // A quoted CSV export: commas inside quotes, a line break inside a comment; lines are counted as in the file.
    const csv = file('us-returns.csv', ['"return-date","order-id","sku","fnsku","product-name","quantity","detailed-disposition","reason","customer-comments"',
      '"2026-09-03T15:00:00+00:00","111-1","SC-1","X1","Pan, 28 cm","1","SELLABLE","DEFECTIVE","arrived ""dented""',
      'and scratched"', '"2026-09-04T15:00:00+00:00","111-2","SC-1","X1","Pan, 28 cm","x","SELLABLE","DEFECTIVE",""']);
    const bad = await importFiles(db, ACCOUNTS.US, 'auto', [csv]);
    expect(bad.files[0]!.error).toBe(`${csv}:4:6 (quantity): "x" is not a whole number`);
    writeFileSync(csv, readFileSync(csv, 'utf8').replace('"x"', '"2"'));
    expect(await importFiles(db, ACCOUNTS.US, 'auto', [csv])).toMatchObject({ inserted: 2 });
    expect((await db.query(`SELECT product_name, quantity, customer_comments, source_line FROM fba_customer_returns WHERE account_id = $1 ORDER BY source_line`, [ACCOUNTS.US])).rows).toEqual([
      { product_name: 'Pan, 28 cm', quantity: 1, customer_comments: 'arrived "dented"\nand scratched', source_line: 2 },
      { product_name: 'Pan, 28 cm', quantity: 2, customer_comments: null, source_line: 4 },
    ]);

    // gzip, as SP-API report documents arrive.
    const gz = join(tmp, `${driver.name}-ledger.tsv.gz`);
    writeFileSync(gz, gzipSync(readFileSync(deLedger, 'utf8').replace('21188081', '21188082')));
    expect(await importFiles(db, ACCOUNTS.DE, 'auto', [gz])).toMatchObject({ inserted: 1, rejected: 0 });
  });

  it('text that is not UTF-8: Windows-1252 downloads, UTF-16 spreadsheets with a byte-order mark; a quoted header with the delimiter inside', async () => {
    await seedAccounts(db);
    const rh = 'return-date\torder-id\tsku\tfnsku\tproduct-name\tquantity\tdetailed-disposition\treason';
    const row = (order: string) => tsv('2026-08-03T05:18:05+00:00', order, 'KT-PEEL-Y3', 'X00DRB7FUM', 'Sparschäler-Set, 3-teilig – grün', 1, 'SELLABLE', 'UNWANTED_ITEM');
    const latin = join(tmp, `${driver.name}-cp1252.tsv`);
    const cp1252 = (text: string) => Buffer.from([...text].map((ch) => (ch === '–' ? 0x96 : ch.charCodeAt(0))));
    writeFileSync(latin, cp1252(`${rh}\n${row('305-1')}\n`));
    const utf16 = join(tmp, `${driver.name}-utf16.tsv`);
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${rh}\r\n${row('305-2')}\r\n`, 'utf16le')]));
    const quoted = file('quoted-header.csv', ['"return-date","order-id","sku","product-name, as listed","quantity","detailed-disposition"', '"2026-08-03T05:18:05+00:00","305-3","KT-1","Pan, 28 cm","1","SELLABLE"']);
    expect(await importFiles(db, ACCOUNTS.DE, 'auto', [latin, utf16, quoted])).toMatchObject({ inserted: 3, rejected: 0 });
    expect((await db.query('SELECT order_id, product_name, extra FROM fba_customer_returns ORDER BY order_id')).rows).toEqual([
      { order_id: '305-1', product_name: 'Sparschäler-Set, 3-teilig – grün', extra: {} },
      { order_id: '305-2', product_name: 'Sparschäler-Set, 3-teilig – grün', extra: {} },
      { order_id: '305-3', product_name: null, extra: { 'product-name, as listed': 'Pan, 28 cm' } },
    ]);
  });

  it("the seller's costs and invoices: CSV in local conventions, documents stored once, and refused with the reason", async () => {
    await seedAccounts(db);
    const costsDe = file('costs-de.csv', ['"SKU";"Unit cost";"Currency";"Effective from";"Note"', '"KT-PRESS-SLV";"4,25";"EUR";"10.03.2025";"new mould"', '"KT-PEEL-Y3";"1.234,50";"EUR";"";""']);
    expect(await importFiles(db, null, 'costs', [costsDe], { marketplace: 'DE' })).toMatchObject({ inserted: 2, rejected: 0 });
    const costsUs = file('costs-us.tsv', [tsv('sku', 'manufacturing cost', 'effective date'), tsv('KT-PRESS-SLV', '4.60', '2025-03-10')]);
    expect(await importFiles(db, null, 'auto', [costsUs], { fallbackCurrency: 'USD' })).toMatchObject({ inserted: 1 });
    const fixedCost = file('costs-us-fixed.tsv', [tsv('sku', 'manufacturing cost', 'effective date'), tsv('KT-PRESS-SLV', '4.65', '2025-03-10')]);
    expect(await importFiles(db, null, 'costs', [fixedCost], { fallbackCurrency: 'USD' })).toMatchObject({ inserted: 0, updated: 1 });
    expect((await db.query(`SELECT sku, unit_cost_minor, currency, effective_from::text AS since, extra FROM supplier_costs ORDER BY sku, currency`)).rows).toEqual([
      { sku: 'KT-PEEL-Y3', unit_cost_minor: 123450, currency: 'EUR', since: null, extra: {} },
      { sku: 'KT-PRESS-SLV', unit_cost_minor: 425, currency: 'EUR', since: '2025-03-10', extra: { Note: 'new mould' } },
      { sku: 'KT-PRESS-SLV', unit_cost_minor: 465, currency: 'USD', since: '2025-03-10', extra: {} },
    ]);
    const ambiguous = file('costs-ambiguous.csv', ['sku,cost,currency,effective from', 'KT-1,1.00,USD,03/04/2025']);
    expect((await importFiles(db, null, 'costs', [ambiguous])).files[0]!.error).toBe(`${ambiguous}:2:4 (effective from): "03/04/2025" is ambiguous: day/month order unknown (give --marketplace, or write dates as YYYY-MM-DD)`);

    // Invoices: an index of invoice lines naming their PDF or image, relative to the index file.
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
    const png = damagePhotoPng(3);
    writeFileSync(join(tmp, `${driver.name}-inv-1001.pdf`), pdf);
    writeFileSync(join(tmp, `${driver.name}-inv-1002.png`), png);
    const index = file('invoices.csv', ['supplier,invoice number,invoice date,sku,description,quantity,unit cost,currency,file',
      `Ningbo Kitchenware Co.,INV-1001,2025-02-03,KT-PRESS-SLV,"Garlic press, silver",500,4.25,USD,${driver.name}-inv-1001.pdf`,
      `Ningbo Kitchenware Co.,INV-1001,2025-02-03,KT-PEEL-Y3,Peeler set,800,1.10,USD,${driver.name}-inv-1001.pdf`,
      `Ningbo Kitchenware Co.,INV-1002,2025-06-01,KT-PRESS-SLV,Garlic press,300,4.25,USD,${driver.name}-inv-1002.png`]);
    expect(await importFiles(db, null, 'invoices', [index])).toMatchObject({ inserted: 3, rejected: 0 });
    const sha = (b: Buffer | Uint8Array) => createHash('sha256').update(b).digest('hex');
    expect((await db.query(`SELECT invoice_number, invoice_date::text AS d, sku, quantity, unit_cost_minor, currency, document_sha256, document_name FROM supplier_invoices ORDER BY source_line`)).rows).toEqual([
      { invoice_number: 'INV-1001', d: '2025-02-03', sku: 'KT-PRESS-SLV', quantity: 500, unit_cost_minor: 425, currency: 'USD', document_sha256: sha(pdf), document_name: `${driver.name}-inv-1001.pdf` },
      { invoice_number: 'INV-1001', d: '2025-02-03', sku: 'KT-PEEL-Y3', quantity: 800, unit_cost_minor: 110, currency: 'USD', document_sha256: sha(pdf), document_name: `${driver.name}-inv-1001.pdf` },
      { invoice_number: 'INV-1002', d: '2025-06-01', sku: 'KT-PRESS-SLV', quantity: 300, unit_cost_minor: 425, currency: 'USD', document_sha256: sha(png), document_name: `${driver.name}-inv-1002.png` },
    ]);
    const docs = await db.query<{ content_type: string; size_bytes: number }>(`SELECT content_type, size_bytes FROM attachments WHERE workspace_id = 'ws_recon' ORDER BY content_type`);
    expect(docs.rows).toEqual([{ content_type: 'application/pdf', size_bytes: pdf.length }, { content_type: 'image/png', size_bytes: png.length }]);
    expect(await importFiles(db, null, 'invoices', [index], { force: true })).toMatchObject({ inserted: 0, updated: 0, duplicates: 3 });
    const missing = file('invoices-missing.csv', ['supplier,invoice number,invoice date,sku,quantity,file', 'Ningbo,INV-9,2025-02-03,KT-1,5,nowhere.pdf']);
    expect((await importFiles(db, null, 'invoices', [missing])).files[0]!.error).toBe(`${missing}:2:6 (file): "nowhere.pdf": no such file (looked for ${join(tmp, 'nowhere.pdf')})`);
    writeFileSync(join(tmp, `${driver.name}-fake.pdf`), 'not a pdf');
    const fake = file('invoices-fake.csv', ['supplier,invoice number,invoice date,sku,quantity,file', `Ningbo,INV-9,2025-02-03,KT-1,5,${driver.name}-fake.pdf`]);
    expect((await importFiles(db, null, 'invoices', [fake])).files[0]!.error).toMatch(/:2:6 \(file\): ".*-fake.pdf" is not a application\/pdf file/);
    expect(await count(db, 'supplier_invoices')).toBe(3);
  });

  it('the tables the importer writes have the columns and types it declares', async () => {
    const types: Record<string, string[]> = { text: ['text', 'character'], integer: ['integer'], bigint: ['bigint'], smallint: ['smallint'], timestamptz: ['timestamp with time zone'], date: ['date'], boolean: ['boolean'] };
    for (const spec of Object.values(REPORT_TABLES)) {
      const r = await db.query<{ column_name: string; data_type: string }>('SELECT column_name, data_type FROM information_schema.columns WHERE table_name = $1', [spec.name]);
      const actual = Object.fromEntries(r.rows.map((c) => [c.column_name, c.data_type]));
      for (const [col, t] of Object.entries(spec.columns)) expect(types[t], `${spec.name}.${col}`).toContain(actual[col]);
      for (const col of ['workspace_id', 'source_import_id', 'source_line', 'extra', ...(spec.accountScoped ? ['account_id'] : []), ...(spec.hash ? ['row_hash'] : []), ...(spec.occurrence ? [spec.occurrence.column] : [])]) {
        expect(actual[col], `${spec.name}.${col}`).toBeDefined();
      }
    }
  });
});
