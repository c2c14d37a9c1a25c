// Public API of the FBA recovery module (issue 5). So far: importing Amazon's reports and the seller's own
// cost, invoice and removal-receipt files into the raw report tables (migrations/0004_recon.sql).

export { importReports, type ImportOptions, type ImportProgress, type ImportSummary, type FileImportResult } from './import/import-reports.ts';
export { IMPORT_KINDS, ACCOUNT_KINDS, type ImportKind, type LayoutSpec } from './import/spec.ts';
export { LAYOUTS, detectLayout, detectHeaderLine, describe as describeLayout, layoutsOf, type Detection } from './import/detect.ts';
export { normaliseHeader } from './import/headers.ts';
export { TABLES as REPORT_TABLES, type TableSpec } from './import/tables.ts';

// Reconciliation (discrepancy rules → cases), cases and their evidence.
export { reconcile, findCases, loadReconSettings, type ReconcileOptions, type ReconcileSummary } from './reconcile.ts';
export { listCases, parseList, getCase, caseTotals, actOnCase, CASE_STATUSES, type ReconCase, type CaseDetail, type CaseFilter, type CaseAction, type CaseStatusName, type CaseTotals, type EvidenceItem } from './cases.ts';
export { RULES as RECON_RULES, type ReconRule } from './rules/index.ts';
export { DEFAULT_RECON_SETTINGS, resolveReconSettings, type ReconSettings } from './domain/settings.ts';
export { CLAIM_KINDS, KIND_INFO, formatAmount } from './domain/policy/index.ts';
export type { ClaimKind } from './domain/policy/index.ts';
export { reconRoutes } from './http.ts';
export { loadPacket, packetPdf, packetsZip, claimBatches, casesCsv, type EvidencePacket } from './packet.ts';
export { reconDailyJob, scheduleReconDaily, RECON_DAILY_QUEUE } from './jobs.ts';
