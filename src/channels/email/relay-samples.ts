/**
 * Hand-written Amazon buyer–seller relay e-mails, for tests.
 *
 * THESE ARE NOT REAL MAILS. No public sample of Amazon relay mail exists. They were written from the
 * documented behaviour (anonymised alias per buyer–seller pair at marketplace.amazon.<tld>, replies go to the
 * alias, attachments allowed; reference §5.3) and from the template shape quoted in public code ("Order ID …",
 * "[ASIN: …]", "------------- Begin message -------------" … "------------- End message -------------",
 * "For Your Information: …", "[commMgrTok:…]", "--- Original message ---", senders "Name - Amazon Marketplace").
 * The translated template lines are our own plausible translations. Names, ids and addresses are invented.
 * When a real relay mail is seen, add it here (anonymised) and fix the parser, not the sample.
 */

export interface RelaySample {
  readonly name: string;
  readonly eml: string;
  readonly expected: {
    readonly kind: 'buyer_message' | 'relay_bounce' | 'system_notification';
    readonly marketplace: string | null;
    readonly orderId: string | null;
    readonly buyerName: string | null;
    readonly relayAddress: string | null;
    readonly buyerText: string;
    readonly noResponseNeededHint: boolean;
    readonly attachments?: readonly string[];
  };
}

/** Base64 body lines of 76 characters. */
function b64(text: string | Buffer): string {
  const s = (typeof text === 'string' ? Buffer.from(text, 'utf8') : text).toString('base64');
  return s.replace(/.{1,76}/g, '$&\r\n').trimEnd();
}

/** RFC 2047 encoded word (UTF-8, base64). */
function word(text: string): string {
  return `=?UTF-8?B?${Buffer.from(text, 'utf8').toString('base64')}?=`;
}

function eml(headers: Readonly<Record<string, string>>, body: string): string {
  const head = Object.entries(headers).map(([k, v]) => `${k}: ${v}`).join('\r\n');
  return `${head}\r\n\r\n${body.replace(/\r?\n/g, '\r\n')}`;
}

const COMMON = { 'MIME-Version': '1.0' } as const;

// A 1×1 JPEG, enough to be an image attachment.
const TINY_JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
  'base64',
);

const EN_TEXT = `Hello,

my bottle arrived with a dent on the side and the lid does not close properly.
Can you send a replacement?

Thanks,
Jane`;

const en: RelaySample = {
  name: 'EN amazon.com, text/plain 8bit, Begin/End markers',
  eml: eml(
    {
      ...COMMON,
      From: '"Jane D. - Amazon Marketplace" <8h6j2m1l3x9s2dq@marketplace.amazon.com>',
      To: 'support@example-seller.com',
      Subject: 'Inquiry from Amazon customer Jane D. (Order: 114-1234567-1234567)',
      Date: 'Tue, 14 Jan 2025 15:04:05 +0000',
      'Message-ID': '<0100019462a1b2c3-en-sample@email.amazonses.com>',
      'Content-Type': 'text/plain; charset=UTF-8',
      'Content-Transfer-Encoding': '8bit',
    },
    `Message from customer Jane D.

Order ID: 114-1234567-1234567
1 of Stainless Steel Water Bottle 750 ml, Blue [ASIN: B0SAMPLE01]
Quantity: 1

------------- Begin message -------------

${EN_TEXT}

------------- End message -------------

To respond to this customer, please reply to this e-mail or visit your Seller Central account:
https://sellercentral.amazon.com/messaging/inbox

For Your Information: To help arbitrate disputes and preserve trust and safety, we retain all messages buyers and sellers send through Amazon.com for two years, including your response to the message above. Amazon uses filtering technology to protect buyers and sellers from possible fraud. Messages that fail this filtering will not be transmitted.

Was this email helpful?
Yes: https://sellercentral.amazon.com/feedback?helpful=yes
No: https://sellercentral.amazon.com/feedback?helpful=no

Copyright 2025 Amazon.com, Inc. or its affiliates. All rights reserved.
Amazon.com, 410 Terry Avenue North, Seattle, WA 98109-5210

[commMgrTok:A1B2C3D4E5F6G7]
`,
  ),
  expected: {
    kind: 'buyer_message',
    marketplace: 'US',
    orderId: '114-1234567-1234567',
    buyerName: 'Jane D.',
    relayAddress: '8h6j2m1l3x9s2dq@marketplace.amazon.com',
    buyerText: EN_TEXT,
    noResponseNeededHint: false,
  },
};

const DE_TEXT = `Guten Tag,

die Lieferung ist heute angekommen, aber das Ladekabel fehlt.
Können Sie es bitte nachsenden?

Mit freundlichen Grüßen
Max Müller`;

const de: RelaySample = {
  name: 'DE amazon.de, base64 UTF-8, German template',
  eml: eml(
    {
      ...COMMON,
      From: `${word('Max M. - Amazon Marketplace')} <q2w3e4r5t6y7u8i@marketplace.amazon.de>`,
      To: 'service@example-haendler.de',
      Subject: word('Anfrage von Amazon-Kunde Max M. (Bestellung: 302-2345678-3456789)'),
      Date: 'Wed, 15 Jan 2025 09:12:00 +0100',
      'Message-ID': '<0102019463c4d5e6-de-sample@eu-west-1.amazonses.com>',
      'Content-Type': 'text/plain; charset=UTF-8',
      'Content-Transfer-Encoding': 'base64',
    },
    b64(`Nachricht von Kunde Max M.

Bestellnummer: 302-2345678-3456789
Artikel: Tischlampe LED, dimmbar
ASIN: B0SAMPLE02

------------- Beginn der Nachricht -------------

${DE_TEXT}

------------- Ende der Nachricht -------------

Um diesem Kunden zu antworten, antworten Sie bitte auf diese E-Mail oder besuchen Sie Ihr Seller Central-Konto.

Zu Ihrer Information: Zur Schlichtung von Streitfällen speichern wir alle Nachrichten zwischen Käufern und Verkäufern zwei Jahre lang.

War diese E-Mail hilfreich?

© 1998-2025, Amazon.com, Inc. oder Tochtergesellschaften
`),
  ),
  expected: {
    kind: 'buyer_message',
    marketplace: 'DE',
    orderId: '302-2345678-3456789',
    buyerName: 'Max M.',
    relayAddress: 'q2w3e4r5t6y7u8i@marketplace.amazon.de',
    buyerText: DE_TEXT,
    noResponseNeededHint: false,
  },
};

const FR_TEXT = `Bonjour,

j'ai reçu la mauvaise taille (M au lieu de L).
Comment puis-je faire l'échange ?

Cordialement,
Marie`;

const fr: RelaySample = {
  name: 'FR amazon.fr, quoted-printable, order only in the body',
  eml: eml(
    {
      ...COMMON,
      From: '"Marie L. - Amazon Marketplace" <z9x8c7v6b5n4m3l@marketplace.amazon.fr>',
      To: 'sav@example-vendeur.fr',
      Subject: '=?UTF-8?Q?Demande_de_renseignements_de_la_part_du_client_Amazon_Marie_L.?=',
      Date: 'Thu, 16 Jan 2025 18:30:00 +0100',
      'Message-ID': '<0102019464e5f6a7-fr-sample@eu-west-1.amazonses.com>',
      'Content-Type': 'text/plain; charset=UTF-8',
      'Content-Transfer-Encoding': 'quoted-printable',
    },
    `Message du client Marie L.

Commande : 402-3456789-4567890
Article : T-shirt coton bio, taille M

------------- D=C3=A9but du message -------------

Bonjour,

j'ai re=C3=A7u la mauvaise taille (M au lieu de L).
Comment puis-je faire l'=C3=A9change ?

Cordialement,
Marie

------------- Fin du message -------------

Pour r=C3=A9pondre =C3=A0 ce client, veuillez r=C3=A9pondre =C3=A0 cet e-mai=
l ou consulter votre compte Seller Central.

Cet e-mail vous a-t-il =C3=A9t=C3=A9 utile ?

=C2=A9 1996-2025, Amazon.com, Inc. ou ses filiales
`,
  ),
  expected: {
    kind: 'buyer_message',
    marketplace: 'FR',
    orderId: '402-3456789-4567890',
    buyerName: 'Marie L.',
    relayAddress: 'z9x8c7v6b5n4m3l@marketplace.amazon.fr',
    buyerText: FR_TEXT,
    noResponseNeededHint: false,
  },
};

const IT_TEXT = `Buongiorno,
il pacco risulta consegnato ma non l'ho ricevuto.
Potete verificare con il corriere?
Grazie, Luca`;

const it: RelaySample = {
  name: 'IT amazon.it, text/plain 8bit',
  eml: eml(
    {
      ...COMMON,
      From: '"Luca B. - Amazon Marketplace" <p0o9i8u7y6t5r4e@marketplace.amazon.it>',
      To: 'assistenza@example-venditore.it',
      Subject: word('Richiesta dal cliente Amazon Luca B. (Ordine: 404-4567890-5678901)'),
      Date: 'Fri, 17 Jan 2025 11:00:00 +0100',
      'Message-ID': '<0102019465a6b7c8-it-sample@eu-west-1.amazonses.com>',
      'Content-Type': 'text/plain; charset=UTF-8',
      'Content-Transfer-Encoding': '8bit',
    },
    `Messaggio dal cliente Luca B.

Ordine: 404-4567890-5678901
Articolo: Zaino da trekking 30 l

------------- Inizio messaggio -------------

${IT_TEXT}

------------- Fine messaggio -------------

Per rispondere a questo cliente, rispondi a questa e-mail oppure visita il tuo account Seller Central.

Questa e-mail ti è stata utile?

© 1996-2025, Amazon.com, Inc. o società affiliate
`,
  ),
  expected: {
    kind: 'buyer_message',
    marketplace: 'IT',
    orderId: '404-4567890-5678901',
    buyerName: 'Luca B.',
    relayAddress: 'p0o9i8u7y6t5r4e@marketplace.amazon.it',
    buyerText: IT_TEXT,
    noResponseNeededHint: false,
  },
};

const ES_TEXT = `Hola,
¿cuándo me llegará el pedido? Lo necesito para el viernes.
Un saludo,
Carmen`;

const es: RelaySample = {
  name: 'ES amazon.es, base64 UTF-8',
  eml: eml(
    {
      ...COMMON,
      From: `${word('Carmen R. - Amazon Marketplace')} <a1s2d3f4g5h6j7k@marketplace.amazon.es>`,
      To: 'atencion@example-vendedor.es',
      Subject: word('Consulta del cliente de Amazon Carmen R. (Pedido: 403-5678901-6789012)'),
      Date: 'Mon, 20 Jan 2025 08:45:00 +0100',
      'Message-ID': '<0102019466b7c8d9-es-sample@eu-west-1.amazonses.com>',
      'Content-Type': 'text/plain; charset=UTF-8',
      'Content-Transfer-Encoding': 'base64',
    },
    b64(`Mensaje del cliente Carmen R.

Pedido: 403-5678901-6789012
Artículo: Funda para portátil 15"

------------- Inicio del mensaje -------------

${ES_TEXT}

------------- Fin del mensaje -------------

Para responder a este cliente, responde a este correo electrónico o visita tu cuenta de Seller Central.

¿Te ha resultado útil este correo electrónico?

© 1996-2025, Amazon.com, Inc. o sus afiliados
`),
  ),
  expected: {
    kind: 'buyer_message',
    marketplace: 'ES',
    orderId: '403-5678901-6789012',
    buyerName: 'Carmen R.',
    relayAddress: 'a1s2d3f4g5h6j7k@marketplace.amazon.es',
    buyerText: ES_TEXT,
    noResponseNeededHint: false,
  },
};

const JA_TEXT = `お世話になっております。
商品が届きましたが、箱が破損していました。
交換していただけますか？

山田`;

const ja: RelaySample = {
  name: 'JA amazon.co.jp, base64 UTF-8, full-width colon in the order label',
  eml: eml(
    {
      ...COMMON,
      From: `${word('山田 太郎 - Amazon Marketplace')} <mnqxldr5q311j1g@marketplace.amazon.co.jp>`,
      To: 'support@example-shop.jp',
      Subject: word('購入者 山田 太郎 様からのお問い合わせ'),
      Date: 'Tue, 21 Jan 2025 10:20:00 +0900',
      'Message-ID': '<0106019467c8d9e0-ja-sample@ap-northeast-1.amazonses.com>',
      'Content-Type': 'text/plain; charset=UTF-8',
      'Content-Transfer-Encoding': 'base64',
    },
    b64(`購入者からのメッセージ：山田 太郎

注文番号：249-6789012-7890123
商品名：ステンレス製 電気ケトル 1.0L

------------- メッセージ開始 -------------

${JA_TEXT}

------------- メッセージ終了 -------------

この購入者に返信するには、このEメールに返信するか、セラーセントラルのアカウントにアクセスしてください。

このメールは役に立ちましたか？

© 2000-2025, Amazon.com, Inc. or its affiliates
`),
  ),
  expected: {
    kind: 'buyer_message',
    marketplace: 'JP',
    orderId: '249-6789012-7890123',
    buyerName: '山田 太郎',
    relayAddress: 'mnqxldr5q311j1g@marketplace.amazon.co.jp',
    buyerText: JA_TEXT,
    noResponseNeededHint: false,
  },
};

const htmlOnly: RelaySample = {
  name: 'UK amazon.co.uk, HTML only, no dash markers, name in a heading',
  eml: eml(
    {
      ...COMMON,
      From: '"Oliver P. - Amazon Marketplace" <w1e2r3t4y5u6i7o@marketplace.amazon.co.uk>',
      To: 'help@example-seller.co.uk',
      Subject: 'Inquiry from Amazon customer Oliver P.',
      Date: 'Wed, 22 Jan 2025 13:00:00 +0000',
      'Message-ID': '<0102019468d9e0f1-uk-sample@eu-west-1.amazonses.com>',
      'Content-Type': 'text/html; charset=UTF-8',
      'Content-Transfer-Encoding': 'quoted-printable',
    },
    `<html><head><style>.x{color:red}</style><title>Amazon</title></head><body>
<table>
<tr><td><img src=3D"https://m.media-amazon.com/images/G/02/logo.png" alt=3D"Amazon"></td></tr>
<tr><td><h2>Message from customer Oliver P.</h2></td></tr>
<tr><td>Order ID: 203-7890123-8901234</td></tr>
<tr><td>Item: USB-C Charging Cable 2 m</td></tr>
<tr><td><p>Hi there,</p><p>the cable stopped working after two days. How do I return it?</p><p>Oliver</p></td></tr>
<tr><td><p>To respond to this customer, please reply to this e-mail or visit your <a href=3D"https://sellercentral.amazon.co.uk/messaging">Seller Central account</a>.</p></td></tr>
<tr><td><p>Was this email helpful? <a href=3D"https://sellercentral.amazon.co.uk/f?y">Yes</a> <a href=3D"https://sellercentral.amazon.co.uk/f?n">No</a></p></td></tr>
<tr><td><p>&copy; 2025 Amazon.com, Inc. or its affiliates.</p></td></tr>
</table></body></html>
`,
  ),
  expected: {
    kind: 'buyer_message',
    marketplace: 'UK',
    orderId: '203-7890123-8901234',
    buyerName: 'Oliver P.',
    relayAddress: 'w1e2r3t4y5u6i7o@marketplace.amazon.co.uk',
    buyerText: 'Hi there,\n\nthe cable stopped working after two days. How do I return it?\n\nOliver',
    noResponseNeededHint: false,
  },
};

const photo: RelaySample = {
  name: 'CA amazon.ca, multipart/mixed with a photo, alias with +case tag',
  eml: eml(
    {
      ...COMMON,
      From: '"Chloe T. - Amazon Marketplace" <k9j8h7g6f5d4s3a+0c1d2e3f-4a5b-6c7d-8e9f-a0b1c2d3e4f5@marketplace.amazon.ca>',
      To: 'support@example-seller.ca',
      Subject: 'Inquiry from Amazon customer Chloe T. (Order: 702-8901234-9012345)',
      Date: 'Thu, 23 Jan 2025 16:40:00 -0500',
      'Message-ID': '<0100019469e0f1a2-ca-sample@email.amazonses.com>',
      'Content-Type': 'multipart/mixed; boundary="----=_Part_123_456.789"',
    },
    `------=_Part_123_456.789
Content-Type: text/plain; charset=UTF-8
Content-Transfer-Encoding: 7bit

Message from customer Chloe T.

Order ID: 702-8901234-9012345
1 of Ceramic Plant Pot Set (3 pcs) [ASIN: B0SAMPLE07]

------------- Begin message -------------

The box arrived crushed and two pots are broken, photo attached.

------------- End message -------------

To respond to this customer, please reply to this e-mail or visit your Seller Central account.

Was this email helpful?
------=_Part_123_456.789
Content-Type: image/jpeg; name="damaged-box.jpg"
Content-Disposition: attachment; filename="damaged-box.jpg"
Content-Transfer-Encoding: base64

${b64(TINY_JPEG)}
------=_Part_123_456.789--
`,
  ),
  expected: {
    kind: 'buyer_message',
    marketplace: 'CA',
    orderId: '702-8901234-9012345',
    buyerName: 'Chloe T.',
    relayAddress: 'k9j8h7g6f5d4s3a+0c1d2e3f-4a5b-6c7d-8e9f-a0b1c2d3e4f5@marketplace.amazon.ca',
    buyerText: 'The box arrived crushed and two pots are broken, photo attached.',
    noResponseNeededHint: false,
    attachments: ['damaged-box.jpg'],
  },
};

const chain: RelaySample = {
  name: 'US reply chain: buyer answered from Outlook, the quoted seller message carries its own template',
  eml: eml(
    {
      ...COMMON,
      From: '"Laura H. - Amazon Marketplace" <t5r4e3w2q1a2s3d@marketplace.amazon.com>',
      To: 'support@example-seller.com',
      Subject: 'RE: Exchange request for order (Order: 102-5239268-9612243)',
      Date: 'Tue, 06 Sep 2016 13:30:00 +0000',
      'Message-ID': '<chain-sample-3@email.amazonses.com>',
      'In-Reply-To': '<seller-reply-2@example-seller.com>',
      References: '<buyer-first-1@email.amazonses.com> <seller-reply-2@example-seller.com>',
      'Content-Type': 'text/plain; charset=UTF-8',
      'Content-Transfer-Encoding': '8bit',
    },
    `Order ID 102-5239268-9612243:
1 of Girls' Velvet Plush Cozy Robe, Size 7/8 [ASIN: B0SAMPLE08]

------------- Begin message -------------

Yes please, I'd like to exchange it for the 14/16.

-----Original Message-----
From: Example Apparel - Amazon Marketplace [mailto:seller-alias@marketplace.amazon.com]
Sent: Tuesday, September 06, 2016 9:08 AM
To: Laura H.
Subject: RE: Exchange request for order (Order: 102-5239268-9612243)

Order ID 102-5239268-9612243:
1 of Girls' Velvet Plush Cozy Robe, Size 7/8 [ASIN: B0SAMPLE08]

------------- Begin message -------------

Unfortunately we don't have size L (10/12). Would you like to exchange it for the 14/16?

--- Original message ---

Thank you. Do you have a 12/14?

------------- End message -------------

------------- End message -------------

For Your Information: To help arbitrate disputes and preserve trust and safety, we retain all messages buyers and sellers send through Amazon.com for two years.

[commMgrTok:AYOWMP58EXOS9]
`,
  ),
  expected: {
    kind: 'buyer_message',
    marketplace: 'US',
    orderId: '102-5239268-9612243',
    buyerName: 'Laura H.',
    relayAddress: 't5r4e3w2q1a2s3d@marketplace.amazon.com',
    buyerText: "Yes please, I'd like to exchange it for the 14/16.",
    noResponseNeededHint: false,
  },
};

const chainGmail: RelaySample = {
  name: 'MX amazon.com.mx, Spanish reply with a Gmail-style "El … escribió:" quote',
  eml: eml(
    {
      ...COMMON,
      From: '"Diego S. - Amazon Marketplace" <r5t6y7u8i9o0p1a@marketplace.amazon.com.mx>',
      To: 'soporte@example-vendedor.mx',
      Subject: word('RE: Pedido 701-1234567-7654321'),
      Date: 'Fri, 24 Jan 2025 19:00:00 -0600',
      'Message-ID': '<chain-gmail-mx@email.amazonses.com>',
      'Content-Type': 'text/plain; charset=UTF-8',
      'Content-Transfer-Encoding': '8bit',
    },
    `Mensaje del cliente Diego S.

------------- Inicio del mensaje -------------

Perfecto, entonces espero el reembolso.

El jue, 23 ene 2025 a las 10:00, Tienda Ejemplo (<vendedor@marketplace.amazon.com.mx>) escribió:
> Hola Diego, ya procesamos la devolución.
> Saludos

------------- Fin del mensaje -------------

Para responder a este cliente, responde a este correo electrónico.
`,
  ),
  expected: {
    kind: 'buyer_message',
    marketplace: 'MX',
    orderId: '701-1234567-7654321',
    buyerName: 'Diego S.',
    relayAddress: 'r5t6y7u8i9o0p1a@marketplace.amazon.com.mx',
    buyerText: 'Perfecto, entonces espero el reembolso.',
    noResponseNeededHint: false,
  },
};

const thanks: RelaySample = {
  name: 'NL amazon.nl, a thank-you only (no response needed hint)',
  eml: eml(
    {
      ...COMMON,
      From: '"Sanne V. - Amazon Marketplace" <l1k2j3h4g5f6d7s@marketplace.amazon.nl>',
      To: 'klantenservice@example-verkoper.nl',
      Subject: 'Re: Uw bestelling 171-2345678-3456789',
      Date: 'Sat, 25 Jan 2025 12:00:00 +0100',
      'Message-ID': '<thanks-nl@email.amazonses.com>',
      'Content-Type': 'text/plain; charset=UTF-8',
      'Content-Transfer-Encoding': '8bit',
    },
    `------------- Begin bericht -------------

Hartelijk dank! 👍

------------- Einde bericht -------------
`,
  ),
  expected: {
    kind: 'buyer_message',
    marketplace: 'NL',
    orderId: '171-2345678-3456789',
    buyerName: 'Sanne V.',
    relayAddress: 'l1k2j3h4g5f6d7s@marketplace.amazon.nl',
    buyerText: 'Hartelijk dank! 👍',
    noResponseNeededHint: true,
  },
};

/** Buyer messages: every one must yield exactly the expected buyer text. */
export const BUYER_SAMPLES: readonly RelaySample[] = [en, de, fr, it, es, ja, htmlOnly, photo, chain, chainGmail, thanks];

const relayBounce: RelaySample = {
  name: 'relay bounce: the buyer opted out of unsolicited messages',
  eml: eml(
    {
      ...COMMON,
      From: '"Amazon Seller Notifications" <donotreply@amazon.com>',
      To: 'support@example-seller.com',
      Subject: 'Your e-mail to Jane D. could not be delivered',
      Date: 'Tue, 14 Jan 2025 17:00:00 +0000',
      'Message-ID': '<relay-bounce-1@amazon.com>',
      'Content-Type': 'text/plain; charset=UTF-8',
    },
    `Your e-mail to 8h6j2m1l3x9s2dq@marketplace.amazon.com could not be delivered.

The buyer has opted out of unsolicited messages. If your message is critical to completing the order, reply on the buyer's original message thread.

Order ID: 114-1234567-1234567
`,
  ),
  expected: {
    kind: 'relay_bounce',
    marketplace: 'US',
    orderId: '114-1234567-1234567',
    buyerName: null,
    relayAddress: '8h6j2m1l3x9s2dq@marketplace.amazon.com',
    buyerText: '',
    noResponseNeededHint: false,
  },
};

const relayBounceDe: RelaySample = {
  name: 'relay bounce (German), from donotreply@marketplace.amazon.de',
  eml: eml(
    {
      ...COMMON,
      From: 'Amazon <donotreply@marketplace.amazon.de>',
      To: 'service@example-haendler.de',
      Subject: word('Ihre E-Mail an Max M. konnte nicht zugestellt werden'),
      Date: 'Wed, 15 Jan 2025 11:00:00 +0100',
      'Message-ID': '<relay-bounce-de@amazon.de>',
      'Content-Type': 'text/plain; charset=UTF-8',
      'Content-Transfer-Encoding': '8bit',
    },
    `Ihre Nachricht enthielt einen Link, der nicht zulässig ist.

Bestellnummer: 302-2345678-3456789
`,
  ),
  expected: {
    kind: 'relay_bounce',
    marketplace: 'DE',
    orderId: '302-2345678-3456789',
    buyerName: null,
    relayAddress: null,
    buyerText: '',
    noResponseNeededHint: false,
  },
};

const notification: RelaySample = {
  name: 'Amazon system notification ("Sold, ship now") from donotreply@amazon.de',
  eml: eml(
    {
      ...COMMON,
      From: '"Amazon Seller Central" <donotreply@amazon.de>',
      To: 'service@example-haendler.de',
      Subject: word('Verkauft, jetzt versenden: 302-9999999-1111111'),
      Date: 'Thu, 16 Jan 2025 07:00:00 +0100',
      'Message-ID': '<sold-ship-now@amazon.de>',
      'Content-Type': 'text/plain; charset=UTF-8',
      'Content-Transfer-Encoding': '8bit',
    },
    `Sie haben einen Artikel verkauft. Bitte versenden Sie ihn jetzt.

Bestellnummer: 302-9999999-1111111
`,
  ),
  expected: {
    kind: 'system_notification',
    marketplace: 'DE',
    orderId: '302-9999999-1111111',
    buyerName: null,
    relayAddress: null,
    buyerText: '',
    noResponseNeededHint: false,
  },
};

const sellerCopy: RelaySample = {
  name: "Amazon's copy of the seller's own message (not buyer text)",
  eml: eml(
    {
      ...COMMON,
      From: '"Example Seller - Amazon Marketplace" <v6b5n4m3l2k1j0h@marketplace.amazon.com>',
      To: 'support@example-seller.com',
      Subject: 'Here is a copy of your message to Jane D. (Order: 114-1234567-1234567)',
      Date: 'Tue, 14 Jan 2025 16:00:00 +0000',
      'Message-ID': '<seller-copy@email.amazonses.com>',
      'Content-Type': 'text/plain; charset=UTF-8',
    },
    `Here is a copy of the e-mail that you sent to Jane D.

Order ID: 114-1234567-1234567

------------- Begin message -------------

Dear Jane, we are sending a replacement today.

------------- End message -------------
`,
  ),
  expected: {
    kind: 'system_notification',
    marketplace: 'US',
    orderId: '114-1234567-1234567',
    buyerName: null,
    relayAddress: 'v6b5n4m3l2k1j0h@marketplace.amazon.com',
    buyerText: '',
    noResponseNeededHint: false,
  },
};

/** Amazon mail that is NOT a buyer message. */
export const SYSTEM_SAMPLES: readonly RelaySample[] = [relayBounce, relayBounceDe, notification, sellerCopy];
