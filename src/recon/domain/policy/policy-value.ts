/**
 * The policy value of a claim — what Amazon's policy says the lost or damaged units are worth — and the
 * shortfall of a reimbursement against it.
 *
 * Money is integer minor units throughout. All inputs are per unit; the value is `unit × quantity`, exact, no
 * rounding. When a per-unit amount must come from a line total or a fee total, take it with `prorate` (one
 * rounding, half away from zero).
 */

import { toDayNumber, isoDay } from './days.ts';
import { KIND_INFO, isClaimKind, normaliseMarketplace, type ClaimKind } from './kinds.ts';
import { bracketed, fail, formatAmount, isAmount, isCurrency, ok, times, type PolicyResult } from './amounts.ts';
import { DEFAULT_VALUATION, VALUATION_NOTES, type ValuationRule, type ValuationTable, type ValueBasis } from './valuation-table.ts';

export interface PolicyValueInput {
  readonly kind: string;
  readonly marketplace: string;
  /** The loss's date (see valuation-table.ts for when to pass the reimbursement's date instead). */
  readonly eventDate: Date | string;
  readonly quantity: number;
  /** Supplier cost per unit effective on the event date (`costAt`), or null when not known. */
  readonly unitCostMinor: number | null;
  /** Per unit: the order's sale price (after-order losses) or the estimated sale price (before-order losses before 2025-03-10). */
  readonly salePriceMinor: number | null;
  /** Per unit: the applicable Amazon fees on the order (after-order losses). */
  readonly feesMinor: number | null;
  readonly currency: string;
}

export interface PolicyValue {
  readonly kind: ClaimKind;
  readonly marketplace: string;
  readonly currency: string;
  readonly quantity: number;
  readonly unitValueMinor: number;
  readonly valueMinor: number;
  readonly basis: ValueBasis;
  /** The rule's first day, or null for the earliest rule. */
  readonly effectiveFrom: string | null;
  readonly explanation: string;
  readonly verified: boolean;
  readonly notes: readonly string[];
  readonly sources: readonly string[];
}

export type PolicyValueError = 'unknown_kind' | 'not_a_loss' | 'bad_input' | 'bad_date' | 'no_rule' | 'missing_cost' | 'missing_sale_price' | 'missing_fees';

type Failure = { readonly ok: false; readonly error: PolicyValueError; readonly message: string };

function dayOf(rule: ValuationRule): number {
  return rule.effectiveFrom === null ? Number.NEGATIVE_INFINITY : (toDayNumber(rule.effectiveFrom) ?? Number.NEGATIVE_INFINITY);
}

/** The rule in force on `day` for the stage in the marketplace, or the fallback marketplace's (flagged). */
function ruleAt(table: ValuationTable, stage: ValuationRule['stage'], marketplace: string, day: number): { rule: ValuationRule; fallback: boolean } | null {
  const pick = (mp: string): ValuationRule | undefined =>
    table.rules
      .filter((r) => r.stage === stage && r.marketplaces.includes(mp) && dayOf(r) <= day)
      .reduce<ValuationRule | undefined>((best, r) => (best === undefined || dayOf(r) >= dayOf(best) ? r : best), undefined);
  const own = pick(marketplace);
  if (own) return { rule: own, fallback: false };
  const fb = pick(table.fallbackMarketplace);
  return fb ? { rule: fb, fallback: true } : null;
}

function checkInput(input: PolicyValueInput): Failure | null {
  if (!Number.isSafeInteger(input.quantity) || input.quantity < 1) return fail('bad_input', `quantity must be a positive whole number, got ${input.quantity}`);
  if (!isCurrency(input.currency)) return fail('bad_input', `currency must be an ISO 4217 code, got "${input.currency}"`);
  for (const [name, v] of [['unitCostMinor', input.unitCostMinor], ['salePriceMinor', input.salePriceMinor], ['feesMinor', input.feesMinor]] as const) {
    if (v !== null && !isAmount(v)) return fail('bad_input', `${name} must be null or a non-negative integer number of minor units, got ${v}`);
  }
  return null;
}

interface Unit {
  readonly unitMinor: number;
  readonly how: string;
  readonly capped: boolean;
}

/** The per-unit value under the rule's basis, with the arithmetic as text. */
function unitValue(rule: ValuationRule, input: PolicyValueInput): Unit | Failure {
  const c = input.currency;
  const money = (m: number): string => formatAmount(m, c);
  switch (rule.basis) {
    case 'manufacturing_cost':
      if (input.unitCostMinor === null) return fail('missing_cost', `no supplier cost for the unit: manufacturing cost is the basis of ${rule.region} pre-order losses from ${rule.effectiveFrom ?? 'the start'}`);
      return { unitMinor: input.unitCostMinor, how: `manufacturing cost ${money(input.unitCostMinor)} per unit`, capped: false };
    case 'estimated_sale_price': {
      if (input.salePriceMinor === null) return fail('missing_sale_price', 'no estimated sale price: it is the basis before 2025-03-10');
      const cap = rule.capPerUnitMinor?.[c];
      if (cap !== undefined && input.salePriceMinor > cap) {
        return { unitMinor: cap, how: `estimated sale price ${money(input.salePriceMinor)} per unit, capped at ${money(cap)} per item`, capped: true };
      }
      return { unitMinor: input.salePriceMinor, how: `estimated sale price ${money(input.salePriceMinor)} per unit`, capped: false };
    }
    case 'sale_price_minus_fees': {
      if (input.salePriceMinor === null) return fail('missing_sale_price', 'no sale price from the order');
      if (input.feesMinor === null) return fail('missing_fees', 'no fees for the order (pass 0 only when the order really carried none)');
      const net = input.salePriceMinor - input.feesMinor;
      const how = `sale price ${money(input.salePriceMinor)} minus fees ${money(input.feesMinor)}`;
      return net >= 0 ? { unitMinor: net, how: `${how} = ${money(net)} per unit`, capped: false } : { unitMinor: 0, how: `${how} is negative, counted as ${money(0)} per unit`, capped: false };
    }
  }
}

/**
 * The value of `quantity` units of a claim under the policy in force on `eventDate` in `marketplace`.
 * `underpaid_reimbursement` and `reversal_dispute` are not losses: value the loss they concern (its kind) and
 * compare with `underpayment`, or take the reversed amount.
 */
export function policyValue(input: PolicyValueInput, table: ValuationTable = DEFAULT_VALUATION): PolicyResult<PolicyValue, PolicyValueError> {
  if (!isClaimKind(input.kind)) return fail('unknown_kind', `unknown claim kind "${input.kind}"`);
  const kind = input.kind;
  const stage = KIND_INFO[kind].stage;
  if (stage === 'amount_dispute') return fail('not_a_loss', `${kind} is a dispute about an amount: value the loss it concerns (e.g. fc_lost) and compare with underpayment()`);
  const bad = checkInput(input);
  if (bad) return bad;
  const day = toDayNumber(input.eventDate);
  if (day === null) return fail('bad_date', `event date must be a valid date or YYYY-MM-DD, got "${String(input.eventDate)}"`);
  const mp = normaliseMarketplace(input.marketplace);
  const found = ruleAt(table, stage, mp, day);
  if (!found) return fail('no_rule', `no ${stage} valuation rule for ${mp} or the fallback ${table.fallbackMarketplace} on ${isoDay(day)}`);
  const { rule, fallback } = found;
  const unit = unitValue(rule, input);
  if ('ok' in unit) return unit;
  const value = times(unit.unitMinor, input.quantity);
  if (value === null) return fail('bad_input', 'the value exceeds the safe integer range');
  const notes = [
    ...(fallback ? [VALUATION_NOTES.fallback(mp, rule.region)] : []),
    ...(rule.note ? [rule.note] : []),
    ...(unit.capped ? [VALUATION_NOTES.cap] : []),
  ];
  const money = (m: number): string => formatAmount(m, input.currency);
  const explanation =
    `${input.quantity} × ${money(unit.unitMinor)} = ${money(value)}: ${unit.how}. ` +
    `${rule.region} policy${fallback ? ` (applied to ${mp})` : ''}: ${rule.description} ${bracketed(rule.sources)}.`;
  return ok({
    kind,
    marketplace: mp,
    currency: input.currency,
    quantity: input.quantity,
    unitValueMinor: unit.unitMinor,
    valueMinor: value,
    basis: rule.basis,
    effectiveFrom: rule.effectiveFrom,
    explanation,
    verified: rule.verified && !fallback && !unit.capped,
    notes,
    sources: rule.sources,
  });
}

export interface UnderpaymentInput {
  /** What Amazon paid per unit in cash (reimbursements report `amount-per-unit`). */
  readonly paidPerUnitMinor: number;
  /** Units reimbursed in cash. */
  readonly quantity: number;
  readonly policy: PolicyValue;
  /** Currency of the payment; must be the policy value's. Defaults to it. */
  readonly paidCurrency?: string;
}

export interface Underpayment {
  readonly currency: string;
  readonly quantity: number;
  readonly expectedPerUnitMinor: number;
  readonly paidPerUnitMinor: number;
  /** (expected − paid) × quantity; negative when Amazon paid more than the policy value. */
  readonly differenceMinor: number;
  /** What can be claimed: the difference when positive, else 0. */
  readonly claimableMinor: number;
  readonly underpaid: boolean;
  readonly explanation: string;
  readonly verified: boolean;
}

export type UnderpaymentError = 'bad_input' | 'currency_mismatch';

/** The shortfall of a cash reimbursement against the policy value per unit, exact in minor units. */
export function underpayment(input: UnderpaymentInput): PolicyResult<Underpayment, UnderpaymentError> {
  const { policy, quantity, paidPerUnitMinor } = input;
  if (!Number.isSafeInteger(quantity) || quantity < 1) return fail('bad_input', `quantity must be a positive whole number, got ${quantity}`);
  if (!isAmount(paidPerUnitMinor)) return fail('bad_input', `paidPerUnitMinor must be a non-negative integer, got ${paidPerUnitMinor}`);
  const currency = input.paidCurrency ?? policy.currency;
  if (currency !== policy.currency) return fail('currency_mismatch', `paid in ${currency}, valued in ${policy.currency}`);
  const perUnit = policy.unitValueMinor - paidPerUnitMinor;
  const difference = times(perUnit, quantity);
  if (difference === null) return fail('bad_input', 'the difference exceeds the safe integer range');
  const money = (m: number): string => formatAmount(m, currency);
  const verdict =
    perUnit > 0
      ? `underpaid by ${money(perUnit)} per unit: ${quantity} × ${money(perUnit)} = ${money(difference)} to dispute`
      : perUnit === 0
        ? 'paid in full'
        : `paid ${money(-perUnit)} per unit more than the policy value: nothing to dispute`;
  return ok({
    currency,
    quantity,
    expectedPerUnitMinor: policy.unitValueMinor,
    paidPerUnitMinor,
    differenceMinor: difference,
    claimableMinor: Math.max(0, difference),
    underpaid: perUnit > 0,
    explanation: `Paid ${money(paidPerUnitMinor)} per unit, policy value ${money(policy.unitValueMinor)} per unit (${policy.basis.replace(/_/g, ' ')}): ${verdict}.`,
    verified: policy.verified,
  });
}
