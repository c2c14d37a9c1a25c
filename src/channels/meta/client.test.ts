import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ChannelInputError } from '../types.ts';
import { sendJson, startLocalServer, type LocalServer } from '../shopify/test-support.ts';
import { MetaGraphClient, MetaGraphError } from './client.ts';

// Responses below are written by us in the shape Meta documents for the Send API and Graph errors.
const IG_ACCOUNT = '17841405309211844';
const BUYER = '6612345678901234';

describe('MetaGraphClient.sendMessage against a local server', () => {
  let server: LocalServer;
  let next: { status: number; body: unknown } | null = null;

  beforeAll(async () => {
    server = await startLocalServer((req, res) => {
      if (next) {
        const n = next;
        next = null;
        return sendJson(res, n.status, n.body);
      }
      if (req.headers['authorization'] !== 'Bearer EAAG-test-token') return sendJson(res, 400, { error: { message: 'Invalid OAuth access token - Cannot parse access token', type: 'OAuthException', code: 190, fbtrace_id: 'AbCdEf' } });
      const body = JSON.parse(req.body) as { recipient: { id: string } };
      return sendJson(res, 200, { recipient_id: body.recipient.id, message_id: 'aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQxNDA1sent' });
    });
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.requests.length = 0;
    next = null;
  });

  const client = (token = 'EAAG-test-token') => new MetaGraphClient({ accessToken: token, baseUrl: server.url, apiVersion: 'v21.0' });

  it('POSTs /{version}/{id}/messages with the documented body and bearer token, returning message_id', async () => {
    const r = await client().sendMessage({ pageOrIgUserId: IG_ACCOUNT, recipientId: BUYER, text: 'Your parcel is on its way.' });
    expect(r).toEqual({ messageId: 'aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQxNDA1sent', recipientId: BUYER });
    expect(server.requests).toHaveLength(1);
    const req = server.requests[0];
    expect([req?.method, req?.url]).toEqual(['POST', `/v21.0/${IG_ACCOUNT}/messages`]);
    expect(req?.headers['authorization']).toBe('Bearer EAAG-test-token');
    expect(req?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(req?.body ?? '')).toEqual({ recipient: { id: BUYER }, message: { text: 'Your parcel is on its way.' }, messaging_type: 'RESPONSE' });
  });

  it('maps code 190 (token invalid) to a non-retryable error', async () => {
    const err = await client('expired').sendMessage({ pageOrIgUserId: IG_ACCOUNT, recipientId: BUYER, text: 'x' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MetaGraphError);
    expect(err).toMatchObject({ status: 400, code: 190, retryable: false, fbtraceId: 'AbCdEf' });
    expect((err as Error).message).toMatch(/code 190.*access token invalid.*Cannot parse access token/);
  });

  it.each([4, 17, 32, 613])('maps rate-limit code %i to a retryable error', async (code) => {
    next = { status: 400, body: { error: { message: 'Application request limit reached', type: 'OAuthException', code, error_subcode: 2446079, fbtrace_id: 'x' } } };
    const err = await client().sendMessage({ pageOrIgUserId: IG_ACCOUNT, recipientId: BUYER, text: 'x' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code, subcode: 2446079, retryable: true });
    expect((err as Error).message).toContain(`[code ${code}/2446079]`);
  });

  it('maps 5xx to retryable and other 4xx (e.g. outside the 24-hour window) to not retryable', async () => {
    next = { status: 503, body: 'Service Unavailable' };
    expect(await client().sendMessage({ pageOrIgUserId: IG_ACCOUNT, recipientId: BUYER, text: 'x' }).catch((e: unknown) => e)).toMatchObject({ status: 503, retryable: true, code: null });
    next = { status: 400, body: { error: { message: 'This message is sent outside of allowed window.', type: 'OAuthException', code: 10, error_subcode: 2018278 } } };
    expect(await client().sendMessage({ pageOrIgUserId: IG_ACCOUNT, recipientId: BUYER, text: 'x' }).catch((e: unknown) => e)).toMatchObject({ code: 10, subcode: 2018278, retryable: false });
  });

  it('refuses bad input before any request', async () => {
    await expect(client().sendMessage({ pageOrIgUserId: '../me', recipientId: BUYER, text: 'x' })).rejects.toBeInstanceOf(ChannelInputError);
    await expect(client().sendMessage({ pageOrIgUserId: IG_ACCOUNT, recipientId: BUYER, text: '  ' })).rejects.toBeInstanceOf(ChannelInputError);
    expect(server.requests).toHaveLength(0);
  });

  it('defaults to graph.facebook.com and a pinned version when not given', async () => {
    const urls: string[] = [];
    const c = new MetaGraphClient({ accessToken: 't', fetch: async (u) => (urls.push(String(u)), new Response('{"recipient_id":"1","message_id":"m"}')) });
    await c.sendMessage({ pageOrIgUserId: '1', recipientId: '2', text: 'x' });
    expect(urls[0]).toMatch(/^https:\/\/graph\.facebook\.com\/v\d+\.\d+\/1\/messages$/);
  });
});
