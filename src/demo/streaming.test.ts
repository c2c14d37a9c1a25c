import { describe, it, expect } from 'vitest';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { writeDemoFiles } from './write-demo-files.ts';

// Memory, not time: writing 12,000 orders must not keep them. The heap is measured after a forced
// garbage collection at ~10 points while writing; what stays live must be small and must not grow
// with the number of orders written (orders.jsonl alone is ~30 MB; keeping the orders would be more).
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function liveHeap(): number {
  gc();
  return process.memoryUsage().heapUsed;
}

describe('writeDemoFiles streaming', () => {
  it('writes 12,000 orders with a bounded heap', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'demo-stream-'));
    try {
      const before = liveHeap();
      const samples: number[] = [];
      const m = await writeDemoFiles({
        seed: 3, orders: 12_000, now: new Date('2026-11-15T12:00:00Z'), outDir: dir,
        onProgress: (done) => {
          if (done % 1_200 === 0) samples.push(liveHeap() - before);
        },
      });
      const written = statSync(join(dir, 'orders.jsonl')).size;
      expect(m.files['orders.jsonl']?.rows).toBe(12_000);
      expect(written).toBeGreaterThan(20_000_000);
      expect(samples.length).toBeGreaterThanOrEqual(9);
      const peak = Math.max(...samples);
      expect(peak).toBeLessThan(written / 5);
      // Growth from the first to the last sample (10 % → 100 % of the orders) stays small.
      expect((samples[samples.length - 1] ?? 0) - (samples[0] ?? 0)).toBeLessThan(written / 10);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
