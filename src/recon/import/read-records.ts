// Streams a report file as records of cells with their line numbers, in bounded memory. Amazon flat files
// are unquoted TSV and are split by hand (fast); comma/semicolon files are real CSV with quotes and go
// through csv-parse. gzip (how SP-API report documents arrive) is unpacked on the fly; text that is not
// UTF-8 is read as Windows-1252 (Shift_JIS for Amazon JP); UTF-16 with a byte-order mark is honoured.

import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { parse as parseCsv, type CsvError } from 'csv-parse';
import { parse as parseCsvSync } from 'csv-parse/sync';
import { sniffDelimiter, splitHeaderLine } from './headers.ts';
import { ImportError } from './map-row.ts';

export interface FileRecord {
  readonly cells: string[];
  /** 1-based line of the file where the record starts. */
  readonly line: number;
}

export interface RecordFile {
  readonly format: 'tsv' | 'csv' | 'json';
  readonly gzip: boolean;
  readonly encoding: string;
  readonly delimiter: '\t' | ',' | ';';
  /** Header cells (byte-order mark and quotes stripped) and the line they are on. */
  readonly header: string[];
  readonly headerLine: number;
  /** The data records after the header; each call reads the file again from the start. */
  records(onBytes?: (n: number) => void): AsyncGenerator<FileRecord>;
}

const SNIFF_BYTES = 64 * 1024;
const CHUNK = 1024 * 1024;

async function head(path: string, n: number): Promise<Buffer> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(n);
    const { bytesRead } = await fh.read(buf, 0, n, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

function whatBinary(b: Buffer): string | null {
  if (b.subarray(0, 5).toString('latin1') === '%PDF-') return 'a PDF document';
  if (b.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return 'a ZIP archive or an Excel workbook (save the sheet as CSV or tab-delimited text)';
  if (b.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) return 'an old Excel workbook (save the sheet as CSV or tab-delimited text)';
  if (b.subarray(0, 4).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47])) || b.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))) return 'an image';
  if (b.includes(0) && !(b[0] === 0xff && b[1] === 0xfe) && !(b[0] === 0xfe && b[1] === 0xff)) return 'a binary file';
  return null;
}

function pickEncoding(b: Buffer, fallback: string): string {
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b, { stream: true });
    return 'utf-8';
  } catch {
    return fallback;
  }
}

async function* rawChunks(path: string, gzip: boolean, onBytes?: (n: number) => void): AsyncGenerator<Buffer> {
  const file = createReadStream(path, { highWaterMark: CHUNK });
  if (onBytes) file.on('data', (c) => onBytes((c as Buffer).length));
  const stream = gzip ? file.pipe(createGunzip()) : file;
  file.on('error', (e) => stream.destroy(e));
  try {
    for await (const chunk of stream) yield chunk as Buffer;
  } catch (err) {
    if ((err as { code?: string }).code?.startsWith('Z_')) throw new ImportError(`${path}: the gzip data is damaged (${(err as Error).message})`);
    throw err;
  } finally {
    file.destroy();
  }
}

async function* textChunks(path: string, gzip: boolean, encoding: string, onBytes?: (n: number) => void): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8' });
  let lines = 1;
  try {
    for await (const chunk of rawChunks(path, gzip, onBytes)) {
      const text = decoder.decode(chunk, { stream: true });
      lines += countNewlines(text);
      yield text;
    }
    const tail = decoder.decode();
    if (tail) yield tail;
  } catch (err) {
    if (err instanceof TypeError && /encoded data|decode/i.test(err.message)) throw new ImportError(`${path}:${lines}: the file is not valid UTF-8 text (from about this line on)`);
    throw err;
  }
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

/** Lines of text, without their line break, numbered from 1. */
async function* lines(chunks: AsyncIterable<string>): AsyncGenerator<{ text: string; line: number }> {
  let rest = '';
  let line = 0;
  for await (const chunk of chunks) {
    rest += chunk;
    let start = 0;
    for (let nl = rest.indexOf('\n', start); nl >= 0; nl = rest.indexOf('\n', start)) {
      const end = nl > start && rest.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      yield { text: rest.slice(start, end), line: ++line };
      start = nl + 1;
    }
    rest = rest.slice(start);
  }
  if (rest !== '') yield { text: rest.endsWith('\r') ? rest.slice(0, -1) : rest, line: ++line };
}

const blank = (cells: readonly string[]) => cells.every((c) => c.trim() === '');

async function* tsvRecords(path: string, f: Pick<RecordFile, 'gzip' | 'encoding' | 'headerLine'>, onBytes?: (n: number) => void): AsyncGenerator<FileRecord> {
  for await (const l of lines(textChunks(path, f.gzip, f.encoding, onBytes))) {
    if (l.line <= f.headerLine) continue;
    const cells = l.text.split('\t');
    if (!blank(cells)) yield { cells, line: l.line };
  }
}

async function* csvRecords(path: string, f: Pick<RecordFile, 'gzip' | 'encoding' | 'headerLine' | 'delimiter'>, onBytes?: (n: number) => void): AsyncGenerator<FileRecord> {
  const parser = parseCsv({ delimiter: f.delimiter, relax_column_count: true, info: true, bom: true, record_delimiter: ['\r\n', '\n', '\r'] });
  const source = Readable.from(textChunks(path, f.gzip, f.encoding, onBytes));
  source.on('error', (e) => parser.destroy(e));
  source.pipe(parser);
  try {
    for await (const r of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const inside = r.record.reduce((n, c) => n + countNewlines(c), 0);
      const line = r.info.lines - inside;
      if (line <= f.headerLine || blank(r.record)) continue;
      yield { cells: r.record, line };
    }
  } catch (err) {
    if ((err as CsvError).code?.startsWith('CSV_')) {
      const e = err as CsvError & { lines?: number };
      throw new ImportError(`${path}:${e.lines ?? '?'}: malformed CSV: ${e.message.replace(/ at line \d+/, '')}`);
    }
    throw err;
  } finally {
    source.destroy();
  }
}

function csvHeader(line: string, delimiter: string): string[] {
  try {
    const [cells] = parseCsvSync(line, { delimiter, relax_quotes: true, relax_column_count: true, bom: true }) as string[][];
    return (cells ?? []).map((h) => h.replace(/^\uFEFF/, '').trim());
  } catch {
    return splitHeaderLine(line, delimiter);
  }
}

/**
 * Opens a report file: sniffs compression, encoding, format and the header line from its first bytes.
 * `fallbackEncoding` is used when the text is not UTF-8.
 */
export async function openRecordFile(path: string, fallbackEncoding = 'windows-1252'): Promise<RecordFile> {
  let first = await head(path, SNIFF_BYTES);
  const gzip = first[0] === 0x1f && first[1] === 0x8b;
  if (gzip) {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const c of rawChunks(path, true)) {
      chunks.push(c);
      size += c.length;
      if (size >= SNIFF_BYTES) break;
    }
    first = Buffer.concat(chunks).subarray(0, SNIFF_BYTES);
  }
  if (first.length === 0) throw new ImportError(`${path}: the file is empty`);
  const binary = whatBinary(first);
  if (binary) throw new ImportError(`${path}: not a text report: it is ${binary}`);
  const encoding = pickEncoding(first, fallbackEncoding);
  const text = new TextDecoder(encoding).decode(first).replace(/^\uFEFF/, '');
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    return { format: 'json', gzip, encoding, delimiter: '\t', header: [], headerLine: 0, records: () => { throw new Error('JSON files are read whole'); } };
  }
  const all = text.split('\n');
  const index = all.findIndex((l) => l.trim() !== '');
  if (index < 0 || (index === all.length - 1 && first.length === SNIFF_BYTES)) throw new ImportError(`${path}: no header line in the first ${SNIFF_BYTES / 1024} KiB`);
  const headerText = all[index]!.replace(/\r$/, '');
  const delimiter = sniffDelimiter(headerText);
  const format = delimiter === '\t' ? 'tsv' : 'csv';
  const base = { gzip, encoding, delimiter, headerLine: index + 1 };
  // A CSV header is read by the same parser as its rows (quotes may hide a delimiter), a TSV header by hand.
  const header = format === 'csv' ? csvHeader(headerText, delimiter) : splitHeaderLine(headerText, delimiter);
  return {
    ...base, format, header,
    records: (onBytes) => (format === 'tsv' ? tsvRecords(path, base, onBytes) : csvRecords(path, base, onBytes)),
  };
}

/** Reads a whole (small) file as text: JSON payloads of the Fulfillment Inbound API. */
export async function readWholeText(path: string, f: Pick<RecordFile, 'gzip' | 'encoding'>, onBytes?: (n: number) => void): Promise<string> {
  let out = '';
  for await (const t of textChunks(path, f.gzip, f.encoding, onBytes)) out += t;
  return out.replace(/^\uFEFF/, '');
}
