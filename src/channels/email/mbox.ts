/**
 * Streaming mbox splitter (mboxrd, which also reads mboxo/mboxcl files written by common tools).
 *
 * - A message starts at every line beginning with `From ` (the separator line itself is not part of the
 *   message). Lines in bodies that began with `From ` were escaped by the writer as `>From `.
 * - mboxrd unescaping: one `>` is removed from lines matching `^>+From ` (`>From ` → `From `,
 *   `>>From ` → `>From `).
 * - LF and CRLF files both work; line endings are kept as they are. The blank line the writer puts before
 *   the next separator is removed.
 * - Text before the first separator is yielded as a message when it is not blank (a lone .eml works).
 * - Memory: one message at a time. A message larger than `maxMessageBytes` (default 64 MiB, the parser's
 *   limit) throws ChannelInputError naming the message number, rather than growing without bound.
 */
import type { Readable } from 'node:stream';
import { ChannelInputError } from '../types.ts';
import { MAX_RAW_BYTES } from './parse.ts';

export interface SplitMboxOptions {
  readonly maxMessageBytes?: number;
}

const FROM_ = Buffer.from('From ');

function isSeparator(line: Buffer): boolean {
  return line.length >= 5 && line.subarray(0, 5).equals(FROM_);
}

/** `>From `, `>>From `, … */
function isEscapedFrom(line: Buffer): boolean {
  let i = 0;
  while (i < line.length && line[i] === 0x3e) i++;
  return i > 0 && line.length >= i + 5 && line.subarray(i, i + 5).equals(FROM_);
}

function finish(parts: Buffer[]): Buffer | null {
  let msg = Buffer.concat(parts);
  if (msg.toString('latin1').trim() === '') return null;
  if (msg.length >= 4 && msg.subarray(-4).toString('latin1') === '\r\n\r\n') msg = msg.subarray(0, -2);
  else if (msg.length >= 2 && msg.subarray(-2).toString('latin1') === '\n\n') msg = msg.subarray(0, -1);
  return msg;
}

function toChunk(chunk: unknown): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (typeof chunk === 'string') return Buffer.from(chunk, 'utf8');
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  throw new ChannelInputError('mbox stream must yield Buffers or strings');
}

export async function* splitMbox(
  input: AsyncIterable<Buffer | Uint8Array | string> | Readable,
  options: SplitMboxOptions = {},
): AsyncGenerator<Buffer> {
  const max = options.maxMessageBytes ?? MAX_RAW_BYTES;
  let parts: Buffer[] = [];
  let size = 0;
  let messageNo = 1;
  /** Pieces of a line that spans chunks. */
  let carry: Buffer[] = [];
  let carrySize = 0;

  const tooBig = (): ChannelInputError =>
    new ChannelInputError(`mbox message ${messageNo} is larger than ${max} bytes`);

  /** Handles one complete line; returns a finished message when the line is a separator. */
  const onLine = (line: Buffer): Buffer | null => {
    if (isSeparator(line)) {
      const done = finish(parts);
      parts = [];
      size = 0;
      if (done !== null) messageNo++;
      return done;
    }
    const kept = isEscapedFrom(line) ? line.subarray(1) : line;
    size += kept.length;
    if (size > max) throw tooBig();
    parts.push(kept);
    return null;
  };

  for await (const raw of input as AsyncIterable<unknown>) {
    const chunk = toChunk(raw);
    let pos = 0;
    for (;;) {
      const nl = chunk.indexOf(0x0a, pos);
      if (nl === -1) {
        if (pos < chunk.length) {
          carry.push(chunk.subarray(pos));
          carrySize += chunk.length - pos;
          if (carrySize > max) throw tooBig();
        }
        break;
      }
      let line = chunk.subarray(pos, nl + 1);
      if (carry.length > 0) {
        line = Buffer.concat([...carry, line]);
        carry = [];
        carrySize = 0;
      }
      const done = onLine(line);
      if (done !== null) yield done;
      pos = nl + 1;
    }
  }
  if (carry.length > 0) {
    const done = onLine(Buffer.concat(carry));
    if (done !== null) yield done;
  }
  const last = finish(parts);
  if (last !== null) yield last;
}
