import { describe, expect, it } from 'vitest';
import { loadMigrations, migrate } from '../src/platform/db/migrate.ts';
import { postgresDb } from '../src/platform/db/postgres.ts';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DRIVERS, MIGRATIONS_DIR, scratchDatabase } from './support/db.ts';

const pgDriver = DRIVERS.find((d) => d.name === 'postgres')!;

describe('migrations', () => {
  it('refuses a migration that was edited after it was applied', async () => {
    const db = await DRIVERS[0]!.open();
    try {
      const ms = await loadMigrations(MIGRATIONS_DIR);
      const edited = ms.map((m, i) => (i === 0 ? { ...m, sql: m.sql + '\n-- edited' } : m));
      await expect(migrate(db, edited)).rejects.toThrow(/was changed after it was applied/);
    } finally {
      await db.close();
    }
  });

  it('rejects badly named and duplicate-numbered files, naming the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cd-mig-'));
    writeFileSync(join(dir, '0001_a.sql'), 'SELECT 1;');
    writeFileSync(join(dir, '1_b.sql'), 'SELECT 1;');
    await expect(loadMigrations(dir)).rejects.toThrow(/1_b\.sql: migration files are named NNNN_name\.sql/);
    const dup = mkdtempSync(join(tmpdir(), 'cd-mig-'));
    writeFileSync(join(dup, '0001_a.sql'), 'SELECT 1;');
    writeFileSync(join(dup, '0001_b.sql'), 'SELECT 1;');
    await expect(loadMigrations(dup)).rejects.toThrow(/0001_b\.sql: duplicate migration number 0001/);
  });

  it('lets several processes migrate a fresh PostgreSQL database at once', async (ctx) => {
    if (pgDriver.skipReason) ctx.skip(pgDriver.skipReason);
    const scratch = await scratchDatabase('claimdesk_mig');
    const dbs = [0, 1, 2, 3].map(() => postgresDb(scratch.url, { max: 1 }));
    try {
      const ms = await loadMigrations(MIGRATIONS_DIR);
      const reports = await Promise.all(dbs.map((db) => migrate(db, ms)));
      expect(reports.filter((r) => r.applied.length > 0)).toHaveLength(1);
      const applied = await dbs[0]!.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations');
      expect(applied.rows[0]!.n).toBe(ms.length);
    } finally {
      await Promise.all(dbs.map((db) => db.close()));
      await scratch.drop();
    }
  });
});
