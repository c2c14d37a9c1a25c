// Time plan and scenario schedule of the demo world.
//
// Orders are spread evenly over [now - days, now]; order #i's purchase time depends only on (seed, i),
// so the stream is in purchase order without sorting. Every SLOT_SIZE orders one order is the anchor
// of a scenario: an injected discrepancy or a decoy that only looks like one. Scenarios are drawn
// from shuffled decks (each deck is a permutation, so the first pass over a deck covers every kind):
// deck OLD for anchors at least OLD_DAYS before `now` (enough time for 60-day policies to play out),
// deck RECENT for the rest.

import { Rng, hash32 } from './rng.ts';
import { DAY_MS } from './format.ts';

export const SLOT_SIZE = 20;
export const OLD_DAYS = 85;

/** Scenarios bound to an FBA order (they shape the order's returns and refunds). */
export type OrderScenario =
  | 'refund_no_return' | 'return_damaged_unreimbursed' | 'return_sellable_but_damaged'
  | 'lk_refund_returned' | 'lk_refund_reimbursed' | 'lk_refund_recent'
  | 'lk_return_damaged_reimbursed' | 'lk_return_damaged_recent' | 'lk_return_customer_damaged';

/** Scenarios about FBA inventory, independent of the anchor order. */
export type IncidentScenario =
  | 'fc_lost_unreconciled' | 'fc_damaged_unreimbursed' | 'inbound_shortage' | 'underpaid_reimbursement'
  | 'reversal_without_found' | 'removal_lost'
  | 'lk_lost_found' | 'lk_lost_reimbursed' | 'lk_lost_researching' | 'lk_damaged_reimbursed' | 'lk_damaged_recent'
  | 'lk_inbound_receiving' | 'lk_inbound_reimbursed' | 'lk_reimbursed_in_inventory' | 'lk_reversal_found'
  | 'lk_removal_in_transit' | 'lk_removal_cancelled' | 'lk_disposal';

export type Scenario = OrderScenario | IncidentScenario;

const ORDER_SCENARIOS: ReadonlySet<string> = new Set<OrderScenario>([
  'refund_no_return', 'return_damaged_unreimbursed', 'return_sellable_but_damaged', 'lk_refund_returned',
  'lk_refund_reimbursed', 'lk_refund_recent', 'lk_return_damaged_reimbursed', 'lk_return_damaged_recent',
  'lk_return_customer_damaged',
]);

export function isOrderScenario(s: Scenario): s is OrderScenario {
  return ORDER_SCENARIOS.has(s);
}

// Order-bound claims can only be injected into old slots, so they appear twice in this deck.
const DECK_OLD: readonly Scenario[] = [
  'refund_no_return', 'return_damaged_unreimbursed', 'return_sellable_but_damaged',
  'refund_no_return', 'return_damaged_unreimbursed',
  'fc_lost_unreconciled', 'fc_damaged_unreimbursed', 'inbound_shortage', 'underpaid_reimbursement',
  'reversal_without_found', 'removal_lost',
  'lk_refund_returned', 'lk_refund_reimbursed', 'lk_return_damaged_reimbursed', 'lk_return_customer_damaged',
  'lk_lost_found', 'lk_lost_reimbursed', 'lk_damaged_reimbursed', 'lk_inbound_reimbursed',
  'lk_reimbursed_in_inventory', 'lk_reversal_found', 'lk_removal_cancelled', 'lk_disposal',
];

const DECK_RECENT: readonly Scenario[] = [
  'return_sellable_but_damaged', 'fc_lost_unreconciled', 'fc_damaged_unreimbursed', 'inbound_shortage',
  'underpaid_reimbursement', 'reversal_without_found', 'removal_lost',
  'lk_refund_recent', 'lk_return_damaged_recent', 'lk_return_customer_damaged', 'lk_lost_found',
  'lk_lost_researching', 'lk_damaged_recent', 'lk_inbound_receiving', 'lk_removal_in_transit',
  'lk_reimbursed_in_inventory',
];

export interface WorldPlan {
  seed: number;
  orders: number;
  now: Date;
  days: number;
  startMs: number;
  spanMs: number;
}

export function makePlan(opts: { seed: number; orders: number; now: Date; days?: number }): WorldPlan {
  const days = opts.days ?? 120;
  if (!Number.isInteger(opts.orders) || opts.orders < 0) throw new RangeError('orders must be a non-negative integer');
  if (!(days > 0)) throw new RangeError('days must be positive');
  const spanMs = days * DAY_MS;
  return { seed: opts.seed >>> 0, orders: opts.orders, now: opts.now, days, startMs: opts.now.getTime() - spanMs, spanMs };
}

/** Purchase time of order #index: its own slice of the window plus jitter, so times never decrease. */
export function purchaseTime(plan: WorldPlan, index: number): Date {
  const jitter = Rng.derive(plan.seed, 'time', index).float() * 0.999;
  const ms = plan.startMs + ((index + jitter) * plan.spanMs) / Math.max(1, plan.orders);
  return new Date(Math.floor(ms / 1000) * 1000);
}

function nominalSlotTime(plan: WorldPlan, slot: number): number {
  return plan.startMs + (slot * SLOT_SIZE * plan.spanMs) / Math.max(1, plan.orders);
}

function isOldSlot(plan: WorldPlan, slot: number): boolean {
  return nominalSlotTime(plan, slot) <= plan.now.getTime() - OLD_DAYS * DAY_MS;
}

function firstRecentSlot(plan: WorldPlan): number {
  const thr = plan.now.getTime() - OLD_DAYS * DAY_MS;
  let k = Math.max(0, Math.floor(((thr - plan.startMs) * plan.orders) / (SLOT_SIZE * plan.spanMs)));
  while (k > 0 && !isOldSlot(plan, k - 1)) k--;
  while (isOldSlot(plan, k)) k++;
  return k;
}

function drawFromDeck(plan: WorldPlan, deck: readonly Scenario[], name: string, pos: number): Scenario {
  const cycle = Math.floor(pos / deck.length);
  const shuffled = Rng.derive(plan.seed, 'deck', name, cycle).shuffle(deck);
  return shuffled[pos % deck.length] as Scenario;
}

/** The scenario anchored at order #index, if any. */
export function scenarioAt(plan: WorldPlan, index: number): Scenario | null {
  const slot = Math.floor(index / SLOT_SIZE);
  const slotStart = slot * SLOT_SIZE;
  const slotLen = Math.min(SLOT_SIZE, plan.orders - slotStart);
  if (slotLen <= 0) return null;
  const anchor = slotStart + (hash32(plan.seed, 'slot', slot) % slotLen);
  if (index !== anchor) return null;
  if (isOldSlot(plan, slot)) return drawFromDeck(plan, DECK_OLD, 'old', slot);
  return drawFromDeck(plan, DECK_RECENT, 'recent', slot - firstRecentSlot(plan));
}
