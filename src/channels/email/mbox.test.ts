import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ChannelInputError } from '../types.ts';
import { splitMbox } from './mbox.ts';
import { parseEmail } from './parse.ts';

async function collect(input: AsyncIterable<Buffer | string> | Readable, maxMessageBytes?: number): Promise<string[]> {
  const out: string[] = [];
  for await (const m of splitMbox(input, maxMessageBytes === undefined ? {} : { maxMessageBytes })) out.push(m.toString('latin1'));
  return out;
}

/** Yields `text` in chunks of `size` bytes (to cut lines and separators at every position). */
async function* chunks(text: string | Buffer, size: number): AsyncGenerator<Buffer> {
  const buf = Buffer.isBuffer(text) ? text : Buffer.from(text, 'latin1');
  for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
}

const MBOX = [
  'From jane@example.com Mon Jan 13 10:00:00 2025',
  'From: jane@example.com',
  'Subject: one',
  '',
  'first body',
  '>From the start of a body line',
  '>>From stays quoted once',
  '> From is not an escape',
  '',
  'From bob@example.com Mon Jan 13 11:00:00 2025',
  'From: bob@example.com',
  'Subject: two',
  '',
  'second body',
  '',
].join('\n');

const EXPECTED = [
  'From: jane@example.com\nSubject: one\n\nfirst body\nFrom the start of a body line\n>From stays quoted once\n> From is not an escape\n',
  'From: bob@example.com\nSubject: two\n\nsecond body\n',
];

describe('splitMbox', () => {
  it('splits on From_ lines and unescapes mboxrd >From lines', async () => {
    expect(await collect(chunks(MBOX, 1 << 16))).toEqual(EXPECTED);
  });

  it.each([1, 2, 3, 5, 7, 64])('gives the same result with %i-byte chunks', async (size) => {
    expect(await collect(chunks(MBOX, size))).toEqual(EXPECTED);
  });

  it('handles CRLF files and keeps CRLF inside messages', async () => {
    const crlf = MBOX.replace(/\n/g, '\r\n');
    expect(await collect(chunks(crlf, 3))).toEqual(EXPECTED.map((m) => m.replace(/\n/g, '\r\n')));
  });

  it('reads a node Readable and string chunks', async () => {
    expect(await collect(Readable.from([MBOX.slice(0, 50), MBOX.slice(50)]))).toEqual(EXPECTED);
  });

  it('keeps the text before the first separator when it is not blank, skips blank preambles', async () => {
    expect(await collect(chunks('Subject: lone\n\nbody\n', 4))).toEqual(['Subject: lone\n\nbody\n']);
    expect(await collect(chunks('\n\nFrom x Mon Jan 13 10:00:00 2025\nSubject: a\n\nb\n', 4))).toEqual(['Subject: a\n\nb\n']);
  });

  it('handles a last line without a newline, and empty input', async () => {
    expect(await collect(chunks('From x Mon Jan 13 10:00:00 2025\nSubject: a\n\nno newline at end', 5))).toEqual(['Subject: a\n\nno newline at end']);
    expect(await collect(chunks('', 5))).toEqual([]);
  });

  it('does not split on "From" that is not at a line start or lacks the space', async () => {
    const text = 'From a Mon Jan 13 10:00:00 2025\nSubject: a\n\nsee From x\nFromage is cheese\n';
    expect(await collect(chunks(text, 4))).toEqual(['Subject: a\n\nsee From x\nFromage is cheese\n']);
  });

  it('is binary-safe (8-bit bodies pass through unchanged)', async () => {
    const body = Buffer.from([0xe4, 0xf6, 0xfc, 0x0a, 0x00, 0xff, 0x0a]);
    const mbox = Buffer.concat([Buffer.from('From a Mon Jan 13 10:00:00 2025\nSubject: a\n\n'), body]);
    const out: Buffer[] = [];
    for await (const m of splitMbox(chunks(mbox, 3))) out.push(m);
    expect(out).toHaveLength(1);
    expect(out[0]?.subarray(-body.length)).toEqual(body);
  });

  it('refuses a message over the size limit with ChannelInputError', async () => {
    const big = `From a Mon Jan 13 10:00:00 2025\nSubject: a\n\n${'x'.repeat(100)}\n`;
    await expect(collect(chunks(big, 16), 64)).rejects.toBeInstanceOf(ChannelInputError);
    await expect(collect(chunks(`From a\n${'y'.repeat(200)}`, 16), 64)).rejects.toThrow(/message 1 is larger than 64 bytes/);
  });

  it('yields messages the parser reads', async () => {
    const [first] = await collect(chunks(MBOX, 8));
    expect((await parseEmail(first ?? '')).subject).toBe('one');
  });
});
