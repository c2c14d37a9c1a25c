/**
 * Amazon buyer–seller messaging relay mail.
 *
 * Amazon has no API to read buyer messages: they reach the seller as e-mail from an anonymised alias per
 * buyer–seller pair (`<random>@marketplace.amazon.<tld>`, sometimes `…+<case id>@…`, sometimes in Reply-To),
 * and the seller answers by replying to that alias. The buyer's words sit inside an Amazon template
 * ("Order ID: …", product lines, "------------- Begin message -------------" … "------------- End message
 * -------------", a footer with Seller Central links, "Was this email helpful?", a copyright line), translated
 * per marketplace. No public sample of these mails exists; the template knowledge here comes from the
 * documented behaviour (reference §5.3) and from formats quoted in public code, and is deliberately tolerant:
 * - the message markers are found generically (a line of dashes around a label), in any language;
 * - without markers, known template lines are removed line by line and the footer is cut;
 * - quoted history inside the buyer's text ("--- Original message ---", "On … wrote:") is cut as for any mail.
 *
 * Amazon's own notifications from the same domains (donotreply@…, copies of the seller's own sent message,
 * "Your e-mail to … could not be delivered" relay bounces) are recognised so they are never taken for buyer
 * text.
 */
import { MARKETPLACES } from '../../kernel/index.ts';
import { splitQuoted } from './quote.ts';

export type AmazonMailKind = 'buyer_message' | 'relay_bounce' | 'system_notification';

export interface AmazonRelay {
  readonly kind: AmazonMailKind;
  /** Our marketplace code (`US`, `DE`, `JP`, …) from the Amazon domain, or null when the domain is unknown. */
  readonly marketplace: string | null;
  /**
   * The buyer's anonymised alias as written (a `+tag` may carry Amazon's case id), where replies must go;
   * null when the mail carries none.
   */
  readonly relayAddress: string | null;
  /** Stable buyer id: the alias lower-cased without `+tag` (one per buyer–seller pair); null with no alias. */
  readonly buyerId: string | null;
  /** Amazon order id (3-7-7 digits), or null (e.g. a question about a product before ordering). */
  readonly orderId: string | null;
  readonly buyerName: string | null;
  /** What the buyer wrote, Amazon's template and quoted history removed. Empty for non-buyer mail. */
  readonly buyerText: string;
  /**
   * True when `buyerText` is only thanks/acknowledgement. A suggestion for the agent's "No response needed"
   * button; Amazon itself never marks messages.
   */
  readonly noResponseNeededHint: boolean;
  /** Which address, phrase or structure decided `kind`. */
  readonly reason: string;
}

/** Amazon marketplace mail domains → our marketplace codes. Kernel marketplaces first, then the others. */
const EXTRA_DOMAINS: readonly (readonly [string, string])[] = [
  ['amazon.com.br', 'BR'],
  ['amazon.com.be', 'BE'],
  ['amazon.com.tr', 'TR'],
  ['amazon.ae', 'AE'],
  ['amazon.sa', 'SA'],
  ['amazon.eg', 'EG'],
  ['amazon.in', 'IN'],
  ['amazon.sg', 'SG'],
  ['amazon.ie', 'IE'],
];

export const AMAZON_DOMAIN_MARKETPLACE: ReadonlyMap<string, string> = new Map<string, string>([
  ...MARKETPLACES.map((m) => [m.domain, m.code] as [string, string]),
  ...EXTRA_DOMAINS.filter(([d]) => !MARKETPLACES.some((m) => m.domain === d)),
]);

/** The Amazon base domain of an address's domain ("m.marketplace.amazon.co.uk" → "amazon.co.uk"), or null. */
function amazonBaseDomain(domain: string): string | null {
  const d = domain.toLowerCase().replace(/\.$/, '');
  let best: string | null = null;
  for (const base of AMAZON_DOMAIN_MARKETPLACE.keys()) {
    if ((d === base || d.endsWith(`.${base}`)) && (best === null || base.length > best.length)) best = base;
  }
  return best;
}

export function marketplaceForAmazonDomain(domain: string): string | null {
  const base = amazonBaseDomain(domain);
  return base === null ? null : (AMAZON_DOMAIN_MARKETPLACE.get(base) ?? null);
}

/** Local parts Amazon uses for its own senders; never a buyer alias. */
const SYSTEM_LOCAL_PARTS = /^(?:do-?not-?reply|no-?reply|noreply|seller-notification|seller-info|auto-confirm|auto-?notify|notifications?|marketplace-messages|payments-messages|seller-performance|store-news|sellercentral|bounce[s]?|mailer-daemon|postmaster)$/i;

/** `<alias>@[sub.]marketplace.amazon.<tld>`, the alias letters/digits with an optional `+tag`. */
export function isAmazonRelayAddress(address: string): boolean {
  const m = /^([a-z0-9]+)(?:\+[a-z0-9._-]+)?@((?:[a-z0-9-]+\.)*marketplace\.amazon\.[a-z.]+)$/i.exec(address.trim());
  if (m === null) return false;
  const [, local = '', domain = ''] = m;
  if (SYSTEM_LOCAL_PARTS.test(local) || local.length < 6 || local.length > 40) return false;
  const base = amazonBaseDomain(domain);
  return base !== null && domain.toLowerCase().endsWith(`marketplace.${base}`);
}

/** "AbC123+case@marketplace.amazon.de" → "abc123@marketplace.amazon.de". */
export function buyerIdOf(relayAddress: string): string {
  const a = relayAddress.trim().toLowerCase();
  const at = a.lastIndexOf('@');
  const local = a.slice(0, at);
  const plus = local.indexOf('+');
  return `${plus === -1 ? local : local.slice(0, plus)}${a.slice(at)}`;
}

/** Any address at an Amazon marketplace domain or subdomain (system senders included). */
export function isAmazonAddress(address: string): boolean {
  const at = address.lastIndexOf('@');
  return at > 0 && amazonBaseDomain(address.slice(at + 1)) !== null;
}

export const AMAZON_ORDER_ID = /(?<!\d)(\d{3}-\d{7}-\d{7})(?!\d)/;
const AMAZON_ORDER_ID_G = new RegExp(AMAZON_ORDER_ID.source, 'g');

/** The first Amazon order id in a text, or null. */
export function findAmazonOrderId(text: string): string | null {
  return AMAZON_ORDER_ID.exec(text)?.[1] ?? null;
}

const ORDER_LABEL =
  /(?:order(?:\s*(?:id|number|no\.?|#))?|bestellung|bestellnummer|commande|n°\s*de\s*commande|num[ée]ro\s+de\s+commande|ordine|numero\s+(?:d['’]\s*)?ordine|n\.?\s*ordine|pedido|n\.?[º°]?\s*de\s*pedido|n[úu]mero\s+de\s+pedido|注文番号|注文)\s*[:：#]?\s*(\d{3}-\d{7}-\d{7})/i;

/** The buyer-name labels of the template, per language ("Message from customer Jane D."). */
const NAME_LABELS: readonly RegExp[] = [
  /^(?:message|inquiry|question|enquiry)\s+from\s+(?:amazon\s+)?(?:customer|buyer)\s*:?\s*(.+)$/i,
  /^nachricht\s+von\s+(?:amazon-?)?(?:kunde|kundin|käufer|käuferin)\s*:?\s*(.+)$/i,
  /^message\s+(?:du|de\s+la|de\s+l['’])\s*(?:client|cliente|acheteur|acheteuse)\s*(?:amazon\s*)?:?\s*(.+)$/i,
  /^messaggio\s+(?:dal|del|della)\s+(?:cliente|acquirente)\s*(?:amazon\s*)?:?\s*(.+)$/i,
  /^mensaje\s+(?:del|de\s+la)\s+(?:cliente|comprador|compradora)\s*(?:de\s+amazon\s*)?:?\s*(.+)$/i,
  /^mensagem\s+do\s+(?:cliente|comprador)\s*:?\s*(.+)$/i,
  /^(?:購入者|お客様)(?:からの(?:メッセージ|お問い合わせ))\s*[:：]?\s*(.+)$/,
];
/** The same labels as they appear in subjects ("Inquiry from Amazon customer Jane D. (Order: …)"). */
const SUBJECT_NAME: readonly RegExp[] = [
  /from\s+amazon\s+customer\s+(.+?)\s*(?:\(|$)/i,
  /von\s+amazon-?kunde\s+(.+?)\s*(?:\(|$)/i,
  /(?:du|de\s+la\s+part\s+du)\s+client\s+amazon\s+(.+?)\s*(?:\(|$)/i,
  /dal\s+cliente\s+amazon\s+(.+?)\s*(?:\(|$)/i,
  /del\s+cliente\s+de\s+amazon\s+(.+?)\s*(?:\(|$)/i,
  /購入者\s*(.+?)\s*様/,
];

/** A template line that starts with an order label ("Order ID: 114-…", "Bestellnummer: 302-…", "注文番号：249-…"). */
const ORDER_LINE =
  /^(?:order\s*(?:id|number|no\.?|#)|order\s*[:：]|bestellnummer|bestellung\s*[:：]|n°\s*de\s*commande|num[ée]ro\s+de\s+commande|commande\s*[:：]|numero\s+(?:d['’]\s*)?ordine|ordine\s*[:：]|n[úu]mero\s+de\s+pedido|n\.?[º°]\s*de\s*pedido|pedido\s*(?:n[º°.]\s*)?[:：]|注文番号)\s*[:：#]?\s*\d{3}-\d{7}-\d{7}/i;

/** Template lines above the buyer's text: who wrote, which order, which product. */
const HEADER_LINE: readonly RegExp[] = [
  ...NAME_LABELS,
  ORDER_LINE,
  /^ASIN\s*[:：]/i,
  /\[ASIN:\s*\w+\]/i, // "1 of Girls' Velvet Robe … [ASIN: B01…]"
  /^#\s*\t?\s*(?:ASIN|product|produkt|produit|prodotto|producto|商品)/i,
  /^(?:item|product|artikel|produkt|article|produit|articolo|prodotto|art[íi]culo|producto|商品名?|数量|quantity|menge|quantit[ée]|quantit[àa]|cantidad)\s*[:：]/i,
];

/** Other template lines (greetings and notices of the template). */
const TEMPLATE_LINE: readonly RegExp[] = [
  ...HEADER_LINE,
  /^(?:dear seller|sehr geehrte[rs]? verkäufer(?:in)?|cher vendeur|chère vendeuse|gentile venditore|estimado vendedor|出品者様)[,:]?$/i,
  /^(?:you have received a message|sie haben eine nachricht (?:erhalten|von)|vous avez reçu un message|hai ricevuto un messaggio|has recibido un mensaje|você recebeu uma mensagem|メッセージが届きました|購入者からメッセージが届いています).*$/i,
  /^\[commMgrTok:[^\]]*\]$/i,
];

/** Lines from which on everything is Amazon's footer. */
const FOOTER_START: readonly RegExp[] = [
  /^to respond to this (?:customer|buyer)/i,
  /^(?:um (?:diesem|dieser) (?:kunden|kundin|käufer)|um auf diese nachricht) zu antworten/i,
  /^pour répondre à (?:ce|cette) (?:client|cliente|acheteur)/i,
  /^per rispondere a (?:questo|questa) (?:cliente|acquirente)/i,
  /^para responder a (?:este|esta) (?:cliente|comprador)/i,
  /^para responder, responda/i,
  /^この(?:購入者|お客様)に返信/,
  /^was this (?:e-?mail|message) helpful/i,
  /^war diese e-?mail hilfreich/i,
  /^cet e-?mail vous a-t-il été utile/i,
  /^questa e-?mail ti è stata utile/i,
  /^¿?te (?:ha )?resultado útil este (?:correo|e-?mail)/i,
  /^このメールは役に立ちましたか/,
  /^for your information\s*:/i,
  /^zu ihrer information\s*:/i,
  /^pour (?:votre )?information\s*:/i,
  /^per (?:tua|sua) informazione\s*:/i,
  /^para (?:tu|su) información\s*:/i,
  /^ご参考[:：]/,
  /^(?:©|\(c\)|copyright\b)/i,
  /^\[commMgrTok:/i,
];

/** "------------- Begin message -------------", "------------- Ende der Nachricht -------------", … */
const MARKER = /^\s*-{5,}\s*([^-].*?)\s*-{5,}\s*$/;
/** Dash lines that are not Amazon's markers (a forward the buyer pasted). */
const NOT_A_MARKER = /forward|weitergeleitet|transf[ée]r[ée]|inoltrat|reenviad|encaminhad|転送/i;
const END_MARKER_LABEL = /(?:\bend\b|\bende\b|\bfin\b|\bfine\b|\bfim\b|encerrar|終了|結束|结束|おわり)/i;

/** Amazon's copy of a message the seller sent (not buyer text). */
const SELLER_COPY: readonly RegExp[] = [
  /here is a copy of the (?:e-?mail|message) (?:that )?you sent/i,
  /hier ist eine kopie (?:der|ihrer) (?:e-?mail|nachricht)/i,
  /voici une copie de (?:l['’]e-?mail|votre message)/i,
  /ecco una copia dell['’]e-?mail/i,
  /(?:esta es|aquí tienes) una copia del (?:correo|mensaje)/i,
  /送信したメールのコピー/,
];

/** Relay bounces: Amazon could not deliver the seller's message to the buyer. */
const RELAY_BOUNCE: readonly RegExp[] = [
  /your (?:e-?mail|message) to .{0,200}(?:could not be|was not|wasn['’]t) delivered/i,
  /(?:message|e-?mail) (?:could not be|was not) delivered/i,
  /delivery failure/i,
  /ihre (?:e-?mail|nachricht) an .{0,200}(?:konnte nicht zugestellt werden|wurde nicht zugestellt)/i,
  /konnte nicht zugestellt werden/i,
  /votre (?:e-?mail|message) (?:à|a) .{0,200}n['’]a pas pu être (?:remis|distribué|envoyé|livré)/i,
  /n['’]a pas pu être (?:remis|distribué)/i,
  /la (?:tua|sua) e-?mail (?:a|per) .{0,200}non è stat[ao] (?:consegnat|recapitat|inviat)/i,
  /non è stat[ao] (?:consegnat|recapitat)[ao]/i,
  /tu (?:correo(?: electrónico)?|mensaje|e-?mail) (?:a|para) .{0,200}no (?:se ha podido|pudo ser|ha podido ser) entregad?o?/i,
  /no se ha podido entregar/i,
  /(?:配信|送信)できませんでした/,
];

export interface AmazonRelayInput {
  readonly from: { readonly address: string; readonly name: string | null } | null;
  readonly replyTo: readonly { readonly address: string; readonly name: string | null }[];
  readonly subject: string;
  /** The full plain text of the mail (not quote-stripped). */
  readonly text: string;
}

function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1);
}

function cleanName(raw: string): string | null {
  const name = raw
    .replace(/\s*[-–—|]\s*(?:amazon\s+)?marketplace.*$/i, '')
    .replace(/\s*(?:via|über|par|tramite|a través de)\s+amazon.*$/i, '')
    .replace(/\s*[(（]?amazon\s*(?:マーケットプレイス|marketplace)[)）]?$/i, '')
    .replace(/\s*様$/, '')
    .replace(/[\s:：,;]+$/, '')
    .trim();
  return name === '' || /^amazon(?:\.[a-z.]+)?$/i.test(name) ? null : name;
}

function normaliseLines(text: string): string[] {
  return text.replace(/\r\n?/g, '\n').split('\n');
}

function findBuyerName(lines: readonly string[], subject: string, displayName: string | null): string | null {
  for (const line of lines) {
    const l = line.trim();
    for (const re of NAME_LABELS) {
      const m = re.exec(l);
      if (m?.[1]) {
        const n = cleanName(m[1].replace(/\s*\(.*$/, ''));
        if (n !== null) return n;
      }
    }
  }
  for (const re of SUBJECT_NAME) {
    const m = re.exec(subject);
    if (m?.[1]) {
      const n = cleanName(m[1]);
      if (n !== null) return n;
    }
  }
  return displayName === null ? null : cleanName(displayName);
}

function findOrderId(lines: readonly string[], subject: string): string | null {
  const fromSubject = findAmazonOrderId(subject);
  if (fromSubject !== null) return fromSubject;
  for (const line of lines) {
    const m = ORDER_LABEL.exec(line);
    if (m?.[1]) return m[1];
  }
  return null;
}

function isFooterStart(line: string): boolean {
  const l = line.trim();
  return FOOTER_START.some((re) => re.test(l));
}

/**
 * The buyer's own text inside Amazon's template. Exported for tests and for reuse on bodies that were
 * already extracted some other way.
 */
export function extractBuyerText(text: string): string {
  const lines = normaliseLines(text);
  const markers: number[] = [];
  lines.forEach((line, i) => {
    const m = MARKER.exec(line);
    if (m !== null && !NOT_A_MARKER.test(m[1] ?? '')) markers.push(i);
  });

  let body: string[];
  const first = markers[0];
  if (first !== undefined) {
    const label = MARKER.exec(lines[first] ?? '')?.[1] ?? '';
    if (markers.length === 1 && END_MARKER_LABEL.test(label)) {
      body = lines.slice(0, first); // only an end marker: what precedes it, minus the template lines
      body = body.filter((l) => !TEMPLATE_LINE.some((re) => re.test(l.trim())));
    } else {
      const second = markers[1];
      body = lines.slice(first + 1, second ?? lines.length);
    }
  } else {
    // No markers (e.g. the HTML template): the buyer's text follows the last header line (name, order,
    // product) and ends at the footer.
    const footerAt = lines.findIndex(isFooterStart);
    const region = footerAt === -1 ? lines : lines.slice(0, footerAt);
    let lastHeader = -1;
    region.forEach((line, i) => {
      if (HEADER_LINE.some((re) => re.test(line.trim()))) lastHeader = i;
    });
    body = region.slice(lastHeader + 1).filter((l) => !TEMPLATE_LINE.some((re) => re.test(l.trim())));
  }
  // A footer can still follow inside the markers when Amazon omits the end marker.
  const footer = body.findIndex(isFooterStart);
  if (footer !== -1) body = body.slice(0, footer);
  const joined = body.map((l) => l.replace(/[ \t\u00a0]+$/, '')).join('\n').replace(/\n{3,}/g, '\n\n').trim();
  return splitQuoted(joined).reply;
}

const ACK_PHRASES: readonly string[] = [
  // English
  'thank you very much', 'thank you so much', 'thanks a lot', 'thanks so much', 'many thanks', 'thank you', 'thanks',
  'thank u', 'thx', 'ty', 'cheers', 'got it', 'received', 'all good', 'ok', 'okay', 'great', 'perfect', 'awesome',
  'much appreciated', 'appreciate it', 'noted', 'sounds good', 'will do',
  // German
  'vielen herzlichen dank', 'herzlichen dank', 'vielen dank', 'danke schön', 'danke schon', 'dankeschön', 'danke',
  'alles klar', 'super', 'prima', 'passt', 'erhalten',
  // French
  'merci beaucoup', 'merci bien', 'merci', "d'accord", 'parfait', 'très bien', 'reçu', 'super',
  // Italian
  'grazie mille', 'grazie tante', 'grazie', 'perfetto', 'va bene', 'ricevuto', 'ottimo',
  // Spanish / Portuguese
  'muchas gracias', 'mil gracias', 'gracias', 'perfecto', 'vale', 'de acuerdo', 'recibido', 'muito obrigado',
  'muito obrigada', 'obrigado', 'obrigada',
  // Dutch / Swedish / Polish / Turkish
  'hartelijk dank', 'dank je wel', 'dank u wel', 'bedankt', 'tack så mycket', 'tack', 'dziękuję bardzo', 'dziękuję',
  'teşekkür ederim', 'teşekkürler',
  // Japanese
  'ありがとうございました', 'ありがとうございます', 'ありがとう', '了解しました', '承知しました', '承知いたしました',
  'よろしくお願いします', 'よろしくお願いいたします', '受け取りました', '届きました',
];
const FILLER = new Set([
  'so', 'much', 'very', 'again', 'a', 'lot', 'lots', 'for', 'the', 'your', 'all', 'you', 'and', 'help', 'everything',
  'hi', 'hello', 'dear', 'sir', 'madam', 'seller', 'team', 'best', 'regards', 'kind', 'sincerely', 'have', 'nice',
  'day', 'it', 'i', 'oh', 'wow', 'item', 'package', 'parcel', 'order', 'product', 'reply', 'quick', 'fast',
  'nochmals', 'für', 'die', 'schnelle', 'antwort', 'hilfe', 'hallo', 'liebe', 'grüße', 'gruß', 'mfg', 'lg',
  'encore', 'pour', 'votre', 'aide', 'bonjour', 'cordialement', 'ancora', 'per', 'il', 'la', 'tua', 'buongiorno',
  'saluti', 'por', 'su', 'tu', 'ayuda', 'hola', 'saludos', 'de', 'nuevo', 'otra', 'vez', 'muy', 'tudo', 'bem',
]);

const ACK_SORTED = [...ACK_PHRASES].sort((a, b) => b.length - a.length);
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

function normaliseWords(s: string): string {
  return s.normalize('NFC').toLowerCase().replace(/[\p{P}\p{S}\s]+/gu, ' ').trim();
}

/** True when the text is only thanks/acknowledgement (optionally with greetings and the buyer's name). */
export function isAcknowledgementOnly(text: string, buyerName: string | null = null): boolean {
  const t = text.trim();
  if (t === '' || t.length > 160 || /[?？¿]/.test(t)) return false;
  let rest = ` ${normaliseWords(t)} `;
  let matched = false;
  for (const phrase of ACK_SORTED) {
    const p = normaliseWords(phrase);
    const needle = CJK.test(p) ? p : ` ${p} `;
    while (rest.includes(needle)) {
      rest = rest.replace(needle, ' ');
      matched = true;
    }
  }
  if (!matched) return false;
  const nameWords = new Set(normaliseWords(buyerName ?? '').split(' ').filter(Boolean));
  return rest
    .split(' ')
    .filter(Boolean)
    .every((w) => FILLER.has(w) || nameWords.has(w));
}

/**
 * Recognises Amazon relay mail. Returns null for mail that has nothing to do with Amazon's marketplace
 * domains.
 */
export function recognizeAmazonRelay(input: AmazonRelayInput): AmazonRelay | null {
  const candidates = [input.from, ...input.replyTo].filter((a): a is { address: string; name: string | null } => a !== null && a.address !== '');
  const alias = candidates.find((a) => isAmazonRelayAddress(a.address)) ?? null;
  const amazonSender = input.from !== null && isAmazonAddress(input.from.address) ? input.from : null;
  if (alias === null && amazonSender === null) return null;

  const lines = normaliseLines(input.text);
  const domainSource = alias ?? amazonSender;
  const marketplace = domainSource === null ? null : marketplaceForAmazonDomain(domainOf(domainSource.address));
  const orderId = findOrderId(lines, input.subject);
  const head = `${input.subject}\n${lines.slice(0, 40).join('\n')}`;

  const base = { marketplace, orderId, buyerText: '', noResponseNeededHint: false } as const;

  const bounce = RELAY_BOUNCE.map((re) => re.exec(head)?.[0]).find((m) => m !== undefined);
  const fromIsAlias = input.from !== null && alias !== null && input.from.address === alias.address;
  if (bounce !== undefined && !fromIsAlias) {
    // The failed alias, when the notice names one.
    const named = /([a-z0-9]+(?:\+[a-z0-9._-]+)?@(?:[a-z0-9-]+\.)*marketplace\.amazon\.[a-z.]+)/i.exec(input.text)?.[1] ?? null;
    return {
      ...base,
      kind: 'relay_bounce',
      relayAddress: named !== null && isAmazonRelayAddress(named) ? named : null,
      buyerId: named !== null && isAmazonRelayAddress(named) ? buyerIdOf(named) : null,
      buyerName: null,
      reason: `Amazon relay bounce from ${input.from?.address ?? 'unknown sender'}: "${bounce.replace(/\s+/g, ' ').slice(0, 120)}"`,
    };
  }
  const copy = SELLER_COPY.find((re) => re.test(head));
  if (copy !== undefined) {
    return {
      ...base,
      kind: 'system_notification',
      relayAddress: alias?.address ?? null,
      buyerId: alias === null ? null : buyerIdOf(alias.address),
      buyerName: null,
      reason: "Amazon's copy of a message the seller sent",
    };
  }
  if (alias === null) {
    return {
      ...base,
      kind: 'system_notification',
      relayAddress: null,
      buyerId: null,
      buyerName: null,
      reason: `Amazon system sender ${input.from?.address ?? ''} (not a buyer alias)`,
    };
  }

  let buyerName = findBuyerName(lines, input.subject, alias.name);
  // HTML templates put the name in a heading, which the HTML-to-text conversion upper-cases.
  const displayName = alias.name === null ? null : cleanName(alias.name);
  if (buyerName !== null && displayName !== null && buyerName === buyerName.toUpperCase() && buyerName.toLowerCase() === displayName.toLowerCase()) {
    buyerName = displayName;
  }
  const buyerText = extractBuyerText(input.text);
  return {
    kind: 'buyer_message',
    marketplace,
    relayAddress: alias.address,
    buyerId: buyerIdOf(alias.address),
    orderId: orderId ?? findAmazonOrderId(buyerText),
    buyerName,
    buyerText,
    noResponseNeededHint: isAcknowledgementOnly(buyerText, buyerName),
    reason: `buyer alias ${alias.address} (${alias === input.from ? 'From' : 'Reply-To'})`,
  };
}

/** Every distinct Amazon order id in a text, in order of appearance. */
export function findAllAmazonOrderIds(text: string): string[] {
  return [...new Set([...text.matchAll(AMAZON_ORDER_ID_G)].map((m) => m[1] ?? ''))].filter(Boolean);
}
