import { z } from 'zod';
import { syncOrders, type OrderSnapshotInput } from '../commerce/index.ts';
import type { Clock } from '../kernel/index.ts';
import { marketplaceByCode } from '../kernel/index.ts';
import type { Db } from '../platform/db/port.ts';
import { defineJob, enqueue } from '../platform/jobs.ts';
import type { Logger } from '../platform/log.ts';
import type { SecretBox } from '../platform/secret-box.ts';
import { listAccounts, type ChannelAccountContext } from './accounts.ts';
import { createSpApi, LWA_ENDPOINT, SP_API_ENDPOINTS, spOrderToSnapshot } from './amazon-sp/index.ts';
import { toSnapshotInput } from './webhooks.ts';

export const AMAZON_SYNC_QUEUE = 'amazon.orders.sync';
const EVERY_MS = 15 * 60_000;
/** Amazon wants LastUpdatedAfter at least two minutes in the past. */
const SAFETY_MS = 2 * 60_000;
const FIRST_SYNC_DAYS = 30;

export interface AmazonSyncDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly secrets: SecretBox;
  readonly log: Logger;
  readonly fetch?: typeof fetch;
}

/** Syncs one Amazon account's orders updated since its cursor; the cursor only moves once the batch committed. */
export async function syncAmazonOrders(deps: AmazonSyncDeps, a: ChannelAccountContext): Promise<{ orders: number; through: string }> {
  const c = a.credentials;
  const mkt = a.marketplace ? marketplaceByCode(a.marketplace) : undefined;
  if (!mkt) throw new Error(`Amazon account "${a.name}" has no known marketplace`);
  if (!c.lwaClientId || !c.lwaClientSecret || !c.refreshToken) throw new Error(`Amazon account "${a.name}" has no SP-API credentials`);
  const api = createSpApi({
    endpoint: c.spApiEndpoint || SP_API_ENDPOINTS[mkt.region], lwaEndpoint: c.lwaEndpoint || LWA_ENDPOINT,
    credentials: { clientId: c.lwaClientId, clientSecret: c.lwaClientSecret, refreshToken: c.refreshToken }, ...(deps.fetch ? { fetch: deps.fetch } : {}),
  });
  const r = await deps.db.query<{ through: string | null }>(`SELECT settings->>'ordersSyncedThrough' AS through FROM channel_accounts WHERE id = $1`, [a.id]);
  const now = deps.clock.now();
  const since = r.rows[0]?.through ?? new Date(now.getTime() - FIRST_SYNC_DAYS * 86_400_000).toISOString();
  const until = new Date(now.getTime() - SAFETY_MS).toISOString();
  let count = 0;
  for await (const page of api.orders.iterateOrderPages({ marketplaceIds: [mkt.id], lastUpdatedAfter: since, lastUpdatedBefore: until })) {
    const snapshots: OrderSnapshotInput[] = [];
    for (const o of page.orders) snapshots.push(toSnapshotInput(spOrderToSnapshot(o, await api.orders.getOrderItems(o.AmazonOrderId))));
    await deps.db.transaction((tx) => syncOrders(tx, a.workspaceId, a.id, snapshots, [], now));
    count += snapshots.length;
  }
  await deps.db.query(`UPDATE channel_accounts SET settings = settings || jsonb_build_object('ordersSyncedThrough', $2::text) WHERE id = $1`, [a.id, until]);
  return { orders: count, through: until };
}

/** Every 15 minutes: each connected Amazon account's new and changed orders. */
export function amazonOrdersSyncJob(deps: AmazonSyncDeps) {
  return defineJob({
    queue: AMAZON_SYNC_QUEUE,
    payload: z.object({}).passthrough(),
    async handle() {
      const accounts = (await listAccounts(deps.db, deps.secrets, 'amazon')).filter((a) => !a.demo && a.credentials.refreshToken);
      const errors: string[] = [];
      for (const a of accounts) {
        try {
          const r = await syncAmazonOrders(deps, a);
          deps.log.info('amazon orders synced', { account: a.id, orders: r.orders });
        } catch (err) {
          errors.push(`${a.name}: ${(err as Error).message}`);
        }
      }
      await scheduleAmazonSync(deps.db, new Date(deps.clock.now().getTime() + EVERY_MS));
      if (errors.length) deps.log.warn('amazon order sync failed', { errors });
    },
  });
}

export async function scheduleAmazonSync(db: Db, at: Date): Promise<void> {
  const slot = Math.floor(at.getTime() / EVERY_MS);
  await enqueue(db, AMAZON_SYNC_QUEUE, {}, { runAt: at, dedupeKey: String(slot), maxAttempts: 3 });
}
