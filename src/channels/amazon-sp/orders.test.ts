import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ChannelInputError } from '../types.ts';
import { SpApiClient } from './client.ts';
import { marketplaceCodeForId, marketplaceIdForCode } from './marketplaces.ts';
import { OrdersApi, ordersQuery, type SpOrder, type SpOrderItem } from './orders.ts';
import { spOrderToSnapshot } from './order-snapshot.ts';
import { AMAZON_SP_FIXTURES_DIR, startSandboxServer, type SandboxReply, type SandboxRequest, type SandboxServer } from './sandbox-server.ts';

const CREDS = { clientId: 'client-id', clientSecret: 'client-secret', refreshToken: 'Atzr|refresh' };
const SAMPLES_DIR = resolve(AMAZON_SP_FIXTURES_DIR, 'selling-partner-api-samples-responses');
const sample = (name: string): unknown => JSON.parse(readFileSync(resolve(SAMPLES_DIR, name), 'utf8'));

let server: SandboxServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

/** OrdersApi against a server whose SP-API answers come from `answer` (no replayed examples). */
async function ordersWith(answer: (req: SandboxRequest) => SandboxReply | undefined): Promise<{ orders: OrdersApi; calls: SandboxRequest[] }> {
  const s = await startSandboxServer({ operations: [] });
  server = s;
  const calls: SandboxRequest[] = [];
  s.intercept = (req) => {
    if (!req.path.startsWith('/orders/')) return undefined;
    calls.push(req);
    return answer(req) ?? { status: 404, json: { errors: [{ code: 'NotFound', message: `unexpected ${req.path}` }] } };
  };
  const client = new SpApiClient({ endpoint: s.endpoint, lwaEndpoint: s.lwaEndpoint, credentials: CREDS, sleep: async () => {} });
  return { orders: new OrdersApi(client), calls };
}

const baseOrder = (over: Partial<SpOrder> = {}): SpOrder => ({
  AmazonOrderId: '302-1234567-7654321',
  PurchaseDate: '2026-02-03T10:00:00Z',
  OrderStatus: 'Shipped',
  FulfillmentChannel: 'AFN',
  MarketplaceId: 'A1PA6795UKMFR9',
  ...over,
});

const item = (over: Partial<SpOrderItem> = {}): SpOrderItem => ({ OrderItemId: '1', SellerSKU: 'SKU-1', ASIN: 'B000000001', Title: 'Thing', QuantityOrdered: 1, ...over });

describe('spOrderToSnapshot', () => {
  it('parses decimal strings exactly (no float drift) and derives the unit price from the line price', () => {
    const snap = spOrderToSnapshot(
      baseOrder({ MarketplaceId: 'ATVPDKIKX0DER', FulfillmentChannel: 'MFN', OrderTotal: undefined }),
      [
        item({ QuantityOrdered: 3, ItemPrice: { CurrencyCode: 'USD', Amount: '59.97' }, ItemTax: { CurrencyCode: 'USD', Amount: '0.10' } }),
        item({ OrderItemId: '2', SellerSKU: 'SKU-2', ItemPrice: { CurrencyCode: 'USD', Amount: '0.20' }, ItemTax: { CurrencyCode: 'USD', Amount: '0.20' }, ShippingPrice: { CurrencyCode: 'USD', Amount: '4.99' }, PromotionDiscount: { CurrencyCode: 'USD', Amount: '1.00' } }),
      ],
    );
    expect(snap.items.map((i) => [i.sku, i.quantity, i.unitPriceMinor])).toEqual([['SKU-1', 3, 1999], ['SKU-2', 1, 20]]);
    expect(snap).toMatchObject({ currency: 'USD', subtotalMinor: 5997 + 20, taxMinor: 30, shippingMinor: 499, discountMinor: 100, fulfillment: 'FBM', marketplace: 'US' });
    // No OrderTotal: US prices exclude tax, so the total adds it.
    expect(snap.totalMinor).toBe(6017 + 499 + 30 - 100);
  });

  it('without OrderTotal, a VAT marketplace total does not add the tax again', () => {
    const snap = spOrderToSnapshot(baseOrder(), [item({ ItemPrice: { CurrencyCode: 'EUR', Amount: '119.00' }, ItemTax: { CurrencyCode: 'EUR', Amount: '19.00' } })]);
    expect(snap).toMatchObject({ currency: 'EUR', subtotalMinor: 11900, taxMinor: 1900, totalMinor: 11900, fulfillment: 'FBA', marketplace: 'DE' });
  });

  it('uses zero-decimal currencies (JPY) as they are', () => {
    const snap = spOrderToSnapshot(baseOrder({ MarketplaceId: 'A1VC38T7YXB528', OrderTotal: { CurrencyCode: 'JPY', Amount: '1500' } }), [item({ ItemPrice: { CurrencyCode: 'JPY', Amount: '1500' } })]);
    expect(snap).toMatchObject({ marketplace: 'JP', currency: 'JPY', totalMinor: 1500, subtotalMinor: 1500 });
  });

  it('takes the currency from the marketplace when nothing is priced yet (Pending)', () => {
    const snap = spOrderToSnapshot(baseOrder({ OrderStatus: 'Pending', MarketplaceId: 'A1F83G8C2ARO7P' }), [item()]);
    expect(snap).toMatchObject({ marketplace: 'UK', currency: 'GBP', totalMinor: 0, status: 'Pending' });
    expect(snap.items[0]!.unitPriceMinor).toBe(0);
  });

  it('refuses amounts finer than a minor unit, other currencies, unknown fulfillment channels and bad dates', () => {
    const bad = (order: SpOrder, items: SpOrderItem[]): ChannelInputError => {
      try {
        spOrderToSnapshot(order, items);
      } catch (e) {
        if (e instanceof ChannelInputError) return e;
        throw e;
      }
      throw new Error('expected a ChannelInputError');
    };
    expect(bad(baseOrder(), [item({ ItemPrice: { CurrencyCode: 'EUR', Amount: '1.005' } })]).field).toBe('OrderItems[0].ItemPrice.Amount');
    expect(bad(baseOrder({ OrderTotal: { CurrencyCode: 'EUR', Amount: '12,5' } }), []).field).toBe('OrderTotal.Amount');
    expect(bad(baseOrder({ OrderTotal: { CurrencyCode: 'EUR', Amount: '10.00' } }), [item({ ItemPrice: { CurrencyCode: 'GBP', Amount: '10.00' } })]).field).toBe('OrderItems[0].ItemPrice.CurrencyCode');
    expect(bad(baseOrder({ FulfillmentChannel: 'XYZ' }), []).field).toBe('FulfillmentChannel');
    expect(bad(baseOrder({ PurchaseDate: 'yesterday' }), []).field).toBe('PurchaseDate');
    expect(bad(baseOrder({ MarketplaceId: 'A2Q3Y263D00KWC' }), []).field).toBe('OrderTotal.CurrencyCode');
  });

  it('builds the customer from BuyerInfo: the relay address is the amazon identity', () => {
    const snap = spOrderToSnapshot(
      baseOrder({ BuyerInfo: { BuyerEmail: 'Q7kx2m9v4tz1abc@marketplace.amazon.de', BuyerName: 'Jana K.' }, ShippingAddress: { City: 'Köln', PostalCode: '50667', CountryCode: 'DE' } }),
      [],
    );
    expect(snap.customer).toEqual({ name: 'Jana K.', email: 'q7kx2m9v4tz1abc@marketplace.amazon.de', phone: null, country: 'DE', identities: [{ channel: 'amazon', externalId: 'q7kx2m9v4tz1abc@marketplace.amazon.de' }] });
    expect([snap.shipCity, snap.shipPostalCode, snap.shipCountry]).toEqual(['Köln', '50667', 'DE']);
    expect(spOrderToSnapshot(baseOrder({ BuyerInfo: {} }), []).customer).toBeNull();
  });
});

describe('marketplaces', () => {
  it('maps Amazon marketplace ids to our codes and back', () => {
    const ids: Record<string, string> = {
      ATVPDKIKX0DER: 'US', A1PA6795UKMFR9: 'DE', A1F83G8C2ARO7P: 'UK', A13V1IB3VIYZZH: 'FR', APJ6JRA9NG5V4: 'IT', A1RKKUPIHCS9HS: 'ES',
      A2EUQ1WTGCTBG2: 'CA', A1AM78C64UM0Y8: 'MX', A1VC38T7YXB528: 'JP', A1805IZSGTT6HS: 'NL', A2NODRKZP88ZB9: 'SE', A1C3SOZRARQ6R3: 'PL', A39IBJ37TRP1C6: 'AU',
    };
    for (const [id, code] of Object.entries(ids)) {
      expect(marketplaceCodeForId(id)).toBe(code);
      expect(marketplaceIdForCode(code)).toBe(id);
    }
    expect(marketplaceCodeForId('A2Q3Y263D00KWC')).toBeNull(); // Brazil: not one of ours
    expect(() => marketplaceIdForCode('XX')).toThrow(/unknown marketplace code/);
  });
});

describe('OrdersApi', () => {
  it('getOrders sends dates as ISO 8601 and every filter with the NextToken', () => {
    expect(ordersQuery({ marketplaceIds: ['A1PA6795UKMFR9', 'A13V1IB3VIYZZH'], lastUpdatedAfter: new Date('2026-01-01T00:00:00Z'), orderStatuses: ['Shipped', 'Canceled'], nextToken: 'abc' })).toEqual({
      CreatedAfter: undefined, CreatedBefore: undefined, LastUpdatedAfter: '2026-01-01T00:00:00.000Z', LastUpdatedBefore: undefined,
      OrderStatuses: ['Shipped', 'Canceled'], MarketplaceIds: ['A1PA6795UKMFR9', 'A13V1IB3VIYZZH'], FulfillmentChannels: undefined, AmazonOrderIds: undefined, MaxResultsPerPage: undefined, NextToken: 'abc',
    });
    expect(() => ordersQuery({ marketplaceIds: [], createdAfter: 'x' })).toThrow(/1 to 50 marketplaceIds/);
    expect(() => ordersQuery({ marketplaceIds: ['ATVPDKIKX0DER'] })).toThrow(/createdAfter or lastUpdatedAfter/);
    expect(() => ordersQuery({ marketplaceIds: ['ATVPDKIKX0DER'], createdAfter: 'a', lastUpdatedAfter: 'b' })).toThrow(/not both/);
  });

  it('getOrders pages through NextToken and keeps the filters on every page', async () => {
    const page = (ids: string[], next?: string): SandboxReply => ({ status: 200, json: { payload: { Orders: ids.map((id) => baseOrder({ AmazonOrderId: id })), ...(next ? { NextToken: next } : {}) } } });
    const { orders, calls } = await ordersWith((req) => (req.query.get('NextToken') === 'page-2' ? page(['C']) : page(['A', 'B'], 'page-2')));
    const seen: string[] = [];
    for await (const o of orders.iterateOrders({ marketplaceIds: ['A1PA6795UKMFR9'], createdAfter: new Date('2026-02-01T00:00:00Z'), orderStatuses: ['Shipped'] })) seen.push(o.AmazonOrderId);
    expect(seen).toEqual(['A', 'B', 'C']);
    expect(calls.map((c) => Object.fromEntries(c.query))).toEqual([
      { CreatedAfter: '2026-02-01T00:00:00.000Z', OrderStatuses: 'Shipped', MarketplaceIds: 'A1PA6795UKMFR9' },
      { CreatedAfter: '2026-02-01T00:00:00.000Z', OrderStatuses: 'Shipped', MarketplaceIds: 'A1PA6795UKMFR9', NextToken: 'page-2' },
    ]);
  });

  it('getOrderItems follows NextToken', async () => {
    const { orders, calls } = await ordersWith((req) => {
      if (req.path !== '/orders/v0/orders/302-1234567-7654321/orderItems') return undefined;
      return req.query.get('NextToken') === 'more'
        ? { status: 200, json: { payload: { AmazonOrderId: '302-1234567-7654321', OrderItems: [item({ OrderItemId: '3' })] } } }
        : { status: 200, json: { payload: { AmazonOrderId: '302-1234567-7654321', OrderItems: [item({ OrderItemId: '1' }), item({ OrderItemId: '2' })], NextToken: 'more' } } };
    });
    const items = await orders.getOrderItems('302-1234567-7654321');
    expect(items.map((i) => i.OrderItemId)).toEqual(['1', '2', '3']);
    expect(calls).toHaveLength(2);
  });

  it('stops when a page hands back the NextToken it was asked for', async () => {
    const { orders, calls } = await ordersWith(() => ({ status: 200, json: { payload: { Orders: [baseOrder()], NextToken: 'same' } } }));
    await expect(orders.getOrders({ marketplaceIds: ['A1PA6795UKMFR9'], createdAfter: 'x' })).rejects.toMatchObject({ code: 'PagingLoop' });
    expect(calls).toHaveLength(2);
  });

  it('rejects a response without the fields we rely on', async () => {
    const { orders } = await ordersWith(() => ({ status: 200, json: { payload: { Orders: [{ OrderStatus: 'Shipped' }] } } }));
    await expect(orders.getOrdersPage({ marketplaceIds: ['ATVPDKIKX0DER'], createdAfter: 'x' })).rejects.toMatchObject({ code: 'InvalidResponse', message: expect.stringContaining('AmazonOrderId') });
  });
});

describe.skipIf(!existsSync(SAMPLES_DIR))(`selling-partner-api-samples responses (fixtures: ${SAMPLES_DIR})`, () => {
  it('orders-getOrder + getOrderAddress + getOrderBuyerInfo → an Amazon Business order snapshot', async () => {
    const replies: Record<string, unknown> = {
      '/orders/v0/orders/123-4567890-1234567': sample('orders-getOrder.json'),
      '/orders/v0/orders/123-4567890-1234567/address': sample('orders-getOrderAddress.json'),
      '/orders/v0/orders/123-4567890-1234567/buyerInfo': sample('orders-getOrderBuyerInfo.json'),
      '/orders/v0/orders/123-4567890-1234567/orderItems': { payload: { AmazonOrderId: '123-4567890-1234567', OrderItems: [] } },
    };
    const { orders } = await ordersWith((req) => (replies[req.path] ? { status: 200, json: replies[req.path] } : undefined));
    const order = await orders.getOrder('123-4567890-1234567');
    expect(order).toMatchObject({ SellerOrderId: 'SO-1001', IsBusinessOrder: true, OrderTotal: { CurrencyCode: 'USD', Amount: '149.99' } });
    const address = await orders.getOrderAddress('123-4567890-1234567');
    const buyerInfo = await orders.getOrderBuyerInfo('123-4567890-1234567');
    const items = await orders.getOrderItems('123-4567890-1234567');
    const snap = spOrderToSnapshot(order, items, { buyerInfo, shippingAddress: address.ShippingAddress ?? null });
    expect(snap).toMatchObject({
      externalId: '123-4567890-1234567', marketplace: 'US', fulfillment: 'FBM', status: 'Unshipped', currency: 'USD', totalMinor: 14999,
      purchasedAt: new Date('2025-10-15T14:22:33Z'), promisedShipBy: null, promisedDeliveryBy: null,
      shipCity: 'Chicago', shipPostalCode: '60601', shipCountry: 'US',
    });
    expect(snap.customer).toEqual({
      name: 'Amazon Business Buyer', email: '0000000000@marketplace.amazon.com', phone: null, country: 'US',
      identities: [{ channel: 'amazon', externalId: '0000000000@marketplace.amazon.com' }],
    });
  });

  it('orders-getOrderItems (amazon.com.br, BRL) parses with exact amounts and UTF-8 titles', async () => {
    const { orders } = await ordersWith((req) => (req.path === '/orders/v0/orders/701-3922379-8329033/orderItems' ? { status: 200, json: sample('orders-getOrderItems.json') } : undefined));
    const items = await orders.getOrderItems('701-3922379-8329033');
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ OrderItemId: '147645420374961', SellerSKU: 'gb-mg5-x116440', ASIN: 'B0F7YT4YW2', Title: 'Blusão Moletom com Capuz Plus Size', ItemPrice: { CurrencyCode: 'BRL', Amount: '1.00' }, ShippingPrice: { Amount: '7.02' } });
    // The sample ships items without their order; pair them with a minimal MFN order of the same id.
    const snap = spOrderToSnapshot({ AmazonOrderId: '701-3922379-8329033', PurchaseDate: '2025-11-20T11:08:41Z', OrderStatus: 'Unshipped', FulfillmentChannel: 'MFN', MarketplaceId: 'A2Q3Y263D00KWC' }, items);
    expect(snap).toMatchObject({ marketplace: null, currency: 'BRL', subtotalMinor: 100, shippingMinor: 702, taxMinor: 0, discountMinor: 0, totalMinor: 802 });
    expect(snap.items).toEqual([{ externalId: '147645420374961', sku: 'gb-mg5-x116440', asin: 'B0F7YT4YW2', fnsku: null, title: 'Blusão Moletom com Capuz Plus Size', quantity: 1, unitPriceMinor: 100 }]);
  });

  it('easyship-orders-getOrder (Brazil, not one of our marketplaces) maps with marketplace null', () => {
    const order = (sample('easyship-orders-getOrder.json') as { payload: SpOrder }).payload;
    const snap = spOrderToSnapshot(order, []);
    expect(snap).toMatchObject({
      externalId: '701-2161150-1980205', marketplace: null, fulfillment: 'FBM', status: 'Unshipped', currency: 'BRL', totalMinor: 1200,
      promisedShipBy: new Date('2025-11-22T02:59:59Z'), promisedDeliveryBy: new Date('2025-11-29T02:59:59Z'), shipCountry: 'BR',
    });
    // The sample's BuyerInfo is a redacted placeholder; it still becomes the identity verbatim.
    expect(snap.customer?.identities).toEqual([{ channel: 'amazon', externalId: '<buyer-email>' }]);
  });
});
