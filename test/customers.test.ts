// One person behind two customer records (merge), and two people behind one (split), through the HTTP API.
import { describe, expect, it } from 'vitest';
import { ingestMessages } from '../src/channels/index.ts';
import { getTicketDetail, getTicketTimeline } from '../src/desk/index.ts';
import type { Db } from '../src/platform/db/port.ts';
import { client, testApp } from './support/app.ts';
import { DRIVERS, freshDbPerTest } from './support/db.ts';
import { seedSmallWorkspace } from './support/fixtures.ts';
import { inbound } from './support/inbound.ts';

describe.each(DRIVERS)('customer merge and split on $name', (driver) => {
  let db: Db;
  freshDbPerTest(driver, (d) => (db = d));

  it('merges two records of one person and splits an identity off again', async () => {
    const s = await seedSmallWorkspace(db, 'cus');
    const mail = (id: string, address: string) => inbound({ channelMessageId: id, from: { address, name: 'Pat' },
      customer: { name: 'Pat', email: address, phone: null, identity: { channel: 'email', externalId: address } } });
    const r = await db.transaction((tx) => ingestMessages(tx, s.workspaceId, [mail('w1@x', 'pat@work.test'), mail('h1@x', 'pat@home.test')], new Date()));
    const work = (await getTicketDetail(db, s.workspaceId, r.ticketIds[0]!))!;
    const home = (await getTicketDetail(db, s.workspaceId, r.ticketIds[1]!))!;
    expect(work.customer!.id).not.toBe(home.customer!.id);

    const { app } = testApp(db);
    const agent = client(app);
    await agent.login('agent@cus.test', s.password);
    const merged = await agent.call('POST', `/api/customers/${work.customer!.id}/merge`, { mergeCustomerId: home.customer!.id });
    expect(merged.status).toBe(200);
    expect(merged.json).toEqual({ customerId: work.customer!.id, movedTickets: 1 });
    const after = (await getTicketDetail(db, s.workspaceId, home.ticket.id))!;
    expect(after.customer!.id).toBe(work.customer!.id);
    expect(after.customer!.identities.map((i) => i.externalId).sort()).toEqual(['pat@home.test', 'pat@work.test']);
    expect((await getTicketTimeline(db, s.workspaceId, home.ticket.id))!.map((e) => e.type)).toContain('customer.merged');
    // A new message from the merged address resolves to the survivor.
    const next = await db.transaction((tx) => ingestMessages(tx, s.workspaceId, [mail('h2@x', 'pat@home.test')], new Date()));
    expect((await getTicketDetail(db, s.workspaceId, next.ticketIds[0]!))!.customer!.id).toBe(work.customer!.id);
    expect((await agent.call('POST', `/api/customers/${work.customer!.id}/merge`, { mergeCustomerId: home.customer!.id })).status).toBe(409);

    const split = await agent.call('POST', `/api/customers/${work.customer!.id}/split`, { identities: [{ channel: 'email', externalId: 'pat@home.test' }] });
    expect(split.status).toBe(200);
    expect(split.json.movedTickets).toBe(2);
    const homeAgain = (await getTicketDetail(db, s.workspaceId, home.ticket.id))!;
    expect(homeAgain.customer!.id).toBe(split.json.customerId);
    expect((await getTicketDetail(db, s.workspaceId, work.ticket.id))!.customer!.id).toBe(work.customer!.id);
    // Splitting off the last identity, or one the customer does not have, is refused with the field named.
    const bad = await agent.call('POST', `/api/customers/${work.customer!.id}/split`, { identities: [{ channel: 'email', externalId: 'pat@work.test' }] });
    expect(bad.status).toBe(400);
    expect(bad.json.message).toContain('keep at least one identity');
    const viewer = client(app);
    await viewer.login('viewer@cus.test', s.password);
    expect((await viewer.call('POST', `/api/customers/${work.customer!.id}/merge`, { mergeCustomerId: split.json.customerId })).status).toBe(403);
  });
});
