/**
 * The shared frame of the browser tests: skip or fail without Chromium, start the real server (fresh embedded
 * database, demo workspace) and Debian's Chromium, run the steps in order (a failed step blocks the rest and
 * leaves a screenshot), print one line per step and `browser: N passed, M failed`, and always close both.
 * Env: CHROMIUM_PATH (default /usr/bin/chromium); CI=true makes a missing browser a failure instead of a skip.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestServer } from '../support/server.ts';

export const SHOTS = fileURLToPath(new URL('../../test-output/screenshots/', import.meta.url));
export const CJK = /[\u3400-\u9fff]/;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * Saves a screenshot of the whole page under test-output/screenshots/NAME. The app scrolls inside
 * `.shell-main`, so a fullPage shot would stop at the viewport: the viewport grows to the content for the shot.
 */
export async function shot(page: Page, name: string): Promise<void> {
  const size = page.viewportSize() ?? { width: 1366, height: 860 };
  const height = await page.evaluate(() => {
    const main = document.querySelector('.shell-main');
    return main ? main.getBoundingClientRect().top + main.scrollHeight : document.documentElement.scrollHeight;
  });
  await page.setViewportSize({ width: size.width, height: Math.min(Math.max(Math.ceil(height), size.height), 8000) });
  try {
    await page.screenshot({ path: `${SHOTS}${name}`, fullPage: true });
  } finally {
    await page.setViewportSize(size);
  }
}

/** Opens `start` signed out, lands on the sign-in page and submits these credentials. */
export async function signIn(page: Page, base: string, email: string, password: string, start: string): Promise<void> {
  await page.goto(`${base}${start}`);
  await page.waitForURL(/\/login/);
  await page.fill('[data-testid="login-email"]', email);
  await page.fill('[data-testid="login-password"]', password);
  await page.click('[data-testid="login-submit"]');
}

export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

export type Step = { name: string; run: () => Promise<string | void> };

/** The fields of GET /api/tickets the filter checks read. */
export interface TicketList {
  items: { id: string; channel: string; status: string; marketplace: string | null; teamId: string | null; assigneeId: string | null; noResponseNeeded: boolean }[];
  total: number;
}

/** The count a queue filter option shows ("Label · 12"). */
export async function optionCount(page: Page, testId: string, value: string): Promise<number> {
  const text = (await page.locator(`[data-testid="${testId}"] option[value="${value}"]`).textContent()) ?? '';
  const n = /· (\d+)$/.exec(text.trim());
  assert(n, `option ${value} of ${testId} shows no count: "${text}"`);
  return Number(n[1]);
}

/** Picks a queue filter and returns the ticket list the UI loaded for it (`param` = value, or absent for ''). */
export async function pickFilter(page: Page, testId: string, param: string, value: string): Promise<{ query: URLSearchParams; list: TicketList }> {
  const loaded = page.waitForResponse((r) => {
    const url = new URL(r.url());
    return url.pathname === '/api/tickets' && r.request().method() === 'GET' && !url.searchParams.has('cursor')
      && (value ? url.searchParams.get(param) === value : !url.searchParams.has(param));
  });
  await page.selectOption(`[data-testid="${testId}"]`, value);
  const res = await loaded;
  assert(res.status() === 200, `GET ${res.url()} answered ${res.status()}`);
  return { query: new URL(res.url()).searchParams, list: (await res.json()) as TicketList };
}

export interface BrowserSuite {
  /** The first page, in its own context, signed out. */
  readonly page: Page;
  readonly base: string;
  readonly login: { email: string; password: string };
  /** Uncaught errors of every page opened through this suite. */
  readonly pageErrors: string[];
  newContext(): Promise<BrowserContext>;
  newPage(context: BrowserContext): Promise<Page>;
}

/** What a suite needs beyond the server and the browser (e.g. mail servers). */
export interface SuiteHooks {
  /** Set when something the suite needs is missing here: prints `browser: skipped — <reason>` and exits 0. */
  skipReason?: string | null;
  /** Runs before the server starts; a failure fails the suite. */
  setup?: () => Promise<void>;
  /** Runs last, after the browser and the server have closed, also after a failure. */
  teardown?: () => Promise<void>;
}

/** Runs the suite's steps and exits the process with 0 when all passed. */
export async function runBrowserSuite(name: string, build: (suite: BrowserSuite) => Step[], hooks: SuiteHooks = {}): Promise<never> {
  if (hooks.skipReason) {
    console.log(`browser: skipped — ${hooks.skipReason}`);
    process.exit(0);
  }
  if (!existsSync(CHROMIUM)) {
    if (process.env.CI === 'true') {
      console.error(`browser: FAIL — no Chromium at ${CHROMIUM} (set CHROMIUM_PATH); a missing browser is an error when CI=true`);
      process.exit(1);
    }
    console.log(`browser: skipped — no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);
    process.exit(0);
  }
  mkdirSync(SHOTS, { recursive: true });
  let passed = 0;
  let failed = 0;
  let server: Awaited<ReturnType<typeof startTestServer>> | null = null;
  let browser: Browser | null = null;
  const pageErrors: string[] = [];
  const onSignal = () => void Promise.allSettled([browser?.close(), server?.close()])
    .then(() => hooks.teardown?.())
    .catch(() => undefined)
    .then(() => process.exit(130));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    await hooks.setup?.();
    server = await startTestServer();
    const live = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
    browser = live;
    const newContext = () => live.newContext({ viewport: { width: 1366, height: 860 }, locale: 'en-US' });
    const newPage = async (context: BrowserContext) => {
      const p = await context.newPage();
      p.setDefaultTimeout(15_000);
      p.on('pageerror', (e) => pageErrors.push(e.message));
      return p;
    };
    const page = await newPage(await newContext());
    const steps = build({ page, base: server.url.replace(/\/$/, ''), login: server.login, pageErrors, newContext, newPage });
    let blocked = false;
    for (const [i, step] of steps.entries()) {
      const label = `browser: ${i + 1}/${steps.length} ${step.name}`;
      if (blocked) {
        failed += 1;
        console.log(`${label} … SKIPPED (earlier step failed)`);
        continue;
      }
      const started = Date.now();
      try {
        const note = await step.run();
        passed += 1;
        console.log(`${label} … ok (${Date.now() - started} ms)${note ? ` — ${note}` : ''}`);
      } catch (e) {
        failed += 1;
        blocked = true;
        console.log(`${label} … FAILED: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
        await page.screenshot({ path: `${SHOTS}failure-${name}-step-${i + 1}.png`, fullPage: true }).catch(() => undefined);
        if (pageErrors.length) console.log(`browser: page errors: ${pageErrors.join(' | ')}`);
      }
    }
  } catch (e) {
    failed += 1;
    console.log(`browser: setup FAILED: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    await browser?.close().catch((e: unknown) => console.log(`browser: closing Chromium failed: ${String(e)}`));
    await server?.close().catch((e: unknown) => console.log(`browser: closing the server failed: ${String(e)}`));
    await hooks.teardown?.().catch((e: unknown) => console.log(`browser: teardown failed: ${String(e)}`));
  }
  console.log(`browser: ${passed} passed, ${failed} failed`);
  process.exit(failed === 0 && passed > 0 ? 0 : 1);
}
