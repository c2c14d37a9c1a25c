// Shared by the benchmarks: a scratch database on the PostgreSQL server (TEST_DATABASE_URL), dropped afterwards.
import pg from 'pg';
import type { Db } from '../src/platform/db/port.ts';
import { postgresDb } from '../src/platform/db/postgres.ts';

export async function scratchPostgres(prefix: string): Promise<{ db: Db; name: string; done(keep?: boolean): Promise<void> }> {
  const base = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `${prefix}_${process.pid}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const db = postgresDb(url.toString(), { max: 4 });
  return {
    db, name,
    async done(keep = false) {
      await db.close();
      if (!keep) await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}
