// Reads a TSV written by writeDemoFiles back into records keyed by header name (tests, tools).

import { readFileSync } from 'node:fs';

export interface Tsv {
  header: string[];
  rows: string[][];
  records: Record<string, string>[];
}

export function readTsv(path: string): Tsv {
  const text = readFileSync(path, 'utf8');
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const header = (lines.shift() ?? '').split('\t');
  const rows = lines.map((l) => l.split('\t'));
  const records = rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
  return { header, rows, records };
}

export function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.length > 0).map((l) => JSON.parse(l) as T);
}
