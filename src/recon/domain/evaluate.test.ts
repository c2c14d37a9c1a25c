import { describe, expect, it } from 'vitest';
import { evaluateCandidate, isSkip, type Candidate, type CaseDraft, type EvaluationContext } from './evaluate.ts';
import { DEFAULT_RECON_SETTINGS } from './settings.ts';

const at = (day: string) => new Date(`${day}T12:00:00Z`);

function ctx(asOf: string, over: Partial<EvaluationContext> = {}): EvaluationContext {
  return {
    marketplace: 'US', currency: 'USD', asOf: at(asOf), settings: DEFAULT_RECON_SETTINGS,
    costs: [{ sku: 'SKU-1', costMinor: 410, currency: 'USD', effectiveFrom: '1970-01-01' }, { sku: 'SKU-1', costMinor: 380, currency: 'EUR', effectiveFrom: '1970-01-01' }],
    estimatedPrice: (sku) => (sku === 'SKU-1' ? 1999 : null),
    ...over,
  };
}

function cand(kind: Candidate['kind'], anchorOn: string, facts: Record<string, unknown> = {}, over: Partial<Candidate> = {}): Candidate {
  return { kind, caseKey: `${kind}:x`, accountId: 'a', sku: 'SKU-1', fnsku: 'X001', asin: null, orderId: null, shipmentId: null, referenceId: 'R1', quantity: 2, anchorOn, currency: null, facts, ...over };
}

const draft = (r: ReturnType<typeof evaluateCandidate>): CaseDraft => {
  if (isSkip(r)) throw new Error(`skipped: ${JSON.stringify(r)}`);
  return r;
};

describe('windows across the 2024-10-23 change (US fulfilment-centre losses, filed on 2024-11-01)', () => {
  it.each([
    ['2024-10-22', '2024-12-21'],
    ['2024-10-23', '2024-12-22'],
    ['2024-10-24', '2024-12-23'],
  ])('a loss reported %s is due %s', (event, deadline) => {
    const d = draft(evaluateCandidate(cand('fc_lost', event), ctx('2024-11-01')));
    expect([d.window.deadlineOn, d.status]).toEqual([deadline, 'ready']);
  });

  it.each([
    ['2024-06-01', '2024-10-22', 'ready'],
    ['2024-06-01', '2024-10-23', 'expired'],
  ])('a loss of %s filed on %s: %s (the change cut the 18-month window)', (event, asOf, state) => {
    const r = evaluateCandidate(cand('fc_lost', event), ctx(asOf));
    expect(isSkip(r) ? r.skip : r.status).toBe(state);
  });
});

describe('valuation across the 2025-03-10 change (pre-order losses)', () => {
  it.each([
    ['2025-03-09', 'estimated_sale_price', 1999],
    ['2025-03-10', 'manufacturing_cost', 410],
    ['2025-03-11', 'manufacturing_cost', 410],
  ])('a loss on %s is valued at %s (%i per unit)', (event, basis, unit) => {
    const d = draft(evaluateCandidate(cand('fc_damaged', event), ctx('2025-03-20')));
    expect([d.valueBasis, d.unitValueMinor, d.valueMinor]).toEqual([basis, unit, unit * 2]);
  });

  it('a missing cost leaves the case detected with the reason, valued 0', () => {
    const d = draft(evaluateCandidate(cand('fc_lost', '2025-06-01', {}, { sku: 'UNKNOWN' }), ctx('2025-06-20')));
    expect([d.status, d.valueMinor, d.valueVerified]).toEqual(['detected', 0, false]);
    expect(d.statusReason).toMatch(/value is not known: no supplier cost/);
  });

  it('uses the cost in the case currency (EUR for a DE account)', () => {
    const d = draft(evaluateCandidate(cand('fc_lost', '2026-06-01', {}, { currency: null }), ctx('2026-06-20', { marketplace: 'DE', currency: 'EUR' })));
    expect([d.currency, d.unitValueMinor]).toEqual(['EUR', 380]);
  });
});

describe('customer returns: refund not returned waits for the return period, then 60-120 days (US)', () => {
  const money = { saleUnitMinor: 2000, feeUnitMinor: 300, feeSource: 'settlement' };
  it.each([
    ['2026-07-31', 'waiting'],
    ['2026-08-01', 'ready'],
    ['2026-09-30', 'ready'],
    ['2026-10-01', 'expired'],
  ])('refund on 2026-06-02, as of %s: %s', (asOf, state) => {
    const r = evaluateCandidate(cand('customer_return_not_returned', '2026-06-02', money, { quantity: 1 }), ctx(asOf));
    expect(isSkip(r) ? r.skip : r.status).toBe(state);
    if (!isSkip(r)) expect([r.valueMinor, r.valueBasis]).toEqual([1700, 'sale_price_minus_fees']);
  });

  it('across the change: a refund on 2024-10-22 opens on day 60 under the new rule', () => {
    const d = draft(evaluateCandidate(cand('customer_return_not_returned', '2024-10-22', money, { quantity: 1 }), ctx('2024-12-21')));
    expect([d.window.opensOn, d.window.deadlineOn]).toEqual(['2024-12-21', '2025-02-19']);
  });

  it('an estimated fee makes the value an assumption', () => {
    const d = draft(evaluateCandidate(cand('customer_return_damaged', '2026-06-02', { ...money, feeSource: 'estimate' }, { quantity: 1 }), ctx('2026-08-10')));
    expect(d.valueVerified).toBe(false);
    expect(d.valueExplanation).toMatch(/fee is an estimate/);
  });

  it('a sellable-graded return is flagged at once (the window runs from the refund)', () => {
    const d = draft(evaluateCandidate(cand('return_sellable_inspection', '2026-11-10', money, { quantity: 1 }), ctx('2026-11-12')));
    expect([d.status, d.window.opensOn]).toEqual(['ready', null]);
  });
});

describe('disputes', () => {
  it.each([
    ['2026-06-01', 200, 'ready', 420],
    ['2026-06-01', 410, 'paid_in_full', 0],
    ['2026-06-01', 500, 'paid_in_full', 0],
    ['2025-03-09', 1500, 'ready', 998],
  ])('Lost_Warehouse approved %s paying %i per unit: %s, %i to dispute', (approved, paid, state, value) => {
    const r = evaluateCandidate(cand('underpaid_reimbursement', approved, { lossKind: 'fc_lost', paidUnitMinor: paid }), ctx(approved));
    expect(isSkip(r) ? r.skip : r.status).toBe(state);
    if (!isSkip(r)) expect(r.valueMinor).toBe(value);
  });

  it('an underpayment cannot be checked without a policy value', () => {
    const r = evaluateCandidate(cand('underpaid_reimbursement', '2026-06-01', { lossKind: 'fc_lost', paidUnitMinor: 100 }, { sku: 'UNKNOWN' }), ctx('2026-06-02'));
    expect(isSkip(r) && r.skip).toBe('unknown_value');
  });

  it('a reversal is disputed for the reversed amount, within 60 days of it', () => {
    const d = draft(evaluateCandidate(cand('reversal_dispute', '2026-09-18', { reversedMinor: 2280 }), ctx('2026-11-17')));
    expect([d.valueMinor, d.window.deadlineOn, d.claimText]).toEqual([2280, '2026-11-17', expect.stringContaining('Please reinstate the reversed 22.80')]);
    expect(isSkip(evaluateCandidate(cand('reversal_dispute', '2026-09-18', { reversedMinor: 2280 }), ctx('2026-11-18')))).toBe(true);
  });
});

describe('inbound shortage needs proof of ownership', () => {
  it.each([
    [true, 'ready'],
    [false, 'detected'],
  ])('invoice on file %s → %s', (proof, status) => {
    const d = draft(evaluateCandidate(cand('inbound_shortage', '2026-07-01', { proofOfOwnership: proof }), ctx('2026-07-20')));
    expect(d.status).toBe(status);
    if (!proof) expect(d.statusReason).toMatch(/proof of ownership/);
  });

  it('before its window opens (15 days, US) the case is detected, not ready', () => {
    const d = draft(evaluateCandidate(cand('inbound_shortage', '2026-07-01', { proofOfOwnership: true }), ctx('2026-07-10')));
    expect([d.status, d.statusReason]).toEqual(['detected', 'Not ready: the claim window opens on 2026-07-16 (in 6 days).']);
  });
});
