import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_USER_AGENT, SpApiClient, parseRetryAfterMs, type SpApiClientOptions } from './client.ts';
import { LwaError, SpApiError } from './errors.ts';
import { startSandboxServer, type SandboxReply, type SandboxRequest, type SandboxServer } from './sandbox-server.ts';

const CREDS = { clientId: 'client-id', clientSecret: 'client-secret', refreshToken: 'Atzr|refresh' };
const OK: SandboxReply = { status: 200, json: { payload: { ok: true } } };

let server: SandboxServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

/** A server with no replayed operations: the test answers /orders/... itself; tokens come from the server. */
async function setup(
  answer: (req: SandboxRequest, n: number) => SandboxReply | undefined,
  options: Partial<SpApiClientOptions> = {},
): Promise<{ s: SandboxServer; client: SpApiClient; sleeps: number[]; apiCalls: SandboxRequest[] }> {
  const s = await startSandboxServer({ operations: [] });
  server = s;
  const apiCalls: SandboxRequest[] = [];
  s.intercept = (req) => {
    if (!req.path.startsWith('/orders/')) return undefined;
    apiCalls.push(req);
    return answer(req, apiCalls.length);
  };
  const sleeps: number[] = [];
  const client = new SpApiClient({
    endpoint: s.endpoint,
    lwaEndpoint: s.lwaEndpoint,
    credentials: CREDS,
    sleep: async (ms) => { sleeps.push(ms); },
    random: () => 0.5,
    ...options,
  });
  return { s, client, sleeps, apiCalls };
}

const QUOTA = { errors: [{ code: 'QuotaExceeded', message: 'You exceeded your quota for the requested resource.', details: '' }] };

describe('SpApiClient', () => {
  it('sends the LWA access token, a user-agent and csv query arrays', async () => {
    const { s, client, apiCalls } = await setup(() => OK);
    const data = await client.request<{ payload: { ok: boolean } }>({
      method: 'GET', path: '/orders/v0/orders', query: { MarketplaceIds: ['ATVPDKIKX0DER', 'A2EUQ1WTGCTBG2'], CreatedAfter: '2026-01-01T00:00:00.000Z', NextToken: undefined },
    });
    expect(data.payload.ok).toBe(true);
    const req = apiCalls[0]!;
    expect(req.headers['x-amz-access-token']).toBe(s.issuedTokens[0]);
    expect(req.headers['user-agent']).toBe(DEFAULT_USER_AGENT);
    expect(req.query.get('MarketplaceIds')).toBe('ATVPDKIKX0DER,A2EUQ1WTGCTBG2');
    expect([...req.query.keys()]).toEqual(['MarketplaceIds', 'CreatedAfter']);
  });

  it('sends a JSON body with content-type', async () => {
    const { client, apiCalls } = await setup(() => ({ status: 202, json: { reportId: 'R1' } }));
    const res = await client.send<{ reportId: string }>({ method: 'POST', path: '/orders/x', body: { a: [1, 2] } });
    expect(res.status).toBe(202);
    expect(res.data.reportId).toBe('R1');
    expect(apiCalls[0]!.headers['content-type']).toBe('application/json');
    expect(JSON.parse(apiCalls[0]!.body)).toEqual({ a: [1, 2] });
  });

  it('429 with Retry-After: waits exactly that long, then succeeds', async () => {
    const { client, sleeps, apiCalls } = await setup((_r, n) => (n === 1 ? { status: 429, headers: { 'retry-after': '3' }, json: QUOTA } : OK));
    const res = await client.send({ method: 'GET', path: '/orders/v0/orders/1' });
    expect(res.attempts).toBe(2);
    expect(sleeps).toEqual([3000]);
    expect(apiCalls).toHaveLength(2);
  });

  it('429 with x-amzn-RateLimit-Limit: waits at least 1/rate seconds', async () => {
    const { client, sleeps } = await setup((_r, n) => (n === 1 ? { status: 429, headers: { 'x-amzn-RateLimit-Limit': '0.5' }, json: QUOTA } : OK), { random: () => 0 });
    await client.request({ method: 'GET', path: '/orders/v0/orders/1' });
    expect(sleeps).toEqual([2000]);
  });

  it('503 without hints: exponential backoff with jitter from the injected random', async () => {
    const { client, sleeps } = await setup((_r, n) => (n <= 3 ? { status: 503, body: 'busy' } : OK), { baseDelayMs: 1000, random: () => 0.5 });
    await client.request({ method: 'GET', path: '/orders/v0/orders/1' });
    // step = 1000·2^n; wait = step/2 + random·step/2
    expect(sleeps).toEqual([750, 1500, 3000]);
  });

  it('caps each wait at maxDelayMs', async () => {
    const { client, sleeps } = await setup((_r, n) => (n === 1 ? { status: 429, headers: { 'retry-after': '600' }, json: QUOTA } : OK), { maxDelayMs: 10_000 });
    await client.request({ method: 'GET', path: '/orders/v0/orders/1' });
    expect(sleeps).toEqual([10_000]);
  });

  it('429 forever: gives up after maxRetries with a clear, retryable error', async () => {
    const { client, sleeps, apiCalls } = await setup(() => ({ status: 429, headers: { 'retry-after': '1' }, json: QUOTA }), { maxRetries: 3 });
    const err = await client.request({ method: 'GET', path: '/orders/v0/orders/1', operation: 'getOrder' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SpApiError);
    expect(err).toMatchObject({ code: 'QuotaExceeded', status: 429, retryable: true, attempts: 4, operation: 'getOrder' });
    expect((err as Error).message).toBe('SP-API getOrder failed with HTTP 429: QuotaExceeded: You exceeded your quota for the requested resource. (gave up after 3 retries)');
    expect(sleeps).toEqual([1000, 1000, 1000]);
    expect(apiCalls).toHaveLength(4);
  });

  it('maps an SP-API error body to code, message, details, status; 400 is not retried', async () => {
    const { client, sleeps } = await setup(() => ({ status: 400, json: { errors: [{ code: 'InvalidInput', message: 'Invalid Input', details: 'MarketplaceIds is required' }] } }));
    const err = (await client.request({ method: 'GET', path: '/orders/v0/orders' }).catch((e: unknown) => e)) as SpApiError;
    expect(err).toMatchObject({ code: 'InvalidInput', status: 400, retryable: false, details: 'MarketplaceIds is required' });
    expect(err.errors).toEqual([{ code: 'InvalidInput', message: 'Invalid Input', details: 'MarketplaceIds is required' }]);
    expect(err.requestId).toMatch(/^sandbox-/);
    expect(err.message).toContain('InvalidInput: Invalid Input (MarketplaceIds is required)');
    expect(sleeps).toEqual([]);
  });

  it('an error without an SP-API body gets code HTTP_<status>', async () => {
    const { client } = await setup(() => ({ status: 500, body: '<html>oops</html>' }), { maxRetries: 0 });
    await expect(client.request({ method: 'GET', path: '/orders/v0/orders/1' })).rejects.toMatchObject({ code: 'HTTP_500', status: 500, retryable: true });
  });

  it('403 "access token expired": refreshes the token once and repeats the call', async () => {
    const s = await startSandboxServer({ operations: [] });
    server = s;
    s.intercept = (req) => {
      if (!req.path.startsWith('/orders/')) return undefined;
      const token = req.headers['x-amz-access-token'];
      return token === s.issuedTokens.at(-1) && s.issuedTokens.length > 1
        ? OK
        : { status: 403, json: { errors: [{ code: 'Unauthorized', message: 'Access to requested resource is denied.', details: 'The access token you provided has expired.' }] } };
    };
    const sleeps: number[] = [];
    const client = new SpApiClient({ endpoint: s.endpoint, lwaEndpoint: s.lwaEndpoint, credentials: CREDS, sleep: async (ms) => { sleeps.push(ms); } });
    expect(await client.request({ method: 'GET', path: '/orders/v0/orders/1' })).toEqual({ payload: { ok: true } });
    expect(s.issuedTokens).toHaveLength(2);
    expect(sleeps).toEqual([]);
  });

  it('403 again after the refresh: fails, refreshing only once', async () => {
    const { s, client, apiCalls } = await setup(() => ({ status: 403, json: { errors: [{ code: 'Unauthorized', message: 'Access to requested resource is denied.', details: 'The access token you provided has expired.' }] } }));
    const err = await client.request({ method: 'GET', path: '/orders/v0/orders/1' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'Unauthorized', status: 403, retryable: false, attempts: 2 });
    expect(apiCalls).toHaveLength(2);
    expect(s.issuedTokens).toHaveLength(2);
  });

  it('403 for a missing role (no token complaint) is not retried', async () => {
    const { s, client, apiCalls } = await setup(() => ({ status: 403, json: { errors: [{ code: 'Unauthorized', message: 'Access to requested resource is denied.', details: '' }] } }));
    await expect(client.request({ method: 'GET', path: '/orders/v0/orders/1' })).rejects.toMatchObject({ code: 'Unauthorized', status: 403 });
    expect(apiCalls).toHaveLength(1);
    expect(s.issuedTokens).toHaveLength(1);
  });

  it('a retryable LWA failure is retried with backoff; invalid_grant is not', async () => {
    const s = await startSandboxServer({ operations: [], credentials: CREDS });
    server = s;
    let lwaCalls = 0;
    s.intercept = (req) => {
      if (req.path === '/auth/o2/token' && ++lwaCalls === 1) return { status: 500, json: { error: 'server_error' } };
      return req.path.startsWith('/orders/') ? OK : undefined;
    };
    const sleeps: number[] = [];
    const client = new SpApiClient({ endpoint: s.endpoint, lwaEndpoint: s.lwaEndpoint, credentials: CREDS, sleep: async (ms) => { sleeps.push(ms); }, random: () => 1 });
    await client.request({ method: 'GET', path: '/orders/v0/orders/1' });
    expect(sleeps).toEqual([1000]);

    const revoked = new SpApiClient({ endpoint: s.endpoint, lwaEndpoint: s.lwaEndpoint, credentials: { ...CREDS, refreshToken: 'Atzr|revoked' }, sleep: async (ms) => { sleeps.push(ms); } });
    const err = await revoked.request({ method: 'GET', path: '/orders/v0/orders/1' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LwaError);
    expect(err).toMatchObject({ code: 'invalid_grant', retryable: false });
    expect(sleeps).toEqual([1000]);
  });

  it('network failures are retried, then reported as retryable NetworkError', async () => {
    const s = await startSandboxServer({ operations: [] });
    server = s;
    const sleeps: number[] = [];
    let calls = 0;
    const failingFetch: typeof fetch = async (input, init) => {
      if (String(input).includes('/orders/')) {
        calls += 1;
        throw new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED') });
      }
      return fetch(input, init);
    };
    const client = new SpApiClient({ endpoint: s.endpoint, lwaEndpoint: s.lwaEndpoint, credentials: CREDS, fetch: failingFetch, sleep: async (ms) => { sleeps.push(ms); }, maxRetries: 2, random: () => 0 });
    const err = await client.request({ method: 'GET', path: '/orders/v0/orders/1', operation: 'getOrder' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'NetworkError', status: null, retryable: true, attempts: 3 });
    expect((err as Error).message).toContain('ECONNREFUSED');
    expect(calls).toBe(3);
    expect(sleeps).toEqual([500, 1000]);
  });

  it('an empty 2xx body yields undefined; a non-JSON 2xx body is an InvalidResponse', async () => {
    const { client } = await setup((_r, n) => (n === 1 ? { status: 200, json: null } : { status: 200, body: 'not json' }));
    expect(await client.request({ method: 'DELETE', path: '/orders/x' })).toBeUndefined();
    await expect(client.request({ method: 'GET', path: '/orders/x' })).rejects.toMatchObject({ code: 'InvalidResponse', retryable: false });
  });
});

describe('parseRetryAfterMs', () => {
  const now = new Date('2026-03-01T12:00:00Z');
  it('reads delay-seconds and HTTP dates', () => {
    expect(parseRetryAfterMs('2', now)).toBe(2000);
    expect(parseRetryAfterMs('0.25', now)).toBe(250);
    expect(parseRetryAfterMs('Sun, 01 Mar 2026 12:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfterMs(null, now)).toBeNull();
    expect(parseRetryAfterMs('soon', now)).toBeNull();
  });
});
