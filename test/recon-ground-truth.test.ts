// Issue 5, "Done when": on the demo generator's files, the cases reconciliation finds match the generator's
// ground-truth manifest — precision and recall ≥ 0.95 by case and ≥ 0.98 by money, and no case past its
// deadline. The files are imported exactly as a seller would (`import auto` per account, the seller's own files
// without one); the manifest is never read by the code under test. On PGlite and on a PostgreSQL server.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDemoFiles, type DemoDiscrepancy, type DemoManifest } from '../src/demo/index.ts';
import type { Db } from '../src/platform/db/port.ts';
import { listCases, reconcile, type ReconCase } from '../src/recon/index.ts';
import { DRIVERS, freshDbPerTest } from './support/db.ts';
import { ACCOUNTS, WS, importFiles, scratchDir, seedAccounts } from './support/recon.ts';

const NOW = new Date('2026-11-15T12:00:00Z');
const AS_OF = '2026-11-15';
let dir = '';
let manifest: DemoManifest;
let truth: DemoDiscrepancy[] = [];

beforeAll(async () => {
  dir = scratchDir('cd-recon-truth-');
  manifest = await writeDemoFiles({ seed: 7, orders: 8000, now: NOW, outDir: dir });
  truth = readFileSync(join(dir, 'manifest.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as DemoDiscrepancy);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The generator's discrepancy types and the claim kinds they are filed as. */
const KIND: Record<DemoDiscrepancy['type'], string> = {
  fc_lost_unreconciled: 'fc_lost',
  fc_damaged_unreimbursed: 'fc_damaged',
  inbound_shortage: 'inbound_shortage',
  refund_no_return: 'customer_return_not_returned',
  return_damaged_unreimbursed: 'customer_return_damaged',
  return_sellable_but_damaged: 'return_sellable_inspection',
  underpaid_reimbursement: 'underpaid_reimbursement',
  reversal_without_found: 'reversal_dispute',
  removal_lost: 'removal_lost',
};

/** One key per claimable unit group, built the same way from both sides. */
const key = (kind: string, account: string, ref: { shipmentId?: string | null; sku?: string | null; orderId?: string | null; referenceId?: string | null }): string =>
  kind === 'inbound_shortage' ? `${account}|${kind}|${ref.shipmentId}|${ref.sku}`
    : kind === 'customer_return_not_returned' ? `${account}|${kind}|${ref.orderId}|${ref.sku}`
      : `${account}|${kind}|${ref.referenceId}`;

const accountKey = (accountId: string): string => (accountId === ACCOUNTS.US ? 'amazon-us' : accountId === ACCOUNTS.DE ? 'amazon-de' : accountId);

async function importDemo(db: Db): Promise<void> {
  await seedAccounts(db);
  const names = Object.keys(manifest.files).sort();
  const files = (p: string) => names.filter((n) => n.startsWith(p)).map((n) => join(dir, n));
  const results = [
    await importFiles(db, ACCOUNTS.US, 'auto', files('amazon-us-')),
    await importFiles(db, ACCOUNTS.DE, 'auto', files('amazon-de-')),
    await importFiles(db, null, 'auto', [...files('seller-'), ...files('supplier-')], { marketplace: 'US' }),
  ];
  for (const f of results.flatMap((r) => r.files)) expect(f.status, `${f.file}: ${f.error}`).toBe('imported');
}

describe.each(DRIVERS)('reconciliation against the demo ground truth on $name', (driver) => {
  let db: Db;
  freshDbPerTest(driver, (d) => (db = d));

  it('finds the injected discrepancies: precision and recall ≥ 0.95 by case and ≥ 0.98 by money, nothing past its deadline', async () => {
    await importDemo(db);
    const summary = await reconcile(db, WS, { asOf: NOW, now: () => NOW });
    const cases = await listCases(db, WS, NOW, { status: ['detected', 'ready'] });
    expect(summary.created).toBe(cases.length);

    // What is still claimable on the as-of day; the rest of the manifest is past its deadline.
    const live = new Map(truth.filter((t) => t.deadline >= AS_OF).map((t) => [key(KIND[t.type], t.account, t), t]));
    const all = new Map(truth.map((t) => [key(KIND[t.type], t.account, t), t]));
    const found = new Map<string, ReconCase>(cases.map((c) => [key(c.kind, accountKey(c.accountId), c), c]));
    expect(found.size, 'one case per unit group').toBe(cases.length);

    const hits = [...found.keys()].filter((k) => live.has(k));
    const precision = hits.length / found.size;
    const recall = hits.length / live.size;
    // Money: per currency, the matched value (the smaller of ours and the truth's) against each side's total.
    const moneyBy = (vals: [string, number][]) => vals.reduce<Record<string, number>>((a, [c, v]) => ((a[c] = (a[c] ?? 0) + v), a), {});
    const truthMoney = moneyBy([...live.values()].map((t) => [t.currency, t.valueMinor]));
    const foundMoney = moneyBy([...found.values()].map((c) => [c.currency, c.valueMinor]));
    const matchedMoney = moneyBy(hits.map((k) => [found.get(k)!.currency, Math.min(found.get(k)!.valueMinor, live.get(k)!.valueMinor)]));
    const report = {
      cases: found.size, truth: live.size, precision, recall, truthMoney, foundMoney, matchedMoney,
      missed: [...live.keys()].filter((k) => !found.has(k)).slice(0, 10),
      extra: [...found.keys()].filter((k) => !live.has(k)).slice(0, 10),
    };
    expect(live.size, 'the demo has live discrepancies of every type').toBeGreaterThan(80);
    expect(new Set([...live.values()].map((t) => t.type)).size).toBe(9);
    expect(precision, JSON.stringify(report)).toBeGreaterThanOrEqual(0.95);
    expect(recall, JSON.stringify(report)).toBeGreaterThanOrEqual(0.95);
    for (const cur of Object.keys(truthMoney)) {
      expect((matchedMoney[cur] ?? 0) / truthMoney[cur]!, `money recall ${cur}: ${JSON.stringify(report)}`).toBeGreaterThanOrEqual(0.98);
      expect((matchedMoney[cur] ?? 0) / (foundMoney[cur] ?? 1), `money precision ${cur}: ${JSON.stringify(report)}`).toBeGreaterThanOrEqual(0.98);
    }

    // No case past its deadline: by our own window, and by the generator's for the cases it knows.
    for (const c of cases) {
      expect(c.deadlineOn >= AS_OF, `${c.id} ${c.kind} deadline ${c.deadlineOn}`).toBe(true);
      const t = all.get(key(c.kind, accountKey(c.accountId), c));
      if (t) expect(t.deadline >= AS_OF, `${c.kind} ${c.referenceId ?? c.orderId}: the generator's deadline ${t.deadline} has passed`).toBe(true);
    }
    // Each case's deadline is the generator's (or earlier: a safety margin, never later).
    const later = hits.filter((k) => found.get(k)!.deadlineOn > live.get(k)!.deadline);
    expect(later.length / hits.length, `cases with a later deadline than the truth: ${later.slice(0, 5).join(', ')}`).toBeLessThanOrEqual(0.02);
  });

  it('a second run finds the same cases and changes nothing', async () => {
    await importDemo(db);
    const first = await reconcile(db, WS, { asOf: NOW, now: () => NOW });
    const second = await reconcile(db, WS, { asOf: NOW, now: () => NOW });
    expect(second).toMatchObject({ created: 0, updated: 0, resolved: 0, expired: 0, unchanged: first.created });
  });
});
