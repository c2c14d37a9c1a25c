import type { Command } from 'commander';
import { existsSync, readFileSync } from 'node:fs';
import { findWorkspaceBySlug } from '../access/index.ts';
import { describeEmail, importMailFiles, loadAccount, parseEmail } from '../channels/index.ts';
import { CodedError } from '../kernel/index.ts';
import type { Config } from '../platform/config.ts';
import type { Queryable } from '../platform/db/port.ts';
import { progressBar } from '../platform/progress.ts';
import { out, withDeps } from './cli-support.ts';
import { migrateDb } from './deps.ts';

/** The workspace named by --workspace, or the only one there is. */
export async function resolveWorkspace(q: Queryable, slug: string | undefined): Promise<{ id: string; slug: string }> {
  if (slug) {
    const w = await findWorkspaceBySlug(q, slug);
    if (!w) throw new CodedError('bad_input', `--workspace: no workspace "${slug}"`);
    return { id: w.id, slug: w.slug };
  }
  const r = await q.query<{ id: string; slug: string }>('SELECT id, slug FROM workspaces ORDER BY created_at LIMIT 2');
  if (r.rows.length === 0) throw new CodedError('bad_input', 'there is no workspace yet: create one with `claimdesk workspace create` (or start the demo)');
  if (r.rows.length > 1) throw new CodedError('bad_input', 'several workspaces exist: name one with --workspace <slug>');
  return r.rows[0]!;
}

export function mailCommands(program: Command, config: () => Config): void {
  program
    .command('parse-email')
    .description('show what the e-mail parser sees in a saved message (.eml): sender, text, attachments, bounce/auto-reply, Amazon relay order and buyer text')
    .argument('<file>', 'an .eml file')
    .option('--json', 'print the result as JSON', false)
    .action(async (file: string, o: { json: boolean }) => {
      if (!existsSync(file)) throw new CodedError('bad_input', `${file}: no such file`);
      let parsed;
      try {
        parsed = await parseEmail(readFileSync(file));
      } catch (err) {
        throw new CodedError('bad_input', `${file}: ${(err as Error).message}`);
      }
      const d = describeEmail(parsed);
      const human = [
        `from:     ${d.from ?? '(none)'}`, `to:       ${d.to.join(', ')}`, `subject:  ${d.subject}`, `date:     ${d.date ?? '(none)'}`,
        `kind:     ${d.kind} (${d.kindReason})`,
        ...(d.amazon ? [`amazon:   ${d.amazon.kind}, order ${d.amazon.orderId ?? '(none)'}, marketplace ${d.amazon.marketplace ?? '?'}, buyer ${d.amazon.buyerName ?? '?'}`] : []),
        ...d.attachments.map((a) => `attached: ${a.name} (${a.type}, ${a.size} bytes)`),
        '', d.amazon ? d.amazon.buyerText : d.text,
      ].join('\n');
      out(o.json, d, human);
    });

  const imp = program.command('import').description('import data from files');
  imp
    .command('eml')
    .description('ingest saved mail (.eml files, mbox archives, directories of them) into the inbox, exactly as the mailbox would; a second import adds nothing')
    .argument('<paths...>', 'files or directories')
    .option('--workspace <slug>', 'the workspace (default: the only one)')
    .option('--account <id>', 'the mailbox channel account the mail belongs to (replies then go out through it)')
    .option('--json', 'print the result as JSON', false)
    .action(async (paths: string[], o: { workspace?: string; account?: string; json: boolean }) => {
      for (const p of paths) if (!existsSync(p)) throw new CodedError('bad_input', `${p}: no such file or directory`);
      await withDeps(config(), 'import eml', async (deps) => {
        await migrateDb(deps.db);
        const ws = await resolveWorkspace(deps.db, o.workspace);
        if (o.account && !(await loadAccount(deps.db, deps.secrets, ws.id, o.account))) throw new CodedError('bad_input', `--account: no channel account ${o.account} in workspace ${ws.slug}`);
        const bar = progressBar('importing mail', !o.json && process.stderr.isTTY === true);
        const r = await importMailFiles(deps.db, ws.id, o.account ?? null, paths, () => deps.clock.now(), (d, t) => bar.update(d, t));
        bar.stop();
        out(o.json, r, [
          `${r.files} files, ${r.messages} messages: ${r.stored} stored (${r.ticketsCreated} new tickets), ${r.duplicates} already there, ${r.skipped} not customer mail (bounces, auto-replies, reports)`,
          ...r.errors.map((e) => `  could not parse ${e.origin}: ${e.error}`),
        ].join('\n'));
      });
    });
}
