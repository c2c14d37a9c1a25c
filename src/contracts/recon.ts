// FBA recovery (issue 5): claim cases, their evidence and timeline, the totals of the Recovery screen.
import { z } from 'zod';
import { IsoDateTime } from './common.ts';

export const RECON_CASE_STATUSES = ['detected', 'ready', 'submitted', 'reimbursed', 'denied', 'expired', 'resolved', 'dismissed'] as const;
export const ReconCaseStatus = z.enum(RECON_CASE_STATUSES);
export type ReconCaseStatus = z.infer<typeof ReconCaseStatus>;

const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe('YYYY-MM-DD (UTC day)');

export const EvidenceRef = z.object({
  table: z.string().describe('where the row lives: inventory_ledger_events, fba_reimbursements, fba_customer_returns, settlement_lines, messages, …'),
  id: z.union([z.string(), z.number()]),
  line: z.number().int().nullable().optional().describe('line of the imported file'),
  importId: z.string().nullable().optional(),
  ticketId: z.string().optional(),
  file: z.string().nullable().optional().describe('the imported file the row came from'),
  label: z.string(),
});

export const ReconCase = z.object({
  id: z.string(),
  accountId: z.string(),
  kind: z.string().describe('fc_lost, fc_damaged, inbound_shortage, customer_return_not_returned, customer_return_damaged, return_sellable_inspection, underpaid_reimbursement, reversal_dispute, removal_not_shipped, removal_lost, removal_damaged'),
  marketplace: z.string(),
  currency: z.string(),
  sku: z.string().nullable(),
  fnsku: z.string().nullable(),
  asin: z.string().nullable(),
  orderId: z.string().nullable(),
  shipmentId: z.string().nullable(),
  referenceId: z.string().nullable(),
  quantity: z.number().int(),
  unitValueMinor: z.number().int().nullable(),
  valueMinor: z.number().int().describe('what the claim is worth, integer minor units'),
  valueBasis: z.string().nullable(),
  valueExplanation: z.string(),
  valueVerified: z.boolean().describe('false when the policy or a number in the valuation is an assumption'),
  eventOn: IsoDay,
  opensOn: IsoDay.nullable(),
  deadlineOn: IsoDay,
  daysLeft: z.number().int(),
  score: z.number().describe('value × urgency, for ordering only'),
  windowRule: z.string(),
  summary: z.string(),
  claimText: z.string().describe('ready to paste into Seller Central'),
  evidence: z.array(EvidenceRef),
  facts: z.record(z.string(), z.unknown()),
  ticketId: z.string().nullable().describe('the customer conversation linked to the case'),
  status: ReconCaseStatus,
  statusReason: z.string().nullable(),
  amazonCaseId: z.string().nullable(),
  recoveredMinor: z.number().int(),
  detectedAt: IsoDateTime,
  updatedAt: IsoDateTime,
  submittedAt: IsoDateTime.nullable(),
});
export type ReconCase = z.infer<typeof ReconCase>;

export const ReconCaseDetail = ReconCase.extend({
  events: z.array(z.object({ at: IsoDateTime, kind: z.string(), actor: z.string(), detail: z.record(z.string(), z.unknown()) })),
  recoveries: z.array(z.object({ reimbursementId: z.string(), amountMinor: z.number().int(), quantity: z.number().int().nullable(), matchedBy: z.string(), approvedAt: IsoDateTime })),
});
export type ReconCaseDetail = z.infer<typeof ReconCaseDetail>;

export const ReconCaseListQuery = z.object({
  status: z.string().optional().describe('comma-separated statuses; default: detected,ready,submitted'),
  kind: z.string().optional().describe('comma-separated claim kinds'),
  account: z.string().optional(),
  q: z.string().max(100).optional().describe('SKU, FNSKU, ASIN, order, shipment, reference or Amazon case id (substring)'),
  limit: z.coerce.number().int().min(1).max(5000).default(500),
});

const Money = z.record(z.string(), z.object({ count: z.number().int(), valueMinor: z.number().int(), recoveredMinor: z.number().int() })).describe('per currency');

export const ReconSummary = z.object({
  byStatus: z.record(z.string(), Money),
  lastRun: z.object({ at: IsoDateTime, asOf: IsoDay, actor: z.string() }).nullable(),
  imports: z.number().int().describe('report files imported into this workspace'),
});
export type ReconSummary = z.infer<typeof ReconSummary>;

export const ReconCaseListResponse = z.object({ items: z.array(ReconCase), total: z.number().int() });

export const ReconCaseAction = z.discriminatedUnion('action', [
  z.object({ action: z.literal('submit'), amazonCaseId: z.string().min(1).max(40).describe('the Seller Central case id') }),
  z.object({ action: z.literal('deny'), reason: z.string().max(500).optional() }),
  z.object({ action: z.literal('reimbursed'), amountMinor: z.number().int().min(0) }),
  z.object({ action: z.literal('dismiss'), reason: z.string().max(500).optional() }),
  z.object({ action: z.literal('reopen') }),
]);
export type ReconCaseAction = z.infer<typeof ReconCaseAction>;

export const ReconRunRequest = z.object({ asOf: IsoDay.optional().describe('default: today') });
export const ReconRunResponse = z.object({
  asOf: IsoDay,
  candidates: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  resolved: z.number().int(),
  expired: z.number().int(),
  recoveriesMatched: z.number().int(),
  skipped: z.record(z.string(), z.number().int()),
  missedMinor: z.record(z.string(), z.number().int()),
  byRule: z.array(z.object({ rule: z.string(), candidates: z.number().int(), ms: z.number().int() })),
  ms: z.number().int(),
});

/** POST /api/recon/imports: per file, what its header was recognised as and what was kept (a rejected file keeps nothing). */
export const ReconImportResponse = z.object({
  files: z.array(z.object({
    file: z.string(),
    kind: z.string().nullable(),
    recognisedAs: z.string().nullable(),
    status: z.string().describe('imported | unchanged (the same content was imported before) | rejected'),
    rows: z.number().int(),
    inserted: z.number().int(),
    updated: z.number().int(),
    duplicates: z.number().int(),
    error: z.string().nullable().describe('`name:line:column (header): reason` for a rejected file'),
  })),
  rejected: z.number().int(),
});
export type ReconImportResponse = z.infer<typeof ReconImportResponse>;
