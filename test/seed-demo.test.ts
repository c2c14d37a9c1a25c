import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeDemoFiles } from '../src/demo/index.ts';
import { fixedClock } from '../src/kernel/index.ts';
import type { Db } from '../src/platform/db/port.ts';
import { DEMO_OWNER_EMAIL, seedDemoWorkspace } from '../src/seeding/index.ts';
import { signIn } from '../src/access/index.ts';
import { listTickets } from '../src/desk/index.ts';
import { DRIVERS, freshDbPerTest } from './support/db.ts';

const NOW = new Date('2026-11-20T09:00:00Z');
const count = async (db: Db, sql: string, params: unknown[] = []) => (await db.query<{ n: number }>(sql, params)).rows[0]!.n;

describe.each(DRIVERS)('demo workspace seeding on $name', (driver) => {
  let db: Db;
  freshDbPerTest(driver, (d) => (db = d));
  const deps = () => ({ db, clock: fixedClock(NOW) });

  it('creates a complete, consistent seller workspace and can sign in to it', async () => {
    const r = await seedDemoWorkspace(deps(), { seed: 7, orders: 400, password: 'demo-password-1' });
    expect(r).toMatchObject({ created: true, orders: 400, email: DEMO_OWNER_EMAIL });
    const ws = r.workspaceId;
    expect(await count(db, 'SELECT count(*)::int AS n FROM orders WHERE workspace_id = $1', [ws])).toBe(400);
    expect(await count(db, 'SELECT count(*)::int AS n FROM tickets WHERE workspace_id = $1', [ws])).toBe(r.tickets);
    expect(r.tickets).toBeGreaterThan(80);
    const accounts = await db.query<{ kind: string; marketplace: string }>('SELECT kind, marketplace FROM channel_accounts WHERE workspace_id = $1 ORDER BY kind, marketplace', [ws]);
    expect(accounts.rows).toEqual([
      { kind: 'amazon', marketplace: 'DE' }, { kind: 'amazon', marketplace: 'US' }, { kind: 'shopify', marketplace: 'US' }, { kind: 'tiktok', marketplace: 'US' },
    ]);
    const roles = await db.query<{ role: string }>('SELECT role FROM memberships WHERE workspace_id = $1 ORDER BY role', [ws]);
    expect(roles.rows.map((x) => x.role)).toEqual(['admin', 'agent', 'agent', 'owner', 'viewer']);
    expect(await count(db, `SELECT count(*)::int AS n FROM tickets t JOIN orders o ON o.id = t.order_id WHERE t.workspace_id = $1 AND o.workspace_id <> t.workspace_id`, [ws])).toBe(0);
    expect(await count(db, `SELECT count(*)::int AS n FROM tickets t WHERE t.workspace_id = $1 AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.ticket_id = t.id)`, [ws])).toBe(0);
    expect(await count(db, `SELECT count(DISTINCT fulfillment)::int AS n FROM orders WHERE workspace_id = $1`, [ws])).toBe(4);
    expect(await count(db, `SELECT count(*)::int AS n FROM events WHERE workspace_id = $1 AND type = 'ticket.created'`, [ws])).toBe(r.tickets);
    const login = await signIn(deps(), { email: DEMO_OWNER_EMAIL, password: 'demo-password-1' });
    expect(login.ok).toBe(true);
  });

  it('routes critical Amazon tickets to the Amazon compliance team and puts them first', async () => {
    const r = await seedDemoWorkspace(deps(), { seed: 7, orders: 400, password: 'demo-password-1' });
    const owner = await db.query<{ id: string }>('SELECT id FROM users WHERE email = $1', [DEMO_OWNER_EMAIL]);
    const queue = await listTickets(db, r.workspaceId, owner.rows[0]!.id, { limit: 200 });
    const first = queue.items[0]!;
    expect(first.riskLevel).toBe('critical');
    const criticalAmazon = queue.items.filter((t) => t.riskLevel === 'critical' && t.channel === 'amazon');
    expect(criticalAmazon.length).toBeGreaterThan(0);
    expect(new Set(criticalAmazon.map((t) => t.teamName))).toEqual(new Set(['Amazon compliance']));
    expect(criticalAmazon.every((t) => t.riskReasons.length > 0)).toBe(true);
  });

  it('is deterministic for a seed and a clock, and a second run changes nothing', async () => {
    const a = await seedDemoWorkspace(deps(), { seed: 11, orders: 300, password: 'p-1234567890' });
    const snapshot = async () =>
      (await db.query<{ k: string }>(`SELECT string_agg(external_id || ':' || total_minor || ':' || fulfillment, ',' ORDER BY external_id) AS k FROM orders`)).rows[0]!.k;
    const before = await snapshot();
    const again = await seedDemoWorkspace(deps(), { seed: 11, orders: 300, password: 'p-1234567890' });
    expect(again).toMatchObject({ created: false, workspaceId: a.workspaceId, tickets: a.tickets });
    expect(await snapshot()).toBe(before);
    const other = await driver.open();
    try {
      await seedDemoWorkspace({ db: other, clock: fixedClock(NOW) }, { seed: 11, orders: 300, password: 'p-1234567890' });
      const k = (await other.query<{ k: string }>(`SELECT string_agg(external_id || ':' || total_minor || ':' || fulfillment, ',' ORDER BY external_id) AS k FROM orders`)).rows[0]!.k;
      expect(k).toBe(before);
    } finally {
      await other.close();
    }
  });

  it('attaches buyer photos to some damage reports, stored once by content', async () => {
    const r = await seedDemoWorkspace(deps(), { seed: 42, orders: 600, password: 'p-1234567890' });
    const rows = await db.query<{ content_type: string; intent: string }>(
      `SELECT a.content_type, t.intent FROM message_attachments ma JOIN attachments a ON a.workspace_id = ma.workspace_id AND a.sha256 = ma.sha256
       JOIN messages m ON m.id = ma.message_id JOIN tickets t ON t.id = m.ticket_id WHERE t.workspace_id = $1`,
      [r.workspaceId],
    );
    expect(rows.rows.length).toBeGreaterThan(0);
    expect(new Set(rows.rows.map((x) => `${x.content_type} ${x.intent}`))).toEqual(new Set(['image/png damaged_defective']));
  });

  it('seeds the same world the demo report files describe', async () => {
    const r = await seedDemoWorkspace(deps(), { seed: 5, orders: 300, password: 'p-1234567890' });
    const dir = mkdtempSync(join(tmpdir(), 'cd-world-'));
    try {
      await writeDemoFiles({ seed: 5, orders: 300, now: r.seededAt, outDir: dir });
      const fileIds = readFileSync(join(dir, 'orders.jsonl'), 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { externalId: string }).externalId).sort();
      const dbIds = (await db.query<{ external_id: string }>('SELECT external_id FROM orders WHERE workspace_id = $1 ORDER BY external_id', [r.workspaceId])).rows.map((x) => x.external_id);
      expect(dbIds).toEqual(fileIds);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
