import { afterEach, describe, expect, it } from 'vitest';
import { LwaTokenProvider } from './lwa.ts';
import { LwaError } from './errors.ts';
import { startSandboxServer, type SandboxServer } from './sandbox-server.ts';

const CREDS = { clientId: 'amzn1.application-oa2-client.test', clientSecret: 's3cret', refreshToken: 'Atzr|refresh-token' };

let server: SandboxServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function start(opts: Parameters<typeof startSandboxServer>[0] = {}): Promise<SandboxServer> {
  server = await startSandboxServer({ operations: [], credentials: CREDS, ...opts });
  return server;
}

function clock(startIso: string): { now: () => Date; advance: (ms: number) => void } {
  let t = Date.parse(startIso);
  return { now: () => new Date(t), advance: (ms) => { t += ms; } };
}

describe('LwaTokenProvider', () => {
  it('posts the refresh-token grant form-encoded and caches the token', async () => {
    const s = await start();
    const lwa = new LwaTokenProvider({ lwaEndpoint: s.lwaEndpoint, credentials: CREDS });
    const a = await lwa.getAccessToken();
    const b = await lwa.getAccessToken();
    expect(a).toBe('Atza|sandbox-access-token-1');
    expect(b).toBe(a);
    expect(s.requests).toHaveLength(1);
    const req = s.requests[0]!;
    expect(req.method).toBe('POST');
    expect(req.path).toBe('/auth/o2/token');
    expect(req.headers['content-type']).toContain('application/x-www-form-urlencoded');
    const form = new URLSearchParams(req.body);
    expect(Object.fromEntries(form)).toEqual({ grant_type: 'refresh_token', refresh_token: CREDS.refreshToken, client_id: CREDS.clientId, client_secret: CREDS.clientSecret });
  });

  it('uses the token until 60 s before expires_in, then refreshes', async () => {
    const s = await start({ tokenTtlSeconds: 3600 });
    const c = clock('2026-01-01T00:00:00Z');
    const lwa = new LwaTokenProvider({ lwaEndpoint: s.lwaEndpoint, credentials: CREDS, now: c.now });
    expect(await lwa.getAccessToken()).toBe('Atza|sandbox-access-token-1');
    c.advance(3539_000); // 61 s left
    expect(await lwa.getAccessToken()).toBe('Atza|sandbox-access-token-1');
    c.advance(2_000); // 59 s left: inside the margin
    expect(await lwa.getAccessToken()).toBe('Atza|sandbox-access-token-2');
    expect(lwa.refreshCount).toBe(2);
  });

  it('shares one refresh between concurrent callers', async () => {
    const s = await start();
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => { release = r; });
    s.intercept = async () => { await gate; return undefined; };
    const lwa = new LwaTokenProvider({ lwaEndpoint: s.lwaEndpoint, credentials: CREDS });
    const pending = Promise.all([1, 2, 3, 4, 5].map(() => lwa.getAccessToken()));
    await new Promise((r) => setTimeout(r, 20));
    release();
    const tokens = await pending;
    expect(new Set(tokens)).toEqual(new Set(['Atza|sandbox-access-token-1']));
    expect(s.requests).toHaveLength(1);
  });

  it('invalidate() forgets the cached token so the next call refreshes', async () => {
    const s = await start();
    const lwa = new LwaTokenProvider({ lwaEndpoint: s.lwaEndpoint, credentials: CREDS });
    const first = await lwa.getAccessToken();
    lwa.invalidate('some-other-token');
    expect(await lwa.getAccessToken()).toBe(first);
    lwa.invalidate(first);
    expect(await lwa.getAccessToken()).toBe('Atza|sandbox-access-token-2');
  });

  it('invalid_grant is a clear, non-retryable LwaError', async () => {
    const s = await start();
    const lwa = new LwaTokenProvider({ lwaEndpoint: s.lwaEndpoint, credentials: { ...CREDS, refreshToken: 'Atzr|revoked' } });
    const err = await lwa.getAccessToken().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LwaError);
    expect(err).toMatchObject({ code: 'invalid_grant', status: 400, retryable: false, description: 'The request has an invalid grant parameter : refresh_token' });
    expect((err as Error).message).toMatch(/invalid_grant.*authorise the app again/);
  });

  it('invalid_client is non-retryable', async () => {
    const s = await start();
    const lwa = new LwaTokenProvider({ lwaEndpoint: s.lwaEndpoint, credentials: { ...CREDS, clientSecret: 'wrong' } });
    await expect(lwa.getAccessToken()).rejects.toMatchObject({ code: 'invalid_client', status: 401, retryable: false });
  });

  it('a 5xx is retryable, and the failure is not cached', async () => {
    const s = await start();
    let fail = true;
    s.intercept = () => (fail ? { status: 503, body: 'Service Unavailable' } : undefined);
    const lwa = new LwaTokenProvider({ lwaEndpoint: s.lwaEndpoint, credentials: CREDS });
    await expect(lwa.getAccessToken()).rejects.toMatchObject({ name: 'LwaError', code: 'http_503', status: 503, retryable: true });
    fail = false;
    expect(await lwa.getAccessToken()).toBe('Atza|sandbox-access-token-1');
  });

  it('a network failure is retryable', async () => {
    const s = await start();
    const deadEndpoint = s.lwaEndpoint;
    await s.close();
    server = null;
    const lwa = new LwaTokenProvider({ lwaEndpoint: deadEndpoint, credentials: CREDS });
    await expect(lwa.getAccessToken()).rejects.toMatchObject({ code: 'network_error', status: null, retryable: true });
  });

  it('refuses incomplete credentials up front', () => {
    expect(() => new LwaTokenProvider({ lwaEndpoint: 'http://127.0.0.1:1', credentials: { ...CREDS, refreshToken: '' } })).toThrow(/refreshToken/);
  });
});
