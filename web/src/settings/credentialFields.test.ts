import { describe, expect, it } from 'vitest';
import { CHANNEL_CREDENTIAL_KEYS, ChannelAccountKind } from '../../../src/contracts/index.ts';
import { CREDENTIAL_FIELDS, credentialFieldsFor } from './credentialFields.ts';

describe('credential fields', () => {
  it('cover every channel account kind', () => {
    expect(Object.keys(CREDENTIAL_FIELDS).sort()).toEqual([...ChannelAccountKind.options].sort());
  });

  it('ask for exactly the keys the server accepts, in its order', () => {
    for (const kind of ChannelAccountKind.options) {
      expect(credentialFieldsFor(kind).map((f) => f.key), kind).toEqual([...CHANNEL_CREDENTIAL_KEYS[kind]]);
    }
  });

  it('hide every secret', () => {
    const secretish = /secret|token|password/i;
    for (const kind of ChannelAccountKind.options) {
      for (const f of credentialFieldsFor(kind)) expect(f.secret, `${kind}.${f.key}`).toBe(secretish.test(f.key));
    }
  });
});
