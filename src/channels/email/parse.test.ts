import { describe, expect, it } from 'vitest';
import { ChannelInputError } from '../types.ts';
import { MAX_ATTACHMENTS, MAX_RAW_BYTES, MAX_TEXT_CHARS, parseEmail } from './parse.ts';

function mail(extra: Readonly<Record<string, string>>, body: string): string {
  const headers: Record<string, string> = {
    From: '"Doe, Jane" <Jane.Doe@Example.com>',
    To: 'Support <support@shop.example>, sales@shop.example',
    Cc: 'boss@example.com',
    Subject: 'Order question',
    Date: 'Mon, 13 Jan 2025 10:00:00 +0100',
    'Message-ID': '<abc.123@mail.example.com>',
    'MIME-Version': '1.0',
    ...extra,
  };
  return `${Object.entries(headers).map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n${body}`;
}

/**
 * Encodes text in a legacy double-byte charset using only the platform's decoder (Node's TextDecoder knows
 * GB2312, Big5, EUC-KR, Shift_JIS): every two-byte sequence is decoded once to build the reverse table.
 */
function encodeLegacy(label: string, text: string): Buffer {
  const decoder = new TextDecoder(label);
  const table = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      const ch = decoder.decode(Uint8Array.of(lead, trail));
      if ([...ch].length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80) bytes.push(code);
    else {
      const pair = table.get(ch);
      if (pair === undefined) throw new Error(`${ch} not encodable in ${label}`);
      bytes.push(...pair);
    }
  }
  return Buffer.from(bytes);
}

describe('refused input (ChannelInputError)', () => {
  it.each([
    ['empty string', ''],
    ['only white space', '\r\n \r\n\t'],
    ['plain text without any header', 'just some text\nwithout headers'],
    ['binary (a PNG header)', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])],
  ])('%s', async (_name, input) => {
    await expect(parseEmail(input)).rejects.toBeInstanceOf(ChannelInputError);
  });

  it('a value that is neither Buffer nor string', async () => {
    await expect(parseEmail(42 as unknown as string)).rejects.toThrow(/Buffer or a string/);
  });

  it(`more than ${MAX_RAW_BYTES} bytes`, async () => {
    await expect(parseEmail(Buffer.alloc(MAX_RAW_BYTES + 1, 0x61))).rejects.toThrow(/limit/);
  });

  it('more MIME parts than mailparser allows', async () => {
    const parts = Array.from({ length: 1100 }, (_, i) => `--b\r\nContent-Type: text/plain\r\n\r\npart ${i}\r\n`).join('');
    await expect(parseEmail(mail({ 'Content-Type': 'multipart/mixed; boundary="b"' }, `${parts}--b--\r\n`))).rejects.toBeInstanceOf(ChannelInputError);
  });
});

describe('headers', () => {
  it('maps addresses, ids and dates', async () => {
    const parsed = await parseEmail(
      mail(
        {
          'In-Reply-To': '<first@x.example> <second@x.example>',
          References: '<r1@x.example>\r\n <r2@x.example> <first@x.example>',
          'Reply-To': 'Orders <orders@example.com>',
          'Auto-Submitted': 'no',
        },
        'Hi\r\n',
      ),
    );
    expect(parsed.messageId).toBe('abc.123@mail.example.com');
    expect(parsed.messageIdSynthesised).toBe(false);
    expect(parsed.inReplyTo).toBe('first@x.example');
    expect(parsed.references).toEqual(['r1@x.example', 'r2@x.example', 'first@x.example']);
    expect(parsed.from).toEqual({ address: 'Jane.Doe@Example.com', name: 'Doe, Jane' });
    expect(parsed.to).toEqual([
      { address: 'support@shop.example', name: 'Support' },
      { address: 'sales@shop.example', name: null },
    ]);
    expect(parsed.cc).toEqual([{ address: 'boss@example.com', name: null }]);
    expect(parsed.replyTo).toEqual([{ address: 'orders@example.com', name: 'Orders' }]);
    expect(parsed.date?.toISOString()).toBe('2025-01-13T09:00:00.000Z');
    expect(parsed.headers['auto-submitted']).toBe('no');
    expect(parsed.headers['mime-version']).toBe('1.0');
  });

  it('has a null date when the header is missing', async () => {
    expect((await parseEmail('From: a@example.com\r\nSubject: x\r\n\r\nbody')).date).toBeNull();
  });

  it('synthesises the same Message-ID for the same bytes and a different one for other bytes', async () => {
    const a = await parseEmail('From: a@example.com\r\nSubject: x\r\n\r\nbody');
    const b = await parseEmail(Buffer.from('From: a@example.com\r\nSubject: x\r\n\r\nbody'));
    const c = await parseEmail('From: a@example.com\r\nSubject: x\r\n\r\nbody!');
    expect(a.messageId).toBe(b.messageId);
    expect(a.messageId).not.toBe(c.messageId);
    expect(a.messageId).toMatch(/^sha256-[0-9a-f]{64}@claimdesk\.invalid$/);
  });
});

describe('legacy charsets (built with the platform decoder, no fixture exists for GB2312)', () => {
  it.each([
    ['gb2312', '你好，我的订单还没有到。', '订单问题'],
    ['big5', '您好，我的訂單還沒有到。', '訂單問題'],
    ['euc-kr', '안녕하세요, 주문한 상품이 아직 안 왔어요.', '주문 문의'],
    ['shift_jis', 'こんにちは、注文した商品がまだ届きません。', '注文について'],
  ])('%s', async (charset, body, subject) => {
    const encodedSubject = `=?${charset}?B?${encodeLegacy(charset, subject).toString('base64')}?=`;
    const raw = Buffer.concat([
      Buffer.from(`From: a@example.com\r\nSubject: ${encodedSubject}\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=${charset}\r\nContent-Transfer-Encoding: 8bit\r\n\r\n`),
      encodeLegacy(charset, body),
    ]);
    const parsed = await parseEmail(raw);
    expect(parsed.subject).toBe(subject);
    expect(parsed.text).toBe(body);
  });
});

describe('bodies', () => {
  it('derives text from HTML-only mail and keeps sanitised HTML', async () => {
    const parsed = await parseEmail(
      mail({ 'Content-Type': 'text/html; charset=UTF-8' }, '<p>Hello <b>there</b></p><script>alert(1)</script><p>Order <a href="https://x.example">link</a></p>'),
    );
    expect(parsed.text).toBe('Hello there\n\nOrder link [https://x.example]');
    expect(parsed.html).toBe('<p>Hello <b>there</b></p><p>Order <a href="https://x.example" target="_blank" rel="noopener noreferrer nofollow">link</a></p>');
  });

  it('has null html for text-only mail', async () => {
    expect((await parseEmail(mail({ 'Content-Type': 'text/plain' }, 'Hi'))).html).toBeNull();
  });

  it('splits the new text from the quoted history', async () => {
    const parsed = await parseEmail(mail({ 'Content-Type': 'text/plain' }, 'Still nothing.\r\n\r\nOn Mon, Jan 13, 2025 at 10:00 AM Shop <s@shop.example> wrote:\r\n> Shipped!\r\n'));
    expect(parsed.text).toBe('Still nothing.');
    expect(parsed.fullText).toBe('Still nothing.\n\nOn Mon, Jan 13, 2025 at 10:00 AM Shop <s@shop.example> wrote:\n> Shipped!');
    expect(parsed.quotedText).toBe('On Mon, Jan 13, 2025 at 10:00 AM Shop <s@shop.example> wrote:\n> Shipped!');
  });

  it('falls back to the full text when everything is quoted', async () => {
    expect((await parseEmail(mail({ 'Content-Type': 'text/plain' }, '> only quoted\r\n'))).text).toBe('> only quoted');
  });

  it(`truncates text over ${MAX_TEXT_CHARS} characters and says so`, async () => {
    const parsed = await parseEmail(mail({ 'Content-Type': 'text/plain' }, `${'a'.repeat(MAX_TEXT_CHARS + 500)}\r\n`));
    expect(parsed.fullText.length).toBe(MAX_TEXT_CHARS);
    expect(parsed.warnings.some((w) => w.startsWith('text truncated'))).toBe(true);
  });
});

describe('attachments', () => {
  const related = mail(
    { 'Content-Type': 'multipart/related; boundary="r"' },
    [
      '--r',
      'Content-Type: text/html; charset=UTF-8',
      '',
      '<p>See <img src="cid:photo.1@x.example" alt="photo"></p>',
      '--r',
      'Content-Type: image/png; name="photo.png"',
      'Content-ID: <photo.1@x.example>',
      'Content-Transfer-Encoding: base64',
      '',
      'iVBORw0KGgo=',
      '--r--',
      '',
    ].join('\r\n'),
  );

  it('keeps inline parts with their Content-ID and drops cid: images from the HTML by default', async () => {
    const parsed = await parseEmail(related);
    expect(parsed.attachments).toHaveLength(1);
    expect(parsed.attachments[0]).toMatchObject({ filename: 'photo.png', contentType: 'image/png', contentId: 'photo.1@x.example', inline: true, size: 8 });
    expect(Buffer.from(parsed.attachments[0]?.bytes ?? []).toString('latin1')).toBe('\x89PNG\r\n\x1a\n');
    expect(parsed.html).toBe('<p>See </p>');
  });

  it('rewrites cid: images with the cidUrl option', async () => {
    const parsed = await parseEmail(related, { cidUrl: (cid, messageId) => `/api/messages/${encodeURIComponent(messageId)}/parts/${encodeURIComponent(cid)}` });
    expect(parsed.html).toBe('<p>See <img alt="photo" src="/api/messages/abc.123%40mail.example.com/parts/photo.1%40x.example" /></p>');
  });

  it(`keeps at most ${MAX_ATTACHMENTS} attachments`, async () => {
    const parts = Array.from({ length: MAX_ATTACHMENTS + 5 }, (_, i) => `--b\r\nContent-Type: text/plain; name="f${i}.txt"\r\nContent-Disposition: attachment; filename="f${i}.txt"\r\n\r\n${i}\r\n`).join('');
    const parsed = await parseEmail(mail({ 'Content-Type': 'multipart/mixed; boundary="b"' }, `--b\r\nContent-Type: text/plain\r\n\r\nbody\r\n${parts}--b--\r\n`));
    expect(parsed.attachments).toHaveLength(MAX_ATTACHMENTS);
    expect(parsed.attachments[0]?.filename).toBe('f0.txt');
    expect(parsed.warnings).toContain(`${MAX_ATTACHMENTS + 5} attachments, kept ${MAX_ATTACHMENTS}`);
  });
});
