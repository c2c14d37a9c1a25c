import { spawnSync } from 'node:child_process';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from './data-dir-lock.ts';

describe('lockDataDir', () => {
  it('refuses a second holder while the first one lives, and allows it after release', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cd-lock-'));
    const first = lockDataDir(dir, 'serve');
    expect(() => lockDataDir(dir, 'worker')).toThrow(DataDirLockedError);
    expect(() => lockDataDir(dir, 'worker')).toThrow(/in use by another claimdesk process \(pid \d+/);
    first.release();
    lockDataDir(dir, 'worker').release();
  });

  it('takes over a lock left by a dead process on this host', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cd-lock-'));
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    writeFileSync(join(dir, 'claimdesk.lock'), JSON.stringify({ pid: Number(dead), host: hostname(), purpose: 'serve', since: 'x' }));
    lockDataDir(dir, 'serve').release();
  });

  it('does not take over a lock held by another host', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cd-lock-'));
    writeFileSync(join(dir, 'claimdesk.lock'), JSON.stringify({ pid: 1, host: 'other-host', purpose: 'serve', since: 'x' }));
    expect(() => lockDataDir(dir, 'serve')).toThrow(/other-host/);
  });

  it('treats its own pid in the file as stale (a container restarted with the same pid)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cd-lock-'));
    writeFileSync(join(dir, 'claimdesk.lock'), JSON.stringify({ pid: process.pid, host: hostname(), purpose: 'serve', since: 'before the restart' }));
    lockDataDir(dir, 'serve').release();
  });

  it('makes the data directory private to its owner', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'cd-lock-')), 'data');
    lockDataDir(dir, 'serve').release();
    expect(statSync(dir).mode & 0o777).toBe(0o700);
  });
});
