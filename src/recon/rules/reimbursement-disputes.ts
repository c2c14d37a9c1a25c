import { AFTER_AS_OF, SINCE, evidence, setting } from './sql.ts';
import type { ReconRule } from './types.ts';

/**
 * Rule 6 — reimbursed below the policy value. A cash reimbursement for units lost or damaged in Amazon's care
 * before an order (Lost_Warehouse, Damaged_Warehouse, Lost_Inbound) that has not been reversed. The engine values
 * the loss under the policy in force on the approval date (manufacturing cost from 2025-03-10, estimated sale
 * price before) and keeps the row when Amazon paid less per unit; the claim is the difference.
 */
export const UNDERPAID: ReconRule = {
  id: 'underpaid-reimbursement',
  title: 'Reimbursed below the policy value',
  kinds: ['underpaid_reimbursement'],
  description: 'A Lost/Damaged_Warehouse or Lost_Inbound cash reimbursement paying less per unit than the policy value on its date.',
  sql: `
SELECT 'underpaid_reimbursement' AS kind, 'underpaid_reimbursement:' || r.account_id || ':' || r.reimbursement_id || ':' || coalesce(r.fnsku, r.sku, '') AS case_key,
       r.account_id, r.sku, r.fnsku, r.asin, r.amazon_order_id AS order_id, NULL AS shipment_id, r.reimbursement_id AS reference_id,
       r.quantity_cash AS quantity, to_char(r.approved_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS anchor_on, r.currency,
       jsonb_build_object('reason', r.reason, 'lossKind', CASE r.reason WHEN 'Lost_Warehouse' THEN 'fc_lost' WHEN 'Lost_Inbound' THEN 'inbound_shortage' ELSE 'fc_damaged' END,
         'paidUnitMinor', coalesce(r.amount_per_unit_minor, round(r.amount_total_minor::numeric / r.quantity_cash)::bigint), 'paidTotalMinor', r.amount_total_minor,
         'caseId', r.case_id, 'approvedAt', r.approved_at) AS facts,
       jsonb_build_array(${evidence('r', 'fba_reimbursements', `'Reimbursement ' || r.reimbursement_id || ' (' || r.reason || ') approved ' || to_char(r.approved_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') || ': ' || r.quantity_cash::text || ' unit(s) in cash'`)}) AS evidence
FROM fba_reimbursements r
WHERE r.workspace_id = $1 AND r.reason IN ('Lost_Warehouse', 'Damaged_Warehouse', 'Lost_Inbound')
  AND r.quantity_cash > 0 AND r.amount_total_minor > 0 AND r.approved_at < ${AFTER_AS_OF} AND r.approved_at > ${SINCE}
  AND NOT EXISTS (SELECT 1 FROM fba_reimbursements v WHERE v.workspace_id = r.workspace_id AND v.account_id = r.account_id
                  AND v.original_reimbursement_id = r.reimbursement_id AND v.approved_at < ${AFTER_AS_OF})`,
};

/**
 * Rule 7 — reimbursement reversed without a matching found unit. Amazon reverses a Lost_Warehouse (or
 * Lost_Inbound, Damaged_Warehouse) payment when the units turn up; the reversal is fair only if there are found
 * units for it. Per FNSKU, found units (Inventory found, F) dated up to a few days after the reversal first
 * reconcile misplaced units that were never reimbursed (reconciled M/5 units beyond the Lost_Warehouse units paid
 * by then); the rest explain reversals greedily in date order, so a found unit explains one reversal only and a
 * reversal cannot be explained by a unit found long after it. Reversed units without such a found unit are
 * disputed for the reversed amount (pro rata). The window counts from the reversal.
 */
export const REVERSAL_WITHOUT_FOUND: ReconRule = {
  id: 'reversal-without-found',
  title: 'Reversal without a found unit',
  kinds: ['reversal_dispute'],
  description: 'A reimbursement reversal with no Inventory found units for the same FNSKU left to explain it.',
  sql: `
WITH rev AS MATERIALIZED (
  SELECT v.*, o.approved_at AS original_at, o.id AS original_pk, o.reason AS original_reason,
         coalesce(v.fnsku, v.sku, '') AS item, abs(coalesce(v.quantity_total, v.quantity_cash, 0)) AS units
  FROM fba_reimbursements v
  LEFT JOIN LATERAL (SELECT * FROM fba_reimbursements o WHERE o.workspace_id = v.workspace_id AND o.account_id = v.account_id
                     AND o.reimbursement_id = v.original_reimbursement_id AND o.amount_total_minor > 0 ORDER BY o.approved_at LIMIT 1) o ON true
  WHERE v.workspace_id = $1 AND v.reason = 'Reimbursement_Reversal' AND v.amount_total_minor < 0
    AND coalesce(v.original_reimbursement_type, o.reason, '') IN ('Lost_Warehouse', 'Lost_Inbound', 'Damaged_Warehouse')
    AND v.approved_at < ${AFTER_AS_OF} AND v.approved_at > ${SINCE}
),
-- Found units available by each reversal (its date + lookahead): F events so far, less those that reconciled
-- misplaced units Amazon never paid for (reconciled M/5 units beyond the Lost_Warehouse units paid so far).
items AS MATERIALIZED (SELECT DISTINCT account_id, item FROM rev),
-- Per item and day: found units, reconciled misplaced units, Lost_Warehouse units paid (small tables).
days AS MATERIALIZED (
  SELECT l.account_id, coalesce(l.fnsku, l.msku, '') AS item, l.event_date AS day,
         sum(CASE WHEN l.reason = 'F' THEN l.quantity ELSE 0 END) AS found,
         sum(CASE WHEN l.reason IN ('M', '5') THEN coalesce(l.reconciled_quantity, 0) ELSE 0 END) AS reconciled, 0 AS paid
  FROM inventory_ledger_events l JOIN items i ON i.account_id = l.account_id AND i.item = coalesce(l.fnsku, l.msku, '')
  WHERE l.workspace_id = $1 AND l.event_type = 'Adjustments' AND l.reason IN ('F', 'M', '5')
  GROUP BY 1, 2, 3
  UNION ALL
  SELECT x.account_id, coalesce(x.fnsku, x.sku, ''), (x.approved_at AT TIME ZONE 'UTC')::date, 0, 0, sum(coalesce(x.quantity_total, x.quantity_cash, 0))
  FROM fba_reimbursements x JOIN items i ON i.account_id = x.account_id AND i.item = coalesce(x.fnsku, x.sku, '')
  WHERE x.workspace_id = $1 AND x.reason = 'Lost_Warehouse'
  GROUP BY 1, 2, 3
),
-- Found units available by each reversal (its date + lookahead): F events so far, less those that reconciled
-- misplaced units Amazon never paid for (reconciled M/5 units beyond the Lost_Warehouse units paid so far).
avail AS (
  SELECT r.id, greatest(0, coalesce(sum(d.found), 0) - greatest(0, coalesce(sum(d.reconciled), 0) - coalesce(sum(d.paid), 0))) AS free_by
  FROM rev r
  LEFT JOIN days d ON d.account_id = r.account_id AND d.item = r.item
    AND d.day <= (r.approved_at AT TIME ZONE 'UTC')::date + ${setting('reversalFoundLookaheadDays')}
  GROUP BY r.id
),
-- Found units explain reversals greedily in date order: explained(i) = cum(i) + min(0, min over j <= i of (free_by(j) - cum(j))).
ordered AS (
  SELECT r.*, a.free_by, sum(r.units) OVER w AS cum
  FROM rev r JOIN avail a ON a.id = r.id
  WINDOW w AS (PARTITION BY r.account_id, r.item ORDER BY r.approved_at, r.id)
),
explained AS (
  SELECT o.*, o.cum + least(0, min(o.free_by - o.cum) OVER (PARTITION BY o.account_id, o.item ORDER BY o.approved_at, o.id)) AS explained_cum FROM ordered o
),
netted AS (
  SELECT e.*, e.units - (e.explained_cum - coalesce(lag(e.explained_cum) OVER (PARTITION BY e.account_id, e.item ORDER BY e.approved_at, e.id), 0)) AS disputed FROM explained e
),
claim AS (SELECT n.* FROM netted n WHERE n.disputed > 0)
SELECT 'reversal_dispute' AS kind, 'reversal_dispute:' || n.account_id || ':' || n.reimbursement_id || ':' || n.item AS case_key,
       n.account_id, n.sku, n.fnsku, n.asin, n.amazon_order_id AS order_id, NULL AS shipment_id, n.reimbursement_id AS reference_id,
       n.disputed::int AS quantity, to_char(n.approved_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS anchor_on, n.currency,
       jsonb_build_object('reversedMinor', round(-n.amount_total_minor::numeric * n.disputed / n.units)::bigint, 'reversedUnits', n.units,
         'originalReimbursementId', n.original_reimbursement_id, 'originalType', coalesce(n.original_reimbursement_type, n.original_reason),
         'originalApprovedAt', n.original_at, 'foundUnitsAvailable', n.free_by) AS facts,
       jsonb_build_array(${evidence('n', 'fba_reimbursements', `'Reversal ' || n.reimbursement_id || ' of ' || coalesce(n.original_reimbursement_id, '?') || ' on ' || to_char(n.approved_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') || ': ' || n.units::text || ' unit(s)'`)})
         || CASE WHEN n.original_pk IS NOT NULL THEN jsonb_build_array(jsonb_build_object('table', 'fba_reimbursements', 'id', n.original_pk, 'label', 'Original reimbursement ' || n.original_reimbursement_id)) ELSE '[]'::jsonb END AS evidence
FROM claim n`,
};
