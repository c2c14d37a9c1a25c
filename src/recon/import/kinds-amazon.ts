// Amazon's flat-file reports (amazon-domain.md §1), column by column. Header names are normalised
// (headers.ts); aliases cover the spellings seen across the SP-API output, Seller Central downloads and
// help pages (order-id / amazon-order-id, EventType / Event Type, …).

import {
  bool, currency, day, int, money, period, req, text, timestamp,
  type Emitted, type FieldSpec, type LayoutSpec, type Values,
} from './spec.ts';

const sku = (...extra: string[]) => text('sku', ['sku', 'msku', 'sellersku', 'merchantsku', ...extra]);

export const FBA_RETURNS: LayoutSpec = {
  kind: 'amazon-returns', layout: 'flat', label: 'FBA customer returns', table: 'fba_customer_returns',
  reportTypes: ['GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA'],
  signature: ['returned_at', 'order_id', 'quantity', 'detailed_disposition'],
  fields: [
    req(timestamp('returned_at', ['returndate'])), text('order_id', ['orderid', 'amazonorderid']), sku(), text('asin'),
    text('fnsku'), text('product_name', ['productname', 'title', 'itemname']), req(int('quantity')),
    text('fulfillment_center_id', ['fulfillmentcenterid', 'fulfillmentcenter']),
    text('detailed_disposition', ['detaileddisposition', 'disposition']), text('reason', ['reason', 'returnreason']),
    text('status'), text('license_plate_number', ['licenseplatenumber', 'lpn']),
    text('customer_comments', ['customercomments', 'customercomment']),
  ],
};

export const FBA_REIMBURSEMENTS: LayoutSpec = {
  kind: 'amazon-reimbursements', layout: 'flat', label: 'FBA reimbursements', table: 'fba_reimbursements',
  reportTypes: ['GET_FBA_REIMBURSEMENTS_DATA'],
  signature: ['approved_at', 'reimbursement_id', 'amount_total_minor'],
  fields: [
    req(timestamp('approved_at', ['approvaldate'])), req(text('reimbursement_id')), text('case_id'),
    text('amazon_order_id', ['amazonorderid', 'orderid']), text('reason'), sku(), text('fnsku'), text('asin'),
    text('product_name', ['productname', 'title']), text('condition'), currency('currency', ['currencyunit', 'currency']),
    money('amount_per_unit_minor', ['amountperunit']), req(money('amount_total_minor', ['amounttotal'])),
    int('quantity_cash', ['quantityreimbursedcash']), int('quantity_inventory', ['quantityreimbursedinventory']),
    int('quantity_total', ['quantityreimbursedtotal']), text('original_reimbursement_id'), text('original_reimbursement_type'),
  ],
};

export const LEDGER_DETAIL: LayoutSpec = {
  kind: 'amazon-ledger', layout: 'flat', label: 'Inventory Ledger detail', table: 'inventory_ledger_events',
  reportTypes: ['GET_LEDGER_DETAIL_VIEW_DATA'], monthFirstDates: true,
  signature: ['event_date', 'event_type', 'quantity', 'fnsku'],
  fields: [
    req(day('event_date', ['date'])), timestamp('event_at', ['dateandtime']), text('fnsku'), text('asin'),
    text('msku', ['msku', 'sku', 'merchantsku']), text('title', ['title', 'productname']), req(text('event_type', ['eventtype'])),
    text('reference_id', ['referenceid']), req(int('quantity')),
    text('fulfillment_center', ['fulfillmentcenter', 'fulfillmentcenterid']), text('disposition'), text('reason'),
    text('country'), int('reconciled_quantity'), int('unreconciled_quantity'),
  ],
};

export const LEDGER_SUMMARY: LayoutSpec = {
  kind: 'amazon-ledger-summary', layout: 'flat', label: 'Inventory Ledger summary', table: 'inventory_ledger_summary',
  reportTypes: ['GET_LEDGER_SUMMARY_VIEW_DATA'], monthFirstDates: true,
  signature: ['period', 'fnsku', 'starting_warehouse_balance', 'ending_warehouse_balance'],
  fields: [
    req(period('period', ['date'])), text('fnsku'), text('asin'), text('msku', ['msku', 'sku']), text('title'), text('disposition'),
    ...['starting_warehouse_balance', 'in_transit_between_warehouses', 'receipts', 'customer_shipments', 'customer_returns',
      'vendor_returns', 'warehouse_transfer_in_out', 'found', 'lost', 'damaged', 'disposed', 'other_events',
      'ending_warehouse_balance', 'unknown_events'].map((k) => int(k)),
    text('location'), text('store'),
  ],
};

// Inbound shipment status, in the order a shipment moves through it (§1.5): a later import never moves
// a shipment back to an earlier status.
const STATUS_RANK: Readonly<Record<string, number>> = {
  WORKING: 1, READY_TO_SHIP: 2, SHIPPED: 3, IN_TRANSIT: 4, DELIVERED: 5, CHECKED_IN: 6, RECEIVING: 7, CLOSED: 8,
  CANCELLED: 9, DELETED: 9, ERROR: 9,
};

export const statusRank = (status: unknown): number => STATUS_RANK[String(status ?? '').toUpperCase()] ?? 0;

const shipmentFields: readonly FieldSpec[] = [
  req(text('shipment_id', ['shipmentid'])), text('shipment_name', ['shipmentname']),
  text('destination_fc', ['destinationfulfillmentcenterid', 'destinationfc', 'shipto']),
  text('status', ['shipmentstatus', 'status']), text('label_prep_type'), text('box_contents_source'),
];

/** The shipment part of a row (the importer keeps the first of a file per shipment). */
export function shipmentRow(v: Values): Emitted[] {
  if (v.shipment_name == null && v.destination_fc == null && v.status == null) return [];
  return [{
    table: 'inbound_shipments',
    row: {
      shipment_id: v.shipment_id ?? null, shipment_name: v.shipment_name ?? null, destination_fc: v.destination_fc ?? null,
      status: v.status ?? null, status_rank: statusRank(v.status), label_prep_type: v.label_prep_type ?? null,
      box_contents_source: v.box_contents_source ?? null,
    },
  }];
}

export const INBOUND_ITEMS: LayoutSpec = {
  kind: 'amazon-inbound', layout: 'items', label: 'FBA inbound shipment items',
  reportTypes: ['Fulfillment Inbound v0 getShipmentItems (its JSON payload, or a flat file with its column names and the shipment\'s status)'],
  signature: ['shipment_id', 'sku', 'quantity_shipped'], excludes: ['amazonorderid', 'shipmentitemid'],
  fields: [
    ...shipmentFields, req(text('sku', ['sellersku', 'msku', 'merchantsku', 'sku'])),
    text('fnsku', ['fulfillmentnetworksku', 'fnsku']),
    req(int('quantity_shipped', ['quantityshipped', 'unitsshipped', 'shipped'])),
    int('quantity_received', ['quantityreceived', 'unitsreceived', 'received']),
    int('quantity_in_case', ['quantityincase', 'unitspercase']), day('release_date', ['releasedate']),
  ],
  transform: (v) => [
    ...shipmentRow(v),
    { table: 'inbound_shipment_items', row: { shipment_id: v.shipment_id ?? null, sku: v.sku ?? null, fnsku: v.fnsku ?? null, quantity_shipped: v.quantity_shipped ?? null, quantity_received: v.quantity_received ?? null, quantity_in_case: v.quantity_in_case ?? null, release_date: v.release_date ?? null } },
  ],
};

export const INBOUND_SHIPMENTS: LayoutSpec = {
  kind: 'amazon-inbound', layout: 'shipments', label: 'FBA inbound shipments',
  reportTypes: ['Fulfillment Inbound v0 getShipments (its JSON payload, or a flat file with its column names)'],
  signature: ['shipment_id', 'status'], excludes: ['amazonorderid', 'sellersku', 'msku', 'sku', 'quantityshipped'],
  fields: shipmentFields,
  transform: (v) => shipmentRow(v),
};

export const REMOVAL_ORDERS: LayoutSpec = {
  kind: 'amazon-removals', layout: 'flat', label: 'FBA removal order detail', table: 'removal_orders',
  reportTypes: ['GET_FBA_FULFILLMENT_REMOVAL_ORDER_DETAIL_DATA'],
  signature: ['requested_at', 'order_id', 'requested_quantity'],
  fields: [
    req(timestamp('requested_at', ['requestdate'])), req(text('order_id', ['orderid', 'removalorderid'])),
    text('order_type', ['ordertype', 'removalordertype']), text('service_speed'), text('order_status'),
    timestamp('last_updated_at', ['lastupdateddate']), sku(), text('fnsku'), text('disposition'),
    int('requested_quantity'), int('cancelled_quantity'), int('disposed_quantity'), int('shipped_quantity'),
    int('in_process_quantity'), money('removal_fee_minor', ['removalfee']), currency('currency'),
  ],
};

export const REMOVAL_SHIPMENTS: LayoutSpec = {
  kind: 'amazon-removal-shipments', layout: 'flat', label: 'FBA removal shipment detail', table: 'removal_shipments',
  reportTypes: ['GET_FBA_FULFILLMENT_REMOVAL_SHIPMENT_DETAIL_DATA'],
  signature: ['order_id', 'shipped_at', 'shipped_quantity'], excludes: ['requestedquantity'],
  fields: [
    timestamp('requested_at', ['requestdate']), req(text('order_id', ['orderid', 'removalorderid'])),
    timestamp('shipped_at', ['shipmentdate']), sku(), text('fnsku'), text('disposition'),
    req(int('shipped_quantity', ['shippedquantity', 'quantityshipped'])), text('carrier'),
    text('tracking_number', ['trackingnumber', 'trackingid']), text('removal_order_type', ['removalordertype', 'ordertype']),
  ],
};

export const ALL_ORDERS: LayoutSpec = {
  kind: 'amazon-orders', layout: 'flat', label: 'All Orders', table: 'amazon_order_lines',
  reportTypes: ['GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL', 'GET_FLAT_FILE_ALL_ORDERS_DATA_BY_LAST_UPDATE_GENERAL', 'GET_FLAT_FILE_ARCHIVED_ORDERS_DATA_BY_ORDER_DATE'],
  signature: ['amazon_order_id', 'purchased_at', 'order_status', 'sku', 'quantity'],
  fields: [
    req(text('amazon_order_id', ['amazonorderid', 'orderid'])), text('merchant_order_id'),
    req(timestamp('purchased_at', ['purchasedate'])), timestamp('last_updated_at', ['lastupdateddate']), text('order_status'),
    text('fulfillment_channel'), text('sales_channel'), text('order_channel'), text('ship_service_level'), text('product_name'),
    req(text('sku')), text('asin'), text('item_status'), req(int('quantity')), currency('currency'),
    ...['item_price', 'item_tax', 'shipping_price', 'shipping_tax', 'gift_wrap_price', 'gift_wrap_tax', 'item_promotion_discount', 'ship_promotion_discount']
      .map((k) => money(`${k}_minor`)),
    text('ship_city'), text('ship_state'), text('ship_postal_code'), text('ship_country'), text('promotion_ids'),
    bool('is_business_order'), text('purchase_order_number'), text('price_designation'), bool('is_replacement_order'),
  ],
};

export const FBM_RETURNS: LayoutSpec = {
  kind: 'amazon-fbm-returns', layout: 'flat', label: 'FBM (seller-fulfilled) returns', table: 'fbm_returns',
  reportTypes: ['GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE'],
  signature: ['order_id', 'requested_at', 'amazon_rma_id', 'quantity'],
  fields: [
    req(text('order_id', ['orderid'])), timestamp('ordered_at', ['orderdate']), timestamp('requested_at', ['returnrequestdate']),
    text('status', ['returnrequeststatus']), text('amazon_rma_id', ['amazonrmaid']), text('merchant_rma_id', ['merchantrmaid']),
    text('label_type'), money('label_cost_minor', ['labelcost']), currency('currency', ['currencycode', 'currency']),
    text('return_carrier'), text('tracking_id', ['trackingid']), text('label_paid_by', ['labeltobepaidby']),
    bool('a_to_z_claim', ['atozclaim']), bool('is_prime'), text('asin'), text('sku', ['merchantsku', 'sku']),
    text('item_name', ['itemname', 'productname']), int('quantity', ['returnquantity']), text('return_reason'),
    bool('in_policy'), text('return_type'), text('resolution'), text('invoice_number'),
    timestamp('delivered_at', ['returndeliverydate']), money('order_amount_minor', ['orderamount']), int('order_quantity'),
    text('safet_action_reason'), text('safet_claim_id'), text('safet_claim_state'),
    timestamp('safet_claim_created_at', ['safetclaimcreationtime']),
    money('safet_reimbursement_minor', ['safetclaimreimbursementamount']), money('refunded_amount_minor', ['refundedamount']),
  ],
};

// Reports we recognise but do not import: named in the error, so a seller knows what the file is.
export const NOT_IMPORTED: readonly LayoutSpec[] = [
  {
    kind: null, layout: 'flat', label: 'Amazon Fulfilled Shipments', reportTypes: ['GET_AMAZON_FULFILLED_SHIPMENTS_DATA_GENERAL'],
    signature: ['amazon_order_id', 'shipment_item_id', 'quantity_shipped'],
    fields: [text('amazon_order_id', ['amazonorderid']), text('shipment_item_id'), text('quantity_shipped'), text('shipment_id'), text('shipment_date'), text('sku'), text('tracking_number'), text('fulfillment_center_id')],
    notImported: 'its orders come from the All Orders report (amazon-orders) and the recovery rules do not need the per-shipment view',
  },
  {
    kind: null, layout: 'flat', label: 'FBA Manage Inventory (unsuppressed)', reportTypes: ['GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA'],
    signature: ['sku', 'fnsku', 'afn_fulfillable_quantity', 'afn_total_quantity'],
    fields: [text('sku'), text('fnsku'), text('asin'), text('afn_fulfillable_quantity'), text('afn_total_quantity'), text('afn_warehouse_quantity'), text('afn_reserved_quantity')],
    notImported: 'it is a snapshot of stock levels; import the Inventory Ledger (amazon-ledger) for the events behind them',
  },
  {
    kind: null, layout: 'flat', label: 'Active/Open Listings', reportTypes: ['GET_MERCHANT_LISTINGS_DATA', 'GET_FLAT_FILE_OPEN_LISTINGS_DATA'],
    signature: ['sku', 'asin', 'price', 'quantity'], excludes: ['amazonorderid', 'orderid', 'unitcost', 'cost'],
    fields: [text('sku'), text('asin'), text('price'), text('quantity')],
    notImported: 'listing prices are not costs: supplier costs are a CSV with sku, unit-cost, currency, effective-from (kind costs)',
  },
];
