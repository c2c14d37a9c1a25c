import { describe, expect, it } from 'vitest';
import { ApiToken, ChannelAccount, CreateApiTokenResponse, Note, SessionInfo, TicketDetail, TicketListResponse } from '../src/contracts/index.ts';
import type { Db } from '../src/platform/db/port.ts';
import { client, testApp } from './support/app.ts';
import { DRIVERS, freshDbPerTest } from './support/db.ts';
import { seedSmallWorkspace, T0 } from './support/fixtures.ts';
import { linkAttachment, saveAttachment } from '../src/desk/index.ts';

describe.each(DRIVERS)('HTTP API on $name', (driver) => {
  let db: Db;
  freshDbPerTest(driver, (d) => (db = d));

  it('signs in with a password and sets an HttpOnly, SameSite session cookie', async () => {
    const s = await seedSmallWorkspace(db, 'shop');
    const { app } = testApp(db);
    const c = client(app);
    const bad = await c.login('owner@shop.test', 'wrong password');
    expect(bad.status).toBe(401);
    expect(bad.json).toEqual({ error: 'unauthenticated', message: 'wrong e-mail or password' });
    const r = await c.login('OWNER@shop.test', s.password);
    expect(r.status).toBe(200);
    const info = SessionInfo.parse(r.json);
    expect(info).toMatchObject({ role: 'owner', workspace: { slug: 'shop' }, user: { email: 'owner@shop.test', locale: 'en' } });
    const set = r.headers.get('set-cookie') ?? '';
    expect(set).toMatch(/HttpOnly/);
    expect(set).toMatch(/SameSite=Lax/);
    const stored = await db.query<{ id: string }>('SELECT id FROM sessions');
    expect(stored.rows.map((x) => x.id)).not.toContain(c.cookie.split('=')[1]);
  });

  it('lists the queue and a ticket for a signed-in user, and refuses anonymous calls', async () => {
    const s = await seedSmallWorkspace(db, 'shop');
    const { app } = testApp(db);
    const anon = client(app);
    expect((await anon.call('GET', '/api/tickets')).status).toBe(401);
    const c = client(app);
    await c.login('viewer@shop.test', s.password);
    const list = TicketListResponse.parse((await c.call('GET', '/api/tickets?status=active')).json);
    expect(list.items[0]?.riskLevel).toBe('critical');
    const detail = TicketDetail.parse((await c.call('GET', `/api/tickets/${list.items[0]!.id}`)).json);
    expect(detail.order?.externalId).toBe(s.orderExternalId);
    expect(detail.messages[0]?.bodyText).toContain('A-to-z');
  });

  it('rejects a bad query with a field-level error', async () => {
    const s = await seedSmallWorkspace(db, 'shop');
    const c = client(testApp(db).app);
    await c.login('agent@shop.test', s.password);
    const r = await c.call('GET', '/api/tickets?riskLevel=apocalyptic');
    expect(r.status).toBe(400);
    expect(r.json.error).toBe('bad_input');
    expect(r.json.message).toMatch(/^riskLevel: /);
    for (const cursor of ['OTk5OTk5OTk5OTk5', '!!!', 'LTE']) {
      const bad = await c.call('GET', `/api/tickets?cursor=${cursor}`);
      expect(bad.status, cursor).toBe(400);
      expect(bad.json.message).toMatch(/^cursor: /);
    }
  });

  it('enforces roles: viewers read, agents write notes, admins connect channels', async () => {
    const s = await seedSmallWorkspace(db, 'shop');
    const { app } = testApp(db);
    const viewer = client(app);
    await viewer.login('viewer@shop.test', s.password);
    const ticket = s.ticketIds[0]!;
    expect((await viewer.call('POST', `/api/tickets/${ticket}/notes`, { body: 'hi' })).status).toBe(403);
    const agent = client(app);
    await agent.login('agent@shop.test', s.password);
    const note = await agent.call('POST', `/api/tickets/${ticket}/notes`, { body: 'Called the carrier, claim opened.' });
    expect(note.status).toBe(201);
    expect(Note.parse(note.json)).toMatchObject({ authorLabel: 'Agent shop', body: 'Called the carrier, claim opened.' });
    const timeline = await agent.call('GET', `/api/tickets/${ticket}/timeline`);
    expect(timeline.json.items.map((e: { type: string }) => e.type)).toContain('note.added');
    const account = { kind: 'shopify', name: 'My store', externalId: 'shop.myshopify.com', credentials: { accessToken: 'shpat_secret_value' } };
    expect((await agent.call('POST', '/api/channel-accounts', account)).status).toBe(403);
    const owner = client(app);
    await owner.login('owner@shop.test', s.password);
    const created = await owner.call('POST', '/api/channel-accounts', account);
    expect(created.status).toBe(201);
    expect(ChannelAccount.parse(created.json)).toMatchObject({ hasCredentials: true });
    expect(JSON.stringify(created.json)).not.toContain('shpat_secret_value');
    const listed = await owner.call('GET', '/api/channel-accounts');
    expect(JSON.stringify(listed.json)).not.toContain('shpat_secret_value');
    const raw = await db.query<{ credentials: string }>(`SELECT credentials FROM channel_accounts WHERE kind = 'shopify'`);
    expect(raw.rows[0]!.credentials).not.toContain('shpat_secret_value');
    expect((await owner.call('POST', '/api/channel-accounts', account)).status).toBe(409);
  });

  it('requires the CSRF token on cookie-authenticated writes', async () => {
    const s = await seedSmallWorkspace(db, 'shop');
    const c = client(testApp(db).app);
    await c.login('agent@shop.test', s.password);
    expect((await c.call('POST', `/api/tickets/${s.ticketIds[0]}/notes`, { body: 'x' }, { 'x-csrf-token': 'forged' })).status).toBe(403);
    c.dropCsrf();
    expect((await c.call('POST', `/api/tickets/${s.ticketIds[0]}/notes`, { body: 'x' })).status).toBe(403);
  });

  it('never lets a user of one workspace read or write another workspace', async () => {
    const a = await seedSmallWorkspace(db, 'shop-a');
    const b = await seedSmallWorkspace(db, 'shop-b');
    const c = client(testApp(db).app);
    await c.login('owner@shop-a.test', a.password);
    const mine = TicketListResponse.parse((await c.call('GET', '/api/tickets')).json);
    expect(mine.total).toBe(3);
    expect(mine.items.every((t) => a.ticketIds.includes(t.id))).toBe(true);
    for (const path of [`/api/tickets/${b.ticketIds[0]}`, `/api/tickets/${b.ticketIds[0]}/timeline`]) {
      expect((await c.call('GET', path)).status, path).toBe(404);
    }
    expect((await c.call('POST', `/api/tickets/${b.ticketIds[0]}/notes`, { body: 'sneaky' })).status).toBe(404);
    const notes = await db.query(`SELECT 1 FROM notes WHERE body = 'sneaky'`);
    expect(notes.rows).toHaveLength(0);
    expect((await c.call('GET', `/api/tickets?q=${encodeURIComponent(b.orderExternalId)}`)).json.total).toBe(0);
  });

  it('issues API tokens for scripts, shows the secret once, and honours revocation', async () => {
    const s = await seedSmallWorkspace(db, 'shop');
    const c = client(testApp(db).app);
    await c.login('agent@shop.test', s.password);
    const created = CreateApiTokenResponse.parse((await c.call('POST', '/api/tokens', { name: 'nightly export' })).json);
    expect(created.token).toMatch(/^cdt_/);
    const listed = (await c.call('GET', '/api/tokens')).json;
    expect(ApiToken.array().parse(listed.items)).toHaveLength(1);
    expect(JSON.stringify(listed)).not.toContain(created.token);
    const script = client(testApp(db).app);
    const auth = { authorization: `Bearer ${created.token}` };
    const r = await script.call('GET', '/api/tickets', undefined, auth);
    expect(r.status).toBe(200);
    expect(r.json.total).toBe(3);
    expect((await script.call('POST', `/api/tickets/${s.ticketIds[0]}/notes`, { body: 'from a script' }, auth)).status).toBe(201);
    expect((await c.call('DELETE', `/api/tokens/${created.id}`)).status).toBe(204);
    expect((await script.call('GET', '/api/tickets', undefined, auth)).status).toBe(401);
  });

  it('persists the language per user', async () => {
    const s = await seedSmallWorkspace(db, 'shop');
    const { app } = testApp(db);
    const c = client(app);
    await c.login('agent@shop.test', s.password);
    expect((await c.call('PATCH', '/api/me', { locale: 'zh-CN' })).json.user.locale).toBe('zh-CN');
    const again = client(app);
    expect((await again.login('agent@shop.test', s.password)).json.user.locale).toBe('zh-CN');
    expect((await c.call('PATCH', '/api/me', { locale: 'fr' })).status).toBe(400);
  });

  it('signs out and the old cookie stops working', async () => {
    const s = await seedSmallWorkspace(db, 'shop');
    const c = client(testApp(db).app);
    await c.login('agent@shop.test', s.password);
    expect((await c.call('POST', '/api/auth/logout')).status).toBe(204);
    expect((await c.call('GET', '/api/me')).status).toBe(401);
  });

  it('expires sessions', async () => {
    const s = await seedSmallWorkspace(db, 'shop');
    const { app, clock } = testApp(db);
    const c = client(app);
    await c.login('agent@shop.test', s.password);
    clock.advance(15 * 24 * 3600_000);
    expect((await c.call('GET', '/api/me')).status).toBe(401);
  });

  it('publishes an OpenAPI document covering every route', async () => {
    const r = await testApp(db).app.request('/api/openapi.json');
    expect(r.headers.get('content-security-policy')).toMatch(/default-src 'self'.*frame-ancestors 'none'/);
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    const doc = (await r.json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toBe('3.1.0');
    for (const p of ['/api/auth/login', '/api/me', '/api/tickets', '/api/tickets/{id}', '/api/tickets/{id}/notes', '/api/tickets/{id}/timeline', '/api/channel-accounts', '/api/tokens', '/api/members', '/api/teams']) {
      expect(doc.paths, p).toHaveProperty([p]);
    }
  });

  it('serves attachments content-addressed, as downloads, only to their workspace', async () => {
    const a = await seedSmallWorkspace(db, 'shop-a');
    const b = await seedSmallWorkspace(db, 'shop-b');
    const bytes = new TextEncoder().encode('%PDF-1.4 photo of the cracked lid');
    const msg = await db.query<{ id: string }>('SELECT id FROM messages WHERE ticket_id = $1', [a.ticketIds[0]]);
    const sha = await saveAttachment(db, a.workspaceId, bytes, 'application/pdf', T0);
    expect(await saveAttachment(db, a.workspaceId, bytes, 'application/pdf', T0)).toBe(sha);
    expect((await db.query('SELECT 1 FROM attachments WHERE sha256 = $1', [sha])).rows).toHaveLength(1);
    await linkAttachment(db, { workspaceId: a.workspaceId, messageId: msg.rows[0]!.id, sha256: sha, filename: 'Deckel kaputt – Foto.pdf', contentId: null, position: 0 });
    const c = client(testApp(db).app);
    await c.login('viewer@shop-a.test', a.password);
    const detail = TicketDetail.parse((await c.call('GET', `/api/tickets/${a.ticketIds[0]}`)).json);
    expect(detail.messages[0]!.attachments).toEqual([{ sha256: sha, filename: 'Deckel kaputt – Foto.pdf', contentType: 'application/pdf', sizeBytes: bytes.byteLength, url: `/api/attachments/${sha}` }]);
    const res = await testApp(db).app.request(`/api/attachments/${sha}`, { headers: { cookie: c.cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename*=UTF-8''${encodeURIComponent('Deckel kaputt – Foto.pdf')}`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-security-policy')).toMatch(/^sandbox/);
    const html = await saveAttachment(db, a.workspaceId, new TextEncoder().encode('<script>alert(1)</script>'), 'text/html; charset=utf-8', T0);
    const htmlRes = await testApp(db).app.request(`/api/attachments/${html}`, { headers: { cookie: c.cookie } });
    expect(htmlRes.headers.get('content-type')).toBe('application/octet-stream');
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(bytes);
    const other = client(testApp(db).app);
    await other.login('owner@shop-b.test', b.password);
    expect((await other.call('GET', `/api/attachments/${sha}`)).status).toBe(404);
  });

  it('labels timeline actors with names a person can read', async () => {
    const s = await seedSmallWorkspace(db, 'shop');
    const c = client(testApp(db).app);
    await c.login('agent@shop.test', s.password);
    await c.call('POST', `/api/tickets/${s.ticketIds[0]}/notes`, { body: 'checked tracking' });
    const items = (await c.call('GET', `/api/tickets/${s.ticketIds[0]}/timeline`)).json.items as { type: string; actorLabel: string }[];
    expect(items.map((e) => [e.type, e.actorLabel])).toEqual([['ticket.created', 'Amazon'], ['message.received', 'Amazon'], ['note.added', 'Agent shop']]);
  });

  it('rejects credential keys that the channel does not use, naming the field', async () => {
    const s = await seedSmallWorkspace(db, 'shop');
    const c = client(testApp(db).app);
    await c.login('owner@shop.test', s.password);
    const r = await c.call('POST', '/api/channel-accounts', { kind: 'amazon', name: 'Amazon UK', marketplace: 'uk', externalId: 'A1SELLER', credentials: { password: 'x' } });
    expect(r.status).toBe(400);
    expect(r.json.message).toMatch(/^credentials\.password: not a amazon credential; expected one of lwaClientId, lwaClientSecret, refreshToken/);
    const unknownMarket = await c.call('POST', '/api/channel-accounts', { kind: 'amazon', name: 'Amazon XX', marketplace: 'XX', externalId: 'A1SELLER' });
    expect(unknownMarket.status).toBe(400);
    expect(unknownMarket.json.details).toEqual({ field: 'marketplace' });
    const ok = await c.call('POST', '/api/channel-accounts', { kind: 'amazon', name: 'Amazon UK', marketplace: 'uk', externalId: 'A1SELLER', credentials: { refreshToken: 'Atzr|x' } });
    expect(ok.status).toBe(201);
    expect(ok.json.marketplace).toBe('UK');
  });

  it('slows password guessing and ignores a spoofed X-Forwarded-For', async () => {
    const s = await seedSmallWorkspace(db, 'shop');
    const c = client(testApp(db).app);
    for (let i = 0; i < 10; i++) expect((await c.call('POST', '/api/auth/login', { email: 'owner@shop.test', password: `guess-${i}` }, { 'x-forwarded-for': `10.0.0.${i}` })).status).toBe(401);
    const blocked = await c.call('POST', '/api/auth/login', { email: 'owner@shop.test', password: s.password }, { 'x-forwarded-for': '10.9.9.9' });
    expect(blocked.status).toBe(429);
    expect(blocked.json.error).toBe('rate_limited');
    expect((await c.login('agent@shop.test', s.password)).status).toBe(200);
  });

  it('answers 401 to anonymous callers on every route the OpenAPI document lists, except sign-in', async () => {
    const { app } = testApp(db);
    const doc = (await (await app.request('/api/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    const calls = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => [m.toUpperCase(), path.replace(/\{[^}]+\}/g, 'a'.repeat(64))] as const));
    expect(calls.length).toBeGreaterThan(12);
    for (const [method, path] of calls) {
      if (path === '/api/auth/login') continue;
      const r = await app.request(path, { method, headers: { 'content-type': 'application/json' }, ...(method === 'GET' ? {} : { body: '{}' }) });
      expect(r.status, `${method} ${path}`).toBe(401);
    }
  });

  it('keeps API tokens per user: nobody revokes or lists another user\'s tokens, viewers cannot create them', async () => {
    const s = await seedSmallWorkspace(db, 'shop');
    const { app } = testApp(db);
    const agent = client(app);
    await agent.login('agent@shop.test', s.password);
    const created = (await agent.call('POST', '/api/tokens', { name: 'mine' })).json;
    const owner = client(app);
    await owner.login('owner@shop.test', s.password);
    expect((await owner.call('GET', '/api/tokens')).json.items).toEqual([]);
    expect((await owner.call('DELETE', `/api/tokens/${created.id}`)).status).toBe(404);
    expect((await agent.call('GET', '/api/tokens')).json.items).toHaveLength(1);
    const viewer = client(app);
    await viewer.login('viewer@shop.test', s.password);
    expect((await viewer.call('POST', '/api/tokens', { name: 'nope' })).status).toBe(403);
  });
});
