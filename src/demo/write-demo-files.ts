// Writes the demo world to disk as a stream: orders.jsonl, the Amazon reports of both Amazon
// accounts in Amazon's formats, the seller's removal receiving log, and the ground truth
// (manifest.jsonl = every injected discrepancy, decoys.jsonl = look-alikes that are not claims,
// manifest.json = summary + the first discrepancies inline). Memory stays bounded: one order at a
// time, rows held only until their date passes (tsv-sink.ts), write backpressure honoured.

import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AMAZON_REPORTS, SELLER_REMOVAL_RECEIPTS, SELLER_REMOVAL_RECEIPTS_FILE } from './report-headers.ts';
import { SortedFile } from './tsv-sink.ts';
import { generateOrderWorlds } from './orders.ts';
import { makePlan } from './plan.ts';
import { orderRows } from './order-rows.ts';
import { incidentRows } from './incidents.ts';
import type { FileKey, WorldOutput } from './amazon-rows.ts';
import type { DemoDecoy, DemoDiscrepancy, DemoManifest } from './types.ts';

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
}

function openOutputs(outDir: string): Outputs {
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
  return { reports, names, orders, manifest, decoys };
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

function route(o: Outputs, out: WorldOutput, index: number, tally: Tally): void {
  for (const row of out.rows) {
    const file = o.reports.get(row.file);
    if (!file) throw new Error(`no output file for ${row.file}`);
    file.pushRow(row.at.getTime(), row.cells);
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
  for (const f of [o.orders, o.manifest, o.decoys]) await f.flush(index);
}

export async function writeDemoFiles(opts: WriteDemoFilesOptions): Promise<DemoManifest> {
  await mkdir(opts.outDir, { recursive: true });
  const plan = makePlan(opts);
  const o = openOutputs(opts.outDir);
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
    route(o, out, world.index, tally);
    if (world.index % FLUSH_EVERY === FLUSH_EVERY - 1) await flushAll(o, order.purchasedAt.getTime(), world.index);
    if (opts.onProgress && (world.index + 1) % progressEvery === 0) opts.onProgress(world.index + 1, plan.orders);
  }
  for (const f of allFiles(o)) await f.close();
  if (opts.onProgress) opts.onProgress(plan.orders, plan.orders);
  const manifest = summarise(plan, o, tally);
  await writeFile(join(opts.outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

function summarise(plan: ReturnType<typeof makePlan>, o: Outputs, t: Tally): DemoManifest {
  const files: DemoManifest['files'] = {};
  for (const f of allFiles(o)) {
    const meta = o.names.get(f);
    if (meta) files[meta.name] = meta.report ? { rows: f.rows, report: meta.report } : { rows: f.rows };
  }
  return {
    generator: 'claimdesk-demo', version: 1, seed: plan.seed, orders: plan.orders, now: plan.now.toISOString(), days: plan.days,
    files, ordersByAccount: t.ordersByAccount, conversations: t.conversations,
    discrepancyCount: t.discrepancyCount, discrepancyCountByType: t.byType, discrepancyValueByType: t.valueByType,
    discrepancyValueByCurrency: t.valueByCurrency, decoyCount: t.decoyCount, decoyCountByType: t.decoysByType,
    discrepancies: t.discrepancies, discrepanciesTruncated: t.discrepancyCount > t.discrepancies.length,
    discrepancyInlineCap: DISCREPANCY_INLINE_CAP,
  };
}
