import type { ChannelAccount, CreateChannelAccountRequest } from '../contracts/index.ts';
import type { Result } from '../kernel/index.ts';
import { fail, marketplaceByCode, newId, ok } from '../kernel/index.ts';
import type { Queryable } from '../platform/db/port.ts';

/** Seals credentials before they touch the database; the API never returns them. */
export interface Sealer {
  seal(plaintext: string, context: string): string;
}

/** What a channel account's sealed credentials are bound to. */
export const credentialContext = (accountId: string): string => `channel_account:${accountId}`;

interface Row { id: string; kind: string; name: string; marketplace: string | null; external_id: string | null; status: ChannelAccount['status']; has_credentials: boolean; last_sync_at: Date | null; last_error: string | null; created_at: Date }

const present = (r: Row): ChannelAccount => ({
  id: r.id, kind: r.kind, name: r.name, marketplace: r.marketplace, externalId: r.external_id, status: r.status, hasCredentials: r.has_credentials,
  lastSyncAt: r.last_sync_at?.toISOString() ?? null, lastError: r.last_error, createdAt: r.created_at.toISOString(),
});

const COLS = 'id, kind, name, marketplace, external_id, status, credentials IS NOT NULL AS has_credentials, created_at';
// Sync state lives with the channels (mailbox_state: IMAP position and errors; settings.ordersSyncedThrough: SP-API).
const SYNC = `(SELECT max(s.last_sync_at) FROM mailbox_state s WHERE s.channel_account_id = a.id) AS mailbox_sync,
  (SELECT string_agg(s.last_error, '; ') FROM mailbox_state s WHERE s.channel_account_id = a.id) AS last_error`;

export async function listChannelAccounts(q: Queryable, workspaceId: string): Promise<ChannelAccount[]> {
  const r = await q.query<Row & { mailbox_sync: Date | null; orders_through: string | null }>(
    `SELECT ${COLS}, ${SYNC}, a.settings->>'ordersSyncedThrough' AS orders_through FROM channel_accounts a WHERE workspace_id = $1 ORDER BY kind, marketplace NULLS FIRST, name`, [workspaceId]);
  return r.rows.map((row) => present({ ...row, last_sync_at: row.mailbox_sync ?? (row.orders_through ? new Date(row.orders_through) : null) }));
}

export async function createChannelAccount(q: Queryable, sealer: Sealer, workspaceId: string, input: CreateChannelAccountRequest, now: Date): Promise<Result<ChannelAccount>> {
  if (input.kind === 'amazon' && !(input.marketplace && marketplaceByCode(input.marketplace))) {
    return fail('bad_input', `an Amazon account needs a known marketplace code (US, DE, UK, …); got "${input.marketplace ?? ''}"`, { field: 'marketplace' });
  }
  const id = newId('chn', now);
  const sealed = input.credentials && Object.keys(input.credentials).length > 0 ? sealer.seal(JSON.stringify(input.credentials), credentialContext(id)) : null;
  const r = await q.query<Row>(
    `INSERT INTO channel_accounts (id, workspace_id, kind, name, marketplace, external_id, credentials, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (workspace_id, kind, external_id, marketplace) DO NOTHING
     RETURNING ${COLS}`,
    [id, workspaceId, input.kind, input.name, input.marketplace ?? null, input.externalId ?? null, sealed, now],
  );
  const row = r.rows[0];
  return row ? ok(present({ ...row, last_sync_at: null, last_error: null })) : fail('conflict', `a ${input.kind} account ${input.externalId ?? ''} ${input.marketplace ?? ''} is already connected`);
}
