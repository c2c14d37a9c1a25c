import type { Result } from '../kernel/index.ts';
import { fail, newId, ok } from '../kernel/index.ts';
import type { Queryable } from '../platform/db/port.ts';

/**
 * Merges `mergedId` into `survivorId`: identities and orders move, gaps in the survivor's name, e-mail
 * and phone are filled, and the merged row stays (pointing at the survivor) so history that names it
 * still resolves. The caller moves tickets in the same transaction.
 */
export async function mergeCustomerRecords(q: Queryable, workspaceId: string, survivorId: string, mergedId: string): Promise<Result<{ identities: number; orders: number }>> {
  if (survivorId === mergedId) return fail('bad_input', 'a customer cannot be merged into itself', { field: 'customerId' });
  const r = await q.query<{ id: string; merged_into: string | null }>(
    'SELECT id, merged_into FROM customers WHERE workspace_id = $1 AND id = ANY($2::text[]) FOR UPDATE', [workspaceId, [survivorId, mergedId]]);
  if (r.rows.length !== 2) return fail('not_found', 'no such customer in this workspace');
  if (r.rows.some((x) => x.merged_into)) return fail('conflict', 'one of these customers was already merged into another');
  const ids = await q.query('UPDATE customer_identities SET customer_id = $3 WHERE workspace_id = $1 AND customer_id = $2', [workspaceId, mergedId, survivorId]);
  const orders = await q.query('UPDATE orders SET customer_id = $3 WHERE workspace_id = $1 AND customer_id = $2', [workspaceId, mergedId, survivorId]);
  await q.query(
    `UPDATE customers s SET name = coalesce(s.name, m.name), email = coalesce(s.email, m.email), phone = coalesce(s.phone, m.phone), country = coalesce(s.country, m.country)
       FROM customers m WHERE s.workspace_id = $1 AND s.id = $2 AND m.workspace_id = $1 AND m.id = $3`,
    [workspaceId, survivorId, mergedId],
  );
  await q.query('UPDATE customers SET merged_into = $3 WHERE workspace_id = $1 AND id = $2', [workspaceId, mergedId, survivorId]);
  // Anything merged into the merged customer earlier now points at the survivor directly.
  await q.query('UPDATE customers SET merged_into = $3 WHERE workspace_id = $1 AND merged_into = $2', [workspaceId, mergedId, survivorId]);
  return ok({ identities: ids.rowCount, orders: orders.rowCount });
}

/**
 * Splits identities off a customer into a new customer (an agent found two people behind one record).
 * Returns the new customer's id. The caller moves the tickets that belong to the new customer.
 */
export async function splitCustomerRecords(
  q: Queryable, workspaceId: string, customerId: string, identities: readonly { channel: string; externalId: string }[], now: Date,
): Promise<Result<{ customerId: string }>> {
  if (identities.length === 0) return fail('bad_input', 'name at least one identity to split off', { field: 'identities' });
  const owned = await q.query<{ channel: string; external_id: string }>(
    `SELECT i.channel, i.external_id FROM customer_identities i JOIN unnest($3::text[], $4::text[]) AS k(channel, external_id)
       ON k.channel = i.channel AND k.external_id = i.external_id WHERE i.workspace_id = $1 AND i.customer_id = $2`,
    [workspaceId, customerId, identities.map((i) => i.channel), identities.map((i) => i.externalId)],
  );
  if (owned.rows.length !== identities.length) return fail('bad_input', 'every identity to split off must belong to this customer', { field: 'identities' });
  const all = await q.query<{ n: number }>('SELECT count(*)::int AS n FROM customer_identities WHERE workspace_id = $1 AND customer_id = $2', [workspaceId, customerId]);
  if (all.rows[0]!.n === identities.length) return fail('bad_input', 'keep at least one identity on the original customer', { field: 'identities' });
  const id = newId('cus', now);
  const email = identities.find((i) => i.channel === 'email')?.externalId ?? null;
  await q.query('INSERT INTO customers (id, workspace_id, email, created_at) VALUES ($1, $2, $3, $4)', [id, workspaceId, email, now]);
  await q.query(
    `UPDATE customer_identities i SET customer_id = $3 FROM unnest($4::text[], $5::text[]) AS k(channel, external_id)
      WHERE i.workspace_id = $1 AND i.customer_id = $2 AND i.channel = k.channel AND i.external_id = k.external_id`,
    [workspaceId, customerId, id, identities.map((i) => i.channel), identities.map((i) => i.externalId)],
  );
  return ok({ customerId: id });
}
