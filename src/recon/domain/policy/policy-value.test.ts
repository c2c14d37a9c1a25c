import { describe, expect, it } from 'vitest';
import { policyValue, underpayment, type PolicyValue, type PolicyValueInput } from './policy-value.ts';
import { VALUATION_NOTES } from './valuation-table.ts';

const base: PolicyValueInput = {
  kind: 'fc_lost',
  marketplace: 'US',
  eventDate: '2025-03-10',
  quantity: 3,
  unitCostMinor: 1250,
  salePriceMinor: 2999,
  feesMinor: 450,
  currency: 'USD',
};

function value(over: Partial<PolicyValueInput>): PolicyValue {
  const r = policyValue({ ...base, ...over });
  if (!r.ok) throw new Error(`${r.error}: ${r.message}`);
  return r.value;
}

describe('US valuation across 2025-03-10 (the day before, of, after) and 2024-10-23 (no valuation change)', () => {
  const cases: [string, string, number, string][] = [
    ['fc_lost', '2024-10-22', 8997, 'estimated_sale_price'],
    ['fc_lost', '2024-10-23', 8997, 'estimated_sale_price'],
    ['fc_lost', '2024-10-24', 8997, 'estimated_sale_price'],
    ['fc_lost', '2025-03-09', 8997, 'estimated_sale_price'],
    ['fc_lost', '2025-03-10', 3750, 'manufacturing_cost'],
    ['fc_lost', '2025-03-11', 3750, 'manufacturing_cost'],
    ['fc_damaged', '2025-03-09', 8997, 'estimated_sale_price'],
    ['fc_damaged', '2025-03-10', 3750, 'manufacturing_cost'],
    ['fc_damaged', '2025-03-11', 3750, 'manufacturing_cost'],
    ['inbound_shortage', '2025-03-09', 8997, 'estimated_sale_price'],
    ['inbound_shortage', '2025-03-10', 3750, 'manufacturing_cost'],
    ['inbound_shortage', '2025-03-11', 3750, 'manufacturing_cost'],
    ['removal_lost', '2025-03-09', 8997, 'estimated_sale_price'],
    ['removal_lost', '2025-03-10', 3750, 'manufacturing_cost'],
    ['removal_damaged', '2025-03-11', 3750, 'manufacturing_cost'],
    ['removal_not_shipped', '2025-03-10', 3750, 'manufacturing_cost'],
    // After a customer order: sale price minus fees, before and after the change: 3 × (29.99 − 4.50).
    ['customer_return_not_returned', '2024-10-22', 7647, 'sale_price_minus_fees'],
    ['customer_return_not_returned', '2025-03-09', 7647, 'sale_price_minus_fees'],
    ['customer_return_not_returned', '2025-03-10', 7647, 'sale_price_minus_fees'],
    ['customer_return_not_returned', '2025-03-11', 7647, 'sale_price_minus_fees'],
    ['customer_return_damaged', '2025-03-10', 7647, 'sale_price_minus_fees'],
    ['return_sellable_inspection', '2025-03-10', 7647, 'sale_price_minus_fees'],
  ];
  it.each(cases)('%s on %s → %i (%s)', (kind, eventDate, valueMinor, basis) => {
    const v = value({ kind, eventDate });
    expect([v.valueMinor, v.basis, v.verified]).toEqual([valueMinor, basis, true]);
  });

  it('an instant counts on its UTC day: 2025-03-09 23:30 in New York is 2025-03-10 UTC', () => {
    expect(value({ eventDate: '2025-03-09T23:30:00-05:00' }).basis).toBe('manufacturing_cost');
    expect(value({ eventDate: new Date('2025-03-09T23:59:59.999Z') }).basis).toBe('estimated_sale_price');
  });

  it('explains the arithmetic with the numbers and the rule', () => {
    expect(value({}).explanation).toBe(
      '3 × 12.50 USD = 37.50 USD: manufacturing cost 12.50 USD per unit. US policy: units lost or damaged before a customer order are reimbursed at manufacturing cost, the cost to source or produce the item without shipping, handling or customs (policy from 2025-03-10) [FORUM-MFG][3P-RIDGELINE].',
    );
    expect(value({ kind: 'customer_return_damaged' }).explanation).toBe(
      '3 × 25.49 USD = 76.47 USD: sale price 29.99 USD minus fees 4.50 USD = 25.49 USD per unit. US policy: units lost or damaged after a customer order are reimbursed at the sale price on the order minus applicable fees (unchanged in 2025) [FORUM-MFG][SC-CRC-JP].',
    );
    expect(value({}).notes).toEqual([VALUATION_NOTES.mfgDate]);
  });
});

describe('marketplace groups: US documented, every other marketplace on the US rules, unverified', () => {
  const cases: [string, string, string, number, number, string, boolean][] = [
    ['US', 'USD', '2025-06-01', 1250, 3750, '3 × 12.50 USD = 37.50 USD', true],
    ['DE', 'EUR', '2025-06-01', 1100, 3300, '3 × 11.00 EUR = 33.00 EUR', false],
    ['uk', 'GBP', '2025-06-01', 990, 2970, '3 × 9.90 GBP = 29.70 GBP', false],
    ['AE', 'AED', '2025-06-01', 4500, 13500, '3 × 45.00 AED = 135.00 AED', false],
    ['CA', 'CAD', '2025-06-01', 1700, 5100, '3 × 17.00 CAD = 51.00 CAD', false],
    ['MX', 'MXN', '2025-06-01', 21000, 63000, '3 × 210.00 MXN = 630.00 MXN', false],
    ['JP', 'JPY', '2025-06-01', 1800, 5400, '3 × 1800 JPY = 5400 JPY', false],
    ['ZZ', 'USD', '2025-06-01', 1250, 3750, '3 × 12.50 USD = 37.50 USD', false],
    ['DE', 'EUR', '2025-03-09', 1100, 8997, '3 × 29.99 EUR = 89.97 EUR', false],
  ];
  it.each(cases)('%s in %s on %s', (marketplace, currency, eventDate, unitCostMinor, valueMinor, arithmetic, verified) => {
    const v = value({ marketplace, currency, eventDate, unitCostMinor });
    expect([v.valueMinor, v.explanation.split(':')[0], v.verified]).toEqual([valueMinor, arithmetic, verified]);
    if (!verified) expect(v.notes[0]).toBe(VALUATION_NOTES.fallback(v.marketplace, 'US'));
    if (!verified) expect(v.explanation).toContain(`US policy (applied to ${v.marketplace})`);
  });
});

describe('caps and floors', () => {
  const cases: [string, string, string, number, number, number, boolean][] = [
    ['US estimated sale price above 5,000 USD is capped', 'US', 'USD', 620_000, 500_000, 1_000_000, false],
    ['exactly at the cap is not capped', 'US', 'USD', 500_000, 500_000, 1_000_000, true],
    ['BR cap 19,250 BRL', 'BR', 'BRL', 2_000_000, 1_925_000, 3_850_000, false],
    ['no cap in EUR', 'DE', 'EUR', 700_000, 700_000, 1_400_000, false],
  ];
  it.each(cases)('%s', (_name, marketplace, currency, salePriceMinor, unit, total, verified) => {
    const v = value({ marketplace, currency, salePriceMinor, eventDate: '2024-06-01', quantity: 2 });
    expect([v.unitValueMinor, v.valueMinor, v.verified]).toEqual([unit, total, verified]);
  });

  it('the capped explanation names both numbers and the note flags the cap', () => {
    const v = value({ salePriceMinor: 620_000, eventDate: '2024-06-01', quantity: 2 });
    expect(v.explanation.split('. ')[0]).toBe('2 × 5000.00 USD = 10000.00 USD: estimated sale price 6200.00 USD per unit, capped at 5000.00 USD per item');
    expect(v.notes).toEqual([VALUATION_NOTES.cap]);
  });

  it('manufacturing cost is not capped', () => {
    expect(value({ unitCostMinor: 600_000, quantity: 1 }).valueMinor).toBe(600_000);
  });

  it('fees above the price value the unit at 0', () => {
    const v = value({ kind: 'customer_return_damaged', salePriceMinor: 300, feesMinor: 450 });
    expect([v.unitValueMinor, v.valueMinor]).toEqual([0, 0]);
    expect(v.explanation.startsWith('3 × 0.00 USD = 0.00 USD: sale price 3.00 USD minus fees 4.50 USD is negative, counted as 0.00 USD per unit.')).toBe(true);
  });
});

describe('errors', () => {
  const cases: [string, Partial<PolicyValueInput>, string][] = [
    ['unknown kind', { kind: 'fc_stolen' }, 'unknown_kind'],
    ['underpaid is not a loss', { kind: 'underpaid_reimbursement' }, 'not_a_loss'],
    ['reversal is not a loss', { kind: 'reversal_dispute' }, 'not_a_loss'],
    ['no cost from 2025-03-10', { unitCostMinor: null }, 'missing_cost'],
    ['no cost needed before', { unitCostMinor: null, eventDate: '2025-03-09' }, 'ok'],
    ['no estimated sale price before 2025-03-10', { salePriceMinor: null, eventDate: '2025-03-09' }, 'missing_sale_price'],
    ['no sale price after an order', { kind: 'customer_return_not_returned', salePriceMinor: null }, 'missing_sale_price'],
    ['no fees after an order', { kind: 'customer_return_not_returned', feesMinor: null }, 'missing_fees'],
    ['zero fees are fees', { kind: 'customer_return_not_returned', feesMinor: 0 }, 'ok'],
    ['quantity 0', { quantity: 0 }, 'bad_input'],
    ['fractional quantity', { quantity: 1.5 }, 'bad_input'],
    ['negative cost', { unitCostMinor: -1 }, 'bad_input'],
    ['float money', { salePriceMinor: 29.99 }, 'bad_input'],
    ['lower-case currency', { currency: 'usd' }, 'bad_input'],
    ['overflow', { unitCostMinor: Number.MAX_SAFE_INTEGER, quantity: 2 }, 'bad_input'],
    ['bad date', { eventDate: '2025-02-29' }, 'bad_date'],
  ];
  it.each(cases)('%s → %s', (_name, over, error) => {
    const r = policyValue({ ...base, ...over });
    expect(r.ok ? 'ok' : r.error).toBe(error);
  });
});

describe('underpayment', () => {
  const policy = value({}); // 12.50 USD per unit, manufacturing cost
  const cases: [string, number, number, number, number, boolean, string][] = [
    ['underpaid', 900, 3, 1050, 1050, true, 'Paid 9.00 USD per unit, policy value 12.50 USD per unit (manufacturing cost): underpaid by 3.50 USD per unit: 3 × 3.50 USD = 10.50 USD to dispute.'],
    ['underpaid, other quantity than valued', 1249, 7, 7, 7, true, 'Paid 12.49 USD per unit, policy value 12.50 USD per unit (manufacturing cost): underpaid by 0.01 USD per unit: 7 × 0.01 USD = 0.07 USD to dispute.'],
    ['paid in full', 1250, 3, 0, 0, false, 'Paid 12.50 USD per unit, policy value 12.50 USD per unit (manufacturing cost): paid in full.'],
    ['overpaid', 1400, 3, -450, 0, false, 'Paid 14.00 USD per unit, policy value 12.50 USD per unit (manufacturing cost): paid 1.50 USD per unit more than the policy value: nothing to dispute.'],
    ['nothing paid', 0, 2, 2500, 2500, true, 'Paid 0.00 USD per unit, policy value 12.50 USD per unit (manufacturing cost): underpaid by 12.50 USD per unit: 2 × 12.50 USD = 25.00 USD to dispute.'],
  ];
  it.each(cases)('%s', (_name, paidPerUnitMinor, quantity, differenceMinor, claimableMinor, underpaid, explanation) => {
    const r = underpayment({ paidPerUnitMinor, quantity, policy });
    if (!r.ok) throw new Error(r.message);
    expect([r.value.differenceMinor, r.value.claimableMinor, r.value.underpaid, r.value.explanation, r.value.verified]).toEqual([differenceMinor, claimableMinor, underpaid, explanation, true]);
  });

  it.each([
    ['another currency', { paidPerUnitMinor: 900, quantity: 3, paidCurrency: 'EUR' }, 'currency_mismatch'],
    ['negative payment', { paidPerUnitMinor: -1, quantity: 3 }, 'bad_input'],
    ['no units', { paidPerUnitMinor: 900, quantity: 0 }, 'bad_input'],
  ])('%s → %s', (_name, input, error) => {
    const r = underpayment({ ...input, policy });
    expect(r.ok ? 'ok' : r.error).toBe(error);
  });

  it('carries an unverified policy value through', () => {
    const r = underpayment({ paidPerUnitMinor: 900, quantity: 1, policy: value({ marketplace: 'DE', currency: 'EUR' }) });
    expect(r.ok && [r.value.claimableMinor, r.value.currency, r.value.verified]).toEqual([350, 'EUR', false]);
  });
});
