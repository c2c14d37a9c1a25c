import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createWorkspaceWithOwner, generatePassword } from '../access/index.ts';
import { writeDemoFiles } from '../demo/index.ts';
import { CodedError } from '../kernel/index.ts';
import { ConfigError, loadConfig, type Config } from '../platform/config.ts';
import { DataDirLockedError } from '../platform/data-dir-lock.ts';
import { progressBar } from '../platform/progress.ts';
import { seedDemoReports, seedDemoWorkspace } from '../seeding/index.ts';
import { migrateDb, openDeps, type Deps } from './deps.ts';
import { EXIT } from './exit-codes.ts';
import { startServer, startWorker } from './server.ts';
import { mailCommands } from './cli-mail.ts';
import { reconCommand, reconCommands } from './cli-recon.ts';
import { out, withDeps } from './cli-support.ts';
import { triageCommand } from './cli-triage.ts';

const int = (name: string, min: number, max: number) => (v: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw new InvalidArgumentError(`${name} must be an integer from ${min} to ${max}`);
  return n;
};


/**
 * Creates the demo workspace unless it exists. Its login is kept beside the embedded data (mode 0600) so a
 * second start can print it again; a host that did not create the demo cannot know the password.
 */
async function ensureDemo(deps: Deps, orders: number, seed: number, showBar: boolean): Promise<{ email: string; password: string | null; created: boolean; tickets: number; orders: number }> {
  const file = join(deps.config.dataDir, 'demo-login.json');
  const saved = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { password: string }).password : null;
  const password = saved ?? generatePassword();
  process.stderr.write(`checking the demo workspace (creating ${orders} orders in one transaction if it is missing)…\n`);
  const bar = progressBar('seeding demo workspace', showBar);
  const lines = !showBar;
  const r = await seedDemoWorkspace(deps, {
    seed, orders, password,
    onProgress: (d, t) => (bar.update(d, t), lines && d < t ? process.stderr.write(`seeding: ${d}/${t} orders\n`) : undefined),
  });
  bar.stop();
  if (r.created) {
    mkdirSync(deps.config.dataDir, { recursive: true, mode: 0o700 });
    writeFileSync(file, JSON.stringify({ email: r.email, password }) + '\n', { mode: 0o600 });
    deps.log.info('demo workspace created', { orders: r.orders, tickets: r.tickets });
  }
  // The same world as Amazon would report it: the report files the recovery imports read, imported and reconciled
  // once (again after an interrupted start).
  const filesDir = join(deps.config.dataDir, 'demo-files');
  if (r.created || existsSync(filesDir)) {
    const rec = await seedDemoReports(deps.db, { workspaceId: r.workspaceId, seed, orders: r.orders, seededAt: r.seededAt, filesDir, now: () => deps.clock.now() });
    if (rec?.rejected.length) deps.log.warn('demo report files rejected', { errors: rec.rejected });
    if (rec) deps.log.info('demo recovery data', { files: rec.imported, reportFiles: filesDir, cases: rec.reconcile?.created ?? 0 });
  }
  return { ...r, password: r.created || saved ? password : null };
}

async function serve(config: Config, o: { port?: number; host?: string; open: boolean; demo: boolean; worker: boolean; demoOrders: number }): Promise<void> {
  const deps = await openDeps(config, { purpose: 'serve' });
  let server: Awaited<ReturnType<typeof startServer>> | null = null;
  try {
    await migrateDb(deps.db);
    const login = o.demo && config.demo === 'auto' ? await ensureDemo(deps, o.demoOrders, 42, process.stderr.isTTY === true) : null;
    if (!o.worker && config.database.kind === 'pglite') deps.log.warn('--no-worker with the embedded database: background jobs will not run (only this process may open the data directory)');
    server = await startServer(deps, { port: o.port ?? config.http.port, host: o.host ?? config.http.host, worker: o.worker });
    const shutdown = async (signal: string) => {
      deps.log.info('shutting down', { signal });
      await server?.close();
      await deps.close();
      process.exit(EXIT.ok);
    };
    process.once('SIGINT', () => void shutdown('SIGINT'));
    process.once('SIGTERM', () => void shutdown('SIGTERM'));
    process.stdout.write(`\nclaimdesk is running at ${server.url}\n`);
    process.stdout.write(`database: ${config.database.kind === 'pglite' ? `embedded PGlite in ${config.database.dir}` : 'PostgreSQL server (DATABASE_URL)'}\n`);
    if (login) process.stdout.write(`demo login: ${login.email}  password: ${login.password ?? '(shown by the process that created the demo; see its data directory)'}\n`);
    process.stdout.write('press Ctrl+C to stop\n\n');
    if (o.open) openBrowser(server.url);
  } catch (err) {
    await server?.close();
    await deps.close();
    throw err;
  }
  await new Promise<never>(() => undefined);
}

function openBrowser(url: string): void {
  if (process.env.CI === 'true' || !process.stdout.isTTY) return;
  const cmd = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'cmd' : 'xdg-open';
  const args = process.platform === 'win32' ? ['/c', 'start', '', url] : [url];
  const child = spawn(cmd, args, { stdio: 'ignore', detached: true });
  child.on('error', () => undefined);
  child.unref();
}

export function buildCli(config: () => Config): Command {
  const program = new Command('claimdesk')
    .description('Support desk and FBA money recovery for multi-channel sellers')
    .exitOverride()
    .showHelpAfterError();

  program
    .command('serve')
    .description('start the HTTP server and web UI (and, by default, the job worker in the same process)')
    .option('--port <port>', 'port to listen on (env PORT, default 3000)', int('port', 0, 65535))
    .option('--host <host>', 'address to bind (env HOST, default 127.0.0.1)')
    .option('--open', 'open the web UI in a browser', false)
    .option('--no-demo', 'do not create the demo workspace on first start')
    .option('--no-worker', 'do not run background jobs in this process (PostgreSQL mode: run `claimdesk worker` separately)')
    .option('--demo-orders <n>', 'orders in the demo workspace', int('demo-orders', 0, 200_000), 2000)
    .action((o: { port?: number; host?: string; open: boolean; demo: boolean; worker: boolean; demoOrders: number }) => serve(config(), o));

  program
    .command('worker')
    .description('run background jobs (PostgreSQL mode; in embedded mode `serve` runs them)')
    .action(async () => {
      const c = config();
      if (c.database.kind === 'pglite') throw new CodedError('bad_input', 'the embedded database is single-process: `claimdesk serve` runs the worker. Set DATABASE_URL to run workers separately.');
      const deps = await openDeps(c, { purpose: 'worker' });
      await migrateDb(deps.db);
      const worker = await startWorker(deps);
      process.stdout.write('worker running; press Ctrl+C to stop\n');
      const stop = async () => {
        await worker.stop();
        await deps.close();
        process.exit(EXIT.ok);
      };
      process.once('SIGINT', () => void stop());
      process.once('SIGTERM', () => void stop());
      await new Promise<never>(() => undefined);
    });

  program
    .command('migrate')
    .description('apply pending database migrations')
    .option('--json', 'print the result as JSON', false)
    .action(async (o: { json: boolean }) =>
      withDeps(config(), 'migrate', async (deps) => {
        const r = await migrateDb(deps.db);
        out(o.json, r, r.applied.length ? `applied: ${r.applied.join(', ')}` : `up to date (${r.alreadyApplied} migrations)`);
      }),
    );

  program
    .command('demo')
    .description('write a deterministic demo world: orders.jsonl, Amazon report files in their exact formats, and a manifest of injected discrepancies')
    .requiredOption('--out <dir>', 'directory to write into')
    .option('--orders <n>', 'number of orders', int('orders', 1, 10_000_000), 2000)
    .option('--seed <s>', 'random seed', int('seed', 0, 2 ** 31 - 1), 42)
    .option('--now <iso>', 'the end of the 120-day window (default: now)')
    .option('--json', 'print the manifest summary as JSON', false)
    .action(async (o: { out: string; orders: number; seed: number; now?: string; json: boolean }) => {
      const now = o.now ? new Date(o.now) : new Date();
      if (Number.isNaN(now.getTime())) throw new CodedError('bad_input', `--now: "${o.now}" is not an ISO date`);
      const bar = progressBar('writing demo files', !o.json && process.stderr.isTTY === true);
      const manifest = await writeDemoFiles({ seed: o.seed, orders: o.orders, now, outDir: resolve(o.out), onProgress: (d, t) => bar.update(d, t) });
      bar.stop();
      const { discrepancies: _list, ...summary } = manifest;
      out(o.json, summary, `wrote ${o.orders} orders, ${manifest.conversations} conversations and ${manifest.discrepancyCount} injected discrepancies to ${resolve(o.out)}`);
    });

  program
    .command('seed-demo')
    .description('create the demo workspace in the database now (serve does this on first start)')
    .option('--orders <n>', 'number of orders', int('orders', 0, 200_000), 2000)
    .option('--seed <s>', 'random seed', int('seed', 0, 2 ** 31 - 1), 42)
    .option('--json', 'print the result as JSON', false)
    .action(async (o: { orders: number; seed: number; json: boolean }) =>
      withDeps(config(), 'seed-demo', async (deps) => {
        await migrateDb(deps.db);
        const r = await ensureDemo(deps, o.orders, o.seed, !o.json && process.stderr.isTTY === true);
        out(o.json, r, `${r.created ? 'created' : 'already there'}: ${r.orders} orders, ${r.tickets} tickets; login ${r.email} / ${r.password ?? '(password shown by the process that created it)'}`);
      }),
    );

  const workspace = program.command('workspace').description('manage workspaces');
  workspace
    .command('create')
    .description('create a workspace with its owner (a password is generated for a new owner and printed once)')
    .requiredOption('--name <name>', 'the seller or brand name')
    .requiredOption('--slug <slug>', 'short id used at sign-in, e.g. acme (lower case, digits, dashes)')
    .requiredOption('--owner-email <email>', "the owner's e-mail address")
    .requiredOption('--owner-name <name>', "the owner's name")
    .option('--currency <code>', 'default currency', 'USD')
    .option('--timezone <tz>', 'IANA time zone for business hours', 'UTC')
    .option('--json', 'print the result as JSON', false)
    .action(async (o: { name: string; slug: string; ownerEmail: string; ownerName: string; currency: string; timezone: string; json: boolean }) => {
      if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(o.ownerEmail)) throw new CodedError('bad_input', `--owner-email: "${o.ownerEmail}" is not an e-mail address`);
      if (!/^[A-Z]{3}$/.test(o.currency)) throw new CodedError('bad_input', `--currency: "${o.currency}" is not an ISO 4217 code like USD`);
      if (!Intl.supportedValuesOf('timeZone').includes(o.timezone) && o.timezone !== 'UTC') throw new CodedError('bad_input', `--timezone: "${o.timezone}" is not an IANA time zone`);
      await withDeps(config(), 'workspace create', async (deps) => {
        await migrateDb(deps.db);
        const r = await createWorkspaceWithOwner(deps, { name: o.name, slug: o.slug, currency: o.currency, timezone: o.timezone, ownerEmail: o.ownerEmail, ownerName: o.ownerName });
        if (!r.ok) throw new CodedError(r.error, r.message);
        out(o.json, r.value, `created workspace "${o.slug}"; sign in as ${r.value.ownerEmail}${r.value.password ? ` with password ${r.value.password} (shown once)` : ' with your existing password'}`);
      });
    });

  mailCommands(program, config);
  reconCommands(program, config);
  reconCommand(program, config);
  triageCommand(program);
  return program;
}

/** Runs the CLI; returns the process exit code. Errors become one clear line on stderr and a distinct code. */
export async function main(argv: readonly string[]): Promise<number> {
  let cached: Config | null = null;
  const config = () => (cached ??= loadConfig(process.env));
  try {
    const program = buildCli(config);
    await program.parseAsync([...argv]);
    return EXIT.ok;
  } catch (err) {
    return report(err);
  }
}

function report(err: unknown): number {
  if (err instanceof CommanderError) {
    return err.exitCode === 0 || err.code === 'commander.helpDisplayed' || err.code === 'commander.version' ? EXIT.ok : EXIT.badInput;
  }
  const line = (msg: string) => process.stderr.write(`claimdesk: ${msg}\n`);
  if (err instanceof ConfigError) return line(err.message), EXIT.badInput;
  if (err instanceof DataDirLockedError) return line(err.message), EXIT.unavailable;
  if (err instanceof CodedError) return line(err.message), err.code === 'unavailable' ? EXIT.unavailable : EXIT.badInput;
  const code = (err as { code?: string }).code;
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === '3D000' || code === '28P01') return line(`database unavailable: ${(err as Error).message}`), EXIT.unavailable;
  if (code === 'EADDRINUSE') return line(`${(err as Error).message}: another program uses that port; pick one with --port or PORT`), EXIT.unavailable;
  line(`internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  return EXIT.internal;
}
