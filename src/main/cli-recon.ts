import type { Command } from 'commander';
import { existsSync, statSync } from 'node:fs';
import { listChannelAccounts } from '../commerce/index.ts';
import { CodedError, marketplaceByCode } from '../kernel/index.ts';
import type { Config } from '../platform/config.ts';
import type { Queryable } from '../platform/db/port.ts';
import { progressBar } from '../platform/progress.ts';
import { ACCOUNT_KINDS, IMPORT_KINDS, importReports, layoutsOf, type ImportKind, type ImportSummary } from '../recon/index.ts';
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
