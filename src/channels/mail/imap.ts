import { hostname } from 'node:os';
import { ImapFlow } from 'imapflow';
import type { Clock } from '../../kernel/index.ts';
import type { Db } from '../../platform/db/port.ts';
import type { Logger } from '../../platform/log.ts';
import type { SecretBox } from '../../platform/secret-box.ts';
import { flag, listAccounts, setAccountStatus, type ChannelAccountContext } from '../accounts.ts';
import { parseRaw, storeParsed } from './ingest-raw.ts';

export interface MailboxDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly secrets: SecretBox;
  readonly log: Logger;
}

export interface SyncReport {
  readonly folder: string;
  readonly uidValidity: number;
  readonly fetched: number;
  readonly stored: number;
  readonly skipped: number;
  readonly errors: readonly { origin: string; error: string }[];
  readonly lastUid: number;
  readonly uidValidityChanged: boolean;
}

const BATCH = 100;

export function imapClient(account: ChannelAccountContext): ImapFlow {
  const c = account.credentials;
  if (!c.imapHost) throw new Error(`mailbox "${account.name}" has no IMAP host configured`);
  const port = Number(c.imapPort || 993);
  return new ImapFlow({
    host: c.imapHost, port, secure: flag(c, 'imapTls', port === 993), auth: { user: c.username ?? '', pass: c.password ?? '' },
    logger: false, disableAutoIdle: true, connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 5 * 60_000,
    ...(flag(c, 'imapTls', port === 993) ? {} : { doSTARTTLS: false }),
  });
}

/**
 * Fetches what arrived since the last sync, in UID order, in batches. Each batch is stored in one
 * transaction together with the new sync position, so a crash repeats at most the batch in flight (and
 * messages dedupe by Message-ID). UIDs only mean something under their UIDVALIDITY: when the server
 * reports a new one, the folder is read again from the start — nothing is skipped, nothing stored twice.
 */
export async function syncFolder(deps: MailboxDeps, account: ChannelAccountContext, client: ImapFlow, folder: string): Promise<SyncReport> {
  const lock = await client.getMailboxLock(folder);
  try {
    const box = client.mailbox;
    if (!box) throw new Error(`folder ${folder} could not be opened`);
    const uidValidity = Number(box.uidValidity);
    const st = await deps.db.query<{ uid_validity: number | null; last_uid: number }>(
      'SELECT uid_validity, last_uid FROM mailbox_state WHERE channel_account_id = $1 AND folder = $2', [account.id, folder]);
    const prior = st.rows[0];
    const changed = !!prior && prior.uid_validity !== null && Number(prior.uid_validity) !== uidValidity;
    let lastUid = prior && !changed ? Number(prior.last_uid) : 0;
    let fetched = 0, stored = 0, skipped = 0;
    const errors: { origin: string; error: string }[] = [];
    if (!prior || changed) await saveState(deps, account, folder, uidValidity, lastUid, null);
    if (box.exists === 0) return { folder, uidValidity, fetched, stored, skipped, errors, lastUid, uidValidityChanged: changed };
    // `${n}:*` always returns the newest message even when its UID is below n: filter.
    const uids = ((await client.search({ uid: `${lastUid + 1}:*` }, { uid: true })) || []).filter((u) => u > lastUid).sort((a, b) => a - b);
    for (let i = 0; i < uids.length; i += BATCH) {
      const chunk = uids.slice(i, i + BATCH);
      const raws: { origin: string; bytes: Buffer; uid: number }[] = [];
      for await (const msg of client.fetch(chunk.join(','), { uid: true, source: true }, { uid: true })) {
        if (msg.source) raws.push({ origin: `${account.name} ${folder} uid ${msg.uid}`, bytes: msg.source, uid: msg.uid });
      }
      const parsed = await parseRaw(raws);
      const top = Math.max(...chunk);
      const now = deps.clock.now();
      const report = await deps.db.transaction(async (tx) => {
        const r = await storeParsed(tx, account.workspaceId, account.id, parsed.ok, now);
        await tx.query(
          `UPDATE mailbox_state SET last_uid = greatest(last_uid, $3), last_sync_at = $4, last_error = $5 WHERE channel_account_id = $1 AND folder = $2`,
          [account.id, folder, top, now, parsed.errors.length ? parsed.errors.map((e) => `${e.origin}: ${e.error}`).join('; ').slice(0, 2000) : null]);
        return r;
      });
      fetched += raws.length;
      stored += report.tickets.stored;
      skipped += report.skipped.length;
      errors.push(...parsed.errors);
      lastUid = top;
    }
    await deps.db.query('UPDATE mailbox_state SET last_sync_at = $3 WHERE channel_account_id = $1 AND folder = $2', [account.id, folder, deps.clock.now()]);
    return { folder, uidValidity, fetched, stored, skipped, errors, lastUid, uidValidityChanged: changed };
  } finally {
    lock.release();
  }
}

async function saveState(deps: MailboxDeps, account: ChannelAccountContext, folder: string, uidValidity: number, lastUid: number, error: string | null): Promise<void> {
  await deps.db.query(
    `INSERT INTO mailbox_state (channel_account_id, workspace_id, folder, uid_validity, last_uid, last_error) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (channel_account_id, folder) DO UPDATE SET uid_validity = excluded.uid_validity, last_uid = excluded.last_uid, last_error = excluded.last_error`,
    [account.id, account.workspaceId, folder, uidValidity, lastUid, error]);
}

/** One sync of one mailbox: connect, read new mail, disconnect. */
export async function syncMailboxOnce(deps: MailboxDeps, account: ChannelAccountContext): Promise<SyncReport> {
  const client = imapClient(account);
  await client.connect();
  try {
    return await syncFolder(deps, account, client, account.credentials.folder || 'INBOX');
  } finally {
    await client.logout().catch(() => client.close());
  }
}

export interface WatcherOptions {
  /** Poll interval when IDLE is not available or stays silent (ms). */
  readonly pollMs?: number;
  /** How often the list of mailbox accounts is re-read (ms). */
  readonly rescanMs?: number;
  /** Lease length: another process takes a mailbox over only after the holder stopped renewing (ms). */
  readonly leaseMs?: number;
}

export interface MailboxWatcher {
  stop(): Promise<void>;
  /** Resolves after the next completed sync of the account (tests). */
  synced(accountId: string): Promise<SyncReport>;
}

/**
 * Keeps every active mailbox account in sync: one IMAP connection each, IDLE for push (new mail is
 * fetched within moments), polling as the fallback, reconnect with backoff after errors. With several
 * processes on one PostgreSQL, a lease in mailbox_state makes exactly one of them watch each mailbox.
 */
export function startMailboxWatcher(deps: MailboxDeps, opts: WatcherOptions = {}): MailboxWatcher {
  const pollMs = opts.pollMs ?? 60_000;
  const rescanMs = opts.rescanMs ?? 10_000;
  const leaseMs = opts.leaseMs ?? 90_000;
  const owner = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  const running = new Map<string, { stop: () => Promise<void> }>();
  const waiters = new Map<string, ((r: SyncReport) => void)[]>();
  let stopped = false;
  let rescanTimer: NodeJS.Timeout | null = null;

  const notify = (id: string, r: SyncReport) => {
    const list = waiters.get(id) ?? [];
    waiters.delete(id);
    for (const w of list) w(r);
  };

  const takeLease = async (a: ChannelAccountContext): Promise<boolean> => {
    const folder = a.credentials.folder || 'INBOX';
    const now = deps.clock.now();
    const r = await deps.db.query(
      `INSERT INTO mailbox_state (channel_account_id, workspace_id, folder, lease_owner, lease_until) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (channel_account_id, folder) DO UPDATE SET lease_owner = excluded.lease_owner, lease_until = excluded.lease_until
         WHERE mailbox_state.lease_owner IS NULL OR mailbox_state.lease_owner = excluded.lease_owner OR mailbox_state.lease_until < $6
       RETURNING 1`,
      [a.id, a.workspaceId, folder, owner, new Date(now.getTime() + leaseMs), now]);
    return r.rows.length > 0;
  };

  const watch = (a: ChannelAccountContext) => {
    let halt = false;
    let client: ImapFlow | null = null;
    let wake: (() => void) | null = null;
    const loop = (async () => {
      let failures = 0;
      while (!halt && !stopped) {
        try {
          if (!(await takeLease(a))) { await sleep(leaseMs / 3, () => halt || stopped); continue; }
          client = imapClient(a);
          client.on('exists', () => wake?.());
          client.on('error', (err: Error) => deps.log.warn('imap connection error', { account: a.id, error: err.message }));
          await client.connect();
          const folder = a.credentials.folder || 'INBOX';
          failures = 0;
          await setAccountStatus(deps.db, a.id, 'active');
          while (!halt && !stopped && client.usable) {
            const report = await syncFolder(deps, a, client, folder);
            notify(a.id, report);
            if (!(await takeLease(a))) break;
            // Wait for new mail (IDLE push) or the poll interval, whichever comes first.
            const woken = new Promise<void>((res) => { wake = res; });
            const idle = client.idle().catch(() => undefined);
            await Promise.race([woken, sleep(Math.min(pollMs, leaseMs / 3), () => halt || stopped), idle]);
            wake = null;
          }
        } catch (err) {
          failures++;
          const message = (err as Error).message;
          deps.log.warn('mailbox sync failed', { account: a.id, error: message, failures });
          await deps.db.query('UPDATE mailbox_state SET last_error = $2 WHERE channel_account_id = $1', [a.id, message.slice(0, 2000)]).catch(() => undefined);
          if (failures >= 3) await setAccountStatus(deps.db, a.id, 'error').catch(() => undefined);
          await sleep(Math.min(300_000, 2_000 * 2 ** Math.min(failures, 8)), () => halt || stopped);
        } finally {
          const c = client as ImapFlow | null;
          client = null;
          if (c) await c.logout().catch(() => c.close());
        }
      }
      await deps.db.query('UPDATE mailbox_state SET lease_owner = NULL, lease_until = NULL WHERE channel_account_id = $1 AND lease_owner = $2', [a.id, owner]).catch(() => undefined);
    })();
    return {
      async stop() {
        halt = true;
        wake?.();
        const c = client as ImapFlow | null;
        if (c) c.close();
        await loop;
      },
    };
  };

  const rescan = async () => {
    if (stopped) return;
    try {
      const accounts = (await listAccounts(deps.db, deps.secrets, 'mailbox')).filter((a) => !a.demo && a.credentials.imapHost);
      const ids = new Set(accounts.map((a) => a.id));
      for (const a of accounts) if (!running.has(a.id)) running.set(a.id, watch(a));
      for (const [id, w] of running) if (!ids.has(id)) { running.delete(id); await w.stop(); }
    } catch (err) {
      deps.log.warn('mailbox rescan failed', { error: (err as Error).message });
    }
    if (!stopped) rescanTimer = setTimeout(() => void rescan(), rescanMs);
  };
  void rescan();

  return {
    async stop() {
      stopped = true;
      if (rescanTimer) clearTimeout(rescanTimer);
      await Promise.all([...running.values()].map((w) => w.stop()));
      running.clear();
    },
    synced(accountId) {
      return new Promise((res) => waiters.set(accountId, [...(waiters.get(accountId) ?? []), res]));
    },
  };
}

/** Sleeps up to `ms`, waking early (checked every 250 ms) when `cancel` turns true. */
function sleep(ms: number, cancel: () => boolean): Promise<void> {
  return new Promise((res) => {
    const end = Date.now() + ms;
    const tick = () => (cancel() || Date.now() >= end ? res() : setTimeout(tick, Math.min(250, end - Date.now())));
    tick();
  });
}
