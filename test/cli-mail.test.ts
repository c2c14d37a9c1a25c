// `claimdesk parse-email` and `claimdesk import eml` as a user runs them: the real CLI in a child process.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUYER_SAMPLES } from '../src/channels/email/relay-samples.ts';

const BIN = resolve(import.meta.dirname, '../bin/claimdesk.js');
const EMAIL = resolve(import.meta.dirname, '../../shared/fixtures/email');
const dir = mkdtempSync(join(tmpdir(), 'cd-cli-mail-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, CLAIMDESK_DATA_DIR: join(dir, 'data'), CLAIMDESK_LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  return spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8', timeout: 120_000 });
}

describe('claimdesk parse-email', () => {
  it('prints what the parser sees in an Amazon relay mail, with the buyer\'s own words', () => {
    const sample = BUYER_SAMPLES.find((s) => s.name.toLowerCase().includes('de')) ?? BUYER_SAMPLES[0]!;
    const file = join(dir, 'relay.eml');
    writeFileSync(file, sample.eml);
    const r = run(['parse-email', file, '--json']);
    expect(r.status, r.stderr).toBe(0);
    const d = JSON.parse(r.stdout);
    expect(d.amazon).toMatchObject({ orderId: sample.expected.orderId, marketplace: sample.expected.marketplace, buyerText: sample.expected.buyerText });
    expect(d.isBounce).toBe(false);
  });

  it.skipIf(!existsSync(EMAIL))('recognises a delivery failure as a bounce', () => {
    const r = run(['parse-email', join(EMAIL, 'postal-mime-fixtures/bounce.eml'), '--json']);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ kind: 'bounce', isBounce: true });
  });

  it('names the file when it is missing or not mail (exit 2)', () => {
    const missing = run(['parse-email', join(dir, 'nope.eml')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('nope.eml: no such file');
    const empty = join(dir, 'empty.eml');
    writeFileSync(empty, '');
    const bad = run(['parse-email', empty]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/empty\.eml: .*empty/);
  });
});

describe.skipIf(!existsSync(EMAIL))('claimdesk import eml', () => {
  it('imports a directory of saved mail and an mbox; a second import adds nothing', () => {
    expect(run(['workspace', 'create', '--name', 'Shop', '--slug', 'shop', '--owner-email', 'o@shop.test', '--owner-name', 'O', '--json']).status).toBe(0);
    const mbox = join(dir, 'archive.mbox');
    writeFileSync(mbox, BUYER_SAMPLES.slice(0, 3).map((s) => `From MAILER-DAEMON Fri Nov 20 10:00:00 2026\n${s.eml.replace(/\r\n/g, '\n').replace(/^From /gm, '>From ')}\n`).join(''));
    const first = run(['import', 'eml', EMAIL, mbox, '--json']);
    expect(first.status, first.stderr).toBe(0);
    const a = JSON.parse(first.stdout);
    expect(a.stored).toBeGreaterThan(60);
    expect(a.skipped).toBeGreaterThan(5);
    expect(a.errors.map((e: { origin: string }) => e.origin.split('/').pop())).toContain('sample_output_multipart');
    const second = JSON.parse(run(['import', 'eml', EMAIL, mbox, '--json']).stdout);
    expect(second).toMatchObject({ stored: 0, ticketsCreated: 0, messages: a.messages });
    const missing = run(['import', 'eml', join(dir, 'nowhere')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('nowhere: no such file or directory');
  }, 120_000);
});
