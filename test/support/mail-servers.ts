import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';

const DOVECOT = '/usr/sbin/dovecot';

/** Why a real IMAP server cannot run here, or null. CI installs dovecot-imapd (.ci/run). */
export const dovecotSkipReason: string | null = existsSync(DOVECOT)
  ? null
  : 'dovecot is not installed (apt-get install -y --no-install-recommends dovecot-imapd); the IMAP integration tests need a real IMAP server';
if (dovecotSkipReason) {
  if (process.env.CLAIMDESK_REQUIRE_DOVECOT === '1') throw new Error(dovecotSkipReason);
  console.warn(`[skip] ${dovecotSkipReason}`);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export interface Dovecot {
  readonly port: number;
  readonly user: string;
  readonly password: string;
  /** Delivers a raw message into the user's INBOX (IMAP APPEND, as a mail client or MDA would). */
  deliver(raw: string | Buffer, folder?: string): Promise<void>;
  stop(): Promise<void>;
}

/** A private dovecot on 127.0.0.1 with its own config, state and maildir under a temp dir. */
export async function startDovecot(): Promise<Dovecot> {
  const dir = mkdtempSync(join(tmpdir(), 'claimdesk-dovecot-'));
  // dovecot's auth and mail processes run as unprivileged users: they must be able to enter the directory.
  chmodSync(dir, 0o755);
  const port = await freePort();
  const user = 'shop@example.test';
  const password = 'secret-imap-pass';
  const home = join(dir, 'mail', 'shop');
  mkdirSync(home, { recursive: true });
  for (const p of [join(dir, 'mail'), home]) chownSync(p, 65534, 65534);
  writeFileSync(join(dir, 'passwd'), `${user}:{PLAIN}${password}:65534:65534::${home}\n`, { mode: 0o644 });
  const conf = join(dir, 'dovecot.conf');
  writeFileSync(conf, [
    'protocols = imap', 'listen = 127.0.0.1', `base_dir = ${join(dir, 'run')}`, `state_dir = ${join(dir, 'state')}`, `log_path = ${join(dir, 'dovecot.log')}`,
    'ssl = no', 'disable_plaintext_auth = no', 'first_valid_uid = 1', 'mail_location = maildir:~/Maildir', 'auth_mechanisms = plain login',
    `passdb {\n  driver = passwd-file\n  args = ${join(dir, 'passwd')}\n}`, `userdb {\n  driver = passwd-file\n  args = ${join(dir, 'passwd')}\n}`,
    `service imap-login {\n  inet_listener imap {\n    address = 127.0.0.1\n    port = ${port}\n  }\n  inet_listener imaps {\n    port = 0\n  }\n}`,
    'service auth {\n  unix_listener auth-userdb {\n    mode = 0666\n  }\n}', 'protocol imap {\n  mail_max_userip_connections = 50\n}', '',
  ].join('\n'));
  const proc: ChildProcess = spawn(DOVECOT, ['-F', '-c', conf], { stdio: 'ignore' });
  const deadline = Date.now() + 10_000;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = new Socket();
      s.once('connect', () => { s.destroy(); resolve(true); });
      s.once('error', () => resolve(false));
      s.connect(port, '127.0.0.1');
    });
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`dovecot did not start on 127.0.0.1:${port}; log:\n${existsSync(join(dir, 'dovecot.log')) ? readFileSync(join(dir, 'dovecot.log'), 'utf8') : '(none)'}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    port, user, password,
    async deliver(raw, folder = 'INBOX') {
      const c = new ImapFlow({ host: '127.0.0.1', port, secure: false, auth: { user, pass: password }, logger: false, doSTARTTLS: false });
      await c.connect();
      try {
        await c.append(folder, raw);
      } finally {
        await c.logout();
      }
    },
    async stop() {
      proc.kill('SIGTERM');
      await new Promise((r) => (proc.exitCode !== null ? r(null) : proc.once('exit', r)));
      try { execFileSync('pkill', ['-f', conf]); } catch { /* nothing left */ }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface CapturedMail {
  readonly envelopeFrom: string;
  readonly envelopeTo: string[];
  readonly raw: Buffer;
  readonly parsed: ParsedMail;
}

export interface SmtpSink {
  readonly port: number;
  readonly received: CapturedMail[];
  /** Resolves with the next (or `n`th) captured mail. */
  waitFor(n?: number, timeoutMs?: number): Promise<CapturedMail>;
  /** Makes the next `count` deliveries fail with this SMTP code. */
  failNext(count: number, code: number): void;
  stop(): Promise<void>;
}

/** A real SMTP server (smtp-server) on 127.0.0.1 that accepts any login and keeps what it receives. */
export async function startSmtpSink(): Promise<SmtpSink> {
  const received: CapturedMail[] = [];
  let failures: { count: number; code: number } = { count: 0, code: 451 };
  const listeners: (() => void)[] = [];
  const server = new SMTPServer({
    secure: false, authOptional: true, disabledCommands: ['STARTTLS'], logger: false,
    onAuth(_auth, _session, cb) { cb(null, { user: 'any' }); },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', async () => {
        if (failures.count > 0) {
          failures.count--;
          const err = new Error(failures.code >= 500 ? 'mailbox unavailable' : 'try again later') as Error & { responseCode: number };
          err.responseCode = failures.code;
          return cb(err);
        }
        const raw = Buffer.concat(chunks);
        received.push({ envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', envelopeTo: session.envelope.rcptTo.map((r) => r.address), raw, parsed: await simpleParser(raw) });
        listeners.splice(0).forEach((l) => l());
        cb();
      });
    },
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    port, received,
    async waitFor(n = received.length + 1, timeoutMs = 15_000) {
      const end = Date.now() + timeoutMs;
      while (received.length < n) {
        if (Date.now() > end) throw new Error(`no mail #${n} arrived at the SMTP sink within ${timeoutMs} ms (${received.length} so far)`);
        await new Promise<void>((r) => { listeners.push(r); setTimeout(r, 200); });
      }
      return received[n - 1]!;
    },
    failNext(count, code) { failures = { count, code }; },
    stop: () => new Promise<void>((r) => server.close(() => r())),
  };
}
