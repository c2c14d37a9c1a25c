/**
 * From a rule's candidate to a claim case draft: the claim window under the policy in force for the anchor day,
 * the policy value (or the disputed amount), whether the case can be filed now, and the claim text. Pure: the
 * caller passes the as-of day, the costs and the prices.
 */

import {
  KIND_INFO, claimWindow, costAt, formatAmount, isClaimable, policyValue, underpayment, windowStatus,
  type ClaimKind, type ClaimWindow, type PolicyValue, type SupplierCost,
} from './policy/index.ts';
import type { ReconSettings } from './settings.ts';
import { claimText } from './claim-text.ts';

export interface Candidate {
  readonly kind: ClaimKind;
  readonly caseKey: string;
  readonly accountId: string;
  readonly sku: string | null;
  readonly fnsku: string | null;
  readonly asin: string | null;
  readonly orderId: string | null;
  readonly shipmentId: string | null;
  readonly referenceId: string | null;
  readonly quantity: number;
  readonly anchorOn: string;
  readonly currency: string | null;
  readonly facts: Readonly<Record<string, unknown>>;
}

export interface EvaluationContext {
  readonly marketplace: string;
  /** The account's currency, used when the candidate's rows carry none. */
  readonly currency: string;
  readonly asOf: Date;
  readonly costs: readonly SupplierCost[];
  /** Estimated sale price per unit of a SKU (average on the account's orders), for losses valued before 2025-03-10. */
  readonly estimatedPrice: (sku: string) => number | null;
  readonly settings: ReconSettings;
}

export type CaseStatus = 'detected' | 'ready';

export interface CaseDraft {
  readonly candidate: Candidate;
  readonly marketplace: string;
  readonly currency: string;
  readonly quantity: number;
  readonly unitValueMinor: number | null;
  readonly valueMinor: number;
  readonly valueBasis: string | null;
  readonly valueExplanation: string;
  readonly valueVerified: boolean;
  readonly window: ClaimWindow;
  readonly status: CaseStatus;
  /** Why it is not ready yet (window not open, value unknown, proof missing); null when ready. */
  readonly statusReason: string | null;
  readonly summary: string;
  readonly claimText: string;
}

export type Skip =
  | { readonly skip: 'expired'; readonly deadlineOn: string }
  | { readonly skip: 'waiting'; readonly opensOn: string }
  | { readonly skip: 'paid_in_full' }
  /** A payment that cannot be checked: no policy value (no supplier cost for the SKU). */
  | { readonly skip: 'unknown_value'; readonly message: string }
  | { readonly skip: 'no_window'; readonly message: string };

/** Kinds that are not a discrepancy until their waiting period is over (the buyer may still return it; the parcel may still arrive). */
const NEEDS_OPEN_WINDOW: ReadonlySet<ClaimKind> = new Set(['customer_return_not_returned', 'removal_lost']);

interface Valued {
  readonly unitValueMinor: number | null;
  readonly valueMinor: number;
  readonly basis: string | null;
  readonly explanation: string;
  readonly verified: boolean;
  readonly missing: string | null;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && v !== '' && Number.isFinite(Number(v)) ? Number(v) : null);

/** The policy value of the candidate's units as a loss of `kind` on its anchor day, with the policy result itself. */
function lossValue(kind: ClaimKind, c: Candidate, ctx: EvaluationContext, currency: string): Valued & { readonly policy: PolicyValue | null } {
  const post = KIND_INFO[kind].stage === 'post_order';
  const cost = c.sku ? costAt(ctx.costs, c.sku, c.anchorOn, currency) : null;
  const sale = post ? num(c.facts.saleUnitMinor) : c.sku ? ctx.estimatedPrice(c.sku) : null;
  const fees = post ? num(c.facts.feeUnitMinor) : null;
  const r = policyValue({ kind, marketplace: ctx.marketplace, eventDate: c.anchorOn, quantity: c.quantity, unitCostMinor: cost?.costMinor ?? null, salePriceMinor: sale, feesMinor: fees, currency });
  if (!r.ok) return { unitValueMinor: null, valueMinor: 0, basis: null, explanation: `Value not known yet: ${r.message}.`, verified: false, missing: r.message, policy: null };
  const feeNote = post && c.facts.feeSource === 'estimate' ? ` The fee is an estimate (${ctx.settings.referralFeeBps / 100} % referral fee): no settlement report has this order.` : '';
  const saleNote = !post && r.value.basis === 'estimated_sale_price' ? ' The estimated sale price is the average price of the SKU on this account\'s orders.' : '';
  return {
    unitValueMinor: r.value.unitValueMinor, valueMinor: r.value.valueMinor, basis: r.value.basis,
    explanation: r.value.explanation + feeNote + saleNote + (r.value.notes.length ? ` ${r.value.notes.join(' ')}` : ''),
    verified: r.value.verified && !feeNote, missing: null, policy: r.value,
  };
}

function value(c: Candidate, ctx: EvaluationContext, currency: string): Valued | 'paid_in_full' | { unknown: string } {
  const money = (m: number): string => formatAmount(m, currency);
  if (c.kind === 'reversal_dispute') {
    const reversed = num(c.facts.reversedMinor) ?? 0;
    return { unitValueMinor: null, valueMinor: reversed, basis: 'reversed_amount', explanation: `The reversed amount, ${money(reversed)}: Amazon took it back but no found unit explains it.`, verified: true, missing: null };
  }
  if (c.kind === 'underpaid_reimbursement') {
    const lossKind = (typeof c.facts.lossKind === 'string' ? c.facts.lossKind : 'fc_lost') as ClaimKind;
    const loss = lossValue(lossKind, c, ctx, currency);
    if (!loss.policy) return { unknown: `cannot check reimbursement ${c.referenceId ?? ''}: ${loss.missing ?? 'no policy value'}` };
    const paid = num(c.facts.paidUnitMinor) ?? 0;
    const u = underpayment({ paidPerUnitMinor: paid, quantity: c.quantity, policy: loss.policy, paidCurrency: currency });
    if (!u.ok) return { unitValueMinor: null, valueMinor: 0, basis: null, explanation: u.message, verified: false, missing: u.message };
    if (!u.value.underpaid) return 'paid_in_full';
    return { unitValueMinor: u.value.expectedPerUnitMinor - paid, valueMinor: u.value.claimableMinor, basis: loss.policy.basis, explanation: `${u.value.explanation} ${loss.explanation}`, verified: u.value.verified && loss.verified, missing: null };
  }
  return lossValue(c.kind, c, ctx, currency);
}

/** A draft case, or why the candidate is not a case on the as-of day. */
export function evaluateCandidate(c: Candidate, ctx: EvaluationContext): CaseDraft | Skip {
  const w = claimWindow(c.kind, ctx.marketplace, c.anchorOn);
  if (!w.ok) return { skip: 'no_window', message: w.message };
  const window = w.value;
  const status = windowStatus(window, ctx.asOf);
  if (status.state === 'expired') return { skip: 'expired', deadlineOn: window.deadlineOn };
  if (status.state === 'not_yet_open' && NEEDS_OPEN_WINDOW.has(c.kind)) return { skip: 'waiting', opensOn: window.opensOn ?? window.eventOn };
  const currency = c.currency ?? ctx.currency;
  const v = value(c, ctx, currency);
  if (v === 'paid_in_full') return { skip: 'paid_in_full' };
  if ('unknown' in v) return { skip: 'unknown_value', message: v.unknown };
  const reasons: string[] = [];
  if (!isClaimable(window, ctx.asOf)) reasons.push(status.state === 'not_yet_open' ? `the claim window opens on ${window.opensOn} (in ${status.opensInDays} days)` : 'no filing day today under the rules');
  if (v.missing) reasons.push(`the value is not known: ${v.missing}`);
  if (c.kind === 'inbound_shortage' && c.facts.proofOfOwnership !== true) reasons.push('proof of ownership is missing: import the supplier invoice (claimdesk import invoices)');
  const draft = {
    candidate: c, marketplace: ctx.marketplace, currency, quantity: c.quantity,
    unitValueMinor: v.unitValueMinor, valueMinor: v.valueMinor, valueBasis: v.basis, valueExplanation: v.explanation,
    valueVerified: v.verified && window.verified, window,
    status: (reasons.length ? 'detected' : 'ready') as CaseStatus,
    statusReason: reasons.length ? `Not ready: ${reasons.join('; ')}.` : null,
  };
  const text = claimText({ ...draft, asOf: ctx.asOf });
  return { ...draft, summary: text.summary, claimText: text.claim };
}

export function isSkip(r: CaseDraft | Skip): r is Skip {
  return 'skip' in r;
}
