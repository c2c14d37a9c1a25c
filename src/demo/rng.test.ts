import { describe, it, expect } from 'vitest';
import { Rng, hash32 } from './rng.ts';

describe('Rng', () => {
  it('same seed → same sequence; different seed → different', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const c = new Rng(43);
    const sa = Array.from({ length: 50 }, () => a.nextUint32());
    expect(Array.from({ length: 50 }, () => b.nextUint32())).toEqual(sa);
    expect(Array.from({ length: 50 }, () => c.nextUint32())).not.toEqual(sa);
  });

  it('derived streams are independent of consumption order', () => {
    const x1 = Rng.derive(7, 'order', 5).int(0, 1_000_000);
    Rng.derive(7, 'order', 4).int(0, 10);
    expect(Rng.derive(7, 'order', 5).int(0, 1_000_000)).toBe(x1);
    expect(hash32(1, 'a')).not.toBe(hash32(1, 'b'));
    expect(hash32('1')).not.toBe(hash32(1));
  });

  it('helpers stay in range and shuffle is a permutation', () => {
    const r = new Rng(1);
    for (let i = 0; i < 1000; i++) {
      const v = r.int(3, 9);
      expect(v).toBeGreaterThanOrEqual(3);
      expect(v).toBeLessThanOrEqual(9);
      expect(r.float()).toBeLessThan(1);
    }
    expect(r.shuffle([1, 2, 3, 4, 5]).sort()).toEqual([1, 2, 3, 4, 5]);
    const counts = { a: 0, b: 0 };
    for (let i = 0; i < 2000; i++) counts[r.weighted<'a' | 'b'>([['a', 9], ['b', 1]])]++;
    expect(counts.a).toBeGreaterThan(1600);
    expect(counts.b).toBeGreaterThan(100);
  });
});
