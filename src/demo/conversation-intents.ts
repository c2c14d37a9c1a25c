// Which buyers write, about what, and when — consistent with the order's state: damage complaints
// only after delivery, cancel/address-change requests before shipping, "where is my order" while
// the parcel is under way or late, etc.

import type { Rng, Weighted } from './rng.ts';
import { DAY_MS } from './format.ts';
import type { OrderScenario } from './plan.ts';
import type { AccountKey, DemoShipment, Intent, Signal } from './types.ts';

export type OrderState = 'canceled' | 'unshipped' | 'in_transit' | 'delivered';

export const CONVERSATION_RATE = 0.3;

const BY_STATE: Record<OrderState, Weighted<Intent>> = {
  canceled: [['refund_request', 40], ['cancel_order', 40], ['product_question', 20]],
  unshipped: [['cancel_order', 28], ['change_order', 25], ['where_is_my_order', 22], ['shipping_cost', 6], ['product_question', 12], ['invoice_request', 7]],
  in_transit: [['where_is_my_order', 52], ['not_received', 12], ['change_order', 8], ['cancel_order', 5], ['shipping_cost', 6], ['product_question', 8], ['invoice_request', 9]],
  delivered: [['damaged_defective', 18], ['wrong_item', 7], ['return_request', 16], ['refund_request', 8], ['not_received', 6],
    ['product_question', 14], ['invoice_request', 9], ['thanks', 15], ['shipping_cost', 4], ['where_is_my_order', 3]],
};

/** Scenario orders: the buyer usually complained about the item first. */
const SCENARIO_INTENT: Partial<Record<OrderScenario, readonly [Intent, number]>> = {
  return_sellable_but_damaged: ['damaged_defective', 0.85],
  return_damaged_unreimbursed: ['damaged_defective', 0.55],
  lk_return_damaged_reimbursed: ['damaged_defective', 0.55],
  lk_return_damaged_recent: ['damaged_defective', 0.5],
  lk_return_customer_damaged: ['damaged_defective', 0.4],
  refund_no_return: ['return_request', 0.3],
  lk_refund_reimbursed: ['return_request', 0.3],
  lk_refund_returned: ['return_request', 0.3],
};

export interface ContactContext {
  canceled: boolean;
  purchasedAt: Date;
  shipment: DemoShipment | null;
  promisedDeliveryBy: Date;
  now: Date;
}

type Window = readonly [number, number];

/** Time windows in which the buyer could write in each phase of the order (ms since epoch). */
function windows(c: ContactContext): Partial<Record<OrderState, Window>> {
  const h = 3_600_000;
  const now = c.now.getTime();
  const bought = c.purchasedAt.getTime();
  const out: Partial<Record<OrderState, Window>> = {};
  if (c.canceled) return { canceled: [bought + h, Math.min(now, bought + 3 * DAY_MS)] };
  const shipped = c.shipment?.shippedAt?.getTime() ?? null;
  out.unshipped = [bought + h / 2, Math.min(now, (shipped ?? now) - h / 2)];
  if (shipped !== null) {
    const delivered = c.shipment?.deliveredAt?.getTime() ?? null;
    out.in_transit = [shipped + 12 * h, Math.min(now, (delivered ?? now + 30 * DAY_MS) - 2 * h)];
    if (delivered !== null) out.delivered = [delivered + 2 * h, Math.min(now, delivered + 5 * DAY_MS)];
  }
  return out;
}

const PHASE_WEIGHTS: Record<OrderState, number> = { canceled: 100, unshipped: 18, in_transit: 22, delivered: 60 };

function pickIn(rng: Rng, w: Window): Date {
  return new Date(Math.floor((w[0] + rng.float() * (w[1] - w[0])) / 1000) * 1000);
}

/** Whether the buyer writes, about what, and when; consistent with the order at that moment. */
export function planContact(rng: Rng, c: ContactContext, scenario: OrderScenario | null): { intent: Intent; contactAt: Date } | null {
  const open = Object.entries(windows(c)).filter(([, w]) => w && w[1] - w[0] >= 3_600_000) as [OrderState, Window][];
  const forced = scenario ? SCENARIO_INTENT[scenario] : undefined;
  const delivered = open.find(([p]) => p === 'delivered');
  if (forced) return delivered && rng.chance(forced[1]) ? { intent: forced[0], contactAt: pickIn(rng, [delivered[1][0], Math.min(delivered[1][1], delivered[1][0] + 2 * DAY_MS)]) } : null;
  if (open.length === 0 || !rng.chance(CONVERSATION_RATE)) return null;
  const [phase, w] = rng.weighted(open.map((o) => [o, PHASE_WEIGHTS[o[0]]] as const));
  const contactAt = pickIn(rng, w);
  let intent = rng.weighted(BY_STATE[phase]);
  if (intent === 'not_received' && phase === 'in_transit' && contactAt.getTime() < c.promisedDeliveryBy.getTime()) intent = 'where_is_my_order';
  return { intent, contactAt };
}

const SECOND_INTENT: Partial<Record<Intent, Intent>> = {
  where_is_my_order: 'change_order', damaged_defective: 'refund_request', return_request: 'refund_request',
  invoice_request: 'product_question', wrong_item: 'return_request', cancel_order: 'refund_request', shipping_cost: 'where_is_my_order',
};

export function secondIntent(rng: Rng, intent: Intent): Intent | null {
  const second = SECOND_INTENT[intent];
  return second && rng.chance(0.12) ? second : null;
}

const COMPLAINTS: ReadonlySet<Intent> = new Set<Intent>(['not_received', 'where_is_my_order', 'refund_request', 'damaged_defective', 'wrong_item']);

export function chooseSignals(rng: Rng, account: AccountKey, intent: Intent): Signal[] {
  if (!COMPLAINTS.has(intent)) return [];
  const amazon = account === 'amazon-us' || account === 'amazon-de';
  const out: Signal[] = [];
  if (amazon && rng.chance(0.12)) out.push('a_to_z_threat');
  if (rng.chance(amazon ? 0.02 : 0.1)) out.push('chargeback_threat');
  if (rng.chance(amazon ? 0.08 : 0.06)) out.push('negative_feedback_threat');
  return out;
}
