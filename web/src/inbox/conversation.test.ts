import { describe, expect, it } from 'vitest';
import type { Message } from '../../../src/contracts/index.ts';
import { hasNewerMessage, latestMessageAt, replyRecipient } from './conversation.ts';

const msg = (over: Partial<Message>): Message => ({
  id: 'm', direction: 'inbound', channel: 'email', fromAddress: 'a@buyer.test', toAddress: 'shop@example.test', subject: 's', bodyText: '',
  bodyHtml: null, language: null, sentAt: '2026-01-01T10:00:00.000Z', deliveryStatus: 'received', deliveryError: null, authorName: null, classification: null, attachments: [],
  ...over,
});

describe('conversation helpers', () => {
  const thread = [
    msg({ id: '1', fromAddress: 'first@buyer.test', sentAt: '2026-01-01T10:00:00.000Z' }),
    msg({ id: '2', direction: 'outbound', fromAddress: 'shop@example.test', sentAt: '2026-01-01T11:00:00.000Z', deliveryStatus: 'sent' }),
    msg({ id: '3', fromAddress: 'second@buyer.test', sentAt: '2026-01-01T12:00:00.000Z' }),
  ];

  it('replies to the sender of the latest customer message', () => {
    expect(replyRecipient(thread)).toBe('second@buyer.test');
    expect(replyRecipient([thread[1]!])).toBeNull();
  });

  it('notices a message newer than the ones on screen', () => {
    const shown = latestMessageAt(thread);
    expect(shown).toBe('2026-01-01T12:00:00.000Z');
    expect(hasNewerMessage('2026-01-01T12:00:00Z', shown)).toBe(false);
    expect(hasNewerMessage('2026-01-01T12:00:01.000Z', shown)).toBe(true);
    expect(hasNewerMessage(null, shown)).toBe(false);
    expect(hasNewerMessage('2026-01-01T12:00:00.000Z', null)).toBe(true);
  });
});
