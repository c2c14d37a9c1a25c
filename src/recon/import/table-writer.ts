// Writes one file's rows into one table in large set-based batches: each batch is one JSON parameter
// unpacked by json_to_recordset, with ON CONFLICT on the table's natural key, counting what was inserted,
// what an import with newer facts updated, and what was already there.

import { createHash } from 'node:crypto';
import type { Queryable } from '../../platform/db/port.ts';
import type { Values } from './spec.ts';
import type { TableSpec } from './tables.ts';

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
  const h = createHash('sha256');
  for (const c of columns) {
    const v = values[c];
    h.update(v === null || v === undefined ? '\u0000' : String(v));
    h.update('\u001f');
  }
  return h.digest('base64url').slice(0, 22);
}

// NUL cannot be stored in PostgreSQL text and breaks json_to_recordset for the whole batch: drop it.
const encode = (rows: readonly Record<string, unknown>[]) =>
  JSON.stringify(rows, (_k, v: unknown) => (v === undefined ? null : typeof v === 'string' && v.includes('\u0000') ? v.replaceAll('\u0000', '') : v));

function columnsOf(spec: TableSpec): Record<string, string> {
  return {
    workspace_id: 'text', ...(spec.accountScoped ? { account_id: 'text' } : {}), source_import_id: 'text', source_line: 'integer', extra: 'jsonb',
    ...(spec.hash ? { row_hash: 'text' } : {}), ...(spec.occurrence ? { [spec.occurrence.column]: 'integer' } : {}), ...spec.columns,
  };
}

function sqlFor(spec: TableSpec): string {
  const cols = columnsOf(spec);
  const names = Object.keys(cols);
  const target = ['workspace_id', ...(spec.accountScoped ? ['account_id'] : []), ...spec.key].join(', ');
  const action = spec.update ? `DO UPDATE SET ${spec.update.set} WHERE ${spec.update.where}` : 'DO NOTHING';
  return `WITH w AS (
    INSERT INTO ${spec.name} AS t (${names.join(', ')})
    SELECT ${names.join(', ')} FROM json_to_recordset($1::json) AS x(${names.map((n) => `${n} ${cols[n]}`).join(', ')})
    ON CONFLICT (${target}) ${action}
    RETURNING (xmax = 0) AS ins)
  SELECT count(*) FILTER (WHERE ins)::int AS inserted, count(*) FILTER (WHERE NOT ins)::int AS updated FROM w`;
}

export class TableWriter {
  readonly counts: WriteCounts = { inserted: 0, updated: 0, duplicates: 0 };
  private readonly sql: string;
  private readonly occurrences = new Map<string, number>();
  private readonly seenInFile = new Set<string>();
  private pending: Record<string, unknown>[] = [];
  /** The batch being written while the next one is parsed (at most one). */
  private inflight: Promise<void> = Promise.resolve();

  constructor(private readonly q: Queryable, readonly spec: TableSpec, private readonly source: RowSource) {
    this.sql = sqlFor(spec);
  }

  get size(): number {
    return this.pending.length;
  }

  private keyOf(row: Record<string, unknown>): string {
    return this.spec.key.map((k) => String(row[k] ?? '\u0000')).join('\u001f');
  }

  add(values: Values, line: number, extra: Record<string, string>): void {
    const spec = this.spec;
    const row: Record<string, unknown> = {
      workspace_id: this.source.workspaceId, source_import_id: this.source.importId, source_line: line, extra,
    };
    if (spec.accountScoped) row.account_id = this.source.accountId;
    for (const c of Object.keys(spec.columns)) row[c] = values[c] ?? null;
    if (spec.hash) row.row_hash = rowHash(values, spec.hash);
    if (spec.occurrence) {
      const k = spec.occurrence.of.map((c) => String(row[c] ?? '\u0000')).join('\u001f');
      const n = (this.occurrences.get(k) ?? 0) + 1;
      this.occurrences.set(k, n);
      row[spec.occurrence.column] = n;
    }
    if (spec.dedupe === 'file') {
      const k = this.keyOf(row);
      if (this.seenInFile.has(k)) return;
      this.seenInFile.add(k);
    }
    this.pending.push(row);
  }

  /**
   * Hands the pending rows to the database and returns once the previous batch is written, so the caller
   * parses the next batch while this one is inserted (on a PostgreSQL server the two run in parallel).
   */
  async flush(): Promise<void> {
    const rows = this.pending;
    this.pending = [];
    await this.inflight;
    if (rows.length === 0) return;
    const write = this.write(rows);
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

  private async write(batch: Record<string, unknown>[]): Promise<void> {
    let rows = batch;
    if (this.spec.dedupe === 'batch') {
      const last = new Map<string, Record<string, unknown>>();
      for (const r of rows) last.set(this.keyOf(r), r);
      this.counts.duplicates += rows.length - last.size;
      rows = [...last.values()];
    }
    const r = await this.q.query<{ inserted: number; updated: number }>(this.sql, [encode(rows)]);
    const { inserted, updated } = r.rows[0] ?? { inserted: 0, updated: 0 };
    this.counts.inserted += inserted;
    this.counts.updated += updated;
    this.counts.duplicates += rows.length - inserted - updated;
  }
}
