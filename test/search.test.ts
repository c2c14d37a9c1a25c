// Search in the queue: same order and paging as the unfiltered queue, counts that agree with the filters.
import { describe, expect, it } from 'vitest';
import { ingestMessages } from '../src/channels/index.ts';
import { listTickets } from '../src/desk/index.ts';
import type { Db } from '../src/platform/db/port.ts';
import { DRIVERS, freshDbPerTest } from './support/db.ts';
import { seedSmallWorkspace } from './support/fixtures.ts';
import { inbound, min } from './support/inbound.ts';

describe.each(DRIVERS)('queue search on $name', (driver) => {
  let db: Db;
  freshDbPerTest(driver, (d) => (db = d));

  it('pages through matches in queue order with counts that follow the filters', async () => {
    const s = await seedSmallWorkspace(db, 'srch');
    const msgs = Array.from({ length: 7 }, (_, i) => inbound({
      channel: i % 2 ? 'email' : 'instagram', channelMessageId: `k${i}@x`, conversationId: i % 2 ? null : `conv-${i}`, sentAt: min(i),
      subject: `Kettle question ${i}`, text: i === 3 ? '水壶坏了 kettle broken' : `my kettle number ${i}`,
      from: { address: `p${i}@buyer.test`, name: null }, customer: { name: null, email: `p${i}@buyer.test`, phone: null, identity: { channel: 'email', externalId: `p${i}@buyer.test` } },
    }));
    const r = await db.transaction((tx) => ingestMessages(tx, s.workspaceId, [...msgs, inbound({ channelMessageId: 'other@x', subject: 'Lid', text: 'lid only', sentAt: min(9) })], new Date()));
    await db.query(`UPDATE tickets SET status = 'solved' WHERE id = ANY($1::text[])`, [[r.ticketIds[0], r.ticketIds[1]]]);

    const all = await listTickets(db, s.workspaceId, s.agentId, { q: 'kettle', limit: 50 });
    expect(all.total).toBe(7);
    const plainOrder = (await listTickets(db, s.workspaceId, s.agentId, { limit: 200 })).items.map((t) => t.id).filter((id) => all.items.some((x) => x.id === id));
    expect(all.items.map((t) => t.id)).toEqual(plainOrder);
    expect(all.counts.status).toEqual({ open: 5, solved: 2 });
    expect(all.counts.channel).toEqual({ email: 3, instagram: 4 });

    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listTickets(db, s.workspaceId, s.agentId, { q: 'kettle', limit: 3, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((t) => t.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(all.items.map((t) => t.id));

    // A filter narrows the total and the other chips' counts, but not its own chip's counts.
    const open = await listTickets(db, s.workspaceId, s.agentId, { q: 'kettle', status: 'open', limit: 50 });
    expect(open.total).toBe(5);
    expect(open.counts.status).toEqual({ open: 5, solved: 2 });
    expect(Object.values(open.counts.channel).reduce((a, b) => a + b, 0)).toBe(5);
    expect((await listTickets(db, s.workspaceId, s.agentId, { q: '坏了', limit: 50 })).items.map((t) => t.id)).toEqual([r.ticketIds[3]]);
    expect((await listTickets(db, s.workspaceId, s.agentId, { q: 'nothing-like-this', limit: 50 })).total).toBe(0);
  });
});
