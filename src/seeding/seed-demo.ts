import { addUserToWorkspace, createTeam, createWorkspace } from '../access/index.ts';
import { saveCustomers, saveOrders, type OrderInput } from '../commerce/index.ts';
import { damagePhotoPng, DEMO_ACCOUNTS, generateOrders, type DemoOrder } from '../demo/index.ts';
import { reassessTickets } from '../triage/index.ts';
import { baselineTriage, linkAttachment, saveAttachment, saveConversations, type ConversationInput } from '../desk/index.ts';
import type { Clock } from '../kernel/index.ts';
import { newId } from '../kernel/index.ts';
import type { Db, Queryable } from '../platform/db/port.ts';
import { insertRows } from '../platform/db/insert-rows.ts';

export const DEMO_SLUG = 'demo';
export const DEMO_OWNER_EMAIL = 'owner@demo.claimdesk.local';

export interface SeedDemoOptions {
  readonly seed: number;
  readonly orders: number;
  readonly password: string;
  readonly batchSize?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface SeedDemoResult {
  readonly created: boolean;
  /** The `now` the demo world was generated for (its 120 days end there). */
  readonly seededAt: Date;
  readonly workspaceId: string;
  readonly email: string;
  readonly orders: number;
  readonly tickets: number;
}

interface Ctx {
  workspaceId: string;
  accounts: Map<string, string>;
  teams: { compliance: string; care: string; returns: string };
  agents: string[];
  now: Date;
  /** Customers seen earlier in the stream, to tag repeat buyers. Bounded by the number of distinct customers. */
  seenCustomers: Set<string>;
}

/**
 * Creates the demo workspace (seller, team, channel accounts, ~2,000 orders, ~600 conversations) in ONE
 * transaction: a process killed half-way leaves nothing behind, and the next start seeds again.
 * A workspace that was already seeded is left alone.
 */
export async function seedDemoWorkspace(deps: { db: Db; clock: Clock }, opts: SeedDemoOptions): Promise<SeedDemoResult> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const existing = await tx.query<{ id: string; orders: number; completed_at: Date }>(`SELECT w.id, s.orders, s.completed_at FROM workspaces w JOIN seed_runs s ON s.workspace_id = w.id WHERE w.slug = $1`, [DEMO_SLUG]);
    const prior = existing.rows[0];
    if (prior) {
      const t = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM tickets WHERE workspace_id = $1', [prior.id]);
      return { created: false, seededAt: prior.completed_at, workspaceId: prior.id, email: DEMO_OWNER_EMAIL, orders: prior.orders, tickets: t.rows[0]?.n ?? 0 };
    }
    const ctx = await createDemoTenant(tx, opts.password, now);
    let batch: DemoOrder[] = [];
    let done = 0;
    let tickets = 0;
    for (const order of generateOrders({ seed: opts.seed, orders: opts.orders, now })) {
      batch.push(order);
      if (batch.length >= (opts.batchSize ?? 250)) {
        tickets += await saveBatch(tx, ctx, batch);
        done += batch.length;
        batch = [];
        opts.onProgress?.(done, opts.orders);
      }
    }
    tickets += await saveBatch(tx, ctx, batch);
    opts.onProgress?.(opts.orders, opts.orders);
    await tx.query('INSERT INTO seed_runs (workspace_id, seed, orders, completed_at) VALUES ($1, $2, $3, $4)', [ctx.workspaceId, opts.seed, opts.orders, now]);
    return { created: true, seededAt: now, workspaceId: ctx.workspaceId, email: DEMO_OWNER_EMAIL, orders: opts.orders, tickets };
  });
}

async function createDemoTenant(tx: Queryable, password: string, now: Date): Promise<Ctx> {
  const ws = await createWorkspace(tx, { name: 'Hearthwise (demo)', slug: DEMO_SLUG, currency: 'USD', timezone: 'America/Los_Angeles' }, now);
  if (!ws.ok) throw new Error(ws.message);
  const workspaceId = ws.value;
  const user = (email: string, name: string, role: 'owner' | 'admin' | 'agent' | 'viewer', locale: 'en' | 'zh-CN' = 'en') =>
    addUserToWorkspace(tx, { workspaceId, email, name, password, role, locale }, now);
  const owner = await user(DEMO_OWNER_EMAIL, 'Morgan Reyes', 'owner');
  const li = await user('li.wei@demo.claimdesk.local', 'Li Wei 李伟', 'agent', 'zh-CN');
  const anna = await user('anna.schmidt@demo.claimdesk.local', 'Anna Schmidt', 'agent');
  const sam = await user('sam.ops@demo.claimdesk.local', 'Sam Patel', 'admin');
  await user('auditor@demo.claimdesk.local', 'Read-only Auditor', 'viewer');
  const teams = {
    compliance: await createTeam(tx, workspaceId, 'Amazon compliance', [li, owner], now),
    care: await createTeam(tx, workspaceId, 'Customer care', [anna, li], now),
    returns: await createTeam(tx, workspaceId, 'Returns & refunds', [sam, anna], now),
  };
  const accounts = new Map<string, string>();
  const rows = DEMO_ACCOUNTS.map((a) => {
    const id = newId('chn', now);
    accounts.set(a.key, id);
    return { id, workspace_id: workspaceId, kind: a.kind, name: a.name, marketplace: a.marketplace, external_id: a.externalId, settings: { demo: true, currency: a.currency }, created_at: now.toISOString() };
  });
  await insertRows(tx, 'channel_accounts', { id: 'text', workspace_id: 'text', kind: 'text', name: 'text', marketplace: 'text', external_id: 'text', settings: 'jsonb', created_at: 'timestamptz' }, rows);
  return { workspaceId, accounts, teams, agents: [li, anna], now, seenCustomers: new Set() };
}

async function saveBatch(tx: Queryable, ctx: Ctx, batch: readonly DemoOrder[]): Promise<number> {
  if (batch.length === 0) return 0;
  const customerIds = await saveCustomers(tx, ctx.workspaceId, batch.map((o) => ({ name: o.customer.name, email: o.customer.email, phone: o.customer.phone, country: o.customer.country, identities: o.customer.identities })), ctx.now);
  const orderIds = await saveOrders(tx, ctx.workspaceId, batch.map((o, i) => toOrderInput(o, ctx.accounts.get(o.accountKey)!, customerIds[i]!)), ctx.now);
  const convs: ConversationInput[] = [];
  const photos: { index: number; seed: number }[] = [];
  batch.forEach((o, i) => {
    const repeat = ctx.seenCustomers.has(customerIds[i]!);
    ctx.seenCustomers.add(customerIds[i]!);
    if (!o.conversation) return;
    // About half of the buyers who report damage send a photo: the evidence a claim case links to later.
    if (o.conversation.intent === 'damaged_defective' && o.conversation.messages.length > 0 && hash(o.conversation.threadId) % 2 === 0) photos.push({ index: convs.length, seed: hash(o.conversation.threadId) });
    convs.push(toConversation(o, ctx, customerIds[i]!, orderIds.get(o.externalId)!, convs.length, tagsFor(o, repeat, ctx.now)));
  });
  const ticketIds = await saveConversations(tx, ctx.workspaceId, convs, ctx.now);
  for (const p of photos) await attachPhoto(tx, ctx, ticketIds[p.index]!, p.seed);
  // The same triage pass live messages get: risk from order, tracking and history, the default rules, SLA clocks.
  await reassessTickets(tx, ctx.workspaceId, ticketIds.map((ticketId) => ({ ticketId, trigger: 'message_received' as const, eventKey: `seed:${ticketId}` })), ctx.now);
  return ticketIds.length;
}

async function attachPhoto(tx: Queryable, ctx: Ctx, ticketId: string, seed: number): Promise<void> {
  const first = await tx.query<{ id: string; sent_at: Date }>(`SELECT id, sent_at FROM messages WHERE ticket_id = $1 AND direction = 'inbound' ORDER BY sent_at LIMIT 1`, [ticketId]);
  const msg = first.rows[0];
  if (!msg) return;
  const sha256 = await saveAttachment(tx, ctx.workspaceId, damagePhotoPng(seed), 'image/png', msg.sent_at);
  await linkAttachment(tx, { workspaceId: ctx.workspaceId, messageId: msg.id, sha256, filename: `IMG_${String(seed % 10_000).padStart(4, '0')}.png`, contentId: null, position: 0 });
}

function tagsFor(o: DemoOrder, repeat: boolean, now: Date): string[] {
  const tags: string[] = [];
  if (repeat) tags.push('repeat-buyer');
  if (o.totalMinor >= 15_000) tags.push('high-value');
  const delivered = o.shipments.find((s) => s.deliveredAt)?.deliveredAt ?? null;
  const promised = o.promisedDeliveryBy;
  if (promised && (delivered ? delivered > promised : now > promised && o.shipments.length > 0)) tags.push('late-delivery');
  if (o.fulfillment === 'FBM' && o.shipments.some((s) => !s.uploadedToMarketplace)) tags.push('tracking-not-uploaded');
  return tags;
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

function toOrderInput(o: DemoOrder, channelAccountId: string, customerId: string): OrderInput {
  return {
    channelAccountId, channel: o.channel, marketplace: o.marketplace, externalId: o.externalId, customerId, fulfillment: o.fulfillment, status: o.status,
    purchasedAt: o.purchasedAt, promisedShipBy: o.promisedShipBy, promisedDeliveryBy: o.promisedDeliveryBy, currency: o.currency,
    subtotalMinor: o.subtotalMinor, shippingMinor: o.shippingMinor, taxMinor: o.taxMinor, discountMinor: o.discountMinor, totalMinor: o.totalMinor,
    shipCountry: o.shipCountry, shipPostalCode: o.shipPostalCode, shipCity: o.shipCity, items: o.items, shipments: o.shipments,
    returns: o.returns, refunds: o.refunds,
  };
}

function toConversation(o: DemoOrder, ctx: Ctx, customerId: string, orderId: string, n: number, tags: string[]): ConversationInput {
  const c = o.conversation!;
  const last = c.messages[c.messages.length - 1];
  const open = c.status === 'open' || c.status === 'pending';
  const waitingSince = open && last?.direction === 'inbound' ? last.sentAt : null;
  const triage = baselineTriage({ channel: o.channel, fulfillment: o.fulfillment, intent: c.intent, signals: c.signals, waitingSince });
  const teamId = triage.riskLevel === 'critical' && o.channel === 'amazon' ? ctx.teams.compliance
    : ['refund_request', 'return_request', 'wrong_item', 'damaged_defective'].includes(c.intent) ? ctx.teams.returns : ctx.teams.care;
  return {
    channel: o.channel, channelAccountId: ctx.accounts.get(o.accountKey)!, marketplace: o.marketplace, externalThreadId: c.threadId, customerId, orderId,
    subject: c.subject, status: c.status, language: c.language, intent: c.intent, intents: c.intents, signals: c.signals,
    riskLevel: triage.riskLevel, riskScore: triage.riskScore, riskReasons: triage.reasons, tags, teamId,
    assigneeId: open && n % 3 === 0 ? ctx.agents[n % ctx.agents.length]! : null,
    firstResponseDueAt: triage.firstResponseDueAt, nextResponseDueAt: triage.firstResponseDueAt,
    messages: c.messages.map((m) => ({ ...m, language: c.language })),
  };
}
