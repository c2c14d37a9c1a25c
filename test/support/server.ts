import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateDb, openDeps } from '../../src/main/deps.ts';
import { startServer } from '../../src/main/server.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { createLogger } from '../../src/platform/log.ts';
import { seedDemoReports, seedDemoWorkspace } from '../../src/seeding/index.ts';

/** The real server on 127.0.0.1 with a fresh embedded database holding the demo workspace (with its recovery cases) and the built web UI. */
export async function startTestServer(opts: { orders?: number } = {}): Promise<{ url: string; login: { email: string; password: string }; close(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'claimdesk-e2e-'));
  const config = loadConfig({ CLAIMDESK_DATA_DIR: dir, PORT: '0' });
  const deps = await openDeps(config, { purpose: 'test server', log: createLogger('warn') });
  const password = 'e2e-demo-password';
  try {
    await migrateDb(deps.db);
    const seeded = await seedDemoWorkspace(deps, { seed: 42, orders: opts.orders ?? 2000, password });
    // As `serve` does: the demo's Amazon report files imported and reconciled (the Recovery screen's cases).
    await seedDemoReports(deps.db, { workspaceId: seeded.workspaceId, seed: 42, orders: seeded.orders, seededAt: seeded.seededAt, filesDir: join(dir, 'demo-files'), now: () => deps.clock.now() });
    const server = await startServer(deps, { port: 0, host: '127.0.0.1', worker: true });
    return {
      url: server.url.replace('localhost', '127.0.0.1'),
      login: { email: seeded.email, password },
      async close() {
        await server.close();
        await deps.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await deps.close();
    throw err;
  }
}
