import pg from 'pg';
import { copyRowsPg } from './copy-rows.ts';
import type { Db, Queryable, QueryResult } from './port.ts';

// int8 (money in minor units, counts) as JS numbers, as PGlite returns them; values stay far below 2^53.
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === 20) return (v: string) => Number(v);
    return pg.types.getTypeParser(oid, format as 'text');
  }) as typeof pg.types.getTypeParser,
};

function wrap(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    exec: async (sql) => {
      await client.query(sql);
    },
    async query<T>(sql: string, params?: readonly unknown[]): Promise<QueryResult<T>> {
      const r = await client.query({ text: sql, values: params as unknown[] | undefined, types });
      return { rows: r.rows as T[], rowCount: r.rowCount ?? r.rows.length };
    },
    async copyRows(table, columns, data) {
      if (!(client instanceof pg.Pool)) return copyRowsPg(client, table, columns, data);
      const c = await client.connect();
      let failed: Error | undefined;
      try {
        return await copyRowsPg(c, table, columns, data);
      } catch (err) {
        failed = err as Error; // a connection whose COPY failed half-way is not handed to the next caller
        throw err;
      } finally {
        c.release(failed);
      }
    },
  };
}

export function postgresDb(url: string, opts: { max?: number; onIdleError?: (err: Error) => void } = {}): Db {
  const pool = new pg.Pool({ connectionString: url, max: opts.max ?? 10, types });
  // An idle client whose server connection drops (restart, failover) must not crash the process;
  // the pool discards it and the next query opens a fresh connection.
  pool.on('error', (err) => opts.onIdleError?.(err));
  const base = wrap(pool);
  return {
    kind: 'postgres',
    query: base.query,
    copyRows: base.copyRows,
    async transaction(fn) {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const out = await fn(wrap(client));
        await client.query('COMMIT');
        return out;
      } catch (err) {
        // A connection that cannot even roll back is discarded, not handed to the next caller.
        await client.query('ROLLBACK').catch((e: Error) => (broken = e));
        throw err;
      } finally {
        client.release(broken);
      }
    },
    exec: base.exec,
    close: () => pool.end(),
  };
}
