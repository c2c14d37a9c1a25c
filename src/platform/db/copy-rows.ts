// COPY … FROM for both drivers: rows in PostgreSQL's COPY text format, loaded by one statement. The node-postgres
// driver streams them as COPY FROM STDIN (pg-copy-streams); PGlite reads them from a blob ('/dev/blob').

import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PGliteInterface } from '@electric-sql/pglite';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

const IDENT = /^[a-z_][a-z0-9_]*$/;
const TABLE = /^(?:[a-z_][a-z0-9_]*\.)?[a-z_][a-z0-9_]*$/;

function target(table: string, columns: readonly string[]): string {
  if (!TABLE.test(table)) throw new Error(`unsafe identifier ${table}`);
  for (const n of columns) if (!IDENT.test(n)) throw new Error(`unsafe identifier ${n}`);
  return `${table} (${columns.join(', ')})`;
}

export async function copyRowsPg(client: pg.ClientBase, table: string, columns: readonly string[], data: string): Promise<number> {
  const stream = client.query(copyFrom(`COPY ${target(table, columns)} FROM STDIN`));
  // pipeline() keeps an error listener for the whole life of the stream: a server error in the middle of the
  // data rejects here (the transaction is then aborted) instead of escaping as an unhandled 'error' event.
  await pipeline(Readable.from([Buffer.from(data, 'utf8')]), stream);
  return stream.rowCount;
}

export async function copyRowsPglite(q: Pick<PGliteInterface, 'query'>, table: string, columns: readonly string[], data: string): Promise<number> {
  const r = await q.query(`COPY ${target(table, columns)} FROM '/dev/blob'`, [], { blob: new Blob([data]) });
  return r.affectedRows ?? 0;
}
