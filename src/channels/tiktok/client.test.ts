import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ChannelInputError } from '../types.ts';
import { sendJson, startLocalServer, type LocalServer, type RecordedRequest } from '../shopify/test-support.ts';
import { TikTokApiError, TikTokShopClient } from './client.ts';
import { mapTikTokOrder, mapTikTokReturn } from './map.ts';

// The payloads below are written by us in the shape TikTok Shop documents for API version 202309
// (Get Order Detail / Get Order List / Search Returns): {code, message, request_id, data}. Values are invented.
const APP_KEY = 'test_app_key';
const APP_SECRET = 'test_app_secret';
const TOKEN = 'ROW_test_access_token';
const CIPHER = 'ROW_test_shop_cipher';
const NOW = new Date('2026-07-01T12:00:00Z');

function order(id: string, status: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    status,
    create_time: 1751356800, // 2025-07-01T08:00:00Z
    update_time: 1751360400,
    paid_time: 1751356860,
    rts_sla_time: 1751529600,
    delivery_due_time: 1751961600,
    shipping_type: 'TIKTOK',
    user_id: '7021436810468230477',
    buyer_email: 'v2abc123xyz@scs.tiktokw.us',
    payment: {
      currency: 'USD', sub_total: '36.98', shipping_fee: '5.99', seller_discount: '2.00', platform_discount: '1.00',
      tax: '2.96', total_amount: '45.93', original_total_product_price: '39.98', original_shipping_fee: '5.99',
    },
    recipient_address: {
      name: 'Ja** Do*', phone_number: '(+1)213-***-1234', postal_code: '90001', region_code: 'US',
      district_info: [
        { address_level_name: 'Country', address_name: 'United States', address_level: 'L0' },
        { address_level_name: 'State', address_name: 'California', address_level: 'L1' },
        { address_level_name: 'County', address_name: 'Los Angeles County', address_level: 'L2' },
        { address_level_name: 'City', address_name: 'Los Angeles', address_level: 'L3' },
      ],
    },
    line_items: [
      { id: `${id}1`, sku_id: '1729582718312380001', seller_sku: 'MUG-BLUE', product_name: 'Enamel Camp Mug', sku_name: 'Blue', sale_price: '12.99', original_price: '13.99', currency: 'USD', package_id: '1152321127278713001', tracking_number: 'TT123456789US', shipping_provider_name: 'USPS' },
      { id: `${id}2`, sku_id: '1729582718312380001', seller_sku: 'MUG-BLUE', product_name: 'Enamel Camp Mug', sku_name: 'Blue', sale_price: '12.99', original_price: '13.99', currency: 'USD', package_id: '1152321127278713001', tracking_number: 'TT123456789US', shipping_provider_name: 'USPS' },
      { id: `${id}3`, sku_id: '1729582718312380002', seller_sku: 'LID-STEEL', product_name: 'Steel Lid', sku_name: 'Default', sale_price: '11.00', original_price: '12.00', currency: 'USD' },
    ],
    ...extra,
  };
}

const ORDERS_PAGE_1 = [order('576684019603311365', 'IN_TRANSIT', { collection_time: 1751450000 }), order('576684019603311366', 'AWAITING_SHIPMENT', { line_items: [] })];
const ORDERS_PAGE_2 = [order('576684019603311367', 'CANCELLED', { line_items: [] })];

const RETURNS = [
  {
    return_id: '4035318504086507001', order_id: '576684019603311365', return_type: 'RETURN_AND_REFUND', return_status: 'AWAITING_BUYER_SHIP',
    create_time: 1751800000, update_time: 1751800500, return_reason: 'ecom_order_delivered_refund_and_return_reason_damaged', return_reason_text: 'Damaged item',
    refund_amount: { currency: 'USD', refund_total: '25.98', refund_subtotal: '25.98', refund_shipping_fee: '0', refund_tax: '0' },
    return_line_items: [
      { return_line_item_id: '1', order_line_item_id: '5766840196033113651', sku_id: '1729582718312380001', seller_sku: 'MUG-BLUE', product_name: 'Enamel Camp Mug', refund_amount: { currency: 'USD', refund_total: '12.99' } },
      { return_line_item_id: '2', order_line_item_id: '5766840196033113652', sku_id: '1729582718312380001', seller_sku: 'MUG-BLUE', product_name: 'Enamel Camp Mug', refund_amount: { currency: 'USD', refund_total: '12.99' } },
    ],
  },
  {
    return_id: '4035318504086507002', order_id: '576684019603311366', return_type: 'REFUND', return_status: 'RETURN_OR_REFUND_REQUEST_COMPLETE',
    create_time: 1751900000, update_time: 1751903600, return_reason_text: 'Package did not arrive',
    refund_amount: { currency: 'USD', refund_total: '45.93', refund_subtotal: '36.98', refund_shipping_fee: '5.99', refund_tax: '2.96' },
    return_line_items: [],
  },
];

/** The server's own check, written from the documented algorithm (independent of sign.ts). */
function expectedSign(path: string, query: URLSearchParams, body: string): string {
  const keys = [...query.keys()].filter((k) => k !== 'sign' && k !== 'access_token').sort();
  const text = APP_SECRET + path + keys.map((k) => k + (query.get(k) ?? '')).join('') + body + APP_SECRET;
  return createHmac('sha256', APP_SECRET).update(text).digest('hex');
}

describe('TikTokShopClient against a local server that checks every signature', () => {
  let server: LocalServer;
  const problems: string[] = [];
  let failNext: { status: number; body: unknown } | null = null;

  function check(req: RecordedRequest): URLSearchParams {
    const url = new URL(req.url, 'http://x');
    const q = url.searchParams;
    const body = req.method === 'GET' ? '' : req.body;
    if (q.get('sign') !== expectedSign(url.pathname, q, body)) problems.push(`bad sign on ${req.method} ${req.url}`);
    if (q.get('app_key') !== APP_KEY) problems.push('app_key missing');
    if (q.get('timestamp') !== String(NOW.getTime() / 1000)) problems.push(`timestamp ${q.get('timestamp')}`);
    if (q.get('shop_cipher') !== CIPHER) problems.push('shop_cipher missing');
    if (req.headers['x-tts-access-token'] !== TOKEN) problems.push('x-tts-access-token missing');
    if (q.has('access_token')) problems.push('access token leaked into the query');
    return q;
  }

  beforeAll(async () => {
    server = await startLocalServer((req, res) => {
      const q = check(req);
      const path = new URL(req.url, 'http://x').pathname;
      const ok = (data: unknown) => sendJson(res, 200, { code: 0, message: 'Success', request_id: 'req-1', data });
      if (failNext) {
        const f = failNext;
        failNext = null;
        return sendJson(res, f.status, f.body);
      }
      if (path === '/order/202309/orders/search' && req.method === 'POST') {
        return q.get('page_token') === 'page-2'
          ? ok({ orders: ORDERS_PAGE_2, next_page_token: '', total_count: 3 })
          : ok({ orders: ORDERS_PAGE_1, next_page_token: 'page-2', total_count: 3 });
      }
      if (path === '/order/202309/orders' && req.method === 'GET') {
        const ids = (q.get('ids') ?? '').split(',');
        return ok({ orders: [...ORDERS_PAGE_1, ...ORDERS_PAGE_2].filter((o) => ids.includes(String(o['id']))) });
      }
      if (path === '/return_refund/202309/returns/search' && req.method === 'POST') {
        const filter = JSON.parse(req.body || '{}') as { order_ids?: string[] };
        return ok({ return_orders: RETURNS.filter((r) => !filter.order_ids || filter.order_ids.includes(r.order_id)), next_page_token: '', total_count: 2 });
      }
      return sendJson(res, 404, { code: 40006, message: 'Invalid path', request_id: 'req-404' });
    });
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.requests.length = 0;
    problems.length = 0;
    failNext = null;
  });

  const client = (over: Partial<ConstructorParameters<typeof TikTokShopClient>[0]> = {}) =>
    new TikTokShopClient({ appKey: APP_KEY, appSecret: APP_SECRET, accessToken: TOKEN, shopCipher: CIPHER, baseUrl: server.url, now: () => NOW, pageSize: 2, ...over });

  it('syncs orders across pages with signed POSTs (the body is signed)', async () => {
    const orders = await client().searchOrders({ updatedFrom: new Date('2025-07-01T00:00:00Z') });
    expect(problems).toEqual([]);
    expect(orders.map((o) => [o.externalId, o.status])).toEqual([['576684019603311365', 'IN_TRANSIT'], ['576684019603311366', 'AWAITING_SHIPMENT'], ['576684019603311367', 'CANCELLED']]);
    expect(server.requests).toHaveLength(2);
    expect(JSON.parse(server.requests[0]?.body ?? '')).toEqual({ update_time_ge: 1751328000 });
    const q2 = new URL(server.requests[1]?.url ?? '', 'http://x').searchParams;
    expect([q2.get('page_token'), q2.get('page_size')]).toEqual(['page-2', '2']);
  });

  it('maps an order: amounts in minor units, units grouped into items, package shipment, masked buyer', async () => {
    const [o] = await client().getOrders(['576684019603311365']);
    expect(problems).toEqual([]);
    expect(server.requests[0]?.method).toBe('GET');
    expect(new URL(server.requests[0]?.url ?? '', 'http://x').searchParams.get('ids')).toBe('576684019603311365');
    expect(o).toMatchObject({
      channel: 'tiktok', fulfillment: 'TIKTOK', marketplace: null, externalId: '576684019603311365', status: 'IN_TRANSIT', currency: 'USD',
      subtotalMinor: 3698, shippingMinor: 599, taxMinor: 296, discountMinor: 300, totalMinor: 4593,
      shipCountry: 'US', shipPostalCode: '90001', shipCity: 'Los Angeles', returns: [], refunds: [],
    });
    expect(o?.purchasedAt.toISOString()).toBe('2025-07-01T08:00:00.000Z');
    expect(o?.promisedShipBy?.getTime()).toBe(1751529600 * 1000);
    expect(o?.items.map((i) => [i.externalId, i.sku, i.title, i.quantity, i.unitPriceMinor])).toEqual([
      ['5766840196033113651', 'MUG-BLUE', 'Enamel Camp Mug (Blue)', 2, 1299],
      ['5766840196033113653', 'LID-STEEL', 'Steel Lid', 1, 1100],
    ]);
    expect(o?.shipments).toEqual([
      { carrier: 'USPS', service: null, trackingNumber: 'TT123456789US', status: 'in_transit', shippedAt: new Date(1751450000 * 1000), deliveredAt: null, signedBy: null, uploadedToMarketplace: true, events: [] },
    ]);
    expect(o?.customer).toEqual({ name: 'Ja** Do*', email: 'v2abc123xyz@scs.tiktokw.us', phone: null, country: 'US', identities: [{ channel: 'tiktok', externalId: '7021436810468230477' }] });
  });

  it('fetches returns for orders and maps them to return and refund updates', async () => {
    const updates = await client().searchReturns({ orderIds: ['576684019603311365', '576684019603311366'] });
    expect(problems).toEqual([]);
    expect(JSON.parse(server.requests[0]?.body ?? '')).toEqual({ order_ids: ['576684019603311365', '576684019603311366'] });
    expect(updates).toEqual([
      {
        kind: 'return', channel: 'tiktok', orderExternalId: '576684019603311365',
        return: { externalId: '4035318504086507001', sku: 'MUG-BLUE', quantity: 2, reason: 'Damaged item', customerComment: null, disposition: null, status: 'AWAITING_BUYER_SHIP', requestedAt: new Date(1751800000 * 1000), receivedAt: null },
      },
      {
        kind: 'refund', channel: 'tiktok', orderExternalId: '576684019603311366',
        refund: { externalId: '4035318504086507002', amountMinor: 4593, currency: 'USD', reason: 'Package did not arrive', refundedAt: new Date(1751903600 * 1000) },
      },
    ]);
  });

  it('a wrong app secret is caught by the server\'s signature check', async () => {
    await client({ appSecret: 'wrong' }).getOrders(['576684019603311365']);
    expect(problems).toEqual(['bad sign on GET ' + (server.requests[0]?.url ?? '')]);
  });

  it('turns a non-zero code into TikTokApiError with code, message and request id', async () => {
    failNext = { status: 200, body: { code: 105002, message: 'Expired credentials', request_id: 'req-err' } };
    const err = await client().getOrders(['1']).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TikTokApiError);
    expect(err).toMatchObject({ code: 105002, httpStatus: 200, retryable: false, requestId: 'req-err' });
    expect((err as Error).message).toContain('Expired credentials');
  });

  it('marks HTTP 429 and 5xx as retryable', async () => {
    failNext = { status: 429, body: { code: 36009004, message: 'Too many requests', request_id: 'r' } };
    expect(await client().searchOrdersPage().catch((e: unknown) => e)).toMatchObject({ httpStatus: 429, retryable: true });
    failNext = { status: 502, body: 'Bad gateway' };
    expect(await client().searchOrdersPage().catch((e: unknown) => e)).toMatchObject({ httpStatus: 502, retryable: true, code: null });
  });

  it('stops when a page token repeats instead of looping forever', async () => {
    let calls = 0;
    const looping = new TikTokShopClient({
      appKey: APP_KEY, appSecret: APP_SECRET, accessToken: TOKEN, baseUrl: 'http://unused', now: () => NOW,
      fetch: async () => {
        calls++;
        return new Response(JSON.stringify({ code: 0, message: 'Success', data: { orders: [], next_page_token: 'same' } }));
      },
    });
    await expect(looping.searchOrders()).rejects.toThrow(/twice/);
    expect(calls).toBe(2);
  });

  it('refuses non-numeric order ids before any request', async () => {
    await expect(client().getOrders(['1,2'])).rejects.toBeInstanceOf(ChannelInputError);
    expect(server.requests).toHaveLength(0);
  });
});

describe('TikTok mappers', () => {
  it('are deterministic', () => {
    expect(mapTikTokOrder(ORDERS_PAGE_1[0])).toEqual(mapTikTokOrder(structuredClone(ORDERS_PAGE_1[0])));
    expect(mapTikTokReturn(RETURNS[0])).toEqual(mapTikTokReturn(structuredClone(RETURNS[0])));
  });

  it('reads zero-decimal currencies (JPY) exactly', () => {
    const jpy = order('1', 'COMPLETED', { payment: { currency: 'JPY', sub_total: '3980', shipping_fee: '0', total_amount: '3980' }, line_items: [] });
    expect(mapTikTokOrder(jpy)).toMatchObject({ currency: 'JPY', subtotalMinor: 3980, totalMinor: 3980, discountMinor: 0, taxMinor: 0 });
  });

  it('names the wrong field', () => {
    const bad = order('1', 'COMPLETED');
    (bad['line_items'] as Record<string, unknown>[])[2]!['sale_price'] = '11.001';
    expect(() => mapTikTokOrder(bad)).toThrow(expect.objectContaining({ field: 'line_items[2].sale_price' }));
    expect(() => mapTikTokOrder({ ...order('1', 'COMPLETED'), payment: { currency: 'USD' } })).toThrow(expect.objectContaining({ field: 'payment.sub_total' }));
    expect(() => mapTikTokReturn({ ...RETURNS[0], return_status: undefined })).toThrow(expect.objectContaining({ field: 'return_status' }));
  });
});
