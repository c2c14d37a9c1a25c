#!/usr/bin/env node
// `npm test`: the whole suite, in the order a reviewer reads it. Each step prints its own output; the last
// line sums everything up as "N passed, N failed". A step that fails fails the run (exit 1).
//   typecheck → lint → unit + store + HTTP suites (PGlite, and PostgreSQL when reachable) → web build → browser tests (test/browser/*.browser.ts)
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';

const steps = [
  { name: 'typecheck', cmd: 'npx', args: ['tsc', '--noEmit', '-p', 'tsconfig.json'] },
  { name: 'lint', cmd: 'npx', args: ['eslint', '.'] },
  { name: 'vitest', cmd: 'npx', args: ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-output/vitest.json'], counts: 'vitest' },
  { name: 'build:web', cmd: 'npm', args: ['run', 'build:web', '--silent'] },
  ...readdirSync('test/browser')
    .filter((f) => f.endsWith('.browser.ts'))
    .sort()
    .map((f) => ({ name: `browser ${f}`, cmd: 'node', args: ['bin/run-ts.js', `test/browser/${f}`], counts: 'browser' })),
];

mkdirSync('test-output', { recursive: true });
let passed = 0;
let failed = 0;
let skipped = 0;
const failedSteps = [];
for (const step of steps) {
  process.stdout.write(`\n=== ${step.name} ===\n`);
  const r = spawnSync(step.cmd, step.args, { stdio: step.counts === 'browser' ? ['inherit', 'pipe', 'inherit'] : 'inherit', encoding: 'utf8' });
  if (step.counts === 'browser') process.stdout.write(r.stdout ?? '');
  const ok = r.status === 0;
  if (step.counts === 'vitest') {
    try {
      const report = JSON.parse(readFileSync('test-output/vitest.json', 'utf8'));
      passed += report.numPassedTests;
      failed += report.numFailedTests;
      skipped += report.numPendingTests + (report.numTodoTests ?? 0);
    } catch {
      failed += 1;
    }
  } else if (step.counts === 'browser') {
    const m = /browser: (\d+) passed, (\d+) failed/.exec(r.stdout ?? '');
    if (m) {
      passed += Number(m[1]);
      failed += Number(m[2]);
    } else if (/browser: skipped|\[skip\]/.test(r.stdout ?? '')) skipped += 1;
    else if (!ok) failed += 1;
  } else if (ok) passed += 1;
  else failed += 1;
  if (!ok) failedSteps.push(step.name);
}
process.stdout.write(`\n${failedSteps.length ? `failed steps: ${failedSteps.join(', ')}\n` : ''}`);
process.stdout.write(`${passed} passed, ${failed} failed, ${skipped} skipped\n`);
process.exit(failedSteps.length || failed ? 1 : 0);
