import { z } from 'zod';
import { loadOutbound, MAIL_CHANNELS, recordDelivery, REPLY_QUEUE, type OutboundReply } from '../desk/index.ts';
import type { Clock } from '../kernel/index.ts';
import type { Db, Queryable } from '../platform/db/port.ts';
import { defineJob } from '../platform/jobs.ts';
import type { SecretBox } from '../platform/secret-box.ts';
import { listAccounts, loadAccount, type ChannelAccountContext } from './accounts.ts';
import { DeliveryError } from './delivery-error.ts';
import { senderAddress, sendSmtp } from './mail/smtp.ts';
import { MetaGraphClient } from './meta/index.ts';

export interface OutboxDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly secrets: SecretBox;
  /** For tests: Graph API calls go through this fetch. */
  readonly fetch?: typeof fetch;
}

/** The account a reply leaves through: the ticket's own, or for e-mail-carried channels the workspace's mailbox. */
async function route(deps: OutboxDeps, q: Queryable, reply: OutboundReply): Promise<ChannelAccountContext | null> {
  const own = reply.channelAccountId ? await loadAccount(q, deps.secrets, reply.workspaceId, reply.channelAccountId) : null;
  if (own && (own.demo || own.kind === 'fake' || reply.channel === 'fake')) return own;
  if (MAIL_CHANNELS.has(reply.channel)) {
    if (own?.kind === 'mailbox') return own;
    const boxes = await listAccounts(q, deps.secrets, 'mailbox', reply.workspaceId);
    return boxes.find((b) => b.status === 'active') ?? boxes[0] ?? null;
  }
  return own;
}

async function deliver(deps: OutboxDeps, account: ChannelAccountContext | null, reply: OutboundReply): Promise<{ channelMessageId: string | null; simulated?: boolean; from?: string }> {
  if (reply.channel === 'fake' || account?.demo || account?.kind === 'fake') return { channelMessageId: reply.channelMessageId, simulated: true };
  if (!account) throw new DeliveryError(MAIL_CHANNELS.has(reply.channel) ? 'no mailbox is connected to send e-mail replies (Settings → Channels → add a mailbox)' : `no ${reply.channel} account is connected for this ticket`, false);
  if (MAIL_CHANNELS.has(reply.channel)) {
    if (!reply.channelMessageId) throw new DeliveryError('reply has no Message-ID', false);
    const from = senderAddress(account);
    await sendSmtp(account, { messageId: reply.channelMessageId, from, fromName: null, to: reply.to, subject: reply.subject, text: reply.text, inReplyTo: reply.inReplyTo, references: reply.references });
    return { channelMessageId: reply.channelMessageId, from };
  }
  if (reply.channel === 'instagram') {
    const c = account.credentials;
    if (!c.accessToken) throw new DeliveryError(`Instagram account "${account.name}" has no access token`, false);
    const client = new MetaGraphClient({ accessToken: c.accessToken, ...(c.apiBaseUrl ? { baseUrl: c.apiBaseUrl } : {}), ...(deps.fetch ? { fetch: deps.fetch } : {}) });
    const pageOrIgUserId = c.pageId || account.externalId || '';
    try {
      const r = await client.sendMessage({ pageOrIgUserId, recipientId: reply.to, text: reply.text });
      return { channelMessageId: r.messageId, from: pageOrIgUserId };
    } catch (err) {
      const retryable = (err as { retryable?: boolean }).retryable ?? true;
      throw new DeliveryError((err as Error).message, retryable);
    }
  }
  throw new DeliveryError(`replies through ${reply.channel} are not supported`, false);
}

/**
 * Delivers queued replies. Each attempt is recorded on the message (attempts, last error); a permanent
 * failure or the last attempt marks it failed, which the agent sees and can retry. A reply already sent
 * (a job replayed after a crash between sending and recording) is not sent again.
 */
export function replyJob(deps: OutboxDeps) {
  return defineJob({
    queue: REPLY_QUEUE,
    payload: z.object({ workspaceId: z.string(), messageId: z.string() }),
    async handle(p, ctx) {
      const reply = await loadOutbound(deps.db, p.workspaceId, p.messageId);
      if (!reply || reply.deliveryStatus === 'sent' || reply.deliveryStatus === 'draft') return;
      let account: ChannelAccountContext | null = null;
      try {
        account = await route(deps, deps.db, reply);
        const sent = await deliver(deps, account, reply);
        await recordDelivery(deps.db, p.workspaceId, p.messageId, deps.clock.now(), { ok: true, ...sent });
      } catch (err) {
        const retryable = err instanceof DeliveryError ? err.retryable : true;
        const final = !retryable || ctx.attempt >= ctx.maxAttempts;
        await recordDelivery(deps.db, p.workspaceId, p.messageId, deps.clock.now(), { ok: false, error: (err as Error).message, final });
        if (!final) throw err;
      }
    },
  });
}
