import { DAMAGE_SQL_PATTERN } from '../domain/damage-words.ts';
import { AFTER_AS_OF, AS_OF, ORDER_MONEY, SINCE, evidence, setting } from './sql.ts';
import type { ReconRule } from './types.ts';

// Rules 3-5: the customer-return claims. Refunds come from settlement reports (transaction type Refund); the
// sale price and fees from the order's settlement lines (All Orders report and an estimated referral fee when
// no settlement has the order). "Reimbursed" means any reimbursement row for the order and SKU whose units,
// net of reversals, are positive.

const REIMBURSED = `
reimbursed AS (
  SELECT r.account_id, r.amazon_order_id AS order_id, r.sku, sum(coalesce(r.quantity_total, coalesce(r.quantity_cash, 0) + coalesce(r.quantity_inventory, 0))) AS units,
         sum(r.amount_total_minor) AS amount
  FROM fba_reimbursements r
  WHERE r.workspace_id = $1 AND r.amazon_order_id IS NOT NULL AND r.approved_at < ${AFTER_AS_OF}
  GROUP BY 1, 2, 3
)`;

const MONEY_FACTS = `'saleUnitMinor', m.sale_unit_minor, 'feeUnitMinor', m.fee_unit_minor, 'feeSource', m.fee_source, 'orderedUnits', m.ordered_units`;

const ORDER_EVIDENCE = `CASE WHEN m.order_pk IS NOT NULL THEN jsonb_build_array(jsonb_build_object('table', 'settlement_lines', 'id', m.order_pk, 'label', 'Settlement lines of order ' || m.order_id || ' (' || m.sku || ')'))
  WHEN m.line_pk IS NOT NULL THEN jsonb_build_array(jsonb_build_object('table', 'amazon_order_lines', 'id', m.line_pk, 'label', 'All Orders line of ' || m.order_id || ' (' || m.sku || ')')) ELSE '[]'::jsonb END
  || CASE WHEN m.refund_pk IS NOT NULL THEN jsonb_build_array(jsonb_build_object('table', 'settlement_lines', 'id', m.refund_pk, 'label', 'Refund of order ' || m.order_id || ' posted ' || to_char(m.refunded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD'))) ELSE '[]'::jsonb END`;

/**
 * Rule 3 — customer refunded, item not returned. An FBA order line refunded (settlement Refund), with no
 * customer-returns row for the order and SKU and no reimbursement for it. Units = refunded principal / sale
 * price per unit, at least 1, at most the units ordered. The engine keeps it only once the return period is over
 * (the window has opened: 60 days US, 45 days EU, from the refund).
 */
export const REFUND_NOT_RETURNED: ReconRule = {
  id: 'refund-not-returned',
  title: 'Refunded, item not returned',
  kinds: ['customer_return_not_returned'],
  description: 'An FBA order refunded to the buyer, with no return received at an Amazon FC and no reimbursement, after the return period.',
  sql: `
WITH ${ORDER_MONEY.trim()},
${REIMBURSED.trim()},
returned AS (
  SELECT account_id, order_id, sku, sum(quantity) AS units FROM fba_customer_returns
  WHERE workspace_id = $1 AND returned_at < ${AFTER_AS_OF} GROUP BY 1, 2, 3
),
refunds AS (
  SELECT m.*, greatest(1, least(coalesce(m.ordered_units, 1),
           CASE WHEN m.sale_unit_minor > 0 THEN round(abs(m.refunded_principal)::numeric / m.sale_unit_minor) ELSE 1 END))::int AS refunded_units
  FROM order_money m
  WHERE m.refunded_at IS NOT NULL AND m.refunded_at > ${SINCE} AND m.fulfilment = 'AFN'
)
SELECT 'customer_return_not_returned' AS kind, 'customer_return_not_returned:' || m.account_id || ':' || m.order_id || ':' || m.sku AS case_key,
       m.account_id, m.sku, NULL AS fnsku, NULL AS asin, m.order_id, NULL AS shipment_id, m.order_id AS reference_id,
       (m.refunded_units - coalesce(t.units, 0))::int AS quantity, to_char(m.refunded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS anchor_on, m.currency,
       jsonb_build_object('refundedAt', m.refunded_at, 'refundedMinor', -m.refunded_principal, 'refundedUnits', m.refunded_units, 'returnedUnits', coalesce(t.units, 0), ${MONEY_FACTS}) AS facts,
       ${ORDER_EVIDENCE} AS evidence
FROM refunds m
LEFT JOIN returned t ON t.account_id = m.account_id AND t.order_id = m.order_id AND t.sku = m.sku
LEFT JOIN reimbursed r ON r.account_id = m.account_id AND r.order_id = m.order_id AND r.sku = m.sku
WHERE m.refunded_units > coalesce(t.units, 0) AND coalesce(r.units, 0) <= 0 AND coalesce(r.amount, 0) <= 0`,
};

const RETURNS = (where: string): string => `
WITH ${ORDER_MONEY.trim()},
${REIMBURSED.trim()}
SELECT %KIND% AS kind, %KIND% || ':' || c.account_id || ':' || coalesce(c.license_plate_number, c.order_id || ':' || c.id::text) AS case_key,
       c.account_id, c.sku, c.fnsku, c.asin, c.order_id, NULL AS shipment_id, coalesce(c.license_plate_number, c.order_id) AS reference_id,
       c.quantity, to_char(coalesce(m.refunded_at, c.returned_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS anchor_on, m.currency,
       jsonb_build_object('returnedAt', c.returned_at, 'refundedAt', m.refunded_at, 'anchorIsReturnDate', m.refunded_at IS NULL,
         'disposition', c.detailed_disposition, 'reason', c.reason, 'customerComments', c.customer_comments, 'returnStatus', c.status,
         'fulfillmentCenter', c.fulfillment_center_id, 'licensePlate', c.license_plate_number, %EXTRA_FACTS% ${MONEY_FACTS}) AS facts,
       jsonb_build_array(${evidence('c', 'fba_customer_returns', `'Return ' || coalesce(c.license_plate_number, '') || ' of order ' || coalesce(c.order_id, '?') || ' on ' || to_char(c.returned_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') || ': ' || coalesce(c.detailed_disposition, '?') || ', reason ' || coalesce(c.reason, '?')`)}) || ${ORDER_EVIDENCE} %EXTRA_EVIDENCE% AS evidence
FROM fba_customer_returns c
LEFT JOIN order_money m ON m.account_id = c.account_id AND m.order_id = c.order_id AND m.sku = c.sku
LEFT JOIN reimbursed r ON r.account_id = c.account_id AND r.order_id = c.order_id AND r.sku = c.sku
%JOINS%
WHERE c.workspace_id = $1 AND c.returned_at < ${AFTER_AS_OF} AND c.returned_at > ${SINCE} AND c.quantity > 0 AND ${where}`;

function fill(sql: string, parts: Record<string, string>): string {
  return sql.replace(/%([A-Z_]+)%/g, (_, k: string) => parts[k] ?? '');
}

/**
 * Rule 4 — returned with a disposition Amazon is responsible for (DAMAGED, CARRIER_DAMAGED), not reimbursed
 * (no reimbursement for the order and SKU, and the return's status does not say Reimbursed) once Amazon's own
 * payment time has passed. The window counts from the refund.
 */
export const RETURN_DAMAGED: ReconRule = {
  id: 'return-damaged',
  title: 'Return damaged, Amazon responsible',
  kinds: ['customer_return_damaged'],
  description: 'A customer return graded DAMAGED or CARRIER_DAMAGED (Amazon takes ownership) that was never reimbursed.',
  sql: fill(RETURNS(`upper(c.detailed_disposition) IN ('DAMAGED', 'CARRIER_DAMAGED')
    AND coalesce(c.status, '') NOT ILIKE '%reimburs%' AND coalesce(r.units, 0) <= 0 AND coalesce(r.amount, 0) <= 0
    AND c.returned_at < (${AS_OF} - ${setting('returnDamagedWaitDays')} + 1)::timestamptz`), { KIND: `'customer_return_damaged'` }),
};

/** Return reasons that say the unit arrived damaged or does not work (amazon-domain.md §2.2). */
export const DAMAGE_REASONS = ['DAMAGED_BY_CARRIER', 'DAMAGED_BY_FC', 'DEFECTIVE', 'ITEM_DEFECTIVE', 'QUALITY_UNACCEPTABLE', 'MISSING_PARTS', 'NOT_AS_DESCRIBED'] as const;

/** Words in a buyer's return comment or message that say damaged or defective (domain/damage-words.ts), as a SQL literal. */
const DAMAGE_WORDS = DAMAGE_SQL_PATTERN.replace(/'/g, "''");

/**
 * Rule 5 — returned and graded SELLABLE although the buyer said it was damaged or defective: by the return
 * reason, the return comment, or a message in the order's support ticket (classified damaged_defective). The
 * unit is back in sellable stock and the next buyer may get it: flag for inspection or removal, and claim it.
 * The linked conversation is part of the evidence.
 */
export const RETURN_SELLABLE_DAMAGED: ReconRule = {
  id: 'return-sellable-damaged',
  title: 'Returned damaged, graded sellable',
  kinds: ['return_sellable_inspection'],
  description: 'A return graded SELLABLE although the buyer reported it damaged or defective (return reason, comment or a support message).',
  sql: fill(RETURNS(`upper(c.detailed_disposition) = 'SELLABLE'
    AND (upper(coalesce(c.reason, '')) IN (${DAMAGE_REASONS.map((r) => `'${r}'`).join(', ')})
         OR c.customer_comments ~* '${DAMAGE_WORDS}' OR conv.ticket_id IS NOT NULL)`), {
    KIND: `'return_sellable_inspection'`,
    EXTRA_FACTS: `'ticketId', conv.ticket_id, 'messageId', conv.message_id, 'buyerWords', conv.excerpt,`,
    EXTRA_EVIDENCE: `|| CASE WHEN conv.ticket_id IS NOT NULL THEN jsonb_build_array(jsonb_build_object('table', 'messages', 'id', conv.message_id, 'ticketId', conv.ticket_id, 'label', 'Buyer message: "' || conv.excerpt || '"')) ELSE '[]'::jsonb END`,
    // One pass over the Amazon orders' support messages: per order, the buyer message that best says damaged.
    JOINS: `LEFT JOIN (
      SELECT DISTINCT ON (o.external_id) o.external_id AS order_id, t.id AS ticket_id, msg.id AS message_id,
             left(regexp_replace(msg.body_text, '\\s+', ' ', 'g'), 240) AS excerpt
      FROM orders o JOIN tickets t ON t.workspace_id = o.workspace_id AND t.order_id = o.id
      JOIN messages msg ON msg.ticket_id = t.id AND msg.direction = 'inbound'
      WHERE o.workspace_id = $1 AND o.channel = 'amazon'
        AND ('damaged_defective' = ANY(t.intents) OR msg.body_text ~* '${DAMAGE_WORDS}')
      ORDER BY o.external_id, (msg.body_text ~* '${DAMAGE_WORDS}') DESC, msg.sent_at
    ) conv ON conv.order_id = c.order_id`,
  }),
};
