import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AMAZON_REPORTS, SELLER_REMOVAL_RECEIPTS } from '../../demo/report-headers.ts';
import { describe as describeLayout, detectHeaderLine, detectLayout, LAYOUTS } from './detect.ts';
import { normaliseHeader, sniffDelimiter, splitHeaderLine } from './headers.ts';
import { mapColumns, parseRow } from './map-row.ts';
import { IMPORT_KINDS } from './spec.ts';

const HEADERS = resolve(import.meta.dirname, '../../../../shared/fixtures/amazon-reports/report-headers.json');
const fixtures = existsSync(HEADERS)
  ? Object.entries((JSON.parse(readFileSync(HEADERS, 'utf8')) as { reports: Record<string, { header_line: string; columns: string[] }> }).reports)
  : [];
if (!fixtures.length) console.warn(`[skip] ${HEADERS} is absent: the report-header fixtures are not checked`);

const kindOf = (line: string) => {
  const d = detectHeaderLine(line);
  return d.ok ? d.layout : null;
};

describe('header names are compared normalised', () => {
  it('ignores case, BOM, quotes, spaces, hyphens, underscores and slashes', () => {
    expect(['EventType', 'Event Type', 'event-type', '"Event_Type"', '\uFEFFEVENT TYPE'].map(normaliseHeader)).toEqual(Array(5).fill('eventtype'));
    expect(normaliseHeader('WarehouseTransferIn/Out')).toBe('warehousetransferinout');
    expect(splitHeaderLine('\uFEFF"a";"b c";d\r', ';')).toEqual(['a', 'b c', 'd']);
    expect(sniffDelimiter('a\tb,c')).toBe('\t');
    expect(sniffDelimiter('"a;x",b,c')).toBe(',');
    expect(sniffDelimiter('a;b;c')).toBe(';');
  });
});

describe.skipIf(!fixtures.length)('every header line in shared/fixtures/amazon-reports/report-headers.json is recognised', () => {
  it.each(fixtures)('%s', (name, report) => {
    const layout = kindOf(report.header_line);
    expect(layout, name).not.toBeNull();
    const reportType = name.split(' ')[0]!;
    expect(layout!.reportTypes).toContain(reportType);
    // Importable reports map every column of the fixture (the order report's page URLs and flags stay in
    // `extra`); the two we do not import say why.
    const kept: Record<string, string[]> = { GET_FLAT_FILE_ARCHIVED_ORDERS_DATA_BY_ORDER_DATE: ['url', 'ship-promotion-id', 'customized-url', 'customized-page', 'is-heavy-or-bulky'] };
    if (layout!.kind) expect(mapColumns(layout!, report.columns).extra.map((x) => x.name)).toEqual(kept[reportType] ?? []);
    else expect(layout!.notImported).toMatch(/\w/);
  });

  it('maps the settlement, returns and ledger fixtures to the expected kinds', () => {
    const byType = Object.fromEntries(fixtures.map(([name, r]) => [name.split(' ')[0], kindOf(r.header_line)?.kind ?? null]));
    expect(byType).toMatchObject({
      GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA: 'amazon-returns', GET_FBA_REIMBURSEMENTS_DATA: 'amazon-reimbursements',
      GET_LEDGER_DETAIL_VIEW_DATA: 'amazon-ledger', GET_LEDGER_SUMMARY_VIEW_DATA: 'amazon-ledger-summary',
      GET_FLAT_FILE_ARCHIVED_ORDERS_DATA_BY_ORDER_DATE: 'amazon-orders', GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE: 'amazon-fbm-returns',
      GET_FBA_FULFILLMENT_REMOVAL_ORDER_DETAIL_DATA: 'amazon-removals', GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE: 'amazon-settlement',
      GET_AMAZON_FULFILLED_SHIPMENTS_DATA_GENERAL: null, GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA: null,
    });
  });
});

describe("the demo generator's files are recognised from their header lines", () => {
  const expected: Record<string, string> = {
    returns: 'amazon-returns', reimbursements: 'amazon-reimbursements', ledger: 'amazon-ledger', inbound: 'amazon-inbound',
    'removal-orders': 'amazon-removals', 'removal-shipments': 'amazon-removal-shipments', 'all-orders': 'amazon-orders',
  };
  it.each(AMAZON_REPORTS.map((r) => [r.kind, r] as const))('%s', (kind, spec) => {
    const layout = kindOf(spec.columns.join('\t'));
    expect(layout?.kind).toBe(expected[kind]);
    // cpf (a Brazilian tax id) is not ours to interpret: it stays in `extra` with any other unknown column.
    expect(mapColumns(layout!, spec.columns).extra.map((x) => x.name)).toEqual(kind === 'all-orders' ? ['cpf'] : []);
  });

  it('the seller removal receiving log', () => {
    expect(kindOf(SELLER_REMOVAL_RECEIPTS.join('\t'))?.kind).toBe('removal-receipts');
  });
});

describe('spellings, variants and refusals', () => {
  it('accepts the Seller Central spellings of the ledger and the amazon-order-id alias of returns', () => {
    const spaced = 'Date\tDate and Time\tFNSKU\tASIN\tMSKU\tTitle\tEvent Type\tReference ID\tQuantity\tFulfillment Center\tDisposition\tReason\tCountry\tReconciled Quantity\tUnreconciled Quantity';
    const layout = kindOf(spaced)!;
    expect(layout.kind).toBe('amazon-ledger');
    const map = mapColumns(layout, spaced.split('\t'));
    expect(map.extra).toEqual([]);
    expect(map.fields.find((f) => f.spec.key === 'event_at')?.header).toBe('Date and Time');
    const returns = 'return-date\tamazon-order-id\tsku\tasin\tfnsku\tproduct-name\tquantity\tfulfillment-center-id\tdetailed-disposition\treason\tstatus\tlicense-plate-number\tcustomer-comments';
    expect(kindOf(returns)?.kind).toBe('amazon-returns');
    expect(mapColumns(kindOf(returns)!, returns.split('\t')).fields.find((f) => f.spec.key === 'order_id')?.header).toBe('amazon-order-id');
  });

  it('recognises quoted CSV exports and the seller files', () => {
    expect(kindOf('"Return Date","Order ID","SKU","ASIN","FNSKU","Product Name","Quantity","Fulfillment Center ID","Detailed Disposition","Reason"')?.kind).toBe('amazon-returns');
    expect(kindOf('SKU;Unit cost;Currency;Effective from')?.kind).toBe('costs');
    expect(kindOf('supplier,invoice number,invoice date,sku,quantity,unit cost,currency,file')?.kind).toBe('invoices');
  });

  it('tells the settlement layouts apart and keeps inbound shipments and items apart from the Fulfilled Shipments report', () => {
    const v2 = 'settlement-id\tsettlement-start-date\tsettlement-end-date\tdeposit-date\ttotal-amount\tcurrency\ttransaction-type\torder-id\tmerchant-order-id\tadjustment-id\tshipment-id\tmarketplace-name\tamount-type\tamount-description\tamount\tfulfillment-id\tposted-date\tposted-date-time\torder-item-code\tmerchant-order-item-id\tmerchant-adjustment-item-id\tsku\tquantity-purchased\tpromotion-id';
    expect(kindOf(v2)).toMatchObject({ kind: 'amazon-settlement', layout: 'v2' });
    expect(kindOf('ShipmentId\tShipmentName\tDestinationFulfillmentCenterId\tShipmentStatus')).toMatchObject({ kind: 'amazon-inbound', layout: 'shipments' });
    expect(kindOf('ShipmentId\tSellerSKU\tFulfillmentNetworkSKU\tQuantityShipped\tQuantityReceived')).toMatchObject({ kind: 'amazon-inbound', layout: 'items' });
    expect(kindOf('amazon-order-id\tshipment-id\tshipment-item-id\tsku\tquantity-shipped\tshipment-date')?.reportTypes).toContain('GET_AMAZON_FULFILLED_SHIPMENTS_DATA_GENERAL');
  });

  it('refuses a header that matches nothing, with a reason', () => {
    const d = detectLayout(['name', 'email', 'phone']);
    expect(d).toEqual({ ok: false, reason: expect.stringMatching(/^unrecognised header/) });
    expect(detectHeaderLine('').ok).toBe(false);
  });

  it('every importable kind has a layout, and every layout a description naming its kind', () => {
    for (const k of IMPORT_KINDS) expect(LAYOUTS.some((l) => l.kind === k), k).toBe(true);
    expect(describeLayout(kindOf('Date\tFNSKU\tEventType\tQuantity')!)).toBe('Inventory Ledger detail (amazon-ledger, GET_LEDGER_DETAIL_VIEW_DATA)');
  });
});

describe('a row is parsed by header name, with unknown columns kept', () => {
  const header = ['approval-date', 'reimbursement-id', 'amount-total', 'currency-unit', 'quantity-reimbursed-cash', 'Store'];
  const layout = detectLayout(header);
  const map = mapColumns(layout.ok ? layout.layout : LAYOUTS[0]!, header);
  const ctx = { file: 'r.tsv', conventions: { dateOrder: 'MDY' as const, decimalComma: false }, defaultCurrency: 'USD' };

  it('types the values and keeps the extra column', () => {
    const r = parseRow(map, ['2026-08-24T19:23:49+00:00', '2585325359', '-21.24', 'usd', '1', 'Main'], 7, ctx, { currency: null });
    expect(r.values).toMatchObject({ approved_at: '2026-08-24T19:23:49.000Z', reimbursement_id: '2585325359', amount_total_minor: -2124, currency: 'USD', quantity_cash: 1 });
    expect(r.extra).toEqual({ Store: 'Main' });
  });

  it('names file:line:column (header) and the reason for a bad value', () => {
    expect(() => parseRow(map, ['2026-08-24T19:23:49+00:00', '1', '12.x', 'USD', '1', ''], 7, ctx, { currency: null }))
      .toThrow('r.tsv:7:3 (amount-total): "12.x" is not an amount');
    expect(() => parseRow(map, ['', '1', '1', 'USD', '1', ''], 9, ctx, { currency: null })).toThrow('r.tsv:9:1 (approval-date): a value is required here');
    expect(() => parseRow(map, ['2026-08-24', '1', '1', 'USD', '1', '', 'stray'], 4, ctx, { currency: null })).toThrow('r.tsv:4:7 (no header): the row has 7 columns, the header 6');
  });

  it('takes the currency from the marketplace when the file has none, and refuses amounts without any', () => {
    const noCur = mapColumns(layout.ok ? layout.layout : LAYOUTS[0]!, ['approval-date', 'reimbursement-id', 'amount-total']);
    expect(parseRow(noCur, ['2026-08-24', 'r1', '1500'], 2, { ...ctx, defaultCurrency: 'JPY' }, { currency: null }).values).toMatchObject({ amount_total_minor: 1500, currency: 'JPY' });
    expect(() => parseRow(noCur, ['2026-08-24', 'r1', '15.00'], 2, { ...ctx, defaultCurrency: null }, { currency: null })).toThrow(/r.tsv:2:3 \(amount-total\): no currency/);
  });
});
