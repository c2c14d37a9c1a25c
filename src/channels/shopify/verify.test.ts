import { createHmac } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headerValue, shopifyQueryStringToSign, verifyShopifyOAuthQuery, verifyShopifyWebhook } from './verify.ts';

const FIXTURES = join(import.meta.dirname, '../../../../shared/fixtures/webhooks');
const VECTORS = join(FIXTURES, 'shopify-hmac-vectors.json');
const present = existsSync(VECTORS);
if (!present) console.warn(`Shopify HMAC vectors not found at ${VECTORS}: vector tests skipped`);

interface WebhookVector { source: string; secret: string; raw_body: string; headers: Record<string, string>; expected_x_shopify_hmac_sha256: string; expected_validation_result: { topic: string; domain: string; apiVersion: string; webhookId: string } }
interface OAuthVector { source: string; secret: string; params: Record<string, string | number[]>; string_to_sign: string; expected_hmac: string }
interface Negative { source: string; secret?: string; raw_body?: string; hmac?: string; x_shopify_hmac_sha256?: string; expect: string }
interface Vectors { webhook_hmac_sha256_base64: WebhookVector[]; oauth_query_hmac_sha256_hex: OAuthVector[]; negative_cases: Negative[] }

const vectors: Vectors = present ? (JSON.parse(readFileSync(VECTORS, 'utf8')) as Vectors) : { webhook_hmac_sha256_base64: [], oauth_query_hmac_sha256_hex: [], negative_cases: [] };
const webhook = vectors.webhook_hmac_sha256_base64[0];
const signedHeaders = (v: WebhookVector): Record<string, string> => ({ ...v.headers, 'X-Shopify-Hmac-Sha256': v.expected_x_shopify_hmac_sha256 });

describe.skipIf(!present)('Shopify webhook HMAC vectors (shopify-hmac-vectors.json)', () => {
  it.each(vectors.webhook_hmac_sha256_base64.map((v) => [v.source.slice(0, 60), v] as const))('%s verifies', (_name, v) => {
    const r = verifyShopifyWebhook(Buffer.from(v.raw_body, 'utf8'), signedHeaders(v), [v.secret]);
    expect(r.valid).toBe(true);
    if (!r.valid) return;
    // The JS library renders the topic as its GraphQL enum ("PRODUCTS_CREATE"); we keep the header's REST form.
    expect(r.topic.toUpperCase().replace('/', '_')).toBe(v.expected_validation_result.topic);
    expect(r.shopDomain).toBe(v.expected_validation_result.domain);
    expect(r.apiVersion).toBe(v.expected_validation_result.apiVersion);
    expect(r.webhookId).toBe(v.expected_validation_result.webhookId);
  });

  it('verifies a string body and lower-case header names (Node lower-cases them)', () => {
    const v = webhook as WebhookVector;
    const lower = Object.fromEntries(Object.entries(signedHeaders(v)).map(([k, x]) => [k.toLowerCase(), x]));
    expect(verifyShopifyWebhook(v.raw_body, lower, [v.secret]).valid).toBe(true);
    expect(verifyShopifyWebhook(v.raw_body, new Headers(lower), [v.secret]).valid).toBe(true);
  });

  it('accepts the old and the new secret during a rotation, and only those', () => {
    const v = webhook as WebhookVector;
    expect(verifyShopifyWebhook(v.raw_body, signedHeaders(v), ['new-secret-not-yet-used', v.secret]).valid).toBe(true);
    expect(verifyShopifyWebhook(v.raw_body, signedHeaders(v), ['new-secret-not-yet-used', 'another'])).toEqual({ valid: false, reason: 'InvalidHmac' });
  });

  it('rejects a body changed by one byte (whitespace after the colon removed)', () => {
    const v = webhook as WebhookVector;
    expect(verifyShopifyWebhook(v.raw_body.replace(': ', ':'), signedHeaders(v), [v.secret])).toEqual({ valid: false, reason: 'InvalidHmac' });
  });

  it('returns X-Shopify-Triggered-At and X-Shopify-Event-Id when sent', () => {
    const v = webhook as WebhookVector;
    const r = verifyShopifyWebhook(v.raw_body, { ...signedHeaders(v), 'X-Shopify-Triggered-At': '2026-07-01T10:00:00.123Z', 'X-Shopify-Event-Id': 'evt-1' }, [v.secret]);
    expect(r.valid && r.triggeredAt?.toISOString()).toBe('2026-07-01T10:00:00.123Z');
    expect(r.valid && r.eventId).toBe('evt-1');
  });

  it('refuses to run without a secret', () => {
    const v = webhook as WebhookVector;
    expect(() => verifyShopifyWebhook(v.raw_body, signedHeaders(v), [])).toThrow(/no webhook secret/);
  });
});

describe.skipIf(!present)('Shopify webhook negative cases (shopify-hmac-vectors.json)', () => {
  const negatives = vectors.negative_cases;
  const invalidHmac = negatives.find((n) => n.x_shopify_hmac_sha256 !== undefined);
  const missingHeaders = negatives.find((n) => n.expect.includes('MissingHeaders'));
  const missingBody = negatives.find((n) => n.expect.includes('MissingBody'));

  it(`${invalidHmac?.source ?? 'invalid HMAC'}`, () => {
    const n = invalidHmac as Negative;
    const v = webhook as WebhookVector;
    const r = verifyShopifyWebhook(n.raw_body as string, { ...v.headers, 'X-Shopify-Hmac-Sha256': n.x_shopify_hmac_sha256 as string }, [n.secret as string]);
    expect(r).toEqual({ valid: false, reason: 'InvalidHmac' });
  });

  // One case per header the fixture names.
  const named = (missingHeaders?.expect.match(/X-Shopify-[A-Za-z0-9-]+/g) ?? []);
  it('the fixture names five required headers', () => expect(named).toHaveLength(5));
  it.each(named.map((h) => [h]))(`MissingHeaders when %s is empty (${missingHeaders?.source ?? ''})`, (h) => {
    const v = webhook as WebhookVector;
    const headers = { ...signedHeaders(v) } as Record<string, string>;
    const key = Object.keys(headers).find((k) => k.toLowerCase() === h.toLowerCase()) ?? h;
    headers[key] = '';
    const r = verifyShopifyWebhook(v.raw_body, headers, [v.secret]);
    expect(r.valid).toBe(false);
    expect(!r.valid && r.reason).toBe('MissingHeaders');
    expect(!r.valid && r.missing?.map((x) => x.toLowerCase())).toEqual([h.toLowerCase()]);
  });

  it(`${missingBody?.source ?? 'missing body'}`, () => {
    const v = webhook as WebhookVector;
    expect(verifyShopifyWebhook('', signedHeaders(v), [v.secret])).toEqual({ valid: false, reason: 'MissingBody' });
    expect(verifyShopifyWebhook(Buffer.alloc(0), signedHeaders(v), [v.secret])).toEqual({ valid: false, reason: 'MissingBody' });
  });
});

describe.skipIf(!present)('Shopify OAuth query HMAC vectors (shopify-hmac-vectors.json)', () => {
  it.each(vectors.oauth_query_hmac_sha256_hex.map((v) => [v.source.slice(v.source.indexOf('::') + 2, v.source.indexOf('::') + 70), v] as const))('%s', (_name, v) => {
    expect(shopifyQueryStringToSign(v.params)).toBe(v.string_to_sign);
    expect(verifyShopifyOAuthQuery({ ...v.params, hmac: v.expected_hmac }, v.secret)).toBe(true);
  });

  it('works from URLSearchParams (repeated ids[] keys)', () => {
    const v = vectors.oauth_query_hmac_sha256_hex.find((x) => 'ids[]' in x.params) as OAuthVector;
    const q = new URLSearchParams();
    q.append('shop', String(v.params['shop']));
    for (const id of v.params['ids[]'] as number[]) q.append('ids[]', String(id));
    q.append('hmac', v.expected_hmac);
    expect(verifyShopifyOAuthQuery(q, v.secret)).toBe(true);
  });

  it.each(vectors.negative_cases.filter((n) => n.hmac !== undefined).map((n) => [n.source, n] as const))('%s is rejected', (_name, n) => {
    const v = vectors.oauth_query_hmac_sha256_hex[0] as OAuthVector;
    expect(verifyShopifyOAuthQuery({ ...v.params, hmac: n.hmac as string }, v.secret)).toBe(false);
  });

  it('rejects a missing hmac, a changed parameter and a wrong secret', () => {
    const v = vectors.oauth_query_hmac_sha256_hex[0] as OAuthVector;
    expect(verifyShopifyOAuthQuery({ ...v.params }, v.secret)).toBe(false);
    expect(verifyShopifyOAuthQuery({ ...v.params, shop: 'other-shop.myshopify.com', hmac: v.expected_hmac }, v.secret)).toBe(false);
    expect(verifyShopifyOAuthQuery({ ...v.params, hmac: v.expected_hmac }, 'not-hush')).toBe(false);
  });
});

describe('headerValue', () => {
  it('looks names up case-insensitively and takes the first of repeated values', () => {
    expect(headerValue({ 'x-shopify-topic': 'orders/create' }, 'X-Shopify-Topic')).toBe('orders/create');
    expect(headerValue({ 'X-A': ['1', '2'] }, 'x-a')).toBe('1');
    expect(headerValue({ 'X-A': '  ' }, 'x-a')).toBeNull();
  });

  it('a self-made signature over arbitrary bytes verifies (raw bytes, not re-encoded text)', () => {
    const body = Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0xff, 0x7d]); // not valid UTF-8
    const hmac = createHmac('sha256', 's').update(body).digest('base64');
    const headers = { 'X-Shopify-Hmac-Sha256': hmac, 'X-Shopify-Topic': 't', 'X-Shopify-Shop-Domain': 'd', 'X-Shopify-API-Version': 'v', 'X-Shopify-Webhook-Id': 'w' };
    expect(verifyShopifyWebhook(body, headers, ['s']).valid).toBe(true);
    expect(verifyShopifyWebhook(body.toString('utf8'), headers, ['s']).valid).toBe(false);
  });
});
