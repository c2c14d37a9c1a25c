// The reconciliation use case: run every discrepancy rule (set-based SQL) as of a day, value each candidate under
// the policy in force and decide its window (domain/evaluate.ts), then bring the workspace's cases up to date in
// one transaction: new cases, changed quantities or values, cases no longer found (found or reimbursed by Amazon),
// cases past their deadline, reimbursements matched to cases as recovered money, and the customer conversation
// linked to each order-related case.

import { listChannelAccounts } from '../commerce/index.ts';
import { CodedError, marketplaceByCode, newId } from '../kernel/index.ts';
import { insertRows, type ColumnTypes } from '../platform/db/insert-rows.ts';
import type { Db, Queryable } from '../platform/db/port.ts';
import { evaluateCandidate, isSkip, type Candidate, type CaseDraft, type EvaluationContext, type Skip } from './domain/evaluate.ts';
import { isoDay, toDayNumber, type SupplierCost, type ClaimKind } from './domain/policy/index.ts';
import { DEFAULT_RECON_SETTINGS, resolveReconSettings, type ReconSettings } from './domain/settings.ts';
import { RULES, type CandidateRow } from './rules/index.ts';

export interface ReconcileOptions {
  /** The day reconciliation looks at (its UTC day); usually today. */
  readonly asOf: Date;
  readonly now: () => Date;
  /** Overrides the workspace's stored settings (tests, `recon --files`). */
  readonly settings?: ReconSettings;
  /** Run and report, but change nothing. */
  readonly dryRun?: boolean;
  /** Who asked: 'cli', 'job' or a user id (the run's record). */
  readonly actor?: string;
}

export interface ReconcileSummary {
  readonly asOf: string;
  readonly candidates: number;
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly resolved: number;
  readonly expired: number;
  readonly recoveriesMatched: number;
  /** Candidates that were not made cases, by why. */
  readonly skipped: { readonly expired: number; readonly waiting: number; readonly paidInFull: number; readonly unknownValue: number; readonly noWindow: number };
  /** Money of the candidates whose deadline had passed before anyone claimed them, per currency. */
  readonly missedMinor: Readonly<Record<string, number>>;
  readonly byRule: readonly { readonly rule: string; readonly candidates: number; readonly ms: number }[];
  readonly ms: number;
}

interface AccountInfo {
  readonly marketplace: string;
  readonly currency: string;
}

export async function loadReconSettings(q: Queryable, workspaceId: string): Promise<ReconSettings> {
  const r = await q.query<{ settings: unknown }>('SELECT settings FROM recon_settings WHERE workspace_id = $1', [workspaceId]);
  if (!r.rows[0]) return DEFAULT_RECON_SETTINGS;
  const s = resolveReconSettings(r.rows[0].settings);
  if (!s.ok) throw new CodedError('bad_input', `stored recon settings are invalid: ${s.errors.join('; ')}`);
  return s.value;
}

async function accounts(q: Queryable, workspaceId: string): Promise<Map<string, AccountInfo>> {
  const out = new Map<string, AccountInfo>();
  for (const a of await listChannelAccounts(q, workspaceId)) {
    if (a.kind !== 'amazon' || !a.marketplace) continue;
    out.set(a.id, { marketplace: a.marketplace, currency: marketplaceByCode(a.marketplace)?.currency ?? 'USD' });
  }
  return out;
}

async function costs(q: Queryable, workspaceId: string): Promise<SupplierCost[]> {
  const r = await q.query<{ sku: string; cost: string; currency: string; from: string | null }>(
    `SELECT sku, unit_cost_minor AS cost, currency, effective_from::text AS "from" FROM supplier_costs WHERE workspace_id = $1 ORDER BY effective_from NULLS FIRST, id`, [workspaceId]);
  // A cost without a date applies from the beginning.
  return r.rows.map((x) => ({ sku: x.sku, costMinor: Number(x.cost), currency: x.currency, effectiveFrom: x.from ?? '1970-01-01' }));
}

async function prices(q: Queryable, workspaceId: string): Promise<Map<string, number>> {
  const r = await q.query<{ account_id: string; sku: string; price: string }>(
    `SELECT account_id, sku, round(sum(item_price_minor)::numeric / nullif(sum(quantity), 0)) AS price
     FROM amazon_order_lines WHERE workspace_id = $1 AND item_price_minor > 0 AND quantity > 0 GROUP BY 1, 2`, [workspaceId]);
  return new Map(r.rows.map((x) => [`${x.account_id}\u0000${x.sku}`, Number(x.price)]));
}

function toCandidate(r: CandidateRow): Candidate {
  return {
    kind: r.kind, caseKey: r.case_key, accountId: r.account_id, sku: r.sku, fnsku: r.fnsku, asin: r.asin, orderId: r.order_id,
    shipmentId: r.shipment_id, referenceId: r.reference_id, quantity: Number(r.quantity), anchorOn: r.anchor_on, currency: r.currency?.trim() || null, facts: r.facts,
  };
}

interface Evaluated {
  readonly draft: CaseDraft;
  readonly evidence: unknown[];
}

/** Runs the rules and evaluates their candidates; writes nothing. */
export async function findCases(q: Queryable, workspaceId: string, asOf: Date, settings: ReconSettings): Promise<{ cases: Evaluated[]; skipped: Skip[]; missed: Record<string, number>; byRule: { rule: string; candidates: number; ms: number }[]; candidates: number }> {
  const day = isoDay(toDayNumber(asOf)!);
  // One after another: inside a transaction they share one connection.
  const accts = await accounts(q, workspaceId);
  const costRows = await costs(q, workspaceId);
  const priceMap = await prices(q, workspaceId);
  const cases: Evaluated[] = [];
  const skipped: Skip[] = [];
  const missed: Record<string, number> = {};
  const byRule: { rule: string; candidates: number; ms: number }[] = [];
  let candidates = 0;
  for (const rule of RULES) {
    const t0 = performance.now();
    const rows = (await q.query<CandidateRow>(rule.sql, [workspaceId, day, JSON.stringify(settings)])).rows;
    byRule.push({ rule: rule.id, candidates: rows.length, ms: Math.round(performance.now() - t0) });
    candidates += rows.length;
    for (const row of rows) {
      const acct = accts.get(row.account_id);
      if (!acct || Number(row.quantity) <= 0) continue;
      const c = toCandidate(row);
      const ctx: EvaluationContext = {
        marketplace: acct.marketplace, currency: acct.currency, asOf, costs: costRows, settings,
        estimatedPrice: (sku) => priceMap.get(`${row.account_id}\u0000${sku}`) ?? null,
      };
      const r = evaluateCandidate(c, ctx);
      if (isSkip(r)) {
        skipped.push(r);
        if (r.skip === 'expired') {
          // What it was worth on its last day: the money nobody claimed in time.
          const probe = evaluateCandidate(c, { ...ctx, asOf: new Date(`${r.deadlineOn}T12:00:00Z`) });
          if (!isSkip(probe)) missed[probe.currency] = (missed[probe.currency] ?? 0) + probe.valueMinor;
        }
        continue;
      }
      cases.push({ draft: r, evidence: row.evidence });
    }
  }
  return { cases, skipped, missed, byRule, candidates };
}

interface Existing {
  id: string;
  case_key: string;
  status: string;
  quantity: number;
  value_minor: string;
  deadline_on: string;
}

const OPEN = ['detected', 'ready'];

/** What a run may change on an open case (types for json_to_recordset), and its values from an evaluated candidate. */
const CASE_STATE: ColumnTypes = {
  quantity: 'int', unit_value_minor: 'bigint', value_minor: 'bigint', value_basis: 'text', value_explanation: 'text', value_verified: 'boolean',
  event_on: 'date', opens_on: 'date', deadline_on: 'date', window_rule: 'text', summary: 'text', claim_text: 'text', evidence: 'jsonb', facts: 'jsonb',
  status: 'text', status_reason: 'text',
};
const CASE_COLUMNS: ColumnTypes = {
  id: 'text', workspace_id: 'text', account_id: 'text', case_key: 'text', kind: 'text', marketplace: 'text', currency: 'text', sku: 'text', fnsku: 'text',
  asin: 'text', order_id: 'text', shipment_id: 'text', reference_id: 'text', ...CASE_STATE, detected_at: 'timestamptz', last_seen_at: 'timestamptz', updated_at: 'timestamptz',
};

function caseState(e: Evaluated): Record<string, unknown> {
  const d = e.draft;
  return {
    quantity: d.quantity, unit_value_minor: d.unitValueMinor, value_minor: d.valueMinor, value_basis: d.valueBasis, value_explanation: d.valueExplanation,
    value_verified: d.valueVerified, event_on: d.window.eventOn, opens_on: d.window.opensOn, deadline_on: d.window.deadlineOn, window_rule: d.window.rule,
    summary: d.summary, claim_text: d.claimText, evidence: e.evidence, facts: d.candidate.facts, status: d.status, status_reason: d.statusReason,
  };
}

function newCase(workspaceId: string, e: Evaluated, id: string, now: Date): Record<string, unknown> {
  const c = e.draft.candidate;
  return {
    id, workspace_id: workspaceId, account_id: c.accountId, case_key: c.caseKey, kind: c.kind, marketplace: e.draft.marketplace, currency: e.draft.currency,
    sku: c.sku, fnsku: c.fnsku, asin: c.asin, order_id: c.orderId, shipment_id: c.shipmentId, reference_id: c.referenceId, ...caseState(e),
    detected_at: now, last_seen_at: now, updated_at: now,
  };
}

async function addEvents(tx: Queryable, workspaceId: string, events: { caseId: string; kind: string; detail: unknown }[], at: Date, actor = 'recon'): Promise<void> {
  for (let i = 0; i < events.length; i += 1000) {
    const chunk = events.slice(i, i + 1000);
    await tx.query(
      `INSERT INTO recon_case_events (workspace_id, case_id, at, kind, actor, detail)
       SELECT $1, e.case_id, $2, e.kind, $3, e.detail FROM jsonb_to_recordset($4::jsonb) AS e(case_id text, kind text, detail jsonb)`,
      [workspaceId, at, actor, JSON.stringify(chunk.map((e) => ({ case_id: e.caseId, kind: e.kind, detail: e.detail })))],
    );
  }
}

/** Matches reimbursements not yet counted to cases (by Amazon case id, order id, reference, or FNSKU and quantity after submission). */
async function matchRecoveries(tx: Queryable, workspaceId: string, now: Date, asOf: string): Promise<number> {
  const r = await tx.query<{ case_id: string; amount: string }>(
    `WITH open AS MATERIALIZED (
       SELECT c.* FROM recon_cases c WHERE c.workspace_id = $1 AND c.status IN ('detected', 'ready', 'submitted', 'reimbursed')
     ),
     -- Three equi-joins (each can be a hash join) instead of one join on an OR of them.
     links AS (
       SELECT c.id AS case_id, c.detected_at, r.id AS rpk, r.amount_total_minor AS amount, r.quantity_total AS qty, 'case_id' AS how, 0 AS pref
       FROM open c JOIN fba_reimbursements r ON r.workspace_id = $1 AND r.account_id = c.account_id AND r.case_id = c.amazon_case_id
       WHERE c.amazon_case_id IS NOT NULL AND r.amount_total_minor > 0 AND r.approved_at >= c.event_on::timestamptz AND r.approved_at < ($2::date + 1)::timestamptz
       UNION ALL
       SELECT c.id, c.detected_at, r.id, r.amount_total_minor, r.quantity_total, 'order_id', 1
       FROM open c JOIN fba_reimbursements r ON r.workspace_id = $1 AND r.account_id = c.account_id AND r.amazon_order_id = c.order_id AND r.sku IS NOT DISTINCT FROM c.sku
       WHERE c.order_id IS NOT NULL AND r.amount_total_minor > 0 AND r.approved_at > c.detected_at AND r.approved_at < ($2::date + 1)::timestamptz
       UNION ALL
       SELECT c.id, c.detected_at, r.id, r.amount_total_minor, r.quantity_total, 'fnsku_quantity', 2
       FROM open c JOIN fba_reimbursements r ON r.workspace_id = $1 AND r.account_id = c.account_id AND r.fnsku = c.fnsku AND r.quantity_total = c.quantity
       WHERE c.status = 'submitted' AND c.fnsku IS NOT NULL AND r.amount_total_minor > 0 AND r.approved_at >= c.submitted_at AND r.approved_at < ($2::date + 1)::timestamptz
     ),
     cand AS (
       SELECT DISTINCT ON (l.rpk) l.case_id, l.rpk, l.amount, l.qty, l.how
       FROM links l
       WHERE NOT EXISTS (SELECT 1 FROM recon_case_recoveries x WHERE x.workspace_id = $1 AND x.reimbursement_pk = l.rpk)
       ORDER BY l.rpk, l.pref, l.detected_at
     )
     INSERT INTO recon_case_recoveries (workspace_id, case_id, reimbursement_pk, amount_minor, quantity, matched_by, matched_at)
     SELECT $1, case_id, rpk, amount, qty, how, $3 FROM cand
     RETURNING case_id, amount_minor AS amount`,
    [workspaceId, asOf, now],
  );
  if (!r.rows.length) return 0;
  await tx.query(
    `UPDATE recon_cases c SET recovered_minor = s.total, updated_at = $2,
            status = CASE WHEN c.status IN ('submitted', 'detected', 'ready') THEN 'reimbursed' ELSE c.status END,
            closed_at = CASE WHEN c.status IN ('submitted', 'detected', 'ready') THEN $2 ELSE c.closed_at END
     FROM (SELECT case_id, sum(amount_minor) AS total FROM recon_case_recoveries WHERE workspace_id = $1 GROUP BY case_id) s
     WHERE c.workspace_id = $1 AND c.id = s.case_id AND c.id = ANY($3::text[])`,
    [workspaceId, now, [...new Set(r.rows.map((x) => x.case_id))]],
  );
  await addEvents(tx, workspaceId, r.rows.map((x) => ({ caseId: x.case_id, kind: 'recovered', detail: { amountMinor: Number(x.amount) } })), now);
  return r.rows.length;
}

/** Links order-related cases to the order's support ticket, preferring the one whose buyer says damaged. */
async function linkConversations(tx: Queryable, workspaceId: string): Promise<void> {
  await tx.query(
    `UPDATE recon_cases c SET ticket_id = t.ticket_id
     FROM (
       SELECT DISTINCT ON (c2.id) c2.id AS case_id, tk.id AS ticket_id
       FROM recon_cases c2
       JOIN orders o ON o.workspace_id = c2.workspace_id AND o.channel = 'amazon' AND o.external_id = c2.order_id
       JOIN tickets tk ON tk.workspace_id = o.workspace_id AND tk.order_id = o.id
       WHERE c2.workspace_id = $1 AND c2.order_id IS NOT NULL AND c2.ticket_id IS NULL
       ORDER BY c2.id, ('damaged_defective' = ANY(tk.intents)) DESC, tk.created_at
     ) t
     WHERE c.workspace_id = $1 AND c.id = t.case_id`,
    [workspaceId],
  );
}

export async function reconcile(db: Db, workspaceId: string, opts: ReconcileOptions): Promise<ReconcileSummary> {
  const t0 = performance.now();
  const asOf = isoDay(toDayNumber(opts.asOf)!);
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`recon:${workspaceId}`]);
    const settings = opts.settings ?? (await loadReconSettings(tx, workspaceId));
    const found = await findCases(tx, workspaceId, opts.asOf, settings);
    const now = opts.now();
    const existing = new Map(
      (await tx.query<Existing>('SELECT id, case_key, status, quantity, value_minor, deadline_on::text FROM recon_cases WHERE workspace_id = $1', [workspaceId])).rows.map((r) => [r.case_key, r]),
    );
    const inserts: Record<string, unknown>[] = [];
    const events: { caseId: string; kind: string; detail: unknown }[] = [];
    const updates: Record<string, unknown>[] = [];
    let unchanged = 0;
    const seen = new Set<string>();
    for (const e of found.cases) {
      const key = e.draft.candidate.caseKey;
      if (seen.has(key)) continue;
      seen.add(key);
      const old = existing.get(key);
      if (!old) {
        const id = newId('rcs', now);
        inserts.push(newCase(workspaceId, e, id, now));
        events.push({ caseId: id, kind: 'detected', detail: { quantity: e.draft.quantity, valueMinor: e.draft.valueMinor, currency: e.draft.currency, status: e.draft.status, reason: e.draft.statusReason } });
        continue;
      }
      if (!OPEN.includes(old.status)) {
        unchanged++;
        continue;
      }
      const changed = old.quantity !== e.draft.quantity || Number(old.value_minor) !== e.draft.valueMinor || old.deadline_on !== e.draft.window.deadlineOn || old.status !== e.draft.status;
      updates.push({ id: old.id, ...caseState(e), changed });
      if (changed) {
        events.push({ caseId: old.id, kind: 'updated', detail: { from: { quantity: old.quantity, valueMinor: Number(old.value_minor), status: old.status }, to: { quantity: e.draft.quantity, valueMinor: e.draft.valueMinor, status: e.draft.status, reason: e.draft.statusReason } } });
      } else unchanged++;
    }
    if (opts.dryRun) throw new DryRun(summary());
    for (let i = 0; i < inserts.length; i += 1000) await insertRows(tx, 'recon_cases', CASE_COLUMNS, inserts.slice(i, i + 1000));
    if (updates.length) {
      const cols = Object.keys(CASE_STATE);
      await tx.query(
        `UPDATE recon_cases c SET ${cols.map((k) => `${k} = u.${k}`).join(', ')}, last_seen_at = $2, updated_at = CASE WHEN u.changed THEN $2 ELSE c.updated_at END
         FROM jsonb_to_recordset($3::jsonb) AS u(id text, ${cols.map((k) => `${k} ${CASE_STATE[k]}`).join(', ')}, changed boolean)
         WHERE c.workspace_id = $1 AND c.id = u.id`,
        [workspaceId, now, JSON.stringify(updates)],
      );
    }
    // The planner needs to know how many cases there are now (the embedded database has no autovacuum).
    if (inserts.length > 100) await tx.query('ANALYZE recon_cases');
    const recoveries = await matchRecoveries(tx, workspaceId, now, asOf);
    // Open cases the rules no longer find: Amazon found or reimbursed the units, or a newer report settled them.
    const gone = await tx.query<{ id: string }>(
      `WITH seen AS MATERIALIZED (SELECT unnest($3::text[]) AS case_key)
       UPDATE recon_cases c SET status = 'resolved', status_reason = 'No longer a discrepancy in the imported reports (found, returned or reimbursed).', updated_at = $2, closed_at = $2
       WHERE c.workspace_id = $1 AND c.status IN ('detected', 'ready') AND c.deadline_on >= $4::date
         AND NOT EXISTS (SELECT 1 FROM seen WHERE seen.case_key = c.case_key) RETURNING c.id`,
      [workspaceId, now, [...seen], asOf],
    );
    const expired = await tx.query<{ id: string }>(
      `UPDATE recon_cases SET status = 'expired', status_reason = 'The claim window closed on ' || deadline_on::text || ' before the case was submitted.', updated_at = $2, closed_at = $2
       WHERE workspace_id = $1 AND status IN ('detected', 'ready') AND deadline_on < $3::date RETURNING id`,
      [workspaceId, now, asOf],
    );
    events.push(...gone.rows.map((r) => ({ caseId: r.id, kind: 'resolved', detail: {} })), ...expired.rows.map((r) => ({ caseId: r.id, kind: 'expired', detail: {} })));
    await addEvents(tx, workspaceId, events, now);
    await linkConversations(tx, workspaceId);
    const result = { ...summary(), resolved: gone.rows.length, expired: expired.rows.length, recoveriesMatched: recoveries };
    await tx.query('INSERT INTO recon_runs (workspace_id, as_of, at, actor, summary) VALUES ($1, $2, $3, $4, $5)', [workspaceId, asOf, now, opts.actor ?? 'cli', JSON.stringify(result)]);
    return result;

    function summary(): ReconcileSummary {
      const count = (k: Skip['skip']) => found.skipped.filter((s) => s.skip === k).length;
      return {
        asOf, candidates: found.candidates, created: inserts.length, updated: updates.filter((u) => u.changed).length, unchanged,
        resolved: 0, expired: 0, recoveriesMatched: 0,
        skipped: { expired: count('expired'), waiting: count('waiting'), paidInFull: count('paid_in_full'), unknownValue: count('unknown_value'), noWindow: count('no_window') },
        missedMinor: found.missed, byRule: found.byRule, ms: Math.round(performance.now() - t0),
      };
    }
  }).catch((e: unknown) => {
    if (e instanceof DryRun) return e.summary;
    throw e;
  });
}

class DryRun extends Error {
  constructor(readonly summary: ReconcileSummary) {
    super('dry run');
  }
}

export type { ClaimKind };
