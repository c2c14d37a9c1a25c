import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ChannelInputError, type CommerceUpdate, type OrderSnapshot } from '../types.ts';
import { parseJsonKeepingBigInts } from './json.ts';
import {
  normalizeShopifyTopic, parseShopifyCustomer, parseShopifyFulfillmentEvent, parseShopifyOrder, parseShopifyWebhook, shopifyOrderName,
  shopifyOrderStatus, shopifyShipmentStatus,
} from './parse.ts';

const DIR = join(import.meta.dirname, '../../../../shared/fixtures/webhooks/shopify-python-api-fixtures');
const present = existsSync(join(DIR, 'order.json'));
if (!present) console.warn(`Shopify python-api fixtures not found in ${DIR}: fixture tests skipped`);

type J = Record<string, any>;
const load = (name: string): J => (present ? (JSON.parse(readFileSync(join(DIR, name), 'utf8')) as J) : {});
const clone = <T>(x: T): T => structuredClone(x);

function only<K extends CommerceUpdate['kind']>(updates: CommerceUpdate[], kind: K): Extract<CommerceUpdate, { kind: K }> {
  expect(updates).toHaveLength(1);
  expect(updates[0]?.kind).toBe(kind);
  return updates[0] as Extract<CommerceUpdate, { kind: K }>;
}

function orderOf(topic: string, payload: unknown): OrderSnapshot {
  return only(parseShopifyWebhook(topic, payload), 'order').order;
}

function inputError(fn: () => unknown): ChannelInputError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ChannelInputError);
    return e as ChannelInputError;
  }
  throw new Error('expected a ChannelInputError');
}

describe.skipIf(!present)('Shopify orders (order.json, orders.json)', () => {
  const order = load('order.json')['order'] as J;
  const orders = load('orders.json')['orders'] as J[];

  it('maps order.json: ids, status, amounts in minor units, address, items', () => {
    const o = orderOf('orders/create', order);
    expect(o).toMatchObject({
      channel: 'shopify', marketplace: null, externalId: '450789469', fulfillment: 'SHOPIFY', status: 'authorized', currency: 'USD',
      subtotalMinor: 39800, shippingMinor: 0, taxMinor: 1194, discountMinor: 0, totalMinor: 40994,
      shipCountry: 'US', shipPostalCode: '40202', shipCity: 'Louisville', promisedShipBy: null, returns: [], refunds: [],
    });
    expect(o.purchasedAt.toISOString()).toBe('2008-01-10T16:00:00.000Z');
    expect(o.items.map((i) => [i.externalId, i.sku, i.title, i.quantity, i.unitPriceMinor])).toEqual([
      ['466157049', 'IPOD2008GREEN', 'IPod Nano - 8gb', 1, 19900],
      ['518995019', 'IPOD2008RED', 'IPod Nano - 8gb', 1, 19900],
      ['703073504', 'IPOD2008BLACK', 'IPod Nano - 8gb', 1, 19900],
    ]);
  });

  it('maps the fulfillment of order.json (status "failure", no carrier) to an exception shipment', () => {
    const [s] = orderOf('orders/updated', order).shipments;
    expect(s).toMatchObject({ externalId: '255858046', carrier: 'unknown', trackingNumber: '1Z2345', status: 'exception', shippedAt: null, deliveredAt: null, uploadedToMarketplace: true });
  });

  it('maps the customer with the Shopify id and the e-mail address as identities', () => {
    expect(orderOf('orders/create', order).customer).toEqual({
      name: 'Bob Norman', email: 'bob.norman@hostmail.com', phone: null, country: 'US',
      identities: [{ channel: 'shopify', externalId: '207119551' }, { channel: 'email', externalId: 'bob.norman@hostmail.com' }],
    });
  });

  it('exposes the order name "#1001" for linking e-mails', () => {
    expect(shopifyOrderName(order)).toBe('#1001');
    expect(shopifyOrderName({ order })).toBe('#1001');
    expect(shopifyOrderName({ id: 1 })).toBeNull();
    expect(shopifyOrderName('nope')).toBeNull();
  });

  it('maps orders.json[0]: partially refunded, shipping from total_shipping_price_set, discounts, phone', () => {
    const o = parseShopifyOrder(orders[0]);
    expect(o).toMatchObject({
      externalId: '450789469', status: 'partially_refunded', subtotalMinor: 59700, shippingMinor: 0, taxMinor: 1194, discountMinor: 1000, totalMinor: 59894,
      shipCountry: 'US', shipPostalCode: '40202', shipCity: 'Louisville', items: [],
    });
    expect(o.customer?.phone).toBe('+16136120707');
  });

  it('takes the REST wrapper {"order": ...} and the bare webhook body alike', () => {
    expect(parseShopifyOrder({ order })).toEqual(parseShopifyOrder(order));
  });

  it('is deterministic: the same payload gives the same output, and the input is not modified', () => {
    const before = JSON.stringify(order);
    const a = parseShopifyWebhook('orders/paid', order);
    const b = parseShopifyWebhook('orders/paid', clone(order));
    expect(a).toEqual(b);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(order)).toBe(before);
  });

  it('status: cancelled_at wins; then refunds; then fulfillment', () => {
    expect(orderOf('orders/cancelled', { ...order, cancelled_at: '2008-01-11T10:00:00-05:00', cancel_reason: 'customer' }).status).toBe('cancelled');
    expect(orderOf('orders/fulfilled', { ...order, financial_status: 'paid', fulfillment_status: 'fulfilled' }).status).toBe('fulfilled');
    expect(orderOf('orders/updated', { ...order, financial_status: 'paid', fulfillment_status: 'partial' }).status).toBe('partially_fulfilled');
    expect(orderOf('orders/paid', { ...order, financial_status: 'paid' }).status).toBe('unfulfilled');
    expect(orderOf('orders/updated', { ...order, financial_status: 'refunded', fulfillment_status: 'fulfilled' }).status).toBe('refunded');
  });

  it('includes the order\'s refunds (refund.json) in the snapshot', () => {
    const refund = load('refund.json')['refund'] as J;
    const o = orderOf('orders/updated', { ...order, refunds: [refund] });
    expect(o.refunds).toEqual([expect.objectContaining({ externalId: '509562969', amountMinor: 20900, currency: 'USD' })]);
  });

  it('falls back to the variant id when a line has no SKU', () => {
    const o = clone(order);
    o['line_items'][1].sku = '';
    expect(parseShopifyOrder(o).items[1]?.sku).toBe('49148385');
  });

  it('names the field that is wrong', () => {
    const badPrice = clone(order);
    badPrice['line_items'][2].price = '19,9O';
    expect(inputError(() => parseShopifyOrder(badPrice)).field).toBe('line_items[2].price');
    const tooPrecise = clone(order);
    tooPrecise['line_items'][0].price = '199.001';
    expect(inputError(() => parseShopifyOrder(tooPrecise)).field).toBe('line_items[0].price');
    const { currency: _c, ...noCurrency } = order;
    expect(inputError(() => parseShopifyOrder(noCurrency)).field).toBe('currency');
    const { total_price: _t, ...noTotal } = order;
    expect(inputError(() => parseShopifyOrder(noTotal)).field).toBe('total_price');
    const badQty = clone(order);
    badQty['line_items'][1].quantity = 1.5;
    expect(inputError(() => parseShopifyOrder(badQty)).field).toBe('line_items[1].quantity');
    const badDate = clone(order);
    badDate['fulfillments'][0].created_at = 'yesterday';
    expect(inputError(() => parseShopifyOrder(badDate)).field).toBe('fulfillments[0].created_at');
    expect(inputError(() => parseShopifyOrder('not an order')).field).toBeNull();
  });

  it('reads zero-decimal currencies exactly (JPY)', () => {
    const jpy: J = { ...clone(order), currency: 'JPY', subtotal_price: '3980', total_price: '4099.00', total_tax: '119', total_discounts: '0' };
    jpy.line_items[0].price = '1990';
    const o = parseShopifyOrder(jpy);
    expect([o.subtotalMinor, o.totalMinor, o.taxMinor, o.items[0]?.unitPriceMinor]).toEqual([3980, 4099, 119, 1990]);
    expect(() => parseShopifyOrder({ ...jpy, total_price: '4099.50' })).toThrow(ChannelInputError);
  });

  it('keeps ids above 2^53 exact when the raw body is parsed with parseJsonKeepingBigInts', () => {
    const raw = JSON.stringify({ ...order, line_items: [], fulfillments: [], customer: null }).replace('"id":450789469', '"id":820982911946154508');
    expect(parseShopifyOrder(parseJsonKeepingBigInts(raw)).externalId).toBe('820982911946154508');
    const lossy = JSON.parse(raw) as J;
    expect(inputError(() => parseShopifyOrder(lossy)).message).toMatch(/2\^53/);
    // admin_graphql_api_id carries the exact id even when the number lost digits
    expect(parseShopifyOrder({ ...lossy, admin_graphql_api_id: 'gid://shopify/Order/820982911946154508' }).externalId).toBe('820982911946154508');
  });
});

describe.skipIf(!present)('Shopify refunds (refund.json, transaction.json)', () => {
  const refund = load('refund.json')['refund'] as J;
  const authorization = load('transaction.json')['transaction'] as J;
  const transactions = load('transactions.json') as unknown as J[];

  it('maps refunds/create: the refund transactions\' amount', () => {
    const u = only(parseShopifyWebhook('refunds/create', refund), 'refund');
    expect(u.channel).toBe('shopify');
    expect(u.orderExternalId).toBe('450789469');
    expect(u.refund).toEqual({ externalId: '509562969', amountMinor: 20900, currency: 'USD', reason: 'it broke during shipping', refundedAt: new Date('2016-06-20T17:35:06Z') });
  });

  it('does not count non-refund transactions (the authorization in transaction.json / transactions.json)', () => {
    expect(authorization['kind']).toBe('authorization');
    expect(transactions[0]?.['amount']).toBe('409.94');
    const u = only(parseShopifyWebhook('refunds/create', { ...refund, transactions: [...refund['transactions'], authorization, ...transactions] }), 'refund');
    expect(u.refund.amountMinor).toBe(20900);
    const failed = { ...refund['transactions'][0], id: 2, status: 'failure' };
    expect(only(parseShopifyWebhook('refunds/create', { ...refund, transactions: [...refund['transactions'], failed] }), 'refund').refund.amountMinor).toBe(20900);
  });

  it('adds several refund transactions exactly (no float error)', () => {
    const t = refund['transactions'][0];
    const txs = [{ ...t, amount: '0.10' }, { ...t, id: 2, amount: '0.20' }];
    expect(only(parseShopifyWebhook('refunds/create', { ...refund, transactions: txs }), 'refund').refund.amountMinor).toBe(30);
  });

  it('takes the REST wrapper {"refund": ...}', () => {
    expect(parseShopifyWebhook('refunds/create', { refund })).toEqual(parseShopifyWebhook('refunds/create', refund));
  });

  it('names a bad transaction amount', () => {
    const t = { ...refund['transactions'][0], amount: 'lots' };
    expect(inputError(() => parseShopifyWebhook('refunds/create', { ...refund, transactions: [t] })).field).toBe('transactions[0].amount');
  });
});

describe.skipIf(!present)('Shopify fulfillments (fulfillment.json, fulfillment_event.json)', () => {
  const fulfillment = load('fulfillment.json')['fulfillment'] as J;
  const event = load('fulfillment_event.json')['fulfillment_event'] as J;

  it('maps fulfillments/create', () => {
    const u = only(parseShopifyWebhook('fulfillments/create', fulfillment), 'shipment');
    expect(u.orderExternalId).toBe('450789469');
    expect(u.shipment).toEqual({
      externalId: '255858046', carrier: 'null-company', service: null, trackingNumber: '1Z2345', status: 'pending',
      shippedAt: null, deliveredAt: null, signedBy: null, uploadedToMarketplace: true, events: [],
    });
  });

  it('maps fulfillments/update with a carrier shipment_status', () => {
    const delivered = { ...fulfillment, status: 'success', shipment_status: 'delivered', updated_at: '2013-11-04T09:00:00-05:00' };
    const s = only(parseShopifyWebhook('fulfillments/update', delivered), 'shipment').shipment;
    expect(s.status).toBe('delivered');
    expect(s.shippedAt?.toISOString()).toBe('2013-11-01T20:06:08.000Z');
    expect(s.deliveredAt?.toISOString()).toBe('2013-11-04T14:00:00.000Z');
    const inTransit = only(parseShopifyWebhook('fulfillments/update', { ...delivered, shipment_status: 'in_transit' }), 'shipment').shipment;
    expect([inTransit.status, inTransit.deliveredAt]).toEqual(['in_transit', null]);
  });

  it('uses tracking_numbers[0] when tracking_number is missing', () => {
    const { tracking_number: _t, ...rest } = fulfillment;
    expect(only(parseShopifyWebhook('fulfillments/create', rest), 'shipment').shipment.trackingNumber).toBe('1Z2345');
  });

  it('maps a fulfillment event (label_printed) to a tracking event', () => {
    const e = parseShopifyFulfillmentEvent({ fulfillment_event: event });
    expect(e).toEqual({
      orderExternalId: '2776493818019', fulfillmentExternalId: '2608403447971', externalId: '12584341209251',
      event: { occurredAt: new Date('2021-01-25T21:32:23Z'), status: 'info_received', message: 'label_printed', location: null },
    });
  });

  it.each([
    ['label_printed', null, 'info_received'], ['confirmed', null, 'info_received'], ['in_transit', null, 'in_transit'],
    ['out_for_delivery', null, 'out_for_delivery'], ['attempted_delivery', null, 'attempt_fail'], ['ready_for_pickup', null, 'available_for_pickup'],
    ['delivered', null, 'delivered'], ['failure', null, 'exception'], [null, 'success', 'info_received'], [null, 'pending', 'pending'],
    [null, 'open', 'pending'], [null, 'cancelled', 'exception'], [null, 'error', 'exception'],
  ] as const)('shipment_status %s / status %s -> %s', (shipment, status, expected) => {
    expect(shopifyShipmentStatus(shipment, status, true)).toBe(expected);
  });
});

describe.skipIf(!present)('Shopify customers and disputes (customer.json, dispute.json)', () => {
  it('maps customer.json', () => {
    expect(parseShopifyCustomer(load('customer.json'))).toEqual({
      name: 'Bob Norman', email: 'bob.norman@hostmail.com', phone: null, country: 'US',
      identities: [{ channel: 'shopify', externalId: '207119551' }, { channel: 'email', externalId: 'bob.norman@hostmail.com' }],
    });
  });

  it('disputes are not a commerce update we model: disputes/create gives []', () => {
    const dispute = load('dispute.json')['dispute'] as J;
    expect(dispute['id']).toBe(1052608616);
    expect(parseShopifyWebhook('disputes/create', dispute)).toEqual([]);
  });
});

describe.skipIf(!present)('Shopify returns', () => {
  // Written by us in the shape of Shopify's documented returns/request webhook body (no fixture exists); the ids
  // point at order.json's order and its first line item.
  const returnRequest = {
    id: 945000954,
    admin_graphql_api_id: 'gid://shopify/Return/945000954',
    status: 'requested',
    order: { id: 450789469, admin_graphql_api_id: 'gid://shopify/Order/450789469' },
    total_return_line_items: 1,
    name: '#1001-R1',
    return_line_items: [
      {
        id: 677614678,
        admin_graphql_api_id: 'gid://shopify/ReturnLineItem/677614678',
        fulfillment_line_item: { id: 1022782915, admin_graphql_api_id: 'gid://shopify/FulfillmentLineItem/1022782915', line_item: { id: 466157049, admin_graphql_api_id: 'gid://shopify/LineItem/466157049' } },
        quantity: 1,
        return_reason: 'wrong_item',
        return_reason_note: '',
        customer_note: 'Ordered green, wanted red',
      },
    ],
  };
  const triggeredAt = new Date('2026-07-01T10:00:00Z');

  it('maps returns/request (requestedAt from X-Shopify-Triggered-At)', () => {
    const u = only(parseShopifyWebhook('returns/request', returnRequest, { triggeredAt }), 'return');
    expect(u.orderExternalId).toBe('450789469');
    expect(u.return).toEqual({
      externalId: '945000954:677614678', sku: null, quantity: 1, reason: 'wrong_item', customerComment: 'Ordered green, wanted red',
      disposition: null, status: 'requested', requestedAt: triggeredAt, receivedAt: null,
    });
  });

  it('keeps the same external id through approve and close; status follows the payload, else the topic', () => {
    const approved = only(parseShopifyWebhook('returns/approve', { ...returnRequest, status: 'open' }, { triggeredAt }), 'return').return;
    const { status: _s, ...noStatus } = returnRequest;
    const closed = only(parseShopifyWebhook('returns/close', noStatus, { triggeredAt }), 'return').return;
    expect([approved.externalId, approved.status]).toEqual(['945000954:677614678', 'open']);
    expect([closed.externalId, closed.status]).toEqual(['945000954:677614678', 'closed']);
  });

  it('refuses a return without any timestamp, naming created_at', () => {
    expect(inputError(() => parseShopifyWebhook('returns/request', returnRequest)).field).toBe('created_at');
  });
});

describe('Shopify topics', () => {
  it('normalises GraphQL-style topic names', () => {
    expect(normalizeShopifyTopic('ORDERS_PARTIALLY_FULFILLED')).toBe('orders/partially_fulfilled');
    expect(normalizeShopifyTopic('REFUNDS_CREATE')).toBe('refunds/create');
    expect(normalizeShopifyTopic('orders/create')).toBe('orders/create');
  });

  it('unknown topics give [] without looking at the payload', () => {
    expect(parseShopifyWebhook('products/create', { foo: 'bar' })).toEqual([]);
    expect(parseShopifyWebhook('app/uninstalled', null)).toEqual([]);
  });

  it('a known topic with a non-object payload is a ChannelInputError', () => {
    expect(() => parseShopifyWebhook('orders/create', [1, 2])).toThrow(ChannelInputError);
  });

  it('order status precedence', () => {
    expect(shopifyOrderStatus(null, 'voided', null)).toBe('voided');
    expect(shopifyOrderStatus(null, 'pending', null)).toBe('pending');
    expect(shopifyOrderStatus(null, 'paid', 'restocked')).toBe('restocked');
  });
});
