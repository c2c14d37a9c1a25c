import { afterEach, describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import {
  AMAZON_SP_FIXTURES_DIR, SANDBOX_OPERATIONS, SANDBOX_REPORT_DOCUMENT_ID, SANDBOX_REPORT_TSV,
  loadSandboxOperations, sandboxFixturesAvailable, startSandboxServer, type SandboxExample, type SandboxOperation, type SandboxServer,
} from './sandbox-server.ts';

let server: SandboxServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function token(s: SandboxServer): Promise<string> {
  const res = await fetch(`${s.lwaEndpoint}/auth/o2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: 'r', client_id: 'c', client_secret: 's' }).toString(),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { access_token: string }).access_token;
}

/** The request an example describes, built from the parameter locations in the model. */
function requestFor(op: SandboxOperation, ex: SandboxExample): { url: string; init: RequestInit } {
  let path = op.path;
  const query = new URLSearchParams();
  let body: string | undefined;
  for (const [name, value] of Object.entries(ex.parameters)) {
    const where = op.paramLocations[name];
    if (where === 'path') path = path.replace(`{${name}}`, encodeURIComponent(String(value)));
    else if (where === 'query') query.append(name, Array.isArray(value) ? value.join(',') : String(value));
    else if (where === 'body') body = JSON.stringify(value);
    else throw new Error(`unexpected parameter location ${where} for ${name}`);
  }
  const qs = query.toString();
  return { url: `${path}${qs ? `?${qs}` : ''}`, init: { method: op.method, body, headers: body ? { 'content-type': 'application/json' } : {} } };
}

describe.skipIf(!sandboxFixturesAvailable())(`sandbox replay server (fixtures: ${AMAZON_SP_FIXTURES_DIR})`, () => {
  it('reads parameter locations from the models', () => {
    const ops = loadSandboxOperations();
    const byId = Object.fromEntries(ops.map((o) => [o.operationId, o]));
    expect(byId['getOrders']?.paramLocations).toMatchObject({ CreatedAfter: 'query', MarketplaceIds: 'query', NextToken: 'query' });
    expect(byId['getOrderItems']?.paramLocations).toMatchObject({ orderId: 'path', NextToken: 'query' });
    expect(byId['createReport']?.paramLocations).toMatchObject({ body: 'body' });
    expect(ops.map((o) => `${o.method} ${o.path}`)).toContain('GET /reports/2021-06-30/documents/{reportDocumentId}');
  });

  it('replays every example of every operation for its own request', async () => {
    const s = await startSandboxServer();
    server = s;
    const t = await token(s);
    let checked = 0;
    for (const op of s.operations) {
      for (const ex of op.examples) {
        const { url, init } = requestFor(op, ex);
        const res = await fetch(s.endpoint + url, { ...init, headers: { ...(init.headers as Record<string, string>), 'x-amz-access-token': t } });
        expect(res.status, `${op.operationId}#${ex.index}`).toBe(ex.status);
        const text = await res.text();
        const json: unknown = text ? JSON.parse(text) : null;
        if (op.operationId === 'getReportDocument' && ex.status === 200) {
          expect(json).toEqual({ ...(ex.response as object), url: s.documentUrl(SANDBOX_REPORT_DOCUMENT_ID), compressionAlgorithm: 'GZIP' });
        } else {
          expect(json, `${op.operationId}#${ex.index}`).toEqual(ex.response);
        }
        checked += 1;
      }
    }
    expect(checked).toBe(21);
    expect(s.replayed).toHaveLength(21);
    expect(s.operations.map((o) => o.key)).toEqual(SANDBOX_OPERATIONS);
  });

  it('serves the document gzipped, without Content-Encoding (like S3)', async () => {
    const s = await startSandboxServer();
    server = s;
    const res = await fetch(s.documentUrl(SANDBOX_REPORT_DOCUMENT_ID));
    expect(res.headers.get('content-encoding')).toBeNull();
    const raw = Buffer.from(await res.arrayBuffer());
    expect(raw.subarray(0, 2).equals(Buffer.from([0x1f, 0x8b]))).toBe(true);
    expect(gunzipSync(raw).equals(SANDBOX_REPORT_TSV)).toBe(true);
  });

  it('answers an unmatched request with a 404 that lists what the examples take', async () => {
    const s = await startSandboxServer();
    server = s;
    const t = await token(s);
    const res = await fetch(`${s.endpoint}/orders/v0/orders?CreatedAfter=2026-01-01&MarketplaceIds=ATVPDKIKX0DER`, { headers: { 'x-amz-access-token': t } });
    expect(res.status).toBe(404);
    const body = (await res.json()) as { errors: { code: string; message: string; details: string }[] };
    expect(body.errors[0]!.code).toBe('NotFound');
    expect(body.errors[0]!.message).toBe('No sandbox example of getOrders matches GET /orders/v0/orders?CreatedAfter=2026-01-01&MarketplaceIds=ATVPDKIKX0DER');
    expect(body.errors[0]!.details).toContain('CreatedAfter="TEST_CASE_200", MarketplaceIds=["ATVPDKIKX0DER"]');
    const unknown = await fetch(`${s.endpoint}/fba/inventory/v1/summaries`, { headers: { 'x-amz-access-token': t } });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { errors: { message: string }[] }).errors[0]!.message).toBe('No sandbox operation serves GET /fba/inventory/v1/summaries');
  });

  it('refuses SP-API calls without a token it issued, and expired tokens as expired', async () => {
    const s = await startSandboxServer();
    server = s;
    const none = await fetch(`${s.endpoint}/orders/v0/orders/TEST_CASE_200`);
    expect(none.status).toBe(403);
    const t = await token(s);
    expect((await fetch(`${s.endpoint}/orders/v0/orders/TEST_CASE_200`, { headers: { 'x-amz-access-token': t } })).status).toBe(200);
    s.expireAccessTokens();
    const expired = await fetch(`${s.endpoint}/orders/v0/orders/TEST_CASE_200`, { headers: { 'x-amz-access-token': t } });
    expect(expired.status).toBe(403);
    expect(((await expired.json()) as { errors: { details: string }[] }).errors[0]!.details).toBe('The access token you provided has expired.');
  });
});

describe('sandbox token endpoint', () => {
  it('checks the grant type and configured credentials', async () => {
    const s = await startSandboxServer({ operations: [], credentials: { refreshToken: 'good' } });
    server = s;
    const post = (form: Record<string, string>): Promise<Response> =>
      fetch(`${s.lwaEndpoint}/auth/o2/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString() });
    const base = { grant_type: 'refresh_token', refresh_token: 'good', client_id: 'c', client_secret: 's' };
    expect((await post(base)).status).toBe(200);
    const wrongGrant = await post({ ...base, grant_type: 'authorization_code' });
    expect(wrongGrant.status).toBe(400);
    expect(await wrongGrant.json()).toMatchObject({ error: 'unsupported_grant_type' });
    const bad = await post({ ...base, refresh_token: 'bad' });
    expect(await bad.json()).toMatchObject({ error: 'invalid_grant' });
    expect(s.issuedTokens).toEqual(['Atza|sandbox-access-token-1']);
  });
});
