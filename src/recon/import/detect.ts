// Which report a file is, from its header line alone (file names carry no meaning). A layout is a candidate
// when every field of its signature has a column and none of its excluded columns is there; the candidate
// that maps the most columns wins (the Fulfilled Shipments report has shipment-id, sku and quantity-shipped
// like an inbound item file, but maps far more columns as itself).

import { normaliseHeader, sniffDelimiter, splitHeaderLine } from './headers.ts';
import { ALL_ORDERS, FBA_REIMBURSEMENTS, FBA_RETURNS, FBM_RETURNS, INBOUND_ITEMS, INBOUND_SHIPMENTS, LEDGER_DETAIL, LEDGER_SUMMARY, NOT_IMPORTED, REMOVAL_ORDERS, REMOVAL_SHIPMENTS } from './kinds-amazon.ts';
import { REMOVAL_RECEIPTS, SUPPLIER_COSTS, SUPPLIER_INVOICES } from './kinds-seller.ts';
import { SETTLEMENT_LEGACY, SETTLEMENT_V2 } from './kinds-settlement.ts';
import type { FieldSpec, ImportKind, LayoutSpec } from './spec.ts';

export const LAYOUTS: readonly LayoutSpec[] = [
  FBA_RETURNS, FBA_REIMBURSEMENTS, LEDGER_DETAIL, LEDGER_SUMMARY, INBOUND_ITEMS, INBOUND_SHIPMENTS, REMOVAL_ORDERS,
  REMOVAL_SHIPMENTS, ALL_ORDERS, SETTLEMENT_V2, SETTLEMENT_LEGACY, FBM_RETURNS, SUPPLIER_COSTS, SUPPLIER_INVOICES,
  REMOVAL_RECEIPTS, ...NOT_IMPORTED,
];

export type Detection = { ok: true; layout: LayoutSpec } | { ok: false; reason: string };

const has = (names: ReadonlySet<string>, f: FieldSpec | undefined) => !!f && f.headers.some((h) => names.has(h));

function score(layout: LayoutSpec, names: ReadonlySet<string>): number | null {
  if (layout.excludes?.some((h) => names.has(h))) return null;
  for (const key of layout.signature) if (!has(names, layout.fields.find((f) => f.key === key))) return null;
  return layout.fields.filter((f) => has(names, f)).length;
}

/** The layout of a file whose header cells are `headers` (as written; they are normalised here). */
export function detectLayout(headers: readonly string[]): Detection {
  const names = new Set(headers.map(normaliseHeader).filter((h) => h !== ''));
  const ranked = LAYOUTS.map((layout) => ({ layout, score: score(layout, names) }))
    .filter((c): c is { layout: LayoutSpec; score: number } => c.score !== null)
    .sort((a, b) => b.score - a.score);
  const [best, next] = ranked;
  if (!best) return { ok: false, reason: 'unrecognised header: it matches no report claimdesk knows (see `claimdesk import --help` for the kinds and their columns)' };
  if (next && next.score === best.score && next.layout.kind !== best.layout.kind) {
    return { ok: false, reason: `ambiguous header: it could be ${describe(best.layout)} or ${describe(next.layout)}; name the kind` };
  }
  return { ok: true, layout: best.layout };
}

/** Detection from a raw header line (tab, comma or semicolon separated). */
export function detectHeaderLine(line: string): Detection {
  return detectLayout(splitHeaderLine(line, sniffDelimiter(line)));
}

/** `Inventory Ledger detail (amazon-ledger, GET_LEDGER_DETAIL_VIEW_DATA)` */
export function describe(layout: LayoutSpec): string {
  const what = [layout.kind, ...layout.reportTypes.filter((t) => /^GET_/.test(t)).slice(0, 1)].filter(Boolean).join(', ');
  return `${layout.label}${what ? ` (${what})` : ''}`;
}

/** The layouts a kind accepts. */
export const layoutsOf = (kind: ImportKind): LayoutSpec[] => LAYOUTS.filter((l) => l.kind === kind);
