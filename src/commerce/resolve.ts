import { newId } from '../kernel/index.ts';
import { insertRows } from '../platform/db/insert-rows.ts';
import type { Queryable } from '../platform/db/port.ts';

export interface OrderRef {
  readonly channel: string;
  /** The channel's order id, or the name buyers quote (Shopify "#1001"). */
  readonly externalId: string;
}

export interface ResolvedOrder {
  readonly orderId: string;
  readonly customerId: string | null;
  readonly fulfillment: string;
  readonly marketplace: string | null;
}

export const orderRefKey = (r: OrderRef): string => `${r.channel}\t${r.externalId}`;

/** Orders of this workspace named by the refs (by external id or display name), keyed by `orderRefKey`. */
export async function findOrders(q: Queryable, workspaceId: string, refs: readonly OrderRef[]): Promise<Map<string, ResolvedOrder>> {
  const out = new Map<string, ResolvedOrder>();
  if (refs.length === 0) return out;
  const r = await q.query<{ channel: string; ref: string; id: string; customer_id: string | null; fulfillment: string; marketplace: string | null }>(
    // Two index look-ups (external id, display name) rather than one OR the planner cannot index.
    `SELECT k.channel, k.ref, o.id, o.customer_id, o.fulfillment, o.marketplace
       FROM unnest($2::text[], $3::text[]) AS k(channel, ref)
       JOIN orders o ON o.workspace_id = $1 AND o.channel = k.channel AND o.external_id = k.ref
     UNION
     SELECT k.channel, k.ref, o.id, o.customer_id, o.fulfillment, o.marketplace
       FROM unnest($2::text[], $3::text[]) AS k(channel, ref)
       JOIN orders o ON o.workspace_id = $1 AND o.display_name = k.ref AND o.channel = k.channel`,
    [workspaceId, refs.map((x) => x.channel), refs.map((x) => x.externalId)],
  );
  for (const row of r.rows) out.set(`${row.channel}\t${row.ref}`, { orderId: row.id, customerId: row.customer_id, fulfillment: row.fulfillment, marketplace: row.marketplace });
  return out;
}

export interface CustomerCandidate {
  readonly name: string | null;
  readonly email: string | null;
  readonly phone: string | null;
  readonly country?: string | null;
  /** The channel's id for this person (Amazon relay alias, Instagram-scoped id, e-mail address...). */
  readonly identity: { readonly channel: string; readonly externalId: string } | null;
  /** The customer of the order the message is about, when known. */
  readonly orderCustomerId: string | null;
}

const normEmail = (e: string | null): string | null => (e ? e.trim().toLowerCase() : null);
const normPhone = (p: string | null): string | null => {
  const digits = p?.replace(/[^\d+]/g, '') ?? '';
  return digits.replace(/\D/g, '').length >= 7 ? digits : null;
};

/**
 * One customer across channels. Per candidate, the first of: a known identity; the customer of the order;
 * a customer with the same e-mail address; one with the same phone number; else a new customer. The
 * identity is then attached to whoever was found, so the next message matches directly. Merged customers
 * resolve to the customer they were merged into. Set-based: a few statements per batch.
 */
export async function resolveCustomers(q: Queryable, workspaceId: string, candidates: readonly CustomerCandidate[], now: Date): Promise<string[]> {
  const idents = candidates.flatMap((c) => (c.identity ? [c.identity] : []));
  const emails = [...new Set(candidates.map((c) => normEmail(c.email)).filter((x): x is string => !!x))];
  const phones = [...new Set(candidates.map((c) => normPhone(c.phone)).filter((x): x is string => !!x))];
  const survivor = `coalesce(c.merged_into, c.id)`;
  const [byIdent, byEmail, byPhone] = await Promise.all([
    q.query<{ channel: string; external_id: string; id: string }>(
      `SELECT i.channel, i.external_id, ${survivor} AS id FROM customer_identities i
         JOIN unnest($2::text[], $3::text[]) AS k(channel, external_id) ON k.channel = i.channel AND k.external_id = i.external_id
         JOIN customers c ON c.id = i.customer_id WHERE i.workspace_id = $1`,
      [workspaceId, idents.map((i) => i.channel), idents.map((i) => i.externalId)]),
    emails.length
      ? q.query<{ email: string; id: string }>(
          `SELECT DISTINCT ON (lower(c.email)) lower(c.email) AS email, ${survivor} AS id FROM customers c
            WHERE c.workspace_id = $1 AND lower(c.email) = ANY($2::text[]) ORDER BY lower(c.email), c.merged_into NULLS FIRST, c.created_at`, [workspaceId, emails])
      : { rows: [] },
    phones.length
      ? q.query<{ phone: string; id: string }>(
          `SELECT DISTINCT ON (c.phone) c.phone, ${survivor} AS id FROM customers c WHERE c.workspace_id = $1 AND c.phone = ANY($2::text[]) ORDER BY c.phone, c.created_at`, [workspaceId, phones])
      : { rows: [] },
  ]);
  const identMap = new Map(byIdent.rows.map((r) => [`${r.channel}\t${r.external_id}`, r.id]));
  const emailMap = new Map(byEmail.rows.map((r) => [r.email, r.id]));
  const phoneMap = new Map(byPhone.rows.map((r) => [r.phone, r.id]));
  const newCustomers: Record<string, unknown>[] = [];
  const newIdentities: Record<string, unknown>[] = [];
  const out = candidates.map((c) => {
    const ik = c.identity ? `${c.identity.channel}\t${c.identity.externalId}` : null;
    const email = normEmail(c.email);
    const phone = normPhone(c.phone);
    let id = (ik && identMap.get(ik)) || c.orderCustomerId || (email && emailMap.get(email)) || (phone && phoneMap.get(phone)) || null;
    if (!id) {
      id = newId('cus', now);
      newCustomers.push({ id, workspace_id: workspaceId, name: c.name, email: c.email?.trim() ?? null, phone, country: c.country ?? null, created_at: now.toISOString() });
    }
    if (ik && !identMap.has(ik)) {
      identMap.set(ik, id);
      newIdentities.push({ workspace_id: workspaceId, customer_id: id, channel: c.identity!.channel, external_id: c.identity!.externalId });
    }
    if (email && !emailMap.has(email)) emailMap.set(email, id);
    if (phone && !phoneMap.has(phone)) phoneMap.set(phone, id);
    return id;
  });
  await insertRows(q, 'customers', { id: 'text', workspace_id: 'text', name: 'text', email: 'text', phone: 'text', country: 'text', created_at: 'timestamptz' }, newCustomers);
  await insertRows(q, 'customer_identities', { workspace_id: 'text', customer_id: 'text', channel: 'text', external_id: 'text' }, newIdentities, 'ON CONFLICT DO NOTHING');
  // What a message taught us about a known customer (a name, an e-mail address) fills gaps, never overwrites.
  const created = new Set(newCustomers.map((c) => c.id as string));
  const fill = new Map<string, { id: string; name: string | null; email: string | null; phone: string | null }>();
  candidates.forEach((c, i) => {
    const id = out[i]!;
    if (created.has(id) || fill.has(id) || !(c.name || c.email || c.phone)) return;
    fill.set(id, { id, name: c.name, email: c.email?.trim() ?? null, phone: normPhone(c.phone) });
  });
  if (fill.size) {
    await q.query(
      `UPDATE customers c SET name = coalesce(c.name, f.name), email = coalesce(c.email, f.email), phone = coalesce(c.phone, f.phone)
         FROM json_to_recordset($2::json) AS f(id text, name text, email text, phone text)
        WHERE c.id = ANY($3::text[]) AND c.id = f.id AND c.workspace_id = $1 AND (c.name IS NULL OR c.email IS NULL OR c.phone IS NULL)`,
      [workspaceId, JSON.stringify([...fill.values()]), [...fill.keys()]],
    );
  }
  return out;
}

/** Links orders that have no customer yet to the customer a message resolved (pairs of order id, customer id). */
export async function linkOrderCustomers(q: Queryable, workspaceId: string, pairs: readonly { orderId: string; customerId: string }[]): Promise<void> {
  if (pairs.length === 0) return;
  await q.query(
    `UPDATE orders o SET customer_id = p.customer_id FROM json_to_recordset($2::json) AS p(order_id text, customer_id text)
      WHERE o.workspace_id = $1 AND o.id = p.order_id AND o.customer_id IS NULL`,
    [workspaceId, JSON.stringify(pairs.map((p) => ({ order_id: p.orderId, customer_id: p.customerId })))],
  );
}
