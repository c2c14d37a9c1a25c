import { describe, expect, it } from 'vitest';
import { CreateMemberResponse, Member, Team } from '../src/contracts/index.ts';
import type { Db } from '../src/platform/db/port.ts';
import { client, testApp } from './support/app.ts';
import { DRIVERS, freshDbPerTest } from './support/db.ts';
import { seedSmallWorkspace } from './support/fixtures.ts';

describe.each(DRIVERS)('members, teams and passwords on $name', (driver) => {
  let db: Db;
  freshDbPerTest(driver, (d) => (db = d));

  async function signedIn(email: string) {
    const s = await seedSmallWorkspace(db, 'shop');
    const { app } = testApp(db);
    const c = client(app);
    await c.login(email, s.password);
    return { s, app, c };
  }

  it('lets an admin add an agent with a generated password that works once shown', async () => {
    const { app, c } = await signedIn('owner@shop.test');
    const r = await c.call('POST', '/api/members', { email: 'New.Agent@Shop.test', name: 'New Agent', role: 'agent' });
    expect(r.status).toBe(201);
    const created = CreateMemberResponse.parse(r.json);
    expect(created).toMatchObject({ email: 'new.agent@shop.test', role: 'agent', teams: [] });
    expect(created.initialPassword).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    expect((await client(app).login('new.agent@shop.test', created.initialPassword!)).status).toBe(200);
    expect((await c.call('POST', '/api/members', { email: 'new.agent@shop.test', name: 'Again', role: 'agent' })).status).toBe(409);
    const timeline = await db.query<{ type: string }>(`SELECT type FROM events WHERE subject_type = 'workspace' ORDER BY seq`);
    expect(timeline.rows.map((e) => e.type)).toEqual(['member.added']);
  });

  it('keeps the owner role in owners\' hands and never leaves a workspace without an owner', async () => {
    const { s, app } = await signedIn('owner@shop.test');
    const admin = client(app);
    const owner = client(app);
    await owner.login('owner@shop.test', s.password);
    await owner.call('PATCH', `/api/members/${s.agentId}`, { role: 'admin' });
    await admin.login('agent@shop.test', s.password);
    expect((await admin.call('POST', '/api/members', { email: 'boss@shop.test', name: 'Boss', role: 'owner' })).status).toBe(403);
    expect((await admin.call('PATCH', `/api/members/${s.viewerId}`, { role: 'owner' })).status).toBe(403);
    expect((await admin.call('PATCH', `/api/members/${s.ownerId}`, { role: 'viewer' })).status).toBe(403);
    expect((await admin.call('DELETE', `/api/members/${s.ownerId}`)).status).toBe(403);
    expect(Member.parse((await admin.call('PATCH', `/api/members/${s.viewerId}`, { role: 'agent' })).json).role).toBe('agent');
    const self = await owner.call('PATCH', `/api/members/${s.ownerId}`, { role: 'admin' });
    expect(self.status).toBe(409);
    expect((await owner.call('DELETE', `/api/members/${s.ownerId}`)).status).toBe(409);
  });

  it('removes a member: unassigns their tickets, ends their sessions and revokes their tokens', async () => {
    const { s, app, c } = await signedIn('owner@shop.test');
    const agent = client(app);
    await agent.login('agent@shop.test', s.password);
    const token = (await agent.call('POST', '/api/tokens', { name: 'script' })).json.token as string;
    await db.query('UPDATE tickets SET assignee_id = $1 WHERE id = $2', [s.agentId, s.ticketIds[0]]);
    expect((await c.call('DELETE', `/api/members/${s.agentId}`)).status).toBe(204);
    expect((await agent.call('GET', '/api/me')).status).toBe(401);
    expect((await client(app).call('GET', '/api/tickets', undefined, { authorization: `Bearer ${token}` })).status).toBe(401);
    expect((await db.query('SELECT assignee_id FROM tickets WHERE id = $1', [s.ticketIds[0]])).rows[0]).toEqual({ assignee_id: null });
    expect((await client(app).login('agent@shop.test', s.password)).status).toBe(403);
    expect((await c.call('DELETE', `/api/members/${s.agentId}`)).status).toBe(404);
  });

  it('creates, edits and deletes teams; refuses members of other workspaces', async () => {
    const { s, c } = await signedIn('owner@shop.test');
    const other = await seedSmallWorkspace(db, 'other');
    const created = await c.call('POST', '/api/teams', { name: 'Returns & refunds', memberIds: [s.agentId, s.viewerId] });
    expect(created.status).toBe(201);
    const team = Team.parse(created.json);
    expect(team).toMatchObject({ name: 'Returns & refunds', memberCount: 2 });
    expect((await c.call('POST', '/api/teams', { name: 'Returns & refunds' })).status).toBe(409);
    const foreign = await c.call('PUT', `/api/teams/${team.id}`, { name: 'Returns', memberIds: [other.agentId] });
    expect(foreign.status).toBe(400);
    expect(foreign.json.details).toEqual({ field: 'memberIds' });
    const renamed = Team.parse((await c.call('PUT', `/api/teams/${team.id}`, { name: 'Returns', memberIds: [s.ownerId] })).json);
    expect(renamed).toMatchObject({ name: 'Returns', memberIds: [s.ownerId] });
    await db.query('UPDATE tickets SET team_id = $1 WHERE id = $2', [team.id, s.ticketIds[0]]);
    expect((await c.call('DELETE', `/api/teams/${team.id}`)).status).toBe(204);
    expect((await db.query('SELECT team_id FROM tickets WHERE id = $1', [s.ticketIds[0]])).rows[0]).toEqual({ team_id: null });
    expect((await c.call('PUT', `/api/teams/${other.teamId}`, { name: 'Hijack', memberIds: [] })).status).toBe(404);
  });

  it('changes a password only with the current one, and signs out other sessions', async () => {
    const { s, app, c } = await signedIn('agent@shop.test');
    const laptop = client(app);
    await laptop.login('agent@shop.test', s.password);
    expect((await c.call('POST', '/api/me/password', { currentPassword: 'wrong', newPassword: 'a-much-better-password' })).status).toBe(401);
    expect((await c.call('POST', '/api/me/password', { currentPassword: s.password, newPassword: 'short' })).status).toBe(400);
    expect((await c.call('POST', '/api/me/password', { currentPassword: s.password, newPassword: 'a-much-better-password' })).status).toBe(204);
    expect((await c.call('GET', '/api/me')).status).toBe(200);
    expect((await laptop.call('GET', '/api/me')).status).toBe(401);
    expect((await client(app).login('agent@shop.test', s.password)).status).toBe(401);
    expect((await client(app).login('agent@shop.test', 'a-much-better-password')).status).toBe(200);
  });

  it('lets agents and viewers read members and teams but not change them', async () => {
    const { s, c } = await signedIn('agent@shop.test');
    expect((await c.call('GET', '/api/members')).json.items).toHaveLength(3);
    expect((await c.call('GET', '/api/teams')).json.items[0]).toMatchObject({ name: 'Amazon compliance', memberIds: [s.agentId] });
    expect((await c.call('POST', '/api/members', { email: 'x@shop.test', name: 'X', role: 'viewer' })).status).toBe(403);
    expect((await c.call('POST', '/api/teams', { name: 'Mine' })).status).toBe(403);
  });
});
