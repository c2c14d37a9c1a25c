// Returns/refunds of FBA orders that anchor a scenario (plan.ts). Dates are checked against `now`:
// a scenario that cannot play out in time is degraded to its decoy or dropped (then the order has no
// return at all, so nothing unplanned becomes claimable).

import type { Rng } from './rng.ts';
import { addDays, addHours, DAY_MS } from './format.ts';
import type { OrderScenario } from './plan.ts';
import { DAMAGE_REASONS, DEFECT_REASONS, NO_FAULT_REASONS, damageComment, returnComment } from './return-reasons.ts';
import { lineRefund, makeRefund, makeReturn, type ReturnsInput, type ReturnsResult } from './returns.ts';

export interface ScenarioOutcome {
  kind: OrderScenario;
  /** When Amazon reimbursed (decoys that were paid); null otherwise. */
  reimburseAt: Date | null;
}

export interface ScenarioResult extends ReturnsResult {
  outcome: ScenarioOutcome | null;
}

const DROPPED: ScenarioResult = { returns: [], refunds: [], outcome: null };

/** Days after a refund before Amazon owes a reimbursement for an unreturned unit (§3.2). */
export function refundWaitDays(account: string): number {
  return account === 'amazon-de' ? 45 : 60;
}

const t = (d: Date): number => d.getTime();

function firstRequest(rng: Rng, input: ReturnsInput, deliveredAt: Date): Date {
  const base = addDays(deliveredAt, rng.int(1, 8));
  return input.contactAt ? new Date(Math.max(t(base), t(addHours(input.contactAt, rng.int(2, 20))))) : base;
}

function refundOnly(input: ReturnsInput, deliveredAt: Date, kind: OrderScenario, refundAt: Date, reimburseAt: Date | null): ScenarioResult {
  const { rng } = input;
  const line = input.items[0];
  if (!line) return DROPPED;
  const withRequest = rng.chance(0.5);
  const requestedAt = new Date(Math.max(t(addDays(refundAt, -rng.int(0, 2))), t(deliveredAt) + DAY_MS / 2));
  const reason = rng.weighted(NO_FAULT_REASONS);
  const returns = withRequest
    ? [makeReturn(rng, input, { line, reason, requestedAt, receivedAt: null, disposition: null, comment: returnComment(rng, reason, input.language) })]
    : [];
  const refund = makeRefund(rng, input, lineRefund(input, line), withRequest ? 'Customer return' : 'Customer service refund', refundAt, withRequest ? 0 : undefined);
  return { returns, refunds: [refund], outcome: { kind, reimburseAt } };
}

function refundWithoutReturn(input: ReturnsInput, deliveredAt: Date, kind: OrderScenario): ScenarioResult {
  const { rng, now } = input;
  const wait = refundWaitDays(input.account);
  if (kind === 'lk_refund_recent') {
    let refundAt = addDays(now, -rng.int(3, wait - 10));
    if (t(refundAt) < t(deliveredAt) + DAY_MS) refundAt = addDays(deliveredAt, rng.int(1, 3));
    if (t(refundAt) > t(now) - DAY_MS) return DROPPED;
    return refundOnly(input, deliveredAt, kind, refundAt, null);
  }
  const refundAt = addDays(firstRequest(rng, input, deliveredAt), rng.int(2, 7));
  if (t(addDays(refundAt, wait)) > t(now)) {
    return t(refundAt) <= t(now) - DAY_MS ? refundOnly(input, deliveredAt, 'lk_refund_recent', refundAt, null) : DROPPED;
  }
  if (kind === 'refund_no_return') return refundOnly(input, deliveredAt, kind, refundAt, null);
  const reimburseAt = addDays(refundAt, wait + rng.int(0, 3));
  if (t(reimburseAt) > t(now)) return refundOnly(input, deliveredAt, 'refund_no_return', refundAt, null);
  return refundOnly(input, deliveredAt, kind, refundAt, reimburseAt);
}

interface Graded {
  reason: string;
  disposition: string;
  comment: string | null;
}

function graded(rng: Rng, input: ReturnsInput, kind: OrderScenario): Graded {
  switch (kind) {
    case 'return_sellable_but_damaged':
      return { reason: rng.chance(0.6) ? 'DAMAGED_BY_CARRIER' : 'DEFECTIVE', disposition: 'SELLABLE', comment: damageComment(rng, input.language) };
    case 'lk_return_customer_damaged': {
      const reason = rng.weighted(DEFECT_REASONS);
      return { reason, disposition: 'CUSTOMER_DAMAGED', comment: returnComment(rng, reason, input.language) };
    }
    case 'lk_refund_returned': {
      const reason = rng.weighted(NO_FAULT_REASONS);
      return { reason, disposition: 'SELLABLE', comment: returnComment(rng, reason, input.language) };
    }
    default: {
      const reason = rng.chance(0.75) ? rng.weighted(DAMAGE_REASONS) : 'DEFECTIVE';
      return { reason, disposition: rng.chance(0.5) ? 'DAMAGED' : 'CARRIER_DAMAGED', comment: returnComment(rng, reason, input.language) };
    }
  }
}

function returnTimeline(rng: Rng, input: ReturnsInput, deliveredAt: Date, kind: OrderScenario): { requestedAt: Date; receivedAt: Date } | null {
  if (kind !== 'lk_return_damaged_recent') {
    const requestedAt = firstRequest(rng, input, deliveredAt);
    return { requestedAt, receivedAt: addDays(requestedAt, rng.int(6, 18)) };
  }
  const receivedAt = addDays(input.now, -rng.int(1, 12));
  const requestedAt = addDays(receivedAt, -rng.int(6, 15));
  return t(requestedAt) >= t(deliveredAt) + DAY_MS ? { requestedAt, receivedAt } : null;
}

/** Which kind the return ends up as, given how much time has passed since the FC received it. */
function settle(kind: OrderScenario, receivedAt: Date, now: Date, reimburseAt: Date | null): OrderScenario | null {
  const age = t(now) - t(receivedAt);
  if (age < 2 * DAY_MS) return null;
  if (kind === 'return_damaged_unreimbursed' && age < 30 * DAY_MS) return 'lk_return_damaged_recent';
  if (kind === 'lk_return_damaged_reimbursed' && reimburseAt && t(reimburseAt) > t(now)) return 'lk_return_damaged_recent';
  if (kind === 'lk_return_damaged_recent' && age >= 30 * DAY_MS) return null;
  return kind;
}

function returnedUnit(input: ReturnsInput, deliveredAt: Date, kind: OrderScenario): ScenarioResult {
  const { rng, now } = input;
  const line = input.items[0];
  const tl = returnTimeline(rng, input, deliveredAt, kind);
  if (!line || !tl) return DROPPED;
  const g = graded(rng, input, kind);
  const refundAt = addDays(tl.requestedAt, rng.int(2, 5));
  const reimburseAt = kind === 'lk_return_damaged_reimbursed' ? addDays(tl.receivedAt, rng.int(3, 12)) : null;
  const settled = settle(kind, tl.receivedAt, now, reimburseAt);
  if (!settled) return DROPPED;
  const ret = makeReturn(rng, input, { line, reason: g.reason, comment: g.comment, requestedAt: tl.requestedAt, receivedAt: tl.receivedAt, disposition: g.disposition });
  const refund = makeRefund(rng, input, lineRefund(input, line), 'Customer return', refundAt, 0);
  return { returns: [ret], refunds: [refund], outcome: { kind: settled, reimburseAt: settled === 'lk_return_damaged_reimbursed' ? reimburseAt : null } };
}

/** Returns/refunds for an FBA order anchoring `kind`; needs a delivered shipment. */
export function buildScenarioReturns(input: ReturnsInput, kind: OrderScenario): ScenarioResult {
  const deliveredAt = input.deliveredAt;
  if (!deliveredAt || input.fulfillment !== 'FBA') return DROPPED;
  if (kind === 'refund_no_return' || kind === 'lk_refund_reimbursed' || kind === 'lk_refund_recent') {
    return refundWithoutReturn(input, deliveredAt, kind);
  }
  return returnedUnit(input, deliveredAt, kind);
}
