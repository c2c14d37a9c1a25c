// Public API of the FBA recovery module (issue 5). So far: importing Amazon's reports and the seller's own
// cost, invoice and removal-receipt files into the raw report tables (migrations/0004_recon.sql).

export { importReports, type ImportOptions, type ImportProgress, type ImportSummary, type FileImportResult } from './import/import-reports.ts';
export { IMPORT_KINDS, ACCOUNT_KINDS, type ImportKind, type LayoutSpec } from './import/spec.ts';
export { LAYOUTS, detectLayout, detectHeaderLine, describe as describeLayout, layoutsOf, type Detection } from './import/detect.ts';
export { normaliseHeader } from './import/headers.ts';
export { TABLES as REPORT_TABLES, type TableSpec } from './import/tables.ts';
