/**
 * Amazon relay mail. NOTE: there is no public sample of Amazon buyer–seller relay mail; every message used
 * here was written by us in relay-samples.ts from the documented format (see the comment there). The tests
 * pin what the parser must get out of that format — order id, marketplace, buyer name and the exact buyer
 * text — so a real sample that differs shows up as a failing test once added.
 */
import { describe, expect, it } from 'vitest';
import {
  AMAZON_DOMAIN_MARKETPLACE,
  buyerIdOf,
  extractBuyerText,
  findAmazonOrderId,
  isAcknowledgementOnly,
  isAmazonRelayAddress,
  marketplaceForAmazonDomain,
  recognizeAmazonRelay,
} from './amazon-relay.ts';
import { parseEmail } from './parse.ts';
import { BUYER_SAMPLES, SYSTEM_SAMPLES } from './relay-samples.ts';

describe('buyer messages (hand-written samples)', () => {
  it('covers every language the brief names plus HTML-only, photo and reply chains', () => {
    expect(BUYER_SAMPLES.map((s) => s.expected.marketplace)).toEqual(expect.arrayContaining(['US', 'DE', 'FR', 'IT', 'ES', 'JP', 'UK', 'CA', 'MX', 'NL']));
  });

  it.each(BUYER_SAMPLES)('$name', async (sample) => {
    const parsed = await parseEmail(sample.eml);
    const a = parsed.amazon;
    expect(a).not.toBeNull();
    expect(a?.kind).toBe('buyer_message');
    expect(a?.marketplace).toBe(sample.expected.marketplace);
    expect(a?.orderId).toBe(sample.expected.orderId);
    expect(a?.buyerName).toBe(sample.expected.buyerName);
    expect(a?.relayAddress).toBe(sample.expected.relayAddress);
    expect(a?.buyerText).toBe(sample.expected.buyerText);
    expect(a?.noResponseNeededHint).toBe(sample.expected.noResponseNeededHint);
    expect(parsed.kind).toBe('customer');
    if (sample.expected.attachments) expect(parsed.attachments.map((x) => x.filename)).toEqual(sample.expected.attachments);
  });

  it('stays customer even when the relay marks it machine-sent (Auto-Submitted, Precedence: bulk)', async () => {
    const eml = (BUYER_SAMPLES[0]?.eml ?? '').replace('MIME-Version: 1.0', 'MIME-Version: 1.0\r\nAuto-Submitted: auto-generated\r\nPrecedence: bulk');
    const parsed = await parseEmail(eml);
    expect(parsed.headers['auto-submitted']).toBe('auto-generated');
    expect(parsed.kind).toBe('customer');
    expect(parsed.amazon?.kind).toBe('buyer_message');
  });

  it("is an auto-reply when the buyer's own out-of-office is relayed", async () => {
    const eml = (BUYER_SAMPLES[0]?.eml ?? '')
      .replace('MIME-Version: 1.0', 'MIME-Version: 1.0\r\nAuto-Submitted: auto-replied')
      .replace(/^Subject: .*$/m, 'Subject: Automatic reply: Your order');
    const parsed = await parseEmail(eml);
    expect(parsed.kind).toBe('auto_reply');
    expect(parsed.kindReason).toBe('Auto-Submitted: auto-replied with out-of-office subject on relayed Amazon mail');
  });

  it('keeps template text out of the buyer text', async () => {
    for (const sample of BUYER_SAMPLES) {
      const text = (await parseEmail(sample.eml)).amazon?.buyerText ?? '';
      expect(text).not.toMatch(/Begin message|End message|Seller Central|helpful|hilfreich|utile|útil|役に立ち|©|Copyright|commMgrTok|ASIN|For Your Information/i);
    }
  });

  it('sanitises the HTML of the HTML-only sample (remote logo neutralised, no <style>)', async () => {
    const sample = BUYER_SAMPLES.find((s) => s.name.includes('HTML only'));
    const parsed = await parseEmail(sample?.eml ?? '');
    expect(parsed.remoteImages).toBe(1);
    expect(parsed.html).toContain('data-remote-src="https://m.media-amazon.com/images/G/02/logo.png"');
    expect(parsed.html).not.toMatch(/<style|<title|color:red/);
  });
});

describe('Amazon mail that is not a buyer message', () => {
  it.each(SYSTEM_SAMPLES)('$name', async (sample) => {
    const parsed = await parseEmail(sample.eml);
    const a = parsed.amazon;
    expect(a?.kind).toBe(sample.expected.kind);
    expect(a?.marketplace).toBe(sample.expected.marketplace);
    expect(a?.orderId).toBe(sample.expected.orderId);
    expect(a?.relayAddress).toBe(sample.expected.relayAddress);
    expect(a?.buyerText).toBe('');
    expect(parsed.kind).toBe(sample.expected.kind === 'relay_bounce' ? 'bounce' : 'auto_reply');
  });

  it('a relay bounce lists the alias it could not reach', async () => {
    const parsed = await parseEmail(SYSTEM_SAMPLES[0]?.eml ?? '');
    expect(parsed.bounce?.failedRecipients).toEqual(['8h6j2m1l3x9s2dq@marketplace.amazon.com']);
  });

  it('ignores mail that merely mentions an Amazon order', () => {
    expect(
      recognizeAmazonRelay({ from: { address: 'jane@example.com', name: 'Jane' }, replyTo: [], subject: 'Order 114-1234567-1234567', text: 'where is it?' }),
    ).toBeNull();
  });

  it('takes the alias from Reply-To when Amazon sends from a system address', () => {
    const r = recognizeAmazonRelay({
      from: { address: 'donotreply@amazon.co.jp', name: 'Amazon.co.jp' },
      replyTo: [{ address: 'ydtnb1t2gk9npt6@marketplace.amazon.co.jp', name: '藤田 泰成' }],
      subject: '注文番号：503-9019552-6582219',
      text: '------------- メッセージ開始 -------------\n届いていません。\n------------- メッセージ終了 -------------',
    });
    expect(r).toMatchObject({ kind: 'buyer_message', marketplace: 'JP', orderId: '503-9019552-6582219', buyerText: '届いていません。', buyerName: '藤田 泰成' });
    expect(r?.reason).toContain('Reply-To');
  });
});

describe('marketplace domains', () => {
  const table: [string, string][] = [
    ['amazon.com', 'US'], ['amazon.ca', 'CA'], ['amazon.com.mx', 'MX'], ['amazon.com.br', 'BR'], ['amazon.co.uk', 'UK'],
    ['amazon.de', 'DE'], ['amazon.fr', 'FR'], ['amazon.it', 'IT'], ['amazon.es', 'ES'], ['amazon.nl', 'NL'],
    ['amazon.se', 'SE'], ['amazon.pl', 'PL'], ['amazon.com.be', 'BE'], ['amazon.com.tr', 'TR'], ['amazon.ae', 'AE'],
    ['amazon.sa', 'SA'], ['amazon.eg', 'EG'], ['amazon.in', 'IN'], ['amazon.co.jp', 'JP'], ['amazon.com.au', 'AU'],
    ['amazon.sg', 'SG'], ['amazon.ie', 'IE'],
  ];
  it.each(table)('marketplace.%s → %s', (domain, code) => {
    expect(marketplaceForAmazonDomain(`marketplace.${domain}`)).toBe(code);
    expect(isAmazonRelayAddress(`mnqxldr5q311j1g@marketplace.${domain}`)).toBe(true);
  });

  it('knows exactly these 22 domains', () => {
    expect(AMAZON_DOMAIN_MARKETPLACE.size).toBe(table.length);
  });

  it('prefers the longest match (amazon.com.mx is not amazon.com)', () => {
    expect(marketplaceForAmazonDomain('m.marketplace.amazon.com.mx')).toBe('MX');
    expect(marketplaceForAmazonDomain('example.com')).toBeNull();
  });
});

describe('relay aliases', () => {
  it.each([
    ['mnqxldr5q311j1g@marketplace.amazon.co.jp', true],
    ['1ktkjrc1nl0t9fh@m.marketplace.amazon.co.jp', true],
    ['v8gpmnpf6t5ypsd+A00135411ZI2YBJ2DU9VJ@marketplace.amazon.co.jp', true],
    ['ABC123maria@Marketplace.Amazon.com.br', true],
    ['donotreply@marketplace.amazon.com.br', false],
    ['no-reply@marketplace.amazon.de', false],
    ['abc123maria@marketplace.amazon.com.br.evil.example', false],
    ['abc123maria@marketplace-amazon.com', false],
    ['abc123maria@amazon.com', false],
    ['jane@example.com', false],
  ])('%s → %s', (address, expected) => {
    expect(isAmazonRelayAddress(address)).toBe(expected);
  });

  it('derives a stable buyer id without the +case tag', () => {
    expect(buyerIdOf('V8gpmnpf6t5ypsd+A00135411ZI2YBJ2DU9VJ@marketplace.amazon.co.jp')).toBe('v8gpmnpf6t5ypsd@marketplace.amazon.co.jp');
  });
});

describe('order ids', () => {
  it.each([
    ['Order: 114-1234567-1234567', '114-1234567-1234567'],
    ['Bestellung: 302-1234567-1234567', '302-1234567-1234567'],
    ['Commande : 402-1234567-1234567', '402-1234567-1234567'],
    ['注文番号：249-1234567-1234567', '249-1234567-1234567'],
    ['phone 0114-1234567-12345678', null],
    ['#1001', null],
  ])('%s → %s', (text, expected) => {
    expect(findAmazonOrderId(text)).toBe(expected);
  });
});

describe('extractBuyerText edge cases', () => {
  it.each([
    ['only an end marker', 'Where is my order?\n------------- End message -------------\nFor Your Information: we keep messages.', 'Where is my order?'],
    ['Portuguese "Mensagem:" marker', 'Você recebeu uma mensagem.\n\n------------- Mensagem: -------------\n\nOlá, cadê meu pedido?\n\n------------- Fim da mensagem -------------\n', 'Olá, cadê meu pedido?'],
    ['no end marker, footer inside', '------------- Begin message -------------\nHello\nTo respond to this customer, please reply.', 'Hello'],
    ['no markers, no template', 'Just a plain question?', 'Just a plain question?'],
    ['pasted forward is not a marker', '------------- Begin message -------------\nSee below\n---------- Forwarded message ---------\nFrom: carrier\n------------- End message -------------', 'See below\n---------- Forwarded message ---------\nFrom: carrier'],
  ])('%s', (_name, text, expected) => {
    expect(extractBuyerText(text)).toBe(expected);
  });
});

describe('no-response-needed hint', () => {
  it.each([
    ['Thanks!', true],
    ['Thank you so much, Jane', true],
    ['Vielen Dank für die schnelle Antwort!', true],
    ['Merci beaucoup', true],
    ['Grazie mille!', true],
    ['¡Muchas gracias!', true],
    ['ありがとうございました。', true],
    ['OK 👍', true],
    ['Thanks, but where is my package?', false],
    ['Thanks. The item is broken though.', false],
    ['I have not received it', false],
    ['', false],
  ])('%s → %s', (text, expected) => {
    expect(isAcknowledgementOnly(text, 'Jane D.')).toBe(expected);
  });
});
