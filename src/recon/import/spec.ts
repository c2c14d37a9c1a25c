// How a report file is described: which columns it has (by normalised header name), what type each value
// is, which header names prove the report's kind, and which table its rows land in.

import { normaliseHeader } from './headers.ts';

export const IMPORT_KINDS = [
  'amazon-returns', 'amazon-reimbursements', 'amazon-ledger', 'amazon-ledger-summary', 'amazon-inbound',
  'amazon-removals', 'amazon-removal-shipments', 'amazon-orders', 'amazon-settlement', 'amazon-fbm-returns',
  'costs', 'invoices', 'removal-receipts',
] as const;

export type ImportKind = (typeof IMPORT_KINDS)[number];

/** Kinds whose rows belong to one Amazon account (the others are the workspace's own files). */
export const ACCOUNT_KINDS: ReadonlySet<ImportKind> = new Set(IMPORT_KINDS.filter((k) => k.startsWith('amazon-')));

export type FieldType = 'text' | 'int' | 'money' | 'timestamp' | 'day' | 'period' | 'bool' | 'currency';

export interface FieldSpec {
  /** Our name for the value; the column it is stored in unless the layout transforms it. */
  readonly key: string;
  readonly type: FieldType;
  /** Normalised header names that carry it, in order of preference. */
  readonly headers: readonly string[];
  /** An empty value is an error. */
  readonly required: boolean;
}

export type Values = Record<string, string | number | boolean | null>;

/** A row for one table; the importer adds workspace, account, source and the natural key. */
export interface Emitted {
  readonly table: string;
  readonly row: Values;
}

/** State carried from row to row within one file: the settlement currency set by its summary row. */
export interface FileState {
  currency: string | null;
}

export interface LayoutSpec {
  /** The kind the layout imports as; null for a report we recognise but do not import. */
  readonly kind: ImportKind | null;
  readonly layout: string;
  /** What a person calls it: "FBA customer returns". */
  readonly label: string;
  /** Amazon report types (or API operations) with this layout. */
  readonly reportTypes: readonly string[];
  /** Field keys whose headers must all be present for a header line to be this layout. */
  readonly signature: readonly string[];
  /** Normalised header names that rule the layout out. */
  readonly excludes?: readonly string[];
  readonly fields: readonly FieldSpec[];
  /** Main table; the default transform writes the parsed values there. */
  readonly table?: string;
  /** Slash dates are month-first whatever the marketplace (the SP-API ledger prints MM/DD/YYYY everywhere). */
  readonly monthFirstDates?: boolean;
  /** Why a recognised report is not imported. */
  readonly notImported?: string;
  transform?(values: Values, state: FileState): Emitted[];
}

function field(type: FieldType) {
  return (key: string, aliases: readonly string[] = [], required = false): FieldSpec => {
    const base = normaliseHeader(key.replace(/_(minor|at)$/, ''));
    return { key, type, headers: aliases.length ? aliases : [base], required };
  };
}

export const text = field('text');
export const int = field('int');
export const money = field('money');
export const timestamp = field('timestamp');
export const day = field('day');
export const period = field('period');
export const bool = field('bool');
export const currency = field('currency');

/** The same field, required. */
export const req = (f: FieldSpec): FieldSpec => ({ ...f, required: true });
