// Output snapshot of the message classifier, to prove that a speed-up changes nothing: every output of `classify`
// (language, confidence, intents in order, signals, scores, explanation with phrases, positions, negations) and of
// `detectLanguage`, as JSON, for
//   - every message of eval-set.jsonl (both halves), and the 4-joined long messages that evaluate.ts times;
//   - the classify/detectLanguage inputs of the tests (snapshot-inputs.jsonl: recorded from a run of
//     `vitest run src/triage test/triage.test.ts test/cli-triage.test.ts`);
//   - variants that reach more code: each message as a subject, upper-cased, run into a message of another
//     language, and with deterministic typos (letters dropped, doubled, swapped).
//
//   node bin/run-ts.js bench/triage/snapshot.ts OUT.json               # write the snapshot
//   node bin/run-ts.js bench/triage/snapshot.ts OUT.json --check BASE.json  # …and compare with an earlier one
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { classify, detectLanguage, LANGUAGES } from '../../src/triage/index.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { check: { type: 'string' } } });
const outFile = positionals[0];
if (!outFile) {
  process.stderr.write('usage: snapshot.ts OUT.json [--check BASE.json]\n');
  process.exit(2);
}

interface Input {
  kind: 'classify' | 'detect';
  subject?: string;
  body?: string;
  text?: string;
}
const lines = (name: string): unknown[] =>
  readFileSync(new URL(name, import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as unknown);

const set = lines('./eval-set.jsonl') as { language: string; subject: string; body: string }[];
const inputs: Input[] = [];
for (const it of set) inputs.push({ kind: 'classify', subject: it.subject, body: it.body }, { kind: 'detect', text: `${it.subject}\n${it.body}` });
for (const l of LANGUAGES) {
  const bodies = set.filter((it) => it.language === l).map((it) => it.body);
  for (let i = 0; i + 4 <= bodies.length; i += 4) inputs.push({ kind: 'classify', subject: '', body: bodies.slice(i, i + 4).join('\n') });
}
inputs.push(...(lines('./snapshot-inputs.jsonl') as Input[]));

// Variants. A small seeded PRNG (mulberry32) keeps them the same on every run.
let seed = 0x2f6b1a3d;
const rand = (): number => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
function typos(s: string): string {
  const chars = [...s];
  for (let k = 0; k < Math.max(1, chars.length / 25); k++) {
    const i = Math.floor(rand() * chars.length);
    const r = rand();
    if (r < 0.33) chars.splice(i, 1);
    else if (r < 0.66) chars.splice(i, 0, chars[i] ?? 'e');
    else if (i + 1 < chars.length) [chars[i], chars[i + 1]] = [chars[i + 1]!, chars[i]!];
  }
  return chars.join('');
}
for (let i = 0; i < set.length; i++) {
  const it = set[i]!;
  const other = set[(i * 7 + 13) % set.length]!;
  inputs.push(
    { kind: 'classify', subject: it.body, body: other.body },
    { kind: 'classify', subject: it.subject.toUpperCase(), body: it.body.toUpperCase() },
    { kind: 'classify', subject: '', body: `${it.body} ${other.body}` },
    { kind: 'classify', subject: typos(it.subject), body: typos(it.body) },
    { kind: 'classify', subject: '', body: `${typos(it.body)}\n> ${other.body}\n${typos(other.body)}` },
  );
}

const outputs = inputs.map((x) =>
  x.kind === 'detect' ? { input: x, output: detectLanguage(x.text ?? '') } : { input: x, output: classify({ ...(x.subject !== undefined ? { subject: x.subject } : {}), body: x.body ?? '' }) },
);
const json = `${outputs.map((o) => JSON.stringify(o)).join('\n')}\n`;
writeFileSync(outFile, json);
process.stdout.write(`${outputs.length} outputs written to ${outFile}\n`);

if (values.check) {
  const base = readFileSync(values.check, 'utf8');
  if (base === json) process.stdout.write(`identical to ${values.check}\n`);
  else {
    const a = base.split('\n');
    const b = json.split('\n');
    let shown = 0;
    for (let i = 0; i < Math.max(a.length, b.length) && shown < 5; i++) {
      if (a[i] === b[i]) continue;
      shown++;
      process.stdout.write(`line ${i + 1} differs:\n  was ${a[i]?.slice(0, 600)}\n  now ${b[i]?.slice(0, 600)}\n`);
    }
    process.stdout.write(`DIFFERENT from ${values.check}\n`);
    process.exitCode = 1;
  }
}
