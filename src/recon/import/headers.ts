// Header names as Amazon and spreadsheets spell them vary (`EventType`, `Event Type`, `event-type`,
// `"Event_Type"`); they are compared after normalising to lower-case letters and digits only.

/** `\uFEFF"Event Type"` → `eventtype`; `WarehouseTransferIn/Out` → `warehousetransferinout`. */
export function normaliseHeader(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Splits a header line on its delimiter and strips a byte-order mark and surrounding quotes. */
export function splitHeaderLine(line: string, delimiter: string): string[] {
  return line.replace(/^\uFEFF/, '').replace(/\r$/, '').split(delimiter).map((h) => h.trim().replace(/^"(.*)"$/, '$1').trim());
}

/** The delimiter a header line uses: tab (Amazon flat files), else comma or semicolon (spreadsheet CSV). */
export function sniffDelimiter(line: string): '\t' | ',' | ';' {
  if (line.includes('\t')) return '\t';
  const outside = line.replace(/"[^"]*"/g, '');
  const commas = outside.split(',').length;
  const semis = outside.split(';').length;
  return semis > commas ? ';' : ',';
}
