import { credentialContext } from '../commerce/index.ts';
import type { Queryable } from '../platform/db/port.ts';
import type { SecretBox } from '../platform/secret-box.ts';

/** A channel account with its credentials opened: lives only in memory, only in the process that uses it. */
export interface ChannelAccountContext {
  readonly id: string;
  readonly workspaceId: string;
  readonly kind: 'amazon' | 'shopify' | 'tiktok' | 'mailbox' | 'instagram' | 'fake';
  readonly name: string;
  readonly marketplace: string | null;
  readonly externalId: string | null;
  readonly status: 'active' | 'paused' | 'error';
  /** Demo accounts (seeded) deliver nothing: replies are recorded as sent and marked simulated. */
  readonly demo: boolean;
  readonly credentials: Readonly<Record<string, string>>;
}

interface Row { id: string; workspace_id: string; kind: ChannelAccountContext['kind']; name: string; marketplace: string | null; external_id: string | null; status: ChannelAccountContext['status']; settings: Record<string, unknown>; credentials: string | null }

const COLS = 'id, workspace_id, kind, name, marketplace, external_id, status, settings, credentials';

function open(row: Row, secrets: SecretBox): ChannelAccountContext {
  const creds = row.credentials ? (JSON.parse(secrets.open(row.credentials, credentialContext(row.id))) as Record<string, string>) : {};
  return {
    id: row.id, workspaceId: row.workspace_id, kind: row.kind, name: row.name, marketplace: row.marketplace, externalId: row.external_id, status: row.status,
    demo: row.settings?.demo === true, credentials: creds,
  };
}

export async function loadAccount(q: Queryable, secrets: SecretBox, workspaceId: string, accountId: string): Promise<ChannelAccountContext | null> {
  const r = await q.query<Row>(`SELECT ${COLS} FROM channel_accounts WHERE workspace_id = $1 AND id = $2`, [workspaceId, accountId]);
  return r.rows[0] ? open(r.rows[0], secrets) : null;
}

/** Accounts of one kind across all workspaces (the mailbox watcher), or of one workspace. */
export async function listAccounts(q: Queryable, secrets: SecretBox, kind: ChannelAccountContext['kind'], workspaceId?: string): Promise<ChannelAccountContext[]> {
  const r = await q.query<Row>(
    `SELECT ${COLS} FROM channel_accounts WHERE kind = $1 AND status <> 'paused' AND ($2::text IS NULL OR workspace_id = $2) ORDER BY created_at`, [kind, workspaceId ?? null]);
  return r.rows.map((row) => open(row, secrets));
}

export async function setAccountStatus(q: Queryable, accountId: string, status: ChannelAccountContext['status']): Promise<void> {
  await q.query('UPDATE channel_accounts SET status = $2 WHERE id = $1 AND status <> \'paused\'', [accountId, status]);
}

/** Reads a boolean credential such as imapTls: absent → the default. */
export function flag(creds: Readonly<Record<string, string>>, key: string, fallback: boolean): boolean {
  const v = creds[key]?.trim().toLowerCase();
  if (v === undefined || v === '') return fallback;
  return v === 'true' || v === '1' || v === 'yes';
}
