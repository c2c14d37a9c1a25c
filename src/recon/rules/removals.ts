import { AFTER_AS_OF, AS_OF, SINCE, evidence } from './sql.ts';
import type { ReconRule } from './types.ts';

/**
 * Rule 8 — removal orders. Three claims per removal order and SKU:
 * - removal_not_shipped: a completed or cancelled removal order whose requested units are not all accounted for
 *   as cancelled, disposed, shipped or in process; window from the order's last update (closing);
 * - removal_lost: units Amazon's removal shipment detail says were shipped, minus units the seller's receiving
 *   log says arrived (only where the log has the order: no log, no proof), minus removal reimbursements; window
 *   from the first shipment day, and claimable once it opens (15 days);
 * - removal_damaged: units the receiving log records as arrived damaged (a damaged-quantity column, or a status
 *   "damaged" / "received damaged" / "partially damaged"); window from the receipt day.
 */
export const REMOVALS: ReconRule = {
  id: 'removals',
  title: 'Removal orders',
  kinds: ['removal_not_shipped', 'removal_lost', 'removal_damaged'],
  description: 'Removal units requested but not shipped, shipped but not received by the seller, or received back damaged.',
  sql: `
WITH shipped AS (
  SELECT account_id, order_id, coalesce(sku, '') AS sku, max(fnsku) AS fnsku, sum(shipped_quantity) AS units, min(shipped_at) AS first_shipped,
         string_agg(DISTINCT coalesce(carrier, '') || ' ' || coalesce(tracking_number, ''), ', ') AS tracking,
         jsonb_agg(${evidence('s', 'removal_shipments', `'Removal shipment of ' || s.order_id || ' on ' || to_char(s.shipped_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') || ': ' || s.shipped_quantity::text || ' × ' || coalesce(s.sku, '?') || ' with ' || coalesce(s.carrier, '?') || ' ' || coalesce(s.tracking_number, '')`)}) AS refs
  FROM removal_shipments s
  WHERE s.workspace_id = $1 AND s.shipped_at < ${AFTER_AS_OF} AND s.shipped_at > ${SINCE}
  GROUP BY 1, 2, 3
),
received AS (
  SELECT removal_order_id AS order_id, coalesce(sku, '') AS sku, sum(coalesce(received_quantity, 0)) AS units,
         -- A damaged receipt: a damaged-quantity column, or a status that says damaged (not "no damage").
         sum(CASE WHEN dq.units IS NOT NULL THEN dq.units
                  WHEN status ~* '^\\s*(received[ _-]*)?(partially[ _-]*)?damaged\\s*$' THEN coalesce(received_quantity, 0) ELSE 0 END) AS damaged,
         max(received_date) AS received_on,
         jsonb_agg(${evidence('g', 'removal_receipts', `'Receiving log: ' || g.removal_order_id || ' ' || coalesce(g.sku, '?') || ' expected ' || coalesce(g.expected_quantity, 0)::text || ', received ' || coalesce(g.received_quantity, 0)::text || coalesce(' (' || g.status || ')', '')`)}) AS refs
  FROM removal_receipts g
  -- an extra column of the log named like "damaged quantity" / "Damaged-Qty" (kept in extra under its own name)
  LEFT JOIN LATERAL (SELECT max(e.value)::int AS units FROM jsonb_each_text(g.extra) e
                     WHERE lower(regexp_replace(e.key, '[^A-Za-z0-9]', '', 'g')) IN ('damagedquantity', 'damagedqty', 'damagedunits') AND e.value ~ '^\\d+$') dq ON true
  WHERE g.workspace_id = $1
  GROUP BY 1, 2
),
paid AS (
  SELECT account_id, coalesce(fnsku, sku, '') AS item, sum(coalesce(quantity_total, coalesce(quantity_cash, 0) + coalesce(quantity_inventory, 0))) AS units
  FROM fba_reimbursements
  WHERE workspace_id = $1 AND approved_at < ${AFTER_AS_OF} AND (reason ILIKE '%removal%' OR original_reimbursement_type ILIKE '%removal%')
  GROUP BY 1, 2
),
lost AS (
  SELECT s.*, g.units AS received_units, g.refs AS receipt_refs,
         s.units - coalesce(g.units, 0) AS missing,
         sum(s.units - coalesce(g.units, 0)) OVER (PARTITION BY s.account_id, coalesce(s.fnsku, s.sku) ORDER BY s.first_shipped, s.order_id) AS cum,
         coalesce(p.units, 0) AS paid_units
  FROM shipped s JOIN received g ON g.order_id = s.order_id AND (g.sku = s.sku OR g.sku = '')
  LEFT JOIN paid p ON p.account_id = s.account_id AND p.item = coalesce(s.fnsku, s.sku)
  WHERE s.units > coalesce(g.units, 0)
),
orders AS (
  SELECT o.*, coalesce(o.requested_quantity, 0) - coalesce(o.cancelled_quantity, 0) - coalesce(o.disposed_quantity, 0)
              - coalesce(o.shipped_quantity, 0) - coalesce(o.in_process_quantity, 0) AS unaccounted
  FROM removal_orders o
  WHERE o.workspace_id = $1 AND o.order_status IN ('Completed', 'Cancelled') AND coalesce(o.last_updated_at, o.requested_at) < ${AFTER_AS_OF}
    AND coalesce(o.last_updated_at, o.requested_at) > ${SINCE}
)
SELECT 'removal_lost' AS kind, 'removal_lost:' || l.account_id || ':' || l.order_id || ':' || l.sku AS case_key,
       l.account_id, nullif(l.sku, '') AS sku, l.fnsku, NULL AS asin, NULL AS order_id, NULL AS shipment_id, l.order_id AS reference_id,
       greatest(0, least(l.missing, l.cum - l.paid_units))::int AS quantity, to_char(l.first_shipped AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS anchor_on, NULL AS currency,
       jsonb_build_object('shippedUnits', l.units, 'receivedUnits', l.received_units, 'missing', l.missing, 'reimbursedUnits', l.paid_units, 'tracking', l.tracking) AS facts,
       l.refs || l.receipt_refs AS evidence
FROM lost l WHERE least(l.missing, l.cum - l.paid_units) > 0
UNION ALL
SELECT 'removal_damaged', 'removal_damaged:' || s.account_id || ':' || s.order_id || ':' || s.sku,
       s.account_id, nullif(s.sku, ''), s.fnsku, NULL, NULL, NULL, s.order_id,
       g.damaged::int, coalesce(g.received_on, (s.first_shipped AT TIME ZONE 'UTC')::date)::text, NULL,
       jsonb_build_object('shippedUnits', s.units, 'receivedUnits', g.units, 'damagedUnits', g.damaged, 'tracking', s.tracking),
       s.refs || g.refs
FROM shipped s JOIN received g ON g.order_id = s.order_id AND (g.sku = s.sku OR g.sku = '')
WHERE g.damaged > 0 AND coalesce(g.received_on, ${AS_OF}) <= ${AS_OF}
UNION ALL
SELECT 'removal_not_shipped', 'removal_not_shipped:' || o.account_id || ':' || o.order_id || ':' || coalesce(o.sku, '') || ':' || coalesce(o.disposition, ''),
       o.account_id, o.sku, o.fnsku, NULL, NULL, NULL, o.order_id,
       o.unaccounted::int, to_char(coalesce(o.last_updated_at, o.requested_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD'), o.currency,
       jsonb_build_object('requested', o.requested_quantity, 'cancelled', o.cancelled_quantity, 'disposed', o.disposed_quantity,
         'shipped', o.shipped_quantity, 'inProcess', o.in_process_quantity, 'orderStatus', o.order_status, 'orderType', o.order_type),
       jsonb_build_array(${evidence('o', 'removal_orders', `'Removal order ' || o.order_id || ' (' || coalesce(o.order_type, '?') || ', ' || coalesce(o.order_status, '?') || '): requested ' || coalesce(o.requested_quantity, 0)::text || ', cancelled ' || coalesce(o.cancelled_quantity, 0)::text || ', disposed ' || coalesce(o.disposed_quantity, 0)::text || ', shipped ' || coalesce(o.shipped_quantity, 0)::text`)})
FROM orders o WHERE o.unaccounted > 0`,
};
