import { AFTER_AS_OF, AS_OF, REIMBURSED_UNITS, SINCE, evidence, setting } from './sql.ts';
import type { ReconRule } from './types.ts';

/**
 * Rule 1 — lost or damaged in a fulfilment centre. Inventory ledger adjustments M/5 (misplaced) and
 * E/6/7/H/K/U (damaged at Amazon FC) with an unreconciled quantity, older than the research wait, net of:
 * - the ledger's own reconciliation (found units and reimbursements already move units from unreconciled to
 *   reconciled), and
 * - Lost_Warehouse / Damaged_Warehouse reimbursements (cash or replacement units, net of reversals) for the
 *   same FNSKU that the ledger does not yet show as reconciled (a reimbursement newer than the ledger file):
 *   those units are credited to the oldest open adjustments first.
 * The window counts from the adjustment's date.
 */
export const FC_ADJUSTMENTS: ReconRule = {
  id: 'fc-adjustments',
  title: 'Lost or damaged in a fulfilment centre',
  kinds: ['fc_lost', 'fc_damaged'],
  description:
    'Ledger adjustments M/5 (misplaced) and E/6/7/H/K/U (damaged at Amazon FC) with unreconciled units, not found again and not reimbursed, once Amazon\'s own research time has passed.',
  sql: `
WITH adj AS (
  SELECT l.*, CASE WHEN l.reason IN ('M', '5') THEN 'fc_lost' ELSE 'fc_damaged' END AS kind, coalesce(l.fnsku, l.msku, '') AS item
  FROM inventory_ledger_events l
  WHERE l.workspace_id = $1 AND l.event_type = 'Adjustments' AND l.reason IN ('M', '5', 'E', '6', '7', 'H', 'K', 'U')
    AND l.event_date <= ${AS_OF} AND l.event_date > ${SINCE}
),
ledger AS (
  SELECT account_id, item, kind, sum(coalesce(reconciled_quantity, 0)) AS reconciled FROM adj GROUP BY 1, 2, 3
),
found AS (
  SELECT account_id, coalesce(fnsku, msku, '') AS item, sum(quantity) AS units
  FROM inventory_ledger_events
  WHERE workspace_id = $1 AND event_type = 'Adjustments' AND reason = 'F' AND event_date <= ${AS_OF} AND event_date > ${SINCE}
  GROUP BY 1, 2
),
paid AS (
  SELECT r.account_id, coalesce(r.fnsku, r.sku, '') AS item,
         CASE coalesce(nullif(r.original_reimbursement_type, ''), r.reason) WHEN 'Lost_Warehouse' THEN 'fc_lost' ELSE 'fc_damaged' END AS kind,
         sum(${REIMBURSED_UNITS}) AS units
  FROM fba_reimbursements r
  WHERE r.workspace_id = $1 AND r.approved_at < ${AFTER_AS_OF}
    AND (r.reason IN ('Lost_Warehouse', 'Damaged_Warehouse')
         OR (r.reason = 'Reimbursement_Reversal' AND r.original_reimbursement_type IN ('Lost_Warehouse', 'Damaged_Warehouse')))
  GROUP BY 1, 2, 3
),
-- Reimbursed units beyond what the ledger shows reconciled by reimbursement (reconciled minus found units).
credit AS (
  SELECT g.account_id, g.item, g.kind,
         greatest(0, coalesce(p.units, 0) - (g.reconciled - CASE WHEN g.kind = 'fc_lost' THEN least(coalesce(f.units, 0), g.reconciled) ELSE 0 END)) AS units
  FROM ledger g
  LEFT JOIN paid p ON p.account_id = g.account_id AND p.item = g.item AND p.kind = g.kind
  LEFT JOIN found f ON f.account_id = g.account_id AND f.item = g.item
),
open AS (
  SELECT a.*, c.units AS credited,
         sum(a.unreconciled_quantity) OVER (PARTITION BY a.account_id, a.item, a.kind ORDER BY a.event_date, a.id) AS cum
  FROM adj a JOIN credit c ON c.account_id = a.account_id AND c.item = a.item AND c.kind = a.kind
  WHERE a.unreconciled_quantity > 0
),
claim AS (
  SELECT o.*, greatest(0, least(o.unreconciled_quantity, o.cum - o.credited)) AS claim_qty FROM open o
)
SELECT c.kind, c.kind || ':' || c.account_id || ':' || coalesce(c.reference_id, c.id::text) || ':' || c.item AS case_key,
       c.account_id, c.msku AS sku, c.fnsku, c.asin, NULL AS order_id, NULL AS shipment_id, c.reference_id,
       c.claim_qty::int AS quantity, c.event_date::text AS anchor_on, NULL AS currency,
       jsonb_build_object('reason', c.reason, 'fulfillmentCenter', c.fulfillment_center, 'disposition', c.disposition,
         'country', c.country, 'adjustedQuantity', -c.quantity, 'reconciledQuantity', c.reconciled_quantity,
         'unreconciledQuantity', c.unreconciled_quantity, 'creditedFromLaterReimbursements', c.unreconciled_quantity - c.claim_qty,
         'title', c.title, 'eventDate', c.event_date::text) AS facts,
       jsonb_build_array(${evidence('c', 'inventory_ledger_events', `'Ledger adjustment ' || coalesce(c.reference_id, '') || ' (' || c.reason || ') on ' || c.event_date::text || ': ' || (-c.quantity)::text || ' unit(s), ' || c.unreconciled_quantity::text || ' unreconciled'`)}) AS evidence
FROM claim c
WHERE c.claim_qty > 0
  AND c.event_date <= ${AS_OF} - CASE c.kind WHEN 'fc_lost' THEN ${setting('fcLostWaitDays')} ELSE ${setting('fcDamagedWaitDays')} END`,
};
