// The demo workspace's recovery data: the Amazon report files the demo generator wrote are imported into the
// demo's Amazon accounts exactly as a seller's downloads would be (`claimdesk import auto`), together with the
// seller's supplier costs, invoices and removal receiving log, and reconciliation runs once, as of the day the
// world was generated. Each file is its own transaction (the import's rule); a start killed half-way imports the
// rest next time, and files already imported are recognised by their content and skipped.

import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { listChannelAccounts } from '../commerce/index.ts';
import { writeDemoFiles } from '../demo/index.ts';
import type { Db } from '../platform/db/port.ts';
import { importReports, reconcile, type ImportSummary, type ReconcileSummary } from '../recon/index.ts';

export interface SeedReconResult {
  readonly imported: number;
  readonly rejected: readonly string[];
  readonly reconcile: ReconcileSummary | null;
}

/** Files of one account are named after its demo key (amazon-us-…, amazon-de-…); the seller's own files have no account. */
const ACCOUNT_PREFIX: Readonly<Record<string, string>> = { US: 'amazon-us-', DE: 'amazon-de-' };
const SELLER_FILES = /^(seller-|supplier-)/;

export async function seedDemoRecon(db: Db, workspaceId: string, filesDir: string, asOf: Date, now: () => Date): Promise<SeedReconResult> {
  const names = readdirSync(filesDir).filter((n) => /\.(tsv|csv)$/.test(n)).sort();
  const accounts = (await listChannelAccounts(db, workspaceId)).filter((a) => a.kind === 'amazon');
  const results: ImportSummary[] = [];
  for (const a of accounts) {
    const prefix = a.marketplace ? ACCOUNT_PREFIX[a.marketplace] : undefined;
    const files = prefix ? names.filter((n) => n.startsWith(prefix)).map((n) => join(filesDir, n)) : [];
    if (files.length) results.push(await importReports(db, workspaceId, a.id, 'auto', files, () => {}, { now }));
  }
  const own = names.filter((n) => SELLER_FILES.test(n)).map((n) => join(filesDir, n));
  if (own.length) results.push(await importReports(db, workspaceId, null, 'auto', own, () => {}, { now, marketplace: 'US' }));
  const files = results.flatMap((r) => r.files);
  const rejected = files.filter((f) => f.status === 'rejected').map((f) => f.error ?? f.file);
  const summary = await reconcile(db, workspaceId, { asOf, now, actor: 'seed' });
  return { imported: files.filter((f) => f.status === 'imported').length, rejected, reconcile: summary };
}

/**
 * The demo's report files for the world seeded with (seed, orders, seededAt), written into `filesDir` unless they
 * are there already, then imported and reconciled unless the workspace has imports. What `serve` does on first
 * start, and what the browser tests' server does.
 */
export async function seedDemoReports(db: Db, o: { workspaceId: string; seed: number; orders: number; seededAt: Date; filesDir: string; now: () => Date }): Promise<SeedReconResult | null> {
  if (!existsSync(o.filesDir) || readdirSync(o.filesDir).length === 0) await writeDemoFiles({ seed: o.seed, orders: o.orders, now: o.seededAt, outDir: o.filesDir });
  const imported = await db.query('SELECT 1 FROM report_imports WHERE workspace_id = $1 LIMIT 1', [o.workspaceId]);
  if (imported.rows.length) return null;
  return seedDemoRecon(db, o.workspaceId, o.filesDir, o.seededAt, o.now);
}
