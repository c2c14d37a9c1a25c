import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterEach, beforeEach } from 'vitest';
import pg from 'pg';
import { loadMigrations, migrate } from '../../src/platform/db/migrate.ts';
import { pgliteDb } from '../../src/platform/db/pglite.ts';
import type { Db } from '../../src/platform/db/port.ts';
import { postgresDb } from '../../src/platform/db/postgres.ts';

export const MIGRATIONS_DIR = resolve(import.meta.dirname, '../../migrations');
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDriver {
  readonly name: 'pglite' | 'postgres';
  /** Why the driver cannot run here, or null when it can. */
  readonly skipReason: string | null;
  /** A fresh, migrated, empty database. Close it when done (drops the PostgreSQL database). */
  open(): Promise<Db>;
}

let template: Promise<PGlite> | null = null;

/** One migrated PGlite per test file, cloned per test: initdb costs ~2 s, a clone ~0.5 s. */
function pgliteTemplate(): Promise<PGlite> {
  template ??= (async () => {
    const lite = await PGlite.create();
    await migrate(pgliteDb(lite), await loadMigrations(MIGRATIONS_DIR));
    return lite;
  })();
  return template;
}

async function probePostgres(): Promise<string | null> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (err) {
    const why = `PostgreSQL server not reachable at ${TEST_DATABASE_URL} (${(err as Error).message}); set TEST_DATABASE_URL to run the PostgreSQL suites`;
    if (process.env.CLAIMDESK_REQUIRE_POSTGRES === '1') throw new Error(why);
    return why;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A new, empty database on the test server; `drop()` removes it (closing its connections first). */
export async function scratchDatabase(prefix = 'claimdesk_test'): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined) };
}

async function openPostgres(): Promise<Db> {
  const scratch = await scratchDatabase();
  const db = postgresDb(scratch.url, { max: 5 });
  await migrate(db, await loadMigrations(MIGRATIONS_DIR));
  return {
    ...db,
    async close() {
      await db.close();
      await scratch.drop();
    },
  };
}

const pgSkip = await probePostgres();
if (pgSkip) console.warn(`[skip] ${pgSkip}`);

export const DRIVERS: readonly TestDriver[] = [
  { name: 'pglite', skipReason: null, open: async () => pgliteDb(await (await pgliteTemplate()).clone()) },
  { name: 'postgres', skipReason: pgSkip, open: openPostgres },
];

/**
 * Gives each test of a `describe.each(DRIVERS)` block a fresh database (skipped with the driver's reason
 * when it cannot run here) and closes it afterwards. `use` receives the database before each test.
 */
export function freshDbPerTest(driver: TestDriver, use: (db: Db) => void): void {
  let db: Db | null = null;
  beforeEach(async (ctx) => {
    if (driver.skipReason) ctx.skip(driver.skipReason);
    db = await driver.open();
    use(db);
  });
  afterEach(async () => {
    await db?.close();
    db = null;
  });
}
