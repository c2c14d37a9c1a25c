/**
 * End-to-end check of a mailbox channel in a real Chromium against the real server (fresh embedded database, demo
 * workspace, job worker and mailbox watcher on), a private dovecot (IMAP) and an SMTP sink: connect the mailbox in
 * Settings, receive a customer's HTML e-mail, read it safely (sandboxed frame, remote images blocked until asked),
 * see another agent on the ticket, reply with a draft that survives a reload, follow the reply to "sent", check the
 * e-mail the SMTP server got, and get warned about a message that arrives while the ticket is open.
 * Run: node bin/run-ts.js test/browser/mailbox.browser.ts     (after `npm run build:web`)
 * Env: CHROMIUM_PATH (default /usr/bin/chromium); CI=true makes a missing browser a failure instead of a skip.
 * Skips when dovecot is not installed (CLAIMDESK_REQUIRE_DOVECOT=1 makes that an error, as in the integration tests).
 */
import { randomInt } from 'node:crypto';
import type { Frame, Page } from 'playwright-core';
import { en } from '../../web/src/i18n/en.ts';
import { dovecotSkipReason, startDovecot, startSmtpSink, type Dovecot, type SmtpSink } from '../support/mail-servers.ts';
import { assert, optionCount, pickFilter, runBrowserSuite, shot, signIn, type Step } from './harness.ts';

const SHOP = 'shop@example.test';
const BUYER = { name: 'Pat Buyer', address: 'pat.e2e@buyer.test' };
const ORDER = `114-${randomInt(1_000_000, 9_999_999)}-${randomInt(1_000_000, 9_999_999)}`;
const SUBJECT = `Kettle lid cracked — order ${ORDER}`;
const FIRST_ID = 'e2e-1@buyer.test';
const IMAGE_URL = 'https://images.buyer.test/lid.png';
/** A 1×1 transparent PNG, served for the remote image. */
const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
const REPLY = 'Sorry about the lid! A replacement ships today — no need to send the old one back.';

/** A multipart/alternative e-mail from the buyer, as an MTA would file it. */
function buyerMail(o: { id: string; subject: string; text: string; html: string; inReplyTo?: string }): string {
  const boundary = `b-${randomInt(1e9)}`;
  return [
    `Message-ID: <${o.id}>`, `From: ${BUYER.name} <${BUYER.address}>`, `To: ${SHOP}`, `Subject: ${o.subject}`, `Date: ${new Date().toUTCString()}`,
    ...(o.inReplyTo ? [`In-Reply-To: ${o.inReplyTo}`, `References: <${FIRST_ID}> ${o.inReplyTo}`] : []),
    'MIME-Version: 1.0', `Content-Type: multipart/alternative; boundary="${boundary}"`, '',
    `--${boundary}`, 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 8bit', '', o.text, '',
    `--${boundary}`, 'Content-Type: text/html; charset=utf-8', 'Content-Transfer-Encoding: 8bit', '', o.html, '',
    `--${boundary}--`, '',
  ].join('\r\n');
}

/** The frame of the customer's first message (the sandboxed iframe with its HTML). */
async function inboundFrame(page: Page): Promise<{ frame: Frame; sandbox: string; srcdoc: string }> {
  const el = await page.waitForSelector('[data-testid="message"][data-direction="inbound"] iframe[data-testid="message-html"]');
  const frame = await el.contentFrame();
  assert(frame, 'the message frame has no document');
  return { frame, sandbox: (await el.getAttribute('sandbox')) ?? '(none)', srcdoc: (await el.getAttribute('srcdoc')) ?? '' };
}

let dovecot: Dovecot | null = null;
let sink: SmtpSink | null = null;

await runBrowserSuite('mailbox', ({ page, base, login, pageErrors, newContext, newPage }) => {
  let ticketId = '';
  let remoteHits = 0;
  let ourMessageId = '';

  const steps: Step[] = [
    { name: 'sign in as the demo owner', run: async () => {
      await signIn(page, base, login.email, login.password, '/inbox');
      await page.waitForURL(/\/inbox$/);
      // Remote images are served here, and counted, instead of going to the internet.
      await page.route('https://images.buyer.test/**', (route) => {
        remoteHits += 1;
        return route.fulfill({ status: 200, contentType: 'image/png', body: PIXEL });
      });
      return login.email;
    } },
    { name: 'connect the mailbox in Settings → Channels', run: async () => {
      assert(dovecot && sink, 'mail servers are not running');
      await page.click('[data-testid="nav-settings"]');
      await page.waitForURL(/\/settings$/);
      await page.click('[data-testid="account-add"]');
      await page.selectOption('[data-testid="account-kind"]', 'mailbox');
      await page.fill('[data-testid="account-name"]', 'Support mailbox');
      await page.fill('[data-testid="account-external-id"]', SHOP);
      const creds: Record<string, string> = {
        imapHost: '127.0.0.1', imapPort: String(dovecot.port), imapTls: 'false', username: dovecot.user, password: dovecot.password,
        smtpHost: '127.0.0.1', smtpPort: String(sink.port), smtpTls: 'false', fromAddress: SHOP,
      };
      for (const [key, value] of Object.entries(creds)) await page.fill(`[data-testid="account-cred-${key}"]`, value);
      const created = page.waitForResponse((r) => r.url().endsWith('/api/channel-accounts') && r.request().method() === 'POST');
      await page.click('[data-testid="account-submit"]');
      const res = await created;
      assert(res.status() === 201, `POST /api/channel-accounts answered ${res.status()}: ${await res.text()}`);
      const row = page.locator('[data-testid="account-row"][data-kind="mailbox"]', { hasText: 'Support mailbox' });
      await row.waitFor();
      assert(!(await page.locator('[data-testid="account-form"]').isVisible()), 'the form should close after adding');
      assert(!(await page.content()).includes(dovecot.password), 'the mailbox password is still in the page');
      // Webhook URLs are shown for the providers that push (the demo has Shopify / TikTok / Instagram accounts).
      const hooks = await page.$$eval('[data-testid="account-webhook-url"]', (els) => els.map((e) => (e as HTMLInputElement).value));
      assert(hooks.every((h) => /^http:\/\/127\.0\.0\.1:\d+\/hooks\/(shopify|tiktok|meta)\/[^/]+$/.test(h)), `unexpected webhook URLs: ${hooks.join(', ')}`);
      await shot(page, 'mailbox-1-settings.png');
      return `mailbox account added (IMAP :${dovecot.port}, SMTP :${sink.port}); ${hooks.length} webhook URLs shown; saved mailbox-1-settings.png`;
    } },
    { name: 'a customer e-mail arrives through IMAP and shows up in the inbox', run: async () => {
      assert(dovecot, 'dovecot is not running');
      await dovecot.deliver(buyerMail({
        id: FIRST_ID, subject: SUBJECT,
        text: `Hello, the lid of my kettle (order ${ORDER}) arrived cracked. Photo: ${IMAGE_URL}`,
        html: `<html><head><style>p{color:red}</style></head><body><p>Hello, the lid of my kettle (order ${ORDER}) arrived <b>cracked</b>.</p>`
          + `<p><img src="${IMAGE_URL}" alt="photo of the lid" width="120" height="90"></p>`
          + '<script>window.parent.__pwned = 1; document.title = "pwned";</script>'
          + '<p><a href="https://buyer.test/order" onclick="parent.__pwned = 2">My order</a></p></body></html>',
      }));
      const started = Date.now();
      await page.click('[data-testid="nav-inbox"]');
      await page.waitForURL(/\/inbox/);
      await page.fill('[data-testid="queue-search"]', ORDER);
      const row = page.locator('[data-testid="ticket-row"]', { hasText: SUBJECT });
      // The watcher picks new accounts up on its rescan (every 10 s), then syncs at once: refresh the queue until it is there.
      while (!(await row.count())) {
        if (Date.now() - started > 45_000) throw new Error(`"${SUBJECT}" did not reach the inbox within 45 s (the mailbox watcher rescans accounts every 10 s)`);
        await page.waitForTimeout(2_000);
        await page.click('[data-testid="queue-refresh"]');
      }
      ticketId = (await row.first().getAttribute('data-ticket-id')) ?? '';
      assert(ticketId, 'the row has no ticket id');
      return `ticket ${ticketId} after ${((Date.now() - started) / 1000).toFixed(1)} s`;
    } },
    { name: 'the e-mail ticket has no marketplace and no team: "No marketplace" and "No team" find it', run: async () => {
      const all = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/tickets' && !new URL(r.url()).searchParams.has('q'));
      await page.fill('[data-testid="queue-search"]', '');
      await all;
      const notes: string[] = [];
      for (const [testId, param] of [['filter-marketplace', 'marketplace'], ['filter-team', 'teamId']] as const) {
        await page.locator(`[data-testid="${testId}"] option[value="none"]`).waitFor({ state: 'attached' });
        const shown = await optionCount(page, testId, 'none');
        const { list } = await pickFilter(page, testId, param, 'none');
        assert(list.total === shown, `${param}=none: the option says ${shown}, the list has ${list.total}`);
        assert(list.items.some((t) => t.id === ticketId), `${param}=none does not list the e-mail ticket`);
        assert(list.items.every((t) => (param === 'marketplace' ? t.marketplace : t.teamId) === null), `${param}=none lists a ticket that has one`);
        await page.locator(`[data-testid="ticket-row"][data-ticket-id="${ticketId}"]`).waitFor();
        notes.push(`${param}=none: ${list.total}`);
      }
      await pickFilter(page, 'filter-team', 'teamId', '');
      await pickFilter(page, 'filter-marketplace', 'marketplace', '');
      await page.fill('[data-testid="queue-search"]', ORDER);
      await page.locator('[data-testid="ticket-row"]', { hasText: SUBJECT }).waitFor();
      return notes.join('; ');
    } },
    { name: 'open it: HTML in a sandboxed frame, no script, remote image blocked until asked', run: async () => {
      await page.click(`[data-testid="ticket-row"][data-ticket-id="${ticketId}"]`);
      await page.waitForURL(new RegExp(`/inbox/${encodeURIComponent(ticketId)}$`));
      const { frame, sandbox, srcdoc } = await inboundFrame(page);
      assert(!sandbox.includes('allow-scripts'), `the frame must not allow scripts, sandbox="${sandbox}"`);
      assert(!/<script|onclick|onerror/i.test(srcdoc), 'the frame HTML still carries a script or an event handler');
      await frame.waitForSelector('text=arrived');
      const img = await frame.$eval('img', (el) => ({ src: el.getAttribute('src'), remote: el.getAttribute('data-remote-src') }));
      assert(img.src === null && img.remote === IMAGE_URL, `the remote image should have no src yet: ${JSON.stringify(img)}`);
      await page.waitForTimeout(500);
      assert(remoteHits === 0, `the remote image was requested ${remoteHits} times before "Show remote images"`);
      const pwned = await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned ?? null);
      assert(pwned === null && (await page.title()) !== 'pwned', 'a script from the e-mail ran');
      // The plain-text view and back.
      await page.click('[data-testid="toggle-plain-text"]');
      const text = await page.locator('[data-testid="message-text"]').textContent();
      assert(text?.includes('arrived cracked'), `plain text view shows: ${text}`);
      await page.click('[data-testid="toggle-plain-text"]');
      await page.locator('[data-testid="message-html"]').waitFor();
      const reply = await page.locator('[data-testid="reply-to"]').textContent();
      assert(reply?.includes(BUYER.address), `the composer should show the buyer's address, got "${reply}"`);
      await shot(page, 'mailbox-2-html.png');
      return `sandbox="${sandbox}"; saved mailbox-2-html.png`;
    } },
    { name: '"Show remote images (1)" loads the image in the frame', run: async () => {
      const button = page.locator('[data-testid="show-remote-images"]');
      const label = (await button.textContent())?.trim();
      assert(label === en['msg.showRemoteImages'].replace('{n}', '1'), `button reads "${label}"`);
      await button.click();
      const { frame } = await inboundFrame(page);
      await frame.waitForSelector(`img[src="${IMAGE_URL}"]`, { state: 'attached' });
      const deadline = Date.now() + 10_000;
      while (remoteHits === 0 && Date.now() < deadline) await page.waitForTimeout(100);
      assert(remoteHits > 0, 'the remote image was not requested after "Show remote images"');
      const loaded = await frame.$eval('img', (el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth > 0);
      assert(loaded, 'the remote image did not load');
      assert(!(await button.count()), 'the button should be gone once the images are shown');
      await shot(page, 'mailbox-3-remote-images.png');
      return `image requested ${remoteHits}×; saved mailbox-3-remote-images.png`;
    } },
    { name: 'another agent opens the ticket and types: "… is typing a reply"', run: async () => {
      const anna = await newPage(await newContext());
      try {
        await signIn(anna, base, 'anna.schmidt@demo.claimdesk.local', login.password, `/inbox/${encodeURIComponent(ticketId)}`);
        await anna.waitForURL(new RegExp(`/inbox/${encodeURIComponent(ticketId)}$`));
        await anna.fill('[data-testid="reply-input"]', 'Looking into this one…');
        // The owner's page asks every 15 s.
        const banner = page.locator('[data-testid="presence-banner"][data-composing="true"]', { hasText: 'Anna Schmidt' });
        await banner.waitFor({ timeout: 25_000 });
        const text = (await banner.textContent())?.trim();
        assert(text === en['presence.typing'].replace('{name}', 'Anna Schmidt'), `banner reads "${text}"`);
        await shot(page, 'mailbox-4-collision.png');
        // Anna leaves (her page unmounts the ticket: DELETE presence); the banner goes with the next heartbeat.
        await anna.fill('[data-testid="reply-input"]', '');
        await anna.click('[data-testid="nav-settings"]');
        await anna.waitForURL(/\/settings$/);
      } finally {
        await anna.context().close();
      }
      await page.locator('[data-testid="presence-banner"]').waitFor({ state: 'detached', timeout: 25_000 });
      return `"${en['presence.typing'].replace('{name}', 'Anna Schmidt')}" shown, gone after she left; saved mailbox-4-collision.png`;
    } },
    { name: 'the reply draft autosaves and survives a reload', run: async () => {
      await page.fill('[data-testid="reply-input"]', REPLY);
      await page.waitForSelector('[data-testid="draft-status"][data-state="saved"]');
      await page.reload();
      await page.waitForSelector('[data-testid="reply-input"]');
      await page.waitForFunction((text) => (document.querySelector('[data-testid="reply-input"]') as HTMLTextAreaElement | null)?.value === text, REPLY);
      return 'draft restored after reload';
    } },
    { name: 'send: the reply shows at once and follows delivery to "sent"', run: async () => {
      assert(sink, 'SMTP sink is not running');
      assert((await page.inputValue('[data-testid="reply-status"]')) === 'pending', 'the default should be "send and set pending"');
      const sent = page.waitForResponse((r) => r.url().endsWith(`/api/tickets/${encodeURIComponent(ticketId)}/replies`) && r.request().method() === 'POST');
      await page.focus('[data-testid="reply-input"]');
      await page.keyboard.press('Control+Enter');
      const res = await sent;
      assert(res.status() === 202, `POST replies answered ${res.status()}`);
      const body = (await res.json()) as { id: string; deliveryStatus: string };
      assert(body.deliveryStatus === 'queued', `the reply should be queued, got ${body.deliveryStatus}`);
      const shown = page.locator(`[data-testid="message"][data-message-id="${body.id}"]`);
      await shown.waitFor({ timeout: 3_000 });
      assert((await page.inputValue('[data-testid="reply-input"]')) === '', 'the reply box was not cleared');
      await page.locator(`[data-testid="message"][data-message-id="${body.id}"][data-delivery="sent"]`).waitFor({ timeout: 60_000 });
      const badge = (await shown.locator('[data-testid="delivery-status"]').textContent())?.trim();
      assert(badge === en['delivery.sent'], `delivery badge reads "${badge}"`);
      const who = (await shown.locator('.who').textContent())?.trim();
      assert(who && who !== en['conv.agent'], `the reply should show its author, got "${who}"`);
      await page.waitForSelector(`[data-testid="ticket-row"][data-ticket-id="${ticketId}"][data-status="pending"]`);
      await shot(page, 'mailbox-5-sent.png');
      return `message ${body.id} by ${who}: queued → sent; ticket pending; saved mailbox-5-sent.png`;
    } },
    { name: 'the SMTP server got the reply in the buyer\'s thread', run: async () => {
      assert(sink, 'SMTP sink is not running');
      const mail = await sink.waitFor(1, 10_000);
      const refs = ([] as string[]).concat(mail.parsed.references ?? []);
      assert(mail.parsed.inReplyTo === `<${FIRST_ID}>`, `In-Reply-To: ${mail.parsed.inReplyTo}`);
      assert(refs.includes(`<${FIRST_ID}>`), `References: ${refs.join(' ')}`);
      assert(mail.parsed.subject === `Re: ${SUBJECT}`, `Subject: ${mail.parsed.subject}`);
      assert(mail.envelopeTo.includes(BUYER.address), `envelope to: ${mail.envelopeTo.join(', ')}`);
      assert(mail.parsed.text?.includes(REPLY), `body: ${mail.parsed.text}`);
      ourMessageId = mail.parsed.messageId ?? '';
      assert(ourMessageId, 'the reply has no Message-ID');
      return `to ${mail.envelopeTo.join(', ')}, In-Reply-To ${mail.parsed.inReplyTo}, "${mail.parsed.subject}"`;
    } },
    { name: 'a new message while the ticket is open: banner, warning before sending, reload', run: async () => {
      assert(dovecot && sink, 'mail servers are not running');
      await dovecot.deliver(buyerMail({
        id: 'e2e-2@buyer.test', subject: `Re: ${SUBJECT}`, inReplyTo: ourMessageId,
        text: 'Thank you! Which colour will the new lid be?', html: '<p>Thank you! Which colour will the new lid be?</p>',
      }));
      await page.locator('[data-testid="stale-banner"]').waitFor({ timeout: 40_000 });
      await shot(page, 'mailbox-6-new-message.png');
      // Sending now asks first; dismissing sends nothing.
      await page.fill('[data-testid="reply-input"]', 'Blue, like the photo.');
      let asked = '';
      page.once('dialog', (d) => {
        asked = d.message();
        void d.dismiss();
      });
      await page.click('[data-testid="reply-send"]');
      await page.waitForTimeout(500);
      assert(asked === en['reply.confirmNewMessage'], `expected the new-message warning, got "${asked}"`);
      assert(sink.received.length === 1, 'a reply went out although the warning was dismissed');
      await page.click('[data-testid="stale-reload"]');
      await page.locator('[data-testid="message"][data-direction="inbound"] iframe[srcdoc*="Which colour"]').waitFor();
      await page.locator('[data-testid="stale-banner"]').waitFor({ state: 'detached' });
      assert(pageErrors.length === 0, `uncaught errors in the page: ${pageErrors.join(' | ')}`);
      return 'banner shown, send asked first, reload shows the new message; saved mailbox-6-new-message.png';
    } },
    { name: 'a reply the SMTP server refuses shows "failed" with the reason; Retry sends it', run: async () => {
      assert(sink, 'SMTP sink is not running');
      sink.failNext(1, 550);
      assert((await page.inputValue('[data-testid="reply-input"]')) === 'Blue, like the photo.', 'the unsent reply should still be in the box');
      await page.selectOption('[data-testid="reply-status"]', 'open');
      const sent = page.waitForResponse((r) => r.url().endsWith('/replies') && r.request().method() === 'POST');
      await page.click('[data-testid="reply-send"]');
      const { id } = (await (await sent).json()) as { id: string };
      const failed = page.locator(`[data-testid="message"][data-message-id="${id}"][data-delivery="failed"]`);
      await failed.waitFor({ timeout: 30_000 });
      const reason = (await failed.locator('[data-testid="delivery-error"]').textContent()) ?? '';
      assert(/550|unavailable/.test(reason), `the failure should say why, got "${reason}"`);
      await shot(page, 'mailbox-7-failed.png');
      await failed.locator('[data-testid="message-retry"]').click();
      await page.locator(`[data-testid="message"][data-message-id="${id}"][data-delivery="sent"]`).waitFor({ timeout: 30_000 });
      const mail = await sink.waitFor(2, 10_000);
      assert(mail.parsed.text?.includes('Blue, like the photo.'), `retried mail body: ${mail.parsed.text}`);
      assert(pageErrors.length === 0, `uncaught errors in the page: ${pageErrors.join(' | ')}`);
      return `failed with "${reason.trim()}", sent after Retry; saved mailbox-7-failed.png`;
    } },
  ];
  return steps;
}, {
  skipReason: dovecotSkipReason,
  setup: async () => {
    [dovecot, sink] = await Promise.all([startDovecot(), startSmtpSink()]);
  },
  teardown: async () => {
    await Promise.allSettled([dovecot?.stop(), sink?.stop()]);
  },
});
