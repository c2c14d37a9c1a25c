import { describe, expect, it } from 'vitest';
import type { ReconSummary } from '../../../src/contracts/index.ts';
import { allowedActions, amountInput, baseName, countdown, identifiers, parseAmount, queryPath, readQuery, statusCounts, summaryCurrencies, tileTotals } from './recovery.ts';
import { addFiles, amazonAccounts, fileSize } from './imports.ts';

const m = (count: number, valueMinor: number, recoveredMinor = 0) => ({ count, valueMinor, recoveredMinor });

describe('recovery tiles', () => {
  const summary: ReconSummary = {
    byStatus: {
      ready: { USD: m(3, 10_000), EUR: m(2, 5_000) },
      submitted: { USD: m(1, 2_500) },
      reimbursed: { USD: m(2, 4_000, 3_800) },
      resolved: { EUR: m(1, 900, 900) },
      expired: { USD: m(1, 700) },
      dismissed: { USD: m(4, 99_999) },
    },
    lastRun: null,
    imports: 3,
  };

  it('keeps currencies apart and leaves dismissed cases out of "detected"', () => {
    const tiles = tileTotals(summary);
    expect(tiles.detected).toEqual({ count: 10, money: { USD: 17_200, EUR: 5_900 } });
    expect(tiles.ready).toEqual({ count: 5, money: { USD: 10_000, EUR: 5_000 } });
    expect(tiles.submitted).toEqual({ count: 1, money: { USD: 2_500 } });
    expect(tiles.expired).toEqual({ count: 1, money: { USD: 700 } });
  });

  it('counts recovered money on any case, and the cases marked reimbursed', () => {
    expect(tileTotals(summary).recovered).toEqual({ count: 2, money: { USD: 3_800, EUR: 900 } });
  });

  it('lists the currencies and the cases per status', () => {
    expect(summaryCurrencies(summary)).toEqual(['EUR', 'USD']);
    expect(statusCounts(summary)).toMatchObject({ ready: 5, submitted: 1, dismissed: 4 });
  });
});

describe('deadline countdown', () => {
  it('counts the days left from the server, red from 7', () => {
    expect(countdown({ daysLeft: 12, opensOn: null, deadlineOn: '2026-12-03' })).toEqual({ state: 'left', days: 12, urgent: false });
    expect(countdown({ daysLeft: 7, opensOn: null, deadlineOn: '2026-11-28' })).toEqual({ state: 'left', days: 7, urgent: true });
    expect(countdown({ daysLeft: 0, opensOn: null, deadlineOn: '2026-11-21' })).toEqual({ state: 'lastDay' });
    expect(countdown({ daysLeft: -3, opensOn: null, deadlineOn: '2026-11-18' })).toEqual({ state: 'closed', days: 3 });
  });

  it('says when a window opens later', () => {
    // Deadline 60 days after it opens, 70 days left: it opens in 10 days.
    expect(countdown({ daysLeft: 70, opensOn: '2026-12-01', deadlineOn: '2027-01-30' })).toEqual({ state: 'opens', days: 10 });
    // Already open.
    expect(countdown({ daysLeft: 9, opensOn: '2026-10-02', deadlineOn: '2026-12-01' })).toMatchObject({ state: 'left', days: 9 });
  });
});

describe('actions', () => {
  it('follows the server\'s transitions', () => {
    expect(allowedActions('ready')).toEqual(['submit', 'dismiss']);
    expect(allowedActions('submitted')).toEqual(['reimbursed', 'deny']);
    expect(allowedActions('denied')).toEqual(['submit', 'reopen']);
    expect(allowedActions('dismissed')).toEqual(['reopen']);
    expect(allowedActions('reimbursed')).toEqual([]);
  });

  it('reads typed amounts into minor units', () => {
    expect(parseAmount('76.49', 'USD')).toBe(7649);
    expect(parseAmount('76,49', 'EUR')).toBe(7649);
    expect(parseAmount(' 1,234.5 ', 'USD')).toBe(123_450);
    expect(parseAmount('1.234,50', 'EUR')).toBe(123_450);
    expect(parseAmount('1,234', 'USD')).toBe(123_400);
    expect(parseAmount('12', 'USD')).toBe(1200);
    expect(parseAmount('1200', 'JPY')).toBe(1200);
    expect(parseAmount('0', 'USD')).toBe(0);
    for (const bad of ['', 'abc', '-5', '1.2.3', '12.3456', '$12']) expect(parseAmount(bad, 'USD'), bad).toBeNull();
    expect(amountInput(7649, 'USD')).toBe('76.49');
    expect(amountInput(1200, 'JPY')).toBe('1200');
  });
});

describe('filters in the URL', () => {
  it('round-trips and defaults to the open cases', () => {
    expect(readQuery(new URLSearchParams(''))).toEqual({ status: 'open', kind: null, q: '' });
    expect(readQuery(new URLSearchParams('status=bogus'))).toEqual({ status: 'open', kind: null, q: '' });
    const q = { status: 'ready' as const, kind: 'fc_lost', q: ' KT-1 ' };
    expect(queryPath(q)).toBe('/recovery?status=ready&kind=fc_lost&q=KT-1');
    expect(readQuery(new URL(queryPath(q), 'http://x').searchParams)).toEqual({ ...q, q: 'KT-1' });
    expect(queryPath({ status: 'open', kind: null, q: '' })).toBe('/recovery');
  });
});

describe('identifiers', () => {
  it('skips a reference that repeats the order or shipment id', () => {
    expect(identifiers({ sku: 'S', fnsku: null, asin: 'B0', orderId: '111-1', shipmentId: null, referenceId: '111-1' }).map((x) => x.key)).toEqual(['sku', 'asin', 'order']);
    expect(identifiers({ sku: null, fnsku: null, asin: null, orderId: null, shipmentId: null, referenceId: 'RMV-1' })).toEqual([{ key: 'reference', value: 'RMV-1' }]);
    expect(baseName('/tmp/x/amazon-us-fba-customer-returns.tsv')).toBe('amazon-us-fba-customer-returns.tsv');
    expect(baseName('C:\\files\\a.csv')).toBe('a.csv');
  });
});

describe('report import helpers', () => {
  const account = (id: string, kind: string, name: string) => ({
    id, kind, name, marketplace: 'US', externalId: null, status: 'active' as const, hasCredentials: false, lastSyncAt: null, lastError: null, createdAt: '2025-01-01T00:00:00.000Z',
  });

  it('offers only Amazon accounts, by name', () => {
    const list = [account('a', 'mailbox', 'Support'), account('b', 'amazon', 'Zeta US'), account('c', 'amazon', 'Alpha DE'), account('d', 'shopify', 'Shop')];
    expect(amazonAccounts(list).map((a) => a.id)).toEqual(['c', 'b']);
  });

  it('adds picked and dropped files once each', () => {
    const f = (name: string, size = 10, lastModified = 1) => ({ name, size, lastModified });
    const first = addFiles([], [f('a.tsv'), f('b.csv')]);
    expect(addFiles(first, [f('a.tsv'), f('a.tsv', 11), f('c.txt')]).map((x) => `${x.name}/${x.size}`)).toEqual(['a.tsv/10', 'b.csv/10', 'a.tsv/11', 'c.txt/10']);
  });

  it('formats file sizes', () => {
    expect([fileSize(12), fileSize(3_400), fileSize(340_000), fileSize(12_345_678)]).toEqual(['12 B', '3.4 KB', '340 KB', '12.3 MB']);
  });
});
