// A TSV (or JSON-lines) file written as a stream with backpressure. Rows are pushed with a time key
// and held in a min-heap until the writer's watermark passes them, so files come out in date order
// while memory holds only rows dated after the current order (bounded by order rate × max delay).

import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';

interface Entry {
  key: number;
  seq: number;
  line: string;
}

class MinHeap {
  private items: Entry[] = [];

  get size(): number {
    return this.items.length;
  }

  peek(): Entry | undefined {
    return this.items[0];
  }

  push(e: Entry): void {
    const a = this.items;
    a.push(e);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!less(a[i] as Entry, a[p] as Entry)) break;
      [a[i], a[p]] = [a[p] as Entry, a[i] as Entry];
      i = p;
    }
  }

  pop(): Entry | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0 && last) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && less(a[l] as Entry, a[m] as Entry)) m = l;
        if (r < a.length && less(a[r] as Entry, a[m] as Entry)) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m] as Entry, a[i] as Entry];
        i = m;
      }
    }
    return top;
  }
}

function less(a: Entry, b: Entry): boolean {
  return a.key < b.key || (a.key === b.key && a.seq < b.seq);
}

/** Tabs and line breaks inside values would break the flat file: replace them with spaces. */
export function cleanCell(v: string): string {
  return /[\t\r\n]/.test(v) ? v.replace(/[\t\r\n]+/g, ' ') : v;
}

const CHUNK = 64 * 1024;

export class SortedFile {
  readonly path: string;
  private readonly stream: WriteStream;
  private readonly heap = new MinHeap();
  private readonly width: number | null;
  private buffer = '';
  private seq = 0;
  rows = 0;
  maxPending = 0;

  /**
   * `columns` null → lines as pushed (JSON lines, CSV): no width check, and no header unless `headerLine`
   * is given (written first, not counted in `rows`).
   */
  constructor(path: string, columns: readonly string[] | null, headerLine?: string) {
    this.path = path;
    this.stream = createWriteStream(path, { encoding: 'utf8' });
    this.width = columns ? columns.length : null;
    if (columns) this.buffer = `${columns.join('\t')}\n`;
    else if (headerLine !== undefined) this.buffer = `${headerLine}\n`;
  }

  pushRow(key: number, cells: readonly string[]): void {
    if (this.width !== null && cells.length !== this.width) {
      throw new Error(`${this.path}: row has ${cells.length} cells, header has ${this.width}`);
    }
    this.pushLine(key, cells.map(cleanCell).join('\t'));
  }

  pushLine(key: number, line: string): void {
    this.heap.push({ key, seq: this.seq++, line });
    if (this.heap.size > this.maxPending) this.maxPending = this.heap.size;
  }

  /** Writes every row keyed at or before `watermark`, awaiting 'drain' when the stream is full. */
  async flush(watermark: number): Promise<void> {
    for (let top = this.heap.peek(); top && top.key <= watermark; top = this.heap.peek()) {
      this.heap.pop();
      this.buffer += `${top.line}\n`;
      this.rows++;
      if (this.buffer.length >= CHUNK) await this.write();
    }
  }

  private async write(): Promise<void> {
    const chunk = this.buffer;
    this.buffer = '';
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    await this.flush(Number.POSITIVE_INFINITY);
    if (this.buffer) await this.write();
    this.stream.end();
    await once(this.stream, 'finish');
  }
}
