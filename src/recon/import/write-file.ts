// Streams one recognised file into its tables inside the caller's transaction: parse each record, let the
// layout turn it into table rows, and write them in large batches. Any bad value throws, and the caller's
// transaction takes the whole file back.

import type { Queryable } from '../../platform/db/port.ts';
import { storeDocument } from './documents.ts';
import { parseRow, rowError, type ColumnMap, type RowContext } from './map-row.ts';
import type { FileRecord } from './read-records.ts';
import type { Emitted, FileState, LayoutSpec } from './spec.ts';
import { TableWriter, type WriteCounts } from './table-writer.ts';
import { TABLES } from './tables.ts';
import { ValueError, type ValueConventions } from './values.ts';

/** Rows parsed between two turns of the event loop (the write in flight needs them to go on; see below). */
const YIELD_EVERY = 100;

export interface RecordSource {
  /** The file as errors name it. */
  readonly where: string;
  /** The file on disk (invoice documents are found relative to it). */
  readonly path: string;
  records(onBytes?: (n: number) => void): AsyncIterable<FileRecord>;
}

export interface WriteScope {
  readonly workspaceId: string;
  readonly accountId: string | null;
  readonly importId: string;
  readonly now: Date;
  readonly batchSize: number;
  /** Tables with nothing of this scope yet may be COPYed into straight (see TableWriter; ConflictAfterAll). */
  readonly direct: boolean;
}

export interface WriteResult extends WriteCounts {
  rows: number;
  /** Tables with rows inserted or updated. */
  changed: string[];
}

export interface FileJob {
  readonly layout: LayoutSpec;
  readonly source: RecordSource;
  readonly map: ColumnMap;
  readonly conventions: ValueConventions;
  readonly defaultCurrency: string | null;
}

export async function writeFileRows(q: Queryable, job: FileJob, scope: WriteScope, onBytes?: (n: number) => void): Promise<WriteResult> {
  const { layout, source, map } = job;
  const writers = new Map<string, TableWriter>();
  const writerFor = (table: string): TableWriter => {
    let w = writers.get(table);
    if (!w) {
      const spec = TABLES[table];
      if (!spec) throw new Error(`no table spec for ${table}`);
      w = new TableWriter(q, spec, { workspaceId: scope.workspaceId, accountId: scope.accountId, importId: scope.importId }, { direct: scope.direct });
      writers.set(table, w);
    }
    return w;
  };
  const state: FileState = { currency: null };
  const ctx: RowContext = { file: source.where, conventions: job.conventions, defaultCurrency: job.defaultCurrency };
  const documentColumn = map.fields.find((f) => f.spec.key === 'document');
  let rows = 0;
  try {
    for await (const rec of source.records(onBytes)) {
      const { values, extra } = parseRow(map, rec.cells, rec.line, ctx, state);
      // Parsing runs on microtasks: let socket events in now and then, so the batch being written goes on.
      if (++rows % YIELD_EVERY === 0) await new Promise<void>((resolve) => setImmediate(resolve));
      const emitted: Emitted[] = layout.transform ? layout.transform(values, state) : [{ table: layout.table!, row: values }];
      for (const e of emitted) {
        if (e.table === 'supplier_invoices' && typeof e.row.document === 'string' && documentColumn) {
          try {
            const doc = await storeDocument(q, scope.workspaceId, source.path, e.row.document, scope.now);
            e.row.document_sha256 = doc.sha256;
            e.row.document_name = doc.name;
          } catch (err) {
            if (err instanceof ValueError) throw rowError(source.where, rec.line, documentColumn.index + 1, documentColumn.header, err.message);
            throw err;
          }
        }
        const w = writerFor(e.table);
        w.add(e.row, rec.line, extra);
        if (w.size >= scope.batchSize) await w.flush();
      }
    }
    for (const w of writers.values()) await w.drain();
  } catch (err) {
    // No statement may still be running when the caller rolls the transaction back.
    for (const w of writers.values()) await w.settle();
    throw err;
  }
  const total: WriteResult = { rows, inserted: 0, updated: 0, duplicates: 0, changed: [] };
  for (const [table, w] of writers) {
    total.inserted += w.counts.inserted;
    total.updated += w.counts.updated;
    total.duplicates += w.counts.duplicates;
    if (w.counts.inserted + w.counts.updated > 0) total.changed.push(table);
  }
  return total;
}
