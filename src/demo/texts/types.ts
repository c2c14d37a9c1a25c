// Shape of the per-language message texts. Placeholders filled by conversations.ts:
// {order} order id or name · {product} product title · {first} buyer first name · {name} full name ·
// {carrier} carrier · {tracking} tracking number · {date} promised delivery date · {city} ship-to city ·
// {agent} seller's agent · {brand} brand · {amount} order total.

import type { Intent, Signal } from '../types.ts';

export interface LanguageTexts {
  /** Buyer's first message, several variants per intent. */
  inbound: Record<Intent, readonly string[]>;
  /** Subject lines buyers write in e-mails (Shopify store mailbox). */
  subjects: Record<Intent, readonly string[]>;
  /** Buyer's follow-up when the problem persists. */
  followUps: readonly string[];
  /** Follow-up about a parcel whose tracking does not move. */
  trackingFollowUp: string;
  /** Sentences appended for risk signals. */
  signals: Record<Signal, readonly string[]>;
  /** Sign-offs appended to buyer messages ("{first}" is replaced). */
  signOffs: readonly string[];
}

export interface ReplyTexts {
  /** Seller replies by intent. */
  replies: Record<Intent, readonly string[]>;
  /** Seller's answer to a follow-up when the order was refunded or replaced. */
  followUpReplies: readonly string[];
  /** Seller's answer to a follow-up otherwise. */
  followUpPending: string;
  /** Answer to "where is my order" before it shipped. */
  notShipped: string;
  signature: string;
}
