// Shopify signatures: webhook deliveries (base64 HMAC-SHA256 of the raw body in X-Shopify-Hmac-Sha256) and the
// OAuth/app-proxy query `hmac` (hex HMAC-SHA256 of the sorted, escaped query).
import { createHmac, timingSafeEqual } from 'node:crypto';

export type HeaderBag = Headers | { readonly [name: string]: string | readonly string[] | undefined };

/** Case-insensitive header lookup; a repeated header reads as its first value; blank reads as null. */
export function headerValue(headers: HeaderBag, name: string): string | null {
  let v: string | readonly string[] | null | undefined;
  if (typeof Headers !== 'undefined' && headers instanceof Headers) v = headers.get(name);
  else {
    const want = name.toLowerCase();
    const bag = headers as { readonly [name: string]: string | readonly string[] | undefined };
    const key = Object.keys(bag).find((k) => k.toLowerCase() === want);
    v = key === undefined ? undefined : bag[key];
  }
  const first = Array.isArray(v) ? v[0] : v;
  return typeof first === 'string' && first.trim() !== '' ? first.trim() : null;
}

/** Equal-length compare in constant time; different lengths are simply unequal. */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

export type ShopifyWebhookVerification =
  | {
      readonly valid: true;
      /** As sent, e.g. "orders/create" (the form parseShopifyWebhook takes). */
      readonly topic: string;
      readonly shopDomain: string;
      readonly apiVersion: string;
      /** X-Shopify-Webhook-Id: the same on every retry of one delivery (duplicate detection). */
      readonly webhookId: string;
      /** X-Shopify-Event-Id, when sent: the same across subscriptions to one event. */
      readonly eventId: string | null;
      /** X-Shopify-Triggered-At, when sent: when the event happened (returns payloads carry no timestamp). */
      readonly triggeredAt: Date | null;
    }
  | { readonly valid: false; readonly reason: 'MissingHeaders' | 'MissingBody' | 'InvalidHmac'; readonly missing?: readonly string[] };

const REQUIRED = ['X-Shopify-Hmac-Sha256', 'X-Shopify-Topic', 'X-Shopify-Shop-Domain', 'X-Shopify-API-Version', 'X-Shopify-Webhook-Id'] as const;

/**
 * Verifies a webhook delivery against every configured secret (several during a rotation: the new secret can take
 * up to an hour to be used). `rawBody` must be the bytes as received, before any JSON parsing.
 */
export function verifyShopifyWebhook(rawBody: Buffer | Uint8Array | string, headers: HeaderBag, secrets: readonly string[]): ShopifyWebhookVerification {
  const usable = secrets.filter((s) => s !== '');
  if (usable.length === 0) throw new Error('verifyShopifyWebhook: no webhook secret configured');
  const missing = REQUIRED.filter((h) => headerValue(headers, h) === null);
  if (missing.length > 0) return { valid: false, reason: 'MissingHeaders', missing };
  const body = typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : Buffer.from(rawBody);
  if (body.length === 0) return { valid: false, reason: 'MissingBody' };
  const given = headerValue(headers, 'X-Shopify-Hmac-Sha256') as string;
  // Compare every secret (no early exit), so timing does not reveal which one matched.
  let ok = false;
  for (const secret of usable) {
    const expected = createHmac('sha256', secret).update(body).digest('base64');
    ok = safeEqual(given, expected) || ok;
  }
  if (!ok) return { valid: false, reason: 'InvalidHmac' };
  const triggered = headerValue(headers, 'X-Shopify-Triggered-At');
  const triggeredAt = triggered === null ? null : new Date(triggered);
  return {
    valid: true,
    topic: headerValue(headers, 'X-Shopify-Topic') as string,
    shopDomain: headerValue(headers, 'X-Shopify-Shop-Domain') as string,
    apiVersion: headerValue(headers, 'X-Shopify-API-Version') as string,
    webhookId: headerValue(headers, 'X-Shopify-Webhook-Id') as string,
    eventId: headerValue(headers, 'X-Shopify-Event-Id'),
    triggeredAt: triggeredAt && !Number.isNaN(triggeredAt.getTime()) ? triggeredAt : null,
  };
}

export type ShopifyQueryValue = string | number | readonly (string | number)[] | undefined;
export type ShopifyQuery = URLSearchParams | { readonly [key: string]: ShopifyQueryValue };

function entries(query: ShopifyQuery): [string, ShopifyQueryValue][] {
  if (query instanceof URLSearchParams) {
    const keys = [...new Set(query.keys())];
    return keys.map((k) => [k, k.endsWith('[]') ? query.getAll(k) : (query.get(k) ?? undefined)]);
  }
  return Object.entries(query);
}

/**
 * The text Shopify signs for OAuth callbacks and app-proxy-style queries (shopify_python_api's algorithm, which the
 * fixture vectors follow): drop `hmac` and `signature`; a key "ids[]" becomes "ids" with the value written as a JSON
 * list of strings separated by ", "; escape % and = in keys, % in values, then & in the pair; sort the pairs; join
 * with &.
 */
export function shopifyQueryStringToSign(query: ShopifyQuery): string {
  const pairs: string[] = [];
  for (const [rawKey, value] of entries(query)) {
    if (rawKey === 'hmac' || rawKey === 'signature' || value === undefined) continue;
    let key = rawKey;
    let text: string;
    if (Array.isArray(value)) {
      key = rawKey.endsWith('[]') ? rawKey.slice(0, -2) : rawKey;
      text = `[${value.map((x) => JSON.stringify(String(x))).join(', ')}]`;
    } else text = String(value);
    const k = key.replaceAll('%', '%25').replaceAll('=', '%3D');
    const v = text.replaceAll('%', '%25');
    pairs.push(`${k}=${v}`.replaceAll('&', '%26'));
  }
  return pairs.sort().join('&');
}

/** True when the query's `hmac` is the hex HMAC-SHA256 (keyed with the app secret) of its string to sign. */
export function verifyShopifyOAuthQuery(query: ShopifyQuery, secret: string): boolean {
  if (secret === '') throw new Error('verifyShopifyOAuthQuery: no app secret configured');
  const raw = query instanceof URLSearchParams ? query.get('hmac') : query['hmac'];
  if (typeof raw !== 'string' || raw === '') return false;
  const expected = createHmac('sha256', secret).update(shopifyQueryStringToSign(query), 'utf8').digest('hex');
  return safeEqual(raw.toLowerCase(), expected);
}
