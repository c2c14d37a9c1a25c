// Benchmark: the demo world generator streaming Amazon report files to disk, against the baseline of
// writing the same number of bytes through a plain fs stream in the same run. Prints orders/s, MB/s,
// peak RSS, and the ratio generator time / raw write time (how much the generation itself costs).
//   node --expose-gc bin/run-ts.js bench/demo-files.ts [--orders 100000] [--seed 42]
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeDemoFiles } from '../src/demo/index.ts';

const { values } = parseArgs({ options: { orders: { type: 'string', default: '100000' }, seed: { type: 'string', default: '42' } } });
const orders = Number(values.orders);
const dir = mkdtempSync(join(tmpdir(), 'claimdesk-bench-'));

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
const rssBefore = process.memoryUsage().rss;

let t = performance.now();
const manifest = await writeDemoFiles({ seed: Number(values.seed), orders, now: new Date('2026-11-15T00:00:00Z'), outDir: join(dir, 'world') });
const genMs = performance.now() - t;
const bytes = readdirSync(join(dir, 'world')).reduce((sum, f) => sum + statSync(join(dir, 'world', f)).size, 0);

// Baseline: the same bytes, pre-built 64 KiB chunks, through one write stream with backpressure.
const chunk = Buffer.alloc(64 * 1024, 'x\t1\n');
t = performance.now();
const out = createWriteStream(join(dir, 'raw.bin'));
for (let written = 0; written < bytes; written += chunk.length) if (!out.write(chunk)) await once(out, 'drain');
out.end();
await once(out, 'finish');
const rawMs = performance.now() - t;
clearInterval(sampler);
rmSync(dir, { recursive: true, force: true });

const mb = bytes / 1024 / 1024;
console.log(`demo-files (${orders} orders, seed ${values.seed})`);
console.log(`  generator  : ${(genMs / 1000).toFixed(1)} s  ${Math.round(orders / (genMs / 1000))} orders/s  ${(mb / (genMs / 1000)).toFixed(1)} MB/s  ${mb.toFixed(0)} MB written`);
console.log(`  baseline   : ${(rawMs / 1000).toFixed(1)} s  raw write of the same ${mb.toFixed(0)} MB  ${(mb / (rawMs / 1000)).toFixed(0)} MB/s`);
console.log(`  ratio      : ${(genMs / rawMs).toFixed(1)}x  (generator / raw write)`);
console.log(`  memory     : peak RSS ${(peakRss / 1024 / 1024).toFixed(0)} MB (start ${(rssBefore / 1024 / 1024).toFixed(0)} MB)`);
console.log(`  world      : ${manifest.conversations} conversations, ${manifest.discrepancyCount} injected discrepancies, ${manifest.decoyCount} decoys`);
