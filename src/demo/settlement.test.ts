import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { writeDemoFiles } from './write-demo-files.ts';
import { DEMO_PRODUCTS, productBySku } from './catalog.ts';
import { SETTLEMENT_V2, SUPPLIER_COSTS, SUPPLIER_INVOICES } from './report-headers.ts';
import { fbaFeeMinor, minorOf, refundAdminFeeMinor } from './settlement.ts';
import { settlementPeriods } from './settlement-files.ts';
import { makePlan } from './plan.ts';
import { afterOrderUnitValue, referralFeeMinor } from './valuation.ts';
import { readJsonl, readTsv } from './tsv-read.ts';
import type { DemoDiscrepancy, DemoManifest, DemoOrder } from './types.ts';

const NOW = new Date('2026-11-15T12:00:00Z');
const ACCOUNTS = ['amazon-us', 'amazon-de'] as const;
const OPTS = { seed: 42, orders: 2000, now: NOW };
let dir = '';
let manifest: DemoManifest;
let orders: DemoOrder[] = [];
/** Every settlement amount line of an account (summary rows left out), with its file's period. */
const lines = new Map<string, (Record<string, string> & { file: string })[]>();

const DATE_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$/;
const at = (s: string | undefined): number => Date.parse((s ?? '').replace(' UTC', 'Z').replace(' ', 'T'));
const settlementFiles = (account: string): string[] => readdirSync(dir).filter((n) => n.startsWith(`${account}-settlement-`)).sort();
const csv = (name: string): string[][] => parse(readFileSync(join(dir, name), 'utf8')) as string[][];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'demo-settlement-'));
  manifest = await writeDemoFiles({ ...OPTS, outDir: dir });
  orders = readJsonl<DemoOrder>(join(dir, 'orders.jsonl'));
  for (const account of ACCOUNTS) {
    lines.set(account, settlementFiles(account).flatMap((file) => readTsv(join(dir, file)).records.slice(1).map((r) => ({ ...r, file }))));
  }
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const of = (account: string) => lines.get(account) ?? [];

describe('settlement V2 files', () => {
  it('covers the demo range with back-to-back 14-day periods, each file headed by its summary row', () => {
    for (const account of ACCOUNTS) {
      const periods = settlementPeriods(makePlan(OPTS), account);
      expect(settlementFiles(account)).toEqual(periods.map((p) => p.fileName).sort());
      expect(periods.at(-1)?.end.getTime()).toBe(NOW.getTime());
      expect(periods[0]!.start.getTime()).toBeLessThanOrEqual(NOW.getTime() - 120 * 86_400_000);
      periods.forEach((p, i) => {
        expect(p.end.getTime() - p.start.getTime()).toBe(14 * 86_400_000);
        if (i > 0) expect(p.start.getTime()).toBe(periods[i - 1]!.end.getTime());
        const t = readTsv(join(dir, p.fileName));
        expect(t.header).toEqual([...SETTLEMENT_V2]);
        const [summary, ...rest] = t.records;
        expect(summary?.['settlement-id']).toBe(p.settlementId);
        expect(summary?.currency).toBe(account === 'amazon-de' ? 'EUR' : 'USD');
        for (const c of ['settlement-start-date', 'settlement-end-date', 'deposit-date']) expect(summary?.[c]).toMatch(DATE_TIME);
        expect(at(summary?.['settlement-start-date'])).toBe(p.start.getTime());
        expect(at(summary?.['settlement-end-date'])).toBe(p.end.getTime());
        expect(t.rows[0]!.slice(6).every((c) => c === '')).toBe(true);
        expect(rest.length).toBeGreaterThan(0);
        // total-amount = sum of the lines; every line in the period, in date order, with the file's id.
        expect(minorOf(summary?.['total-amount'] ?? '')).toBe(rest.reduce((s, r) => s + minorOf(r.amount ?? ''), 0));
        const times = rest.map((r) => at(r['posted-date-time']));
        expect([...times].sort((a, b) => a - b)).toEqual(times);
        for (const r of rest) {
          expect(r['settlement-id']).toBe(p.settlementId);
          expect(r['total-amount']).toBe('');
          expect(r.amount).toMatch(/^-?\d+\.\d{2}$/);
          expect(r['posted-date-time']).toMatch(DATE_TIME);
          expect(r['posted-date']).toBe(r['posted-date-time']?.slice(0, 10));
          const time = at(r['posted-date-time']);
          expect(time > p.start.getTime() && time <= p.end.getTime()).toBe(true);
        }
        expect(manifest.files[p.fileName]).toEqual({ rows: t.rows.length, report: 'GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2' });
      });
    }
  });

  it('posts the sale of every shipped Amazon order line: principal, commission = 15 % as valuation.ts, FBA fee, DE VAT apart', () => {
    for (const account of ACCOUNTS) {
      const byOrder = new Map<string, Record<string, string>[]>();
      for (const r of of(account).filter((x) => x['transaction-type'] === 'Order')) byOrder.set(r['order-id'] ?? '', [...(byOrder.get(r['order-id'] ?? '') ?? []), r]);
      const amazon = orders.filter((o) => o.accountKey === account);
      const shipped = amazon.filter((o) => o.status === 'Shipped');
      expect(byOrder.size).toBe(shipped.length);
      for (const o of amazon) if (o.status !== 'Shipped') expect(byOrder.has(o.externalId), o.externalId).toBe(false);
      for (const o of shipped) {
        const rs = byOrder.get(o.externalId) ?? [];
        const sum = (type: string, desc: string, sku?: string) => rs.filter((r) => r['amount-type'] === type && r['amount-description'] === desc && (!sku || r.sku === sku)).reduce((s, r) => s + minorOf(r.amount ?? ''), 0);
        for (const item of o.items) {
          const mine = rs.filter((r) => r.sku === item.sku);
          expect(mine.every((r) => r['quantity-purchased'] === String(item.quantity) && r['order-item-code'] === item.externalId)).toBe(true);
          expect(mine.every((r) => r['fulfillment-id'] === (o.fulfillment === 'FBA' ? 'AFN' : 'MFN') && r['posted-date-time'] === rs[0]?.['posted-date-time'])).toBe(true);
          const principal = sum('ItemPrice', 'Principal', item.sku);
          const commission = sum('ItemFees', 'Commission', item.sku);
          expect(principal).toBe(item.unitPriceMinor * item.quantity);
          expect(commission).toBe(-referralFeeMinor(item.unitPriceMinor) * item.quantity);
          expect((principal + commission) / item.quantity).toBe(afterOrderUnitValue(item.unitPriceMinor).valueMinor);
          const fee = sum('ItemFees', 'FBAPerUnitFulfillmentFee', item.sku);
          expect(fee).toBe(o.fulfillment === 'FBA' ? -fbaFeeMinor(productBySku(item.sku), account) * item.quantity : 0);
        }
        expect(at(rs[0]?.['posted-date-time'])).toBe(new Date(o.shipments[0]!.shippedAt!).getTime());
        // What the buyer paid: US sales tax is Amazon's (marketplace facilitator), DE VAT is the seller's.
        const paid = sum('ItemPrice', 'Principal') + sum('ItemPrice', 'Tax') + sum('ItemPrice', 'Shipping') + sum('ItemPrice', 'ShippingTax') + sum('Promotion', 'Principal');
        expect(paid, o.externalId).toBe(account === 'amazon-de' ? o.totalMinor : o.totalMinor - o.taxMinor);
        if (account === 'amazon-us') expect(sum('ItemPrice', 'Tax')).toBe(0);
      }
    }
  });

  it('reproduces the value of every refund_no_return / return_* claim from the order\'s settlement lines', () => {
    const claims = readJsonl<DemoDiscrepancy>(join(dir, 'manifest.jsonl')).filter((e) => e.type === 'refund_no_return' || e.type.startsWith('return_'));
    expect(claims.length).toBeGreaterThan(3);
    for (const e of claims) {
      const rs = of(e.account).filter((r) => r['transaction-type'] === 'Order' && r['order-id'] === e.orderId && r.sku === e.sku);
      const qty = Number(rs[0]?.['quantity-purchased']);
      const net = rs.filter((r) => r['amount-description'] === 'Principal' || r['amount-description'] === 'Commission').filter((r) => r['amount-type'] !== 'Promotion');
      const perUnit = net.reduce((s, r) => s + minorOf(r.amount ?? ''), 0) / qty;
      expect(perUnit * e.quantity, e.id).toBe(e.valueMinor);
    }
  });

  it('posts every refund of a shipped order at the refund time: principal back, commission back less the refund fee', () => {
    let refunds = 0;
    for (const account of ACCOUNTS) {
      const byAdjustment = new Map<string, Record<string, string>[]>();
      for (const r of of(account).filter((x) => x['transaction-type'] === 'Refund')) byAdjustment.set(r['adjustment-id'] ?? '', [...(byAdjustment.get(r['adjustment-id'] ?? '') ?? []), r]);
      for (const o of orders.filter((x) => x.accountKey === account && x.status === 'Shipped')) {
        for (const refund of o.refunds) {
          refunds++;
          const rs = byAdjustment.get(refund.externalId) ?? [];
          expect(rs.length, refund.externalId).toBeGreaterThanOrEqual(3);
          expect(rs.every((r) => r['order-id'] === o.externalId && at(r['posted-date-time']) === new Date(refund.refundedAt).getTime())).toBe(true);
          const sum = (desc: string) => rs.filter((r) => r['amount-description'] === desc && r['amount-type'] !== 'Promotion').reduce((s, r) => s + minorOf(r.amount ?? ''), 0);
          expect(sum('Principal')).toBeLessThan(0);
          // Given back to the buyer: principal, promotion share, DE VAT (US sales tax is Amazon's) — the refund, to the cent where a whole line came back.
          const back = -rs.filter((r) => r['amount-type'] === 'ItemPrice' || r['amount-type'] === 'Promotion').reduce((s, r) => s + minorOf(r.amount ?? ''), 0);
          expect(back, refund.externalId).toBeLessThanOrEqual(refund.amountMinor);
          if (account === 'amazon-de') expect(back, refund.externalId).toBe(refund.amountMinor);
          expect(sum('Commission')).toBeGreaterThan(0);
          expect(sum('RefundCommission')).toBeLessThan(0);
          expect(-sum('RefundCommission')).toBeLessThanOrEqual(Math.ceil(sum('Commission') * 0.2));
          if (refund.returnIndex !== undefined) {
            const ret = o.returns[refund.returnIndex]!;
            const item = o.items.find((i) => i.sku === ret.sku)!;
            expect(sum('Principal')).toBe(-item.unitPriceMinor * ret.quantity);
            expect(sum('Commission')).toBe(referralFeeMinor(item.unitPriceMinor) * ret.quantity);
            expect(sum('RefundCommission')).toBe(-refundAdminFeeMinor(referralFeeMinor(item.unitPriceMinor)) * ret.quantity);
          }
        }
      }
      const postedRefunds = new Set(of(account).filter((r) => r['transaction-type'] === 'Refund').map((r) => r['adjustment-id']));
      expect(postedRefunds.size).toBe(orders.filter((x) => x.accountKey === account && x.status === 'Shipped').reduce((s, x) => s + x.refunds.length, 0));
    }
    expect(refunds).toBeGreaterThan(50);
  });

  it('has one FBA Inventory Reimbursement line per reimbursements-report row, amount = amount-total', () => {
    for (const account of ACCOUNTS) {
      const report = readTsv(join(dir, `${account}-fba-reimbursements.tsv`)).records;
      const posted = new Map(of(account).filter((r) => r['transaction-type'] === 'other-transaction').map((r) => [r['adjustment-id'], r]));
      expect(posted.size).toBe(report.length);
      const expected: Record<string, string[]> = {
        Lost_Warehouse: ['WAREHOUSE_LOST'], Damaged_Warehouse: ['WAREHOUSE_DAMAGE'], Lost_Inbound: ['MISSING_FROM_INBOUND'],
        Reimbursement_Reversal: ['COMPENSATED_CLAWBACK'], CustomerReturn: ['CUSTOMER_RETURN', 'REVERSAL_REIMBURSEMENT'],
      };
      for (const r of report) {
        const line = posted.get(r['reimbursement-id']);
        expect(line?.['amount-type']).toBe('FBA Inventory Reimbursement');
        expect(expected[r.reason ?? '']).toContain(line?.['amount-description']);
        expect(line?.amount).toBe(r['amount-total']);
        expect(line?.sku).toBe(r.sku);
        expect(line?.['order-id']).toBe(r['amazon-order-id']);
        expect(at(line?.['posted-date-time'])).toBe(Date.parse(r['approval-date'] ?? ''));
        if (r.reason === 'CustomerReturn') {
          const returned = readTsv(join(dir, `${account}-fba-customer-returns.tsv`)).records.some((x) => x['order-id'] === r['amazon-order-id'] && x.sku === r.sku);
          expect(line?.['amount-description']).toBe(returned ? 'CUSTOMER_RETURN' : 'REVERSAL_REIMBURSEMENT');
        }
      }
    }
  });
});

describe('supplier files', () => {
  it('supplier-costs.csv: one row per product and currency with the manufacturing cost, from the beginning', () => {
    const [header, ...rows] = csv('supplier-costs.csv');
    expect(header).toEqual([...SUPPLIER_COSTS]);
    expect(rows.length).toBe(DEMO_PRODUCTS.length * 2);
    expect(manifest.files['supplier-costs.csv']).toEqual({ rows: rows.length });
    for (const p of DEMO_PRODUCTS) {
      for (const cur of ['USD', 'EUR'] as const) {
        const row = rows.find((r) => r[0] === p.sku && r[2] === cur);
        expect(minorOf(row?.[1] ?? ''), `${p.sku} ${cur}`).toBe(p.unitCostMinor[cur]);
        expect(row?.[3]).toBe('');
        expect(row?.[4]).toMatch(/Co\., Ltd\.$/);
      }
    }
    expect(readFileSync(join(dir, 'supplier-costs.csv'), 'utf8')).toContain('"Yangjiang ""Green Leaf"" Silicone');
  });

  it('supplier-invoices.csv: one line per inbound shipment SKU line, bought before the shipment, invoiced per supplier, currency and week', () => {
    const [header, ...rows] = csv('supplier-invoices.csv');
    expect(header).toEqual([...SUPPLIER_INVOICES]);
    expect(manifest.files['supplier-invoices.csv']).toEqual({ rows: rows.length });
    const inbound = ACCOUNTS.flatMap((a) => readTsv(join(dir, `${a}-fba-inbound-shipment-items.tsv`)).records.map((r): Record<string, string> => ({ ...r, currency: a === 'amazon-de' ? 'EUR' : 'USD' })));
    const key = (sku: string, fnsku: string, qty: string, cur: string) => `${sku}|${fnsku}|${qty}|${cur}`;
    expect(rows.map((r) => key(r[3]!, r[4]!, r[7]!, r[9]!)).sort()).toEqual(inbound.map((r) => key(r.SellerSKU!, r.FulfillmentNetworkSKU!, r.QuantityShipped!, r.currency!)).sort());
    const invoices = new Map<string, string[][]>();
    for (const r of rows) invoices.set(r[1]!, [...(invoices.get(r[1]!) ?? []), r]);
    for (const [number, ls] of invoices) {
      expect(new Set(ls.map((r) => `${r[0]}|${r[2]}|${r[9]}`)).size, number).toBe(1);
      expect(new Date(`${ls[0]![2]}T00:00:00Z`).getUTCDay()).toBe(1);
    }
    const dates = rows.map((r) => r[2]!);
    expect([...dates].sort()).toEqual(dates);
    for (const r of rows) {
      const p = productBySku(r[3]!);
      expect(r[5]).toBe(p.asin);
      expect(minorOf(r[8]!)).toBe(p.unitCostMinor[r[9] as 'USD' | 'EUR']);
    }
    // Bought before the shipment was created (Seller Central names it after its creation time).
    for (const r of inbound) {
      const m = /^FBA \((\d+)\/(\d+)\/(\d+),/.exec(r.ShipmentName ?? '');
      const created = Date.UTC(2000 + Number(m?.[3]), Number(m?.[1]) - 1, Number(m?.[2]));
      expect(rows.some((x) => x[3] === r.SellerSKU && x[7] === r.QuantityShipped && x[9] === r.currency && Date.parse(`${x[2]}T00:00:00Z`) < created)).toBe(true);
    }
  });
});
