import type { Command } from 'commander';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { listChannelAccounts } from '../commerce/index.ts';
import { CodedError, marketplaceByCode } from '../kernel/index.ts';
import type { Config } from '../platform/config.ts';
import type { Queryable } from '../platform/db/port.ts';
import { progressBar } from '../platform/progress.ts';
import { ACCOUNT_KINDS, CLAIM_KINDS, CASE_STATUSES, IMPORT_KINDS, formatAmount, importReports, layoutsOf, listCases, parseList, reconcile, type CaseStatusName, type ImportKind, type ImportSummary, type ReconCase, type ReconcileSummary } from '../recon/index.ts';
import { openPglite } from '../platform/db/pglite.ts';
import type { Db } from '../platform/db/port.ts';
import { newId, systemClock } from '../kernel/index.ts';
import { resolveWorkspace } from './cli-mail.ts';
import { out, withDeps } from './cli-support.ts';
import { migrateDb } from './deps.ts';

interface ImportFlags {
  workspace?: string;
  account?: string;
  marketplace?: string;
  currency?: string;
  force: boolean;
  json: boolean;
}

function describeKind(kind: ImportKind): string {
  const layouts = layoutsOf(kind);
  const labels = [...new Set(layouts.map((l) => l.label))].join(' / ');
  const types = [...new Set(layouts.flatMap((l) => l.reportTypes))];
  return `${labels}${ACCOUNT_KINDS.has(kind) ? '' : ' (the seller\'s own file; --account optional)'}: ${types.join(' | ')}`;
}

/** --account by id, or an Amazon account's marketplace code (when there is one), name or seller id. */
async function resolveAccount(q: Queryable, workspaceId: string, ref: string | undefined): Promise<string | null> {
  if (!ref) return null;
  const all = await listChannelAccounts(q, workspaceId);
  const byId = all.find((a) => a.id === ref);
  if (byId) return byId.id;
  const amazon = all.filter((a) => a.kind === 'amazon');
  const r = ref.toLowerCase();
  const matches = amazon.filter((a) => a.name.toLowerCase() === r || a.externalId?.toLowerCase() === r || a.marketplace?.toLowerCase() === r);
  if (matches.length === 1) return matches[0]!.id;
  const known = amazon.map((a) => `${a.id} (${a.name}, ${a.marketplace ?? '?'})`).join('; ') || 'none';
  throw new CodedError('bad_input', `--account: ${matches.length > 1 ? `"${ref}" names several accounts` : `no account "${ref}" in this workspace`}; Amazon accounts: ${known}`);
}

function columnsHelp(kind: ImportKind): string {
  return layoutsOf(kind).map((l) => {
    const sig = l.signature.map((k) => l.fields.find((f) => f.key === k)!.headers[0]).join(', ');
    return `  ${l.label} — recognised by the columns ${sig} (names compared without case, spaces, dashes or underscores)`;
  }).join('\n');
}

function human(r: ImportSummary): string {
  const lines = r.files.map((f) => {
    if (f.status === 'rejected') return `rejected  ${f.file}${f.recognisedAs ? `: ${f.recognisedAs}` : ''} (why: below)`;
    const what = `${f.file}: ${f.recognisedAs}`;
    if (f.status === 'unchanged') return `unchanged ${what}: the same file was imported before; nothing to do (--force reads it again)`;
    return `imported  ${what}: ${f.rows} rows; ${f.inserted} new, ${f.updated} updated, ${f.duplicates} already there`;
  });
  const n = (k: number, what: string) => `${k} ${what}${k === 1 ? '' : 's'}`;
  lines.push(`${n(r.files.length, 'file')}: ${n(r.inserted, 'row')} stored, ${r.updated} updated, ${r.duplicates} already there${r.rejected ? `, ${n(r.rejected, 'file')} rejected (nothing of ${r.rejected === 1 ? 'it' : 'them'} was kept)` : ''}`);
  return lines.join('\n');
}

async function runImport(config: Config, kind: ImportKind | 'auto', files: string[], o: ImportFlags): Promise<void> {
  if (o.marketplace && !marketplaceByCode(o.marketplace)) throw new CodedError('bad_input', `--marketplace: "${o.marketplace}" is not a marketplace code like US, DE, UK`);
  if (o.currency && !/^[A-Z]{3}$/.test(o.currency)) throw new CodedError('bad_input', `--currency: "${o.currency}" is not an ISO 4217 code like USD`);
  if (kind !== 'auto' && ACCOUNT_KINDS.has(kind) && !o.account) throw new CodedError('bad_input', `${kind} rows belong to an Amazon account: give --account <id> (Settings → Channels shows the ids)`);
  for (const f of files) {
    if (!existsSync(f)) throw new CodedError('bad_input', `${f}: no such file`);
    if (!statSync(f).isFile()) throw new CodedError('bad_input', `${f}: not a file (name the report files themselves)`);
  }
  await withDeps(config, `import ${kind}`, async (deps) => {
    await migrateDb(deps.db);
    const ws = await resolveWorkspace(deps.db, o.workspace);
    const wsCurrency = (await deps.db.query<{ c: string }>('SELECT default_currency AS c FROM workspaces WHERE id = $1', [ws.id])).rows[0]?.c;
    const bar = progressBar(`importing ${kind}`, !o.json && process.stderr.isTTY === true);
    const accountId = await resolveAccount(deps.db, ws.id, o.account);
    const r = await importReports(deps.db, ws.id, accountId, kind, files, (d, t) => bar.update(d, t), {
      now: () => deps.clock.now(), marketplace: o.marketplace, currency: o.currency, fallbackCurrency: wsCurrency, force: o.force,
    });
    bar.stop();
    out(o.json, r, human(r));
    const errors = r.files.filter((f) => f.status === 'rejected').map((f) => f.error!);
    if (errors.length === 1) throw new CodedError('bad_input', errors[0]!);
    if (errors.length > 1) throw new CodedError('bad_input', `${errors.length} files rejected:\n  ${errors.join('\n  ')}`);
  });
}

/** `claimdesk import <kind> FILE…` for every report kind, beside `import eml`. */
export function reconCommands(program: Command, config: () => Config): void {
  const imp = program.commands.find((c) => c.name() === 'import') ?? program.command('import').description('import data from files');
  const kinds: (ImportKind | 'auto')[] = [...IMPORT_KINDS, 'auto'];
  for (const kind of kinds) {
    imp
      .command(kind)
      .description(kind === 'auto' ? 'any of the report files below, each recognised from its header line' : describeKind(kind))
      .argument('<files...>', 'report files (tab-separated, CSV, gzip; file names carry no meaning: the header line decides)')
      .option('--account <id>', 'the Amazon channel account the reports belong to (required for amazon-* files): its id, or its marketplace code (US, DE, …), name or seller id')
      .option('--workspace <slug>', 'the workspace (default: the only one)')
      .option('--marketplace <code>', "date and number conventions when no account gives them (US: 09/03/2026 and 1,234.50; DE: 03.09.2026 and 1.234,50)")
      .option('--currency <code>', 'currency of amounts in files without a currency column')
      .option('--force', 'read a file again even when the same content was imported before', false)
      .option('--json', 'print the summary as JSON', false)
      .addHelpText('after', `\nEach file is imported whole, in one transaction, or not at all: a malformed row is reported as
file:line:column (header): reason, and nothing of that file is kept. Re-importing a file or an overlapping
date range adds nothing twice. Exit code 2 when any file is rejected.\n\n${kind === 'auto' ? IMPORT_KINDS.map((k) => `${k}:\n${columnsHelp(k)}`).join('\n') : columnsHelp(kind)}`)
      .action((files: string[], o: ImportFlags) => runImport(config(), kind, files, o));
  }
}

interface ReconFlags {
  asOf?: string;
  json: boolean;
  workspace?: string;
  files?: string;
  marketplace?: string;
  status?: string;
  kind?: string;
  all: boolean;
  skipUnknown: boolean;
  dryRun: boolean;
}

function parseAsOf(v: string | undefined): Date {
  if (!v) return systemClock.now();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(`${v}T12:00:00Z`)) || new Date(`${v}T12:00:00Z`).toISOString().slice(0, 10) !== v) {
    throw new CodedError('bad_input', `--as-of: "${v}" is not a day like 2026-11-15`);
  }
  return new Date(`${v}T12:00:00Z`);
}


/** One line per case for people. */
function caseLine(c: ReconCase): string {
  const ids = [c.sku, c.fnsku, c.orderId, c.shipmentId, c.referenceId && c.referenceId !== c.orderId && c.referenceId !== c.shipmentId ? c.referenceId : null].filter(Boolean).join(' ');
  const left = c.daysLeft === 0 ? 'due today' : c.daysLeft === 1 ? '1 day left' : `${c.daysLeft} days left`;
  const when = c.daysLeft < 0 ? `expired ${c.deadlineOn}` : `${left} (${c.deadlineOn})${c.opensOn && c.status === 'detected' ? `, opens ${c.opensOn}` : ''}`;
  return `${c.status.padEnd(10)} ${formatAmount(c.valueMinor, c.currency).padStart(12)}  ${c.kind.padEnd(28)} ${String(c.quantity).padStart(4)} × ${ids}  — ${when}`;
}

/** The JSON shape of a case for `recon --json`: identifiers, quantity, value, currency, deadline, evidence references. */
function caseJson(c: ReconCase): Record<string, unknown> {
  return {
    id: c.id, kind: c.kind, status: c.status, statusReason: c.statusReason, marketplace: c.marketplace, sku: c.sku, fnsku: c.fnsku, asin: c.asin,
    orderId: c.orderId, shipmentId: c.shipmentId, referenceId: c.referenceId, quantity: c.quantity, valueMinor: c.valueMinor, currency: c.currency,
    value: formatAmount(c.valueMinor, c.currency), valueBasis: c.valueBasis, valueExplanation: c.valueExplanation, valueVerified: c.valueVerified,
    eventOn: c.eventOn, opensOn: c.opensOn, deadlineOn: c.deadlineOn, daysLeft: c.daysLeft, score: c.score, windowRule: c.windowRule,
    summary: c.summary, claimText: c.claimText, evidence: c.evidence, ticketId: c.ticketId, amazonCaseId: c.amazonCaseId, recoveredMinor: c.recoveredMinor,
  };
}

function totalsLine(cases: readonly ReconCase[]): string {
  const by = new Map<string, { n: number; v: number }>();
  for (const c of cases) {
    const t = by.get(c.currency) ?? { n: 0, v: 0 };
    t.n++;
    t.v += c.valueMinor;
    by.set(c.currency, t);
  }
  return [...by].map(([cur, t]) => `${t.n} case${t.n === 1 ? '' : 's'}, ${formatAmount(t.v, cur)}`).join('; ') || 'no cases';
}

async function report(db: Db, workspaceId: string, asOf: Date, o: ReconFlags, summary: ReconcileSummary, extra: Record<string, unknown> = {}): Promise<void> {
  const statuses = parseList<CaseStatusName>('--status', o.status, CASE_STATUSES) ?? (o.all ? undefined : ['detected', 'ready']);
  const kinds = parseList('--kind', o.kind, CLAIM_KINDS);
  const cases = await listCases(db, workspaceId, asOf, { status: statuses, kind: kinds });
  if (o.json) {
    out(true, { asOf: summary.asOf, summary, ...extra, cases: cases.map(caseJson) }, '');
    return;
  }
  const missed = Object.entries(summary.missedMinor).map(([c, v]) => formatAmount(v, c)).join(', ');
  const lines = [
    ...cases.map(caseLine),
    '',
    `as of ${summary.asOf}: ${totalsLine(cases)} (${summary.created} new, ${summary.updated} changed, ${summary.resolved} settled by Amazon, ${summary.expired} expired) in ${summary.ms} ms`,
    ...(missed ? [`past their deadline before anyone claimed them: ${summary.skipped.expired} candidates, ${missed}`] : []),
  ];
  out(false, null, lines.join('\n'));
}

/** `recon --files DIR`: report files alone, in a throw-away in-memory database. */
async function reconFiles(dir: string, o: ReconFlags): Promise<void> {
  const root = resolve(dir);
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new CodedError('bad_input', `--files: ${dir} is not a directory`);
  // stat follows symbolic links, so a directory of links to downloaded files works too.
  const kindOf = (p: string): 'file' | 'dir' | null => {
    const st = statSync(p, { throwIfNoEntry: false });
    return st?.isFile() ? 'file' : st?.isDirectory() ? 'dir' : null;
  };
  const entries = readdirSync(root).filter((n) => !n.startsWith('.')).map((name) => ({ name, type: kindOf(join(root, name)) }));
  const subdirs = entries.filter((e) => e.type === 'dir');
  // Files directly in DIR are one account; each subdirectory is another (its name may be the marketplace code).
  const groups: { name: string; files: string[]; marketplace: string }[] = [];
  const direct = entries.filter((e) => e.type === 'file').map((e) => join(root, e.name)).sort();
  const fallback = (o.marketplace ?? 'US').toUpperCase();
  if (o.marketplace && !marketplaceByCode(o.marketplace)) throw new CodedError('bad_input', `--marketplace: "${o.marketplace}" is not a marketplace code like US, DE, UK`);
  if (direct.length) groups.push({ name: '.', files: direct, marketplace: fallback });
  for (const d of subdirs) {
    const files = readdirSync(join(root, d.name)).filter((n) => !n.startsWith('.')).map((n) => join(root, d.name, n)).filter((p) => kindOf(p) === 'file').sort();
    if (files.length) groups.push({ name: d.name, files, marketplace: marketplaceByCode(d.name) ? d.name.toUpperCase() : fallback });
  }
  if (!groups.length) throw new CodedError('bad_input', `--files: ${dir} holds no files`);
  const asOf = parseAsOf(o.asOf);
  const db = await openPglite(undefined);
  try {
    await migrateDb(db);
    const ws = newId('wsp');
    await db.query(`INSERT INTO workspaces (id, name, slug, default_currency) VALUES ($1, 'recon --files', 'recon-files', 'USD')`, [ws]);
    const imports: Record<string, unknown>[] = [];
    const skipped: string[] = [];
    const bar = progressBar('importing reports', !o.json && process.stderr.isTTY === true);
    for (const g of groups) {
      const account = newId('chn');
      await db.query(`INSERT INTO channel_accounts (id, workspace_id, kind, name, marketplace) VALUES ($1, $2, 'amazon', $3, $4)`, [account, ws, `Amazon ${g.marketplace} (${g.name})`, g.marketplace]);
      const r = await importReports(db, ws, account, 'auto', g.files, (d, t) => bar.update(d, t), { now: () => systemClock.now(), marketplace: g.marketplace });
      for (const f of r.files) {
        if (f.status !== 'rejected') {
          imports.push({ file: f.file, recognisedAs: f.recognisedAs, rows: f.rows });
          continue;
        }
        if (!f.kind && o.skipUnknown) skipped.push(`${f.file}: ${f.error}`);
        else {
          bar.stop();
          throw new CodedError('bad_input', f.error ?? `${f.file}: rejected`);
        }
      }
      // A ledger names its country: trust it over the default when no marketplace was given.
      if (!o.marketplace && !marketplaceByCode(g.name)) {
        const c = (await db.query<{ country: string }>(`SELECT upper(country) AS country FROM inventory_ledger_events WHERE account_id = $1 AND country <> '' GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`, [account])).rows[0]?.country;
        if (c && marketplaceByCode(c === 'GB' ? 'UK' : c)) await db.query('UPDATE channel_accounts SET marketplace = $2 WHERE id = $1', [account, c === 'GB' ? 'UK' : c]);
      }
    }
    bar.stop();
    const summary = await reconcile(db, ws, { asOf, now: () => systemClock.now() });
    if (skipped.length && !o.json) process.stderr.write(`skipped (not a report claimdesk reads):\n  ${skipped.join('\n  ')}\n`);
    await report(db, ws, asOf, o, summary, { files: imports, skipped });
  } finally {
    await db.close();
  }
}

/** `claimdesk recon`: run reconciliation and list the cases. */
export function reconCommand(program: Command, config: () => Config): void {
  program
    .command('recon')
    .description('find reimbursable FBA discrepancies in the imported reports and list the claim cases, ranked by value × urgency')
    .option('--as-of <day>', 'reconcile as of this day (YYYY-MM-DD; default today)')
    .option('--files <dir>', 'run on report files alone, in a throw-away in-memory database (each subdirectory is another account)')
    .option('--marketplace <code>', 'with --files: the marketplace of the files (default: the ledger\'s Country, else US)')
    .option('--workspace <slug>', 'the workspace (default: the only one)')
    .option('--status <list>', `cases with these statuses (default detected,ready): ${CASE_STATUSES.join(', ')}`)
    .option('--kind <list>', `cases of these kinds: ${CLAIM_KINDS.join(', ')}`)
    .option('--all', 'cases of every status', false)
    .option('--skip-unknown', 'with --files: skip files that are not a report claimdesk reads instead of stopping', false)
    .option('--dry-run', 'find and value the cases but change nothing', false)
    .option('--json', 'print JSON: the summary and every case with its identifiers, quantity, value, deadline and evidence references', false)
    .action(async (o: ReconFlags) => {
      if (o.files) return reconFiles(o.files, o);
      const asOf = parseAsOf(o.asOf);
      await withDeps(config(), 'recon', async (deps) => {
        await migrateDb(deps.db);
        const ws = await resolveWorkspace(deps.db, o.workspace);
        const summary = await reconcile(deps.db, ws.id, { asOf, now: () => deps.clock.now(), dryRun: o.dryRun });
        await report(deps.db, ws.id, asOf, o, summary);
      });
    });
}
