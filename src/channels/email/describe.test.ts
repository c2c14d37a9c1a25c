import { describe, expect, it } from 'vitest';
import { describeEmail } from './describe.ts';
import { parseEmail } from './parse.ts';
import { BUYER_SAMPLES } from './relay-samples.ts';

describe('describeEmail', () => {
  it('summarises a customer mail as plain JSON', async () => {
    const parsed = await parseEmail(
      [
        'From: "Jane Doe" <jane@example.com>',
        'To: support@shop.example',
        'Subject: Broken lid',
        'Date: Mon, 13 Jan 2025 10:00:00 +0000',
        'Message-ID: <d1@example.com>',
        'MIME-Version: 1.0',
        'Content-Type: multipart/mixed; boundary="b"',
        '',
        '--b',
        'Content-Type: text/plain',
        '',
        'The lid is broken.',
        '--b',
        'Content-Type: application/pdf; name="receipt.pdf"',
        'Content-Disposition: attachment; filename="receipt.pdf"',
        '',
        '%PDF-1.4',
        '--b--',
        '',
      ].join('\r\n'),
    );
    const d = describeEmail(parsed);
    expect(JSON.parse(JSON.stringify(d))).toEqual(d); // JSON-able: survives a round trip unchanged
    expect(d).toEqual({
      messageId: 'd1@example.com',
      from: 'Jane Doe <jane@example.com>',
      to: ['support@shop.example'],
      subject: 'Broken lid',
      date: '2025-01-13T10:00:00.000Z',
      text: 'The lid is broken.',
      attachments: [{ name: 'receipt.pdf', type: 'application/pdf', size: 8 }],
      kind: 'customer',
      kindReason: 'no report, bounce or auto-reply markers',
      isBounce: false,
      isAutoReply: false,
      bounce: null,
      amazon: null,
      warnings: [],
    });
  });

  it('shows the Amazon relay fields', async () => {
    const sample = BUYER_SAMPLES[0];
    const d = describeEmail(await parseEmail(sample?.eml ?? ''));
    expect(d.amazon).toMatchObject({
      kind: 'buyer_message',
      orderId: sample?.expected.orderId,
      marketplace: sample?.expected.marketplace,
      buyerName: sample?.expected.buyerName,
      buyerText: sample?.expected.buyerText,
    });
  });

  it('flags bounces and auto-replies', async () => {
    const bounce = describeEmail(await parseEmail('From: MAILER-DAEMON@mx.example\r\nX-Failed-Recipients: a@example.com\r\nSubject: failure\r\n\r\nx'));
    expect([bounce.isBounce, bounce.isAutoReply, bounce.bounce?.failedRecipients]).toEqual([true, false, ['a@example.com']]);
    const auto = describeEmail(await parseEmail('From: a@example.com\r\nAuto-Submitted: auto-replied\r\nSubject: away\r\n\r\nx'));
    expect([auto.isBounce, auto.isAutoReply, auto.date]).toEqual([false, true, null]);
  });
});
