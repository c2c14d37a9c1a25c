import { AFTER_AS_OF, AS_OF, REIMBURSED_UNITS, SINCE, evidence, setting } from './sql.ts';
import type { ReconRule } from './types.ts';

/**
 * Rule 2 — inbound shortage. On a CLOSED inbound shipment, units shipped > units received, after crediting, per
 * FNSKU (oldest shipment first): units of the same FNSKU received over the shipped quantity on other shipments,
 * ledger receipts under shipment ids that are not among the account's shipments (received under another id),
 * Inventory found units beyond the misplaced units they could explain, and Lost_Inbound reimbursements (net of
 * reversals). The window counts from delivery; the files carry no delivery day, so the first receipt scan of the
 * shipment less a safety margin stands in for it (settings.inboundDeliveryMarginDays). Proof of ownership: the
 * supplier invoice lines of the SKU dated on or before delivery.
 */
export const INBOUND_SHORTAGE: ReconRule = {
  id: 'inbound-shortage',
  title: 'Inbound shortage',
  kinds: ['inbound_shortage'],
  description:
    'Units shipped more than units received on a CLOSED inbound shipment, after crediting units received under other shipment ids, found units and Lost_Inbound reimbursements.',
  sql: `
WITH items AS (
  SELECT i.*, s.status, s.destination_fc, s.id AS shipment_pk, s.source_line AS shipment_line, s.source_import_id AS shipment_import,
         coalesce(i.fnsku, i.sku) AS item
  FROM inbound_shipment_items i
  JOIN inbound_shipments s ON s.workspace_id = i.workspace_id AND s.account_id = i.account_id AND s.shipment_id = i.shipment_id
  WHERE i.workspace_id = $1
),
receipts AS (
  SELECT account_id, reference_id AS shipment_id, min(event_date) AS first_receipt, max(event_date) AS last_receipt
  FROM inventory_ledger_events
  WHERE workspace_id = $1 AND event_type = 'Receipts' AND event_date <= ${AS_OF} AND event_date > ${SINCE}
  GROUP BY 1, 2
),
misplaced AS (
  SELECT account_id, coalesce(fnsku, msku) AS item,
         sum(CASE WHEN reason = 'F' THEN quantity ELSE 0 END) AS found, sum(CASE WHEN reason IN ('M', '5') THEN -quantity ELSE 0 END) AS lost
  FROM inventory_ledger_events
  WHERE workspace_id = $1 AND event_type = 'Adjustments' AND reason IN ('F', 'M', '5') AND event_date <= ${AS_OF} AND event_date > ${SINCE}
  GROUP BY 1, 2
),
credits AS (
  SELECT account_id, item, sum(units) AS units, jsonb_agg(jsonb_build_object('source', source, 'units', units)) AS detail FROM (
    SELECT account_id, item, 'received over shipped on ' || shipment_id AS source, quantity_received - quantity_shipped AS units
    FROM items WHERE quantity_received > quantity_shipped
    UNION ALL
    SELECT l.account_id, coalesce(l.fnsku, l.msku), 'receipt under another shipment id ' || coalesce(l.reference_id, '?'), l.quantity
    FROM inventory_ledger_events l
    WHERE l.workspace_id = $1 AND l.event_type = 'Receipts' AND l.quantity > 0 AND l.event_date <= ${AS_OF} AND l.event_date > ${SINCE}
      AND NOT EXISTS (SELECT 1 FROM inbound_shipments s WHERE s.workspace_id = l.workspace_id AND s.account_id = l.account_id AND s.shipment_id = l.reference_id)
    UNION ALL
    SELECT account_id, item, 'found units beyond the misplaced ones', found - lost FROM misplaced WHERE found > lost
    UNION ALL
    SELECT r.account_id, coalesce(r.fnsku, r.sku), 'Lost_Inbound reimbursement ' || r.reimbursement_id, ${REIMBURSED_UNITS}
    FROM fba_reimbursements r
    WHERE r.workspace_id = $1 AND r.approved_at < ${AFTER_AS_OF}
      AND (r.reason = 'Lost_Inbound' OR (r.reason = 'Reimbursement_Reversal' AND r.original_reimbursement_type = 'Lost_Inbound'))
  ) c GROUP BY 1, 2
),
short AS (
  SELECT i.*, r.first_receipt, r.last_receipt, i.quantity_shipped - coalesce(i.quantity_received, 0) AS missing,
         sum(i.quantity_shipped - coalesce(i.quantity_received, 0)) OVER (PARTITION BY i.account_id, i.item ORDER BY r.first_receipt, i.shipment_id, i.sku) AS cum
  FROM items i JOIN receipts r ON r.account_id = i.account_id AND r.shipment_id = i.shipment_id
  WHERE i.status = 'CLOSED' AND i.quantity_shipped > coalesce(i.quantity_received, 0)
),
claim AS (
  SELECT s.*, greatest(0, least(s.missing, s.cum - greatest(0, coalesce(c.units, 0)))) AS claim_qty, c.detail AS credit_detail
  FROM short s LEFT JOIN credits c ON c.account_id = s.account_id AND c.item = s.item
),
invoices AS (
  SELECT c.id AS claim_id, jsonb_agg(${evidence('v', 'supplier_invoices', `'Invoice ' || v.invoice_number || ' from ' || v.supplier || ' dated ' || v.invoice_date::text || ': ' || v.quantity::text || ' × ' || v.sku`)} ORDER BY v.invoice_date DESC) AS refs,
         sum(v.quantity) AS units
  FROM claim c JOIN supplier_invoices v ON v.workspace_id = $1 AND v.sku = c.sku AND v.invoice_date <= c.first_receipt
  WHERE c.claim_qty > 0
  GROUP BY c.id
)
SELECT 'inbound_shortage' AS kind, 'inbound_shortage:' || c.account_id || ':' || c.shipment_id || ':' || c.sku AS case_key,
       c.account_id, c.sku, c.fnsku, NULL AS asin, NULL AS order_id, c.shipment_id, c.shipment_id AS reference_id,
       c.claim_qty::int AS quantity, (c.first_receipt - ${setting('inboundDeliveryMarginDays')})::text AS anchor_on, NULL AS currency,
       jsonb_build_object('shipped', c.quantity_shipped, 'received', c.quantity_received, 'missing', c.missing, 'status', c.status,
         'destinationFc', c.destination_fc, 'firstReceipt', c.first_receipt::text, 'lastReceipt', c.last_receipt::text,
         'credited', c.missing - c.claim_qty, 'credits', coalesce(c.credit_detail, '[]'::jsonb),
         'invoiceUnits', coalesce(v.units, 0), 'proofOfOwnership', v.refs IS NOT NULL) AS facts,
       jsonb_build_array(
         ${evidence('c', 'inbound_shipment_items', `'Shipment ' || c.shipment_id || ' line ' || c.sku || ': ' || c.quantity_shipped::text || ' shipped, ' || coalesce(c.quantity_received, 0)::text || ' received'`)},
         jsonb_build_object('table', 'inbound_shipments', 'id', c.shipment_pk, 'line', c.shipment_line, 'importId', c.shipment_import, 'label', 'Shipment ' || c.shipment_id || ' to ' || coalesce(c.destination_fc, '?') || ': ' || c.status)
       ) || coalesce(v.refs, '[]'::jsonb) AS evidence
FROM claim c LEFT JOIN invoices v ON v.claim_id = c.id
WHERE c.claim_qty > 0`,
};
