// The settlement flat files of one Amazon account: one file per 14-day settlement period, the periods laid
// back to back so that the last one ends at `now` (a period is (start, end], so a line posted exactly at a
// boundary belongs to the period that ends there). A file starts with the summary row, whose total-amount is
// only known once every line of the period is, so lines are streamed in date order into a body file per
// period (tsv-sink.ts, bounded memory) and each file is assembled from header, summary and body at the end.

import { createReadStream, createWriteStream } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { hash32 } from './rng.ts';
import { DAY_MS, addDays, decimal, settlementDateTime } from './format.ts';
import { SortedFile } from './tsv-sink.ts';
import { SETTLEMENT_V2, settlementFileName } from './report-headers.ts';
import { currencyOf, type AmazonAccount } from './amazon-rows.ts';
import type { SettlementLine } from './settlement.ts';
import type { WorldPlan } from './plan.ts';

export const SETTLEMENT_PERIOD_DAYS = 14;
const PERIOD_MS = SETTLEMENT_PERIOD_DAYS * DAY_MS;
/** Days from the end of a settlement period to the deposit. */
const DEPOSIT_DAYS = 2;

export interface SettlementPeriod {
  settlementId: string;
  start: Date;
  end: Date;
  deposit: Date;
  fileName: string;
}

/** Settlement ids grow over time like Amazon's; the two accounts never share one. */
function settlementId(seed: number, account: AmazonAccount, k: number): string {
  const base = 10_000_000_000 + (hash32(seed, 'settlement-id') % 8_000_000) * 1_000;
  return String(base + k * 20 + (account === 'amazon-de' ? 7 : 0));
}

/** The periods covering [now − days, now], oldest first. */
export function settlementPeriods(plan: WorldPlan, account: AmazonAccount): SettlementPeriod[] {
  const count = Math.max(1, Math.ceil(plan.spanMs / PERIOD_MS));
  const now = plan.now.getTime();
  return Array.from({ length: count }, (_, k) => {
    const end = new Date(now - (count - 1 - k) * PERIOD_MS);
    const id = settlementId(plan.seed, account, k);
    return { settlementId: id, start: new Date(end.getTime() - PERIOD_MS), end, deposit: addDays(end, DEPOSIT_DAYS), fileName: settlementFileName(account, id) };
  });
}

interface Open {
  period: SettlementPeriod;
  body: SortedFile;
  totalMinor: number;
}

export class SettlementFiles {
  readonly account: AmazonAccount;
  private readonly outDir: string;
  private readonly now: number;
  private readonly open: Open[];
  /** Data rows per file name (summary row included), known after close(). */
  readonly rows = new Map<string, number>();

  constructor(outDir: string, account: AmazonAccount, plan: WorldPlan) {
    this.outDir = outDir;
    this.account = account;
    this.now = plan.now.getTime();
    this.open = settlementPeriods(plan, account).map((period) => ({
      period, totalMinor: 0, body: new SortedFile(join(outDir, `.${period.fileName}.part`), null),
    }));
  }

  get periods(): SettlementPeriod[] {
    return this.open.map((o) => o.period);
  }

  private periodOf(at: number): Open {
    const back = Math.floor((this.now - at) / PERIOD_MS);
    const k = Math.min(this.open.length - 1, Math.max(0, this.open.length - 1 - back));
    return this.open[k] as Open;
  }

  push(line: SettlementLine): void {
    const key = line.at.getTime();
    const o = this.periodOf(key);
    o.totalMinor += line.amountMinor;
    o.body.pushLine(key, `${o.period.settlementId}${line.rest}`);
  }

  async flush(watermark: number): Promise<void> {
    for (const o of this.open) await o.body.flush(watermark);
  }

  /** Finishes the bodies and writes each file: header, summary row, then the amount lines. */
  async close(): Promise<void> {
    const currency = currencyOf(this.account);
    for (const o of this.open) {
      await o.body.close();
      const p = o.period;
      const summary = [p.settlementId, settlementDateTime(p.start), settlementDateTime(p.end), settlementDateTime(p.deposit), decimal(o.totalMinor), currency];
      while (summary.length < SETTLEMENT_V2.length) summary.push('');
      const path = join(this.outDir, p.fileName);
      await writeFile(path, `${SETTLEMENT_V2.join('\t')}\n${summary.join('\t')}\n`);
      await pipeline(createReadStream(o.body.path), createWriteStream(path, { flags: 'a' }));
      await rm(o.body.path);
      this.rows.set(p.fileName, o.body.rows + 1);
    }
  }
}
