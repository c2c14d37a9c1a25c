// The Recovery API as the screen uses it, on the demo workspace with its report files imported and reconciled
// (what a first `npm start` does): totals, the ranked list and its filters, a case with its evidence and the
// customer conversation, the status actions and who may take them, recovered money matched from a later
// reimbursement, and the evidence packet as PDF and ZIP. On PGlite and on a PostgreSQL server.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDemoFiles } from '../src/demo/index.ts';
import { ReconCaseDetail, ReconCaseListResponse, ReconSummary } from '../src/contracts/index.ts';
import type { Db } from '../src/platform/db/port.ts';
import { RECON_DAILY_QUEUE, importReports, reconDailyJob, scheduleReconDaily } from '../src/recon/index.ts';
import { createLogger } from '../src/platform/log.ts';
import { fixedClock } from '../src/kernel/index.ts';
import { DEMO_OWNER_EMAIL, seedDemoRecon, seedDemoWorkspace } from '../src/seeding/index.ts';
import { client, testApp } from './support/app.ts';
import { DRIVERS, freshDbPerTest } from './support/db.ts';

const NOW = new Date('2026-11-15T12:00:00Z');
const PASSWORD = 'demo-password-9';
let files = '';
beforeAll(async () => {
  files = mkdtempSync(join(tmpdir(), 'cd-recon-http-'));
  await writeDemoFiles({ seed: 42, orders: 1500, now: NOW, outDir: files });
});
afterAll(() => rmSync(files, { recursive: true, force: true }));

describe.each(DRIVERS)('Recovery API on $name', (driver) => {
  let db: Db;
  freshDbPerTest(driver, (d) => (db = d));

  async function setup() {
    const { app, clock } = testApp(db);
    clock.set(NOW);
    const seeded = await seedDemoWorkspace({ db, clock }, { seed: 42, orders: 1500, password: PASSWORD });
    const rec = await seedDemoRecon(db, seeded.workspaceId, files, NOW, () => NOW);
    expect(rec.rejected).toEqual([]);
    const owner = client(app);
    expect((await owner.login(DEMO_OWNER_EMAIL, PASSWORD)).status).toBe(200);
    const viewer = client(app);
    expect((await viewer.login('auditor@demo.claimdesk.local', PASSWORD)).status).toBe(200);
    const download = async (path: string) => {
      const res = await app.request(path, { headers: { cookie: owner.cookie } });
      return { status: res.status, type: res.headers.get('content-type'), body: new Uint8Array(await res.arrayBuffer()) };
    };
    return { app, clock, owner, viewer, download, workspaceId: seeded.workspaceId };
  }

  it('totals, the ranked list, filters, a case with evidence and its conversation', async () => {
    const { owner, viewer } = await setup();
    const summary = ReconSummary.parse((await viewer.call('GET', '/api/recon/summary')).json);
    expect(summary.lastRun).toMatchObject({ asOf: '2026-11-15', actor: 'seed' });
    expect(summary.imports).toBeGreaterThan(10);
    const ready = summary.byStatus.ready!;
    expect(ready.USD!.count + (ready.EUR?.count ?? 0)).toBeGreaterThan(5);

    const list = ReconCaseListResponse.parse((await viewer.call('GET', '/api/recon/cases?status=ready,detected')).json);
    expect(list.total).toBe(list.items.length);
    const scores = list.items.map((c) => c.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const lost = ReconCaseListResponse.parse((await viewer.call('GET', '/api/recon/cases?kind=fc_lost&status=ready,detected')).json);
    expect(lost.items.length).toBeGreaterThan(0);
    expect(lost.items.every((c) => c.kind === 'fc_lost')).toBe(true);
    const one = lost.items[0]!;
    const bySku = ReconCaseListResponse.parse((await viewer.call('GET', `/api/recon/cases?q=${one.referenceId}&status=ready,detected`)).json);
    expect(bySku.items.map((c) => c.id)).toContain(one.id);
    expect((await viewer.call('GET', '/api/recon/cases?kind=fc_stolen')).status).toBe(400);

    const detail = ReconCaseDetail.parse((await owner.call('GET', `/api/recon/cases/${one.id}`)).json);
    expect(detail.evidence[0]).toMatchObject({ table: 'inventory_ledger_events', file: expect.stringMatching(/inventory-ledger-detail\.tsv$/), line: expect.any(Number) });
    expect(detail.claimText).toContain(one.referenceId!);
    expect(detail.events.map((e) => e.kind)).toEqual(['detected']);
    expect((await owner.call('GET', '/api/recon/cases/rcs_nope')).status).toBe(404);

    // A return the buyer said was damaged links the support conversation that proves it.
    const sellable = ReconCaseListResponse.parse((await viewer.call('GET', '/api/recon/cases?kind=return_sellable_inspection&status=ready,detected')).json).items;
    const linked = sellable.find((c) => c.ticketId);
    expect(linked, 'a sellable-graded return with a linked ticket').toBeDefined();
    expect(linked!.evidence.some((e) => e.table === 'messages' || e.table === 'fba_customer_returns')).toBe(true);
  });

  it('actions by role and status; a later reimbursement with the Amazon case id is recovered money', async () => {
    const { owner, viewer, workspaceId } = await setup();
    const list = ReconCaseListResponse.parse((await owner.call('GET', '/api/recon/cases?kind=fc_lost,fc_damaged&status=ready')).json).items;
    const target = list[0]!;
    const other = list[1]!;
    expect((await viewer.call('POST', `/api/recon/cases/${target.id}/actions`, { action: 'submit', amazonCaseId: '14928374651' })).status).toBe(403);
    const bad = await owner.call('POST', `/api/recon/cases/${target.id}/actions`, { action: 'submit', amazonCaseId: 'CASE-1' });
    expect([bad.status, bad.json.error?.message ?? bad.json.message]).toEqual([400, expect.stringContaining('Seller Central case ids are digits')]);
    expect((await owner.call('POST', `/api/recon/cases/${other.id}/actions`, { action: 'deny' })).status).toBe(409);
    const submitted = ReconCaseDetail.parse((await owner.call('POST', `/api/recon/cases/${target.id}/actions`, { action: 'submit', amazonCaseId: '14928374651' })).json);
    expect([submitted.status, submitted.amazonCaseId, submitted.events.map((e) => e.kind)]).toEqual(['submitted', '14928374651', ['detected', 'submit']]);
    const dismissed = ReconCaseDetail.parse((await owner.call('POST', `/api/recon/cases/${other.id}/actions`, { action: 'dismiss', reason: 'duplicate of a case filed by phone' })).json);
    expect([dismissed.status, dismissed.statusReason]).toEqual(['dismissed', 'duplicate of a case filed by phone']);
    expect(ReconCaseDetail.parse((await owner.call('POST', `/api/recon/cases/${other.id}/actions`, { action: 'reopen' })).json).status).toBe('ready');

    // Amazon pays under the case id: the next run matches it.
    const header = readFileSync(join(files, 'amazon-us-fba-reimbursements.tsv'), 'utf8').split('\n')[0]!;
    const paid = join(files, 'paid.tsv');
    const amount = (target.valueMinor / 100).toFixed(2);
    writeFileSync(paid, `${header}\n2026-11-14T10:00:00+00:00\t9990001\t14928374651\t\tLost_Warehouse\t${target.sku}\t${target.fnsku}\t${target.asin ?? ''}\tItem\tNew\tUSD\t${(target.valueMinor / 100 / target.quantity).toFixed(2)}\t${amount}\t${target.quantity}\t0\t${target.quantity}\t\t\n`);
    const account = (await db.query<{ id: string }>(`SELECT id FROM channel_accounts WHERE workspace_id = $1 AND kind = 'amazon' AND marketplace = 'US'`, [workspaceId])).rows[0]!.id;
    const imp = await importReports(db, workspaceId, account, 'auto', [paid], () => {}, { now: () => NOW });
    expect(imp.files[0]!.status).toBe('imported');
    const run = await owner.call('POST', '/api/recon/run', { asOf: '2026-11-15' });
    expect(run.status).toBe(200);
    expect(run.json.recoveriesMatched).toBeGreaterThanOrEqual(1);
    const after = ReconCaseDetail.parse((await owner.call('GET', `/api/recon/cases/${target.id}`)).json);
    expect([after.status, after.recoveredMinor, after.recoveries.map((r) => [r.reimbursementId, r.matchedBy])]).toEqual(['reimbursed', target.valueMinor, [['9990001', 'case_id']]]);
    const totals = ReconSummary.parse((await owner.call('GET', '/api/recon/summary')).json);
    expect(totals.byStatus.reimbursed!.USD!.recoveredMinor).toBe(target.valueMinor);
  });

  it('the evidence packet as PDF and ZIP, one case or many', async () => {
    const { owner, download } = await setup();
    const items = ReconCaseListResponse.parse((await owner.call('GET', '/api/recon/cases?kind=return_sellable_inspection&status=ready,detected')).json).items;
    const c = items.find((x) => x.ticketId) ?? items[0]!;
    const pdf = await download(`/api/recon/cases/${c.id}/packet.pdf`);
    expect([pdf.status, pdf.type, strFromU8(pdf.body.slice(0, 5))]).toEqual([200, 'application/pdf', '%PDF-']);
    const zip = await download(`/api/recon/cases/${c.id}/packet.zip`);
    expect([zip.status, zip.type]).toEqual([200, 'application/zip']);
    const entries = unzipSync(zip.body);
    const dir = `${c.kind}-${c.id}`;
    expect(Object.keys(entries)).toEqual(expect.arrayContaining([`${dir}/claim.txt`, `${dir}/case.json`, `${dir}/evidence.csv`, `${dir}/packet.pdf`, 'cases.csv', 'claim-batches.txt']));
    expect(strFromU8(entries[`${dir}/claim.txt`]!)).toBe(`${c.claimText}\n`);
    expect(strFromU8(entries[`${dir}/evidence.csv`]!)).toMatch(/^report,file,line,label,/);
    if (c.ticketId) expect(strFromU8(entries[`${dir}/conversation.txt`]!)).toMatch(/^>>> .* Buyer/m);

    // A pre-order loss carries the supplier's invoice as proof of ownership and cost.
    const lost = ReconCaseListResponse.parse((await owner.call('GET', '/api/recon/cases?kind=fc_lost,fc_damaged&status=ready')).json).items.find((x) => x.eventOn >= '2026-08-01')!;
    const lostZip = unzipSync((await download(`/api/recon/cases/${lost.id}/packet.zip`)).body);
    expect(strFromU8(lostZip[`${lost.kind}-${lost.id}/evidence.csv`]!)).toMatch(/\r\nSupplier invoices,[^,\r\n]*supplier-invoices\.csv,\d+,"?Invoice /);

    const ready = ReconCaseListResponse.parse((await owner.call('GET', '/api/recon/cases?status=ready&limit=5000')).json);
    const all = unzipSync((await download('/api/recon/export.zip')).body);
    expect(strFromU8(all['cases.csv']!).trim().split('\r\n')).toHaveLength(ready.total + 1);
    // Claim batches of at most 5 cases each.
    for (const batch of strFromU8(all['claim-batches.txt']!).split('\n\n----\n\n')) expect(batch.split('\n').filter((l) => /^\d+\. /.test(l)).length).toBeLessThanOrEqual(5);
  });

  it('uploads report files (agents): each recognised from its header, a bad one named and kept out', async () => {
    const { app, owner, viewer, workspaceId } = await setup();
    const account = (await db.query<{ id: string }>(`SELECT id FROM channel_accounts WHERE workspace_id = $1 AND kind = 'amazon' AND marketplace = 'US'`, [workspaceId])).rows[0]!.id;
    const header = readFileSync(join(files, 'amazon-us-fba-reimbursements.tsv'), 'utf8').split('\n')[0]!;
    const upload = async (who: typeof owner, parts: [string, string][], acct: string | null) => {
      const form = new FormData();
      if (acct) form.append('account', acct);
      for (const [name, text] of parts) form.append('files', new File([text], name));
      const res = await app.request('/api/recon/imports', { method: 'POST', body: form, headers: { cookie: who.cookie, 'x-csrf-token': who.csrf } });
      return { status: res.status, json: (await res.json()) as { files: { file: string; status: string; rows: number; error: string | null; kind: string | null }[]; rejected: number } };
    };
    const good = `${header}\n2026-11-10T10:00:00+00:00\t8880001\t\t\tLost_Warehouse\tKT-PRESS-BLK\tX00TEST\tB0TEST\tItem\tNew\tUSD\t4.10\t4.10\t1\t0\t1\t\t\n`;
    expect((await upload(viewer, [['reimb.txt', good]], account)).status).toBe(403);
    const r = await upload(owner, [['reimb.txt', good], ['shopping.txt', 'milk\tqty\n2\t1\n']], account);
    expect(r.status).toBe(200);
    expect(r.json.rejected).toBe(1);
    expect(r.json.files.map((f) => [f.file, f.status, f.kind, f.rows])).toEqual([['reimb.txt', 'imported', 'amazon-reimbursements', 1], ['shopping.txt', 'rejected', null, 0]]);
    expect(r.json.files[1]!.error).toMatch(/^shopping\.txt: /);
    expect((await db.query(`SELECT 1 FROM fba_reimbursements WHERE reimbursement_id = '8880001'`)).rows).toHaveLength(1);
    const again = await upload(owner, [['same-again.tsv', good]], account);
    expect(again.json.files[0]!.status).toBe('unchanged');
    const noAccount = await upload(owner, [['reimb2.txt', good.replace('8880001', '8880002')]], null);
    expect(noAccount.json.files[0]).toMatchObject({ status: 'rejected', error: expect.stringContaining('choose the Amazon account they belong to') });
    expect((await upload(owner, [], account)).status).toBe(400);
  });

  it('the daily job reconciles every workspace with reports, once a day', async () => {
    const { workspaceId } = await setup();
    await scheduleReconDaily(db, NOW);
    await scheduleReconDaily(db, NOW);
    const jobs = await db.query<{ run_at: Date }>(`SELECT run_at FROM jobs WHERE queue = $1`, [RECON_DAILY_QUEUE]);
    expect(jobs.rows.map((j) => j.run_at.toISOString())).toEqual(['2026-11-15T06:00:00.000Z']);
    const later = new Date('2026-11-16T07:00:00Z');
    const job = reconDailyJob({ db, clock: fixedClock(later), log: createLogger('silent') });
    await job.handle({}, { jobId: 0, attempt: 1, maxAttempts: 3, workspaceId: null });
    const runs = await db.query<{ actor: string; as_of: string }>(`SELECT actor, as_of::text FROM recon_runs WHERE workspace_id = $1 ORDER BY id`, [workspaceId]);
    expect(runs.rows.map((r) => [r.actor, r.as_of])).toEqual([['seed', '2026-11-15'], ['job', '2026-11-16']]);
    const next = await db.query<{ run_at: Date }>(`SELECT run_at FROM jobs WHERE queue = $1 ORDER BY run_at`, [RECON_DAILY_QUEUE]);
    expect(next.rows.map((j) => j.run_at.toISOString())).toEqual(['2026-11-15T06:00:00.000Z', '2026-11-17T06:00:00.000Z']);
  });
});
