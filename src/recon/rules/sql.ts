// SQL fragments the rules share. Parameters: $1 workspace id, $2 as-of day, $3 settings JSON.

/** A setting from $3 as an integer. */
export const setting = (name: string): string => `($3::jsonb->>'${name}')::int`;

/** The as-of day and the first instant after it. */
export const AS_OF = '$2::date';
export const AFTER_AS_OF = '($2::date + 1)::timestamptz';

/** Rows older than the longest claim window are not looked at. */
export const SINCE = `($2::date - ${setting('lookbackDays')})`;

/** An evidence reference to a report row (see types.ts EvidenceRef), as a jsonb expression. */
export function evidence(alias: string, table: string, label: string): string {
  return `jsonb_build_object('table', '${table}', 'id', ${alias}.id, 'line', ${alias}.source_line, 'importId', ${alias}.source_import_id, 'label', ${label})`;
}

/** Units a reimbursement row covers (cash + replacement), signed (negative on reversals). */
export const REIMBURSED_UNITS = `coalesce(r.quantity_total, coalesce(r.quantity_cash, 0) + coalesce(r.quantity_inventory, 0))`;

/**
 * Per (account, order, SKU): the sale price and referral fee per unit, the refund's first day and refunded
 * units, from settlement lines, with the All Orders report as the fallback for the price (fee then estimated
 * at settings.referralFeeBps). Columns: account_id, order_id, sku, currency, fulfilment ('AFN' | 'MFN' | null),
 * sale_unit_minor, fee_unit_minor, fee_source, refunded_at, refunded_units, ordered_units, order_pk (a settlement or
 * order line row id for evidence), order_table, order_line, order_import.
 */
export const ORDER_MONEY = `
settled AS MATERIALIZED (
  SELECT account_id, order_id, sku, max(currency) AS currency, max(fulfillment_id) AS fulfilment,
         sum(amount_minor) FILTER (WHERE transaction_type = 'Order' AND amount_type = 'ItemPrice' AND amount_description = 'Principal') AS principal,
         sum(quantity_purchased) FILTER (WHERE transaction_type = 'Order' AND amount_type = 'ItemPrice' AND amount_description = 'Principal') AS sold_units,
         sum(amount_minor) FILTER (WHERE transaction_type = 'Order' AND amount_type = 'ItemFees' AND amount_description = 'Commission') AS commission,
         min(posted_at) FILTER (WHERE transaction_type = 'Refund') AS refunded_at,
         sum(amount_minor) FILTER (WHERE transaction_type = 'Refund' AND amount_type = 'ItemPrice' AND amount_description = 'Principal') AS refunded_principal,
         min(id) FILTER (WHERE transaction_type = 'Refund') AS refund_pk,
         min(id) FILTER (WHERE transaction_type = 'Order') AS order_pk
  FROM settlement_lines
  WHERE workspace_id = $1 AND order_id IS NOT NULL AND sku IS NOT NULL AND coalesce(posted_at, '-infinity') < ${AFTER_AS_OF}
  GROUP BY 1, 2, 3
),
listed AS MATERIALIZED (
  SELECT account_id, amazon_order_id AS order_id, sku, max(currency) AS currency, max(fulfillment_channel) AS channel,
         sum(item_price_minor) AS price, sum(quantity) AS units, min(id) AS line_pk
  FROM amazon_order_lines WHERE workspace_id = $1
  GROUP BY 1, 2, 3
),
order_money AS MATERIALIZED (
  SELECT coalesce(s.account_id, l.account_id) AS account_id, coalesce(s.order_id, l.order_id) AS order_id, coalesce(s.sku, l.sku) AS sku,
         coalesce(s.currency, l.currency) AS currency,
         CASE WHEN s.fulfilment IS NOT NULL THEN s.fulfilment WHEN l.channel = 'Amazon' THEN 'AFN' WHEN l.channel = 'Merchant' THEN 'MFN' END AS fulfilment,
         CASE WHEN s.principal IS NOT NULL AND s.sold_units > 0 THEN round(s.principal::numeric / s.sold_units)
              WHEN l.units > 0 THEN round(l.price::numeric / l.units) END::bigint AS sale_unit_minor,
         CASE WHEN s.commission IS NOT NULL AND s.sold_units > 0 THEN round(-s.commission::numeric / s.sold_units)
              WHEN l.units > 0 THEN round(l.price::numeric / l.units * ${setting('referralFeeBps')} / 10000) END::bigint AS fee_unit_minor,
         CASE WHEN s.commission IS NOT NULL AND s.sold_units > 0 THEN 'settlement' WHEN l.units > 0 THEN 'estimate' END AS fee_source,
         s.refunded_at, s.refunded_principal, s.refund_pk, s.order_pk, l.line_pk,
         coalesce(s.sold_units, l.units) AS ordered_units
  FROM settled s FULL JOIN listed l ON l.account_id = s.account_id AND l.order_id = s.order_id AND l.sku = s.sku
)`;
