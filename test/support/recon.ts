// Helpers for the report-import suites: a workspace with Amazon accounts in several marketplaces, the demo
// generator's files (written once per test file), and small files written on the fly.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeDemoFiles } from '../../src/demo/index.ts';
import type { DemoManifest } from '../../src/demo/index.ts';
import type { Db } from '../../src/platform/db/port.ts';
import { importReports, type ImportKind, type ImportOptions } from '../../src/recon/index.ts';

export const WS = 'ws_recon';
export const T_IMPORT = new Date('2026-11-20T12:00:00Z');
export const ACCOUNTS = { US: 'chn_us', DE: 'chn_de', UK: 'chn_uk', JP: 'chn_jp', MAIL: 'chn_mail' } as const;

export async function seedAccounts(db: Db): Promise<void> {
  await db.query(`INSERT INTO workspaces (id, name, slug, default_currency) VALUES ($1, 'Recon shop', 'recon', 'USD')`, [WS]);
  await db.query(
    `INSERT INTO channel_accounts (id, workspace_id, kind, name, marketplace, external_id) VALUES
       ('chn_us', $1, 'amazon', 'Amazon US', 'US', 'A1US'), ('chn_de', $1, 'amazon', 'Amazon DE', 'DE', 'A1DE'),
       ('chn_uk', $1, 'amazon', 'Amazon UK', 'UK', 'A1UK'), ('chn_jp', $1, 'amazon', 'Amazon JP', 'JP', 'A1JP'),
       ('chn_mail', $1, 'mailbox', 'Support mail', NULL, 'support@recon.test')`, [WS]);
}

export function importFiles(db: Db, account: string | null, kind: ImportKind | 'auto', files: string[], opts: Partial<ImportOptions> = {}, progress?: (d: number, t: number) => void) {
  return importReports(db, WS, account, kind, files, progress ?? (() => undefined), { now: () => T_IMPORT, ...opts });
}

export async function count(db: Db, table: string, where = 'TRUE', params: unknown[] = []): Promise<number> {
  const r = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, params);
  return r.rows[0]!.n;
}

export function scratchDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Writes `lines` (joined by \n, with a final newline) and returns the path. */
export function writeLines(dir: string, name: string, lines: readonly string[]): string {
  const path = join(dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

export const tsv = (...cells: (string | number)[]) => cells.join('\t');

export interface DemoFiles {
  readonly dir: string;
  readonly manifest: DemoManifest;
  /** Report files of one Amazon account (`amazon-us-…`), settlements aside. */
  files(account: 'us' | 'de'): string[];
  /** Settlement files of one Amazon account (`amazon-us-settlement-<id>.tsv`). */
  settlements(account: 'us' | 'de'): string[];
  /** Data lines (without the header) of a demo file. */
  lines(name: string): string[];
  header(name: string): string;
}

export async function demoFiles(orders = 300): Promise<DemoFiles> {
  const dir = scratchDir('cd-recon-demo-');
  const manifest = await writeDemoFiles({ seed: 11, orders, now: new Date('2026-11-15T12:00:00Z'), outDir: dir });
  const read = (name: string) => readFileSync(join(dir, name), 'utf8').split('\n').filter((l) => l !== '');
  return {
    dir, manifest,
    files: (account) => Object.keys(manifest.files).filter((f) => f.startsWith(`amazon-${account}-`) && !f.includes('-settlement-')).sort().map((f) => join(dir, f)),
    settlements: (account) => Object.keys(manifest.files).filter((f) => f.startsWith(`amazon-${account}-settlement-`)).sort().map((f) => join(dir, f)),
    lines: (name) => read(name).slice(1),
    header: (name) => read(name)[0]!,
  };
}
