import { describe, expect, it } from 'vitest';
import { costAt, type SupplierCost } from './supplier-cost.ts';

type Row = SupplierCost & { readonly invoice: string };

const COSTS: Row[] = [
  { sku: 'HW-KETTLE', costMinor: 1000, currency: 'USD', effectiveFrom: '2024-01-01', invoice: 'INV-1' },
  { sku: 'HW-KETTLE', costMinor: 1100, currency: 'USD', effectiveFrom: '2025-03-10', invoice: 'INV-2' },
  { sku: 'HW-KETTLE', costMinor: 900, currency: 'EUR', effectiveFrom: '2025-01-01', invoice: 'INV-EU' },
  { sku: 'HW-KETTLE', costMinor: 1200, currency: 'USD', effectiveFrom: '2025-06-01', invoice: 'INV-3' },
  { sku: 'HW-KETTLE', costMinor: 1250, currency: 'USD', effectiveFrom: '2025-06-01', invoice: 'INV-3-corrected' },
  { sku: 'HW-MUG', costMinor: 300, currency: 'USD', effectiveFrom: new Date('2025-01-01T00:00:00Z'), invoice: 'INV-M' },
  { sku: 'HW-MUG', costMinor: 999, currency: 'USD', effectiveFrom: 'not a date', invoice: 'INV-BAD' },
];

describe('costAt', () => {
  const cases: [string, string, string | Date, string | undefined, string | null][] = [
    ['before the first cost', 'HW-KETTLE', '2023-12-31', 'USD', null],
    ['on its first day', 'HW-KETTLE', '2024-01-01', 'USD', 'INV-1'],
    ['the day before 2025-03-10', 'HW-KETTLE', '2025-03-09', 'USD', 'INV-1'],
    ['on 2025-03-10', 'HW-KETTLE', '2025-03-10', 'USD', 'INV-2'],
    ['the day after', 'HW-KETTLE', '2025-03-11', 'USD', 'INV-2'],
    ['two rows on one day: the later one wins', 'HW-KETTLE', '2025-06-01', 'USD', 'INV-3-corrected'],
    ['any currency: the latest row', 'HW-KETTLE', '2025-03-09', undefined, 'INV-EU'],
    ['another currency', 'HW-KETTLE', '2025-03-09', 'EUR', 'INV-EU'],
    ['a currency with no row', 'HW-KETTLE', '2025-03-09', 'GBP', null],
    ['SKUs match exactly', 'hw-kettle', '2025-03-10', 'USD', null],
    ['unknown SKU', 'HW-SPOON', '2025-03-10', 'USD', null],
    ['an instant counts on its UTC day', 'HW-KETTLE', '2025-03-09T23:30:00-05:00', 'USD', 'INV-2'],
    ['a Date', 'HW-KETTLE', new Date('2025-03-09T23:59:59.999Z'), 'USD', 'INV-1'],
    ['a row dated by an instant', 'HW-MUG', '2025-01-01', 'USD', 'INV-M'],
    ['a row with no valid date is ignored', 'HW-MUG', '2030-01-01', 'USD', 'INV-M'],
  ];
  it.each(cases)('%s', (_name, sku, date, currency, invoice) => {
    expect(costAt(COSTS, sku, date, currency)?.invoice ?? null).toBe(invoice);
  });

  it('returns the row itself, with its cost', () => {
    const row = costAt(COSTS, 'HW-KETTLE', '2025-04-01', 'USD');
    expect(row).toBe(COSTS[1]);
    expect(row?.costMinor).toBe(1100);
  });

  it('refuses a date that is not one', () => {
    expect(() => costAt(COSTS, 'HW-KETTLE', '2025-13-01')).toThrow(RangeError);
  });
});
