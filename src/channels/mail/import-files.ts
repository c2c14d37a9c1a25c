import { createReadStream } from 'node:fs';
import { open, readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { Db } from '../../platform/db/port.ts';
import { splitMbox } from '../email/index.ts';
import { storeParsed, type RawMail } from './ingest-raw.ts';
import { createParsePool } from './parse-pool.ts';

export interface MailImportReport {
  readonly files: number;
  readonly messages: number;
  readonly stored: number;
  readonly duplicates: number;
  readonly ticketsCreated: number;
  readonly skipped: number;
  readonly errors: readonly { origin: string; error: string }[];
}

/** Files to read: .eml files and mbox archives, recursively under directories (sorted, so runs are repeatable). */
export async function collectMailFiles(paths: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  const walk = async (p: string): Promise<void> => {
    const s = await stat(p).catch(() => null);
    if (!s) throw Object.assign(new Error(`${p}: no such file or directory`), { code: 'bad_input' });
    if (s.isDirectory()) {
      for (const e of (await readdir(p)).sort()) if (!e.startsWith('.')) await walk(join(p, e));
    } else if (s.isFile()) out.push(p);
  };
  for (const p of paths) await walk(p);
  return out;
}

async function isMbox(file: string): Promise<boolean> {
  if (['.mbox', '.mbx'].includes(extname(file).toLowerCase())) return true;
  const fh = await open(file, 'r');
  try {
    const buf = Buffer.alloc(5);
    await fh.read(buf, 0, 5, 0);
    return buf.toString('latin1') === 'From ';
  } finally {
    await fh.close();
  }
}

async function* mailsOf(file: string): AsyncGenerator<RawMail> {
  if (await isMbox(file)) {
    let n = 0;
    for await (const bytes of splitMbox(createReadStream(file))) yield { origin: `${file} message ${++n}`, bytes };
  } else {
    yield { origin: file, bytes: await readFile(file) };
  }
}

/**
 * Imports saved mail (.eml files, mbox archives) into a workspace as if its mailbox had received it:
 * same parser, same threading, same idempotency (a second import stores nothing new). Batches of
 * `batchSize` land in one transaction each. A file that cannot be parsed is reported and skipped.
 */
export async function importMailFiles(
  db: Db, workspaceId: string, channelAccountId: string | null, paths: readonly string[], now: () => Date,
  onProgress: (done: number, total: number) => void = () => undefined, batchSize = 200,
): Promise<MailImportReport> {
  const files = await collectMailFiles(paths);
  let messages = 0, stored = 0, duplicates = 0, created = 0, skipped = 0;
  const errors: { origin: string; error: string }[] = [];
  let batch: RawMail[] = [];
  // Parsing (worker threads) of the next batch overlaps storing (database) of the previous one.
  const pool = createParsePool();
  let storing: Promise<void> = Promise.resolve();
  const flush = async () => {
    if (!batch.length) return;
    const raws = batch;
    batch = [];
    const parsed = await pool.parse(raws);
    await storing;
    errors.push(...parsed.errors);
    storing = db.transaction((tx) => storeParsed(tx, workspaceId, channelAccountId, parsed.ok, now())).then((r) => {
      messages += raws.length;
      stored += r.tickets.stored;
      duplicates += r.tickets.duplicates;
      created += r.tickets.createdTickets.length;
      skipped += r.skipped.length;
    });
  };
  try {
    for (const [i, f] of files.entries()) {
      for await (const m of mailsOf(f)) {
        batch.push(m);
        if (batch.length >= batchSize) await flush();
      }
      onProgress(i + 1, files.length);
    }
    await flush();
    await storing;
  } finally {
    await storing.catch(() => undefined);
    await pool.close();
  }
  return { files: files.length, messages, stored, duplicates, ticketsCreated: created, skipped, errors };
}
