// Writes one file's rows into one table in large set-based batches, counting what was inserted, what an import
// with newer facts updated, and what was already there. A batch is COPYed into a temporary staging table and
// moved into the table by one INSERT … SELECT with ON CONFLICT on the table's natural key; a connection that
// cannot COPY sends the batch as one JSON parameter unpacked by json_to_recordset instead (same statement,
// same outcome, slower: PostgreSQL takes several times longer to unpack JSON than to read COPY text).
//
// When the table holds no row of this workspace (and account) yet and the file's keys are unique by
// construction, no row can conflict: batches are COPYed straight into the table (a fifth less database time
// than staging + ON CONFLICT). Should a row conflict after all (another import committed the same rows
// meanwhile), the COPY fails with a unique violation and the writer throws ConflictAfterAll: the caller rolls
// the file back and writes it again with `direct: false`.
//
// Rows are encoded into strings as they come, and a batch is joined while the previous one is still being
// written, so the database is never left waiting for the encoder.

import { hash } from 'node:crypto';
import type { Queryable } from '../../platform/db/port.ts';
import type { Values } from './spec.ts';
import type { TableSpec } from './tables.ts';

const NUL = '\u0000';

export interface WriteCounts {
  inserted: number;
  updated: number;
  duplicates: number;
}

export interface RowSource {
  readonly workspaceId: string;
  readonly accountId: string | null;
  readonly importId: string;
}

/** A stable hash of the row's identifying values, after parsing (128 bits, base64url). */
export function rowHash(values: Values, columns: readonly string[]): string {
  // Each value then U+001F, a missing one as U+0000: the bytes a streaming hash fed piece by piece would see.
  let s = '';
  for (const c of columns) {
    const v = values[c];
    s += v === null || v === undefined ? '\u0000\u001f' : `${String(v)}\u001f`;
  }
  return hash('sha256', s, 'base64url').slice(0, 22);
}

// NUL cannot be stored in PostgreSQL text (nor as \u0000 in jsonb): it is dropped from every value.
const stripNul = (v: string) => (v.includes(NUL) ? v.replaceAll(NUL, '') : v);

function extraJson(extra: Record<string, string>): string {
  for (const k in extra) {
    if (extra[k]!.includes(NUL)) return JSON.stringify(Object.fromEntries(Object.entries(extra).map(([n, v]) => [n, stripNul(v)])));
  }
  return JSON.stringify(extra);
}

// COPY text format: tab between columns, \N for NULL, backslash escapes for backslash, tab, newline and CR.
const COPY_SPECIAL = /[\\\t\n\r\u0000]/;
const COPY_ESCAPES = /[\\\t\n\r\u0000]/g;
const copyEscape = (c: string) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : '');

function copyField(v: unknown): string {
  switch (typeof v) {
    case 'string':
      return COPY_SPECIAL.test(v) ? v.replace(COPY_ESCAPES, copyEscape) : v;
    case 'number':
      return String(v);
    case 'boolean':
      return v ? 'true' : 'false'; // as json_to_recordset reads a JSON boolean, into any column type
    case 'object':
      return v === null ? '\\N' : copyField(extraJson(v as Record<string, string>));
    default:
      return '\\N';
  }
}

/** One row as a line of COPY text, without its line break; `from` leading columns are already in `prefix`. */
function copyLine(prefix: string, row: unknown[], from: number): string {
  // Built by join: one flat string, not a rope of two pieces a column that would stay alive with the batch.
  const parts = new Array<string>(row.length - from + 1);
  parts[0] = prefix;
  for (let i = from; i < row.length; i++) parts[i - from + 1] = copyField(row[i]);
  return parts.join('\t');
}

/** One row as a JSON object (for json_to_recordset). */
function jsonObject(names: readonly string[], row: readonly unknown[]): string {
  return JSON.stringify(Object.fromEntries(names.map((n, i) => [n, row[i]])), (_k, v: unknown) => (v === undefined ? null : typeof v === 'string' ? stripNul(v) : v));
}

/** Column → SQL type, in the order rows are built: source columns, natural-key helpers, then the data columns. */
function columnsOf(spec: TableSpec): Record<string, string> {
  return {
    workspace_id: 'text', ...(spec.accountScoped ? { account_id: 'text' } : {}), source_import_id: 'text', source_line: 'integer', extra: 'jsonb',
    ...(spec.hash ? { row_hash: 'text' } : {}), ...(spec.occurrence ? { [spec.occurrence.column]: 'integer' } : {}), ...spec.columns,
  };
}

function upsertSql(spec: TableSpec, names: readonly string[], from: string): string {
  const target = ['workspace_id', ...(spec.accountScoped ? ['account_id'] : []), ...spec.key].join(', ');
  const action = spec.update ? `DO UPDATE SET ${spec.update.set} WHERE ${spec.update.where}` : 'DO NOTHING';
  return `WITH w AS (
    INSERT INTO ${spec.name} AS t (${names.join(', ')})
    SELECT ${names.join(', ')} FROM ${from}
    ON CONFLICT (${target}) ${action}
    RETURNING (xmax = 0) AS ins)
  SELECT count(*) FILTER (WHERE ins)::int AS inserted, count(*) FILTER (WHERE NOT ins)::int AS updated FROM w`;
}

/** A row conflicted in a batch COPYed straight into its table: write the whole file again with `direct: false`. */
export class ConflictAfterAll extends Error {
  constructor(readonly table: string, cause: unknown) {
    super(`${table}: a row conflicted while COPYing into an empty scope`, { cause });
    this.name = 'ConflictAfterAll';
  }
}

export interface WriterOptions {
  /** May COPY straight into the table when nothing there can conflict. */
  readonly direct: boolean;
}

interface Batch {
  readonly rows: number;
  /** COPY text, or a JSON array of row objects. */
  readonly payload: string;
}

export class TableWriter {
  readonly counts: WriteCounts = { inserted: 0, updated: 0, duplicates: 0 };
  private readonly names: readonly string[];
  private readonly dataColumns: readonly string[];
  private readonly copy: boolean;
  /** How batches go in, decided with the first one: straight COPY, COPY + staged upsert, or JSON upsert. */
  private mode: 'direct' | 'staged' | 'json' | null = null;
  /** The staging table (temporary, dropped at commit), created with the first batch. */
  private readonly stage: string;
  private readonly createStage: string;
  private staged = false;
  private readonly sql: string;
  /** The columns every row of this writer has alike (workspace, account, import), as COPY text. */
  private readonly prefix: string;
  private readonly prefixColumns: number;
  /** Positions in a row of the natural key, of the occurrence column and of the values it counts. */
  private readonly keyAt: readonly number[];
  private readonly occurrenceAt: number;
  private readonly occurrenceOf: readonly number[];
  private readonly occurrences = new Map<string, number>();
  private readonly seenInFile = new Set<string>();
  /** Rows encoded as they come (a batch's rows are then no more than strings), with their keys for `batch` dedupe. */
  private pending: string[] = [];
  private pendingKeys: string[] = [];
  /** The batch being written while the next one is parsed (at most one). */
  private inflight: Promise<void> = Promise.resolve();

  /** `q` must be inside a transaction: the staging table lives until it ends. */
  constructor(
    private readonly q: Queryable, readonly spec: TableSpec, private readonly source: RowSource,
    private readonly opts: WriterOptions = { direct: false },
  ) {
    const cols = columnsOf(spec);
    this.names = Object.keys(cols);
    this.dataColumns = Object.keys(spec.columns);
    const at = (c: string) => {
      const i = this.names.indexOf(c);
      if (i < 0) throw new Error(`${spec.name}: no column ${c}`);
      return i;
    };
    this.keyAt = spec.key.map(at);
    this.occurrenceAt = spec.occurrence ? at(spec.occurrence.column) : -1;
    this.occurrenceOf = spec.occurrence ? spec.occurrence.of.map(at) : [];
    this.copy = typeof q.copyRows === 'function';
    const fixed = [source.workspaceId, ...(spec.accountScoped ? [source.accountId] : []), source.importId];
    this.prefix = fixed.map(copyField).join('\t');
    this.prefixColumns = fixed.length;
    this.stage = `pg_temp.stage_${spec.name}`;
    this.createStage = `CREATE TEMP TABLE IF NOT EXISTS stage_${spec.name} (${this.names.map((n) => `${n} ${cols[n]}`).join(', ')}) ON COMMIT DROP`;
    this.sql = this.copy
      ? upsertSql(spec, this.names, this.stage)
      : upsertSql(spec, this.names, `json_to_recordset($1::json) AS x(${this.names.map((n) => `${n} ${cols[n]}`).join(', ')})`);
  }

  get size(): number {
    return this.pending.length;
  }

  private keyOf(row: readonly unknown[], at: readonly number[]): string {
    if (at.length === 1) return String(row[at[0]!] ?? NUL);
    let k = String(row[at[0]!] ?? NUL);
    for (let i = 1; i < at.length; i++) k += `\u001f${String(row[at[i]!] ?? NUL)}`;
    return k;
  }

  add(values: Values, line: number, extra: Record<string, string>): void {
    const spec = this.spec;
    const row = new Array<unknown>(this.names.length);
    let i = 0;
    row[i++] = this.source.workspaceId;
    if (spec.accountScoped) row[i++] = this.source.accountId;
    row[i++] = this.source.importId;
    row[i++] = line;
    row[i++] = extra;
    if (spec.hash) row[i++] = rowHash(values, spec.hash);
    if (spec.occurrence) row[i++] = 0;
    for (const c of this.dataColumns) row[i++] = values[c] ?? null;
    if (spec.occurrence) {
      const k = this.keyOf(row, this.occurrenceOf);
      const n = (this.occurrences.get(k) ?? 0) + 1;
      this.occurrences.set(k, n);
      row[this.occurrenceAt] = n;
    }
    if (spec.dedupe === 'file') {
      const k = this.keyOf(row, this.keyAt);
      if (this.seenInFile.has(k)) return;
      this.seenInFile.add(k);
    } else if (spec.dedupe === 'batch') this.pendingKeys.push(this.keyOf(row, this.keyAt));
    this.pending.push(this.copy ? copyLine(this.prefix, row, this.prefixColumns) : jsonObject(this.names, row));
  }

  /**
   * Encodes the pending rows and hands them to the database once the previous batch is written, so the caller
   * parses the next batch while this one is inserted (on a PostgreSQL server the two run in parallel).
   */
  async flush(): Promise<void> {
    const rows = this.pending;
    const keys = this.pendingKeys;
    this.pending = [];
    this.pendingKeys = [];
    const batch = rows.length > 0 ? this.encode(rows, keys) : null;
    await this.inflight;
    if (!batch) return;
    const write = this.write(batch);
    write.catch(() => undefined); // awaited by the next flush or by drain(); not an unhandled rejection meanwhile
    this.inflight = write;
  }

  /** Writes what is pending and waits until every batch is in. */
  async drain(): Promise<void> {
    await this.flush();
    await this.inflight;
  }

  /** Waits for a batch still in flight, ignoring its outcome (the transaction is being abandoned). */
  async settle(): Promise<void> {
    await this.inflight.catch(() => undefined);
  }

  private encode(batch: string[], keys: readonly string[]): Batch {
    let rows = batch;
    if (this.spec.dedupe === 'batch') {
      // An upsert may touch a row once per statement: the batch's last row of each key stands for the others.
      const last = new Map<string, string>();
      for (let i = 0; i < rows.length; i++) last.set(keys[i]!, rows[i]!);
      this.counts.duplicates += rows.length - last.size;
      rows = [...last.values()];
    }
    return { rows: rows.length, payload: this.copy ? `${rows.join('\n')}\n` : `[${rows.join(',')}]` };
  }

  /**
   * Straight COPY needs the file's keys unique by construction (an occurrence column in the key, or one row per
   * key and file) and no row of this scope in the table yet; anything else goes through ON CONFLICT.
   */
  private async chooseMode(): Promise<'direct' | 'staged' | 'json'> {
    if (!this.copy) return 'json';
    const spec = this.spec;
    const occ = spec.occurrence;
    const unique = (occ !== undefined && [occ.column, ...occ.of].every((c) => spec.key.includes(c))) || spec.dedupe === 'file';
    if (!this.opts.direct || !unique) return 'staged';
    const scope = spec.accountScoped ? 'workspace_id = $1 AND account_id = $2' : 'workspace_id = $1';
    const params = spec.accountScoped ? [this.source.workspaceId, this.source.accountId] : [this.source.workspaceId];
    const r = await this.q.query<{ found: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${spec.name} WHERE ${scope}) AS found`, params);
    return r.rows[0]?.found ? 'staged' : 'direct';
  }

  private async write(batch: Batch): Promise<void> {
    this.mode ??= await this.chooseMode();
    if (this.mode === 'direct') {
      try {
        this.counts.inserted += await this.q.copyRows!(this.spec.name, this.names, batch.payload);
      } catch (err) {
        if ((err as { code?: unknown }).code === '23505') throw new ConflictAfterAll(this.spec.name, err);
        throw err;
      }
      return;
    }
    let r;
    if (this.mode === 'staged') {
      if (!this.staged) {
        await this.q.query(this.createStage);
        this.staged = true;
      }
      await this.q.copyRows!(this.stage, this.names, batch.payload);
      r = await this.q.query<{ inserted: number; updated: number }>(this.sql);
      await this.q.query(`TRUNCATE ${this.stage}`);
    } else {
      r = await this.q.query<{ inserted: number; updated: number }>(this.sql, [batch.payload]);
    }
    const { inserted, updated } = r.rows[0] ?? { inserted: 0, updated: 0 };
    this.counts.inserted += inserted;
    this.counts.updated += updated;
    this.counts.duplicates += batch.rows - inserted - updated;
  }
}
