import { chmodSync, closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

export class DataDirLockedError extends Error {
  override name = 'DataDirLockedError';
}

export interface DataDirLock {
  readonly path: string;
  release(): void;
}

/** Lock files this process holds right now; our pid in any other lock file is a previous life's. */
const held = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the embedded database's data directory for this process. PGlite lets two processes open one
 * directory and silently loses one side's commits, so a second process must fail loudly instead.
 * A lock left by a process that no longer runs (crash, kill -9) on this host is taken over.
 */
export function lockDataDir(dir: string, purpose: string): DataDirLock {
  // The directory holds password hashes, customer data and the credential key: owner only.
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  const path = join(dir, 'claimdesk.lock');
  const info = JSON.stringify({ pid: process.pid, host: hostname(), purpose, since: new Date().toISOString() });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, info);
      closeSync(fd);
      held.add(path);
      let released = false;
      return {
        path,
        release() {
          if (released) return;
          released = true;
          held.delete(path);
          rmSync(path, { force: true });
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = readHolder(path);
      // Our own pid in the file means a previous life of this process (a container restarted as pid 1).
      const previousLife = holder?.pid === process.pid && !held.has(path);
      if (holder && holder.host === hostname() && (previousLife || (holder.pid !== process.pid && !isAlive(holder.pid)))) {
        if (takeOverStale(path, holder.since)) continue;
      }
      throw new DataDirLockedError(
        `the data directory ${dir} is in use by another claimdesk process` +
          (holder ? ` (pid ${holder.pid} on ${holder.host}, ${holder.purpose}, since ${holder.since})` : '') +
          '. Stop it first, or use CLAIMDESK_DATA_DIR for a separate directory, or DATABASE_URL for a PostgreSQL server that several processes can share.',
      );
    }
  }
  throw new DataDirLockedError(`could not take the lock ${path}`);
}

/**
 * Removes a stale lock under a second, exclusive guard file, so two processes that both found it stale
 * cannot both remove it and both believe they hold the directory. Returns false when another process won.
 */
function takeOverStale(path: string, since: string): boolean {
  const guard = `${path}.takeover`;
  let fd: number;
  try {
    fd = openSync(guard, 'wx', 0o600);
  } catch {
    return false;
  }
  try {
    if (readHolder(path)?.since === since) rmSync(path, { force: true });
    return true;
  } finally {
    closeSync(fd);
    rmSync(guard, { force: true });
  }
}

function readHolder(path: string): { pid: number; host: string; purpose: string; since: string } | null {
  try {
    const v = JSON.parse(readFileSync(path, 'utf8')) as { pid?: unknown; host?: unknown; purpose?: unknown; since?: unknown };
    if (typeof v.pid !== 'number' || typeof v.host !== 'string') return null;
    return { pid: v.pid, host: v.host, purpose: String(v.purpose ?? '?'), since: String(v.since ?? '?') };
  } catch {
    return null;
  }
}
