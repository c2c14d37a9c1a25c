// `claimdesk import <kind> FILE… --account` as a seller runs it: the real CLI in a child process, on the
// embedded database, against the demo workspace's Amazon accounts and the demo generator's report files.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDemoFiles } from '../src/demo/index.ts';

const BIN = resolve(import.meta.dirname, '../bin/claimdesk.js');
const dir = mkdtempSync(join(tmpdir(), 'cd-cli-recon-'));
const files = join(dir, 'files');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, CLAIMDESK_DATA_DIR: join(dir, 'data'), CLAIMDESK_LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  return spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8', timeout: 120_000 });
}

const us = (name: string) => join(files, `amazon-us-${name}`);

describe('claimdesk import <kind>', () => {
  let manifest: Awaited<ReturnType<typeof writeDemoFiles>>;
  beforeAll(async () => {
    manifest = await writeDemoFiles({ seed: 5, orders: 150, now: new Date('2026-11-15T12:00:00Z'), outDir: files });
    const seeded = run(['seed-demo', '--orders', '10', '--json']);
    expect(seeded.status, seeded.stderr).toBe(0);
  }, 120_000);

  it('lists every kind beside `import eml` in --help', () => {
    const help = run(['import', '--help']);
    expect(help.status).toBe(0);
    for (const k of ['eml', 'amazon-returns', 'amazon-reimbursements', 'amazon-ledger', 'amazon-ledger-summary', 'amazon-inbound', 'amazon-removals', 'amazon-removal-shipments', 'amazon-orders', 'amazon-settlement', 'amazon-fbm-returns', 'costs', 'invoices', 'auto']) {
      expect(help.stdout).toMatch(new RegExp(`\\n  ${k} \\[options\\]`));
    }
    const ledger = run(['import', 'amazon-ledger', '--help']);
    expect(ledger.status).toBe(0);
    expect(ledger.stdout).toContain('GET_LEDGER_DETAIL_VIEW_DATA');
    expect(ledger.stdout).toContain('file:line:column (header): reason');
    expect(run(['import', 'eml', '--help']).stdout).toContain('mbox');
  });

  it('imports the demo reports by header with --account given as the marketplace; a second run adds nothing', () => {
    const names = ['all-orders.tsv', 'fba-customer-returns.tsv', 'fba-reimbursements.tsv', 'inventory-ledger-detail.tsv'];
    const first = run(['import', 'auto', ...names.map(us), '--account', 'US', '--json']);
    expect(first.status, first.stderr).toBe(0);
    const a = JSON.parse(first.stdout);
    expect(a.files.map((f: { kind: string }) => f.kind)).toEqual(['amazon-orders', 'amazon-returns', 'amazon-reimbursements', 'amazon-ledger']);
    expect(a.files.map((f: { rows: number }) => f.rows)).toEqual(names.map((n) => manifest.files[`amazon-us-${n}`]!.rows));
    expect(a).toMatchObject({ rejected: 0, updated: 0, duplicates: 0, inserted: names.reduce((s, n) => s + manifest.files[`amazon-us-${n}`]!.rows, 0) });
    const second = run(['import', 'amazon-ledger', us('inventory-ledger-detail.tsv'), '--account', 'US']);
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/^unchanged .*inventory-ledger-detail\.tsv: Inventory Ledger detail \(amazon-ledger, GET_LEDGER_DETAIL_VIEW_DATA\): the same file was imported before/);
    const forced = JSON.parse(run(['import', 'amazon-ledger', us('inventory-ledger-detail.tsv'), '--account', 'US', '--force', '--json']).stdout);
    expect(forced).toMatchObject({ inserted: 0, duplicates: manifest.files['amazon-us-inventory-ledger-detail.tsv']!.rows });
  });

  it('exits 2 with file:line:column for a malformed row, a kind that disagrees with the header, or a missing account', () => {
    const ledger = readFileSync(us('inventory-ledger-detail.tsv'), 'utf8').split('\n');
    const cells = ledger[3]!.split('\t');
    cells[12] = '1.5';
    ledger[3] = cells.join('\t');
    const bad = join(dir, 'bad-ledger.tsv');
    writeFileSync(bad, ledger.join('\n'));
    const r = run(['import', 'amazon-ledger', bad, '--account', 'US']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`claimdesk: ${bad}:4:13 (ReconciledQuantity): "1.5" is not a whole number\n`);
    expect(r.stdout).toContain('1 file rejected (nothing of it was kept)');
    const wrong = run(['import', 'amazon-returns', us('fba-reimbursements.tsv'), '--account', 'US']);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('the header is FBA reimbursements (amazon-reimbursements, GET_FBA_REIMBURSEMENTS_DATA), not amazon-returns');
    const noAccount = run(['import', 'amazon-returns', us('fba-customer-returns.tsv')]);
    expect(noAccount.status).toBe(2);
    expect(noAccount.stderr).toContain('amazon-returns rows belong to an Amazon account: give --account');
    const unknownAccount = run(['import', 'amazon-returns', us('fba-customer-returns.tsv'), '--account', 'FR']);
    expect(unknownAccount.status).toBe(2);
    expect(unknownAccount.stderr).toMatch(/--account: no account "FR" in this workspace; Amazon accounts: .*Hearthwise Amazon US, US/);
    const missing = run(['import', 'auto', join(dir, 'nowhere.tsv'), '--account', 'US']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('nowhere.tsv: no such file');
  });
});

describe('claimdesk recon', () => {
  const NOW = '2026-11-15';
  let manifest: Awaited<ReturnType<typeof writeDemoFiles>>;
  const world = join(dir, 'world');
  const reports = join(dir, 'reports');
  beforeAll(async () => {
    manifest = await writeDemoFiles({ seed: 21, orders: 1500, now: new Date(`${NOW}T12:00:00Z`), outDir: world });
    // What a seller would download, one folder per account (names of the files carry no meaning: they are renamed).
    for (const [account, sub] of [['us', 'us'], ['de', 'de']] as const) {
      mkdirSync(join(reports, sub), { recursive: true });
      Object.keys(manifest.files).filter((f) => f.startsWith(`amazon-${account}-`)).forEach((f, i) => copyFileSync(join(world, f), join(reports, sub, `download-${i}.txt`)));
    }
    for (const f of ['seller-removal-receipts.tsv', 'supplier-costs.csv', 'supplier-invoices.csv']) copyFileSync(join(world, f), join(reports, 'us', f));
  }, 120_000);

  it('--files DIR --json: every case with identifiers, quantity, value, currency, deadline and evidence references', () => {
    const r = run(['recon', '--files', reports, '--as-of', NOW, '--json']);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { summary: { created: number }; cases: Record<string, unknown>[]; files: { recognisedAs: string }[] };
    expect(out.files.length).toBe(Object.keys(manifest.files).filter((f) => f.startsWith('amazon-')).length + 3);
    expect(out.cases.length).toBe(out.summary.created);
    expect(out.cases.length).toBeGreaterThan(10);
    const kinds = new Set(out.cases.map((c) => c.kind));
    for (const k of ['fc_lost', 'inbound_shortage', 'customer_return_not_returned', 'return_sellable_inspection', 'underpaid_reimbursement']) expect(kinds, k).toContain(k);
    expect(new Set(out.cases.map((c) => c.currency))).toEqual(new Set(['USD', 'EUR']));
    for (const c of out.cases) {
      expect(c).toMatchObject({ kind: expect.any(String), quantity: expect.any(Number), valueMinor: expect.any(Number), currency: expect.stringMatching(/^[A-Z]{3}$/), deadlineOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
      expect((c.deadlineOn as string) >= NOW).toBe(true);
      expect((c.evidence as { table: string; file: string | null }[]).length, String(c.summary)).toBeGreaterThan(0);
      expect([c.sku, c.fnsku, c.orderId, c.shipmentId, c.referenceId].some(Boolean)).toBe(true);
    }
    // Ranked by value × urgency.
    const scores = out.cases.map((c) => c.score as number);
    expect([...scores].sort((a, b) => b - a).slice(0, 5)).toEqual(scores.slice(0, 5));
  });

  it('--files names a file it cannot recognise (exit 2), or skips it with --skip-unknown', () => {
    const odd = join(reports, 'de', 'notes.txt');
    writeFileSync(odd, 'shopping list\tqty\nmilk\t2\n');
    try {
      const r = run(['recon', '--files', reports, '--as-of', NOW]);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(odd);
      const skipped = run(['recon', '--files', reports, '--as-of', NOW, '--skip-unknown', '--json']);
      expect(skipped.status, skipped.stderr).toBe(0);
      expect(JSON.parse(skipped.stdout).skipped[0]).toContain(odd);
    } finally {
      rmSync(odd);
    }
  });

  it('on the workspace: import, reconcile as of a day, list by status; bad flags exit 2', () => {
    expect(run(['seed-demo', '--orders', '10', '--json']).status).toBe(0);
    const imp = run(['import', 'auto', ...readdirNames(join(reports, 'us')), '--account', 'US', '--json']);
    expect(imp.status, imp.stderr).toBe(0);
    const first = run(['recon', '--as-of', NOW, '--json']);
    expect(first.status, first.stderr).toBe(0);
    const a = JSON.parse(first.stdout) as { summary: { created: number; unchanged: number }; cases: { status: string; kind: string }[] };
    expect(a.cases.length).toBeGreaterThan(0);
    expect(a.cases.every((c) => ['detected', 'ready'].includes(c.status))).toBe(true);
    const again = JSON.parse(run(['recon', '--as-of', NOW, '--json']).stdout) as { summary: { created: number; unchanged: number } };
    expect(again.summary.created).toBe(0);
    const human = run(['recon', '--as-of', NOW, '--kind', 'fc_lost']);
    expect(human.status).toBe(0);
    expect(human.stdout).toMatch(/^(ready|detected) .* fc_lost /m);
    expect(human.stdout).toMatch(/as of 2026-11-15: \d+ cases?, /);
    expect(run(['recon', '--status', 'open']).stderr).toContain('--status: unknown open');
    expect(run(['recon', '--as-of', '15.11.2026']).status).toBe(2);
  });
});

function readdirNames(d: string): string[] {
  return readdirSync(d).map((n) => join(d, n));
}
