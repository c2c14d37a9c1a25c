// Runs every benchmark with its default size, one after another (npm run bench).
import { spawnSync } from 'node:child_process';

for (const [file, args] of [
  ['bench/insert-rows.ts', ['--driver', 'pglite']],
  ['bench/insert-rows.ts', ['--driver', 'postgres']],
  ['bench/demo-files.ts', []],
  ['bench/ingest.ts', ['--driver', 'pglite']],
  ['bench/ingest.ts', ['--driver', 'postgres']],
  ['bench/search.ts', []],
  ['bench/sla-sweep.ts', []],
  ['bench/triage/evaluate.ts', []],
  ['bench/recon.ts', []],
] as const) {
  const r = spawnSync(process.execPath, ['bin/run-ts.js', file, ...args], { stdio: 'inherit' });
  if (r.status !== 0) process.exitCode = 1;
}
