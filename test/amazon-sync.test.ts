// The Amazon order sync job against a local replay of Amazon's own sandbox examples (Orders v0). The sandbox
// answers getOrders only for its test-case parameters, so the intercept replays the TEST_CASE_200 example for
// the sync's real LastUpdatedAfter window, and its getOrderItems example for each order.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { syncAmazonOrders } from '../src/channels/amazon-sync.ts';
import { loadAccount } from '../src/channels/accounts.ts';
import { sandboxFixturesAvailable, startSandboxServer } from '../src/channels/amazon-sp/index.ts';
import { createChannelAccount } from '../src/commerce/index.ts';
import { fixedClock } from '../src/kernel/index.ts';
import type { Db } from '../src/platform/db/port.ts';
import { createLogger } from '../src/platform/log.ts';
import { secretBox } from '../src/platform/secret-box.ts';
import { DRIVERS, freshDbPerTest } from './support/db.ts';
import { seedSmallWorkspace, T0 } from './support/fixtures.ts';

const available = sandboxFixturesAvailable();
if (!available) console.warn('[skip] Amazon SP-API sandbox fixtures not found; the order sync test replays them');

describe.skipIf(!available).each(DRIVERS)('Amazon order sync on $name', (driver) => {
  let db: Db;
  freshDbPerTest(driver, (d) => (db = d));

  it('stores the orders SP-API reports, moves its cursor, and a second run changes nothing', async () => {
    const s = await seedSmallWorkspace(db, 'spapi');
    const secrets = secretBox(randomBytes(32));
    const seen: string[] = [];
    const sandbox = await startSandboxServer({
      intercept: (req, server) => {
        const items = /^\/orders\/v0\/orders\/[^/]+\/orderItems$/.test(req.path);
        if (items) {
          const op = server.operations.find((o) => o.operationId === 'getOrderItems')!;
          return { status: 200, json: op.examples.find((e) => e.status === 200)!.response };
        }
        if (req.path !== '/orders/v0/orders') return undefined;
        seen.push(req.query.get('LastUpdatedAfter') ?? '');
        const op = server.operations.find((o) => o.operationId === 'getOrders')!;
        const example = op.examples.find((e) => e.status === 200 && e.parameters.CreatedAfter === 'TEST_CASE_200')!;
        return { status: 200, json: example.response };
      },
    });
    try {
      const created = await createChannelAccount(db, secrets, s.workspaceId, {
        kind: 'amazon', name: 'Amazon US (API)', marketplace: 'US', externalId: 'A2SPAPI',
        credentials: { lwaClientId: 'amzn1.application-oa2-client.test', lwaClientSecret: 'secret', refreshToken: 'Atzr|test', spApiEndpoint: sandbox.endpoint, lwaEndpoint: sandbox.lwaEndpoint },
      }, T0);
      if (!created.ok) throw new Error(created.message);
      const account = (await loadAccount(db, secrets, s.workspaceId, created.value.id))!;
      const deps = { db, clock: fixedClock(T0), secrets, log: createLogger('silent') };
      const first = await syncAmazonOrders(deps, account);
      expect(first.orders).toBeGreaterThan(0);
      const orders = await db.query<{ external_id: string; fulfillment: string; items: number }>(
        `SELECT o.external_id, o.fulfillment, (SELECT count(*)::int FROM order_items i WHERE i.order_id = o.id) AS items FROM orders o WHERE o.channel_account_id = $1 ORDER BY 1`, [created.value.id]);
      expect(orders.rows.length).toBe(first.orders);
      expect(orders.rows.every((o) => /^\d{3}-\d{7}-\d{7}$/.test(o.external_id) && o.items > 0)).toBe(true);
      expect(seen[0]).toBe(new Date(T0.getTime() - 30 * 86_400_000).toISOString());
      const second = await syncAmazonOrders({ ...deps, clock: fixedClock(new Date(T0.getTime() + 900_000)) }, account);
      // The cursor moved: the second window starts where the first ended.
      expect(seen[1]).toBe(first.through);
      expect(second.orders).toBe(first.orders);
      const again = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM orders WHERE channel_account_id = $1', [created.value.id]);
      expect(again.rows[0]!.n).toBe(orders.rows.length);
    } finally {
      await sandbox.close();
    }
  });
});
