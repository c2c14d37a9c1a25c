import type { Command } from 'commander';
import { createInterface } from 'node:readline';
import { AssessInput, assessMessage } from '../triage/index.ts';
import { CodedError } from '../kernel/index.ts';

/**
 * `claimdesk triage`: JSON lines in (stdin), one JSON line out per input with intent, intents, signals,
 * language, risk, score, reasons and the SLA deadlines it would get. A bad line is reported on stderr with
 * its line number and field, the others are still assessed, and the exit code is then 2.
 */
export function triageCommand(program: Command): void {
  program
    .command('triage')
    .description('classify and risk-score messages: JSON lines on stdin ({"channel","marketplace","fulfillment","subject","body","order"}, all but body optional) → one JSON line each on stdout')
    .option('--now <iso>', 'the time to compute SLA deadlines from (default: now)')
    .option('--time-zone <tz>', 'IANA time zone of the business-hours calendar', 'UTC')
    .action(async (o: { now?: string; timeZone: string }) => {
      const now = o.now ? new Date(o.now) : new Date();
      if (Number.isNaN(now.getTime())) throw new CodedError('bad_input', `--now: "${o.now}" is not a date`);
      if (!Intl.supportedValuesOf('timeZone').includes(o.timeZone) && o.timeZone !== 'UTC') throw new CodedError('bad_input', `--time-zone: "${o.timeZone}" is not an IANA time zone`);
      let line = 0;
      let bad = 0;
      for await (const text of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
        line++;
        if (!text.trim()) continue;
        let raw: unknown;
        try {
          raw = JSON.parse(text);
        } catch (err) {
          bad++;
          process.stderr.write(`claimdesk: stdin:${line}: not JSON (${(err as Error).message})\n`);
          continue;
        }
        const parsed = AssessInput.safeParse(raw);
        if (!parsed.success) {
          bad++;
          const issue = parsed.error.issues[0]!;
          process.stderr.write(`claimdesk: stdin:${line}: ${issue.path.join('.') || '(line)'}: ${issue.message}\n`);
          continue;
        }
        process.stdout.write(JSON.stringify(assessMessage(parsed.data, now, o.timeZone)) + '\n');
      }
      if (bad) throw new CodedError('bad_input', `${bad} of ${line} lines could not be assessed (see above)`);
    });
}
