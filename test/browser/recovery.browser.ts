/**
 * The Recovery screen end to end in a real Chromium against the real server (fresh embedded database, demo
 * workspace with the demo's Amazon report files imported and reconciled): the tiles show money per currency, the
 * case table keeps the server's ranking, the kind filter and the search narrow it, a case page shows its claim
 * text and evidence, "Mark submitted" shows the server's error for a malformed Seller Central case id and moves the
 * case to submitted with a good one (the tiles follow), the ZIP / PDF exports download, and "Import reports" uploads
 * a reimbursements report (imported) next to an unrecognisable file (rejected, its name in the error).
 * Run: node bin/run-ts.js test/browser/recovery.browser.ts     (after `npm run build:web`)
 */
import type { APIResponse, Page, Response } from 'playwright-core';
import { assert, CJK, runBrowserSuite, shot, signIn, type Step } from './harness.ts';

interface Summary { byStatus: Record<string, Record<string, { count: number; valueMinor: number; recoveredMinor: number }>>; imports: number }
interface Case { id: string; kind: string; status: string; score: number; valueMinor: number; currency: string; claimText: string; sku: string | null; orderId: string | null; ticketId: string | null; valueVerified: boolean; evidence: { label: string; file?: string | null; line?: number | null }[] }
interface Row { id: string; kind: string; status: string; score: number }

const LIVE = new Set(['detected', 'ready']);

/** Amazon's FBA reimbursements report header (src/demo/report-headers.ts) and one data row. */
const REIMBURSEMENTS_HEADER = ['approval-date', 'reimbursement-id', 'case-id', 'amazon-order-id', 'reason', 'sku', 'fnsku', 'asin', 'product-name',
  'condition', 'currency-unit', 'amount-per-unit', 'amount-total', 'quantity-reimbursed-cash', 'quantity-reimbursed-inventory',
  'quantity-reimbursed-total', 'original-reimbursement-id', 'original-reimbursement-type'];
const REIMBURSEMENT_ROW = ['2025-02-03T10:15:00+00:00', '9988776655', '', '', 'Lost_Warehouse', 'BROWSER-TEST-SKU', 'X00BRWSR01', 'B0BRWSR001',
  'Browser test kettle', 'NewItem', 'USD', '12.34', '12.34', '1', '0', '1', '', ''];

async function json<T>(res: APIResponse | Response): Promise<T> {
  assert(res.status() === 200, `${res.url()} answered ${res.status()}: ${(await res.text()).slice(0, 200)}`);
  return (await res.json()) as T;
}

async function rows(page: Page): Promise<Row[]> {
  return page.$$eval('[data-testid="case-row"]', (els) => els.map((el) => ({
    id: el.getAttribute('data-case-id') ?? '', kind: el.getAttribute('data-kind') ?? '', status: el.getAttribute('data-status') ?? '', score: Number(el.getAttribute('data-score')),
  })));
}

/** Minor units a tile shows per currency (from its data attributes). */
async function tile(page: Page, name: string): Promise<Record<string, number>> {
  return page.$$eval(`[data-testid="tile-${name}"] [data-currency]`, (els) => Object.fromEntries(els.map((e) => [e.getAttribute('data-currency') ?? '', Number(e.getAttribute('data-minor'))])));
}

/** Waits until the case table shows what GET /api/recon/cases answered for the query the UI just sent. */
async function listLoaded(page: Page, change: () => Promise<void>, check: (url: URL) => boolean): Promise<{ items: Case[]; total: number }> {
  const loaded = page.waitForResponse((r) => {
    const url = new URL(r.url());
    return url.pathname === '/api/recon/cases' && r.request().method() === 'GET' && check(url);
  });
  await change();
  const list = await json<{ items: Case[]; total: number }>(await loaded);
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="case-row"]').length === n && !document.querySelector('.rec-cases [aria-busy="true"]'), list.items.length);
  return list;
}

await runBrowserSuite('recovery', ({ page, base, login, pageErrors, newContext, newPage }) => {
  const email = login.email;
  let summary: Summary = { byStatus: {}, imports: 0 };
  let target: Case | null = null;
  const api = async <T>(path: string) => json<T>(await page.request.get(`${base}${path}`));

  const steps: Step[] = [
    {
      name: 'sign in; the demo workspace has recovery cases',
      run: async () => {
        await signIn(page, base, email, login.password, '/recovery');
        await page.waitForSelector('[data-testid="recovery-page"]');
        summary = await api<Summary>('/api/recon/summary');
        const cases = Object.values(summary.byStatus).flatMap((c) => Object.values(c)).reduce((n, m) => n + m.count, 0);
        assert(cases > 0, 'the demo workspace has no recovery cases (the server seeds its report files like `serve`)');
        return `${cases} cases, ${summary.imports} report files`;
      },
    },
    {
      name: 'the tiles show money per currency, as the summary says',
      run: async () => {
        await page.waitForSelector('[data-testid="tile-ready"] [data-currency]');
        const ready = await tile(page, 'ready');
        const detected = await tile(page, 'detected');
        for (const [currency, m] of Object.entries(summary.byStatus.ready ?? {})) {
          assert(ready[currency] === m.valueMinor, `ready tile shows ${ready[currency]} ${currency}, the API ${m.valueMinor}`);
        }
        assert(Object.values(ready).some((v) => v > 0), 'the ready tile shows no money');
        assert(Object.values(detected).some((v) => v > 0), 'the detected tile shows no money');
        const text = (await page.locator('[data-testid="tile-ready"] .rec-tile-money').textContent()) ?? '';
        assert(/[$€£¥]\s?\d[\d,.]*\.\d\d|\d[\d.,]*\s?€/.test(text), `the ready tile shows no formatted money: "${text}"`);
        await shot(page, 'recovery-list.png');
        return `ready: ${text}`;
      },
    },
    {
      name: 'Run reconciliation says what the run found',
      run: async () => {
        await page.click('[data-testid="rec-run"]');
        const result = page.locator('[data-testid="rec-run-result"]');
        await result.waitFor();
        const text = (await result.textContent()) ?? '';
        assert(/discrepancies checked/.test(text) && /new cases/.test(text), `run result: "${text}"`);
        await page.waitForSelector('[data-testid="case-row"]');
        // The tiles below are compared with the totals after this run.
        summary = await api<Summary>('/api/recon/summary');
        return text.replace(/\s+/g, ' ').slice(0, 140);
      },
    },
    {
      name: 'the case table is in the server\'s ranked order (first row has the highest score)',
      run: async () => {
        const list = await api<{ items: Case[]; total: number }>('/api/recon/cases?limit=500');
        const shown = await rows(page);
        assert(shown.length === list.items.length && shown.length > 5, `${shown.length} rows, the API has ${list.items.length}`);
        assert(shown.every((r, i) => r.id === list.items[i]?.id), 'the rows are not in the API\'s order');
        const max = Math.max(...shown.map((r) => r.score));
        assert(shown[0]!.score === max, `the first row scores ${shown[0]!.score}, the highest is ${max}`);
        const live = shown.filter((r) => LIVE.has(r.status));
        for (let i = 1; i < live.length; i++) assert(live[i - 1]!.score >= live[i]!.score, `row ${i + 1} (${live[i]!.score}) outranks row ${i} (${live[i - 1]!.score})`);
        const firstClosed = shown.findIndex((r) => !LIVE.has(r.status));
        assert(firstClosed === -1 || shown.slice(firstClosed).every((r) => !LIVE.has(r.status)), 'a live case is below a submitted one');
        const countdown = (await page.locator('[data-testid="case-row"] [data-testid="countdown"]').first().textContent()) ?? '';
        assert(/days? left|last day|opens in/.test(countdown), `countdown reads "${countdown}"`);
        return `${shown.length} rows, top score ${max}, first countdown "${countdown}"`;
      },
    },
    {
      name: 'filtering by claim kind and searching narrow the list',
      run: async () => {
        const all = await rows(page);
        const counts = new Map<string, number>();
        for (const r of all) counts.set(r.kind, (counts.get(r.kind) ?? 0) + 1);
        const [kind, n] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]!;
        assert(n < all.length, 'every case has the same kind: nothing to narrow');
        const list = await listLoaded(page, () => page.selectOption('[data-testid="rec-kind"]', kind).then(() => undefined), (u) => u.searchParams.get('kind') === kind);
        const narrowed = await rows(page);
        assert(narrowed.length === n && list.total === n, `kind ${kind}: ${narrowed.length} rows, ${list.total} from the API, expected ${n}`);
        assert(narrowed.every((r) => r.kind === kind), 'a row of another kind is shown');
        assert(new URL(page.url()).searchParams.get('kind') === kind, 'the filter is not in the URL');
        await listLoaded(page, () => page.selectOption('[data-testid="rec-kind"]', '').then(() => undefined), (u) => !u.searchParams.has('kind'));
        // Search by an order id (or a SKU): only cases that carry it.
        const full = await api<{ items: Case[] }>('/api/recon/cases?limit=500');
        const probe = full.items.find((c) => c.orderId)?.orderId ?? full.items[0]!.sku!;
        await listLoaded(page, () => page.fill('[data-testid="rec-search"]', probe), (u) => u.searchParams.get('q') === probe);
        const found = await rows(page);
        assert(found.length >= 1 && found.length < all.length, `search ${probe}: ${found.length} rows`);
        await listLoaded(page, () => page.fill('[data-testid="rec-search"]', ''), (u) => !u.searchParams.has('q'));
        return `${kind}: ${all.length} → ${n}; "${probe}": ${found.length}`;
      },
    },
    {
      name: 'a case page shows its claim text, value and evidence with file and line',
      run: async () => {
        const list = await api<{ items: Case[] }>('/api/recon/cases?status=ready&limit=500');
        // A ready case with evidence from an imported file, preferably one with a customer conversation.
        const candidates = list.items.filter((c) => c.evidence.some((e) => e.line != null));
        const pick = candidates.find((c) => c.ticketId) ?? candidates[0] ?? list.items[0];
        assert(pick, 'no ready case');
        await page.click(`[data-testid="case-row"][data-case-id="${pick.id}"] [data-testid="case-link"]`);
        await page.waitForURL(new RegExp(`/recovery/${pick.id}$`));
        await page.waitForSelector('[data-testid="claim-text"]');
        const detail = await api<Case>(`/api/recon/cases/${pick.id}`);
        target = detail;
        const claim = await page.inputValue('[data-testid="claim-text"]');
        assert(claim === detail.claimText && claim.length > 40, 'the claim text is not the case\'s');
        assert(await page.locator('[data-testid="claim-text"]').getAttribute('readonly') !== null, 'the claim text is editable');
        const evidence = await page.$$eval('[data-testid="evidence-item"]', (els) => els.map((e) => e.textContent ?? ''));
        assert(evidence.length === detail.evidence.length && evidence.length > 0, `${evidence.length} evidence rows shown, the case has ${detail.evidence.length}`);
        const withLine = detail.evidence.find((e) => e.file && e.line != null);
        if (withLine) assert(evidence.some((t) => t.includes(`line ${withLine.line}`) && t.includes(withLine.file!.split('/').pop()!)), 'no evidence row names its file and line');
        const badge = detail.valueVerified ? 'value-verified' : 'value-assumption';
        assert(await page.locator(`[data-testid="${badge}"]`).count() === 1, `no ${badge} badge`);
        if (detail.ticketId) {
          const href = await page.getAttribute('[data-testid="case-ticket-link"]', 'href');
          assert(href === `/inbox/${detail.ticketId}`, `conversation link ${href}`);
        }
        const pdf = await page.request.get(`${base}${await page.getAttribute('[data-testid="case-pdf"]', 'href')}`);
        assert(pdf.status() === 200 && pdf.headers()['content-type'] === 'application/pdf', `PDF: ${pdf.status()} ${pdf.headers()['content-type']}`);
        await shot(page, 'recovery-case.png');
        return `${detail.kind} ${detail.id}: ${evidence.length} evidence rows${detail.ticketId ? ', linked conversation' : ''}`;
      },
    },
    {
      name: '"Mark submitted" with a malformed case id shows the server\'s error',
      run: async () => {
        await page.click('[data-testid="case-act-submit"]');
        await page.fill('[data-testid="case-amazon-id"]', 'CASE-12');
        const answered = page.waitForResponse((r) => r.url().endsWith('/actions') && r.request().method() === 'POST');
        await page.click('[data-testid="case-form-save"]');
        const res = await answered;
        assert(res.status() === 400, `the server answered ${res.status()}`);
        const alert = page.locator('[data-testid="case-actions"] [role="alert"]');
        await alert.waitFor();
        const text = (await alert.textContent()) ?? '';
        assert(/digits/.test(text), `the error does not carry the server's message: "${text}"`);
        assert(await page.getAttribute('[data-testid="case-header"]', 'data-status') === 'ready', 'the case moved anyway');
        return text;
      },
    },
    {
      name: 'with 12345678901 it moves to submitted and the tile totals follow',
      run: async () => {
        assert(target, 'no case open');
        await page.fill('[data-testid="case-amazon-id"]', '12345678901');
        await page.click('[data-testid="case-form-save"]');
        await page.waitForSelector('[data-testid="case-header"][data-status="submitted"]');
        assert(((await page.textContent('[data-testid="case-amazon-case-id"]')) ?? '').trim() === '12345678901', 'the Amazon case id is not shown');
        assert(await page.locator('[data-testid="case-timeline"] [data-kind="submit"]').count() === 1, 'no submit event on the timeline');
        assert(await page.locator('[data-testid="case-act-reimbursed"]').count() === 1, 'no "Reimbursed" action on a submitted case');
        const c = target.currency;
        const beforeReady = summary.byStatus.ready?.[c]?.valueMinor ?? 0;
        const beforeSubmitted = summary.byStatus.submitted?.[c]?.valueMinor ?? 0;
        await page.click('[data-testid="case-back"]');
        await page.waitForSelector('[data-testid="tile-submitted"] [data-currency]');
        await page.waitForFunction(([cur, want]) => Number(document.querySelector(`[data-testid="tile-submitted"] [data-currency="${cur}"]`)?.getAttribute('data-minor')) === want,
          [c, beforeSubmitted + target.valueMinor] as const);
        const ready = (await tile(page, 'ready'))[c] ?? 0;
        assert(ready === beforeReady - target.valueMinor, `ready ${c}: ${beforeReady} → ${ready}, expected −${target.valueMinor}`);
        const row = page.locator(`[data-testid="case-row"][data-case-id="${target.id}"]`);
        assert(await row.getAttribute('data-status') === 'submitted', 'the row is not submitted');
        summary = await api<Summary>('/api/recon/summary');
        return `submitted ${c} ${beforeSubmitted} → ${beforeSubmitted + target.valueMinor}`;
      },
    },
    {
      name: 'the ZIP exports answer 200 with application/zip',
      run: async () => {
        const readyHref = await page.getAttribute('[data-testid="rec-export-ready"]', 'href');
        assert(readyHref === '/api/recon/export.zip', `export all ready links to ${readyHref}`);
        const boxes = page.locator('[data-testid="case-row"] [data-testid="case-select"]');
        await boxes.nth(0).check();
        await boxes.nth(1).check();
        const selectedHref = await page.getAttribute('a[data-testid="rec-export-selected"]', 'href');
        assert(selectedHref && /ids=[^,]+,[^,]+$/.test(selectedHref), `export selected links to ${selectedHref}`);
        const out: string[] = [];
        for (const href of [readyHref, selectedHref]) {
          const res = await page.request.get(`${base}${href}`);
          const body = await res.body();
          assert(res.status() === 200 && res.headers()['content-type'] === 'application/zip', `${href}: ${res.status()} ${res.headers()['content-type']}`);
          assert(body.subarray(0, 2).toString() === 'PK', `${href} is not a ZIP`);
          out.push(`${body.length} bytes`);
        }
        return out.join(', ');
      },
    },
    {
      name: '"Import reports" uploads a reimbursements report and rejects an unrecognisable file by name',
      run: async () => {
        assert(await page.locator('[data-testid="rec-import"]').count() === 0, 'the import panel is open before it was asked for');
        await page.click('[data-testid="rec-import-toggle"]');
        const panel = page.locator('[data-testid="rec-import"]');
        await panel.waitFor();
        const hint = (await panel.locator('[data-testid="rec-import-hint"]').textContent()) ?? '';
        assert(/reimbursements/.test(hint) && /header/.test(hint), `hint: "${hint}"`);
        // The demo has two Amazon accounts (US, DE): nothing preselected; the US one owns these rows.
        const accounts = await api<{ items: { id: string; kind: string; marketplace: string | null }[] }>('/api/channel-accounts');
        const amazon = accounts.items.filter((a) => a.kind === 'amazon');
        const us = amazon.find((a) => a.marketplace === 'US') ?? amazon[0];
        assert(us, 'the demo has no Amazon account');
        const options = await panel.locator('[data-testid="rec-import-account"] option:not([value=""])').allTextContents();
        assert(options.length === amazon.length && options.every((o) => / · [A-Z]{2}$/.test(o)), `account options: ${options.join(' | ')}`);
        await panel.locator('[data-testid="rec-import-account"]').selectOption(us.id);
        const tsv = `${REIMBURSEMENTS_HEADER.join('\t')}\n${REIMBURSEMENT_ROW.join('\t')}\n`;
        await panel.locator('[data-testid="rec-import-files"]').setInputFiles([
          { name: 'my-reimbursements.txt', mimeType: 'text/tab-separated-values', buffer: Buffer.from(tsv) },
          { name: 'holiday-notes.csv', mimeType: 'text/csv', buffer: Buffer.from('colour,flavour,mood\nblue,mint,calm\n') },
        ]);
        await panel.locator('[data-testid="rec-import-chosen"] li').nth(1).waitFor({ timeout: 5000 });
        assert(await panel.locator('[data-testid="rec-import-chosen"] li').count() === 2, 'the two files are not listed as chosen');
        const answered = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/recon/imports' && r.request().method() === 'POST');
        await panel.locator('[data-testid="rec-import-upload"]').click();
        const res = await answered;
        assert(res.status() === 200, `the upload answered ${res.status()}: ${(await res.text()).slice(0, 200)}`);
        await panel.locator('[data-testid="rec-import-result"]').waitFor();
        const good = panel.locator('[data-testid="rec-import-file"][data-file="my-reimbursements.txt"]');
        const bad = panel.locator('[data-testid="rec-import-file"][data-file="holiday-notes.csv"]');
        assert(await good.getAttribute('data-status') === 'imported', `the reimbursements file is ${await good.getAttribute('data-status')}: ${await good.textContent()}`);
        assert(await good.locator('[data-testid="rec-import-counts"]').getAttribute('data-rows') === '1', `the reimbursements file: ${await good.textContent()}`);
        const counts = (await good.locator('[data-testid="rec-import-counts"]').textContent()) ?? '';
        assert(/^1 row: 1 new, 0 updated, 0 already there$/.test(counts.trim()), `counts read "${counts}"`);
        const kind = (await good.locator('[data-testid="rec-import-kind"]').textContent()) ?? '';
        assert(/reimbursements/i.test(kind), `recognised as "${kind}"`);
        assert(await bad.getAttribute('data-status') === 'rejected', `the unrecognisable file is ${await bad.getAttribute('data-status')}`);
        const error = (await bad.locator('[data-testid="rec-import-error"]').textContent()) ?? '';
        assert(error.includes('holiday-notes.csv') && !/cd-upload-/.test(error), `the error does not name the file (or leaks the temp path): "${error}"`);
        assert(await bad.locator('[data-testid="rec-import-error"]').evaluate((el) => getComputedStyle(el).fontFamily.includes('monospace')), 'the error is not monospace');
        // New data: reconciliation can turn it into cases right away.
        const run = panel.locator('[data-testid="rec-import-run"]');
        assert(await run.textContent() === 'Run reconciliation now', `run button reads "${await run.textContent()}"`);
        await shot(page, 'recovery-import.png');
        await run.click();
        const ran = panel.locator('[data-testid="rec-run-result"]');
        await ran.waitFor();
        const after = await api<Summary>('/api/recon/summary');
        assert(after.imports >= summary.imports + 1, `imports ${summary.imports} → ${after.imports}`);
        return `${kind.trim()}: ${counts}; rejected: ${error}`;
      },
    },
    {
      name: 'in Chinese (an agent with zh-CN) the screen is translated',
      run: async () => {
        const zh = await newPage(await newContext());
        try {
          await signIn(zh, base, 'li.wei@demo.claimdesk.local', login.password, '/recovery');
          await zh.waitForSelector('[data-testid="case-row"]');
          const title = (await zh.textContent('h1')) ?? '';
          const tileLabel = (await zh.textContent('[data-testid="tile-ready"] .rec-tile-label')) ?? '';
          const status = (await zh.textContent('[data-testid="case-row"] [data-testid="case-status"]')) ?? '';
          assert(CJK.test(title) && CJK.test(tileLabel) && CJK.test(status), `not translated: ${title} | ${tileLabel} | ${status}`);
          await shot(zh, 'recovery-list-zh.png');
        } finally {
          await zh.context().close();
        }
        assert(pageErrors.length === 0, `page errors: ${pageErrors.join(' | ')}`);
      },
    },
  ];
  return steps;
});
