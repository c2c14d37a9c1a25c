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
  const names = Object.keys(columns);
  for (const n of [table, ...names]) if (!IDENT.test(n)) throw new Error(`unsafe identifier ${n}`);
  const defs = names.map((n) => `${n} ${columns[n]}`).join(', ');
  const list = names.join(', ');
  const r = await q.query(`INSERT INTO ${table} (${list}) SELECT ${list} FROM json_to_recordset($1::json) AS x(${defs}) ${onConflict}`, [
    JSON.stringify(rows, (_k, v: unknown) => (v === undefined ? null : v)),
  ]);
  return r.rowCount;
}
