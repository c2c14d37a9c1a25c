/**
 * ParsedEmail → InboundMessage (what ingestion stores). Only customer mail becomes a message: bounces,
 * delivery/read reports, auto-replies, abuse reports and Amazon's own notifications return null.
 *
 * Amazon relay mail becomes an 'amazon' message: the buyer alias is the customer identity and the reply
 * address, the order comes from the relay template, the text is the buyer's own words. Everything else is an
 * 'email' message keyed by the lower-cased From address, with the quote-stripped text and an Amazon order
 * reference when an Amazon-format order id (3-7-7 digits) appears in the subject or text.
 */
import { ChannelInputError, type InboundAttachment, type InboundMessage } from '../types.ts';
import { findAmazonOrderId } from './amazon-relay.ts';
import type { ParsedAttachment, ParsedEmail } from './parse.ts';

export interface EmailToInboundContext {
  readonly channelAccountId: string | null;
  /**
   * When the mail arrived (IMAP INTERNALDATE). Used for `sentAt` when the Date header is missing or
   * implausible (before 1990 or more than a day after arrival). Defaults to the current time.
   */
  readonly receivedAt?: Date;
}

const EXTENSIONS: Readonly<Record<string, string>> = {
  'image/jpeg': 'jpg', 'image/png': 'png', 'image/gif': 'gif', 'image/webp': 'webp', 'image/heic': 'heic',
  'application/pdf': 'pdf', 'text/plain': 'txt', 'text/html': 'html', 'text/calendar': 'ics',
  'message/rfc822': 'eml', 'video/mp4': 'mp4', 'application/zip': 'zip',
};

/** A file name for every attachment: the decoded one, else `attachment-<n>.<ext>` from the content type. */
export function attachmentFilename(a: ParsedAttachment, index: number): string {
  if (a.filename !== null) return a.filename;
  return `attachment-${index + 1}.${EXTENSIONS[a.contentType] ?? 'bin'}`;
}

function toAttachments(list: readonly ParsedAttachment[]): InboundAttachment[] {
  return list.map((a, i) => ({
    filename: attachmentFilename(a, i),
    contentType: a.contentType,
    bytes: a.bytes,
    contentId: a.contentId,
    inline: a.inline,
  }));
}

/** In-Reply-To first, then References newest first, without duplicates. */
function threadIds(parsed: ParsedEmail): string[] {
  const ids = [...(parsed.inReplyTo === null ? [] : [parsed.inReplyTo]), ...[...parsed.references].reverse()];
  return [...new Set(ids)];
}

const EARLIEST = Date.UTC(1990, 0, 1);
const DAY_MS = 24 * 60 * 60 * 1000;

function sentAt(parsed: ParsedEmail, receivedAt: Date): Date {
  const d = parsed.date;
  if (d === null || d.getTime() < EARLIEST || d.getTime() > receivedAt.getTime() + DAY_MS) return receivedAt;
  return d;
}

export function emailToInbound(parsed: ParsedEmail, ctx: EmailToInboundContext): InboundMessage | null {
  if (parsed.kind !== 'customer') return null;
  const receivedAt = ctx.receivedAt ?? new Date();
  const amazon = parsed.amazon?.kind === 'buyer_message' ? parsed.amazon : null;
  const common = {
    channelAccountId: ctx.channelAccountId,
    channelMessageId: parsed.messageId,
    conversationId: null,
    inReplyTo: parsed.inReplyTo,
    references: threadIds(parsed),
    to: parsed.to[0]?.address ?? parsed.cc[0]?.address ?? '',
    subject: parsed.subject,
    html: parsed.html,
    sentAt: sentAt(parsed, receivedAt),
    noResponseNeeded: false,
    language: null,
    attachments: toAttachments(parsed.attachments),
  } as const;

  if (amazon !== null && amazon.relayAddress !== null) {
    return {
      ...common,
      channel: 'amazon',
      marketplace: amazon.marketplace,
      from: { address: amazon.relayAddress, name: amazon.buyerName },
      replyTo: amazon.relayAddress,
      text: amazon.buyerText,
      orderRef: amazon.orderId === null ? null : { channel: 'amazon', externalId: amazon.orderId, marketplace: amazon.marketplace },
      customer: {
        name: amazon.buyerName,
        email: null,
        phone: null,
        identity: { channel: 'amazon', externalId: amazon.buyerId ?? amazon.relayAddress.toLowerCase() },
      },
    };
  }

  const from = parsed.from;
  if (from === null) throw new ChannelInputError('customer e-mail without a From address', 'From');
  const address = from.address.toLowerCase();
  const replyTo = parsed.replyTo.find((r) => r.address.toLowerCase() !== address)?.address ?? null;
  const orderId = findAmazonOrderId(parsed.subject) ?? findAmazonOrderId(parsed.text);
  return {
    ...common,
    channel: 'email',
    marketplace: null,
    from: { address: from.address, name: from.name },
    replyTo,
    text: parsed.text,
    orderRef: orderId === null ? null : { channel: 'amazon', externalId: orderId, marketplace: null },
    customer: {
      name: from.name,
      email: from.address,
      phone: null,
      identity: { channel: 'email', externalId: address },
    },
  };
}
