/**
 * End-to-end check of the Settings screens (members, teams, API tokens, language) in a real Chromium against the real
 * server (fresh embedded database, demo workspace).
 * Run: node bin/run-ts.js test/browser/settings.browser.ts     (after `npm run build:web`)
 * Env: CHROMIUM_PATH (default /usr/bin/chromium); CI=true makes a missing browser a failure instead of a skip.
 */
import type { Page } from 'playwright-core';
import { en } from '../../web/src/i18n/en.ts';
import { zhCN } from '../../web/src/i18n/zh-CN.ts';
import { assert, CJK, runBrowserSuite, shot, signIn, type Step } from './harness.ts';

const DEMO_MEMBERS: Record<string, string> = {
  'owner@demo.claimdesk.local': 'owner',
  'li.wei@demo.claimdesk.local': 'agent',
  'anna.schmidt@demo.claimdesk.local': 'agent',
  'sam.ops@demo.claimdesk.local': 'admin',
  'auditor@demo.claimdesk.local': 'viewer',
};
const NEW_MEMBER = { email: 'casey.night@demo.claimdesk.local', name: 'Casey Night' };
const TEAM_NAME = 'Night shift';
const TEAM_MEMBERS = ['anna.schmidt@demo.claimdesk.local', 'sam.ops@demo.claimdesk.local'];
const TOKEN_NAME = 'Browser check token';

type MemberRow = { id: string; email: string; role: string; shown: string };

/** Every member row: id, e-mail, role (data attribute) and the role as displayed (select for managers, badge otherwise). */
async function memberRows(page: Page): Promise<MemberRow[]> {
  return page.$$eval('[data-testid="member-row"]', (rows) =>
    rows.map((r) => {
      const select = r.querySelector<HTMLSelectElement>('[data-testid="member-role-select"]');
      return {
        id: r.getAttribute('data-member-id') ?? '',
        email: r.querySelector('td.selectable')?.textContent?.trim() ?? '',
        role: r.getAttribute('data-role') ?? '',
        shown: (select ? select.selectedOptions[0]?.textContent : r.querySelector('.badge')?.textContent)?.trim() ?? '',
      };
    }),
  );
}

async function waitForMembers(page: Page, count: number): Promise<MemberRow[]> {
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="member-row"]').length === n, count);
  return memberRows(page);
}

/** True when `secret` is anywhere in the page: markup, or the current value of any input. */
async function pageContains(page: Page, secret: string): Promise<boolean> {
  return page.evaluate((s) => document.documentElement.outerHTML.includes(s)
    || [...document.querySelectorAll('input, textarea')].some((el) => (el as HTMLInputElement).value.includes(s)), secret);
}

async function openSettings(page: Page): Promise<void> {
  await page.click('[data-testid="nav-settings"]');
  await page.waitForURL(/\/settings$/);
  await page.waitForSelector('[data-testid="members-table"]');
}

await runBrowserSuite('settings', ({ page, base, login, pageErrors, newContext, newPage }) => {
    let ids: Record<string, string> = {};
    let newMemberId = '';

    const steps: Step[] = [
      { name: 'owner opens Settings: the 5 demo members with their roles', run: async () => {
        await signIn(page, base, login.email, login.password, '/inbox');
        await page.waitForURL(/\/inbox$/);
        await openSettings(page);
        const h1 = (await page.locator('h1').textContent())?.trim();
        assert(h1 === en['settings.title'], `page title should be "${en['settings.title']}", got "${h1}"`);
        const rows = await waitForMembers(page, 5);
        const found = Object.fromEntries(rows.map((r) => [r.email, r.role]));
        assert(JSON.stringify(Object.keys(found).sort()) === JSON.stringify(Object.keys(DEMO_MEMBERS).sort()), `members should be the demo five, got ${Object.keys(found).join(', ')}`);
        for (const r of rows) {
          const want = DEMO_MEMBERS[r.email] ?? '?';
          assert(r.role === want, `${r.email} should be ${want}, got ${r.role}`);
          const label = en[`role.${want}` as keyof typeof en];
          assert(r.shown === label, `${r.email} should show the role "${label}", got "${r.shown}"`);
        }
        ids = Object.fromEntries(rows.map((r) => [r.email, r.id]));
        return rows.map((r) => `${r.email.split('@')[0]}=${r.role}`).join(', ');
      } },
      { name: 'add an agent without a password; the generated password works once shown', run: async () => {
        await page.fill('[data-testid="member-email"]', NEW_MEMBER.email);
        await page.fill('[data-testid="member-name"]', NEW_MEMBER.name);
        assert((await page.inputValue('[data-testid="member-role"]')) === 'agent', 'the role should default to agent');
        assert((await page.inputValue('[data-testid="member-password"]')) === '', 'the password field should be empty');
        const created = page.waitForResponse((r) => r.url().endsWith('/api/members') && r.request().method() === 'POST');
        await page.click('[data-testid="member-submit"]');
        const res = await created;
        assert(res.status() === 201 || res.status() === 200, `POST /api/members answered ${res.status()}`);
        await page.waitForSelector('[data-testid="member-initial-password"]');
        assert((await page.locator('[data-testid="member-initial-password"]').count()) === 1, 'the generated password should be shown exactly once');
        const password = await page.inputValue('[data-testid="member-initial-password-value"]');
        assert(password.length >= 10, `generated password is too short: ${password.length} characters`);
        const rows = await waitForMembers(page, 6);
        const added = rows.find((r) => r.email === NEW_MEMBER.email);
        assert(added?.role === 'agent', `the new member should be listed as agent, got ${added?.role}`);
        newMemberId = added.id;
        // Dismiss the notice: the password is gone from the page for good.
        await page.locator('[data-testid="member-initial-password"]').getByRole('button', { name: en['token.done'] }).click();
        await page.waitForSelector('[data-testid="member-initial-password"]', { state: 'detached' });
        assert(!(await pageContains(page, password)), 'the generated password is still in the page after dismissing it');

        const context = await newContext();
        try {
          const agent = await newPage(context);
          await signIn(agent, base, NEW_MEMBER.email, password, '/login');
          await agent.waitForURL(/\/inbox$/);
          await agent.waitForSelector('[data-testid="nav-inbox"][aria-current="page"]');
          const me = await agent.evaluate(() => fetch('/api/me').then((r) => r.json() as Promise<{ user: { email: string }; role: string }>));
          assert(me.user.email === NEW_MEMBER.email && me.role === 'agent', `signed in as ${me.user.email} (${me.role}), expected ${NEW_MEMBER.email} (agent)`);
          await agent.waitForFunction(() => document.querySelectorAll('[data-testid="ticket-row"]').length > 0);
        } finally {
          await context.close();
        }
        return `password of ${password.length} characters; ${NEW_MEMBER.email} signed in and landed on /inbox`;
      } },
      { name: 'change the new member to viewer; it persists after reload', run: async () => {
        const row = page.locator(`[data-testid="member-row"][data-member-id="${newMemberId}"]`);
        const saved = page.waitForResponse((r) => r.url().includes(`/api/members/${newMemberId}`) && r.request().method() === 'PATCH');
        await row.locator('[data-testid="member-role-select"]').selectOption('viewer');
        const res = await saved;
        assert(res.status() === 200, `PATCH /api/members/… answered ${res.status()}`);
        await page.waitForSelector(`[data-testid="member-row"][data-member-id="${newMemberId}"][data-role="viewer"]`);
        await page.reload();
        await page.waitForURL(/\/settings$/);
        const rows = await waitForMembers(page, 6);
        const after = rows.find((r) => r.id === newMemberId);
        assert(after?.role === 'viewer', `after reload the new member should be viewer, got ${after?.role}`);
        assert(after.shown === en['role.viewer'], `after reload the role select should show "${en['role.viewer']}", got "${after.shown}"`);
        return `${NEW_MEMBER.email} is ${after.role} after reload`;
      } },
      { name: `create the team "${TEAM_NAME}" with two members, then delete it`, run: async () => {
        await page.waitForSelector('[data-testid="teams-list"]');
        const teamsBefore = await page.locator('[data-testid="team-row"]').count();
        await page.click('[data-testid="team-add"]');
        const form = page.locator('[data-testid="team-form"]');
        await form.waitFor();
        await form.locator('[data-testid="team-name"]').fill(TEAM_NAME);
        for (const email of TEAM_MEMBERS) await form.locator(`[data-testid="team-member-check"][data-member-id="${ids[email]}"]`).check();
        const created = page.waitForResponse((r) => r.url().endsWith('/api/teams') && r.request().method() === 'POST');
        await form.locator('[data-testid="team-save"]').click();
        const res = await created;
        assert(res.status() === 201 || res.status() === 200, `POST /api/teams answered ${res.status()}`);
        const row = page.locator('[data-testid="team-row"]', { has: page.locator('strong', { hasText: TEAM_NAME }) });
        await row.waitFor();
        await form.waitFor({ state: 'detached' });
        const count = (await row.locator('.badge').textContent())?.trim();
        assert(count === '2', `"${TEAM_NAME}" should have 2 members, shows ${count}`);
        const names = (await row.locator('.team-members').textContent())?.trim();
        assert(names === 'Anna Schmidt, Sam Patel', `"${TEAM_NAME}" should list Anna Schmidt, Sam Patel, got "${names}"`);
        assert((await page.locator('[data-testid="team-row"]').count()) === teamsBefore + 1, 'the team list should have grown by one');

        let dialog = { type: '', message: '' };
        page.once('dialog', (d) => {
          dialog = { type: d.type(), message: d.message() };
          void d.accept();
        });
        const deleted = page.waitForResponse((r) => r.url().includes('/api/teams/') && r.request().method() === 'DELETE');
        await row.locator('[data-testid="team-delete"]').click();
        const del = await deleted;
        assert(del.ok(), `DELETE /api/teams/… answered ${del.status()}`);
        assert(dialog.type === 'confirm' && dialog.message.includes(TEAM_NAME), `expected a confirm naming the team, got ${dialog.type} "${dialog.message}"`);
        await row.waitFor({ state: 'detached' });
        await page.reload();
        await page.waitForSelector('[data-testid="teams-list"]');
        await waitForMembers(page, 6);
        const left = await page.locator('[data-testid="team-row"]').allTextContents();
        assert(left.length === teamsBefore && !left.some((t) => t.includes(TEAM_NAME)), `"${TEAM_NAME}" should be gone after reload; teams: ${left.length}`);
        await shot(page, 'settings-en.png');
        return `created with 2 members, confirm accepted ("${dialog.message}"), gone after reload; saved settings-en.png`;
      } },
      { name: 'the viewer sees Settings read-only', run: async () => {
        const context = await newContext();
        try {
          const viewer = await newPage(context);
          await signIn(viewer, base, 'auditor@demo.claimdesk.local', login.password, '/settings');
          await viewer.waitForURL(/\/settings$/);
          const rows = await waitForMembers(viewer, 6);
          await viewer.waitForSelector('[data-testid="teams-list"]');
          await viewer.getByText(en['member.adminOnly']).waitFor();
          await viewer.getByText(en['team.adminOnly']).waitFor();
          const present: string[] = [];
          for (const id of ['member-form', 'member-role-select', 'member-remove', 'team-add', 'team-edit', 'team-delete', 'token-form']) {
            if ((await viewer.locator(`[data-testid="${id}"]`).count()) > 0) present.push(id);
          }
          assert(present.length === 0, `a viewer should not see ${present.join(', ')}`);
          const badges = rows.filter((r) => r.shown !== '').length;
          assert(badges === rows.length, `every member should show a read-only role badge, ${badges}/${rows.length} do`);
          return `${rows.length} members as badges; no member form, role selects, team buttons or token form`;
        } finally {
          await context.close();
        }
      } },
      { name: 'API token: shown once, works with Bearer, revoked → 401', run: async () => {
        await page.fill('[data-testid="token-name"]', TOKEN_NAME);
        const created = page.waitForResponse((r) => r.url().endsWith('/api/tokens') && r.request().method() === 'POST');
        await page.click('[data-testid="token-create"]');
        const res = await created;
        assert(res.status() === 201 || res.status() === 200, `POST /api/tokens answered ${res.status()}`);
        await page.waitForSelector('[data-testid="token-once"]');
        assert((await page.locator('[data-testid="token-once"]').count()) === 1, 'the token should be shown exactly once');
        const token = await page.inputValue('[data-testid="token-value"]');
        assert(token.startsWith('cdt_'), `token should start with cdt_, got "${token.slice(0, 4)}…"`);

        const call = () => fetch(`${base}/api/tickets`, { headers: { Authorization: `Bearer ${token}` } });
        const ok = await call();
        assert(ok.status === 200, `GET /api/tickets with the token answered ${ok.status}`);
        const body = (await ok.json()) as { items?: unknown[] };
        assert(Array.isArray(body.items) && body.items.length > 0, 'GET /api/tickets with the token returned no tickets');

        await page.reload();
        await page.waitForURL(/\/settings$/);
        const row = page.locator('[data-testid="tokens-table"] tbody tr', { hasText: TOKEN_NAME });
        await row.waitFor();
        assert((await page.locator('[data-testid="token-once"]').count()) === 0, 'the token notice came back after reload');
        assert(!(await pageContains(page, token)), 'the full token is still in the page after reload');
        const prefix = (await row.locator('td.mono').textContent())?.trim().replace(/…$/, '') ?? '';
        assert(prefix.length > 0 && token.startsWith(prefix), `listed prefix "${prefix}" does not match the token`);

        let dialog = { type: '', message: '' };
        page.once('dialog', (d) => {
          dialog = { type: d.type(), message: d.message() };
          void d.accept();
        });
        const revoked = page.waitForResponse((r) => r.url().includes('/api/tokens/') && r.request().method() === 'DELETE');
        await row.getByRole('button', { name: en['token.revoke'] }).click();
        const del = await revoked;
        assert(del.ok(), `DELETE /api/tokens/… answered ${del.status()}`);
        assert(dialog.type === 'confirm' && dialog.message.includes(TOKEN_NAME), `expected a confirm naming the token, got ${dialog.type} "${dialog.message}"`);
        await row.waitFor({ state: 'detached' });
        const denied = await call();
        assert(denied.status === 401, `GET /api/tickets with the revoked token answered ${denied.status}, expected 401`);
        return `prefix ${prefix}…: 200 with ${body.items.length} tickets, revoked → 401`;
      } },
      { name: 'li.wei (saved locale zh-CN) sees Settings in Chinese', run: async () => {
        const context = await newContext();
        try {
          const li = await newPage(context);
          await signIn(li, base, 'li.wei@demo.claimdesk.local', login.password, '/settings');
          await li.waitForURL(/\/settings$/);
          await li.waitForFunction((text) => document.querySelector('[data-testid="nav-settings"]')?.textContent?.trim() === text, zhCN['nav.settings']);
          const nav = (await li.locator('[data-testid="nav-settings"]').textContent())?.trim() ?? '';
          assert(nav === zhCN['nav.settings'] && CJK.test(nav), `Settings nav should read "${zhCN['nav.settings']}", got "${nav}"`);
          const h1 = (await li.locator('h1').textContent())?.trim();
          assert(h1 === zhCN['settings.title'], `page title should be "${zhCN['settings.title']}", got "${h1}"`);
          assert((await li.getAttribute('html', 'lang')) === 'zh-CN', 'html lang should be zh-CN');
          const rows = await waitForMembers(li, 6);
          const owner = rows.find((r) => r.email === login.email);
          assert(owner?.shown === zhCN['role.owner'], `the owner's role should read "${zhCN['role.owner']}", got "${owner?.shown}"`);
          await li.waitForSelector('[data-testid="teams-list"]');
          await shot(li, 'settings-zh.png');
          assert(pageErrors.length === 0, `uncaught errors in the page: ${pageErrors.join(' | ')}`);
          return `nav "${nav}", title "${h1}"; saved settings-zh.png`;
        } finally {
          await context.close();
        }
      } },
    ];
    return steps;
});
