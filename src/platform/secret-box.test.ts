import { randomBytes } from 'node:crypto';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSecretKey, secretBox } from './secret-box.ts';

describe('secretBox', () => {
  const box = secretBox(randomBytes(32));

  it('round-trips and never stores the plaintext', () => {
    const sealed = box.seal('{"refresh_token":"Atzr|abc"}', 'channel_account:a');
    expect(sealed).not.toContain('Atzr');
    expect(box.open(sealed, 'channel_account:a')).toBe('{"refresh_token":"Atzr|abc"}');
    expect(() => box.open(sealed, 'channel_account:b')).toThrow();
  });

  it('uses a fresh IV each time', () => {
    expect(box.seal('x', 'c')).not.toBe(box.seal('x', 'c'));
  });

  it('rejects a tampered ciphertext and a foreign key', () => {
    const sealed = box.seal('secret', 'c');
    const parts = sealed.split('.');
    const ct = Buffer.from(parts[3]!, 'base64url');
    ct[0] = ct[0]! ^ 1;
    expect(() => box.open([parts[0], parts[1], parts[2], ct.toString('base64url')].join('.'), 'c')).toThrow();
    expect(() => box.open([parts[0], parts[1], parts[2]!.slice(0, 8), parts[3]].join('.'), 'c')).toThrow();
    expect(() => secretBox(randomBytes(32)).open(sealed, 'c')).toThrow();
  });
});

describe('loadSecretKey', () => {
  it('generates a 0600 key file once and reuses it', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cd-key-')), 'secret.key');
    const a = loadSecretKey(undefined, file);
    expect(a).toHaveLength(32);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadSecretKey(undefined, file).equals(a)).toBe(true);
  });

  it('prefers the configured key', () => {
    const key = randomBytes(32);
    expect(loadSecretKey(key.toString('base64'), '/nonexistent/never-written').equals(key)).toBe(true);
  });
});
