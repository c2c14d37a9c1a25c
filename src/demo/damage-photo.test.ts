import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { damagePhotoPng } from './damage-photo.ts';

describe('damagePhotoPng', () => {
  it('is a well-formed PNG whose pixels decode to the stated size', () => {
    const png = Buffer.from(damagePhotoPng(7, 40, 30));
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.toString('ascii', 12, 16)).toBe('IHDR');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([40, 30]);
    const idatLen = png.readUInt32BE(33);
    expect(png.toString('ascii', 37, 41)).toBe('IDAT');
    expect(inflateSync(png.subarray(41, 41 + idatLen))).toHaveLength(30 * (1 + 40 * 3));
    expect(png.toString('ascii', png.length - 8, png.length - 4)).toBe('IEND');
  });

  it('is deterministic per seed and differs between seeds', () => {
    expect(damagePhotoPng(1)).toEqual(damagePhotoPng(1));
    expect(damagePhotoPng(1)).not.toEqual(damagePhotoPng(2));
  });
});
