// Meta webhooks: the X-Hub-Signature-256 check on POSTs and the GET subscription handshake.
import { createHmac } from 'node:crypto';
import { safeEqual } from '../shopify/verify.ts';

/**
 * True when `X-Hub-Signature-256` is "sha256=" + hex(HMAC-SHA256(key = app secret, raw body)). `rawBody` must be
 * the bytes as received (Meta signs the escaped-unicode JSON it sends; re-serialising breaks the match).
 */
export function verifyMetaSignature(rawBody: Buffer | Uint8Array | string, xHubSignature256Header: string | null | undefined, appSecret: string): boolean {
  if (appSecret === '') throw new Error('verifyMetaSignature: no app secret configured');
  if (!xHubSignature256Header) return false;
  const m = /^sha256=([0-9a-fA-F]{64})$/.exec(xHubSignature256Header.trim());
  if (!m?.[1]) return false;
  const body = typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : Buffer.from(rawBody);
  const expected = createHmac('sha256', appSecret).update(body).digest('hex');
  return safeEqual(m[1].toLowerCase(), expected);
}

export type MetaQuery = URLSearchParams | { readonly [key: string]: string | readonly string[] | undefined };

function param(query: MetaQuery, key: string): string | null {
  const v = query instanceof URLSearchParams ? query.get(key) : query[key];
  const first = Array.isArray(v) ? v[0] : v;
  return typeof first === 'string' ? first : null;
}

/**
 * The GET subscription handshake: when hub.mode is "subscribe" and hub.verify_token is ours, answer 200 with
 * hub.challenge as the body; otherwise null (answer 403).
 */
export function handleMetaVerification(query: MetaQuery, verifyToken: string): string | null {
  if (verifyToken === '') throw new Error('handleMetaVerification: no verify token configured');
  const token = param(query, 'hub.verify_token');
  const challenge = param(query, 'hub.challenge');
  if (param(query, 'hub.mode') !== 'subscribe' || token === null || challenge === null || challenge === '') return null;
  return safeEqual(token, verifyToken) ? challenge : null;
}
