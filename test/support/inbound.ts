import type { InboundMessage } from '../../src/channels/types.ts';
import { T0 } from './fixtures.ts';

/** Minutes after T0. */
export const min = (n: number): Date => new Date(T0.getTime() + n * 60_000);

/** An inbound e-mail as the channels hand it to ingestion; override what a test is about. */
export function inbound(over: Partial<InboundMessage> & { channelMessageId: string }): InboundMessage {
  return {
    channel: 'email', channelAccountId: null, marketplace: null, conversationId: null, inReplyTo: null, references: [],
    from: { address: 'pat@example.test', name: 'Pat Lee' }, to: 'support@shop.test', replyTo: null, subject: 'Question', text: 'Hello there',
    html: null, sentAt: min(1), orderRef: null, customer: { name: 'Pat Lee', email: 'pat@example.test', phone: null, identity: { channel: 'email', externalId: 'pat@example.test' } },
    noResponseNeeded: false, language: null, attachments: [], ...over,
  };
}
