// Buyer ↔ seller conversations: the buyer's message in their language (several templates per
// intent, sometimes two intents, sometimes typos, sometimes a threat), an optional seller reply,
// follow-up and second reply. Message ids are unique per (order index, message number).

import { LOWER_ALNUM, type Rng } from './rng.ts';
import { addHours, DAY_MS, humanMoney } from './format.ts';
import { DEMO_BRAND, DEMO_SUPPORT_EMAIL } from './accounts.ts';
import { REPLIES, TEXTS, replyLanguage, type ReplyTexts } from './texts/index.ts';
import { chooseSignals, secondIntent } from './conversation-intents.ts';
import { fill, introduceTypo, localDate } from './text-fill.ts';
import type { AccountKey, DemoConversation, DemoCustomer, DemoMessage, DemoShipment, Intent, Language, Signal } from './types.ts';

export interface ConversationInput {
  rng: Rng;
  index: number;
  account: AccountKey;
  /** Order id as the buyer quotes it (Shopify: the #name). */
  orderRef: string;
  productTitle: string;
  totalMinor: number;
  currency: string;
  promisedDeliveryBy: Date | null;
  shipCity: string;
  customer: DemoCustomer;
  firstName: string;
  shipment: DemoShipment | null;
  canceled: boolean;
  /** The order has a refund: replies may say so; otherwise they must not. */
  refunded: boolean;
  intent: Intent;
  contactAt: Date;
  now: Date;
}

const AGENTS: Record<Language, readonly string[]> = {
  en: ['Emma', 'Priya', 'Jake', 'Olivia'], de: ['Jonas', 'Lena', 'Katrin'], fr: ['Camille', 'Emma'],
  it: ['Marco', 'Sofia'], es: ['Lucía', 'Diego'], ja: ['Emma'], zh: ['Emma'],
};

function vars(input: ConversationInput, lang: Language, agent: string): Record<string, string> {
  return {
    order: input.orderRef, product: input.productTitle, first: input.firstName, name: input.customer.name,
    carrier: input.shipment?.carrier ?? '', tracking: input.shipment?.trackingNumber ?? '',
    date: input.promisedDeliveryBy ? localDate(input.promisedDeliveryBy, lang) : '', city: input.shipCity,
    agent, brand: DEMO_BRAND, amount: humanMoney(input.totalMinor, input.currency),
  };
}

function subjectOf(input: ConversationInput, lang: Language, v: Record<string, string>): string {
  const { rng, account, firstName, orderRef } = input;
  if (account === 'amazon-de') return `Anfrage von Amazon-Kunde ${firstName} (Bestellung: ${orderRef})`;
  if (account === 'amazon-us') {
    const shipping = input.intent === 'where_is_my_order' || input.intent === 'not_received';
    const kind = shipping && rng.chance(0.5) ? 'Shipping inquiry' : input.intent === 'product_question' && rng.chance(0.5) ? 'Product details inquiry' : 'Inquiry';
    return `${kind} from Amazon customer ${firstName} (Order: ${orderRef})`;
  }
  if (account === 'tiktok') return `TikTok Shop message from ${firstName} (Order ${orderRef})`;
  return fill(rng.pick(TEXTS[lang].subjects[input.intent]), v);
}

function buyerBody(input: ConversationInput, intents: Intent[], signals: Signal[], v: Record<string, string>): string {
  const { rng } = input;
  const t = TEXTS[input.customer.language];
  const parts = intents.map((i) => fill(rng.pick(t.inbound[i]), v));
  for (const s of signals) parts.push(fill(rng.pick(t.signals[s]), v));
  let body = parts.join(rng.chance(0.5) ? '\n\n' : ' ');
  if (rng.chance(0.15)) body = introduceTypo(rng, body);
  const signOff = fill(rng.pick(t.signOffs), v);
  return signOff ? `${body}\n\n${signOff}` : body;
}

function sellerBody(input: ConversationInput, v: Record<string, string>, followUp: boolean): string {
  const r = REPLIES[replyLanguage(input.customer.language)];
  return fill(replyTemplate(input, r, followUp) + r.signature, v);
}

function replyTemplate(input: ConversationInput, r: ReplyTexts, followUp: boolean): string {
  const options = r.replies[input.intent];
  const first = options[0] ?? r.followUpPending;
  const last = options[options.length - 1] ?? r.followUpPending;
  if (followUp) return input.refunded ? (r.followUpReplies[0] ?? r.followUpPending) : r.followUpPending;
  if (input.intent === 'where_is_my_order' && !input.shipment) return r.notShipped;
  if (input.intent === 'cancel_order') return input.canceled ? first : last;
  if (input.intent === 'refund_request') return input.refunded ? first : options.length > 1 ? last : r.followUpPending;
  return input.rng.pick(options);
}

function messageId(input: ConversationInput, n: number, outbound: boolean): string {
  const { rng, account, index } = input;
  const unique = `${index.toString(36)}${n}`;
  if (account === 'tiktok') return `7${String(index).padStart(9, '0')}${n}${rng.digits(8)}`;
  if (outbound) return `<${rng.chars(LOWER_ALNUM, 12)}.${unique}@hearthwise-home.com>`;
  if (account === 'shopify') return `<CA${rng.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-', 30)}${unique}@mail.gmail.com>`;
  const domain = account === 'amazon-de' ? 'marketplace.amazon.de' : 'marketplace.amazon.com';
  return `<0100${rng.chars(LOWER_ALNUM, 16)}-${unique}@${domain}>`;
}

function addresses(input: ConversationInput): { buyer: string; seller: string } {
  if (input.account === 'tiktok') {
    return { buyer: input.customer.identities[0]?.externalId ?? input.customer.email, seller: 'shop:7495310862217451302' };
  }
  return { buyer: input.customer.email, seller: DEMO_SUPPORT_EMAIL };
}

interface Draft { at: Date; outbound: boolean; body: string }

interface Vars { buyer: Record<string, string>; seller: Record<string, string> }

function drafts(input: ConversationInput, v: Vars, first: string, signals: Signal[]): Draft[] {
  const { rng, now } = input;
  const out: Draft[] = [{ at: input.contactAt, outbound: false, body: first }];
  const within = (d: Date): boolean => d.getTime() <= now.getTime();
  // Old threads were answered; the unanswered ones are the recent queue.
  const fresh = (d: Date): boolean => now.getTime() - d.getTime() < 3 * DAY_MS;
  const reply = addHours(input.contactAt, rng.int(1, 30));
  if (!rng.chance(input.intent === 'thanks' ? 0.4 : fresh(input.contactAt) ? 0.7 : 0.995) || !within(reply)) return out;
  // A cancel request on an order that is neither cancelled nor shipped yet is still waiting for the seller.
  if (input.intent === 'cancel_order' && !input.canceled && !input.shipment) return out;
  out.push({ at: reply, outbound: true, body: sellerBody(input, v.seller, false) });
  const follow = addHours(reply, rng.int(10, 60));
  if (input.intent === 'thanks' || !rng.chance(0.35) || !within(follow)) return out;
  const t = TEXTS[input.customer.language];
  const escalate = signals.length === 0 && rng.chance(0.3) ? chooseSignals(rng, input.account, input.intent) : [];
  signals.push(...escalate);
  const tracking = (input.intent === 'where_is_my_order' || input.intent === 'not_received') && input.shipment && rng.chance(0.5);
  const followBody = [fill(tracking ? t.trackingFollowUp : rng.pick(t.followUps), v.buyer), ...escalate.map((s) => fill(rng.pick(t.signals[s]), v.buyer))].join(' ');
  out.push({ at: follow, outbound: false, body: followBody });
  const second = addHours(follow, rng.int(2, 20));
  if (rng.chance(fresh(follow) ? 0.5 : 0.995) && within(second)) out.push({ at: second, outbound: true, body: sellerBody(input, v.seller, true) });
  return out;
}

function statusOf(intent: Intent, last: Draft, now: Date): DemoConversation['status'] {
  const age = now.getTime() - last.at.getTime();
  if (!last.outbound) return intent !== 'thanks' || age <= DAY_MS ? 'open' : age < 10 * DAY_MS ? 'solved' : 'closed';
  if (age < 2 * DAY_MS) return 'pending';
  return age < 10 * DAY_MS ? 'solved' : 'closed';
}

export function buildConversation(input: ConversationInput): DemoConversation {
  const { rng } = input;
  const lang = input.customer.language;
  const agent = rng.pick(AGENTS[replyLanguage(lang)]);
  const v: Vars = { buyer: vars(input, lang, agent), seller: vars(input, replyLanguage(lang), agent) };
  const second = secondIntent(rng, input.intent);
  const intents: Intent[] = second ? [input.intent, second] : [input.intent];
  const signals = chooseSignals(rng, input.account, input.intent);
  const subject = subjectOf(input, lang, v.buyer);
  const list = drafts(input, v, buyerBody(input, intents, signals, v.buyer), signals);
  const { buyer, seller } = addresses(input);
  const messages: DemoMessage[] = [];
  list.forEach((d, n) => {
    const prev = messages[n - 1];
    messages.push({
      channelMessageId: messageId(input, n, d.outbound),
      inReplyTo: prev ? prev.channelMessageId : null,
      direction: d.outbound ? 'outbound' : 'inbound',
      fromAddress: d.outbound ? seller : buyer,
      toAddress: d.outbound ? buyer : seller,
      subject: n === 0 ? subject : `RE: ${subject}`,
      bodyText: d.body,
      sentAt: d.at,
    });
  });
  const root = messages[0] as DemoMessage;
  const last = list[list.length - 1] as Draft;
  return {
    threadId: root.channelMessageId, subject, language: lang, intent: input.intent, intents,
    signals: [...new Set(signals)], status: statusOf(input.intent, last, input.now), messages,
  };
}
