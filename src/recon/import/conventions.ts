// How a marketplace writes dates and numbers, and how a file proves its own date order.
//
// Slash dates are ambiguous (03/04/2026). A file settles it itself as soon as one date has a part above 12;
// the importer reads ahead until it finds one (or sees the columns hold another format). Only a file with no
// such date falls back to a default: month first for the Inventory Ledger (the SP-API prints MM/DD/YYYY in
// every marketplace) and for US/CA, day first for the other marketplaces (UK, FR, IT, ES, DE downloads).

import { marketplaceByCode } from '../../kernel/index.ts';
import type { ColumnMap } from './map-row.ts';
import type { FileRecord } from './read-records.ts';
import type { LayoutSpec } from './spec.ts';
import { dateOrderEvidence, type ValueConventions } from './values.ts';

const MONTH_FIRST = new Set(['US', 'CA', 'JP']);
const DECIMAL_COMMA = new Set(['DE', 'FR', 'IT', 'ES', 'NL', 'SE', 'PL', 'BE', 'TR', 'BR']);

export interface MarketplaceConventions {
  readonly marketplace: string | null;
  readonly currency: string | null;
  readonly decimalComma: boolean;
  readonly defaultDateOrder: 'MDY' | 'DMY' | null;
  /** How text that is not UTF-8 is read. */
  readonly fallbackEncoding: string;
}

export function marketplaceConventions(code: string | null | undefined): MarketplaceConventions {
  const m = code ? marketplaceByCode(code) : undefined;
  const c = m?.code ?? null;
  return {
    marketplace: c,
    currency: m?.currency ?? null,
    decimalComma: c !== null && DECIMAL_COMMA.has(c),
    defaultDateOrder: c === null ? null : MONTH_FIRST.has(c) ? 'MDY' : 'DMY',
    fallbackEncoding: c === 'JP' ? 'shift_jis' : 'windows-1252',
  };
}

const SLASH_DATE = /^\d{1,2}[/-]\d{1,2}[/-]\d{2,4}(?!\d)/;

/** Reads ahead in the date columns until a value proves the day/month order, or shows there is none to prove. */
export async function evidenceDateOrder(records: AsyncIterable<FileRecord>, map: ColumnMap): Promise<'MDY' | 'DMY' | null> {
  const open = new Set(map.fields.filter((f) => ['timestamp', 'day', 'period'].includes(f.spec.type)).map((f) => f.index));
  if (open.size === 0) return null;
  for await (const r of records) {
    for (const i of open) {
      const v = (r.cells[i] ?? '').trim();
      if (v === '') continue;
      if (!SLASH_DATE.test(v)) {
        open.delete(i);
        continue;
      }
      const e = dateOrderEvidence(v);
      if (e) return e;
    }
    if (open.size === 0) return null;
  }
  return null;
}

export function valueConventions(layout: LayoutSpec, m: MarketplaceConventions, evidence: 'MDY' | 'DMY' | null): ValueConventions {
  const fallback = layout.monthFirstDates ? 'MDY' : m.defaultDateOrder;
  return { dateOrder: evidence ?? fallback, decimalComma: m.decimalComma };
}
