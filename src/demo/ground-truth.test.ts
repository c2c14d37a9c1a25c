import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeDemoFiles } from './write-demo-files.ts';
import { productBySku } from './catalog.ts';
import { readJsonl, readTsv } from './tsv-read.ts';
import type { DemoDiscrepancy, DemoOrder } from './types.ts';

// An independent auditor reads only the written files and applies the documented rules. Everything
// it finds must be in manifest.jsonl, so the manifest is complete (no unplanned claims) as well as
// correct (write-demo-files.test.ts checks each entry against the files). Borderline ages are skipped.

const NOW = new Date('2026-11-15T12:00:00Z');
const DAY = 86_400_000;
let dir = '';
let manifest: DemoDiscrepancy[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'demo-truth-'));
  await writeDemoFiles({ seed: 99, orders: 3000, now: NOW, outDir: dir });
  manifest = readJsonl<DemoDiscrepancy>(join(dir, 'manifest.jsonl'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ageOfUsDate = (d: string): number => {
  const [m, day, y] = d.split('/').map(Number);
  return (NOW.getTime() - Date.UTC(y ?? 0, (m ?? 1) - 1, day ?? 1)) / DAY;
};
const ageOfIso = (d: string): number => (NOW.getTime() - Date.parse(d)) / DAY;
const listed = (type: string, pred: (e: DemoDiscrepancy) => boolean): boolean => manifest.some((e) => e.type === type && pred(e));

describe('ground truth is complete', () => {
  for (const account of ['amazon-us', 'amazon-de'] as const) {
    it(`${account}: every aged unreconciled M/5/E ledger adjustment is listed`, () => {
      for (const r of readTsv(join(dir, `${account}-inventory-ledger-detail.tsv`)).records) {
        if (r.EventType !== 'Adjustments' || Number(r.UnreconciledQuantity) <= 0) continue;
        const age = ageOfUsDate(r.Date ?? '');
        const type = r.Reason === 'E' ? 'fc_damaged_unreimbursed' : 'fc_lost_unreconciled';
        const min = type === 'fc_lost_unreconciled' ? 11 : 16;
        if (age >= min) expect(listed(type, (e) => e.referenceId === r.ReferenceID), `${r.ReferenceID} ${r.Reason} ${r.Date}`).toBe(true);
        if (age < min - 2) expect(listed(type, (e) => e.referenceId === r.ReferenceID)).toBe(false);
      }
    });

    it(`${account}: every CLOSED short inbound line without Lost_Inbound is listed`, () => {
      const lostInbound = new Set(readTsv(join(dir, `${account}-fba-reimbursements.tsv`)).records.filter((r) => r.reason === 'Lost_Inbound').map((r) => r.sku));
      for (const r of readTsv(join(dir, `${account}-fba-inbound-shipment-items.tsv`)).records) {
        if (r.ShipmentStatus !== 'CLOSED' || Number(r.QuantityShipped) === Number(r.QuantityReceived)) continue;
        const isListed = listed('inbound_shortage', (e) => e.shipmentId === r.ShipmentId && e.sku === r.SellerSKU);
        expect(isListed || lostInbound.has(r.SellerSKU), `${r.ShipmentId} ${r.SellerSKU}`).toBe(true);
      }
    });

    it(`${account}: every damaged-unreimbursed or sellable-but-damaged return is listed`, () => {
      for (const r of readTsv(join(dir, `${account}-fba-customer-returns.tsv`)).records) {
        const lpn = r['license-plate-number'];
        const damagedUnpaid = ['DAMAGED', 'CARRIER_DAMAGED'].includes(r['detailed-disposition'] ?? '') && r.status !== 'Reimbursed';
        if (damagedUnpaid && ageOfIso(r['return-date'] ?? '') >= 31) expect(listed('return_damaged_unreimbursed', (e) => e.referenceId === lpn), lpn).toBe(true);
        if (damagedUnpaid && ageOfIso(r['return-date'] ?? '') < 29) expect(listed('return_damaged_unreimbursed', (e) => e.referenceId === lpn), lpn).toBe(false);
        const saysDamaged = ['DAMAGED_BY_CARRIER', 'DAMAGED_BY_FC', 'DEFECTIVE', 'QUALITY_UNACCEPTABLE', 'MISSING_PARTS', 'NOT_AS_DESCRIBED'].includes(r.reason ?? '');
        if (r['detailed-disposition'] === 'SELLABLE' && saysDamaged) expect(listed('return_sellable_but_damaged', (e) => e.referenceId === lpn), lpn).toBe(true);
      }
    });

    it(`${account}: every Lost/Damaged_Warehouse cash reimbursement below the unit cost is listed as underpaid`, () => {
      for (const r of readTsv(join(dir, `${account}-fba-reimbursements.tsv`)).records) {
        if (!['Lost_Warehouse', 'Damaged_Warehouse'].includes(r.reason ?? '') || Number(r['quantity-reimbursed-cash']) <= 0) continue;
        const cost = productBySku(r.sku ?? '').unitCostMinor[account === 'amazon-de' ? 'EUR' : 'USD'];
        const paid = Math.round(Number(r['amount-per-unit']) * 100);
        expect(paid < cost).toBe(listed('underpaid_reimbursement', (e) => e.referenceId === r['reimbursement-id']));
      }
    });
  }

  it('every FBA refund without a return row or reimbursement after the wait period is listed', () => {
    const returned = new Set<string>();
    const reimbursed = new Set<string>();
    for (const account of ['amazon-us', 'amazon-de']) {
      for (const r of readTsv(join(dir, `${account}-fba-customer-returns.tsv`)).records) returned.add(r['order-id'] ?? '');
      for (const r of readTsv(join(dir, `${account}-fba-reimbursements.tsv`)).records) reimbursed.add(r['amazon-order-id'] ?? '');
    }
    let checked = 0;
    for (const o of readJsonl<DemoOrder>(join(dir, 'orders.jsonl'))) {
      if (o.fulfillment !== 'FBA' || returned.has(o.externalId) || reimbursed.has(o.externalId)) continue;
      for (const refund of o.refunds) {
        const wait = o.marketplace === 'DE' ? 45 : 60;
        const age = ageOfIso(String(refund.refundedAt));
        if (age >= wait + 1) expect(listed('refund_no_return', (e) => e.orderId === o.externalId), o.externalId).toBe(true);
        if (age < wait - 1) expect(listed('refund_no_return', (e) => e.orderId === o.externalId)).toBe(false);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('every removal shipment not (fully) received 16+ days after shipping is listed', () => {
    const shipDates = new Map<string, string>();
    for (const account of ['amazon-us', 'amazon-de']) {
      for (const r of readTsv(join(dir, `${account}-fba-removal-shipment-detail.tsv`)).records) shipDates.set(r['order-id'] ?? '', r['shipment-date'] ?? '');
    }
    for (const r of readTsv(join(dir, 'seller-removal-receipts.tsv')).records) {
      const missing = Number(r['expected-quantity']) - Number(r['received-quantity']);
      const age = ageOfIso(shipDates.get(r['removal-order-id'] ?? '') ?? '');
      if (missing > 0 && age >= 16) expect(listed('removal_lost', (e) => e.referenceId === r['removal-order-id']), r['removal-order-id']).toBe(true);
      if (missing > 0 && age < 14) expect(listed('removal_lost', (e) => e.referenceId === r['removal-order-id'])).toBe(false);
    }
  });
});
