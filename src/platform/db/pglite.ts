import { PGlite, type PGliteInterface } from '@electric-sql/pglite';
import { copyRowsPglite } from './copy-rows.ts';
import type { Db, Queryable, QueryResult } from './port.ts';

function wrap(q: Pick<PGliteInterface, 'query' | 'exec'>): Queryable {
  return {
    exec: async (sql) => {
      await q.exec(sql);
    },
    async query<T>(sql: string, params?: readonly unknown[]): Promise<QueryResult<T>> {
      const r = await q.query<T>(sql, params as unknown[] | undefined);
      return { rows: r.rows, rowCount: r.affectedRows ?? r.rows.length };
    },
    copyRows: (table, columns, data) => copyRowsPglite(q, table, columns, data),
  };
}

export function pgliteDb(lite: PGliteInterface): Db {
  const base = wrap(lite);
  return {
    kind: 'pglite',
    query: base.query,
    exec: base.exec,
    copyRows: base.copyRows,
    transaction: (fn) => lite.transaction((tx) => fn(wrap(tx))),
    close: () => lite.close(),
  };
}

/** Opens (creating if needed) a persistent PGlite database in `dir`, or an in-memory one when dir is undefined. */
export async function openPglite(dir: string | undefined): Promise<Db> {
  const lite = await PGlite.create(dir ? { dataDir: dir } : {});
  return pgliteDb(lite);
}
