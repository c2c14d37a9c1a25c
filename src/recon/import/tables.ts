// The raw report tables (migrations/0004_recon.sql) as the importer writes them: columns with the types
// json_to_recordset needs, the natural key each row is stored once under, and what a later import may change.
//
// Natural keys: Amazon's own ids where a row has one (removal order + SKU + disposition, shipment + SKU,
// settlement id, order id + SKU + line); otherwise `row_hash` — a hash of the row's identifying values after
// parsing (so `05/26/2021` and `2021-05-26` hash alike) — plus `occurrence`, the n-th row with that hash in the
// file (two identical ledger lines on one day are two events; the same day in an overlapping download holds
// the same two lines, so they are found again, not added).
//
// Conflicts: a row already stored is left alone, except where a later download carries newer facts about the
// same row, and then only in the direction time moves: ledger reconciled quantities only grow (unreconciled
// only shrink), an inbound shipment's received quantity only grows and its status only advances, removal
// orders and order lines take the values with the newer last-updated date. Return statuses, FBM returns,
// the seller's receiving log and supplier costs take the latest import's values (the files carry no date).

import type { ColumnTypes } from '../../platform/db/insert-rows.ts';

export interface TableSpec {
  readonly name: string;
  /** Data columns (workspace, account, source and key columns are added by the importer). */
  readonly columns: ColumnTypes;
  /** Rows belong to an Amazon account (account_id NOT NULL and part of the key). */
  readonly accountScoped: boolean;
  /** Columns whose normalised values make `row_hash`. */
  readonly hash?: readonly string[];
  /** A per-file counter column: the n-th row of the file with the same values in `of`. */
  readonly occurrence?: { readonly column: string; readonly of: readonly string[] };
  /** Unique key after (workspace_id[, account_id]). */
  readonly key: readonly string[];
  readonly update?: { readonly set: string; readonly where: string };
  /**
   * Several rows of one file may share the key: `file` keeps the first of the file (a shipment repeated on
   * each of its item rows, a settlement's summary), `batch` the last of a batch (an upsert may touch a row
   * once per statement).
   */
  readonly dedupe?: 'file' | 'batch';
}

const T = 'text', I = 'integer', B = 'bigint', TS = 'timestamptz', D = 'date', BOOL = 'boolean';

const SOURCE = 'source_import_id = excluded.source_import_id, source_line = excluded.source_line';

/** The latest import's values of `cols` win when they differ. */
function latestWins(cols: readonly string[]): { set: string; where: string } {
  return {
    set: `${cols.map((c) => `${c} = excluded.${c}`).join(', ')}, extra = excluded.extra, ${SOURCE}`,
    where: `(${cols.map((c) => `t.${c}`).join(', ')}, t.extra) IS DISTINCT FROM (${cols.map((c) => `excluded.${c}`).join(', ')}, excluded.extra)`,
  };
}

/** The values with the newer last_updated_at win. */
function newerWins(cols: readonly string[]): { set: string; where: string } {
  return {
    set: `${cols.map((c) => `${c} = excluded.${c}`).join(', ')}, extra = excluded.extra, ${SOURCE}`,
    where: `coalesce(excluded.last_updated_at, '-infinity') > coalesce(t.last_updated_at, '-infinity')`,
  };
}

const HASHED = { column: 'occurrence', of: ['row_hash'] } as const;

const RETURNS_COLS = { returned_at: TS, order_id: T, sku: T, asin: T, fnsku: T, product_name: T, quantity: I, fulfillment_center_id: T, detailed_disposition: T, reason: T, status: T, license_plate_number: T, customer_comments: T };
const REIMB_COLS = { approved_at: TS, reimbursement_id: T, case_id: T, amazon_order_id: T, reason: T, sku: T, fnsku: T, asin: T, product_name: T, condition: T, currency: T, amount_per_unit_minor: B, amount_total_minor: B, quantity_cash: I, quantity_inventory: I, quantity_total: I, original_reimbursement_id: T, original_reimbursement_type: T };
const LEDGER_COLS = { event_date: D, event_at: TS, fnsku: T, asin: T, msku: T, title: T, event_type: T, reference_id: T, quantity: I, fulfillment_center: T, disposition: T, reason: T, country: T, reconciled_quantity: I, unreconciled_quantity: I };
const SUMMARY_INTS = ['starting_warehouse_balance', 'in_transit_between_warehouses', 'receipts', 'customer_shipments', 'customer_returns', 'vendor_returns', 'warehouse_transfer_in_out', 'found', 'lost', 'damaged', 'disposed', 'other_events', 'ending_warehouse_balance', 'unknown_events'];
const SUMMARY_COLS = { period: T, period_start: D, period_kind: T, fnsku: T, asin: T, msku: T, title: T, disposition: T, ...Object.fromEntries(SUMMARY_INTS.map((c) => [c, I])), location: T, store: T };
const REMOVAL_COLS = { requested_at: TS, order_id: T, order_type: T, service_speed: T, order_status: T, last_updated_at: TS, sku: T, fnsku: T, disposition: T, requested_quantity: I, cancelled_quantity: I, disposed_quantity: I, shipped_quantity: I, in_process_quantity: I, removal_fee_minor: B, currency: T };
const REMOVAL_SHIP_COLS = { requested_at: TS, order_id: T, shipped_at: TS, sku: T, fnsku: T, disposition: T, shipped_quantity: I, carrier: T, tracking_number: T, removal_order_type: T };
const ORDER_MONEY = ['item_price_minor', 'item_tax_minor', 'shipping_price_minor', 'shipping_tax_minor', 'gift_wrap_price_minor', 'gift_wrap_tax_minor', 'item_promotion_discount_minor', 'ship_promotion_discount_minor'];
const ORDER_COLS = {
  amazon_order_id: T, merchant_order_id: T, purchased_at: TS, last_updated_at: TS, order_status: T, fulfillment_channel: T, sales_channel: T, order_channel: T, ship_service_level: T, product_name: T, sku: T, asin: T, item_status: T, quantity: I, currency: T,
  ...Object.fromEntries(ORDER_MONEY.map((c) => [c, B])), ship_city: T, ship_state: T, ship_postal_code: T, ship_country: T, promotion_ids: T, is_business_order: BOOL, purchase_order_number: T, price_designation: T, is_replacement_order: BOOL,
};
const SETTLEMENT_LINE_COLS = { settlement_id: T, layout: T, transaction_type: T, order_id: T, merchant_order_id: T, adjustment_id: T, shipment_id: T, marketplace_name: T, amount_type: T, amount_description: T, amount_minor: B, currency: T, fulfillment_id: T, posted_at: TS, order_item_code: T, merchant_order_item_id: T, merchant_adjustment_item_id: T, sku: T, quantity_purchased: I, promotion_id: T };
const FBM_IDENTITY = ['order_id', 'ordered_at', 'requested_at', 'amazon_rma_id', 'asin', 'sku', 'quantity'];
const FBM_COLS = { order_id: T, ordered_at: TS, requested_at: TS, status: T, amazon_rma_id: T, merchant_rma_id: T, label_type: T, label_cost_minor: B, currency: T, return_carrier: T, tracking_id: T, label_paid_by: T, a_to_z_claim: BOOL, is_prime: BOOL, asin: T, sku: T, item_name: T, quantity: I, return_reason: T, in_policy: BOOL, return_type: T, resolution: T, invoice_number: T, delivered_at: TS, order_amount_minor: B, order_quantity: I, safet_action_reason: T, safet_claim_id: T, safet_claim_state: T, safet_claim_created_at: TS, safet_reimbursement_minor: B, refunded_amount_minor: B };
const without = (cols: Record<string, string>, drop: readonly string[]) => Object.keys(cols).filter((c) => !drop.includes(c));

export const TABLES: Readonly<Record<string, TableSpec>> = {
  fba_customer_returns: {
    name: 'fba_customer_returns', columns: RETURNS_COLS, accountScoped: true, occurrence: HASHED, key: ['row_hash', 'occurrence'],
    hash: without(RETURNS_COLS, ['product_name', 'status', 'customer_comments']), update: latestWins(['status', 'customer_comments']),
  },
  fba_reimbursements: {
    name: 'fba_reimbursements', columns: REIMB_COLS, accountScoped: true, occurrence: HASHED, key: ['row_hash', 'occurrence'],
    hash: without(REIMB_COLS, ['product_name']),
  },
  inventory_ledger_events: {
    name: 'inventory_ledger_events', columns: LEDGER_COLS, accountScoped: true, occurrence: HASHED, key: ['row_hash', 'occurrence'],
    hash: without(LEDGER_COLS, ['event_at', 'title', 'reconciled_quantity', 'unreconciled_quantity']),
    update: {
      set: `reconciled_quantity = GREATEST(t.reconciled_quantity, excluded.reconciled_quantity), unreconciled_quantity = LEAST(t.unreconciled_quantity, excluded.unreconciled_quantity), ${SOURCE}`,
      where: 'coalesce(excluded.reconciled_quantity, 0) > coalesce(t.reconciled_quantity, 0) OR excluded.unreconciled_quantity < t.unreconciled_quantity',
    },
  },
  inventory_ledger_summary: {
    name: 'inventory_ledger_summary', columns: SUMMARY_COLS, accountScoped: true,
    key: ['period_start', 'period_kind', 'fnsku', 'msku', 'disposition', 'location', 'store'],
  },
  inbound_shipments: {
    name: 'inbound_shipments', columns: { shipment_id: T, shipment_name: T, destination_fc: T, status: T, status_rank: 'smallint', label_prep_type: T, box_contents_source: T },
    accountScoped: true, key: ['shipment_id'], dedupe: 'file',
    update: {
      set: `status = CASE WHEN excluded.status_rank > t.status_rank THEN excluded.status ELSE t.status END, status_rank = GREATEST(t.status_rank, excluded.status_rank),
        shipment_name = coalesce(t.shipment_name, excluded.shipment_name), destination_fc = coalesce(t.destination_fc, excluded.destination_fc),
        label_prep_type = coalesce(excluded.label_prep_type, t.label_prep_type), box_contents_source = coalesce(excluded.box_contents_source, t.box_contents_source), ${SOURCE}`,
      where: `excluded.status_rank > t.status_rank OR (t.shipment_name IS NULL AND excluded.shipment_name IS NOT NULL) OR (t.destination_fc IS NULL AND excluded.destination_fc IS NOT NULL)
        OR (t.label_prep_type IS NULL AND excluded.label_prep_type IS NOT NULL)`,
    },
  },
  inbound_shipment_items: {
    name: 'inbound_shipment_items', columns: { shipment_id: T, sku: T, fnsku: T, quantity_shipped: I, quantity_received: I, quantity_in_case: I, release_date: D },
    accountScoped: true, key: ['shipment_id', 'sku'], dedupe: 'batch',
    update: {
      set: `quantity_received = GREATEST(t.quantity_received, excluded.quantity_received), quantity_shipped = excluded.quantity_shipped,
        fnsku = coalesce(excluded.fnsku, t.fnsku), quantity_in_case = coalesce(excluded.quantity_in_case, t.quantity_in_case), release_date = coalesce(excluded.release_date, t.release_date), ${SOURCE}`,
      where: 'coalesce(excluded.quantity_received, -1) > coalesce(t.quantity_received, -1) OR excluded.quantity_shipped <> t.quantity_shipped OR (t.fnsku IS NULL AND excluded.fnsku IS NOT NULL)',
    },
  },
  removal_orders: {
    name: 'removal_orders', columns: REMOVAL_COLS, accountScoped: true, key: ['order_id', 'sku', 'fnsku', 'disposition'], dedupe: 'batch',
    update: newerWins(without(REMOVAL_COLS, ['order_id', 'sku', 'fnsku', 'disposition'])),
  },
  removal_shipments: {
    name: 'removal_shipments', columns: REMOVAL_SHIP_COLS, accountScoped: true, occurrence: HASHED, key: ['row_hash', 'occurrence'],
    hash: Object.keys(REMOVAL_SHIP_COLS),
  },
  removal_receipts: {
    name: 'removal_receipts', columns: { account_label: T, removal_order_id: T, carrier: T, tracking_number: T, sku: T, fnsku: T, expected_quantity: I, received_quantity: I, received_date: D, status: T },
    accountScoped: false, occurrence: HASHED, key: ['row_hash', 'occurrence'],
    hash: ['account_label', 'removal_order_id', 'carrier', 'tracking_number', 'sku', 'fnsku', 'expected_quantity'],
    update: latestWins(['received_quantity', 'received_date', 'status']),
  },
  amazon_order_lines: {
    name: 'amazon_order_lines', columns: ORDER_COLS, accountScoped: true, occurrence: { column: 'line_no', of: ['amazon_order_id', 'sku'] },
    key: ['amazon_order_id', 'sku', 'line_no'], update: newerWins(without(ORDER_COLS, ['amazon_order_id', 'sku'])),
  },
  settlements: {
    name: 'settlements', columns: { settlement_id: T, start_at: TS, end_at: TS, deposit_at: TS, total_minor: B, currency: T },
    accountScoped: true, key: ['settlement_id'], dedupe: 'file',
  },
  settlement_lines: {
    name: 'settlement_lines', columns: SETTLEMENT_LINE_COLS, accountScoped: true, occurrence: HASHED, key: ['settlement_id', 'row_hash', 'occurrence'],
    hash: Object.keys(SETTLEMENT_LINE_COLS),
  },
  fbm_returns: {
    name: 'fbm_returns', columns: FBM_COLS, accountScoped: true, occurrence: HASHED, key: ['row_hash', 'occurrence'],
    hash: FBM_IDENTITY, update: latestWins(without(FBM_COLS, FBM_IDENTITY)),
  },
  supplier_costs: {
    name: 'supplier_costs', columns: { sku: T, unit_cost_minor: B, currency: T, effective_from: D, supplier: T },
    accountScoped: false, key: ['sku', 'currency', 'effective_from'], dedupe: 'batch', update: latestWins(['unit_cost_minor', 'supplier']),
  },
  supplier_invoices: {
    name: 'supplier_invoices',
    columns: { supplier: T, invoice_number: T, invoice_date: D, sku: T, fnsku: T, asin: T, description: T, quantity: I, unit_cost_minor: B, line_total_minor: B, currency: T, document_sha256: T, document_name: T },
    accountScoped: false, occurrence: HASHED, key: ['row_hash', 'occurrence'],
    hash: ['supplier', 'invoice_number', 'invoice_date', 'sku', 'quantity', 'unit_cost_minor', 'line_total_minor', 'currency'],
    update: {
      set: `document_sha256 = excluded.document_sha256, document_name = excluded.document_name, ${SOURCE}`,
      where: 'excluded.document_sha256 IS NOT NULL AND t.document_sha256 IS DISTINCT FROM excluded.document_sha256',
    },
  },
};
