import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { signTikTokRequest, tiktokStringToSign, verifyTikTokWebhook } from './sign.ts';

const VECTORS = join(import.meta.dirname, '../../../../shared/fixtures/webhooks/tiktok/tiktokshop-vectors.json');
const present = existsSync(VECTORS);
if (!present) console.warn(`TikTok vectors not found at ${VECTORS}: vector tests skipped`);

interface Vectors {
  webhook_sample: { raw_body: string };
  webhook_signature: { app_key: string; app_secret: string; expected_authorization: string; negative: { authorization: string } };
  api_request_sign: { app_secret: string; method: string; path: string; params: Record<string, string>; string_to_sign: string; expected_sign: string };
}
const v = (present ? JSON.parse(readFileSync(VECTORS, 'utf8')) : {}) as Vectors;

describe.skipIf(!present)('TikTok API request signing (api_request_sign vector)', () => {
  it('builds the documented string to sign', () => {
    const s = v.api_request_sign;
    expect(tiktokStringToSign({ path: s.path, query: s.params, appSecret: s.app_secret })).toBe(s.string_to_sign);
  });

  it('produces the literal expected signature', () => {
    const s = v.api_request_sign;
    expect(signTikTokRequest({ path: s.path, query: s.params, appSecret: s.app_secret })).toBe(s.expected_sign);
  });

  it('ignores sign, access_token and x-tts-access-token in the query', () => {
    const s = v.api_request_sign;
    const q = { ...s.params, sign: 'old', access_token: 'tok', 'x-tts-access-token': 'tok' };
    expect(signTikTokRequest({ path: s.path, query: q, appSecret: s.app_secret })).toBe(s.expected_sign);
  });

  it('sorts keys and appends the body for non-GET requests', () => {
    const s = v.api_request_sign;
    expect(tiktokStringToSign({ path: '/p', query: { c: '3', a: 1, d: undefined, b: '2' }, body: '{"x":1}', appSecret: s.app_secret }))
      .toBe(`${s.app_secret}/pa1b2c3{"x":1}${s.app_secret}`);
    const withBody = signTikTokRequest({ path: s.path, query: s.params, body: '{}', appSecret: s.app_secret });
    expect(withBody).not.toBe(s.expected_sign);
    expect(withBody).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe.skipIf(!present)('TikTok webhook signature (webhook_signature vector)', () => {
  it('the sample body verifies with the expected Authorization', () => {
    const w = v.webhook_signature;
    expect(verifyTikTokWebhook(v.webhook_sample.raw_body, w.expected_authorization, w.app_key, w.app_secret)).toBe(true);
    expect(verifyTikTokWebhook(Buffer.from(v.webhook_sample.raw_body), w.expected_authorization.toUpperCase(), w.app_key, w.app_secret)).toBe(true);
  });

  it('the negative case is rejected', () => {
    const w = v.webhook_signature;
    expect(verifyTikTokWebhook(v.webhook_sample.raw_body, w.negative.authorization, w.app_key, w.app_secret)).toBe(false);
  });

  it('rejects a missing header, another app key, another secret and a changed body', () => {
    const w = v.webhook_signature;
    const body = v.webhook_sample.raw_body;
    expect(verifyTikTokWebhook(body, undefined, w.app_key, w.app_secret)).toBe(false);
    expect(verifyTikTokWebhook(body, '', w.app_key, w.app_secret)).toBe(false);
    expect(verifyTikTokWebhook(body, w.expected_authorization, 'other_key', w.app_secret)).toBe(false);
    expect(verifyTikTokWebhook(body, w.expected_authorization, w.app_key, 'other_secret')).toBe(false);
    expect(verifyTikTokWebhook(body.replace('AWAITING_SHIPMENT', 'CANCELLED'), w.expected_authorization, w.app_key, w.app_secret)).toBe(false);
    expect(verifyTikTokWebhook(body, `Bearer ${w.expected_authorization}`, w.app_key, w.app_secret)).toBe(false);
  });
});
