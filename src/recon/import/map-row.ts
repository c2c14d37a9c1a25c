// Maps a file's columns to a layout's fields by normalised header name, and parses one row's cells into
// typed values. Columns the layout does not know are kept as `extra`. A value that does not parse stops the
// import with `file:line:column (header): reason`.

import { CodedError } from '../../kernel/index.ts';
import { normaliseHeader } from './headers.ts';
import type { FieldSpec, FileState, LayoutSpec, Values } from './spec.ts';
import { parseBoolean, parseCurrency, parseDay, parseInteger, parseMoney, parsePeriod, parseTimestamp, ValueError, type ValueConventions } from './values.ts';

/** A rejected file: the message names the file, and the line, column and header where it can. */
export class ImportError extends CodedError {
  constructor(message: string) {
    super('bad_input', message);
    this.name = 'ImportError';
  }
}

export const rowError = (file: string, line: number, column: number, header: string, reason: string): ImportError =>
  new ImportError(`${file}:${line}:${column} (${header || 'no header'}): ${reason}`);

export interface MappedField {
  readonly spec: FieldSpec;
  readonly index: number;
  readonly header: string;
}

export interface ColumnMap {
  readonly fields: readonly MappedField[];
  readonly extra: readonly { index: number; name: string }[];
  readonly width: number;
  /** Required fields with no column in this file. */
  readonly missing: readonly FieldSpec[];
}

export function mapColumns(layout: LayoutSpec, headers: readonly string[]): ColumnMap {
  const names = headers.map(normaliseHeader);
  const claimed = new Set<number>();
  const fields: MappedField[] = [];
  const missing: FieldSpec[] = [];
  for (const spec of layout.fields) {
    let index = -1;
    for (const alias of spec.headers) {
      index = names.findIndex((n, i) => n === alias && !claimed.has(i));
      if (index >= 0) break;
    }
    if (index >= 0) {
      claimed.add(index);
      fields.push({ spec, index, header: headers[index]! });
    } else if (spec.required) missing.push(spec);
  }
  const used = new Set<string>();
  const extra = headers.flatMap((h, index) => {
    if (claimed.has(index)) return [];
    let name = h.trim() || `column ${index + 1}`;
    while (used.has(name)) name = `${name} (${index + 1})`;
    used.add(name);
    return [{ index, name }];
  });
  return { fields, extra, width: headers.length, missing };
}

export interface RowContext {
  /** The file as named in errors. */
  readonly file: string;
  readonly conventions: ValueConventions;
  /** The account marketplace's currency, for files without a currency column. */
  readonly defaultCurrency: string | null;
}

export interface ParsedRow {
  readonly values: Values;
  readonly extra: Record<string, string>;
}

function parseValue(f: MappedField, raw: string, c: ValueConventions, values: Values): void {
  const k = f.spec.key;
  switch (f.spec.type) {
    case 'text': values[k] = raw; break;
    case 'int': values[k] = parseInteger(raw, c); break;
    case 'timestamp': values[k] = parseTimestamp(raw, c); break;
    case 'day': values[k] = parseDay(raw, c); break;
    case 'bool': values[k] = parseBoolean(raw); break;
    case 'currency': values[k] = parseCurrency(raw); break;
    case 'period': {
      const p = parsePeriod(raw, c);
      values[k] = raw;
      values[`${k}_start`] = p.start;
      values[`${k}_kind`] = p.kind;
      break;
    }
    case 'money': throw new Error('money is parsed once the currency is known');
  }
}

/** Parses one data row; `line` is its line number in the file (the header is line 1 or later). */
export function parseRow(map: ColumnMap, cells: readonly string[], line: number, ctx: RowContext, state: FileState): ParsedRow {
  if (cells.length > map.width) {
    const stray = cells.slice(map.width).findIndex((c) => c.trim() !== '');
    if (stray >= 0) throw rowError(ctx.file, line, map.width + stray + 1, '', `the row has ${cells.length} columns, the header ${map.width}`);
  }
  const values: Values = {};
  const moneyFields: MappedField[] = [];
  for (const f of map.fields) {
    const raw = (cells[f.index] ?? '').trim();
    if (raw === '') {
      if (f.spec.required) throw rowError(ctx.file, line, f.index + 1, f.header, 'a value is required here');
      values[f.spec.key] = null;
      continue;
    }
    if (f.spec.type === 'money') {
      moneyFields.push(f);
      continue;
    }
    try {
      parseValue(f, raw, ctx.conventions, values);
    } catch (err) {
      if (err instanceof ValueError) throw rowError(ctx.file, line, f.index + 1, f.header, err.message);
      throw err;
    }
  }
  const hasCurrency = map.fields.some((f) => f.spec.type === 'currency') || moneyFields.length > 0;
  if (hasCurrency) {
    const cur = (values.currency as string | null | undefined) ?? state.currency ?? ctx.defaultCurrency;
    values.currency = cur ?? null;
    for (const f of moneyFields) {
      const raw = (cells[f.index] ?? '').trim();
      if (!cur) throw rowError(ctx.file, line, f.index + 1, f.header, 'no currency for this amount: the file has no currency column and no marketplace is known (give --account or --marketplace)');
      try {
        values[f.spec.key] = parseMoney(raw, cur, ctx.conventions);
      } catch (err) {
        if (err instanceof ValueError) throw rowError(ctx.file, line, f.index + 1, f.header, err.message);
        throw err;
      }
    }
  }
  const extra: Record<string, string> = {};
  for (const x of map.extra) {
    const v = (cells[x.index] ?? '').trim();
    if (v !== '') extra[x.name] = v;
  }
  return { values, extra };
}
