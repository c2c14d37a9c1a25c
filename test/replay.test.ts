// Every inbound fixture, delivered twice, leaves the same rows as once: e-mail (all torture corpora and our
// Amazon relay samples), Shopify webhooks (the official HMAC vector and the python-api payloads), the TikTok
// webhook sample, and Instagram messages in Meta's documented shape. Negative signature vectors are refused.
import { createHash, createHmac } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestMessages, storeParsed, parseRaw, webhookJob } from '../src/channels/index.ts';
import { BUYER_SAMPLES, SYSTEM_SAMPLES } from '../src/channels/email/relay-samples.ts';
import type { Db } from '../src/platform/db/port.ts';
import { createJobWorker } from '../src/platform/jobs.ts';
import { fixedClock } from '../src/kernel/index.ts';
import { client, testApp } from './support/app.ts';
import { DRIVERS, freshDbPerTest } from './support/db.ts';
import { seedSmallWorkspace } from './support/fixtures.ts';

const FIX = resolve(import.meta.dirname, '../../shared/fixtures');
const EMAIL = join(FIX, 'email');
const WEBHOOKS = join(FIX, 'webhooks');
const present = existsSync(EMAIL) && existsSync(WEBHOOKS);
if (!present) console.warn(`[skip] fixtures not found at ${FIX}: the replay test reads them in place`);

function files(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((e) => {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) return files(p);
    return /LICENSE|README/i.test(e) || e.startsWith('.') ? [] : [p];
  });
}

const TABLES = ['tickets', 'messages', 'customers', 'customer_identities', 'orders', 'order_items', 'shipments', 'tracking_events', 'refunds', 'returns',
  'attachments', 'message_attachments', 'inbound_skipped', 'webhook_receipts', 'events', 'jobs'];

async function counts(db: Db): Promise<Record<string, number>> {
  const r = await db.query<Record<string, number>>(`SELECT ${TABLES.map((t) => `(SELECT count(*)::int FROM ${t}) AS ${t}`).join(', ')}`);
  return r.rows[0]!;
}

const TIKTOK = present ? JSON.parse(readFileSync(join(WEBHOOKS, 'tiktok/tiktokshop-vectors.json'), 'utf8')) : null;
const SHOPIFY_VECTORS = present ? JSON.parse(readFileSync(join(WEBHOOKS, 'shopify-hmac-vectors.json'), 'utf8')) : null;
const shopifyFixture = (name: string, key: string) => JSON.stringify(JSON.parse(readFileSync(join(WEBHOOKS, 'shopify-python-api-fixtures', name), 'utf8'))[key]);

// Instagram messaging webhook in the shape Meta documents (written by us; values invented).
const META_PAYLOAD = JSON.stringify({
  object: 'instagram',
  entry: [{ id: '17841400000000001', time: 1763800000000, messaging: [
    { sender: { id: '6143720000000001' }, recipient: { id: '17841400000000001' }, timestamp: 1763800000000, message: { mid: 'aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQx', text: 'Hi, my candle arrived broken. Order #1001' } },
    { sender: { id: '17841400000000001' }, recipient: { id: '6143720000000001' }, timestamp: 1763800005000, message: { mid: 'aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQy', text: 'echo of our own reply', is_echo: true } },
  ] }],
});

// TikTok's answer when the job re-fetches the order the webhook names (shape of Get Order Detail 202309; values invented).
function tiktokFetch(orderId: string): typeof fetch {
  return (async (input: string | URL | Request) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    if (!url.pathname.startsWith('/order/202309/orders')) return new Response(JSON.stringify({ code: 40006, message: 'not found' }), { status: 404 });
    return new Response(JSON.stringify({ code: 0, message: 'Success', request_id: 'r1', data: { orders: [{
      id: orderId, status: 'AWAITING_SHIPMENT', create_time: 1664095000, update_time: 1664095610, shipping_type: 'TIKTOK', user_id: '7021436810468230477', buyer_email: 'v2abc@scs.tiktokw.us',
      payment: { currency: 'USD', sub_total: '19.99', shipping_fee: '0', seller_discount: '0', platform_discount: '0', tax: '1.60', total_amount: '21.59' },
      recipient_address: { postal_code: '90001', region_code: 'US', district_info: [{ address_level_name: 'City', address_name: 'Los Angeles', address_level: 'L3' }] },
      line_items: [{ id: '1', sku_id: '1', seller_sku: 'CANDLE-AMBER', product_name: 'Amber candle', sale_price: '19.99', currency: 'USD' }],
    }] } }), { status: 200, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
}

describe.skipIf(!present).each(DRIVERS)('replaying every inbound fixture twice on $name', (driver) => {
  let db: Db;
  freshDbPerTest(driver, (d) => (db = d));

  it('stores each e-mail, webhook and message once, and refuses bad signatures', async () => {
    const s = await seedSmallWorkspace(db, 'rpl');
    const { app, secrets, log } = testApp(db);
    const owner = client(app);
    expect((await owner.login('owner@rpl.test', s.password)).status).toBe(200);
    const vector = SHOPIFY_VECTORS.webhook_hmac_sha256_base64[0];
    const shop = await owner.call('POST', '/api/channel-accounts', { kind: 'shopify', name: 'Shop', externalId: vector.headers['X-Shopify-Shop-Domain'], credentials: { apiSecret: vector.secret } });
    const tiktok = await owner.call('POST', '/api/channel-accounts', { kind: 'tiktok', name: 'TikTok', externalId: TIKTOK.webhook_sample.raw_body.match(/"shop_id":"(\d+)"/)[1],
      credentials: { appKey: TIKTOK.webhook_signature.app_key, appSecret: TIKTOK.webhook_signature.app_secret, accessToken: 'tok', apiBaseUrl: 'http://tiktok.invalid' } });
    const ig = await owner.call('POST', '/api/channel-accounts', { kind: 'instagram', name: 'Instagram', externalId: '17841400000000001', credentials: { appSecret: 'meta-app-secret', pageId: '17841400000000001' } });
    expect([shop.status, tiktok.status, ig.status]).toEqual([201, 201, 201]);

    const mails = files(EMAIL).map((f) => ({ origin: f, bytes: readFileSync(f) }));
    const relay = [...BUYER_SAMPLES, ...SYSTEM_SAMPLES].map((r) => ({ origin: r.name, bytes: Buffer.from(r.eml) }));
    const shopifyHooks = [
      { topic: vector.headers['X-Shopify-Topic'], id: vector.headers['X-Shopify-Webhook-Id'], body: vector.raw_body, hmac: vector.expected_x_shopify_hmac_sha256 },
      ...[['orders/create', 'order.json', 'order'], ['refunds/create', 'refund.json', 'refund'], ['fulfillments/create', 'fulfillment.json', 'fulfillment']].map(([topic, file, key], i) => {
        const body = shopifyFixture(file!, key!);
        return { topic: topic!, id: `fixture-${i}`, body, hmac: createHmac('sha256', vector.secret).update(body).digest('base64') };
      }),
    ];
    const worker = createJobWorker(db, [webhookJob({ db, clock: fixedClock(new Date(Date.now() + 5000)), secrets, log, fetch: tiktokFetch(JSON.parse(TIKTOK.webhook_sample.raw_body).data.order_id) })], fixedClock(new Date(Date.now() + 5000)));

    const deliverAll = async () => {
      const parsed = await parseRaw([...mails, ...relay]);
      // The one fixture that is not mail at all (an empty file) is reported with its name, not stored.
      expect(parsed.errors.map((e) => `${e.origin.split('/').pop()}: ${e.error}`)).toEqual(['sample_output_multipart: e-mail is empty']);
      await db.transaction((tx) => storeParsed(tx, s.workspaceId, null, parsed.ok, new Date()));
      for (const h of shopifyHooks) {
        const r = await app.request(`/hooks/shopify/${shop.json.id}`, { method: 'POST', body: h.body, headers: {
          'content-type': 'application/json', 'x-shopify-hmac-sha256': h.hmac, 'x-shopify-topic': h.topic, 'x-shopify-webhook-id': h.id,
          'x-shopify-shop-domain': vector.headers['X-Shopify-Shop-Domain'], 'x-shopify-api-version': '2025-01' } });
        expect(r.status, `${h.topic} ${await r.clone().text()}`).toBe(200);
      }
      const t = await app.request(`/hooks/tiktok/${tiktok.json.id}`, { method: 'POST', body: TIKTOK.webhook_sample.raw_body, headers: { authorization: TIKTOK.webhook_signature.expected_authorization, 'content-type': 'application/json' } });
      expect(t.status).toBe(200);
      const sig = `sha256=${createHmac('sha256', 'meta-app-secret').update(META_PAYLOAD).digest('hex')}`;
      const m = await app.request(`/hooks/meta/${ig.json.id}`, { method: 'POST', body: META_PAYLOAD, headers: { 'x-hub-signature-256': sig, 'content-type': 'application/json' } });
      expect(m.status).toBe(200);
      while ((await worker.runOnce()) > 0);
    };

    await deliverAll();
    const once = await counts(db);
    await deliverAll();
    expect(await counts(db)).toEqual(once);

    // What landed: mail tickets (bounces and auto-replies kept out), the Shopify order #1001 with its refund and
    // shipment, the TikTok order fetched after its webhook, the Instagram message (the echo ignored).
    const failed = await db.query<{ topic: string; error: string }>('SELECT topic, error FROM webhook_receipts WHERE error IS NOT NULL');
    expect(failed.rows).toEqual([]);
    const orders = await db.query<{ channel: string; external_id: string; display_name: string | null }>(`SELECT channel, external_id, display_name FROM orders WHERE channel <> 'amazon' ORDER BY channel`);
    expect(orders.rows).toEqual([
      { channel: 'shopify', external_id: '450789469', display_name: '#1001' },
      { channel: 'tiktok', external_id: JSON.parse(TIKTOK.webhook_sample.raw_body).data.order_id, display_name: null },
    ]);
    expect(once.refunds).toBeGreaterThanOrEqual(2);
    const igMsgs = await db.query<{ body_text: string }>(`SELECT body_text FROM messages WHERE channel = 'instagram'`);
    expect(igMsgs.rows.map((r) => r.body_text)).toEqual(['Hi, my candle arrived broken. Order #1001']);
    const amazonTickets = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM tickets WHERE channel = 'amazon' AND order_id IS NOT NULL`);
    expect(amazonTickets.rows[0]!.n).toBeGreaterThan(0);
    expect(once.inbound_skipped).toBeGreaterThan(5);

    // Refused: the vector's negative cases, a body changed after signing, an unknown account.
    const bad = await app.request(`/hooks/shopify/${shop.json.id}`, { method: 'POST', body: vector.raw_body + ' ', headers: { 'x-shopify-hmac-sha256': vector.expected_x_shopify_hmac_sha256, 'x-shopify-topic': 'products/create', 'x-shopify-webhook-id': 'x2' } });
    expect(bad.status).toBe(401);
    const badTikTok = await app.request(`/hooks/tiktok/${tiktok.json.id}`, { method: 'POST', body: TIKTOK.webhook_sample.raw_body, headers: { authorization: TIKTOK.webhook_signature.negative.authorization } });
    expect(badTikTok.status).toBe(401);
    const badMeta = await app.request(`/hooks/meta/${ig.json.id}`, { method: 'POST', body: META_PAYLOAD, headers: { 'x-hub-signature-256': `sha256=${createHash('sha256').update('x').digest('hex')}` } });
    expect(badMeta.status).toBe(401);
    expect((await app.request('/hooks/shopify/chn_nope', { method: 'POST', body: '{}' })).status).toBe(404);
    expect(await counts(db)).toEqual(once);
  }, 120_000);

  it('an Instagram message delivered by two processes at once is stored once', async () => {
    const s = await seedSmallWorkspace(db, 'dup');
    const { parseMetaWebhook } = await import('../src/channels/meta/index.ts');
    const msgs = parseMetaWebhook(JSON.parse(META_PAYLOAD), { channelAccountId: null as never, pageOrIgUserId: '17841400000000001' });
    const r = await Promise.all([1, 2].map(() => db.transaction((tx) => ingestMessages(tx, s.workspaceId, msgs, new Date()))));
    expect(r.map((x) => x.stored).sort()).toEqual([0, 1]);
  });
});
