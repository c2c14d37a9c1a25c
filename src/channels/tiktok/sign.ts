// TikTok Shop signatures: API request signing and webhook verification, as documented in
// /work/shared/fixtures/webhooks/tiktok/tiktokshop-vectors.json (EcomPHP/tiktokshop-php's Client.php and Webhook.php).
import { createHmac } from 'node:crypto';
import { safeEqual } from '../shopify/verify.ts';

export type TikTokQuery = { readonly [key: string]: string | number | undefined };

/** Query keys never signed. */
const UNSIGNED = new Set(['sign', 'access_token', 'x-tts-access-token']);

/**
 * The text TikTok signs: app_secret + path + (query pairs k+v sorted by key, without sign/access_token) + body
 * + app_secret. `body` is the exact JSON text sent; leave it undefined for GET and multipart requests.
 */
export function tiktokStringToSign(input: { readonly path: string; readonly query: TikTokQuery; readonly body?: string | undefined; readonly appSecret: string }): string {
  const params = Object.keys(input.query)
    .filter((k) => !UNSIGNED.has(k) && input.query[k] !== undefined)
    .sort()
    .map((k) => `${k}${String(input.query[k])}`)
    .join('');
  return `${input.appSecret}${input.path}${params}${input.body ?? ''}${input.appSecret}`;
}

/** hex(HMAC-SHA256(key = app_secret, stringToSign)). */
export function signTikTokRequest(input: { readonly path: string; readonly query: TikTokQuery; readonly body?: string | undefined; readonly appSecret: string }): string {
  if (input.appSecret === '') throw new Error('signTikTokRequest: no app secret configured');
  return createHmac('sha256', input.appSecret).update(tiktokStringToSign(input), 'utf8').digest('hex');
}

/**
 * A webhook is TikTok's when its Authorization header (no "Bearer") is hex(HMAC-SHA256(key = app_secret,
 * app_key + raw body)). `rawBody` must be the bytes as received.
 */
export function verifyTikTokWebhook(rawBody: Buffer | Uint8Array | string, authorizationHeader: string | null | undefined, appKey: string, appSecret: string): boolean {
  if (appKey === '' || appSecret === '') throw new Error('verifyTikTokWebhook: app key and secret must be configured');
  if (!authorizationHeader) return false;
  const body = typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : Buffer.from(rawBody);
  const expected = createHmac('sha256', appSecret).update(Buffer.concat([Buffer.from(appKey, 'utf8'), body])).digest('hex');
  return safeEqual(authorizationHeader.trim().toLowerCase(), expected);
}
