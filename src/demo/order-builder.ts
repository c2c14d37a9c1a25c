// Builds order #index of the world from (seed, index) alone, plus a running Shopify order number.

import { Rng, type Weighted } from './rng.ts';
import { addBusinessDays, addDays, DAY_MS, endOfDay, minDate } from './format.ts';
import { amazonOrderId, shopifyOrderId, tiktokOrderId } from './ids.ts';
import { customerOnChannel, pickCustomer, type CustomerProfile } from './customers.ts';
import { isOrderScenario, purchaseTime, scenarioAt, type OrderScenario, type Scenario, type WorldPlan } from './plan.ts';
import { priceOrder, type PricedOrder } from './pricing.ts';
import { buildShipment } from './shipments.ts';
import { buildReturns, makeRefund, type ReturnsInput, type ReturnsResult } from './returns.ts';
import { buildScenarioReturns, type ScenarioOutcome } from './return-scenarios.ts';
import { planContact } from './conversation-intents.ts';
import { buildConversation } from './conversations.ts';
import type { AccountKey, DemoConversation, DemoCustomer, DemoOrder, DemoShipment, Fulfillment, Intent } from './types.ts';

export interface OrderWorld {
  index: number;
  order: DemoOrder;
  /** Scenario anchored at this order (order-bound or an FBA inventory incident). */
  scenario: Scenario | null;
  /** How an order-bound scenario played out (may be a decoy after degradation, or null if dropped). */
  outcome: ScenarioOutcome | null;
}

export interface Counters {
  shopify: number;
}

const CHANNEL_MIX: Weighted<readonly [AccountKey, Fulfillment]> = [
  [['amazon-us', 'FBA'], 40], [['amazon-us', 'FBM'], 15], [['amazon-de', 'FBA'], 20],
  [['shopify', 'SHOPIFY'], 15], [['tiktok', 'TIKTOK'], 10],
];

function externalIds(rng: Rng, account: AccountKey, index: number, counters: Counters): { externalId: string; name: string | null } {
  if (account === 'amazon-us') return { externalId: amazonOrderId(rng, 'US', index), name: null };
  if (account === 'amazon-de') return { externalId: amazonOrderId(rng, 'DE', index), name: null };
  if (account === 'tiktok') return { externalId: tiktokOrderId(rng, index), name: null };
  counters.shopify++;
  return { externalId: shopifyOrderId(rng, index), name: `#${1000 + counters.shopify}` };
}

function promises(rng: Rng, account: AccountKey, fulfillment: Fulfillment, at: Date, p: PricedOrder, country: string): { shipBy: Date; deliveryBy: Date } {
  if (fulfillment === 'FBA') {
    const days = !p.prime ? 5 : p.shipServiceLevel === 'NextDay' ? 1 : account === 'amazon-de' ? 2 : rng.int(2, 3);
    return { shipBy: endOfDay(addDays(at, 1)), deliveryBy: endOfDay(p.prime ? addDays(at, days) : addBusinessDays(at, days)) };
  }
  const handling = fulfillment === 'FBM' ? rng.int(1, 2) : fulfillment === 'SHOPIFY' ? 2 : 3;
  const shipBy = endOfDay(addBusinessDays(at, handling));
  const transit = country === 'CA' ? 8 : fulfillment === 'FBM' ? rng.int(3, 5) : fulfillment === 'SHOPIFY' ? 5 : rng.int(5, 7);
  return { shipBy, deliveryBy: endOfDay(addBusinessDays(shipBy, transit)) };
}

function amazonStatus(canceled: boolean, pending: boolean, s: DemoShipment | null): string {
  if (canceled) return 'Canceled';
  if (pending) return 'Pending';
  return s && s.uploadedToMarketplace ? 'Shipped' : 'Unshipped';
}

function statusFor(account: AccountKey, canceled: boolean, pending: boolean, s: DemoShipment | null, refunded: number, total: number, now: Date): string {
  if (account === 'amazon-us' || account === 'amazon-de') return amazonStatus(canceled, pending, s);
  if (account === 'shopify') {
    if (canceled || (refunded > 0 && refunded >= total)) return 'refunded';
    if (refunded > 0) return 'partially_refunded';
    return s ? 'fulfilled' : 'unfulfilled';
  }
  if (canceled) return 'CANCELLED';
  if (!s || !s.uploadedToMarketplace) return 'AWAITING_SHIPMENT';
  if (!s.deliveredAt) return 'IN_TRANSIT';
  return now.getTime() - s.deliveredAt.getTime() > 7 * DAY_MS ? 'COMPLETED' : 'DELIVERED';
}

interface Conv { intent: Intent | null; contactAt: Date | null }

function pickConversation(seed: number, index: number, canceled: boolean, s: DemoShipment | null, scen: OrderScenario | null, at: Date, deliveryBy: Date, now: Date): Conv {
  const rng = Rng.derive(seed, 'order', index, 'intent');
  const plan = planContact(rng, { canceled, purchasedAt: at, shipment: s, promisedDeliveryBy: deliveryBy, now }, scen);
  return plan ?? { intent: null, contactAt: null };
}

function cancelRefund(input: ReturnsInput, at: Date, now: Date): ReturnsResult {
  const refundAt = minDate(addDays(at, 0.2), now);
  return { returns: [], refunds: [makeRefund(input.rng, input, input.totals.totalMinor, 'Order cancelled', refundAt)] };
}

interface Base {
  seed: number;
  index: number;
  now: Date;
  purchasedAt: Date;
  scenario: Scenario | null;
  scen: OrderScenario | null;
  account: AccountKey;
  fulfillment: Fulfillment;
  profile: CustomerProfile;
  customer: DemoCustomer;
  ids: { externalId: string; name: string | null };
  priced: PricedOrder;
  prom: { shipBy: Date; deliveryBy: Date };
  pending: boolean;
  canceled: boolean;
}

function base(plan: WorldPlan, index: number, counters: Counters): Base {
  const { seed, now } = plan;
  const rng = Rng.derive(seed, 'order', index);
  const purchasedAt = purchaseTime(plan, index);
  const scenario = scenarioAt(plan, index);
  const scen = scenario && isOrderScenario(scenario) ? scenario : null;
  const [account, fulfillment] = scen ? (rng.chance(0.65) ? ['amazon-us', 'FBA'] as const : ['amazon-de', 'FBA'] as const) : rng.weighted(CHANNEL_MIX);
  const profile = pickCustomer(seed, rng, account, index, plan.orders);
  const ids = externalIds(rng, account, index, counters);
  const priced = priceOrder(Rng.derive(seed, 'order', index, 'price'), account, fulfillment, profile.home, scen !== null);
  const prom = promises(rng, account, fulfillment, purchasedAt, priced, profile.home.country);
  const pending = (account === 'amazon-us' || account === 'amazon-de') && now.getTime() - purchasedAt.getTime() < 1_800_000;
  const canceled = !scen && !pending && rng.chance(0.02);
  return {
    seed, index, now, purchasedAt, scenario, scen, account, fulfillment, profile,
    customer: customerOnChannel(seed, profile, account), ids, priced, prom, pending, canceled,
  };
}

function shipmentOf(b: Base): DemoShipment | null {
  if (b.canceled || b.pending) return null;
  return buildShipment({
    rng: Rng.derive(b.seed, 'order', b.index, 'ship'), account: b.account, fulfillment: b.fulfillment, purchasedAt: b.purchasedAt,
    promisedShipBy: b.prom.shipBy, promisedDeliveryBy: b.prom.deliveryBy, now: b.now, dest: b.profile.home,
    recipient: b.profile.name, orderValueMinor: b.priced.totalMinor, mustDeliver: b.scen !== null,
  });
}

function returnsOf(b: Base, shipment: DemoShipment | null, conv: Conv): { rr: ReturnsResult; outcome: ScenarioOutcome | null } {
  const input: ReturnsInput = {
    rng: Rng.derive(b.seed, 'order', b.index, 'returns'), account: b.account, fulfillment: b.fulfillment, currency: currencyOf(b.account),
    language: b.profile.language, orderExternalId: b.ids.externalId, items: b.priced.items, totals: b.priced,
    deliveredAt: shipment?.deliveredAt ?? null, now: b.now, intent: conv.intent, contactAt: conv.contactAt,
  };
  if (b.scen) {
    const r = buildScenarioReturns(input, b.scen);
    return { rr: r, outcome: r.outcome };
  }
  const rr = b.canceled && b.account === 'shopify' ? cancelRefund(input, b.purchasedAt, b.now) : buildReturns(input);
  return { rr, outcome: null };
}

const currencyOf = (a: AccountKey): 'USD' | 'EUR' => (a === 'amazon-de' ? 'EUR' : 'USD');

function conversationOf(b: Base, shipment: DemoShipment | null, conv: Conv, refunded: boolean): DemoConversation | undefined {
  if (!conv.intent || !conv.contactAt) return undefined;
  return buildConversation({
    rng: Rng.derive(b.seed, 'order', b.index, 'conversation'), index: b.index, account: b.account,
    orderRef: b.ids.name ?? b.ids.externalId, productTitle: b.priced.items[0]?.title ?? '', totalMinor: b.priced.totalMinor,
    currency: currencyOf(b.account), promisedDeliveryBy: b.prom.deliveryBy, shipCity: b.profile.home.city, customer: b.customer,
    firstName: b.profile.name.first, shipment, canceled: b.canceled, refunded, intent: conv.intent, contactAt: conv.contactAt, now: b.now,
  });
}

export function buildOrderWorld(plan: WorldPlan, index: number, counters: Counters): OrderWorld {
  const b = base(plan, index, counters);
  const shipment = shipmentOf(b);
  const conv = pickConversation(b.seed, index, b.canceled, shipment, b.scen, b.purchasedAt, b.prom.deliveryBy, b.now);
  const { rr, outcome } = returnsOf(b, shipment, conv);
  const conversation = conversationOf(b, shipment, conv, rr.refunds.length > 0);
  const refunded = rr.refunds.reduce((s, r) => s + r.amountMinor, 0);
  const { priced, profile } = b;
  const order: DemoOrder = {
    accountKey: b.account, channel: b.account === 'amazon-us' || b.account === 'amazon-de' ? 'amazon' : b.account,
    marketplace: b.account === 'amazon-de' ? 'DE' : 'US', externalId: b.ids.externalId, name: b.ids.name, fulfillment: b.fulfillment,
    status: statusFor(b.account, b.canceled, b.pending, shipment, refunded, priced.totalMinor, b.now),
    purchasedAt: b.purchasedAt, promisedShipBy: b.prom.shipBy, promisedDeliveryBy: b.prom.deliveryBy, currency: currencyOf(b.account),
    subtotalMinor: priced.subtotalMinor, shippingMinor: priced.shippingMinor, taxMinor: priced.taxMinor,
    discountMinor: priced.discountMinor, totalMinor: priced.totalMinor,
    shipCountry: profile.home.country, shipPostalCode: profile.home.postalCode, shipCity: profile.home.city,
    shipState: profile.home.state, shipServiceLevel: priced.shipServiceLevel, items: priced.items,
    shipments: shipment ? [shipment] : [], returns: rr.returns, refunds: rr.refunds, customer: b.customer,
    ...(conversation ? { conversation } : {}),
  };
  return { index, order, scenario: b.scenario, outcome };
}
