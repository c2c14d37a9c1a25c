// TikTok Shop API 202309 objects -> our commerce shapes. Amounts are decimal strings with a currency
// ("payment": {"currency": "USD", "total_amount": "21.98", ...}); times are Unix seconds; ids are strings.
import type { CustomerInput, OrderItemInput, RefundInput, ReturnInput, ShipmentInput } from '../../commerce/index.ts';
import { ChannelInputError, type CommerceUpdate, type OrderSnapshot } from '../types.ts';
import { toMinor } from '../shopify/money.ts';
import { amountText, at, idText, obj, optAmountText, optArr, optObj, optStr, optUnixSeconds, str, unixSeconds, type JsonObject } from '../shopify/json.ts';
import type { ShipmentStatus } from '../shopify/parse.ts';

function currencyCode(v: unknown, path: string): string {
  const c = str(v, path).toUpperCase();
  if (!/^[A-Z]{3}$/.test(c)) throw new ChannelInputError(`${path}: expected an ISO 4217 currency code, got ${JSON.stringify(v)}`, path);
  return c;
}

function money(o: JsonObject, key: string, currency: string, path: string): number {
  return toMinor(amountText(o[key], at(path, key)), currency, at(path, key));
}

function optMoney(o: JsonObject, key: string, currency: string, path: string): number {
  const t = optAmountText(o[key], at(path, key));
  return t === null ? 0 : toMinor(t, currency, at(path, key));
}

/** TikTok ids are strings; numbers (if a proxy re-encoded them) are accepted while they are exact. */
function tiktokId(v: unknown, path: string): string {
  return typeof v === 'string' ? str(v, path) : idText(v, path);
}

/** Our shipment status from the TikTok order status. */
export function tiktokShipmentStatus(orderStatus: string): ShipmentStatus {
  switch (orderStatus) {
    case 'AWAITING_COLLECTION':
      return 'info_received';
    case 'IN_TRANSIT':
    case 'PARTIALLY_SHIPPING':
      return 'in_transit';
    case 'DELIVERED':
    case 'COMPLETED':
      return 'delivered';
    default:
      return 'pending';
  }
}

function districtCity(address: JsonObject | null, path: string): string | null {
  if (!address) return null;
  for (const [i, d] of optArr(address['district_info'], at(path, 'district_info')).entries()) {
    const p = at(at(path, 'district_info'), i);
    const level = obj(d, p);
    if (optStr(level['address_level_name'], at(p, 'address_level_name'))?.toLowerCase() === 'city') return optStr(level['address_name'], at(p, 'address_name'));
  }
  return optStr(address['city'], at(path, 'city'));
}

/**
 * Line items are one per unit in 202309: consecutive lines of the same SKU and price become one item with their
 * count as quantity (externalId: the first line's id).
 */
function itemsOf(o: JsonObject, currency: string): OrderItemInput[] {
  const items: OrderItemInput[] = [];
  const keyOf: string[] = [];
  for (const [i, raw] of optArr(o['line_items'], 'line_items').entries()) {
    const p = `line_items[${i}]`;
    const l = obj(raw, p);
    const lineCurrency = optStr(l['currency'], at(p, 'currency')) ? currencyCode(l['currency'], at(p, 'currency')) : currency;
    if (lineCurrency !== currency) throw new ChannelInputError(`${p}.currency: ${lineCurrency} differs from the order's ${currency}`, at(p, 'currency'));
    const skuId = tiktokId(l['sku_id'], at(p, 'sku_id'));
    const sku = optStr(l['seller_sku'], at(p, 'seller_sku')) ?? skuId;
    const price = money(l, 'sale_price', currency, p);
    const quantity = typeof l['quantity'] === 'number' && Number.isSafeInteger(l['quantity']) && l['quantity'] > 0 ? l['quantity'] : 1;
    const key = `${sku}\u0000${price}`;
    const last = items.length - 1;
    if (last >= 0 && keyOf[last] === key) {
      const prev = items[last] as OrderItemInput;
      items[last] = { ...prev, quantity: prev.quantity + quantity };
      continue;
    }
    const name = optStr(l['product_name'], at(p, 'product_name')) ?? sku;
    const variant = optStr(l['sku_name'], at(p, 'sku_name'));
    items.push({
      externalId: tiktokId(l['id'], at(p, 'id')),
      sku,
      asin: null,
      fnsku: null,
      title: variant && variant.toLowerCase() !== 'default' ? `${name} (${variant})` : name,
      quantity,
      unitPriceMinor: price,
    });
    keyOf.push(key);
  }
  return items;
}

/** One shipment per package (line items' package_id / tracking_number), or the order-level tracking number. */
function shipmentsOf(o: JsonObject, status: string): ShipmentInput[] {
  const shipStatus = tiktokShipmentStatus(status);
  const shippedAt = optUnixSeconds(o['collection_time'], 'collection_time') ?? optUnixSeconds(o['rts_time'], 'rts_time');
  const deliveredAt = shipStatus === 'delivered' ? optUnixSeconds(o['delivery_time'], 'delivery_time') : null;
  const orderProvider = optStr(o['shipping_provider'], 'shipping_provider');
  const seen = new Map<string, ShipmentInput>();
  for (const [i, raw] of optArr(o['line_items'], 'line_items').entries()) {
    const p = `line_items[${i}]`;
    const l = obj(raw, p);
    const tracking = optStr(l['tracking_number'], at(p, 'tracking_number'));
    if (!tracking) continue;
    const key = optStr(l['package_id'], at(p, 'package_id')) ?? tracking;
    if (seen.has(key)) continue;
    seen.set(key, shipment(optStr(l['shipping_provider_name'], at(p, 'shipping_provider_name')) ?? orderProvider, tracking));
  }
  const orderTracking = optStr(o['tracking_number'], 'tracking_number');
  if (seen.size === 0 && orderTracking) seen.set(orderTracking, shipment(orderProvider, orderTracking));
  return [...seen.values()];

  function shipment(carrier: string | null, trackingNumber: string): ShipmentInput {
    return {
      carrier: carrier ?? 'unknown',
      service: optStr(o['delivery_option_name'], 'delivery_option_name'),
      trackingNumber,
      status: shipStatus,
      shippedAt,
      deliveredAt,
      signedBy: null,
      uploadedToMarketplace: true,
      events: [],
    };
  }
}

function customerOf(o: JsonObject, address: JsonObject | null): CustomerInput | null {
  const userId = o['user_id'] === undefined || o['user_id'] === null || o['user_id'] === '' ? null : tiktokId(o['user_id'], 'user_id');
  const email = optStr(o['buyer_email'], 'buyer_email');
  const name = optStr(address?.['name'], 'recipient_address.name');
  if (!userId && !email && !name) return null;
  return {
    name,
    email,
    // TikTok masks buyer phone numbers ("(+1)213-***-1234"): not a usable contact.
    phone: null,
    country: optStr(address?.['region_code'], 'recipient_address.region_code')?.toUpperCase() ?? null,
    identities: userId ? [{ channel: 'tiktok', externalId: userId }] : [],
  };
}

/** An order from GET /order/202309/orders or POST /order/202309/orders/search (one element of data.orders). */
export function mapTikTokOrder(raw: unknown): OrderSnapshot {
  const o = obj(raw, '');
  const id = tiktokId(o['id'], 'id');
  const status = str(o['status'], 'status');
  const payment = obj(o['payment'], 'payment');
  const currency = currencyCode(payment['currency'], 'payment.currency');
  const address = optObj(o['recipient_address'], 'recipient_address');
  return {
    channel: 'tiktok',
    marketplace: null,
    externalId: id,
    fulfillment: 'TIKTOK',
    status,
    purchasedAt: unixSeconds(o['create_time'], 'create_time'),
    promisedShipBy: optUnixSeconds(o['rts_sla_time'], 'rts_sla_time') ?? optUnixSeconds(o['shipping_due_time'], 'shipping_due_time'),
    promisedDeliveryBy: optUnixSeconds(o['delivery_due_time'], 'delivery_due_time') ?? optUnixSeconds(o['delivery_sla_time'], 'delivery_sla_time'),
    currency,
    subtotalMinor: money(payment, 'sub_total', currency, 'payment'),
    shippingMinor: optMoney(payment, 'shipping_fee', currency, 'payment'),
    taxMinor: optMoney(payment, 'tax', currency, 'payment'),
    discountMinor: optMoney(payment, 'seller_discount', currency, 'payment') + optMoney(payment, 'platform_discount', currency, 'payment'),
    totalMinor: money(payment, 'total_amount', currency, 'payment'),
    shipCountry: optStr(address?.['region_code'], 'recipient_address.region_code')?.toUpperCase() ?? null,
    shipPostalCode: optStr(address?.['postal_code'], 'recipient_address.postal_code'),
    shipCity: districtCity(address, 'recipient_address'),
    items: itemsOf(o, currency),
    shipments: shipmentsOf(o, status),
    returns: [],
    refunds: [],
    customer: customerOf(o, address),
  };
}

const REFUNDED = 'RETURN_OR_REFUND_REQUEST_COMPLETE';

/**
 * A return record from POST /return_refund/202309/returns/search (one element of data.return_orders):
 * - a 'return' update (externalId = return_id) unless return_type is REFUND (refund only: no goods come back);
 *   sku is the lines' common seller_sku (null when they differ), quantity their count; status is TikTok's;
 * - a 'refund' update (externalId = return_id) once the status is RETURN_OR_REFUND_REQUEST_COMPLETE and
 *   refund_amount.refund_total is positive.
 */
export function mapTikTokReturn(raw: unknown): CommerceUpdate[] {
  const r = obj(raw, '');
  const returnId = tiktokId(r['return_id'], 'return_id');
  const orderId = tiktokId(r['order_id'], 'order_id');
  const status = str(r['return_status'], 'return_status');
  const type = optStr(r['return_type'], 'return_type');
  const createdAt = unixSeconds(r['create_time'], 'create_time');
  const updatedAt = optUnixSeconds(r['update_time'], 'update_time') ?? createdAt;
  const reason = optStr(r['return_reason_text'], 'return_reason_text') ?? optStr(r['return_reason'], 'return_reason');
  const lines = optArr(r['return_line_items'], 'return_line_items').map((l, i) => obj(l, `return_line_items[${i}]`));
  const skus = new Set(lines.map((l, i) => optStr(l['seller_sku'], `return_line_items[${i}].seller_sku`) ?? (l['sku_id'] === undefined || l['sku_id'] === null ? null : tiktokId(l['sku_id'], `return_line_items[${i}].sku_id`))));
  const updates: CommerceUpdate[] = [];
  if (type !== 'REFUND') {
    const ret: ReturnInput & { externalId: string } = {
      externalId: returnId,
      sku: skus.size === 1 ? ([...skus][0] ?? null) : null,
      quantity: Math.max(1, lines.length),
      reason,
      customerComment: null,
      disposition: null,
      status,
      requestedAt: createdAt,
      receivedAt: null,
    };
    updates.push({ kind: 'return', channel: 'tiktok', orderExternalId: orderId, return: ret });
  }
  const amount = optObj(r['refund_amount'], 'refund_amount');
  if (status === REFUNDED && amount) {
    const currency = currencyCode(amount['currency'], 'refund_amount.currency');
    const total = money(amount, 'refund_total', currency, 'refund_amount');
    if (total > 0) {
      const refund: RefundInput & { externalId: string } = { externalId: returnId, amountMinor: total, currency, reason, refundedAt: updatedAt };
      updates.push({ kind: 'refund', channel: 'tiktok', orderExternalId: orderId, refund });
    }
  }
  return updates;
}
