// Shopify REST/webhook payloads -> our commerce shapes. Webhook bodies are the bare resource ({"id": ...});
// REST responses wrap it ({"order": {...}}): both are accepted. Amounts are the shop-currency fields, in minor units.
import type { CustomerInput, RefundInput, ReturnInput, ShipmentInput, TrackingEventInput } from '../../commerce/index.ts';
import { ChannelInputError, type CommerceUpdate, type OrderSnapshot } from '../types.ts';
import { toMinor } from './money.ts';
import {
  amountText, at, idText, int, isObject, isoDate, obj, optAmountText, optArr, optIdText, optIsoDate, optObj, optStr, str,
  type JsonObject,
} from './json.ts';

/** Our shipment statuses (AfterShip's tags, lower-cased). */
export type ShipmentStatus =
  | 'pending' | 'info_received' | 'in_transit' | 'out_for_delivery' | 'attempt_fail'
  | 'delivered' | 'available_for_pickup' | 'exception' | 'expired';

type Shipment = ShipmentInput & { readonly externalId: string };
type Refund = RefundInput & { readonly externalId: string };
type Return = ReturnInput & { readonly externalId: string };

/** Takes `{"order": {...}}` or the bare `{...}`. */
function unwrap(payload: unknown, key: string): JsonObject {
  const o = obj(payload, '');
  const inner = o[key];
  return o['id'] === undefined && isObject(inner) ? inner : o;
}

/** An id, taken exactly from `admin_graphql_api_id` ("gid://shopify/Order/123") when the JSON number lost digits. */
function resourceId(o: JsonObject, path: string, key = 'id'): string {
  const v = o[key];
  if (typeof v === 'number' && !Number.isSafeInteger(v) && key === 'id' && typeof o['admin_graphql_api_id'] === 'string') {
    const m = /\/(\d+)$/.exec(o['admin_graphql_api_id']);
    if (m?.[1]) return m[1];
  }
  return idText(v, at(path, key));
}

function money(o: JsonObject, key: string, currency: string, path: string): number {
  return toMinor(amountText(o[key], at(path, key)), currency, at(path, key));
}

function optMoney(o: JsonObject, key: string, currency: string, path: string): number {
  const t = optAmountText(o[key], at(path, key));
  return t === null ? 0 : toMinor(t, currency, at(path, key));
}

function currencyCode(v: unknown, path: string): string {
  const c = str(v, path).toUpperCase();
  if (!/^[A-Z]{3}$/.test(c)) throw new ChannelInputError(`${path}: expected an ISO 4217 currency code, got ${JSON.stringify(v)}`, path);
  return c;
}

/** Shopify fulfillment `shipment_status` and fulfillment-event `status` -> ours. */
const SHIPMENT_STATUS: Readonly<Record<string, ShipmentStatus>> = {
  label_printed: 'info_received',
  label_purchased: 'info_received',
  confirmed: 'info_received',
  ready_for_pickup: 'available_for_pickup',
  picked_up: 'delivered',
  carrier_picked_up: 'in_transit',
  in_transit: 'in_transit',
  delayed: 'in_transit',
  out_for_delivery: 'out_for_delivery',
  attempted_delivery: 'attempt_fail',
  delivered: 'delivered',
  failure: 'exception',
};

/**
 * Our status for a fulfillment: its carrier `shipment_status` when Shopify has one; otherwise from the fulfillment
 * `status` (pending/open -> pending; success -> info_received with tracking, else pending;
 * cancelled/error/failure -> exception).
 */
export function shopifyShipmentStatus(shipmentStatus: string | null, fulfillmentStatus: string | null, hasTracking: boolean): ShipmentStatus {
  const mapped = shipmentStatus ? SHIPMENT_STATUS[shipmentStatus.toLowerCase()] : undefined;
  if (mapped) return mapped;
  switch (fulfillmentStatus?.toLowerCase()) {
    case 'cancelled':
    case 'error':
    case 'failure':
      return 'exception';
    case 'success':
      return hasTracking ? 'info_received' : 'pending';
    default:
      return 'pending';
  }
}

/** A fulfillment (webhook body, `{"fulfillment": ...}`, or one of an order's `fulfillments`) as a shipment. */
export function parseShopifyFulfillment(payload: unknown, path = '', orderIdFallback: string | null = null): { orderExternalId: string; shipment: Shipment } {
  const f = path === '' ? unwrap(payload, 'fulfillment') : obj(payload, path);
  const id = resourceId(f, path);
  const orderId = optIdText(f['order_id'], at(path, 'order_id')) ?? orderIdFallback;
  if (orderId === null) throw new ChannelInputError(`${at(path, 'order_id')}: expected a numeric id, got nothing`, at(path, 'order_id'));
  const numbers = optArr(f['tracking_numbers'], at(path, 'tracking_numbers'));
  const trackingNumber = optStr(f['tracking_number'], at(path, 'tracking_number')) ?? optStr(numbers[0], at(path, 'tracking_numbers[0]'));
  const fulfillmentStatus = optStr(f['status'], at(path, 'status'));
  const shipmentStatus = optStr(f['shipment_status'], at(path, 'shipment_status'));
  const status = shopifyShipmentStatus(shipmentStatus, fulfillmentStatus, trackingNumber !== null);
  const createdAt = isoDate(f['created_at'], at(path, 'created_at'));
  const updatedAt = optIsoDate(f['updated_at'], at(path, 'updated_at'));
  const shipped = fulfillmentStatus === 'success' || shipmentStatus !== null;
  return {
    orderExternalId: orderId,
    shipment: {
      externalId: id,
      carrier: optStr(f['tracking_company'], at(path, 'tracking_company')) ?? 'unknown',
      service: null,
      trackingNumber,
      status,
      shippedAt: shipped ? createdAt : null,
      // Shopify has no delivery timestamp on the fulfillment: the last update is when "delivered" was recorded.
      deliveredAt: status === 'delivered' ? (updatedAt ?? createdAt) : null,
      signedBy: null,
      uploadedToMarketplace: trackingNumber !== null,
      events: [],
    },
  };
}

/** A fulfillment event (fulfillment_events/create, `{"fulfillment_event": ...}`) as one tracking event. */
export function parseShopifyFulfillmentEvent(payload: unknown): { orderExternalId: string; fulfillmentExternalId: string; externalId: string; event: TrackingEventInput } {
  const e = unwrap(payload, 'fulfillment_event');
  const raw = str(e['status'], 'status');
  const place = ['city', 'province', 'country'].map((k) => optStr(e[k], k)).filter((x): x is string => x !== null);
  return {
    orderExternalId: idText(e['order_id'], 'order_id'),
    fulfillmentExternalId: idText(e['fulfillment_id'], 'fulfillment_id'),
    externalId: resourceId(e, ''),
    event: {
      occurredAt: optIsoDate(e['happened_at'], 'happened_at') ?? isoDate(e['created_at'], 'created_at'),
      status: SHIPMENT_STATUS[raw.toLowerCase()] ?? 'in_transit',
      message: optStr(e['message'], 'message') ?? raw,
      location: place.length > 0 ? place.join(', ') : null,
    },
  };
}

/**
 * A refund (refunds/create body, `{"refund": ...}`, or one of an order's `refunds`). The amount is the sum of its
 * successful `refund` transactions; the currency theirs, else `fallbackCurrency` (the order's).
 */
export function parseShopifyRefund(payload: unknown, fallbackCurrency: string | null = null, path = '', orderIdFallback: string | null = null): { orderExternalId: string; refund: Refund } {
  const r = path === '' ? unwrap(payload, 'refund') : obj(payload, path);
  const id = resourceId(r, path);
  const orderId = optIdText(r['order_id'], at(path, 'order_id')) ?? orderIdFallback;
  if (orderId === null) throw new ChannelInputError(`${at(path, 'order_id')}: expected a numeric id, got nothing`, at(path, 'order_id'));
  const txs = optArr(r['transactions'], at(path, 'transactions')).map((t, i) => ({ t: obj(t, at(path, `transactions[${i}]`)), p: at(path, `transactions[${i}]`) }));
  const counted = txs.filter(({ t }) => t['kind'] === 'refund' && (t['status'] === undefined || t['status'] === 'success'));
  const currencies = new Set(counted.map(({ t, p }) => optStr(t['currency'], at(p, 'currency'))?.toUpperCase()).filter((c): c is string => !!c));
  if (currencies.size > 1) throw new ChannelInputError(`${at(path, 'transactions')}: refund transactions in several currencies (${[...currencies].join(', ')})`, at(path, 'transactions'));
  const lineCurrency = optArr(r['refund_line_items'], at(path, 'refund_line_items'))
    .map((l) => (isObject(l) && isObject(l['subtotal_set']) && isObject(l['subtotal_set']['shop_money']) ? l['subtotal_set']['shop_money']['currency_code'] : null))
    .find((c): c is string => typeof c === 'string');
  const currencyText = [...currencies][0] ?? fallbackCurrency ?? lineCurrency ?? null;
  if (currencyText === null) throw new ChannelInputError(`${at(path, 'transactions')}: no currency for the refund (no transaction currency and no order currency)`, at(path, 'transactions'));
  const currency = currencyCode(currencyText, at(path, 'transactions'));
  const amountMinor = counted.reduce((sum, { t, p }) => sum + money(t, 'amount', currency, p), 0);
  return {
    orderExternalId: orderId,
    refund: {
      externalId: id,
      amountMinor,
      currency,
      reason: optStr(r['note'], at(path, 'note')),
      refundedAt: optIsoDate(r['processed_at'], at(path, 'processed_at')) ?? isoDate(r['created_at'], at(path, 'created_at')),
    },
  };
}

function fullName(o: JsonObject | null, path: string): string | null {
  if (!o) return null;
  const parts = [optStr(o['first_name'], at(path, 'first_name')), optStr(o['last_name'], at(path, 'last_name'))].filter((x): x is string => x !== null);
  return parts.length > 0 ? parts.join(' ').trim() : optStr(o['name'], at(path, 'name'));
}

function countryCode(o: JsonObject | null, path: string): string | null {
  if (!o) return null;
  return optStr(o['country_code'], at(path, 'country_code'))?.toUpperCase() ?? null;
}

function identitiesOf(customerId: string | null, email: string | null): CustomerInput['identities'] {
  const ids: { channel: string; externalId: string }[] = [];
  if (customerId) ids.push({ channel: 'shopify', externalId: customerId });
  if (email) ids.push({ channel: 'email', externalId: email.toLowerCase() });
  return ids;
}

/** A customer (customers/* body or `{"customer": ...}`). Identities: the Shopify customer id and the e-mail address. */
export function parseShopifyCustomer(payload: unknown, path = ''): CustomerInput {
  const c = path === '' ? unwrap(payload, 'customer') : obj(payload, path);
  const id = resourceId(c, path);
  const address = optObj(c['default_address'], at(path, 'default_address'));
  const email = optStr(c['email'], at(path, 'email'))?.trim() ?? null;
  return {
    name: fullName(c, path) ?? fullName(address, at(path, 'default_address')),
    email,
    phone: optStr(c['phone'], at(path, 'phone')) ?? null,
    country: countryCode(address, at(path, 'default_address')),
    identities: identitiesOf(id, email),
  };
}

/** Our order status from cancelled_at, financial_status and fulfillment_status (first match wins). */
export function shopifyOrderStatus(cancelledAt: Date | null, financial: string | null, fulfillment: string | null): string {
  if (cancelledAt) return 'cancelled';
  const fin = financial?.toLowerCase() ?? null;
  if (fin === 'refunded' || fin === 'partially_refunded' || fin === 'voided') return fin;
  switch (fulfillment?.toLowerCase()) {
    case 'fulfilled':
      return 'fulfilled';
    case 'partial':
      return 'partially_fulfilled';
    case 'restocked':
      return 'restocked';
  }
  if (fin === 'pending' || fin === 'authorized' || fin === 'partially_paid' || fin === 'expired') return fin;
  return 'unfulfilled';
}

function shippingMinor(o: JsonObject, currency: string): number {
  const set = optObj(o['total_shipping_price_set'], 'total_shipping_price_set');
  if (set) {
    const shop = obj(set['shop_money'], 'total_shipping_price_set.shop_money');
    return money(shop, 'amount', currency, 'total_shipping_price_set.shop_money');
  }
  // Older payloads: the shipping lines' prices.
  return optArr(o['shipping_lines'], 'shipping_lines').reduce<number>((sum, l, i) => sum + optMoney(obj(l, `shipping_lines[${i}]`), 'price', currency, `shipping_lines[${i}]`), 0);
}

/** An order (orders/* body, `{"order": ...}`, or one of `{"orders": [...]}`) as a snapshot. */
export function parseShopifyOrder(payload: unknown): OrderSnapshot {
  const o = unwrap(payload, 'order');
  const id = resourceId(o, '');
  const currency = currencyCode(o['currency'], 'currency');
  const cancelledAt = optIsoDate(o['cancelled_at'], 'cancelled_at');
  const ship = optObj(o['shipping_address'], 'shipping_address');
  const items = optArr(o['line_items'], 'line_items').map((raw, i) => {
    const p = `line_items[${i}]`;
    const l = obj(raw, p);
    const lineId = resourceId(l, p);
    const sku = optStr(l['sku'], at(p, 'sku')) ?? optIdText(l['variant_id'], at(p, 'variant_id')) ?? lineId;
    return {
      externalId: lineId,
      sku,
      asin: null,
      fnsku: null,
      title: optStr(l['title'], at(p, 'title')) ?? optStr(l['name'], at(p, 'name')) ?? sku,
      quantity: int(l['quantity'], at(p, 'quantity'), 0),
      unitPriceMinor: money(l, 'price', currency, p),
    };
  });
  const shipments = optArr(o['fulfillments'], 'fulfillments').map((f, i) => parseShopifyFulfillment(f, `fulfillments[${i}]`, id).shipment);
  const refunds = optArr(o['refunds'], 'refunds').map((r, i) => parseShopifyRefund(r, currency, `refunds[${i}]`, id).refund);
  return {
    channel: 'shopify',
    marketplace: null,
    externalId: id,
    fulfillment: 'SHOPIFY',
    status: shopifyOrderStatus(cancelledAt, optStr(o['financial_status'], 'financial_status'), optStr(o['fulfillment_status'], 'fulfillment_status')),
    purchasedAt: optIsoDate(o['processed_at'], 'processed_at') ?? isoDate(o['created_at'], 'created_at'),
    promisedShipBy: null,
    promisedDeliveryBy: null,
    currency,
    subtotalMinor: money(o, 'subtotal_price', currency, ''),
    shippingMinor: shippingMinor(o, currency),
    taxMinor: optMoney(o, 'total_tax', currency, ''),
    discountMinor: optMoney(o, 'total_discounts', currency, ''),
    totalMinor: money(o, 'total_price', currency, ''),
    shipCountry: countryCode(ship, 'shipping_address') ?? optStr(ship?.['country'], 'shipping_address.country'),
    shipPostalCode: optStr(ship?.['zip'], 'shipping_address.zip'),
    shipCity: optStr(ship?.['city'], 'shipping_address.city'),
    items,
    shipments,
    returns: [],
    refunds,
    customer: orderCustomer(o),
  };
}

function orderCustomer(o: JsonObject): CustomerInput | null {
  const ship = optObj(o['shipping_address'], 'shipping_address');
  const bill = optObj(o['billing_address'], 'billing_address');
  const orderEmail = optStr(o['email'], 'email') ?? optStr(o['contact_email'], 'contact_email');
  const orderPhone = optStr(o['phone'], 'phone');
  const raw = optObj(o['customer'], 'customer');
  if (raw) {
    const c = parseShopifyCustomer(raw, 'customer');
    const email = c.email ?? orderEmail;
    return {
      name: c.name ?? fullName(bill, 'billing_address') ?? fullName(ship, 'shipping_address'),
      email,
      phone: c.phone ?? orderPhone,
      country: c.country ?? countryCode(ship, 'shipping_address'),
      identities: identitiesOf(c.identities.find((x) => x.channel === 'shopify')?.externalId ?? null, email),
    };
  }
  const name = fullName(bill, 'billing_address') ?? fullName(ship, 'shipping_address');
  if (!orderEmail && !name && !orderPhone) return null;
  return { name, email: orderEmail, phone: orderPhone, country: countryCode(ship, 'shipping_address'), identities: identitiesOf(null, orderEmail) };
}

/** The order's name as buyers quote it ("#1001"), for linking e-mails that mention it; null when absent. */
export function shopifyOrderName(payload: unknown): string | null {
  if (!isObject(payload)) return null;
  const o = unwrap(payload, 'order');
  return typeof o['name'] === 'string' && o['name'].trim() !== '' ? o['name'].trim() : null;
}

const RETURN_STATUS_BY_TOPIC: Readonly<Record<string, string>> = { 'returns/request': 'requested', 'returns/approve': 'open', 'returns/close': 'closed' };

export interface ShopifyParseOptions {
  /** X-Shopify-Triggered-At: returns/* payloads carry no timestamp, so this is their requestedAt when they lack created_at. */
  readonly triggeredAt?: Date | null;
}

/**
 * A return (returns/request, returns/approve, returns/close body): one update per return line item, externalId
 * "<return id>:<return line item id>". The payload names line items by id only, so `sku` is null. A payload without
 * return_line_items maps to nothing.
 */
export function parseShopifyReturn(topic: string, payload: unknown, options: ShopifyParseOptions = {}): CommerceUpdate[] {
  const r = unwrap(payload, 'return');
  const id = resourceId(r, '');
  const order = optObj(r['order'], 'order');
  const orderId = order ? resourceId(order, 'order') : idText(r['order_id'], 'order_id');
  const status = optStr(r['status'], 'status')?.toLowerCase() ?? RETURN_STATUS_BY_TOPIC[topic] ?? 'requested';
  const requestedAt = optIsoDate(r['created_at'], 'created_at') ?? optIsoDate(r['requested_at'], 'requested_at') ?? options.triggeredAt ?? null;
  const lines = optArr(r['return_line_items'], 'return_line_items');
  if (lines.length > 0 && requestedAt === null) {
    throw new ChannelInputError('created_at: the return has no timestamp; pass X-Shopify-Triggered-At as options.triggeredAt', 'created_at');
  }
  return lines.map((raw, i): CommerceUpdate => {
    const p = `return_line_items[${i}]`;
    const l = obj(raw, p);
    const ret: Return = {
      externalId: `${id}:${resourceId(l, p)}`,
      sku: null,
      quantity: int(l['quantity'], at(p, 'quantity'), 1),
      reason: optStr(l['return_reason'], at(p, 'return_reason'))?.toLowerCase() ?? null,
      customerComment: optStr(l['customer_note'], at(p, 'customer_note')) ?? optStr(l['return_reason_note'], at(p, 'return_reason_note')),
      disposition: null,
      status,
      requestedAt: requestedAt as Date,
      receivedAt: null,
    };
    return { kind: 'return', channel: 'shopify', orderExternalId: orderId, return: ret };
  });
}

/** "ORDERS_CREATE" (GraphQL enum style) -> "orders/create"; "orders/create" unchanged. */
export function normalizeShopifyTopic(topic: string): string {
  const t = topic.trim().toLowerCase();
  return t.includes('/') ? t : t.replace('_', '/');
}

const ORDER_TOPICS = new Set(['orders/create', 'orders/updated', 'orders/paid', 'orders/cancelled', 'orders/fulfilled', 'orders/partially_fulfilled']);
const FULFILLMENT_TOPICS = new Set(['fulfillments/create', 'fulfillments/update']);
const RETURN_TOPICS = new Set(['returns/request', 'returns/approve', 'returns/close']);

/** The commerce changes one webhook reports; unknown topics give []. Deterministic: same payload, same output. */
export function parseShopifyWebhook(topic: string, payload: unknown, options: ShopifyParseOptions = {}): CommerceUpdate[] {
  const t = normalizeShopifyTopic(topic);
  if (ORDER_TOPICS.has(t)) return [{ kind: 'order', order: parseShopifyOrder(payload) }];
  if (t === 'refunds/create') {
    const { orderExternalId, refund } = parseShopifyRefund(payload);
    return [{ kind: 'refund', channel: 'shopify', orderExternalId, refund }];
  }
  if (FULFILLMENT_TOPICS.has(t)) {
    const { orderExternalId, shipment } = parseShopifyFulfillment(payload);
    return [{ kind: 'shipment', channel: 'shopify', orderExternalId, shipment }];
  }
  if (RETURN_TOPICS.has(t)) return parseShopifyReturn(t, payload, options);
  return [];
}

