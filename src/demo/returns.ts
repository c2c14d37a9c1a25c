// Returns and refunds of ordinary orders (no injected scenario). FBA orders here never end in a
// claimable state: a refunded FBA return is received by the FC within 18 days of the refund, and
// units graded DAMAGED/CARRIER_DAMAGED are reimbursed by the report writer.

import { MIXED_ALNUM, type Rng } from './rng.ts';
import { addDays, addHours, DAY_MS } from './format.ts';
import { licensePlateNumber } from './ids.ts';
import { FULFILLMENT_CENTERS } from './places.ts';
import { proratedTotal } from './pricing.ts';
import { backgroundReason, gradeReturn, reasonForIntent, returnComment, shopifyReason, tiktokReason } from './return-reasons.ts';
import type { AccountKey, DemoOrderItem, DemoRefund, DemoReturn, Fulfillment, Intent, Language } from './types.ts';

export interface ReturnsInput {
  rng: Rng;
  account: AccountKey;
  fulfillment: Fulfillment;
  currency: string;
  language: Language;
  orderExternalId: string;
  items: DemoOrderItem[];
  totals: { subtotalMinor: number; totalMinor: number; shippingMinor: number };
  deliveredAt: Date | null;
  now: Date;
  intent: Intent | null;
  /** When the buyer first wrote (returns requested after it). */
  contactAt: Date | null;
}

export interface ReturnsResult {
  returns: DemoReturn[];
  refunds: DemoRefund[];
}

const isAmazon = (a: AccountKey): boolean => a === 'amazon-us' || a === 'amazon-de';

function returnId(rng: Rng, account: AccountKey): string {
  if (isAmazon(account)) return `D${rng.chars(MIXED_ALNUM, 8)}RRMA`;
  if (account === 'shopify') return `2${rng.digits(10)}`;
  return `57${rng.digits(16)}`;
}

export function refundId(rng: Rng, account: AccountKey): string {
  if (isAmazon(account)) return `${rng.int(1, 9)}${rng.digits(13)}`;
  if (account === 'shopify') return `9${rng.digits(11)}`;
  return `57${rng.digits(16)}`;
}

export function channelReason(account: AccountKey, reason: string): string {
  if (account === 'shopify') return shopifyReason(reason);
  if (account === 'tiktok') return tiktokReason(reason);
  return reason;
}

export interface NewReturn {
  line: DemoOrderItem;
  reason: string;
  comment: string | null;
  requestedAt: Date;
  receivedAt: Date | null;
  disposition: string | null;
}

export function makeReturn(rng: Rng, input: ReturnsInput, r: NewReturn): DemoReturn {
  const received = r.receivedAt !== null && r.receivedAt.getTime() <= input.now.getTime();
  const fba = input.fulfillment === 'FBA';
  const base: DemoReturn = {
    externalId: returnId(rng, input.account),
    sku: r.line.sku,
    quantity: r.line.quantity,
    reason: channelReason(input.account, r.reason),
    customerComment: r.comment,
    disposition: received ? r.disposition : null,
    status: received ? 'received' : r.receivedAt ? 'in_transit' : 'requested',
    requestedAt: r.requestedAt,
    receivedAt: received ? r.receivedAt : null,
  };
  if (!fba) return base;
  const fcs = FULFILLMENT_CENTERS[input.account === 'amazon-de' ? 'DE' : 'US'];
  return { ...base, licensePlateNumber: licensePlateNumber(rng), fulfillmentCenterId: rng.pick(fcs)[0] };
}

export function makeRefund(rng: Rng, input: ReturnsInput, amountMinor: number, reason: string, at: Date, returnIndex?: number): DemoRefund {
  const refund: DemoRefund = { externalId: refundId(rng, input.account), amountMinor, currency: input.currency, reason, refundedAt: at };
  return returnIndex === undefined ? refund : { ...refund, returnIndex };
}

export function lineRefund(input: ReturnsInput, line: DemoOrderItem): number {
  return proratedTotal(input.totals, line.unitPriceMinor * line.quantity);
}

function returnProbability(intent: Intent | null): number {
  switch (intent) {
    case 'damaged_defective': return 0.65;
    case 'wrong_item': return 0.7;
    case 'return_request': return 0.85;
    case 'refund_request': return 0.5;
    default: return 0.05;
  }
}

function requestTime(rng: Rng, input: ReturnsInput, deliveredAt: Date): Date {
  const t = addDays(deliveredAt, rng.int(1, 20));
  if (!input.contactAt) return t;
  const afterContact = addHours(input.contactAt, rng.int(2, 20));
  return input.intent ? afterContact : new Date(Math.max(t.getTime(), afterContact.getTime()));
}

/** A return of one order line: Amazon refunds at drop-off, Shopify/TikTok after receipt. */
function backgroundReturn(input: ReturnsInput, deliveredAt: Date): ReturnsResult {
  const { rng, now } = input;
  const reason = input.intent ? reasonForIntent(rng, input.intent) : backgroundReason(rng);
  const requestedAt = requestTime(rng, input, deliveredAt);
  if (requestedAt.getTime() > now.getTime()) return { returns: [], refunds: [] };
  const line = rng.pick(input.items);
  const amazon = isAmazon(input.account);
  const receivedAt = addDays(requestedAt, amazon ? rng.int(6, 20) : rng.int(5, 12));
  const refundAt = amazon ? addDays(requestedAt, rng.int(2, 6)) : addDays(receivedAt, rng.int(1, 3));
  const ret = makeReturn(rng, input, {
    line, reason, requestedAt, receivedAt,
    comment: returnComment(rng, reason, input.language),
    disposition: gradeReturn(rng, reason),
  });
  const refunds = refundAt.getTime() <= now.getTime()
    ? [makeRefund(rng, input, lineRefund(input, line), 'Customer return', refundAt, 0)]
    : [];
  return { returns: [ret], refunds };
}

/** Refunds without a return: only off Amazon FBA (where they would become claims). */
function returnlessRefund(input: ReturnsInput): ReturnsResult | null {
  const { rng, now, intent } = input;
  if (input.fulfillment === 'FBA' || !input.contactAt) return null;
  const at = addHours(input.contactAt, rng.int(4, 60));
  if (at.getTime() > now.getTime()) return null;
  if (intent === 'not_received' && rng.chance(0.45)) {
    return { returns: [], refunds: [makeRefund(rng, input, input.totals.totalMinor, 'Item not received', at)] };
  }
  if (intent === 'damaged_defective' && input.deliveredAt && rng.chance(0.3)) {
    const goodwill = Math.floor((input.totals.totalMinor * rng.int(15, 30)) / 100);
    return { returns: [], refunds: [makeRefund(rng, input, goodwill, 'Partial refund: damaged item kept by buyer', at)] };
  }
  return null;
}

export function buildReturns(input: ReturnsInput): ReturnsResult {
  const none: ReturnsResult = { returns: [], refunds: [] };
  const returnless = returnlessRefund(input);
  if (returnless) return returnless;
  const deliveredAt = input.deliveredAt;
  if (!deliveredAt || !input.rng.chance(returnProbability(input.intent))) return none;
  if (input.now.getTime() - deliveredAt.getTime() < DAY_MS) return none;
  return backgroundReturn(input, deliveredAt);
}
