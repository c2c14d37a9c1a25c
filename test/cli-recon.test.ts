// `claimdesk import <kind> FILE… --account` as a seller runs it: the real CLI in a child process, on the
// embedded database, against the demo workspace's Amazon accounts and the demo generator's report files.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
