import type { Queryable } from './port.ts';

/** Column name → SQL type, as `json_to_recordset` needs it. */
export type ColumnTypes = Readonly<Record<string, string>>;

const IDENT = /^[a-z_][a-z0-9_]*$/;

/**
 * Inserts many rows in one statement: the rows travel as one JSON parameter and are unpacked by
 * `json_to_recordset`, so a batch costs one round trip on both drivers. Keys of each row are the
 * column names; missing keys insert NULL. `onConflict` is appended verbatim (e.g. `ON CONFLICT DO NOTHING`).
 */
export async function insertRows(
  q: Queryable,
  table: string,
  columns: ColumnTypes,
  rows: readonly Record<string, unknown>[],
  onConflict = '',
): Promise<number> {
  if (rows.length === 0) return 0;
  const r = await q.query(insertSql(table, columns, onConflict), [encode(rows)]);
  return r.rowCount;
}

/** Like `insertRows`, returning the given columns of the rows actually inserted (conflicts skipped). */
export async function insertRowsReturning<T>(
  q: Queryable,
  table: string,
  columns: ColumnTypes,
  rows: readonly Record<string, unknown>[],
  onConflict: string,
  returning: readonly string[],
): Promise<T[]> {
  if (rows.length === 0) return [];
  for (const n of returning) if (!IDENT.test(n)) throw new Error(`unsafe identifier ${n}`);
  const r = await q.query<T>(`${insertSql(table, columns, onConflict)} RETURNING ${returning.join(', ')}`, [encode(rows)]);
  return r.rows;
}

function insertSql(table: string, columns: ColumnTypes, onConflict: string): string {
  const names = Object.keys(columns);
  for (const n of [table, ...names]) if (!IDENT.test(n)) throw new Error(`unsafe identifier ${n}`);
  const defs = names.map((n) => `${n} ${columns[n]}`).join(', ');
  const list = names.join(', ');
  return `INSERT INTO ${table} (${list}) SELECT ${list} FROM json_to_recordset($1::json) AS x(${defs}) ${onConflict}`;
}

// NUL cannot be stored in PostgreSQL text and breaks json_to_recordset for the whole batch: drop it.
function encode(rows: readonly Record<string, unknown>[]): string {
  return JSON.stringify(rows, (_k, v: unknown) => (v === undefined ? null : typeof v === 'string' && v.includes('\u0000') ? v.replaceAll('\u0000', '') : v));
}
