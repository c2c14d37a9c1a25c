// Reading and moving claim cases: the ranked list with totals per status, one case with its evidence rows and
// timeline, and the transitions a seller makes (ready → submitted with Amazon's case id → reimbursed / denied;
// dismiss; reopen).

import { CodedError } from '../kernel/index.ts';
import type { Queryable } from '../platform/db/port.ts';
import { DEFAULT_URGENCY_DAYS, compareRanked, rankScore, type ClaimKind, type RankableCase, type RankScore, type Ranked } from './domain/policy/index.ts';

export const CASE_STATUSES = ['detected', 'ready', 'submitted', 'reimbursed', 'denied', 'expired', 'resolved', 'dismissed'] as const;
export type CaseStatusName = (typeof CASE_STATUSES)[number];

export interface ReconCase {
  readonly id: string;
  readonly accountId: string;
  readonly kind: ClaimKind;
  readonly marketplace: string;
  readonly currency: string;
  readonly sku: string | null;
  readonly fnsku: string | null;
  readonly asin: string | null;
  readonly orderId: string | null;
  readonly shipmentId: string | null;
  readonly referenceId: string | null;
  readonly quantity: number;
  readonly unitValueMinor: number | null;
  readonly valueMinor: number;
  readonly valueBasis: string | null;
  readonly valueExplanation: string;
  readonly valueVerified: boolean;
  readonly eventOn: string;
  readonly opensOn: string | null;
  readonly deadlineOn: string;
  readonly daysLeft: number;
  readonly score: number;
  readonly windowRule: string;
  readonly summary: string;
  readonly claimText: string;
  readonly evidence: readonly EvidenceItem[];
  readonly facts: Readonly<Record<string, unknown>>;
  readonly ticketId: string | null;
  readonly status: CaseStatusName;
  readonly statusReason: string | null;
  readonly amazonCaseId: string | null;
  readonly recoveredMinor: number;
  readonly detectedAt: string;
  readonly updatedAt: string;
  readonly submittedAt: string | null;
}

export interface EvidenceItem {
  readonly table: string;
  readonly id: string | number;
  readonly line?: number | null;
  readonly importId?: string | null;
  readonly ticketId?: string;
  readonly label: string;
  /** The imported file's name, when the row came from one. */
  readonly file?: string | null;
}

interface Row {
  id: string; account_id: string; kind: ClaimKind; marketplace: string; currency: string; sku: string | null; fnsku: string | null; asin: string | null;
  order_id: string | null; shipment_id: string | null; reference_id: string | null; quantity: number; unit_value_minor: string | null; value_minor: string;
  value_basis: string | null; value_explanation: string; value_verified: boolean; event_on: string; opens_on: string | null; deadline_on: string; window_rule: string;
  summary: string; claim_text: string; evidence: EvidenceItem[]; facts: Record<string, unknown>; ticket_id: string | null; status: CaseStatusName;
  status_reason: string | null; amazon_case_id: string | null; recovered_minor: string; detected_at: Date; updated_at: Date; submitted_at: Date | null;
}

const COLS = `id, account_id, kind, marketplace, currency, sku, fnsku, asin, order_id, shipment_id, reference_id, quantity, unit_value_minor, value_minor,
  value_basis, value_explanation, value_verified, event_on::text, opens_on::text, deadline_on::text, window_rule, summary, claim_text, evidence, facts, ticket_id,
  status, status_reason, amazon_case_id, recovered_minor, detected_at, updated_at, submitted_at`;

/** The case as the ranking sees it: value × urgency on `now` (domain/policy/rank.ts). */
function ranked(r: Row, now: Date): Ranked<RankableCase> {
  const c = { id: r.id, valueMinor: Number(r.value_minor), currency: r.currency.trim(), deadline: r.deadline_on };
  return { ...c, rank: rankScore({ ...c, now }, { k: DEFAULT_URGENCY_DAYS }) };
}

function present(r: Row, now: Date, rank: RankScore = ranked(r, now).rank): ReconCase {
  const value = Number(r.value_minor);
  return {
    id: r.id, accountId: r.account_id, kind: r.kind, marketplace: r.marketplace, currency: r.currency.trim(), sku: r.sku, fnsku: r.fnsku, asin: r.asin,
    orderId: r.order_id, shipmentId: r.shipment_id, referenceId: r.reference_id, quantity: r.quantity,
    unitValueMinor: r.unit_value_minor === null ? null : Number(r.unit_value_minor), valueMinor: value, valueBasis: r.value_basis,
    valueExplanation: r.value_explanation, valueVerified: r.value_verified, eventOn: r.event_on, opensOn: r.opens_on, deadlineOn: r.deadline_on,
    daysLeft: rank.daysLeft, score: Math.round(rank.score * 100) / 100, windowRule: r.window_rule, summary: r.summary, claimText: r.claim_text,
    evidence: r.evidence, facts: r.facts, ticketId: r.ticket_id, status: r.status, statusReason: r.status_reason, amazonCaseId: r.amazon_case_id,
    recoveredMinor: Number(r.recovered_minor), detectedAt: r.detected_at.toISOString(), updatedAt: r.updated_at.toISOString(),
    submittedAt: r.submitted_at ? r.submitted_at.toISOString() : null,
  };
}

/** A comma-separated filter value (`ready,submitted`) checked against what is allowed; `label` names it in the error. */
export function parseList<T extends string>(label: string, value: string | undefined, allowed: readonly T[]): T[] | undefined {
  if (!value) return undefined;
  const items = value.split(',').map((x) => x.trim()).filter(Boolean);
  const bad = items.filter((x) => !allowed.includes(x as T));
  if (bad.length) throw new CodedError('bad_input', `${label}: unknown ${bad.join(', ')} (one of: ${allowed.join(', ')})`, { field: label.replace(/^-+/, '') });
  return items as T[];
}

export interface CaseFilter {
  readonly status?: readonly CaseStatusName[];
  readonly kind?: readonly string[];
  readonly accountId?: string;
  readonly search?: string;
  readonly limit?: number;
}

export interface CaseTotals {
  /** Per status and currency: number of cases and value (recovered for reimbursed). */
  readonly byStatus: Readonly<Record<string, Readonly<Record<string, { readonly count: number; readonly valueMinor: number; readonly recoveredMinor: number }>>>>;
}

/** Cases ranked by value × urgency (live first), with the filter applied. */
export async function listCases(q: Queryable, workspaceId: string, now: Date, filter: CaseFilter = {}): Promise<ReconCase[]> {
  const where = ['workspace_id = $1'];
  const params: unknown[] = [workspaceId];
  if (filter.status?.length) where.push(`status = ANY($${params.push([...filter.status])}::text[])`);
  if (filter.kind?.length) where.push(`kind = ANY($${params.push([...filter.kind])}::text[])`);
  if (filter.accountId) where.push(`account_id = $${params.push(filter.accountId)}`);
  if (filter.search) {
    const p = `$${params.push(`%${filter.search.replace(/[\\%_]/g, (m) => `\\${m}`)}%`)}`;
    where.push(`(sku ILIKE ${p} OR fnsku ILIKE ${p} OR asin ILIKE ${p} OR order_id ILIKE ${p} OR shipment_id ILIKE ${p} OR reference_id ILIKE ${p} OR amazon_case_id ILIKE ${p})`);
  }
  const r = await q.query<Row>(`SELECT ${COLS} FROM recon_cases WHERE ${where.join(' AND ')}`, params);
  // Open cases first, then the ranking's own order (score, deadline, value, id).
  const live = (x: Row) => (x.status === 'detected' || x.status === 'ready' ? 0 : 1);
  const out = r.rows
    .map((x) => ({ row: x, key: ranked(x, now) }))
    .sort((a, b) => live(a.row) - live(b.row) || compareRanked(a.key, b.key))
    .map((x) => present(x.row, now, x.key.rank));
  return filter.limit ? out.slice(0, filter.limit) : out;
}

export async function caseTotals(q: Queryable, workspaceId: string): Promise<CaseTotals> {
  const r = await q.query<{ status: string; currency: string; n: string; v: string; rec: string }>(
    `SELECT status, currency, count(*) AS n, sum(value_minor) AS v, sum(recovered_minor) AS rec FROM recon_cases WHERE workspace_id = $1 GROUP BY 1, 2`, [workspaceId]);
  const byStatus: Record<string, Record<string, { count: number; valueMinor: number; recoveredMinor: number }>> = {};
  for (const x of r.rows) (byStatus[x.status] ??= {})[x.currency.trim()] = { count: Number(x.n), valueMinor: Number(x.v), recoveredMinor: Number(x.rec) };
  return { byStatus };
}

export interface CaseEvent {
  readonly at: string;
  readonly kind: string;
  readonly actor: string;
  readonly detail: Readonly<Record<string, unknown>>;
}

export interface CaseDetail extends ReconCase {
  readonly events: readonly CaseEvent[];
  readonly recoveries: readonly { readonly reimbursementId: string; readonly amountMinor: number; readonly quantity: number | null; readonly matchedBy: string; readonly approvedAt: string }[];
}

export async function getCase(q: Queryable, workspaceId: string, id: string, now: Date): Promise<CaseDetail | null> {
  const r = await q.query<Row>(`SELECT ${COLS} FROM recon_cases WHERE workspace_id = $1 AND id = $2`, [workspaceId, id]);
  if (!r.rows[0]) return null;
  const c = present(r.rows[0], now);
  const importIds = [...new Set(c.evidence.map((e) => e.importId).filter((x): x is string => typeof x === 'string'))];
  const files = new Map(
    importIds.length ? (await q.query<{ id: string; file_name: string }>('SELECT id, file_name FROM report_imports WHERE workspace_id = $1 AND id = ANY($2::text[])', [workspaceId, importIds])).rows.map((x) => [x.id, x.file_name]) : [],
  );
  const events = await q.query<{ at: Date; kind: string; actor: string; detail: Record<string, unknown> }>(
    'SELECT at, kind, actor, detail FROM recon_case_events WHERE workspace_id = $1 AND case_id = $2 ORDER BY at, id', [workspaceId, id]);
  const rec = await q.query<{ reimbursement_id: string; amount_minor: string; quantity: number | null; matched_by: string; approved_at: Date }>(
    `SELECT r.reimbursement_id, x.amount_minor, x.quantity, x.matched_by, r.approved_at FROM recon_case_recoveries x JOIN fba_reimbursements r ON r.id = x.reimbursement_pk
     WHERE x.workspace_id = $1 AND x.case_id = $2 ORDER BY r.approved_at`, [workspaceId, id]);
  return {
    ...c,
    evidence: c.evidence.map((e) => ({ ...e, file: e.importId ? (files.get(e.importId) ?? null) : null })),
    events: events.rows.map((e) => ({ at: e.at.toISOString(), kind: e.kind, actor: e.actor, detail: e.detail })),
    recoveries: rec.rows.map((x) => ({ reimbursementId: x.reimbursement_id, amountMinor: Number(x.amount_minor), quantity: x.quantity, matchedBy: x.matched_by, approvedAt: x.approved_at.toISOString() })),
  };
}

export type CaseAction =
  | { readonly action: 'submit'; readonly amazonCaseId: string }
  | { readonly action: 'deny'; readonly reason?: string }
  | { readonly action: 'reimbursed'; readonly amountMinor: number }
  | { readonly action: 'dismiss'; readonly reason?: string }
  | { readonly action: 'reopen' };

/** Which actions each status allows. */
const ALLOWED: Record<CaseAction['action'], readonly CaseStatusName[]> = {
  submit: ['ready', 'detected', 'denied'],
  deny: ['submitted'],
  reimbursed: ['submitted'],
  dismiss: ['detected', 'ready'],
  reopen: ['dismissed', 'denied'],
};

export async function actOnCase(q: Queryable, workspaceId: string, id: string, act: CaseAction, actor: string, now: Date): Promise<CaseStatusName> {
  const cur = (await q.query<{ status: CaseStatusName; deadline_on: string }>('SELECT status, deadline_on::text FROM recon_cases WHERE workspace_id = $1 AND id = $2 FOR UPDATE', [workspaceId, id])).rows[0];
  if (!cur) throw new CodedError('not_found', `no case ${id}`);
  if (!ALLOWED[act.action].includes(cur.status)) throw new CodedError('conflict', `a ${cur.status} case cannot be ${act.action === 'submit' ? 'submitted' : act.action === 'reimbursed' ? 'marked reimbursed' : `${act.action}ed`} (allowed from: ${ALLOWED[act.action].join(', ')})`);
  let status: CaseStatusName;
  switch (act.action) {
    case 'submit': {
      const caseId = act.amazonCaseId.trim();
      if (!/^\d{6,20}$/.test(caseId)) throw new CodedError('bad_input', `amazonCaseId: Seller Central case ids are digits (e.g. 14928374651), got "${act.amazonCaseId}"`);
      await q.query(`UPDATE recon_cases SET status = 'submitted', amazon_case_id = $3, submitted_at = $4, updated_at = $4, status_reason = NULL WHERE workspace_id = $1 AND id = $2`, [workspaceId, id, caseId, now]);
      status = 'submitted';
      break;
    }
    case 'deny':
      await q.query(`UPDATE recon_cases SET status = 'denied', status_reason = $3, updated_at = $4, closed_at = $4 WHERE workspace_id = $1 AND id = $2`, [workspaceId, id, act.reason ?? 'Denied by Amazon', now]);
      status = 'denied';
      break;
    case 'reimbursed':
      if (!Number.isSafeInteger(act.amountMinor) || act.amountMinor < 0) throw new CodedError('bad_input', 'amountMinor: a non-negative whole number of minor units');
      await q.query(`UPDATE recon_cases SET status = 'reimbursed', recovered_minor = greatest(recovered_minor, $3), updated_at = $4, closed_at = $4 WHERE workspace_id = $1 AND id = $2`, [workspaceId, id, act.amountMinor, now]);
      status = 'reimbursed';
      break;
    case 'dismiss':
      await q.query(`UPDATE recon_cases SET status = 'dismissed', status_reason = $3, updated_at = $4, closed_at = $4 WHERE workspace_id = $1 AND id = $2`, [workspaceId, id, act.reason ?? 'Dismissed', now]);
      status = 'dismissed';
      break;
    case 'reopen': {
      const live = cur.deadline_on >= now.toISOString().slice(0, 10);
      status = live ? 'ready' : 'expired';
      await q.query(`UPDATE recon_cases SET status = $3, status_reason = NULL, updated_at = $4, closed_at = NULL WHERE workspace_id = $1 AND id = $2`, [workspaceId, id, status, now]);
      break;
    }
  }
  await q.query(`INSERT INTO recon_case_events (workspace_id, case_id, at, kind, actor, detail) VALUES ($1, $2, $3, $4, $5, $6)`, [workspaceId, id, now, act.action, actor, JSON.stringify(act)]);
  return status;
}
