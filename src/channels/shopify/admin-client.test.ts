import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ChannelInputError } from '../types.ts';
import { ShopifyAdminClient, ShopifyApiError } from './admin-client.ts';
import { shopifyOrderName } from './parse.ts';
import { sendJson, startLocalServer, type LocalServer } from './test-support.ts';

const ORDER_JSON = join(import.meta.dirname, '../../../../shared/fixtures/webhooks/shopify-python-api-fixtures/order.json');
const present = existsSync(ORDER_JSON);
if (!present) console.warn(`${ORDER_JSON} not found: Shopify Admin client tests skipped`);

describe.skipIf(!present)('ShopifyAdminClient against a local server serving order.json', () => {
  const VERSION = '2025-01';
  const TOKEN = 'shpat_test_token';
  let server: LocalServer;
  // Per-path scripted answers: each request to the path consumes the next one; the last one repeats.
  const script = new Map<string, { status: number; body: string; headers?: Record<string, string> }[]>();

  beforeAll(async () => {
    const orderBody = readFileSync(ORDER_JSON, 'utf8');
    server = await startLocalServer((req, res) => {
      const path = req.url.split('?')[0] ?? '';
      if (req.headers['x-shopify-access-token'] !== TOKEN) return sendJson(res, 401, { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' });
      const steps = script.get(path);
      if (steps) {
        const step = steps.length > 1 ? steps.shift() : steps[0];
        if (step) return sendJson(res, step.status, step.body, step.headers);
      }
      if (path === `/admin/api/${VERSION}/orders/450789469.json`) return sendJson(res, 200, orderBody, { 'x-request-id': 'req-ok' });
      return sendJson(res, 404, { errors: 'Not Found' });
    });
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.requests.length = 0;
    script.clear();
  });

  const client = (over: Partial<ConstructorParameters<typeof ShopifyAdminClient>[0]> = {}, sleeps: number[] = []) =>
    new ShopifyAdminClient({ shopDomain: 'shop1.myshopify.com', accessToken: TOKEN, apiVersion: VERSION, baseUrl: server.url, sleep: async (ms) => void sleeps.push(ms), ...over });

  it('GETs /admin/api/{version}/orders/{id}.json with the access token and maps the order', async () => {
    const order = await client().getOrder('450789469');
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]).toMatchObject({ method: 'GET', url: '/admin/api/2025-01/orders/450789469.json' });
    expect(server.requests[0]?.headers['x-shopify-access-token']).toBe(TOKEN);
    expect(order).toMatchObject({ externalId: '450789469', totalMinor: 40994, currency: 'USD', status: 'authorized' });
    expect(order?.items.map((i) => i.sku)).toEqual(['IPOD2008GREEN', 'IPOD2008RED', 'IPOD2008BLACK']);
    expect(order?.shipments[0]?.trackingNumber).toBe('1Z2345');
  });

  it('getOrderPayload gives the JSON for shopifyOrderName', async () => {
    expect(shopifyOrderName(await client().getOrderPayload('450789469'))).toBe('#1001');
  });

  it('returns null for 404', async () => {
    expect(await client().getOrder('1')).toBeNull();
  });

  it('waits Retry-After on 429 and retries', async () => {
    const p = `/admin/api/${VERSION}/orders/450789469.json`;
    const order = readFileSync(ORDER_JSON, 'utf8');
    script.set(p, [
      { status: 429, body: '{"errors":"Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service."}', headers: { 'retry-after': '2.0' } },
      { status: 429, body: '{"errors":"Exceeded"}', headers: { 'retry-after': '0.5' } },
      { status: 200, body: order },
    ]);
    const sleeps: number[] = [];
    const got = await client({}, sleeps).getOrder('450789469');
    expect(got?.externalId).toBe('450789469');
    expect(sleeps).toEqual([2000, 500]);
    expect(server.requests).toHaveLength(3);
  });

  it('gives up after maxRetries with a retryable 429 error', async () => {
    script.set(`/admin/api/${VERSION}/orders/5.json`, [{ status: 429, body: '{"errors":"Exceeded"}', headers: { 'retry-after': '120' } }]);
    const sleeps: number[] = [];
    const err = await client({ maxRetries: 2, maxRetryAfterMs: 10_000 }, sleeps).getOrder('5').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ShopifyApiError);
    expect(err).toMatchObject({ status: 429, retryable: true });
    expect(sleeps).toEqual([10_000, 10_000]); // Retry-After capped
    expect(server.requests).toHaveLength(3);
  });

  it('reports 401 clearly and does not retry', async () => {
    const err = await client({ accessToken: 'wrong' }).getOrder('450789469').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ShopifyApiError);
    expect(err).toMatchObject({ status: 401, retryable: false });
    expect((err as Error).message).toMatch(/HTTP 401 \(access token invalid or revoked\): \[API\] Invalid API key/);
    expect(server.requests).toHaveLength(1);
  });

  it('reports 5xx as retryable with the request id', async () => {
    script.set(`/admin/api/${VERSION}/orders/7.json`, [{ status: 503, body: '{"errors":"Service unavailable"}', headers: { 'x-request-id': 'abc-123' } }]);
    const err = await client().getOrder('7').catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 503, retryable: true, requestId: 'abc-123' });
    expect((err as Error).message).toContain('Service unavailable');
  });

  it('reports an unreachable server as a retryable error (status 0)', async () => {
    const err = await client({ baseUrl: 'http://127.0.0.1:1' }).getOrder('450789469').catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 0, retryable: true });
  });

  it('refuses a non-numeric id before any request', async () => {
    await expect(client().getOrder('../shop')).rejects.toBeInstanceOf(ChannelInputError);
    expect(server.requests).toHaveLength(0);
  });

  it('validates its options', () => {
    expect(() => new ShopifyAdminClient({ shopDomain: 'evil.example.com', accessToken: 't', apiVersion: '2025-01' })).toThrow(/shopDomain/);
    expect(() => new ShopifyAdminClient({ shopDomain: 'a.myshopify.com', accessToken: 't', apiVersion: 'latest' })).toThrow(/apiVersion/);
  });
});
