import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeDemoFiles } from './write-demo-files.ts';
import { AMAZON_REPORTS } from './report-headers.ts';
import { productBySku } from './catalog.ts';
import { readJsonl, readTsv, type Tsv } from './tsv-read.ts';
import { DISCREPANCY_TYPES, type DemoDecoy, type DemoDiscrepancy, type DemoManifest, type DemoOrder } from './types.ts';

const NOW = new Date('2026-11-15T12:00:00Z');
const FIXTURE = fileURLToPath(new URL('../../../shared/fixtures/amazon-reports/report-headers.json', import.meta.url));
let dir = '';
let manifest: DemoManifest;
let entries: DemoDiscrepancy[] = [];
const tsv = new Map<string, Tsv>();
let orders = new Map<string, DemoOrder>();

const file = (name: string): Tsv => {
  const t = tsv.get(name) ?? readTsv(join(dir, name));
  tsv.set(name, t);
  return t;
};
const sha = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');
const cents = (s: string | undefined): number => Math.round(Number(s) * 100);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'demo-files-'));
  manifest = await writeDemoFiles({ seed: 42, orders: 2000, now: NOW, outDir: join(dir, 'a') });
  dir = join(dir, 'a');
  entries = readJsonl<DemoDiscrepancy>(join(dir, 'manifest.jsonl'));
  orders = new Map(readJsonl<DemoOrder>(join(dir, 'orders.jsonl')).map((o) => [o.externalId, o]));
});

afterAll(() => rmSync(join(dir, '..'), { recursive: true, force: true }));

describe('writeDemoFiles (2,000 orders)', () => {
  it('is deterministic: same seed → identical files, other seed → different', async () => {
    const base = join(dir, '..');
    const opts = { orders: 300, now: NOW };
    await writeDemoFiles({ ...opts, seed: 7, outDir: join(base, 's1') });
    await writeDemoFiles({ ...opts, seed: 7, outDir: join(base, 's2') });
    await writeDemoFiles({ ...opts, seed: 8, outDir: join(base, 's3') });
    for (const name of readdirSync(join(base, 's1'))) expect(sha(join(base, 's2', name)), name).toBe(sha(join(base, 's1', name)));
    expect(sha(join(base, 's3', 'orders.jsonl'))).not.toBe(sha(join(base, 's1', 'orders.jsonl')));
  });

  const hasFixture = existsSync(FIXTURE);
  (hasFixture ? it : it.skip)(hasFixture
    ? 'writes the header lines of shared/fixtures/amazon-reports/report-headers.json'
    : `SKIPPED: ${FIXTURE} not found, so report headers are not compared with the fixture`, () => {
    const fixture = JSON.parse(readFileSync(FIXTURE, 'utf8')) as { reports: Record<string, { header_line: string }> };
    let compared = 0;
    for (const spec of AMAZON_REPORTS) {
      const expected = spec.reportType ? fixture.reports[spec.reportType]?.header_line : undefined;
      if (!expected) continue;
      for (const account of ['amazon-us', 'amazon-de']) {
        const first = readFileSync(join(dir, `${account}-${spec.file}`), 'utf8').split('\n')[0];
        expect(first, spec.file).toBe(expected);
        compared++;
      }
    }
    expect(compared).toBe(8);
  });

  it('writes every data row with as many columns as its header, and rows in date order', () => {
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.tsv'))) {
      const t = file(name);
      for (const row of t.rows) expect(row.length, name).toBe(t.header.length);
    }
    const dates = file('amazon-us-inventory-ledger-detail.tsv').records.map((r) => {
      const [m, d, y] = (r.Date ?? '').split('/');
      return `${y}${m}${d}`;
    });
    expect([...dates].sort()).toEqual(dates);
    const returns = file('amazon-de-fba-customer-returns.tsv').records.map((r) => r['return-date'] ?? '');
    expect([...returns].sort()).toEqual(returns);
  });

  it('uses each report\'s date and money formats', () => {
    const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$/;
    const money = /^-?\d+\.\d{2}$/;
    const checks: [string, string[], RegExp][] = [
      ['inventory-ledger-detail.tsv', ['Date'], /^\d{2}\/\d{2}\/\d{4}$/],
      ['fba-customer-returns.tsv', ['return-date'], iso],
      ['fba-reimbursements.tsv', ['approval-date'], iso],
      ['fba-reimbursements.tsv', ['amount-per-unit', 'amount-total'], money],
      ['all-orders.tsv', ['purchase-date', 'last-updated-date'], iso],
      ['all-orders.tsv', ['item-price', 'item-tax', 'shipping-price', 'item-promotion-discount'], money],
      ['fba-removal-order-detail.tsv', ['request-date', 'last-updated-date'], iso],
      ['fba-removal-order-detail.tsv', ['removal-fee'], money],
      ['fba-removal-shipment-detail.tsv', ['request-date', 'shipment-date'], iso],
    ];
    for (const account of ['amazon-us', 'amazon-de']) {
      for (const [suffix, cols, re] of checks) {
        const t = file(`${account}-${suffix}`);
        expect(t.records.length, suffix).toBeGreaterThan(0);
        for (const r of t.records) for (const c of cols) expect(r[c], `${suffix} ${c}`).toMatch(re);
      }
    }
  });

  it('has order totals in the All Orders report equal to orders.jsonl', () => {
    const sums = new Map<string, number>();
    for (const r of file('amazon-us-all-orders.tsv').records.concat(file('amazon-de-all-orders.tsv').records)) {
      const v = cents(r['item-price']) + cents(r['item-tax']) + cents(r['shipping-price']) + cents(r['shipping-tax']) + cents(r['item-promotion-discount']);
      sums.set(r['amazon-order-id'] ?? '', (sums.get(r['amazon-order-id'] ?? '') ?? 0) + v);
    }
    const amazon = [...orders.values()].filter((o) => o.channel === 'amazon');
    expect(sums.size).toBe(amazon.length);
    for (const o of amazon) expect(sums.get(o.externalId), o.externalId).toBe(o.totalMinor);
  });

  it('writes one ledger Shipments unit per FBA unit shipped', () => {
    for (const account of ['amazon-us', 'amazon-de'] as const) {
      const ledger = file(`${account}-inventory-ledger-detail.tsv`).records.filter((r) => r.EventType === 'Shipments');
      const shipped = [...orders.values()].filter((o) => o.accountKey === account && o.fulfillment === 'FBA' && o.shipments[0]?.shippedAt);
      const units = shipped.reduce((s, o) => s + o.items.reduce((a, i) => a + i.quantity, 0), 0);
      expect(ledger.reduce((s, r) => s - Number(r.Quantity), 0)).toBe(units);
    }
  });

  it('injects every discrepancy type, about 2 % of orders, with a matching summary', () => {
    expect(manifest.discrepancyCount).toBe(entries.length);
    expect(entries.length).toBeGreaterThan(20);
    expect(entries.length).toBeLessThan(60);
    for (const t of DISCREPANCY_TYPES) expect(manifest.discrepancyCountByType[t] ?? 0, t).toBeGreaterThan(0);
    const total = entries.reduce((m, e) => ({ ...m, [e.currency]: (m[e.currency] ?? 0) + e.valueMinor }), {} as Record<string, number>);
    expect(manifest.discrepancyValueByCurrency).toEqual(total);
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
    for (const e of entries) {
      expect(e.valueMinor, e.id).toBeGreaterThan(0);
      expect(e.quantity, e.id).toBeGreaterThan(0);
      expect(e.deadline >= e.eventDate.slice(0, 10), e.id).toBe(true);
      if (e.windowOpens) expect(e.windowOpens < e.deadline).toBe(true);
      expect(e.explanation.length).toBeGreaterThan(40);
    }
    const decoys = readJsonl<DemoDecoy>(join(dir, 'decoys.jsonl'));
    expect(decoys.length).toBeGreaterThan(entries.length * 0.8);
    expect(new Set(decoys.map((d) => d.looksLike)).size).toBeGreaterThanOrEqual(7);
  });

  it('makes every discrepancy findable in the files', () => {
    for (const e of entries) {
      const acc = e.account;
      const ledger = file(`${acc}-inventory-ledger-detail.tsv`).records;
      const reimb = file(`${acc}-fba-reimbursements.tsv`).records;
      const returns = file(`${acc}-fba-customer-returns.tsv`).records;
      switch (e.type) {
        case 'fc_lost_unreconciled':
        case 'fc_damaged_unreimbursed': {
          const row = ledger.find((r) => r.ReferenceID === e.referenceId);
          expect(row?.Reason, e.id).toMatch(e.type === 'fc_lost_unreconciled' ? /^(M|5)$/ : /^E$/);
          expect(Number(row?.UnreconciledQuantity), e.id).toBe(e.quantity);
          expect(row?.FNSKU).toBe(e.fnsku);
          break;
        }
        case 'inbound_shortage': {
          const row = file(`${acc}-fba-inbound-shipment-items.tsv`).records.find((r) => r.ShipmentId === e.shipmentId && r.SellerSKU === e.sku);
          expect(row?.ShipmentStatus, e.id).toBe('CLOSED');
          expect(Number(row?.QuantityShipped) - Number(row?.QuantityReceived)).toBe(e.quantity);
          const receipts = ledger.filter((r) => r.EventType === 'Receipts' && r.ReferenceID === e.shipmentId && r.MSKU === e.sku);
          expect(receipts.reduce((s, r) => s + Number(r.Quantity), 0)).toBe(Number(row?.QuantityReceived));
          expect(reimb.some((r) => r.reason === 'Lost_Inbound' && r.sku === e.sku && r['approval-date']! > e.eventDate)).toBe(false);
          break;
        }
        case 'refund_no_return': {
          const o = orders.get(e.orderId ?? '');
          expect(o?.refunds.some((r) => r.externalId === e.referenceId), e.id).toBe(true);
          expect(returns.some((r) => r['order-id'] === e.orderId)).toBe(false);
          expect(reimb.some((r) => r['amazon-order-id'] === e.orderId)).toBe(false);
          break;
        }
        case 'return_damaged_unreimbursed':
        case 'return_sellable_but_damaged': {
          const row = returns.find((r) => r['license-plate-number'] === e.referenceId);
          expect(row?.['order-id'], e.id).toBe(e.orderId);
          expect(row?.['detailed-disposition']).toMatch(e.type === 'return_sellable_but_damaged' ? /^SELLABLE$/ : /^(DAMAGED|CARRIER_DAMAGED)$/);
          if (e.type === 'return_sellable_but_damaged') expect(row?.reason).toMatch(/^(DAMAGED_BY_CARRIER|DEFECTIVE)$/);
          expect(reimb.some((r) => r['amazon-order-id'] === e.orderId)).toBe(false);
          break;
        }
        case 'underpaid_reimbursement': {
          const row = reimb.find((r) => r['reimbursement-id'] === e.referenceId);
          const expected = productBySku(e.sku).unitCostMinor[e.currency];
          expect((expected - cents(row?.['amount-per-unit'])) * Number(row?.['quantity-reimbursed-cash']), e.id).toBe(e.valueMinor);
          break;
        }
        case 'reversal_without_found': {
          const row = reimb.find((r) => r['reimbursement-id'] === e.referenceId);
          expect(row?.reason, e.id).toBe('Reimbursement_Reversal');
          expect(cents(row?.['amount-total'])).toBe(-e.valueMinor);
          expect(reimb.some((r) => r['reimbursement-id'] === row?.['original-reimbursement-id'])).toBe(true);
          break;
        }
        case 'removal_lost': {
          const order = file(`${acc}-fba-removal-order-detail.tsv`).records.find((r) => r['order-id'] === e.referenceId);
          const receipt = file('seller-removal-receipts.tsv').records.find((r) => r['removal-order-id'] === e.referenceId);
          expect(order?.['order-status'], e.id).toBe('Completed');
          expect(Number(receipt?.['expected-quantity']) - Number(receipt?.['received-quantity'])).toBe(e.quantity);
          expect(file(`${acc}-fba-removal-shipment-detail.tsv`).records.some((r) => r['tracking-number'] === receipt?.['tracking-number'])).toBe(true);
          break;
        }
      }
    }
  });
});
