// Evaluation of the message classifier (src/triage) on our own labelled set, bench/triage/eval-set.jsonl.
// Prints per-intent precision/recall/F1 of the primary intent, macro-F1 overall and per language, multi-label
// intent recall, signal precision/recall, language-detection accuracy, and classification throughput on one core
// beside a baseline measured in the same run (lower-case + whitespace split of the same texts).
//
// The set is split in two halves by a hash of each message: `dev` (looked at while writing the lexicons) and
// `test` (reported, never used for tuning); messages marked "split":"dev" (a second batch) are always dev.
// Default: the test half.
//   node bin/run-ts.js bench/triage/evaluate.ts [--split test|dev|all] [--errors] [--seconds N]
// `--errors` lists the misclassified messages; it refuses to do so for the test half.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { classify, detectLanguage, INTENTS, LANGUAGES, SIGNALS, type Intent, type Language, type Signal } from '../../src/triage/index.ts';

const { values } = parseArgs({
  options: { split: { type: 'string', default: 'test' }, errors: { type: 'boolean', default: false }, seconds: { type: 'string', default: '3' } },
});
const split = values.split as 'test' | 'dev' | 'all';
if (!['test', 'dev', 'all'].includes(split)) throw new Error('--split must be test, dev or all');
if (values.errors && split !== 'dev') {
  process.stderr.write('--errors only lists the dev half: the test half is for reporting, not for tuning.\n');
  process.exit(2);
}

interface Item {
  language: Language;
  subject: string;
  body: string;
  intents: Intent[];
  primary: Intent;
  signals: Signal[];
  /** Set on the second batch of messages, written after the first test run and tuned on: always dev. */
  split?: 'dev' | 'test';
}

/** FNV-1a, 32 bits: a stable, seedless hash so the split never changes when items are added elsewhere. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}
const half = (it: Item): 'dev' | 'test' => it.split ?? (fnv1a(`${it.language}\u0000${it.body}`) % 2 === 0 ? 'dev' : 'test');

const file = new URL('./eval-set.jsonl', import.meta.url);
const all: Item[] = readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l, i) => {
    const it = JSON.parse(l) as Item;
    for (const x of [it.primary, ...it.intents]) if (!(INTENTS as readonly string[]).includes(x)) throw new Error(`line ${i + 1}: unknown intent ${x}`);
    for (const x of it.signals) if (!(SIGNALS as readonly string[]).includes(x)) throw new Error(`line ${i + 1}: unknown signal ${x}`);
    if (!it.intents.includes(it.primary)) throw new Error(`line ${i + 1}: primary not among intents`);
    return it;
  });
const items = split === 'all' ? all : all.filter((it) => half(it) === split);

const pct = (n: number): string => (Number.isFinite(n) ? (n * 100).toFixed(1).padStart(5) : '   - ');
const f1 = (p: number, r: number): number => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

interface Scored {
  item: Item;
  intent: Intent;
  intents: Intent[];
  signals: Signal[];
  language: Language | null;
}
const results: Scored[] = items.map((item) => {
  const r = classify({ subject: item.subject, body: item.body });
  return { item, intent: r.intent, intents: r.intents, signals: r.signals, language: r.language };
});

/** Per-label precision/recall/F1 of the primary intent, and the macro-F1 over labels seen in gold or predicted. */
function primaryMetrics(rs: readonly Scored[]) {
  const rows = INTENTS.map((label) => {
    const tp = rs.filter((r) => r.intent === label && r.item.primary === label).length;
    const predicted = rs.filter((r) => r.intent === label).length;
    const gold = rs.filter((r) => r.item.primary === label).length;
    const p = predicted ? tp / predicted : gold ? 0 : NaN;
    const rec = gold ? tp / gold : NaN;
    return { label, tp, predicted, gold, p, r: rec, f: gold || predicted ? f1(p || 0, rec || 0) : NaN };
  });
  const used = rows.filter((x) => x.gold || x.predicted);
  const macro = used.reduce((s, x) => s + x.f, 0) / Math.max(1, used.length);
  const accuracy = rs.filter((r) => r.intent === r.item.primary).length / Math.max(1, rs.length);
  return { rows, macro, accuracy };
}

const out = (s = ''): void => void process.stdout.write(`${s}\n`);
const counts = LANGUAGES.map((l) => `${l} ${items.filter((i) => i.language === l).length}`).join(', ');
out(`Triage evaluation — ${split === 'all' ? 'whole set' : `${split} half`}: ${items.length} of ${all.length} messages (${counts})`);
out();

const overall = primaryMetrics(results);
out('Primary intent             prec   rec    F1   gold  pred');
for (const x of overall.rows) {
  if (!x.gold && !x.predicted) continue;
  out(`  ${x.label.padEnd(22)}  ${pct(x.p)}  ${pct(x.r)}  ${pct(x.f)}  ${String(x.gold).padStart(4)}  ${String(x.predicted).padStart(4)}`);
}
out(`  macro-F1 ${pct(overall.macro)}   accuracy ${pct(overall.accuracy)}   (goal: macro-F1 ≥ 85.0, no language below 75.0)`);
out();
out('Per language               macro-F1  accuracy  language detected');
for (const l of LANGUAGES) {
  const rs = results.filter((r) => r.item.language === l);
  if (!rs.length) continue;
  const m = primaryMetrics(rs);
  const lang = rs.filter((r) => r.language === l).length / rs.length;
  out(`  ${l.padEnd(24)}  ${pct(m.macro)}     ${pct(m.accuracy)}     ${pct(lang)}`);
}
const langAcc = results.filter((r) => r.language === r.item.language).length / Math.max(1, results.length);
out(`  language detection accuracy ${pct(langAcc)}`);
out();

// Multi-label: every gold intent found among the detected ones, and detected ones that are not in gold.
let goldIntents = 0;
let foundIntents = 0;
let detectedIntents = 0;
let rightIntents = 0;
for (const r of results) {
  const detected = r.intents.filter((i) => i !== 'other');
  const gold = r.item.intents.filter((i) => i !== 'other');
  goldIntents += gold.length;
  foundIntents += gold.filter((i) => detected.includes(i)).length;
  detectedIntents += detected.length;
  rightIntents += detected.filter((i) => gold.includes(i)).length;
}
out(`All intents (multi-label, "other" excluded): precision ${pct(rightIntents / detectedIntents)}  recall ${pct(foundIntents / goldIntents)}`);
out();

out('Signals                    prec   rec    F1   gold  pred');
let sTp = 0;
let sPred = 0;
let sGold = 0;
for (const s of SIGNALS) {
  const tp = results.filter((r) => r.signals.includes(s) && r.item.signals.includes(s)).length;
  const pred = results.filter((r) => r.signals.includes(s)).length;
  const gold = results.filter((r) => r.item.signals.includes(s)).length;
  sTp += tp;
  sPred += pred;
  sGold += gold;
  const p = pred ? tp / pred : NaN;
  const rec = gold ? tp / gold : NaN;
  out(`  ${s.padEnd(24)}  ${pct(p)}  ${pct(rec)}  ${pct(f1(p || 0, rec || 0))}  ${String(gold).padStart(4)}  ${String(pred).padStart(4)}`);
}
out(`  all signals (micro)       ${pct(sTp / sPred)}  ${pct(sTp / sGold)}  ${pct(f1(sTp / sPred, sTp / sGold))}  ${String(sGold).padStart(4)}  ${String(sPred).padStart(4)}`);
const clean = results.filter((r) => r.item.signals.length === 0);
out(`  messages without a signal that got one: ${clean.filter((r) => r.signals.length > 0).length} of ${clean.length}`);
out();

if (values.errors) {
  out('Misclassified (dev half):');
  for (const r of results) {
    const sigOk = r.signals.length === r.item.signals.length && r.signals.every((s) => r.item.signals.includes(s));
    if (r.intent === r.item.primary && sigOk && r.language === r.item.language) continue;
    out(`  [${r.item.language}${r.language !== r.item.language ? `→${r.language}` : ''}] ${JSON.stringify(`${r.item.subject ? `${r.item.subject} | ` : ''}${r.item.body}`).slice(0, 160)}`);
    out(`      gold ${r.item.primary} ${JSON.stringify(r.item.intents)} ${JSON.stringify(r.item.signals)}  got ${r.intent} ${JSON.stringify(r.intents)} ${JSON.stringify(r.signals)}`);
  }
  out();
}

// ---- throughput: one core, the whole set's texts, measured beside a trivial baseline in the same run ----
const texts: { subject: string; body: string }[] = all.map((it) => ({ subject: it.subject, body: it.body }));
const seconds = Number(values.seconds);
function measure(fn: (t: { subject: string; body: string }) => number): { perSecond: number; sink: number } {
  let sink = 0;
  for (const t of texts) sink += fn(t); // warm up
  let n = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < seconds * 1000) {
    for (const t of texts) sink += fn(t);
    n += texts.length;
    elapsed = performance.now() - start;
  }
  return { perSecond: (n / elapsed) * 1000, sink };
}
const baseline = measure((t) => `${t.subject}\n${t.body}`.toLowerCase().split(/\s+/).length);
const detect = measure((t) => (detectLanguage(`${t.subject}\n${t.body}`).language ? 1 : 0));
const full = measure((t) => classify(t).intents.length);
// Longer messages: four messages of one language run together (real buyer mails are often longer than the set's).
const long: { subject: string; body: string }[] = [];
for (const l of LANGUAGES) {
  const bodies = all.filter((it) => it.language === l).map((it) => it.body);
  for (let i = 0; i + 4 <= bodies.length; i += 4) long.push({ subject: '', body: bodies.slice(i, i + 4).join('\n') });
}
texts.splice(0, texts.length, ...long);
const longBaseline = measure((t) => `${t.subject}\n${t.body}`.toLowerCase().split(/\s+/).length);
const longFull = measure((t) => classify(t).intents.length);
const fmt = (n: number): string => Math.round(n).toLocaleString('en-US').padStart(10);
const avg = (ts: { subject: string; body: string }[]): number => Math.round(ts.reduce((s, t) => s + t.subject.length + t.body.length, 0) / ts.length);
out(`Throughput, one core, each loop run for ${seconds} s (goal ≥ 20,000 msg/s):`);
out(`  ${all.length} set messages (avg ${avg(all)} chars):`);
out(`    baseline (lower-case + split)  ${fmt(baseline.perSecond)} msg/s`);
out(`    language detection only        ${fmt(detect.perSecond)} msg/s`);
out(`    classify (language, intents, signals, explanation) ${fmt(full.perSecond)} msg/s = ${((full.perSecond / baseline.perSecond) * 100).toFixed(1)} % of the baseline`);
out(`  ${long.length} longer messages, 4 set messages joined (avg ${avg(long)} chars):`);
out(`    baseline (lower-case + split)  ${fmt(longBaseline.perSecond)} msg/s`);
out(`    classify                       ${fmt(longFull.perSecond)} msg/s = ${((longFull.perSecond / longBaseline.perSecond) * 100).toFixed(1)} % of the baseline`);
