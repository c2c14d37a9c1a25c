/**
 * What every channel adapter hands to ingestion. Adapters parse their wire format (MIME, Shopify/TikTok/
 * Meta webhooks, SP-API JSON) into these shapes; nothing downstream knows a wire format.
 */
import type { OrderInput, CustomerInput, RefundInput, ReturnInput, ShipmentInput } from '../commerce/index.ts';

/** The channel a ticket belongs to (channel_accounts.kind 'mailbox' carries both 'email' and Amazon relay mail). */
export type TicketChannel = 'email' | 'amazon' | 'shopify' | 'tiktok' | 'instagram' | 'fake';
export type CommerceChannel = 'amazon' | 'shopify' | 'tiktok';

export interface InboundAttachment {
  readonly filename: string;
  readonly contentType: string;
  readonly bytes: Uint8Array;
  /** Content-ID without angle brackets, for inline images referenced as cid: in the HTML. */
  readonly contentId: string | null;
  readonly inline: boolean;
}

/** One customer message, normalised. `channelMessageId` is the natural key: stored once per (workspace, channel, id). */
export interface InboundMessage {
  readonly channel: TicketChannel;
  readonly channelAccountId: string | null;
  readonly marketplace: string | null;
  readonly channelMessageId: string;
  /** The channel's own conversation id (Meta thread, TikTok conversation); null for e-mail (threads by headers). */
  readonly conversationId: string | null;
  /** Message-IDs this message answers (In-Reply-To first, then References, newest first), without angle brackets. */
  readonly inReplyTo: string | null;
  readonly references: readonly string[];
  readonly from: { readonly address: string; readonly name: string | null };
  readonly to: string;
  /** Where a reply must go, when not `from` (e-mail Reply-To; the Amazon relay address). */
  readonly replyTo: string | null;
  readonly subject: string;
  /** What the customer wrote: plain text, quoted history and Amazon's template text removed where known. */
  readonly text: string;
  /** Sanitised HTML (no scripts, no event handlers, remote images neutralised), or null. */
  readonly html: string | null;
  readonly sentAt: Date;
  readonly orderRef: { readonly channel: CommerceChannel; readonly externalId: string; readonly marketplace: string | null } | null;
  readonly customer: {
    readonly name: string | null;
    readonly email: string | null;
    readonly phone: string | null;
    /** The channel's stable id for this buyer (Amazon relay address, Instagram-scoped id, ...). */
    readonly identity: { readonly channel: string; readonly externalId: string } | null;
  };
  /** Amazon "no response needed" (the buyer's message needs no reply; excluded from the 24-hour metric). */
  readonly noResponseNeeded: boolean;
  readonly language: string | null;
  /** What a classifier (triage) read in the message; filled in at ingestion, or by the fake channel. */
  readonly intent?: string | null;
  readonly intents?: readonly string[];
  readonly signals?: readonly string[];
  readonly attachments: readonly InboundAttachment[];
}

/** An order as a channel reports it: the whole order at that moment (webhooks and syncs send full snapshots). */
export type OrderSnapshot = Omit<OrderInput, 'channelAccountId' | 'customerId' | 'channel'> & {
  readonly channel: CommerceChannel;
  readonly customer: CustomerInput | null;
};

/** A change a commerce channel reports. Children carry their order's external id and their own external id. */
export type CommerceUpdate =
  | { readonly kind: 'order'; readonly order: OrderSnapshot }
  | { readonly kind: 'refund'; readonly channel: CommerceChannel; readonly orderExternalId: string; readonly refund: RefundInput & { readonly externalId: string } }
  | { readonly kind: 'shipment'; readonly channel: CommerceChannel; readonly orderExternalId: string; readonly shipment: ShipmentInput & { readonly externalId: string } }
  | { readonly kind: 'return'; readonly channel: CommerceChannel; readonly orderExternalId: string; readonly return: ReturnInput & { readonly externalId: string } };

/** Thrown by adapters for input they refuse; `field` names what was wrong (e.g. "X-Shopify-Hmac-Sha256"). */
export class ChannelInputError extends Error {
  constructor(message: string, readonly field: string | null = null) {
    super(message);
    this.name = 'ChannelInputError';
  }
}
