import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { App } from '../access/index.ts';
import { syncOrders, type ChildUpdate, type OrderSnapshotInput } from '../commerce/index.ts';
import type { Clock } from '../kernel/index.ts';
import type { Db, Queryable } from '../platform/db/port.ts';
import { defineJob, enqueue } from '../platform/jobs.ts';
import type { Logger } from '../platform/log.ts';
import type { SecretBox } from '../platform/secret-box.ts';
import { loadAccount, type ChannelAccountContext } from './accounts.ts';
import { ingestMessages } from './ingest.ts';
import { handleMetaVerification, parseMetaWebhook, verifyMetaSignature } from './meta/index.ts';
import { headerValue, parseJsonKeepingBigInts, parseShopifyWebhook, shopifyOrderName, ShopifyAdminClient, verifyShopifyWebhook } from './shopify/index.ts';
import { parseTikTokWebhook, tiktokRefetchPlan, TikTokShopClient, verifyTikTokWebhook } from './tiktok/index.ts';
import type { CommerceUpdate, OrderSnapshot } from './types.ts';

export const WEBHOOK_QUEUE = 'webhook.process';
const MAX_WEBHOOK_BYTES = 5 * 1024 * 1024;

export interface WebhookDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly secrets: SecretBox;
  readonly log: Logger;
  readonly fetch?: typeof fetch;
}

type Provider = 'shopify' | 'tiktok' | 'meta';
const KIND: Record<Provider, ChannelAccountContext['kind']> = { shopify: 'shopify', tiktok: 'tiktok', meta: 'instagram' };

async function accountFor(deps: WebhookDeps, provider: Provider, accountId: string): Promise<ChannelAccountContext | null> {
  const r = await deps.db.query<{ workspace_id: string }>('SELECT workspace_id FROM channel_accounts WHERE id = $1 AND kind = $2', [accountId, KIND[provider]]);
  const ws = r.rows[0]?.workspace_id;
  return ws ? loadAccount(deps.db, deps.secrets, ws, accountId) : null;
}

/** Stores the delivery (once per delivery id) and queues its processing in the same transaction. */
async function accept(deps: WebhookDeps, a: ChannelAccountContext, provider: Provider, deliveryId: string, topic: string, payload: unknown): Promise<boolean> {
  return deps.db.transaction(async (tx) => {
    const r = await tx.query(
      `INSERT INTO webhook_receipts (workspace_id, channel_account_id, delivery_id, provider, topic, payload, received_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (channel_account_id, delivery_id) DO NOTHING RETURNING 1`,
      [a.workspaceId, a.id, deliveryId, provider, topic, JSON.stringify(payload), deps.clock.now()]);
    if (!r.rows.length) return false;
    await enqueue(tx, WEBHOOK_QUEUE, { accountId: a.id, deliveryId }, { workspaceId: a.workspaceId, dedupeKey: `${a.id}:${deliveryId}`, maxAttempts: 10 });
    return true;
  });
}

const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

async function rawBody(req: Request): Promise<Buffer | null> {
  const len = Number(req.headers.get('content-length') ?? 0);
  if (len > MAX_WEBHOOK_BYTES) return null;
  const buf = Buffer.from(await req.arrayBuffer());
  return buf.byteLength > MAX_WEBHOOK_BYTES ? null : buf;
}

/**
 * Public webhook endpoints, one URL per channel account (shown in Settings): the signature over the raw
 * body is checked before anything is parsed, the delivery is stored once per delivery id, and the work
 * happens in a job, so the provider gets its 200 quickly and a crash loses nothing.
 */
export function webhookRoutes(app: App, deps: WebhookDeps): void {
  const headersOf = (req: Request): Record<string, string> => Object.fromEntries(req.headers.entries());

  app.post('/hooks/shopify/:accountId', async (c) => {
    const a = await accountFor(deps, 'shopify', c.req.param('accountId'));
    if (!a) return c.json({ error: 'unknown_account' }, 404);
    const body = await rawBody(c.req.raw);
    if (!body) return c.json({ error: 'too_large' }, 413);
    const secret = a.credentials.apiSecret;
    if (!secret) return c.json({ error: 'account has no API secret configured' }, 401);
    const v = verifyShopifyWebhook(body, headersOf(c.req.raw), [secret]);
    if (!v.valid) return c.json({ error: 'invalid_signature', reason: v.reason }, 401);
    let payload: unknown;
    try { payload = parseJsonKeepingBigInts(body); } catch { return c.json({ error: 'body is not JSON' }, 400); }
    const triggeredAt = headerValue(headersOf(c.req.raw), 'x-shopify-triggered-at');
    const stored = await accept(deps, a, 'shopify', v.webhookId ?? `sha256:${sha256(body)}`, v.topic ?? 'unknown', { body: payload, triggeredAt });
    return c.json({ ok: true, duplicate: !stored }, 200);
  });

  app.post('/hooks/tiktok/:accountId', async (c) => {
    const a = await accountFor(deps, 'tiktok', c.req.param('accountId'));
    if (!a) return c.json({ error: 'unknown_account' }, 404);
    const body = await rawBody(c.req.raw);
    if (!body) return c.json({ error: 'too_large' }, 413);
    const { appKey, appSecret } = a.credentials;
    if (!appKey || !appSecret) return c.json({ error: 'account has no app key/secret configured' }, 401);
    if (!verifyTikTokWebhook(body, c.req.header('authorization'), appKey, appSecret)) return c.json({ error: 'invalid_signature' }, 401);
    let event;
    try { event = parseTikTokWebhook(body); } catch (err) { return c.json({ error: 'bad_payload', message: (err as Error).message }, 400); }
    const stored = await accept(deps, a, 'tiktok', `sha256:${sha256(body)}`, String(event.typeName ?? event.type), parseJsonKeepingBigInts(body));
    return c.json({ code: 0, message: 'success', duplicate: !stored }, 200);
  });

  app.get('/hooks/meta/:accountId', async (c) => {
    const a = await accountFor(deps, 'meta', c.req.param('accountId'));
    if (!a?.credentials.verifyToken) return c.text('unknown account', 404);
    const challenge = handleMetaVerification(Object.fromEntries(new URL(c.req.url).searchParams.entries()), a.credentials.verifyToken);
    return challenge === null ? c.text('verify token mismatch', 403) : c.text(challenge, 200);
  });

  app.post('/hooks/meta/:accountId', async (c) => {
    const a = await accountFor(deps, 'meta', c.req.param('accountId'));
    if (!a) return c.json({ error: 'unknown_account' }, 404);
    const body = await rawBody(c.req.raw);
    if (!body) return c.json({ error: 'too_large' }, 413);
    if (!a.credentials.appSecret) return c.json({ error: 'account has no app secret configured' }, 401);
    if (!verifyMetaSignature(body, c.req.header('x-hub-signature-256') ?? null, a.credentials.appSecret)) return c.json({ error: 'invalid_signature' }, 401);
    let payload: { object?: string };
    try { payload = parseJsonKeepingBigInts(body) as { object?: string }; } catch { return c.json({ error: 'body is not JSON' }, 400); }
    const stored = await accept(deps, a, 'meta', `sha256:${sha256(body)}`, payload.object ?? 'unknown', payload);
    return c.json({ ok: true, duplicate: !stored }, 200);
  });
}

function splitUpdates(updates: readonly CommerceUpdate[], displayName: string | null): { snapshots: OrderSnapshotInput[]; children: ChildUpdate[] } {
  const snapshots: OrderSnapshotInput[] = [];
  const children: ChildUpdate[] = [];
  for (const u of updates) {
    if (u.kind === 'order') snapshots.push(toSnapshotInput(u.order, displayName));
    else children.push(u);
  }
  return { snapshots, children };
}

export function toSnapshotInput(o: OrderSnapshot, displayName: string | null = null): OrderSnapshotInput {
  return { ...o, displayName };
}

async function markProcessed(q: Queryable, accountId: string, deliveryId: string, now: Date, error: string | null): Promise<void> {
  await q.query('UPDATE webhook_receipts SET processed_at = CASE WHEN $4::text IS NULL THEN $3::timestamptz ELSE processed_at END, error = $4 WHERE channel_account_id = $1 AND delivery_id = $2',
    [accountId, deliveryId, now, error]);
}

/** Applies one stored webhook delivery: orders, refunds, returns, fulfilments, or customer messages. */
export function webhookJob(deps: WebhookDeps) {
  return defineJob({
    queue: WEBHOOK_QUEUE,
    payload: z.object({ accountId: z.string(), deliveryId: z.string() }),
    async handle(p) {
      const r = await deps.db.query<{ workspace_id: string; provider: Provider; topic: string; payload: unknown }>(
        'SELECT workspace_id, provider, topic, payload FROM webhook_receipts WHERE channel_account_id = $1 AND delivery_id = $2', [p.accountId, p.deliveryId]);
      const rec = r.rows[0];
      if (!rec) return;
      const a = await loadAccount(deps.db, deps.secrets, rec.workspace_id, p.accountId);
      if (!a) return;
      const now = deps.clock.now();
      try {
        if (rec.provider === 'shopify') await applyShopify(deps, a, rec.topic, rec.payload as { body: unknown; triggeredAt: string | null }, now);
        else if (rec.provider === 'tiktok') await applyTikTok(deps, a, rec.payload, now);
        else await deps.db.transaction((tx) => ingestMessages(tx, a.workspaceId, parseMetaWebhook(rec.payload, { channelAccountId: a.id, pageOrIgUserId: a.credentials.pageId || a.externalId || '' }), now));
        await markProcessed(deps.db, p.accountId, p.deliveryId, now, null);
      } catch (err) {
        await markProcessed(deps.db, p.accountId, p.deliveryId, now, (err as Error).message.slice(0, 2000));
        throw err;
      }
    },
  });
}

async function applyShopify(deps: WebhookDeps, a: ChannelAccountContext, topic: string, stored: { body: unknown; triggeredAt: string | null }, now: Date): Promise<void> {
  const updates = parseShopifyWebhook(topic, stored.body, { triggeredAt: stored.triggeredAt ? new Date(stored.triggeredAt) : null });
  const name = topic.startsWith('orders/') ? shopifyOrderName(stored.body) : null;
  const { snapshots, children } = splitUpdates(updates, name);
  const result = await deps.db.transaction((tx) => syncOrders(tx, a.workspaceId, a.id, snapshots, children, now));
  if (result.missingOrders.length === 0) return;
  // A refund or fulfilment for an order we have not seen: fetch the order from the Admin API, then apply again.
  const { accessToken, apiVersion, apiBaseUrl } = a.credentials;
  if (!accessToken || !a.externalId) throw new Error(`order ${result.missingOrders.map((m) => m.externalId).join(', ')} is unknown and the account has no Admin API token to fetch it`);
  const client = new ShopifyAdminClient({ shopDomain: a.externalId, accessToken, apiVersion: apiVersion || '2025-01', ...(apiBaseUrl ? { baseUrl: apiBaseUrl } : {}), ...(deps.fetch ? { fetch: deps.fetch } : {}) });
  const fetched: OrderSnapshotInput[] = [];
  for (const m of result.missingOrders) {
    const o = await client.getOrder(m.externalId);
    if (o) fetched.push(toSnapshotInput(o));
  }
  await deps.db.transaction((tx) => syncOrders(tx, a.workspaceId, a.id, fetched, children, now));
}

async function applyTikTok(deps: WebhookDeps, a: ChannelAccountContext, payload: unknown, now: Date): Promise<void> {
  const plan = tiktokRefetchPlan(parseTikTokWebhook(JSON.stringify(payload)));
  if (plan.deauthorized) {
    await deps.db.query(`UPDATE channel_accounts SET status = 'error' WHERE id = $1`, [a.id]);
    return;
  }
  if (!plan.orderIds.length && !plan.returnsForOrderIds.length) return;
  const c = a.credentials;
  if (!c.appKey || !c.appSecret || !c.accessToken) throw new Error('TikTok account has no app key, secret and access token to fetch the order');
  const client = new TikTokShopClient({ appKey: c.appKey, appSecret: c.appSecret, accessToken: c.accessToken, baseUrl: c.apiBaseUrl || 'https://open-api.tiktokglobalshop.com',
    ...(c.shopCipher ? { shopCipher: c.shopCipher } : {}), ...(deps.fetch ? { fetch: deps.fetch } : {}), now: () => deps.clock.now() });
  const orders = plan.orderIds.length ? await client.getOrders(plan.orderIds) : [];
  const returns = plan.returnsForOrderIds.length ? await client.searchReturns({ orderIds: plan.returnsForOrderIds }) : [];
  const { snapshots, children } = splitUpdates([...orders.map((order) => ({ kind: 'order' as const, order })), ...returns], null);
  await deps.db.transaction((tx) => syncOrders(tx, a.workspaceId, a.id, snapshots, children, now));
}
