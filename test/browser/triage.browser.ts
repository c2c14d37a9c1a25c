/**
 * Risk triage end to end in a real Chromium against the real server (fresh embedded database, demo workspace
 * triaged by the same pass live messages get): the queue is ordered by risk then time left, a critical Amazon
 * ticket is on top with its reasons and a live SLA timer, the rules that routed it are on its timeline, and the
 * triage settings show the rules with a working dry run.
 * Run: node bin/run-ts.js test/browser/triage.browser.ts     (after `npm run build:web`)
 */
import { assert, runBrowserSuite, shot, signIn, type Step } from './harness.ts';

const RANK: Record<string, number> = { critical: 0, high: 1, normal: 2, low: 3 };

interface Row { risk: string; status: string; slaState: string | null; due: string | null; text: string }

await runBrowserSuite('triage', ({ page, base, login, pageErrors }) => {
  let top: { id: string } | null = null;
  const steps: Step[] = [
    {
      name: 'sign in with a controllable clock',
      run: async () => {
        // The page's clock is installed before the app loads, so the timers can be moved forward below.
        await page.clock.install();
        await signIn(page, base, login.email, login.password, '/inbox');
        await page.waitForSelector('[data-testid="ticket-row"]');
      },
    },
    {
      name: 'the queue is ordered by risk, then by the time left on the SLA clock',
      run: async () => {
        const rows: Row[] = await page.$$eval('[data-testid="ticket-row"]', (els) => els.map((el) => {
          const timer = el.querySelector('[data-testid="sla-timer"]');
          return { risk: el.getAttribute('data-risk') ?? '', status: el.getAttribute('data-status') ?? '', slaState: timer?.getAttribute('data-state') ?? null, due: timer?.getAttribute('data-due') ?? null, text: el.textContent ?? '' };
        }));
        const open = rows.filter((r) => r.status === 'open');
        assert(open.length >= 5, `expected several open tickets, got ${open.length}`);
        for (let i = 1; i < open.length; i++) {
          const a = open[i - 1]!;
          const b = open[i]!;
          assert(RANK[a.risk]! <= RANK[b.risk]!, `row ${i} (${a.risk}) is above row ${i + 1} (${b.risk}): risk must come first`);
          if (a.risk === b.risk && a.due && b.due) assert(a.due <= b.due, `within ${a.risk}, a ticket due ${a.due} is above one due ${b.due}`);
        }
        return `${open.length} open tickets, ${open.filter((r) => r.risk === 'critical').length} critical on top`;
      },
    },
    {
      name: 'a critical Amazon ticket is on top with a live SLA timer',
      run: async () => {
        const first = page.locator('[data-testid="ticket-row"]').first();
        assert(await first.getAttribute('data-risk') === 'critical', 'the first row is not critical');
        const channel = (await first.locator('.badge-channel').textContent()) ?? '';
        assert(/Amazon/.test(channel), `the first row is not an Amazon ticket: ${channel}`);
        const timer = first.locator('[data-testid="sla-timer"]');
        const state = await timer.getAttribute('data-state');
        assert(state && ['ok', 'warning', 'breached'].includes(state), `the top ticket has no running SLA clock (state ${state})`);
        const before = (await timer.textContent()) ?? '';
        // Two hours later the timer reads differently without a reload: it counts by itself.
        await page.clock.fastForward('02:00:00');
        await page.waitForFunction((text) => document.querySelector('[data-testid="ticket-row"] [data-testid="sla-timer"]')?.textContent !== text, before);
        const after = (await timer.textContent()) ?? '';
        assert(/(left|overdue)/.test(after), `timer text "${after}" says neither left nor overdue`);
        top = { id: (await first.getAttribute('data-ticket-id')) ?? '' };
        return `"${before}" → "${after}" (${state})`;
      },
    },
    {
      name: 'its page shows why it is critical, with points, and the SLA clocks',
      run: async () => {
        assert(top, 'no top ticket');
        await page.locator('[data-testid="ticket-row"]').first().click();
        await page.waitForSelector('[data-testid="risk-reasons"]');
        const title = (await page.locator('.risk-why-title').textContent()) ?? '';
        assert(/critical/i.test(title), `reasons heading is "${title}"`);
        const reasons = await page.$$eval('[data-testid="risk-reason"]', (els) => els.map((e) => ({ code: e.getAttribute('data-code') ?? '', text: e.textContent ?? '' })));
        assert(reasons.length >= 2, `only ${reasons.length} reasons shown`);
        assert(reasons.some((r) => r.code === 'channel.amazon'), `no Amazon channel reason among ${reasons.map((r) => r.code).join(', ')}`);
        assert(reasons.some((r) => /^\+\d+/.test(r.text) || r.code.startsWith('signal.') || r.code.startsWith('intent.')), 'no reason with points or a signal/intent');
        assert(await page.locator('.conv-header [data-testid="sla-timer"]').count() === 1, 'no SLA timer in the ticket header');
        await page.click('[data-testid="sla-clocks"] summary');
        const clocks = await page.$$eval('[data-testid="sla-clocks"] li', (els) => els.map((e) => `${e.getAttribute('data-metric')}:${e.getAttribute('data-state')}`));
        assert(clocks.length >= 1, 'no SLA clocks listed');
        await shot(page, 'triage-critical-ticket.png');
        return `${reasons.map((r) => r.code).join(', ')} | ${clocks.join(', ')}`;
      },
    },
    {
      name: 'the rule that routed it is on its timeline, by name',
      run: async () => {
        await page.click('[data-testid="timeline-toggle"]');
        await page.waitForSelector('[data-testid="timeline"] li');
        const actors = await page.$$eval('[data-testid="timeline"] [data-actor]', (els) => els.map((e) => e.getAttribute('data-actor') ?? ''));
        assert(actors.some((a) => a === 'rule:Route critical Amazon tickets to Amazon compliance'), `no routing rule on the timeline: ${[...new Set(actors)].join(', ')}`);
        const team = (await page.locator('[data-testid="ticket-team"]').count()) ? await page.locator('[data-testid="ticket-team"]').inputValue().catch(() => '') : '';
        return team ? `team select: ${team}` : undefined;
      },
    },
    {
      name: 'settings list the SLA policies and rules, and a dry run says which rules would fire',
      run: async () => {
        await page.click('[data-testid="nav-settings"]');
        await page.waitForSelector('[data-testid="triage-settings"] [data-testid="rules"]');
        const policies = await page.locator('[data-testid="sla-policies"] tbody tr').count();
        const rules = await page.locator('[data-testid="rules"] tbody tr').count();
        assert(policies >= 5 && rules >= 5, `${policies} policies, ${rules} rules shown`);
        await page.fill('[data-testid="dry-run-message"]', JSON.stringify({ channel: 'amazon', marketplace: 'US', fulfillment: 'FBM', body: 'My parcel never arrived. If I do not get a refund I will open an A-to-z claim.' }));
        await page.click('[data-testid="dry-run"]');
        await page.waitForSelector('[data-testid="dry-run-result"]');
        const fires = await page.$$eval('[data-testid="dry-run-result"] [data-fires="true"]', (els) => els.map((e) => e.getAttribute('data-rule-id') ?? ''));
        assert(fires.includes('default-amazon-critical') && fires.includes('default-tag-a-to-z'), `rules that would fire: ${fires.join(', ')}`);
        assert(/critical/i.test((await page.locator('[data-testid="dry-run-result"] .badge').first().textContent()) ?? ''), 'the dry run does not say critical');
        await shot(page, 'triage-settings.png');
        assert(pageErrors.length === 0, `page errors: ${pageErrors.join(' | ')}`);
        return `would fire: ${fires.join(', ')}`;
      },
    },
  ];
  return steps;
});
