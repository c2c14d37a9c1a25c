// Benchmark: inbound mail end to end (MIME parse → classify/Amazon relay → order and customer linking →
// threading → store, in transactions of 500) against a baseline measured in the same run: plain batched
// inserts (insertRows, 500 per statement) of the very rows ingestion stored, into a copy of the messages
// table with the same columns and indexes (full-text index included). Goal: ≥ 40 % of the baseline and
// ≥ 1,000 messages/s on PostgreSQL.
//   node bin/run-ts.js bench/ingest.ts [--messages N] [--driver pglite|postgres]
import { parseArgs } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { createWorkspace } from '../src/access/index.ts';
import { createParsePool, parseRaw, storeParsed } from '../src/channels/index.ts';
import { saveOrders, type OrderInput } from '../src/commerce/index.ts';
import { insertRows } from '../src/platform/db/insert-rows.ts';
import { loadMigrations, migrate } from '../src/platform/db/migrate.ts';
import { pgliteDb } from '../src/platform/db/pglite.ts';
import type { Db, Queryable } from '../src/platform/db/port.ts';
import { scratchPostgres } from './support.ts';

const { values } = parseArgs({ options: { messages: { type: 'string', default: '20000' }, driver: { type: 'string', default: 'pglite' }, 'query-times': { type: 'boolean', default: false } } });
const N = Number(values.messages);
const BATCH = 500;
const MIGRATIONS = new URL('../migrations', import.meta.url).pathname;

async function open(): Promise<{ db: Db; done: () => Promise<void> }> {
  if (values.driver === 'postgres') {
    const s = await scratchPostgres('claimdesk_bench_ingest');
    return { db: s.db, done: () => s.done() };
  }
  const db = pgliteDb(await PGlite.create());
  return { db, done: () => db.close() };
}

const ORDERS = 2000;
const orderId = (i: number) => `113-${String(1000000 + i).padStart(7, '0')}-${String(7000000 + i * 7).padStart(7, '0')}`;
const date = (i: number) => new Date(Date.UTC(2026, 9, 1) + i * 60_000).toUTCString().replace('GMT', '+0000');

/** Mail of a seller's support inbox: new questions, buyers' follow-ups in the same thread, and Amazon relay mail. */
function mail(i: number): string {
  const kind = i % 10;
  const body = `Hello,\r\nI ordered the enamel kettle ${i % 97} days ago and it has not arrived yet. The tracking page shows no update since Monday.\r\nCould you tell me where it is? Kind regards\r\nBuyer ${i}\r\n`;
  if (kind < 2) {
    const o = orderId(i % ORDERS);
    return [`Message-ID: <relay-${i}@marketplace.amazon.com>`, `From: "Buyer ${i} - Amazon Marketplace" <b${i % 3000}x7k2m@marketplace.amazon.com>`, 'To: seller@shop.test',
      `Subject: Inquiry from Amazon customer Buyer ${i} (Order: ${o})`, `Date: ${date(i)}`, 'MIME-Version: 1.0', 'Content-Type: text/plain; charset=UTF-8', '',
      `------------- Begin message -------------\r\n\r\n${body}\r\n------------- End message -------------\r\n\r\nOrder ID ${o}:\r\n1 of Enamel kettle [ASIN: B0TEST${String(i % 999).padStart(4, '0')}]\r\n\r\nTo respond to this customer, please reply to this e-mail or visit your seller account.\r\n`].join('\r\n');
  }
  const reply = kind >= 7 && i >= 10;
  return [`Message-ID: <m${i}@buyer${i % 5000}.test>`, `From: Buyer ${i % 5000} <buyer${i % 5000}@mail.test>`, 'To: support@shop.test',
    `Subject: ${reply ? 'Re: ' : ''}Where is my kettle? #${i % 5000}`, `Date: ${date(i)}`, ...(reply ? [`In-Reply-To: <m${i - 7}@buyer${(i - 7) % 5000}.test>`, `References: <m${i - 7}@buyer${(i - 7) % 5000}.test>`] : []),
    'MIME-Version: 1.0', 'Content-Type: text/plain; charset=UTF-8', '', body].join('\r\n');
}

const { db, done } = await open();
try {
  await migrate(db, await loadMigrations(MIGRATIONS));
  const ws = await createWorkspace(db, { name: 'Bench shop', slug: 'bench' }, new Date());
  if (!ws.ok) throw new Error(ws.message);
  const workspaceId = ws.value;
  await db.query(`INSERT INTO channel_accounts (id, workspace_id, kind, name, marketplace, external_id) VALUES ('chn_bench', $1, 'amazon', 'Amazon US', 'US', 'A2BENCH')`, [workspaceId]);
  const orders: OrderInput[] = Array.from({ length: ORDERS }, (_, i) => ({
    channelAccountId: 'chn_bench', channel: 'amazon', marketplace: 'US', externalId: orderId(i), customerId: null, fulfillment: i % 3 ? 'FBA' : 'FBM', status: 'Shipped',
    purchasedAt: new Date(Date.UTC(2026, 8, 1) + i * 3600_000), promisedShipBy: null, promisedDeliveryBy: null, currency: 'USD', subtotalMinor: 3999, shippingMinor: 0, taxMinor: 0,
    discountMinor: 0, totalMinor: 3999, shipCountry: 'US', shipPostalCode: null, shipCity: null, items: [], shipments: [], returns: [], refunds: [],
  }));
  for (let i = 0; i < orders.length; i += 500) await saveOrders(db, workspaceId, orders.slice(i, i + 500), new Date());
  const raws = Array.from({ length: N }, (_, i) => ({ origin: `bench ${i}`, bytes: Buffer.from(mail(i)) }));

  // End to end.
  // Pipelined like the mailbox sync and `import eml`: the next batch is parsed while the database stores this one.
  let parseMs = 0;
  const pool = process.env.NO_POOL ? null : createParsePool();
  const timedParse = async (i: number) => {
    const p0 = performance.now();
    const parsed = pool ? await pool.parse(raws.slice(i, i + BATCH)) : await parseRaw(raws.slice(i, i + BATCH));
    parseMs += performance.now() - p0;
    if (parsed.errors.length) throw new Error(parsed.errors[0]!.error);
    return parsed;
  };
  // --query-times: where the store side spends its time, per statement.
  const queryMs = new Map<string, number>();
  const timed = (tx: Queryable): Queryable => ({ ...tx, async query(sql, params) {
    const t = performance.now();
    try { return await tx.query(sql, params); } finally { const k = sql.replace(/\s+/g, ' ').slice(0, 80); queryMs.set(k, (queryMs.get(k) ?? 0) + performance.now() - t); }
  } } as Queryable);
  const t0 = performance.now();
  let next = timedParse(0);
  for (let i = 0; i < raws.length; i += BATCH) {
    const parsed = await next;
    const storing = db.transaction((tx) => storeParsed(values['query-times'] ? timed(tx) : tx, workspaceId, null, parsed.ok, new Date()));
    if (i + BATCH < raws.length) next = timedParse(i + BATCH);
    await storing;
  }
  const e2eMs = performance.now() - t0;
  if (values['query-times']) for (const [k, v] of [...queryMs].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`  ${v.toFixed(0).padStart(6)} ms  ${k}`);
  await pool?.close();
  const stored = await db.query<{ n: number; t: number }>('SELECT (SELECT count(*)::int FROM messages) AS n, (SELECT count(*)::int FROM tickets) AS t');
  if (stored.rows[0]!.n !== N) throw new Error(`expected ${N} messages, found ${stored.rows[0]!.n}`);

  // Baseline: the very rows ingestion wrote (tickets, messages, customers and identities, timeline events),
  // inserted again with plain batched inserts into same-shaped tables (same columns and indexes).
  const TABLES = ['tickets', 'messages', 'customers', 'customer_identities', 'events'];
  let baseRows = 0;
  let baseMs = 0;
  for (const table of TABLES) {
    await db.exec(`CREATE TABLE bench_${table} (LIKE ${table} INCLUDING DEFAULTS INCLUDING GENERATED INCLUDING INDEXES)`);
    const cols = await db.query<{ column_name: string; data_type: string; udt_name: string; is_generated: string; is_identity: string; column_default: string | null }>(
      `SELECT column_name, data_type, udt_name, is_generated, is_identity, column_default FROM information_schema.columns WHERE table_name = $1 AND table_schema = current_schema() ORDER BY ordinal_position`, [table]);
    const types: Record<string, string> = {};
    for (const c of cols.rows) {
      if (c.is_generated === 'ALWAYS' || c.column_default?.startsWith('nextval')) continue;
      types[c.column_name] = c.data_type === 'ARRAY' ? `${c.udt_name.slice(1)}[]` : c.data_type === 'USER-DEFINED' ? c.udt_name : c.data_type;
    }
    const rows = (await db.query<Record<string, unknown>>(`SELECT ${Object.keys(types).join(', ')} FROM ${table} WHERE workspace_id = $1`, [workspaceId])).rows
      .map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v])));
    const t1 = performance.now();
    for (let i = 0; i < rows.length; i += BATCH) await insertRows(db, `bench_${table}`, types, rows.slice(i, i + BATCH));
    baseMs += performance.now() - t1;
    baseRows += rows.length;
  }

  const rate = (ms: number) => Math.round(N / (ms / 1000));
  console.log(`ingest (${values.driver}, ${N} messages → ${stored.rows[0]!.t} tickets, ${ORDERS} orders to link)`);
  console.log(`  baseline, insertRows of the same ${baseRows} rows (${TABLES.join(', ')}) : ${baseMs.toFixed(0)} ms  ${rate(baseMs)} msg/s`);
  console.log(`  end to end (parse → thread → store)     : ${e2eMs.toFixed(0)} ms  ${rate(e2eMs)} msg/s  (MIME parsing ${pool ? 'on a worker thread, overlapped' : 'on the main thread'}: ${parseMs.toFixed(0)} ms)`);
  console.log(`  ratio (end to end / baseline)           : ${((baseMs / e2eMs) * 100).toFixed(0)} %  (goal ≥ 40 %${values.driver === 'postgres' ? ', and ≥ 1,000 msg/s' : ''})`);
} finally {
  await done();
}
