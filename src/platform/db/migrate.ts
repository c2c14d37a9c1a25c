import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Db } from './port.ts';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export interface MigrateReport {
  readonly applied: string[];
  readonly alreadyApplied: number;
}

const FILE = /^(\d{4})_([a-z0-9_]+)\.sql$/;

export async function loadMigrations(dir: string): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort();
  const out: Migration[] = [];
  for (const f of files) {
    const m = FILE.exec(f);
    if (!m) throw new Error(`${join(dir, f)}: migration files are named NNNN_name.sql`);
    const version = Number(m[1]);
    if (out.some((x) => x.version === version)) throw new Error(`${join(dir, f)}: duplicate migration number ${m[1]}`);
    out.push({ version, name: f, sql: await readFile(join(dir, f), 'utf8') });
  }
  return out;
}

function checksum(sql: string): string {
  return createHash('sha256').update(sql).digest('hex');
}

/**
 * Applies pending migrations, each in its own transaction, forward only. An advisory lock keeps two
 * processes (several servers starting at once) from applying the same migration twice. A migration that
 * was applied and later edited is refused: migrations are immutable once shipped.
 */
export async function migrate(db: Db, migrations: readonly Migration[]): Promise<MigrateReport> {
  return db.transaction(async (tx) => {
    // The lock comes first: even creating the bookkeeping table races when two servers start on a fresh database.
    await tx.query('SELECT pg_advisory_xact_lock(727274)');
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = await tx.query<{ version: number; name: string; checksum: string }>('SELECT version, name, checksum FROM schema_migrations');
    const byVersion = new Map(done.rows.map((r) => [r.version, r]));
    const applied: string[] = [];
    for (const m of migrations) {
      const prior = byVersion.get(m.version);
      if (prior) {
        if (prior.checksum !== checksum(m.sql)) throw new Error(`migration ${m.name} was changed after it was applied; add a new migration instead`);
        continue;
      }
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [m.version, m.name, checksum(m.sql)]);
      applied.push(m.name);
    }
    return { applied, alreadyApplied: byVersion.size };
  });
}
