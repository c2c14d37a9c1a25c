// Writes the demo world to disk as a stream: orders.jsonl, the Amazon reports of both Amazon
// accounts in Amazon's formats (incl. one V2 settlement file per 14-day period), the seller's removal
// receiving log, supplier costs and supplier invoices, and the ground truth
// (manifest.jsonl = every injected discrepancy, decoys.jsonl = look-alikes that are not claims,
// manifest.json = summary + the first discrepancies inline). Memory stays bounded: one order at a
// time, rows held only until their date passes (tsv-sink.ts), write backpressure honoured.

import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  AMAZON_REPORTS, SELLER_REMOVAL_RECEIPTS, SELLER_REMOVAL_RECEIPTS_FILE, SETTLEMENT_REPORT_TYPE, SUPPLIER_COSTS_FILE, SUPPLIER_INVOICES_FILE,
} from './report-headers.ts';
import { SortedFile } from './tsv-sink.ts';
import { generateOrderWorlds } from './orders.ts';
import { makePlan, type WorldPlan } from './plan.ts';
import { orderRows } from './order-rows.ts';
import { incidentRows } from './incidents.ts';
import { orderSettlementLines, reimbursementSettlementLine } from './settlement.ts';
import { SettlementFiles } from './settlement-files.ts';
import { INVOICE_LAG_MS, SUPPLIER_INVOICES_HEADER, invoiceLine, supplierCostsCsv } from './suppliers.ts';
import type { AmazonAccount, FileKey, WorldOutput } from './amazon-rows.ts';
import type { DemoDecoy, DemoDiscrepancy, DemoManifest, DemoOrder } from './types.ts';

export interface WriteDemoFilesOptions {
  seed: number;
  orders: number;
  now: Date;
  outDir: string;
  days?: number;
  onProgress?: (done: number, total: number) => void;
}

export const DISCREPANCY_INLINE_CAP = 10_000;
const FLUSH_EVERY = 64;

interface Outputs {
  reports: Map<FileKey, SortedFile>;
  names: Map<SortedFile, { name: string; report?: string }>;
  orders: SortedFile;
  manifest: SortedFile;
  decoys: SortedFile;
  settlements: Map<AmazonAccount, SettlementFiles>;
  invoices: SortedFile;
}

function openOutputs(outDir: string, plan: WorldPlan): Outputs {
  const reports = new Map<FileKey, SortedFile>();
  const names = new Map<SortedFile, { name: string; report?: string }>();
  for (const account of ['amazon-us', 'amazon-de'] as const) {
    for (const spec of AMAZON_REPORTS) {
      const name = `${account}-${spec.file}`;
      const file = new SortedFile(join(outDir, name), spec.columns);
      reports.set(`${account}:${spec.kind}`, file);
      names.set(file, spec.reportType ? { name, report: spec.reportType } : { name });
    }
  }
  const receipts = new SortedFile(join(outDir, SELLER_REMOVAL_RECEIPTS_FILE), SELLER_REMOVAL_RECEIPTS);
  reports.set('seller-removal-receipts', receipts);
  names.set(receipts, { name: SELLER_REMOVAL_RECEIPTS_FILE });
  const orders = new SortedFile(join(outDir, 'orders.jsonl'), null);
  const manifest = new SortedFile(join(outDir, 'manifest.jsonl'), null);
  const decoys = new SortedFile(join(outDir, 'decoys.jsonl'), null);
  names.set(orders, { name: 'orders.jsonl' }).set(manifest, { name: 'manifest.jsonl' }).set(decoys, { name: 'decoys.jsonl' });
  const settlements = new Map<AmazonAccount, SettlementFiles>();
  for (const account of ['amazon-us', 'amazon-de'] as const) settlements.set(account, new SettlementFiles(outDir, account, plan));
  const invoices = new SortedFile(join(outDir, SUPPLIER_INVOICES_FILE), null, SUPPLIER_INVOICES_HEADER);
  return { reports, names, orders, manifest, decoys, settlements, invoices };
}

function allFiles(o: Outputs): SortedFile[] {
  return [...o.reports.values(), o.orders, o.manifest, o.decoys];
}

class Tally {
  ordersByAccount: Record<string, number> = {};
  conversations = 0;
  discrepancies: DemoDiscrepancy[] = [];
  discrepancyCount = 0;
  byType: Record<string, number> = {};
  valueByType: Record<string, Record<string, number>> = {};
  valueByCurrency: Record<string, number> = {};
  decoyCount = 0;
  decoysByType: Record<string, number> = {};

  addDiscrepancy(d: DemoDiscrepancy): void {
    this.discrepancyCount++;
    if (this.discrepancies.length < DISCREPANCY_INLINE_CAP) this.discrepancies.push(d);
    this.byType[d.type] = (this.byType[d.type] ?? 0) + 1;
    const t = (this.valueByType[d.type] ??= {});
    t[d.currency] = (t[d.currency] ?? 0) + d.valueMinor;
    this.valueByCurrency[d.currency] = (this.valueByCurrency[d.currency] ?? 0) + d.valueMinor;
  }

  addDecoy(d: DemoDecoy): void {
    this.decoyCount++;
    this.decoysByType[d.type] = (this.decoysByType[d.type] ?? 0) + 1;
  }
}

function settlementOf(o: Outputs, account: AmazonAccount): SettlementFiles {
  const s = o.settlements.get(account);
  if (!s) throw new Error(`no settlement files for ${account}`);
  return s;
}

function route(o: Outputs, seed: number, order: DemoOrder, out: WorldOutput, index: number, tally: Tally): void {
  for (const row of out.rows) {
    const file = o.reports.get(row.file);
    if (!file) throw new Error(`no output file for ${row.file}`);
    file.pushRow(row.at.getTime(), row.cells);
    if (row.file.endsWith(':reimbursements')) {
      const account = row.file.slice(0, row.file.indexOf(':')) as AmazonAccount;
      settlementOf(o, account).push(reimbursementSettlementLine(row, account, order));
    } else if (row.file.endsWith(':inbound')) {
      const inv = invoiceLine(seed, row.file.slice(0, row.file.indexOf(':')) as AmazonAccount, row);
      o.invoices.pushLine(inv.key, inv.line);
    }
  }
  if (order.channel === 'amazon') {
    const s = settlementOf(o, order.accountKey as AmazonAccount);
    for (const line of orderSettlementLines(seed, order)) s.push(line);
  }
  for (const d of out.discrepancies) {
    tally.addDiscrepancy(d);
    o.manifest.pushLine(index, JSON.stringify(d));
  }
  for (const d of out.decoys) {
    tally.addDecoy(d);
    o.decoys.pushLine(index, JSON.stringify(d));
  }
}

async function flushAll(o: Outputs, watermark: number, index: number): Promise<void> {
  for (const f of o.reports.values()) await f.flush(watermark);
  for (const s of o.settlements.values()) await s.flush(watermark);
  await o.invoices.flush(watermark - INVOICE_LAG_MS);
  for (const f of [o.orders, o.manifest, o.decoys]) await f.flush(index);
}

export async function writeDemoFiles(opts: WriteDemoFilesOptions): Promise<DemoManifest> {
  await mkdir(opts.outDir, { recursive: true });
  const plan = makePlan(opts);
  const o = openOutputs(opts.outDir, plan);
  const costs = supplierCostsCsv();
  await writeFile(join(opts.outDir, SUPPLIER_COSTS_FILE), costs.text);
  const tally = new Tally();
  const progressEvery = Math.max(1, Math.floor(plan.orders / 200));
  for (const world of generateOrderWorlds(opts, plan)) {
    const order = world.order;
    const key = order.fulfillment === 'FBA' || order.fulfillment === 'FBM' ? `${order.accountKey}/${order.fulfillment}` : order.accountKey;
    tally.ordersByAccount[key] = (tally.ordersByAccount[key] ?? 0) + 1;
    if (order.conversation) tally.conversations++;
    o.orders.pushLine(world.index, JSON.stringify(order));
    const out = orderRows(plan.seed, world, plan.now);
    incidentRows(plan.seed, world, plan.now, out);
    route(o, plan.seed, order, out, world.index, tally);
    if (world.index % FLUSH_EVERY === FLUSH_EVERY - 1) await flushAll(o, order.purchasedAt.getTime(), world.index);
    if (opts.onProgress && (world.index + 1) % progressEvery === 0) opts.onProgress(world.index + 1, plan.orders);
  }
  for (const f of allFiles(o)) await f.close();
  for (const s of o.settlements.values()) await s.close();
  await o.invoices.close();
  if (opts.onProgress) opts.onProgress(plan.orders, plan.orders);
  const manifest = summarise(plan, o, tally, costs.rows);
  await writeFile(join(opts.outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

function summarise(plan: WorldPlan, o: Outputs, t: Tally, costRows: number): DemoManifest {
  const files: DemoManifest['files'] = {};
  for (const f of allFiles(o)) {
    const meta = o.names.get(f);
    if (meta) files[meta.name] = meta.report ? { rows: f.rows, report: meta.report } : { rows: f.rows };
  }
  for (const s of o.settlements.values()) {
    for (const p of s.periods) files[p.fileName] = { rows: s.rows.get(p.fileName) ?? 0, report: SETTLEMENT_REPORT_TYPE };
  }
  files[SUPPLIER_COSTS_FILE] = { rows: costRows };
  files[SUPPLIER_INVOICES_FILE] = { rows: o.invoices.rows };
  return {
    generator: 'claimdesk-demo', version: 1, seed: plan.seed, orders: plan.orders, now: plan.now.toISOString(), days: plan.days,
    files, ordersByAccount: t.ordersByAccount, conversations: t.conversations,
    discrepancyCount: t.discrepancyCount, discrepancyCountByType: t.byType, discrepancyValueByType: t.valueByType,
    discrepancyValueByCurrency: t.valueByCurrency, decoyCount: t.decoyCount, decoyCountByType: t.decoysByType,
    discrepancies: t.discrepancies, discrepanciesTruncated: t.discrepancyCount > t.discrepancies.length,
    discrepancyInlineCap: DISCREPANCY_INLINE_CAP,
  };
}
