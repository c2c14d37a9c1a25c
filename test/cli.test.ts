import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';

const BIN = resolve(import.meta.dirname, '../bin/claimdesk.js');
const children: ChildProcess[] = [];
const dirs: string[] = [];

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'cd-cli-'));
  dirs.push(d);
  return d;
}

afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function env(dataDir: string): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = { ...process.env, CLAIMDESK_DATA_DIR: dataDir, CLAIMDESK_LOG_LEVEL: 'warn' };
  delete e.DATABASE_URL;
  return e;
}

function run(args: string[], dataDir: string) {
  return spawnSync(process.execPath, [BIN, ...args], { env: env(dataDir), encoding: 'utf8', timeout: 120_000 });
}

function start(args: string[], dataDir: string): { child: ChildProcess; waitFor: (re: RegExp) => Promise<string> } {
  const child = spawn(process.execPath, [BIN, ...args], { env: env(dataDir), stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let seen = '';
  const listeners: (() => void)[] = [];
  const feed = (d: Buffer) => {
    seen += d.toString();
    listeners.forEach((l) => l());
  };
  child.stdout!.on('data', feed);
  child.stderr!.on('data', feed);
  const waitFor = (re: RegExp) =>
    new Promise<string>((res, rej) => {
      const check = () => (re.test(seen) ? res(seen) : undefined);
      listeners.push(check);
      child.once('exit', (code) => rej(new Error(`exited ${code} before ${re}: ${seen}`)));
      check();
    });
  return { child, waitFor };
}

function exited(child: ChildProcess): Promise<number | null> {
  return child.exitCode !== null ? Promise.resolve(child.exitCode) : new Promise((r) => child.once('exit', (code) => r(code)));
}

afterEach(async () => {
  for (const c of children.splice(0)) {
    if (c.exitCode === null && c.signalCode === null) {
      c.kill('SIGKILL');
      await exited(c);
    }
  }
});

describe('claimdesk CLI', () => {
  it('prints help for every command and exits 0', async () => {
    const dir = tempDir();
    const results = await Promise.all([[], ['serve'], ['worker'], ['migrate'], ['demo'], ['seed-demo']].map(async (cmd) => {
      const p = start([...cmd, '--help'], dir);
      const usage = await p.waitFor(/Usage: claimdesk/).then(() => true, () => false);
      return { cmd, usage, code: await exited(p.child) };
    }));
    for (const r of results) expect({ cmd: r.cmd, usage: r.usage, code: r.code }).toEqual({ cmd: r.cmd, usage: true, code: 0 });
  });

  it('exits 2 on bad input with a message that names the option', () => {
    const dir = tempDir();
    const r = run(['demo', '--out', dir, '--orders', 'many'], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/orders must be an integer/);
    expect(run(['no-such-command'], dir).status).toBe(2);
    const w = run(['worker'], dir);
    expect(w.status).toBe(2);
    expect(w.stderr).toMatch(/single-process/);
  });

  it('migrates with --json and is idempotent', () => {
    const dir = tempDir();
    const first = run(['migrate', '--json'], dir);
    expect(first.status, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout).applied).toContain('0001_core.sql');
    const again = JSON.parse(run(['migrate', '--json'], dir).stdout);
    expect(again).toMatchObject({ applied: [] });
  });

  it('creates a real workspace with its owner, and refuses a taken slug (exit 2)', () => {
    const dir = tempDir();
    const r = run(['workspace', 'create', '--name', 'Acme Goods', '--slug', 'acme', '--owner-email', 'Ann@Acme.test', '--owner-name', 'Ann', '--timezone', 'Europe/Berlin', '--json'], dir);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ ownerEmail: 'ann@acme.test', password: expect.stringMatching(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/) });
    const again = run(['workspace', 'create', '--name', 'Acme', '--slug', 'acme', '--owner-email', 'ann@acme.test', '--owner-name', 'Ann'], dir);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/slug "acme" exists/);
  });

  it('exits 3 and releases the data directory when the port is taken', async () => {
    const dir = tempDir();
    const blocker = createServer().listen(0, '127.0.0.1');
    await once(blocker, 'listening');
    try {
      const port = (blocker.address() as AddressInfo).port;
      const r = run(['serve', '--port', String(port), '--no-demo'], dir);
      expect(r.status).toBe(3);
      expect(r.stderr).toMatch(/another program uses that port/);
      expect(existsSync(join(dir, 'claimdesk.lock'))).toBe(false);
    } finally {
      blocker.close();
    }
  });

  it('refuses a second process on the same embedded data directory with a clear error (exit 3)', async () => {
    const dir = tempDir();
    const server = start(['serve', '--port', '0', '--no-demo'], dir);
    await server.waitFor(/running at http:\/\/localhost:\d+/);
    const second = run(['migrate'], dir);
    expect(second.status).toBe(3);
    expect(second.stderr).toMatch(/in use by another claimdesk process \(pid \d+ .*serve/);
    server.child.kill('SIGTERM');
    expect(await exited(server.child)).toBe(0);
    expect(run(['migrate'], dir).status).toBe(0);
  });

  it('leaves a consistent database when killed during demo seeding, and seeds fully on the next start', async () => {
    const dir = tempDir();
    const seeding = start(['seed-demo', '--orders', '4000'], dir);
    // Killed right after a batch was written inside the open transaction, not before or after it.
    await seeding.waitFor(/seeding: (250|500|750)\/4000 orders/);
    seeding.child.kill('SIGKILL');
    await exited(seeding.child);
    const r = run(['seed-demo', '--orders', '4000', '--json'], dir);
    expect(r.status, r.stderr).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result).toMatchObject({ created: true, orders: 4000 });
    const manifest = JSON.parse(readFileSync(join(dir, 'demo-files', 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ orders: 4000, seed: 42 });
    expect(manifest.discrepancyCount).toBeGreaterThan(0);
    expect(result.tickets).toBeGreaterThan(1000);
    const again = JSON.parse(run(['seed-demo', '--orders', '4000', '--json'], dir).stdout);
    expect(again).toMatchObject({ created: false, workspaceId: result.workspaceId, tickets: result.tickets });
  });
});

describe('claimdesk on a PostgreSQL server', () => {
  it('runs serve and a separate worker process against one database', async (ctx) => {
    const { DRIVERS, scratchDatabase } = await import('./support/db.ts');
    const pgDriver = DRIVERS.find((d) => d.name === 'postgres')!;
    if (pgDriver.skipReason) ctx.skip(pgDriver.skipReason);
    const pg = (await import('pg')).default;
    const scratch = await scratchDatabase('claimdesk_cli');
    const dir = tempDir();
    const pgEnv = { ...env(dir), DATABASE_URL: scratch.url, CLAIMDESK_SECRET_KEY: Buffer.alloc(32, 7).toString('base64') };
    const spawnWith = (args: string[]) => {
      const child = spawn(process.execPath, [BIN, ...args], { env: pgEnv, stdio: ['ignore', 'pipe', 'pipe'] });
      children.push(child);
      let seen = '';
      child.stdout!.on('data', (d: Buffer) => (seen += d.toString()));
      child.stderr!.on('data', (d: Buffer) => (seen += d.toString()));
      return { child, output: () => seen };
    };
    try {
      const server = spawnWith(['serve', '--port', '0', '--no-worker', '--no-demo']);
      const worker = spawnWith(['worker']);
      const db = new pg.Client({ connectionString: scratch.url });
      await db.connect();
      try {
        let done = false;
        for (let i = 0; i < 120 && !done; i++) {
          await new Promise((r) => setTimeout(r, 500));
          const r = await db.query(`SELECT state FROM jobs WHERE queue = 'maintenance' AND state = 'done'`).catch(() => ({ rows: [] }));
          done = r.rows.length > 0;
        }
        expect(done, `${server.output()}\n${worker.output()}`).toBe(true);
        expect(server.output()).toMatch(/database: PostgreSQL server/);
        expect(worker.output()).toMatch(/worker running/);
      } finally {
        await db.end();
      }
      server.child.kill('SIGTERM');
      worker.child.kill('SIGTERM');
      expect(await exited(server.child)).toBe(0);
      expect(await exited(worker.child)).toBe(0);
    } finally {
      await scratch.drop();
    }
  });
});
