// Settlement flat files (amazon-domain.md §1.8), both layouts under one kind:
// - V2 (`…_FLAT_FILE_V2`): one amount per row (amount-type, amount-description, amount);
// - legacy (`…_FLAT_FILE`, the layout of the public fixtures): a row carries up to nine amount families
//   (price, item-related fee, shipment fee, …), each with its own type column.
// Both land as settlement_lines with one amount each, in V2's shape: a legacy row is split into one line per
// non-empty amount (amount_type named after its family, V2 spelling where V2 has one; the row's quantity on
// its first line only, so summing quantities counts each unit once). The first row of a settlement (only
// settlement-level fields filled) becomes the `settlements` row and sets the currency of the rows after it.

import { currency, int, money, req, text, timestamp, type Emitted, type FieldSpec, type FileState, type LayoutSpec, type Values } from './spec.ts';

const common: readonly FieldSpec[] = [
  req(text('settlement_id')), timestamp('start_at', ['settlementstartdate']), timestamp('end_at', ['settlementenddate']),
  timestamp('deposit_at', ['depositdate']), money('total_minor', ['totalamount']), currency('currency'),
  text('transaction_type'), text('order_id'), text('merchant_order_id'), text('adjustment_id'), text('shipment_id'),
  text('marketplace_name'), text('fulfillment_id'), timestamp('posted_date', ['posteddate']),
  timestamp('posted_date_time', ['posteddatetime']), text('order_item_code'), text('merchant_order_item_id'),
  text('merchant_adjustment_item_id'), text('sku'), int('quantity_purchased'), text('promotion_id'),
];

/** Legacy amount families: [amount field, type/description field, amount_type written]. */
const LEGACY_FAMILIES: readonly (readonly [string, string | null, string])[] = [
  ['price_amount', 'price_type', 'ItemPrice'],
  ['item_related_fee_amount', 'item_related_fee_type', 'ItemFees'],
  ['promotion_amount', 'promotion_type', 'Promotion'],
  ['shipment_fee_amount', 'shipment_fee_type', 'ShipmentFees'],
  ['order_fee_amount', 'order_fee_type', 'OrderFees'],
  ['misc_fee_amount', null, 'MiscFees'],
  ['other_fee_amount', 'other_fee_reason_description', 'OtherFees'],
  ['direct_payment_amount', 'direct_payment_type', 'DirectPayment'],
  ['other_amount', null, 'Other'],
];

function summary(v: Values, state: FileState): Emitted[] {
  state.currency = (v.currency as string | null) ?? state.currency;
  return [{
    table: 'settlements',
    row: { settlement_id: v.settlement_id ?? null, start_at: v.start_at ?? null, end_at: v.end_at ?? null, deposit_at: v.deposit_at ?? null, total_minor: v.total_minor ?? null, currency: v.currency ?? null },
  }];
}

const isSummary = (v: Values) => v.transaction_type == null && v.total_minor != null && v.order_id == null && v.adjustment_id == null;

function lineBase(v: Values, layout: string): Values {
  return {
    settlement_id: v.settlement_id ?? null, layout, transaction_type: v.transaction_type ?? null, order_id: v.order_id ?? null,
    merchant_order_id: v.merchant_order_id ?? null, adjustment_id: v.adjustment_id ?? null, shipment_id: v.shipment_id ?? null,
    marketplace_name: v.marketplace_name ?? null, fulfillment_id: v.fulfillment_id ?? null,
    posted_at: v.posted_date_time ?? v.posted_date ?? null, order_item_code: v.order_item_code ?? null,
    merchant_order_item_id: v.merchant_order_item_id ?? null, merchant_adjustment_item_id: v.merchant_adjustment_item_id ?? null,
    sku: v.sku ?? null, promotion_id: v.promotion_id ?? null, currency: v.currency ?? null,
  };
}

const line = (row: Values): Emitted => ({ table: 'settlement_lines', row });

export const SETTLEMENT_V2: LayoutSpec = {
  kind: 'amazon-settlement', layout: 'v2', label: 'Settlement (V2 flat file)',
  reportTypes: ['GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2'],
  signature: ['settlement_id', 'total_minor', 'amount_type', 'amount_minor'],
  fields: [...common, text('amount_type'), text('amount_description'), money('amount_minor', ['amount'])],
  transform(v, state) {
    if (isSummary(v)) return summary(v, state);
    return [line({ ...lineBase(v, 'v2'), amount_type: v.amount_type ?? null, amount_description: v.amount_description ?? null, amount_minor: v.amount_minor ?? null, quantity_purchased: v.quantity_purchased ?? null })];
  },
};

export const SETTLEMENT_LEGACY: LayoutSpec = {
  kind: 'amazon-settlement', layout: 'legacy', label: 'Settlement (flat file)',
  reportTypes: ['GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE'],
  signature: ['settlement_id', 'total_minor', 'price_type', 'price_amount'],
  fields: [
    ...common,
    ...LEGACY_FAMILIES.flatMap(([amount, type]) => [money(amount), ...(type ? [text(type)] : [])]),
  ],
  transform(v, state) {
    if (isSummary(v)) return summary(v, state);
    const base = lineBase(v, 'legacy');
    const lines: Emitted[] = [];
    for (const [amount, type, amountType] of LEGACY_FAMILIES) {
      if (v[amount] == null) continue;
      lines.push(line({ ...base, amount_type: amountType, amount_description: type ? (v[type] ?? null) : null, amount_minor: v[amount] ?? null, quantity_purchased: lines.length === 0 ? (v.quantity_purchased ?? null) : null }));
    }
    if (lines.length === 0) lines.push(line({ ...base, amount_type: null, amount_description: null, amount_minor: null, quantity_purchased: v.quantity_purchased ?? null }));
    return lines;
  },
};
