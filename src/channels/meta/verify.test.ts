import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { handleMetaVerification, verifyMetaSignature } from './verify.ts';

describe('verifyMetaSignature', () => {
  const body = '{"object":"instagram","entry":[]}';
  // Computed independently with Python: hmac.new(b"meta_app_secret", body, hashlib.sha256).hexdigest()
  const expected = 'sha256=3e56bb307b226868b4185582a90eb88d1533f242ebad160c99b657d5424fc6fe';

  it('accepts the right signature over the raw body', () => {
    expect(verifyMetaSignature(body, expected, 'meta_app_secret')).toBe(true);
    expect(verifyMetaSignature(Buffer.from(body), `sha256=${expected.slice(7).toUpperCase()}`, 'meta_app_secret')).toBe(true);
  });

  it('rejects a wrong secret, a changed body, a missing or malformed header', () => {
    expect(verifyMetaSignature(body, expected, 'other_secret')).toBe(false);
    expect(verifyMetaSignature(body.replace('[]', '[ ]'), expected, 'meta_app_secret')).toBe(false);
    expect(verifyMetaSignature(body, undefined, 'meta_app_secret')).toBe(false);
    expect(verifyMetaSignature(body, expected.slice('sha256='.length), 'meta_app_secret')).toBe(false);
    expect(verifyMetaSignature(body, `sha1=${expected.slice(7)}`, 'meta_app_secret')).toBe(false);
    expect(verifyMetaSignature(body, `${expected}00`, 'meta_app_secret')).toBe(false);
  });

  it('checks the bytes as sent (escaped unicode differs from re-serialised JSON)', () => {
    const raw = '{"text":"caf\\u00e9"}';
    const sig = `sha256=${createHmac('sha256', 's').update(raw).digest('hex')}`;
    expect(verifyMetaSignature(raw, sig, 's')).toBe(true);
    expect(verifyMetaSignature(JSON.stringify(JSON.parse(raw)), sig, 's')).toBe(false);
  });
});

describe('handleMetaVerification', () => {
  it('returns hub.challenge for subscribe with our token', () => {
    expect(handleMetaVerification({ 'hub.mode': 'subscribe', 'hub.verify_token': 'tok-1', 'hub.challenge': '1158201444' }, 'tok-1')).toBe('1158201444');
    expect(handleMetaVerification(new URLSearchParams('hub.mode=subscribe&hub.verify_token=tok-1&hub.challenge=42'), 'tok-1')).toBe('42');
  });

  it('returns null for a wrong token, another mode or no challenge', () => {
    expect(handleMetaVerification({ 'hub.mode': 'subscribe', 'hub.verify_token': 'tok-2', 'hub.challenge': '1' }, 'tok-1')).toBeNull();
    expect(handleMetaVerification({ 'hub.mode': 'unsubscribe', 'hub.verify_token': 'tok-1', 'hub.challenge': '1' }, 'tok-1')).toBeNull();
    expect(handleMetaVerification({ 'hub.mode': 'subscribe', 'hub.verify_token': 'tok-1' }, 'tok-1')).toBeNull();
    expect(handleMetaVerification({}, 'tok-1')).toBeNull();
  });
});
