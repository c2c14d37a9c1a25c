// Fulfillment Inbound v0 API payloads (getShipments → ShipmentData, getShipmentItems → ItemData) saved as
// JSON, read as records whose "header" is the union of the objects' keys (ShipmentId, SellerSKU, …), so they
// are recognised and mapped exactly like a flat file with those column names. Nested values (addresses,
// prep details) are kept as JSON text in `extra`. The "line" of a record is its position in the array.

import { ImportError } from './map-row.ts';
import type { FileRecord } from './read-records.ts';

export interface JsonRecords {
  /** Where errors point: `file#ItemData`. */
  readonly where: string;
  readonly header: string[];
  readonly records: FileRecord[];
}

const ARRAYS = ['ItemData', 'ShipmentData'] as const;

function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

export function jsonRecords(file: string, text: string): JsonRecords {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new ImportError(`${file}: not a report claimdesk knows: it starts like JSON but is not one JSON document (${(err as Error).message})`);
  }
  let items: unknown = doc;
  let name = 'items';
  if (!Array.isArray(doc) && doc && typeof doc === 'object') {
    const o = ((doc as Record<string, unknown>).payload ?? doc) as Record<string, unknown>;
    const found = ARRAYS.find((k) => Array.isArray(o?.[k]));
    if (!found) throw new ImportError(`${file}: a JSON file must be a Fulfillment Inbound API payload with ItemData or ShipmentData (or an array of them)`);
    items = o[found];
    name = found;
  }
  const list = items as unknown[];
  if (!list.every((x) => x && typeof x === 'object' && !Array.isArray(x))) throw new ImportError(`${file}#${name}: every element must be an object`);
  const header = [...new Set(list.flatMap((x) => Object.keys(x as object)))];
  const records = list.map((x, i) => ({ cells: header.map((k) => cell((x as Record<string, unknown>)[k])), line: i + 1 }));
  return { where: `${file}#${name}`, header, records };
}
