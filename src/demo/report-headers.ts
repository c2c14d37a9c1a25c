// Column lists of the files written by writeDemoFiles. Amazon reports use Amazon's exact headers
// (amazon-domain.md §1 and shared/fixtures/amazon-reports/report-headers.json); the two files that
// have no Amazon flat file (inbound shipment items, seller removal receipts) document their layout.

export const FBA_CUSTOMER_RETURNS = [
  'return-date', 'order-id', 'sku', 'asin', 'fnsku', 'product-name', 'quantity', 'fulfillment-center-id',
  'detailed-disposition', 'reason', 'status', 'license-plate-number', 'customer-comments',
] as const;

export const FBA_REIMBURSEMENTS = [
  'approval-date', 'reimbursement-id', 'case-id', 'amazon-order-id', 'reason', 'sku', 'fnsku', 'asin',
  'product-name', 'condition', 'currency-unit', 'amount-per-unit', 'amount-total', 'quantity-reimbursed-cash',
  'quantity-reimbursed-inventory', 'quantity-reimbursed-total', 'original-reimbursement-id', 'original-reimbursement-type',
] as const;

export const LEDGER_DETAIL = [
  'Date', 'FNSKU', 'ASIN', 'MSKU', 'Title', 'EventType', 'ReferenceID', 'Quantity', 'FulfillmentCenter',
  'Disposition', 'Reason', 'Country', 'ReconciledQuantity', 'UnreconciledQuantity',
] as const;

export const REMOVAL_ORDER_DETAIL = [
  'request-date', 'order-id', 'order-type', 'service-speed', 'order-status', 'last-updated-date', 'sku', 'fnsku',
  'disposition', 'requested-quantity', 'cancelled-quantity', 'disposed-quantity', 'shipped-quantity',
  'in-process-quantity', 'removal-fee', 'currency',
] as const;

/** amazon-domain.md §1.7 (not in report-headers.json). */
export const REMOVAL_SHIPMENT_DETAIL = [
  'request-date', 'order-id', 'shipment-date', 'sku', 'fnsku', 'disposition', 'shipped-quantity', 'carrier',
  'tracking-number', 'removal-order-type',
] as const;

/** GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL, column list of the SP-API docs (§1.6). */
export const ALL_ORDERS = [
  'amazon-order-id', 'merchant-order-id', 'purchase-date', 'last-updated-date', 'order-status',
  'fulfillment-channel', 'sales-channel', 'order-channel', 'ship-service-level', 'product-name', 'sku', 'asin',
  'item-status', 'quantity', 'currency', 'item-price', 'item-tax', 'shipping-price', 'shipping-tax',
  'gift-wrap-price', 'gift-wrap-tax', 'item-promotion-discount', 'ship-promotion-discount', 'ship-city',
  'ship-state', 'ship-postal-code', 'ship-country', 'promotion-ids', 'cpf', 'is-business-order',
  'purchase-order-number', 'price-designation',
] as const;

/**
 * Inbound shipment items. Amazon has no flat file for these: the rows are the Fulfillment Inbound v0
 * `getShipmentItems` payload (`InboundShipmentItem`: ShipmentId, SellerSKU, FulfillmentNetworkSKU,
 * QuantityShipped, QuantityReceived, QuantityInCase) joined with the shipment's `InboundShipmentInfo`
 * (ShipmentName, DestinationFulfillmentCenterId, ShipmentStatus) as of `now`: one row per SKU of a
 * shipment, tab-separated, PascalCase names as in the API model.
 */
export const INBOUND_SHIPMENT_ITEMS = [
  'ShipmentId', 'ShipmentName', 'DestinationFulfillmentCenterId', 'ShipmentStatus', 'SellerSKU',
  'FulfillmentNetworkSKU', 'QuantityShipped', 'QuantityReceived', 'QuantityInCase',
] as const;

/**
 * The seller's own warehouse log of removal shipments coming back from Amazon (not an Amazon report):
 * what was expected per removal shipment and what actually arrived. Needed to prove a removal loss.
 */
export const SELLER_REMOVAL_RECEIPTS = [
  'account', 'removal-order-id', 'carrier', 'tracking-number', 'sku', 'fnsku', 'expected-quantity',
  'received-quantity', 'received-date', 'status',
] as const;

export type ReportKind =
  | 'returns' | 'reimbursements' | 'ledger' | 'inbound' | 'removal-orders' | 'removal-shipments' | 'all-orders';

export interface ReportSpec {
  kind: ReportKind;
  /** File name suffix after `amazon-us-` / `amazon-de-`. */
  file: string;
  /** Amazon report type (null for our own layouts). */
  reportType: string | null;
  columns: readonly string[];
}

export const AMAZON_REPORTS: readonly ReportSpec[] = [
  { kind: 'returns', file: 'fba-customer-returns.tsv', reportType: 'GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA', columns: FBA_CUSTOMER_RETURNS },
  { kind: 'reimbursements', file: 'fba-reimbursements.tsv', reportType: 'GET_FBA_REIMBURSEMENTS_DATA', columns: FBA_REIMBURSEMENTS },
  { kind: 'ledger', file: 'inventory-ledger-detail.tsv', reportType: 'GET_LEDGER_DETAIL_VIEW_DATA', columns: LEDGER_DETAIL },
  { kind: 'inbound', file: 'fba-inbound-shipment-items.tsv', reportType: null, columns: INBOUND_SHIPMENT_ITEMS },
  { kind: 'removal-orders', file: 'fba-removal-order-detail.tsv', reportType: 'GET_FBA_FULFILLMENT_REMOVAL_ORDER_DETAIL_DATA', columns: REMOVAL_ORDER_DETAIL },
  { kind: 'removal-shipments', file: 'fba-removal-shipment-detail.tsv', reportType: 'GET_FBA_FULFILLMENT_REMOVAL_SHIPMENT_DETAIL_DATA', columns: REMOVAL_SHIPMENT_DETAIL },
  { kind: 'all-orders', file: 'all-orders.tsv', reportType: 'GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL', columns: ALL_ORDERS },
];

export const SELLER_REMOVAL_RECEIPTS_FILE = 'seller-removal-receipts.tsv';

/**
 * GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2, column order of amazon-domain.md §1.8 [SPD-SET]. The first data
 * row is the settlement summary (only settlement-id … currency filled); every row after it is one amount.
 */
export const SETTLEMENT_V2 = [
  'settlement-id', 'settlement-start-date', 'settlement-end-date', 'deposit-date', 'total-amount', 'currency',
  'transaction-type', 'order-id', 'merchant-order-id', 'adjustment-id', 'shipment-id', 'marketplace-name',
  'amount-type', 'amount-description', 'amount', 'fulfillment-id', 'posted-date', 'posted-date-time',
  'order-item-code', 'merchant-order-item-id', 'merchant-adjustment-item-id', 'sku', 'quantity-purchased',
] as const;

export type SettlementColumn = (typeof SETTLEMENT_V2)[number];

export const SETTLEMENT_REPORT_TYPE = 'GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2';

/** `amazon-us-settlement-<settlementId>.tsv` */
export const settlementFileName = (account: string, settlementId: string): string => `${account}-settlement-${settlementId}.tsv`;

/** The seller's manufacturing cost per SKU and currency (comma-separated, quoted where needed). */
export const SUPPLIER_COSTS = ['sku', 'unit-cost', 'currency', 'effective-from', 'supplier'] as const;
export const SUPPLIER_COSTS_FILE = 'supplier-costs.csv';

/** The seller's supplier invoice lines (proof of ownership), comma-separated, quoted where needed. */
export const SUPPLIER_INVOICES = [
  'supplier', 'invoice-number', 'invoice-date', 'sku', 'fnsku', 'asin', 'description', 'quantity', 'unit-cost', 'currency',
] as const;
export const SUPPLIER_INVOICES_FILE = 'supplier-invoices.csv';
