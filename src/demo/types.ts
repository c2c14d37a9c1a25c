// Record types of the demo world. Field names are the camelCase of the DB columns in
// migrations/0001_core.sql (orders, order_items, shipments, tracking_events, returns, refunds,
// customers, customer_identities, tickets, messages). Money: integer minor units + ISO currency.

export type AccountKey = 'amazon-us' | 'amazon-de' | 'shopify' | 'tiktok';
export type AccountKind = 'amazon' | 'shopify' | 'tiktok';
export type Channel = AccountKind;
export type Fulfillment = 'FBA' | 'FBM' | 'MCF' | 'SHOPIFY' | 'TIKTOK';
export type Language = 'en' | 'de' | 'fr' | 'it' | 'es' | 'ja' | 'zh';

export interface DemoAccount {
  key: AccountKey;
  kind: AccountKind;
  name: string;
  /** Amazon marketplace code or the store's region. */
  marketplace: string;
  /** Seller id, shop domain or shop id (channel_accounts.external_id). */
  externalId: string;
  currency: 'USD' | 'EUR';
}

export interface DemoProduct {
  sku: string;
  asin: string;
  /** FNSKU on Amazon US; FNSKUs are per seller account, so Amazon DE has its own (`fnskuDe`). */
  fnsku: string;
  fnskuDe: string;
  title: string;
  /** Title used on Amazon.de. */
  titleDe: string;
  /** Manufacturing cost per unit, by currency (basis of pre-order reimbursements). */
  unitCostMinor: { USD: number; EUR: number };
  /** List price per account: US/Shopify/TikTok net of tax, DE gross incl. 19 % VAT. */
  listPriceMinor: Record<AccountKey, number>;
  weightGrams: number;
}

export type ShipmentStatus =
  | 'pending' | 'info_received' | 'in_transit' | 'out_for_delivery' | 'attempt_fail'
  | 'delivered' | 'available_for_pickup' | 'exception' | 'expired';

export interface DemoTrackingEvent {
  occurredAt: Date;
  status: ShipmentStatus;
  message: string;
  location: string | null;
}

export type Carrier =
  | 'UPS' | 'USPS' | 'FedEx' | 'DHL Express' | 'Amazon Logistics' | 'DHL Paket' | 'DPD' | 'Hermes';

export interface DemoShipment {
  carrier: Carrier;
  service: string | null;
  trackingNumber: string | null;
  status: ShipmentStatus;
  shippedAt: Date | null;
  deliveredAt: Date | null;
  signedBy: string | null;
  uploadedToMarketplace: boolean;
  events: DemoTrackingEvent[];
  /** Amazon FC that shipped an FBA order (not a DB column; used by the reports). */
  fulfillmentCenterId?: string;
}

export interface DemoOrderItem {
  externalId: string;
  sku: string;
  asin: string | null;
  fnsku: string | null;
  title: string;
  quantity: number;
  /** Unit price net of tax (DE: net of 19 % VAT), minor units of the order currency. */
  unitPriceMinor: number;
}

export interface DemoReturn {
  externalId: string;
  sku: string;
  quantity: number;
  /** Amazon reason code (§2.2) or Shopify/TikTok reason. */
  reason: string;
  customerComment: string | null;
  /** SELLABLE, DAMAGED, CUSTOMER_DAMAGED, CARRIER_DAMAGED, DEFECTIVE, … (null until received). */
  disposition: string | null;
  status: 'requested' | 'in_transit' | 'received' | 'closed';
  requestedAt: Date;
  receivedAt: Date | null;
  /** FBA: license plate number and FC of the return scan (report columns). */
  licensePlateNumber?: string;
  fulfillmentCenterId?: string;
}

export interface DemoRefund {
  externalId: string;
  amountMinor: number;
  currency: string;
  reason: string;
  refundedAt: Date;
  /** Index into `returns` when the refund belongs to a return (refunds.return_id). */
  returnIndex?: number;
}

export interface DemoCustomerIdentity {
  /** amazon, shopify, tiktok, email */
  channel: string;
  externalId: string;
}

export interface DemoCustomer {
  /** Stable key: the same person has the same key on every order (repeat customers). */
  key: string;
  name: string;
  /** The address this channel shows (Amazon: buyer relay address). */
  email: string;
  phone: string | null;
  country: string;
  language: Language;
  identities: DemoCustomerIdentity[];
}

export const INTENTS = [
  'where_is_my_order', 'not_received', 'damaged_defective', 'wrong_item', 'return_request',
  'refund_request', 'cancel_order', 'change_order', 'shipping_cost', 'invoice_request',
  'product_question', 'thanks',
] as const;
export type Intent = (typeof INTENTS)[number];

export const SIGNALS = ['a_to_z_threat', 'chargeback_threat', 'negative_feedback_threat'] as const;
export type Signal = (typeof SIGNALS)[number];

export const LANGUAGES: readonly Language[] = ['en', 'de', 'fr', 'it', 'es', 'ja', 'zh'];

export interface DemoMessage {
  /** Natural key (RFC 5322 Message-ID for e-mail relays, event id for chat). Unique in the world. */
  channelMessageId: string;
  inReplyTo: string | null;
  direction: 'inbound' | 'outbound';
  fromAddress: string;
  toAddress: string;
  subject: string;
  bodyText: string;
  sentAt: Date;
}

export interface DemoConversation {
  /** tickets.external_thread_id: root Message-ID or the channel's conversation id. */
  threadId: string;
  subject: string;
  language: Language;
  /** Primary intent; `intents` lists all (a message may carry two). */
  intent: Intent;
  intents: Intent[];
  signals: Signal[];
  status: 'open' | 'pending' | 'solved' | 'closed';
  messages: DemoMessage[];
}

export interface DemoOrder {
  accountKey: AccountKey;
  channel: Channel;
  marketplace: string;
  externalId: string;
  /** Shopify order name (#1001); null elsewhere. */
  name: string | null;
  fulfillment: Fulfillment;
  status: string;
  purchasedAt: Date;
  promisedShipBy: Date | null;
  promisedDeliveryBy: Date | null;
  currency: 'USD' | 'EUR';
  subtotalMinor: number;
  shippingMinor: number;
  taxMinor: number;
  discountMinor: number;
  totalMinor: number;
  shipCountry: string;
  shipPostalCode: string;
  shipCity: string;
  /** Not a DB column; used by the Amazon all-orders report (ship-state). */
  shipState: string | null;
  shipServiceLevel: string;
  items: DemoOrderItem[];
  shipments: DemoShipment[];
  returns: DemoReturn[];
  refunds: DemoRefund[];
  customer: DemoCustomer;
  conversation?: DemoConversation;
}

export type DiscrepancyType =
  | 'fc_lost_unreconciled' | 'fc_damaged_unreimbursed' | 'inbound_shortage' | 'refund_no_return'
  | 'return_damaged_unreimbursed' | 'return_sellable_but_damaged' | 'underpaid_reimbursement'
  | 'reversal_without_found' | 'removal_lost';

export const DISCREPANCY_TYPES: readonly DiscrepancyType[] = [
  'fc_lost_unreconciled', 'fc_damaged_unreimbursed', 'inbound_shortage', 'refund_no_return',
  'return_damaged_unreimbursed', 'return_sellable_but_damaged', 'underpaid_reimbursement',
  'reversal_without_found', 'removal_lost',
];

/** One discrepancy injected on purpose: the ground truth a recovery tool should find. */
export interface DemoDiscrepancy {
  id: string;
  type: DiscrepancyType;
  account: AccountKey;
  marketplace: string;
  sku: string;
  fnsku: string;
  asin: string;
  orderId?: string;
  shipmentId?: string;
  /** Ledger ReferenceID, reimbursement id or removal order id, depending on the type. */
  referenceId?: string;
  quantity: number;
  valueMinor: number;
  currency: 'USD' | 'EUR';
  /** ISO date-time of the event the claim is about. */
  eventDate: string;
  /** Earliest date a manual claim is accepted, where the policy has one (ISO date). */
  windowOpens?: string;
  /** Last day to file (ISO date), per amazon-domain.md §3.2 for the event date. */
  deadline: string;
  explanation: string;
}

/** A situation that looks like a discrepancy but is not one (a naive tool would over-claim). */
export interface DemoDecoy {
  id: string;
  type: string;
  looksLike: DiscrepancyType;
  account: AccountKey;
  sku: string;
  orderId?: string;
  shipmentId?: string;
  referenceId?: string;
  quantity: number;
  eventDate: string;
  explanation: string;
}

export interface DemoManifest {
  generator: 'claimdesk-demo';
  version: 1;
  seed: number;
  orders: number;
  now: string;
  days: number;
  files: Record<string, { rows: number; report?: string }>;
  ordersByAccount: Record<string, number>;
  conversations: number;
  discrepancyCount: number;
  discrepancyCountByType: Record<string, number>;
  /** Sum of valueMinor per type and currency, e.g. { fc_lost_unreconciled: { USD: 12345 } }. */
  discrepancyValueByType: Record<string, Record<string, number>>;
  discrepancyValueByCurrency: Record<string, number>;
  decoyCount: number;
  decoyCountByType: Record<string, number>;
  /** Inline copy of manifest.jsonl, up to `discrepancyInlineCap` entries. */
  discrepancies: DemoDiscrepancy[];
  discrepanciesTruncated: boolean;
  discrepancyInlineCap: number;
}
