// The import use case: each file is recognised from its header line, checked against the kind asked for,
// and imported whole in one transaction or not at all. Every file read is recorded in report_imports
// (imported, unchanged, or rejected with the reason), so a seller can see what went in.

import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { listChannelAccounts } from '../../commerce/index.ts';
import { CodedError, newId } from '../../kernel/index.ts';
import type { Db, Queryable } from '../../platform/db/port.ts';
import { evidenceDateOrder, marketplaceConventions, valueConventions, type MarketplaceConventions } from './conventions.ts';
import { describe, detectLayout } from './detect.ts';
import { jsonRecords } from './json-records.ts';
import { ImportError, mapColumns } from './map-row.ts';
import { openRecordFile, readWholeText } from './read-records.ts';
import { ACCOUNT_KINDS, type ImportKind, type LayoutSpec } from './spec.ts';
import { TABLES } from './tables.ts';
import { ConflictAfterAll } from './table-writer.ts';
import { writeFileRows, type FileJob, type RecordSource } from './write-file.ts';

export interface ImportOptions {
  readonly now: () => Date;
  /** Rows per INSERT statement. */
  readonly batchSize?: number;
  /** Marketplace whose date and number conventions apply when no account gives one (costs, invoices). */
  readonly marketplace?: string;
  /** Currency of amounts in files without a currency column, before the account marketplace's. */
  readonly currency?: string;
  /** Currency when neither the file, `currency` nor a marketplace gives one (the workspace's). */
  readonly fallbackCurrency?: string;
  /** Read a file again even when the same content was imported before. */
  readonly force?: boolean;
}

/** Bytes read so far, of all files. */
export type ImportProgress = (done: number, total: number) => void;

export interface FileImportResult {
  readonly file: string;
  readonly kind: ImportKind | null;
  /** What the header was recognised as: `Inventory Ledger detail (amazon-ledger, GET_LEDGER_DETAIL_VIEW_DATA)`. */
  readonly recognisedAs: string | null;
  readonly importId: string | null;
  readonly status: 'imported' | 'unchanged' | 'rejected';
  /** Data lines read. */
  readonly rows: number;
  readonly inserted: number;
  readonly updated: number;
  readonly duplicates: number;
  readonly error: string | null;
}

export interface ImportSummary {
  readonly files: readonly FileImportResult[];
  readonly rows: number;
  readonly inserted: number;
  readonly updated: number;
  readonly duplicates: number;
  readonly rejected: number;
}

interface Account {
  readonly id: string;
  readonly kind: string;
  readonly marketplace: string | null;
}

async function sha256Of(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 })) h.update(chunk as Buffer);
  return h.digest('hex');
}

async function sourceOf(path: string, mc: MarketplaceConventions): Promise<{ source: RecordSource; header: string[]; headerLine: number }> {
  const f = await openRecordFile(path, mc.fallbackEncoding);
  if (f.format === 'json') {
    const jr = jsonRecords(path, await readWholeText(path, f));
    return { header: jr.header, headerLine: 0, source: { where: jr.where, path, records: async function* () { yield* jr.records; } } };
  }
  return { header: f.header, headerLine: f.headerLine, source: { where: path, path, records: (onBytes) => f.records(onBytes) } };
}

function checkLayout(path: string, header: readonly string[], kind: ImportKind | 'auto', account: Account | null): LayoutSpec {
  const d = detectLayout(header);
  if (!d.ok) {
    const first = header.slice(0, 6).map((h) => `"${h}"`).join(', ');
    throw new ImportError(`${path}: ${d.reason}. Its first columns: ${first}${header.length > 6 ? ', …' : ''}`);
  }
  const layout = d.layout;
  if (!layout.kind) throw new ImportError(`${path}: this is the ${describe(layout)} report, which claimdesk does not import: ${layout.notImported}`);
  if (kind !== 'auto' && layout.kind !== kind) {
    throw new ImportError(`${path}: the header is ${describe(layout)}, not ${kind}; import it as \`claimdesk import ${layout.kind}\` (or \`import auto\`)`);
  }
  if (ACCOUNT_KINDS.has(layout.kind) && !account) throw new ImportError(`${path}: ${layout.kind} rows belong to an Amazon account: give --account`);
  if (ACCOUNT_KINDS.has(layout.kind) && account && account.kind !== 'amazon') throw new ImportError(`${path}: account ${account.id} is a ${account.kind} account, not an Amazon one`);
  return layout;
}

/** Reads the header, recognises the layout and maps its columns; `found` learns the layout as soon as it is known. */
async function plan(path: string, kind: ImportKind | 'auto', account: Account | null, opts: ImportOptions, found: (l: LayoutSpec) => void): Promise<FileJob> {
  const mc = marketplaceConventions(opts.marketplace ?? account?.marketplace);
  const { source, header, headerLine } = await sourceOf(path, mc);
  const layout = checkLayout(path, header, kind, account);
  found(layout);
  const map = mapColumns(layout, header);
  const missing = map.missing[0];
  if (missing) throw new ImportError(`${path}:${headerLine}: the header has no column for ${missing.key} (a column named one of: ${missing.headers.join(', ')})`);
  const conventions = valueConventions(layout, mc, await evidenceDateOrder(source.records(), map));
  const defaultCurrency = opts.currency ?? mc.currency ?? opts.fallbackCurrency ?? null;
  return { layout, source, map, conventions, defaultCurrency };
}

// Errors that are the file's fault, not ours: PostgreSQL data and integrity errors, unreadable files.
const code = (err: unknown) => String((err as { code?: unknown }).code ?? '');
const isDataError = (err: unknown) => /^2[23]/.test(code(err));
const isFileError = (err: unknown) => ['EACCES', 'EISDIR', 'ENOENT', 'EPERM'].includes(code(err));

async function record(q: Queryable, r: { id: string; workspaceId: string; accountId: string | null; kind: string | null; reportType: string | null; file: string; sha256: string; size: number; status: string; error: string | null; rows: number; inserted: number; updated: number; duplicates: number; at: Date }): Promise<void> {
  await q.query(
    `INSERT INTO report_imports (id, workspace_id, account_id, kind, report_type, file_name, sha256, size_bytes, row_count, inserted, updated, duplicates, status, error, imported_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
    [r.id, r.workspaceId, r.accountId, r.kind, r.reportType, r.file, r.sha256, r.size, r.rows, r.inserted, r.updated, r.duplicates, r.status, r.error, r.at],
  );
}

async function previousImport(q: Queryable, workspaceId: string, accountId: string | null, kind: string, sha256: string) {
  const r = await q.query<{ id: string; row_count: number; stored: number }>(
    `SELECT id, row_count, inserted + updated + duplicates AS stored FROM report_imports
     WHERE workspace_id = $1 AND account_id IS NOT DISTINCT FROM $2 AND kind = $3 AND sha256 = $4 AND status = 'imported'
     ORDER BY imported_at LIMIT 1`, [workspaceId, accountId, kind, sha256]);
  return r.rows[0] ?? null;
}

/** Bytes of one file read so far; `restart` when it is read again from the start. */
interface FileProgress {
  bytes(n: number): void;
  restart(): void;
}

async function importOne(
  db: Db, workspaceId: string, account: Account | null, kind: ImportKind | 'auto', path: string, opts: ImportOptions, progress: FileProgress,
  changed: Set<string>,
): Promise<FileImportResult> {
  const base = { file: path, kind: null, recognisedAs: null, importId: null, rows: 0, inserted: 0, updated: 0, duplicates: 0 };
  const s = await stat(path).catch(() => null);
  if (!s?.isFile()) return { ...base, status: 'rejected', error: `${path}: ${s ? 'not a file' : 'no such file'}` };
  const sha256 = await sha256Of(path).catch((err: Error) => err);
  if (sha256 instanceof Error) return { ...base, status: 'rejected', error: `${path}: cannot read the file (${sha256.message})` };
  const accountId = account?.id ?? null;
  let layout: LayoutSpec | null = null;
  const common = () => ({ workspaceId, accountId, kind: layout?.kind ?? null, reportType: layout ? (layout.reportTypes.find((t) => t.startsWith('GET_')) ?? layout.label) : null, file: path, sha256, size: s.size });
  const id = newId('imp', opts.now());
  try {
    const job = await plan(path, kind, account, opts, (l) => (layout = l));
    const fileKind = job.layout.kind!;
    const result = { ...base, kind: fileKind, recognisedAs: describe(job.layout), importId: id, error: null };
    const prior = opts.force ? null : await previousImport(db, workspaceId, accountId, fileKind, sha256);
    if (prior) {
      await record(db, { ...common(), id, status: 'unchanged', error: null, rows: prior.row_count, inserted: 0, updated: 0, duplicates: prior.stored, at: opts.now() });
      return { ...result, status: 'unchanged', rows: prior.row_count, duplicates: prior.stored };
    }
    const write = (direct: boolean) => db.transaction(async (tx) => {
      const at = opts.now();
      await record(tx, { ...common(), id, status: 'imported', error: null, rows: 0, inserted: 0, updated: 0, duplicates: 0, at });
      const w = await writeFileRows(tx, job, { workspaceId, accountId, importId: id, now: at, batchSize: opts.batchSize ?? 5000, direct }, progress.bytes);
      await tx.query('UPDATE report_imports SET row_count = $2, inserted = $3, updated = $4, duplicates = $5 WHERE id = $1', [id, w.rows, w.inserted, w.updated, w.duplicates]);
      return w;
    });
    // First as if nothing can conflict; should a row conflict after all, the whole file again through ON CONFLICT.
    const counts = await write(true).catch((err: unknown) => {
      if (!(err instanceof ConflictAfterAll)) throw err;
      progress.restart();
      return write(false);
    });
    for (const t of counts.changed) changed.add(t);
    return { ...result, status: 'imported', rows: counts.rows, inserted: counts.inserted, updated: counts.updated, duplicates: counts.duplicates };
  } catch (err) {
    if (!(err instanceof CodedError) && !isDataError(err) && !isFileError(err)) throw err;
    const error = err instanceof CodedError ? err.message
      : isFileError(err) ? `${path}: cannot read the file (${(err as Error).message})`
        : `${path}: the database refused a row: ${(err as Error).message}`;
    await record(db, { ...common(), id, status: 'rejected', error, rows: 0, inserted: 0, updated: 0, duplicates: 0, at: opts.now() });
    const l = layout as LayoutSpec | null;
    return { ...base, kind: l?.kind ?? null, recognisedAs: l ? describe(l) : null, importId: id, status: 'rejected', error };
  }
}

/**
 * Imports report files into a workspace: `kind` names what the files are (each header must agree) or
 * `auto` recognises each from its header. Amazon reports need the Amazon account they belong to; the
 * seller's own files (costs, invoices, removal receipts) take an account only for its marketplace's
 * conventions. Files are imported one after another, each whole or not at all; a rejected file does not
 * stop the others. Progress is reported in bytes read.
 */
export async function importReports(
  db: Db, workspaceId: string, accountId: string | null, kind: ImportKind | 'auto', files: readonly string[],
  progress: ImportProgress, opts: ImportOptions,
): Promise<ImportSummary> {
  let account: Account | null = null;
  if (accountId) {
    const found = (await listChannelAccounts(db, workspaceId)).find((a) => a.id === accountId);
    if (!found) throw new CodedError('bad_input', `--account: no channel account ${accountId} in this workspace`);
    account = { id: found.id, kind: found.kind, marketplace: found.marketplace };
  } else if (kind !== 'auto' && ACCOUNT_KINDS.has(kind)) {
    throw new CodedError('bad_input', `${kind} rows belong to an Amazon account: give --account`);
  }
  const sizes = await Promise.all(files.map((f) => stat(f).then((s) => (s.isFile() ? s.size : 0), () => 0)));
  const total = sizes.reduce((a, b) => a + b, 0);
  let done = 0;
  const results: FileImportResult[] = [];
  const changed = new Set<string>();
  for (const [i, file] of files.entries()) {
    let read = 0;
    const fileProgress: FileProgress = {
      bytes: (n) => {
        read += n;
        progress(done + Math.min(read, sizes[i]!), total);
      },
      restart: () => (read = 0),
    };
    const r = await importOne(db, workspaceId, account, kind, file, opts, fileProgress, changed);
    done += sizes[i]!;
    progress(done, total);
    results.push(r);
  }
  // Fresh statistics for the planner: reconciliation joins these tables, and the embedded database has no
  // autovacuum to collect them (a join planned without them took 25× longer at 50,000 ledger rows). Only the
  // tables this import changed: the others' statistics are as fresh as their rows (re-sampling all fifteen
  // after each one-file upload took longer than importing a 16,000-line settlement file).
  if (changed.size > 0) await db.exec(`ANALYZE ${Object.keys(TABLES).filter((t) => changed.has(t)).join(', ')}`);
  const sum = (k: 'rows' | 'inserted' | 'updated' | 'duplicates') => results.reduce((a, r) => a + r[k], 0);
  return { files: results, rows: sum('rows'), inserted: sum('inserted'), updated: sum('updated'), duplicates: sum('duplicates'), rejected: results.filter((r) => r.status === 'rejected').length };
}
