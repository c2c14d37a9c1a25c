import { join, resolve } from 'node:path';
import type { Clock } from '../kernel/index.ts';
import { systemClock } from '../kernel/index.ts';
import { ConfigError, type Config } from '../platform/config.ts';
import { lockDataDir, type DataDirLock } from '../platform/data-dir-lock.ts';
import { loadMigrations, migrate, type MigrateReport } from '../platform/db/migrate.ts';
import { openPglite } from '../platform/db/pglite.ts';
import type { Db } from '../platform/db/port.ts';
import { postgresDb } from '../platform/db/postgres.ts';
import { createLogger, type Logger } from '../platform/log.ts';
import { loadSecretKey, secretBox, type SecretBox } from '../platform/secret-box.ts';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');
export const MIGRATIONS_DIR = join(REPO_ROOT, 'migrations');
export const WEB_DIST = join(REPO_ROOT, 'dist/web');

/** Everything the surfaces need, built in one place. The only module that chooses drivers. */
export interface Deps {
  readonly config: Config;
  readonly db: Db;
  readonly clock: Clock;
  readonly log: Logger;
  readonly secrets: SecretBox;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** What the process is for; shown to a second process that finds the data directory locked. */
  readonly purpose: string;
  readonly clock?: Clock;
  readonly log?: Logger;
}

export async function openDeps(config: Config, opts: OpenOptions): Promise<Deps> {
  let lock: DataDirLock | null = null;
  let db: Db;
  if (config.database.kind === 'pglite') {
    lock = lockDataDir(config.dataDir, opts.purpose);
    try {
      db = await openPglite(config.database.dir);
    } catch (err) {
      lock.release();
      throw err;
    }
  } else {
    // Several processes share a PostgreSQL database; a key generated per host would seal credentials
    // that the other hosts cannot open.
    if (!config.secretKey) throw new ConfigError('CLAIMDESK_SECRET_KEY is required with DATABASE_URL, the same on every server and worker (openssl rand -base64 32)');
    db = postgresDb(config.database.url, { onIdleError: (err) => opts.log?.warn('idle database connection dropped', { error: err.message }) });
  }
  const secrets = secretBox(loadSecretKey(config.secretKey, join(config.dataDir, 'secret.key')));
  return {
    config,
    db,
    clock: opts.clock ?? systemClock,
    log: opts.log ?? createLogger(config.logLevel),
    secrets,
    async close() {
      await db.close();
      lock?.release();
    },
  };
}

export async function migrateDb(db: Db): Promise<MigrateReport> {
  return migrate(db, await loadMigrations(MIGRATIONS_DIR));
}
