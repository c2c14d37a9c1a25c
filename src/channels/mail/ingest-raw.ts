import { recordBounce, type IngestResult } from '../../desk/index.ts';
import { insertRows } from '../../platform/db/insert-rows.ts';
import type { Queryable } from '../../platform/db/port.ts';
import { emailToInbound, parseEmail, type ParsedEmail } from '../email/index.ts';
import { ingestMessages } from '../ingest.ts';
import type { InboundMessage } from '../types.ts';

export interface RawMail {
  /** Where the bytes came from, for error messages: "INBOX uid 42", "saved/2026-11-01.eml", "archive.mbox message 7". */
  readonly origin: string;
  readonly bytes: Buffer;
}

export interface RawIngestReport {
  readonly parsed: number;
  readonly tickets: IngestResult;
  /** Bounces, auto-replies, delivery and feedback reports: kept out of the inbox, with the reason. */
  readonly skipped: readonly { origin: string; kind: string; reason: string }[];
  /** Replies of ours that bounced (now marked failed on their tickets). */
  readonly bouncedReplies: number;
  readonly errors: readonly { origin: string; error: string }[];
}

/** Parses mail (outside any transaction: parsing is CPU, not database work). */
export async function parseRaw(raws: readonly RawMail[]): Promise<{ ok: { origin: string; parsed: ParsedEmail }[]; errors: { origin: string; error: string }[] }> {
  const ok: { origin: string; parsed: ParsedEmail }[] = [];
  const errors: { origin: string; error: string }[] = [];
  for (const r of raws) {
    try {
      ok.push({ origin: r.origin, parsed: await parseEmail(r.bytes) });
    } catch (err) {
      errors.push({ origin: r.origin, error: (err as Error).message });
    }
  }
  return { ok, errors };
}

/**
 * Stores parsed mail of one mailbox: customer mail (and Amazon relay mail) becomes messages on tickets,
 * everything else is recorded as skipped with its reason, and a bounce of one of our replies marks that
 * reply failed. Run inside the caller's transaction together with the mailbox's sync position.
 */
export async function storeParsed(q: Queryable, workspaceId: string, channelAccountId: string | null, parsed: readonly { origin: string; parsed: ParsedEmail }[], now: Date): Promise<Omit<RawIngestReport, 'errors' | 'parsed'>> {
  const inbound: InboundMessage[] = [];
  const skipped: { origin: string; kind: string; reason: string; p: ParsedEmail }[] = [];
  for (const { origin, parsed: p } of parsed) {
    let m: InboundMessage | null;
    try {
      m = emailToInbound(p, { channelAccountId, receivedAt: now });
    } catch (err) {
      // Mail we cannot answer (no sender address, ...) is kept out of the inbox with the reason, not lost silently.
      skipped.push({ origin, kind: 'unusable', reason: (err as Error).message, p });
      continue;
    }
    if (m) inbound.push(m);
    else skipped.push({ origin, kind: p.kind === 'customer' ? 'not_a_buyer_message' : p.kind, reason: p.kindReason, p });
  }
  const tickets = await ingestMessages(q, workspaceId, inbound, now);
  let bouncedReplies = 0;
  for (const s of skipped) {
    const original = s.p.bounce?.originalMessageId ?? null;
    if (s.kind === 'bounce' && original && (await recordBounce(q, workspaceId, original, s.p.bounce?.status ? `${s.p.bounce.status} ${s.p.bounce.failedRecipients.join(', ')}`.trim() : s.reason, now))) bouncedReplies++;
  }
  await insertRows(q, 'inbound_skipped', {
    workspace_id: 'text', channel_account_id: 'text', channel_message_id: 'text', kind: 'text', reason: 'text', from_address: 'text', subject: 'text', related_message_id: 'text', received_at: 'timestamptz',
  }, skipped.map((s) => ({
    workspace_id: workspaceId, channel_account_id: channelAccountId, channel_message_id: s.p.messageId, kind: s.kind, reason: s.reason.slice(0, 500),
    from_address: s.p.from?.address ?? '', subject: s.p.subject.slice(0, 500), related_message_id: s.p.bounce?.originalMessageId ?? null, received_at: now.toISOString(),
  })), 'ON CONFLICT DO NOTHING');
  return { tickets, skipped: skipped.map(({ origin, kind, reason }) => ({ origin, kind, reason })), bouncedReplies };
}
