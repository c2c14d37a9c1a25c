// A small, deterministic PNG standing in for the photo a buyer attaches to a "damaged" message
// (a cardboard-coloured box with a dark crack). Real PNG encoding: signature, IHDR, zlib IDAT, IEND, CRCs.

import { deflateSync } from 'node:zlib';
import { Rng } from './rng.ts';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A width×height RGB PNG; `seed` moves the crack so different tickets get different photos. */
export function damagePhotoPng(seed: number, width = 160, height = 120): Uint8Array {
  const rng = new Rng(seed);
  const crack = Array.from({ length: height }, (_, y) => Math.round(width * 0.3 + y * 0.4 + rng.int(-3, 3)));
  const raw = Buffer.alloc(height * (1 + width * 3));
  for (let y = 0; y < height; y++) {
    const row = y * (1 + width * 3);
    raw[row] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const onCrack = Math.abs(x - (crack[y] as number)) <= 1;
      const shade = 190 - Math.round((y / height) * 40);
      const [r, g, b] = onCrack ? [40, 30, 20] : [shade, Math.round(shade * 0.78), Math.round(shade * 0.52)];
      raw.set([r, g, b], row + 1 + x * 3);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit, truecolour, deflate, no filter, no interlace
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Uint8Array(Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', new Uint8Array())]));
}
