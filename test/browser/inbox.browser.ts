/**
 * End-to-end check of the web UI in a real Chromium against the real server (fresh embedded database, demo workspace).
 * Run: node --import tsx test/browser/inbox.browser.ts     (after `npm run build:web`)
 * Env: CHROMIUM_PATH (default /usr/bin/chromium); CI=true makes a missing browser a failure instead of a skip.
 */
import type { Page } from 'playwright-core';
import { zhCN } from '../../web/src/i18n/zh-CN.ts';
import { assert, CJK, optionCount, pickFilter, runBrowserSuite, SHOTS, type Step, type TicketList } from './harness.ts';

const RISK_RANK: Record<string, number> = { critical: 0, high: 1, normal: 2, low: 3 };
const NAV = ['inbox', 'recovery', 'claims', 'health', 'settings'] as const;

async function rowAttrs(page: Page) {
  return page.$$eval('[data-testid="ticket-row"]', (rows) =>
    rows.map((r) => ({
      id: r.getAttribute('data-ticket-id') ?? '',
      risk: r.getAttribute('data-risk') ?? '',
      status: r.getAttribute('data-status') ?? '',
      orderId: r.getAttribute('data-order-id') ?? '',
    })),
  );
}

/** PATCH /api/tickets/{id} as the UI sends it when `select` changes (or the checkbox is clicked). */
async function saveAction(page: Page, ticketId: string, act: () => Promise<unknown>): Promise<TicketList['items'][number]> {
  const saved = page.waitForResponse((r) => r.url().endsWith(`/api/tickets/${encodeURIComponent(ticketId)}`) && r.request().method() === 'PATCH');
  await act();
  const res = await saved;
  assert(res.status() === 200, `PATCH ticket answered ${res.status()}: ${await res.text()}`);
  return (await res.json()) as TicketList['items'][number];
}

async function waitForOptionCount(page: Page, testId: string, value: string, count: number): Promise<void> {
  await page.waitForFunction(([sel, n]) => document.querySelector(sel)?.textContent?.trim().endsWith(`· ${n}`) === true,
    [`[data-testid="${testId}"] option[value="${value}"]`, String(count)] as const);
}

async function navLabels(page: Page): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of NAV) out[name] = (await page.locator(`[data-testid="nav-${name}"]`).textContent())?.trim() ?? '';
  return out;
}

async function expectChineseNav(page: Page): Promise<void> {
  await page.waitForFunction((text) => document.querySelector('[data-testid="nav-inbox"]')?.textContent?.trim() === text, zhCN['nav.inbox']);
  const labels = await navLabels(page);
  for (const name of NAV) {
    assert(labels[name] === zhCN[`nav.${name}`] && CJK.test(labels[name] ?? ''), `nav-${name} should read "${zhCN[`nav.${name}`]}", got "${labels[name]}"`);
  }
}

await runBrowserSuite('inbox', ({ page, base, login, pageErrors }) => {
    let opened = { id: '', orderId: '' };

    const steps: Step[] = [
      { name: 'sign in and land on the inbox', run: async () => {
        await page.goto(`${base}/inbox`);
        await page.waitForURL(/\/login/);
        await page.fill('[data-testid="login-email"]', login.email);
        await page.fill('[data-testid="login-password"]', login.password);
        await page.click('[data-testid="login-submit"]');
        await page.waitForURL(/\/inbox$/);
        const ws = await page.locator('[data-testid="workspace-name"]').textContent();
        return `workspace "${ws}"`;
      } },
      { name: 'queue lists demo tickets, critical risk first', run: async () => {
        await page.waitForFunction(() => document.querySelectorAll('[data-testid="ticket-row"]').length >= 10);
        const rows = await rowAttrs(page);
        assert(rows[0]?.risk === 'critical', `first row should be critical, got ${rows[0]?.risk}`);
        const open = rows.filter((r) => r.status === 'open').map((r) => RISK_RANK[r.risk] ?? 9);
        assert(open.every((rank, i) => i === 0 || rank >= (open[i - 1] ?? 0)), `open tickets are not ordered by risk: ${open.join(',')}`);
        const critical = rows.filter((r) => r.risk === 'critical').length;
        return `${rows.length} rows, ${critical} critical, first: ${rows.slice(0, 3).map((r) => r.risk).join('/')}`;
      } },
      { name: 'open a ticket: messages and order panel', run: async () => {
        const rows = await rowAttrs(page);
        const target = rows.find((r) => r.orderId) ?? rows[0];
        assert(target, 'no ticket row to open');
        await page.click(`[data-testid="ticket-row"][data-ticket-id="${target.id}"]`);
        await page.waitForURL(new RegExp(`/inbox/${encodeURIComponent(target.id)}$`));
        await page.waitForSelector('[data-testid="message"]');
        const messages = await page.locator('[data-testid="message"]').count();
        const panel = page.locator('[data-testid="order-panel"]');
        await panel.waitFor();
        if (target.orderId) {
          const shown = await panel.getAttribute('data-order-id');
          assert(shown === target.orderId, `order panel shows ${shown}, expected ${target.orderId}`);
        }
        await page.waitForSelector('[data-testid="customer-panel"]');
        opened = { id: target.id, orderId: target.orderId };
        return `${messages} messages, order ${target.orderId || '(none)'}`;
      } },
      { name: 'add an internal note and see it appear', run: async () => {
        const text = `Browser check note ${Date.now()}`;
        const before = await page.locator('[data-testid="note"]').count();
        await page.fill('[data-testid="note-input"]', text);
        await page.click('[data-testid="note-submit"]');
        await page.locator('[data-testid="note"]', { hasText: text }).waitFor();
        const after = await page.locator('[data-testid="note"]').count();
        assert(after === before + 1, `expected ${before + 1} notes, found ${after}`);
        assert((await page.inputValue('[data-testid="note-input"]')) === '', 'note box was not cleared');
        return `${after} notes on the ticket`;
      } },
      { name: 'j / k move through the queue', run: async () => {
        await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
        const rows = await rowAttrs(page);
        const index = rows.findIndex((r) => r.id === opened.id);
        const next = rows[index + 1];
        assert(index >= 0 && next, 'the opened ticket should be in the queue with one after it');
        await page.keyboard.press('j');
        await page.waitForURL(new RegExp(`/inbox/${encodeURIComponent(next.id)}$`));
        await page.waitForSelector(`[data-testid="ticket-row"][data-ticket-id="${next.id}"][aria-current="true"]`);
        await page.keyboard.press('k');
        await page.waitForURL(new RegExp(`/inbox/${encodeURIComponent(opened.id)}$`));
        await page.waitForSelector('[data-testid="message"]');
        await page.waitForSelector('[data-testid="order-panel"]');
        await page.screenshot({ path: `${SHOTS}inbox-en.png`, fullPage: true });
        return 'j → next ticket, k → back; saved inbox-en.png';
      } },
      { name: 'assign the ticket to me: saved by user id, counted under "Assigned to me", kept after reload', run: async () => {
        const me = await page.evaluate(async () => ((await (await fetch('/api/me')).json()) as { user: { id: string } }).user.id);
        const select = '[data-testid="ticket-assignee"]';
        await page.waitForFunction((sel) => ((document.querySelector(sel) as HTMLSelectElement | null)?.options.length ?? 0) > 2, select);
        const before = await page.inputValue(select);
        const listed = await page.$eval(select, (el) => !(el as HTMLSelectElement).selectedOptions[0]?.disabled);
        assert(listed, `the ticket's assignee ${before} should be one of the members`);
        const target = before === me ? '' : me;
        const mine = await optionCount(page, 'filter-assignee', 'me');
        const saved = await saveAction(page, opened.id, () => page.selectOption(select, target));
        assert(saved.assigneeId === (target || null), `PATCH answered assigneeId ${saved.assigneeId}, expected ${target || null}`);
        const expected = mine + (target ? 1 : -1);
        await waitForOptionCount(page, 'filter-assignee', 'me', expected);
        await page.reload();
        await page.waitForFunction(([sel, v]) => (document.querySelector(sel) as HTMLSelectElement | null)?.value === v, [select, target] as const);
        return `assignee ${before || '(none)'} → ${target || '(none)'}; "Assigned to me" ${mine} → ${expected}`;
      } },
      { name: 'filters send ids and "none"; each option\'s count is the list it loads', run: async () => {
        await page.waitForFunction(() => document.querySelectorAll('[data-testid="ticket-row"]').length >= 10);
        const me = await page.evaluate(async () => ((await (await fetch('/api/me')).json()) as { user: { id: string } }).user.id);
        const checks: [testId: string, param: string, value: string, ok: (t: TicketList['items'][number]) => boolean][] = [
          ['filter-assignee', 'assignee', 'me', (t) => t.assigneeId === me],
          ['filter-assignee', 'assignee', 'none', (t) => t.assigneeId === null],
          ['filter-marketplace', 'marketplace', 'none', (t) => t.marketplace === null],
          ['filter-team', 'teamId', 'none', (t) => t.teamId === null],
        ];
        const notes: string[] = [];
        for (const [testId, param, value, ok] of checks) {
          if (!(await page.locator(`[data-testid="${testId}"] option[value="${value}"]`).count())) {
            notes.push(`${param}=${value}: no option (no such tickets)`);
            continue;
          }
          const shown = await optionCount(page, testId, value);
          const { list } = await pickFilter(page, testId, param, value);
          assert(list.total === shown, `${param}=${value}: the option says ${shown}, the list has ${list.total}`);
          assert(list.items.every(ok), `${param}=${value}: a listed ticket does not match`);
          await page.waitForFunction((n) => document.querySelectorAll('[data-testid="ticket-row"]').length === n, Math.min(list.total, 50));
          await pickFilter(page, testId, param, '');
          notes.push(`${param}=${value}: ${list.total}`);
        }
        // Every demo ticket has a marketplace and a team: mailbox.browser.ts checks "No marketplace" / "No team" with an e-mail ticket.
        return notes.join('; ');
      } },
      { name: 'Amazon "No response needed" shows the ticket\'s flag and keeps a change after reload', run: async () => {
        const amazon = await page.evaluate(async () => ((await (await fetch('/api/tickets?status=open&channel=amazon&limit=1')).json()) as TicketList).items[0] ?? null);
        assert(amazon, 'no open Amazon ticket in the demo');
        await page.goto(`${base}/inbox/${encodeURIComponent(amazon.id)}`);
        const box = page.locator('[data-testid="ticket-no-response"]');
        await box.waitFor();
        assert((await box.isChecked()) === amazon.noResponseNeeded, `checkbox should read ${amazon.noResponseNeeded}`);
        const saved = await saveAction(page, amazon.id, () => box.click());
        assert(saved.noResponseNeeded === !amazon.noResponseNeeded, `PATCH answered noResponseNeeded ${saved.noResponseNeeded}`);
        await page.reload();
        await box.waitFor();
        assert((await box.isChecked()) === !amazon.noResponseNeeded, 'the change did not survive a reload');
        const back = await saveAction(page, amazon.id, () => box.click());
        assert(back.noResponseNeeded === amazon.noResponseNeeded, 'could not set it back');
        await page.goto(`${base}/inbox/${encodeURIComponent(opened.id)}`);
        await page.waitForSelector('[data-testid="message"]');
        return `ticket ${amazon.id}: ${amazon.noResponseNeeded} → ${!amazon.noResponseNeeded} → ${amazon.noResponseNeeded}`;
      } },
      { name: 'switch the language to 简体中文', run: async () => {
        const english = await navLabels(page);
        assert(!CJK.test(Object.values(english).join('')), `navigation should start in English, got ${JSON.stringify(english)}`);
        await page.click('[data-testid="user-menu"]');
        const saved = page.waitForResponse((r) => r.url().endsWith('/api/me') && r.request().method() === 'PATCH');
        await page.click('[data-testid="language-switch-zh-CN"]');
        const res = await saved;
        assert(res.status() === 200, `PATCH /api/me answered ${res.status()}`);
        await expectChineseNav(page);
        return Object.values(await navLabels(page)).join(' / ');
      } },
      { name: 'Chinese persists after reload (server-side preference)', run: async () => {
        await page.reload();
        await expectChineseNav(page);
        assert((await page.getAttribute('html', 'lang')) === 'zh-CN', 'html lang should be zh-CN');
        await page.waitForFunction(() => document.querySelectorAll('[data-testid="ticket-row"]').length >= 10);
        await page.waitForSelector('[data-testid="message"]');
        await page.waitForSelector('[data-testid="order-panel"]');
        await page.click('body', { position: { x: 700, y: 400 } }).catch(() => undefined);
        await page.screenshot({ path: `${SHOTS}inbox-zh.png`, fullPage: true });
        assert(pageErrors.length === 0, `uncaught errors in the page: ${pageErrors.join(' | ')}`);
        return 'saved inbox-zh.png';
      } },
    ];
    return steps;
});
