import { describe, expect, it } from 'vitest';
import { parseEmail } from './parse.ts';
import { BUYER_SAMPLES, SYSTEM_SAMPLES } from './relay-samples.ts';
import { emailToInbound } from './to-inbound.ts';

const receivedAt = new Date('2025-02-01T12:00:00Z');
const ctx = { channelAccountId: 'acc-1', receivedAt };

function mail(extra: Readonly<Record<string, string>>, body: string): string {
  const headers: Record<string, string> = {
    From: 'Jane Doe <Jane.Doe@Example.com>',
    To: 'support@shop.example',
    Subject: 'Where is my order?',
    Date: 'Mon, 13 Jan 2025 10:00:00 +0000',
    'Message-ID': '<m1@example.com>',
    'MIME-Version': '1.0',
    'Content-Type': 'text/plain; charset=UTF-8',
    ...extra,
  };
  return `${Object.entries(headers).map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n${body}`;
}

describe('plain e-mail', () => {
  it('maps a customer mail', async () => {
    const parsed = await parseEmail(
      mail(
        { 'In-Reply-To': '<s2@shop.example>', References: '<m0@example.com> <s1@shop.example> <s2@shop.example>' },
        'It still has not arrived.\r\n\r\nOn Sun, Jan 12, 2025 at 9:00 AM Shop <support@shop.example> wrote:\r\n> It ships today.\r\n',
      ),
    );
    expect(emailToInbound(parsed, ctx)).toEqual({
      channel: 'email',
      channelAccountId: 'acc-1',
      marketplace: null,
      channelMessageId: 'm1@example.com',
      conversationId: null,
      inReplyTo: 's2@shop.example',
      references: ['s2@shop.example', 's1@shop.example', 'm0@example.com'],
      from: { address: 'Jane.Doe@Example.com', name: 'Jane Doe' },
      to: 'support@shop.example',
      replyTo: null,
      subject: 'Where is my order?',
      text: 'It still has not arrived.',
      html: null,
      sentAt: new Date('2025-01-13T10:00:00Z'),
      orderRef: null,
      customer: { name: 'Jane Doe', email: 'Jane.Doe@Example.com', phone: null, identity: { channel: 'email', externalId: 'jane.doe@example.com' } },
      noResponseNeeded: false,
      language: null,
      attachments: [],
    });
  });

  it.each([
    ['subject', { Subject: 'Order 114-1234567-1234567 missing' }, 'hello', '114-1234567-1234567'],
    ['text', {}, 'My order is 305-1111111-2222222, please check.', '305-1111111-2222222'],
    ['no Shopify numbers', { Subject: 'Order #1001' }, 'Order #1001 is late', null],
  ])('finds an Amazon order id in the %s', async (_where, headers, body, expected) => {
    const inbound = emailToInbound(await parseEmail(mail(headers, body)), ctx);
    expect(inbound?.orderRef).toEqual(expected === null ? null : { channel: 'amazon', externalId: expected, marketplace: null });
  });

  it('uses Reply-To when it differs from From', async () => {
    const inbound = emailToInbound(await parseEmail(mail({ 'Reply-To': 'orders@example.com' }, 'x')), ctx);
    expect(inbound?.replyTo).toBe('orders@example.com');
  });

  it.each([
    ['missing', {}],
    ['implausible (year 3609)', { Date: 'Mon, 30 Jun 3609 15:33:50 +0600' }],
  ])('uses receivedAt when the Date header is %s', async (why, headers) => {
    const raw = mail(headers, 'x').replace(/^Date: .*\r\n/m, why === 'missing' ? '' : '$&');
    expect(emailToInbound(await parseEmail(raw), ctx)?.sentAt).toEqual(receivedAt);
  });

  it('names attachments that have no file name', async () => {
    const raw = mail(
      { 'Content-Type': 'multipart/mixed; boundary="b"' },
      '--b\r\nContent-Type: text/plain\r\n\r\nsee photo\r\n--b\r\nContent-Type: image/jpeg\r\nContent-Disposition: attachment\r\nContent-Transfer-Encoding: base64\r\n\r\n/9j/4AAQ\r\n--b--\r\n',
    );
    const inbound = emailToInbound(await parseEmail(raw), ctx);
    expect(inbound?.attachments.map((a) => [a.filename, a.contentType, a.inline])).toEqual([['attachment-1.jpg', 'image/jpeg', false]]);
  });

  it('refuses customer mail without a From address', async () => {
    const parsed = await parseEmail('To: support@shop.example\r\nSubject: hi\r\n\r\nbody');
    expect(() => emailToInbound(parsed, ctx)).toThrow(/From/);
  });
});

describe('Amazon relay mail', () => {
  it('maps the photo sample to an amazon message', async () => {
    const sample = BUYER_SAMPLES.find((s) => s.expected.marketplace === 'CA');
    const inbound = emailToInbound(await parseEmail(sample?.eml ?? ''), ctx);
    const relay = 'k9j8h7g6f5d4s3a+0c1d2e3f-4a5b-6c7d-8e9f-a0b1c2d3e4f5@marketplace.amazon.ca';
    expect(inbound).toMatchObject({
      channel: 'amazon',
      marketplace: 'CA',
      from: { address: relay, name: 'Chloe T.' },
      replyTo: relay,
      text: 'The box arrived crushed and two pots are broken, photo attached.',
      orderRef: { channel: 'amazon', externalId: '702-8901234-9012345', marketplace: 'CA' },
      customer: { name: 'Chloe T.', email: null, phone: null, identity: { channel: 'amazon', externalId: 'k9j8h7g6f5d4s3a@marketplace.amazon.ca' } },
      noResponseNeeded: false,
      language: null,
    });
    expect(inbound?.attachments.map((a) => a.filename)).toEqual(['damaged-box.jpg']);
  });

  it.each(BUYER_SAMPLES)('every buyer sample becomes an amazon message: $name', async (sample) => {
    const inbound = emailToInbound(await parseEmail(sample.eml), ctx);
    expect(inbound?.channel).toBe('amazon');
    expect(inbound?.text).toBe(sample.expected.buyerText);
    expect(inbound?.marketplace).toBe(sample.expected.marketplace);
    expect(inbound?.orderRef?.externalId ?? null).toBe(sample.expected.orderId);
  });

  it.each(SYSTEM_SAMPLES)('Amazon system mail is not a message: $name', async (sample) => {
    expect(emailToInbound(await parseEmail(sample.eml), ctx)).toBeNull();
  });
});
