/**
 * Every static sandbox example of the operations we use goes through the real client against the replay server:
 * the request the client builds must match the example exactly (or the server answers 404), and the example's
 * response must parse into our types and, for orders, into an OrderSnapshot. The last test checks coverage.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSpApi, type SpApi } from './index.ts';
import { SpApiError } from './errors.ts';
import { spOrderToSnapshot } from './order-snapshot.ts';
import {
  AMAZON_SP_FIXTURES_DIR, SANDBOX_OPERATIONS, SANDBOX_REPORT_DOCUMENT_ID, SANDBOX_REPORT_TSV,
  sandboxFixturesAvailable, startSandboxServer, type SandboxServer,
} from './sandbox-server.ts';

const CREDS = { clientId: 'client-id', clientSecret: 'client-secret', refreshToken: 'Atzr|refresh' };
const US = 'ATVPDKIKX0DER';
const DE = 'A1PA6795UKMFR9';

describe.skipIf(!sandboxFixturesAvailable())(`SP-API sandbox examples round-trip (fixtures: ${AMAZON_SP_FIXTURES_DIR})`, () => {
  let server: SandboxServer;
  let api: SpApi;
  const sleeps: number[] = [];

  beforeAll(async () => {
    server = await startSandboxServer({ credentials: CREDS });
    api = createSpApi({ endpoint: server.endpoint, lwaEndpoint: server.lwaEndpoint, credentials: CREDS, sleep: async (ms) => { sleeps.push(ms); } });
  });
  afterAll(async () => {
    await server?.close();
  });

  const lastReplayed = (): string => {
    const r = server.replayed.at(-1);
    return r ? `${r.key.split('#')[1]}#${r.index}` : 'none';
  };

  describe('Orders v0', () => {
    it('getOrders TEST_CASE_200 → two unshipped MFN orders → snapshots', async () => {
      const { orders, nextToken, pages } = await api.orders.getOrders({ marketplaceIds: [US], createdAfter: 'TEST_CASE_200' });
      expect(lastReplayed()).toBe('getOrders#0');
      expect(pages).toBe(1);
      expect(nextToken).toBeNull();
      expect(orders.map((o) => o.AmazonOrderId)).toEqual(['902-1845936-5435065', '902-8745147-1934268']);
      const snap = spOrderToSnapshot(orders[0]!, []);
      expect(snap).toEqual({
        channel: 'amazon',
        marketplace: 'US',
        externalId: '902-1845936-5435065',
        fulfillment: 'FBM',
        status: 'Unshipped',
        purchasedAt: new Date('1970-01-19T03:58:30Z'),
        promisedShipBy: new Date('1970-01-19T04:05:13Z'),
        promisedDeliveryBy: new Date('1970-01-19T04:15:17Z'),
        currency: 'USD',
        subtotalMinor: 0,
        shippingMinor: 0,
        taxMinor: 0,
        discountMinor: 0,
        totalMinor: 1101,
        // DefaultShipFromLocationAddress is the seller's warehouse, not where the order goes.
        shipCountry: null,
        shipPostalCode: null,
        shipCity: null,
        items: [],
        shipments: [],
        returns: [],
        refunds: [],
        customer: null,
      });
    });

    it('getOrders TEST_CASE_200_NEXT_TOKEN → follows NextToken to the second page', async () => {
      const before = server.requests.length;
      const pages = [];
      for await (const page of api.orders.iterateOrderPages({ marketplaceIds: [US], createdAfter: 'TEST_CASE_200_NEXT_TOKEN' })) pages.push(page);
      expect(pages.map((p) => p.nextToken)).toEqual(['2YgYW55IGNhcm5hbCBwbGVhc3VyZS4', null]);
      const sent = server.requests.slice(before).filter((r) => r.path === '/orders/v0/orders');
      expect(sent.map((r) => r.query.get('NextToken'))).toEqual([null, '2YgYW55IGNhcm5hbCBwbGVhc3VyZS4']);
      expect(sent.every((r) => r.query.get('CreatedAfter') === 'TEST_CASE_200_NEXT_TOKEN' && r.query.get('MarketplaceIds') === US)).toBe(true);
      expect(server.replayed.slice(-2).map((r) => r.index)).toEqual([1, 2]);
      // The sandbox returns the same order on both pages; getOrders keeps it once.
      const all = await api.orders.getOrders({ marketplaceIds: [US], createdAfter: 'TEST_CASE_200_NEXT_TOKEN' });
      expect(all.pages).toBe(2);
      expect(all.orders.map((o) => o.AmazonOrderId)).toEqual(['902-3159896-1390916']);
      const snap = spOrderToSnapshot(all.orders[0]!, []);
      expect(snap).toMatchObject({ status: 'Pending', fulfillment: 'FBM', marketplace: 'US', currency: 'USD', totalMinor: 0, promisedShipBy: new Date('2017-01-25T19:49:35Z'), promisedDeliveryBy: null });
    });

    it('getOrders with a page cap returns the NextToken to resume from', async () => {
      const first = await api.orders.getOrders({ marketplaceIds: [US], createdAfter: 'TEST_CASE_200_NEXT_TOKEN' }, { maxPages: 1 });
      expect(first.nextToken).toBe('2YgYW55IGNhcm5hbCBwbGVhc3VyZS4');
      const rest = await api.orders.getOrders({ marketplaceIds: [US], createdAfter: 'TEST_CASE_200_NEXT_TOKEN', nextToken: first.nextToken! });
      expect(rest.nextToken).toBeNull();
      expect(lastReplayed()).toBe('getOrders#2');
    });

    it('getOrders TEST_CASE_400 → SpApiError InvalidInput (sent raw: the example has no MarketplaceIds)', async () => {
      const err = await api.client.request({ method: 'GET', path: '/orders/v0/orders', query: { CreatedAfter: 'TEST_CASE_400' }, operation: 'getOrders' }).catch((e: unknown) => e);
      expect(lastReplayed()).toBe('getOrders#3');
      expect(err).toBeInstanceOf(SpApiError);
      expect(err).toMatchObject({ code: 'InvalidInput', status: 400, retryable: false, message: 'SP-API getOrders failed with HTTP 400: InvalidInput: Invalid Input' });
    });

    it('getOrder + getOrderItems + getOrderBuyerInfo + getOrderAddress TEST_CASE_200 → full snapshot', async () => {
      const order = await api.orders.getOrder('TEST_CASE_200');
      expect(lastReplayed()).toBe('getOrder#0');
      const items = await api.orders.getOrderItems('TEST_CASE_200');
      expect(lastReplayed()).toBe('getOrderItems#0');
      const buyerInfo = await api.orders.getOrderBuyerInfo('TEST_CASE_200');
      expect(lastReplayed()).toBe('getOrderBuyerInfo#0');
      const address = await api.orders.getOrderAddress('TEST_CASE_200');
      expect(lastReplayed()).toBe('getOrderAddress#0');

      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({ OrderItemId: '05015851154158', QuantityOrdered: 1, ItemPrice: { CurrencyCode: 'USD', Amount: '10.00' }, ItemTax: { Amount: '1.01' } });
      const snap = spOrderToSnapshot(order, items, { buyerInfo, shippingAddress: address.ShippingAddress ?? null });
      expect(snap).toMatchObject({
        externalId: '902-1845936-5435065', marketplace: 'US', fulfillment: 'FBM', status: 'Unshipped', currency: 'USD',
        subtotalMinor: 1000, taxMinor: 101, shippingMinor: 0, discountMinor: 0, totalMinor: 1101,
        shipCity: 'SEATTLE', shipPostalCode: '98121-2778', shipCountry: 'US',
      });
      // Sum of parts agrees with Amazon's OrderTotal (US prices exclude tax).
      expect(snap.subtotalMinor + snap.shippingMinor + snap.taxMinor - snap.discountMinor).toBe(snap.totalMinor);
      expect(snap.items).toEqual([{ externalId: '05015851154158', sku: 'NABetaASINB00551Q3CS', asin: 'B00551Q3CS', fnsku: null, title: 'B00551Q3CS [Card Book]', quantity: 1, unitPriceMinor: 1000 }]);
      expect(snap.customer).toEqual({
        name: 'MFNIntegrationTestMerchant', email: 'fzyrv6gwkhbb15c@example.com', phone: '+1 480-386-0930 ext. 73824', country: 'US',
        identities: [{ channel: 'amazon', externalId: 'fzyrv6gwkhbb15c@example.com' }],
      });
    });

    it('getOrder TEST_CASE_IBA_200 → FBA order on amazon.de in EUR', async () => {
      const order = await api.orders.getOrder('TEST_CASE_IBA_200');
      expect(lastReplayed()).toBe('getOrder#1');
      const snap = spOrderToSnapshot(order, []);
      expect(snap).toMatchObject({
        externalId: '921-3175655-0452641', marketplace: 'DE', fulfillment: 'FBA', status: 'Shipped', currency: 'EUR', totalMinor: 10000,
        purchasedAt: new Date('2019-05-07T15:42:57.058Z'), promisedShipBy: new Date('2019-05-08T21:59:59Z'), promisedDeliveryBy: new Date('2019-05-12T21:59:59Z'),
      });
    });

    it.each([
      ['getOrder', 2, (api: SpApi) => api.orders.getOrder('TEST_CASE_400')],
      ['getOrderItems', 1, (api: SpApi) => api.orders.getOrderItems('TEST_CASE_400')],
      ['getOrderBuyerInfo', 1, (api: SpApi) => api.orders.getOrderBuyerInfo('TEST_CASE_400')],
      ['getOrderAddress', 1, (api: SpApi) => api.orders.getOrderAddress('TEST_CASE_400')],
    ] as const)('%s TEST_CASE_400 → SpApiError InvalidInput', async (operation, index, call) => {
      const err = await call(api).catch((e: unknown) => e);
      expect(lastReplayed()).toBe(`${operation}#${index}`);
      expect(err).toMatchObject({ name: 'SpApiError', code: 'InvalidInput', status: 400, retryable: false, operation });
    });

    it('a request no example covers gets a 404 naming the example values', async () => {
      const err = (await api.orders.getOrder('123-0000000-0000000').catch((e: unknown) => e)) as SpApiError;
      expect(err).toMatchObject({ code: 'NotFound', status: 404, retryable: false });
      expect(err.message).toContain('No sandbox example of getOrder matches GET /orders/v0/orders/123-0000000-0000000');
      expect(err.details).toContain('orderId="TEST_CASE_IBA_200"');
      // An extra query parameter is a mismatch too: the replay is exact.
      await expect(api.orders.getOrders({ marketplaceIds: [US], createdAfter: 'TEST_CASE_200', maxResultsPerPage: 10 })).rejects.toMatchObject({ code: 'NotFound' });
    });
  });

  describe('Reports 2021-06-30', () => {
    it('createReport: the body built from a Date and marketplace ids matches the example → ID323', async () => {
      const reportId = await api.reports.createReport({ reportType: 'GET_MERCHANT_LISTINGS_ALL_DATA', dataStartTime: new Date('2024-03-10T20:11:24Z'), marketplaceIds: [DE, US] });
      expect(lastReplayed()).toBe('createReport#0');
      expect(reportId).toBe('ID323');
      const sent = server.requests.filter((r) => r.path === '/reports/2021-06-30/reports').at(-1)!;
      expect(JSON.parse(sent.body)).toEqual({ reportType: 'GET_MERCHANT_LISTINGS_ALL_DATA', marketplaceIds: [DE, US], dataStartTime: '2024-03-10T20:11:24.000Z' });
    });

    it('createReport with a bad report type → the example 400', async () => {
      const err = await api.reports.createReport({ reportType: 'BAD_FEE_DISCOUNTS_REPORT', dataStartTime: '2024-03-10T20:11:24.000Z', marketplaceIds: [DE, US] }).catch((e: unknown) => e);
      expect(lastReplayed()).toBe('createReport#1');
      expect(err).toMatchObject({ code: '400', status: 400, retryable: false, details: 'Invalid input' });
    });

    it('getReport ID323 → an IN_PROGRESS report', async () => {
      const report = await api.reports.getReport('ID323');
      expect(lastReplayed()).toBe('getReport#0');
      expect(report).toMatchObject({ reportId: 'ReportId1', reportType: 'FEE_DISCOUNTS_REPORT', processingStatus: 'IN_PROGRESS', createdTime: '2024-03-10T13:47:20.677Z', dataStartTime: '2024-03-11T13:47:20.677Z' });
      expect(report.reportDocumentId).toBeUndefined();
    });

    it('getReport badReportId1 → the example 400', async () => {
      await expect(api.reports.getReport('badReportId1')).rejects.toMatchObject({ code: '400', status: 400, message: expect.stringContaining('Invalid input') });
      expect(lastReplayed()).toBe('getReport#1');
    });

    it('getReportDocument → URL rewritten to the local server; download gunzips to the exact bytes', async () => {
      const doc = await api.reports.getReportDocument(SANDBOX_REPORT_DOCUMENT_ID);
      expect(lastReplayed()).toBe('getReportDocument#0');
      expect(doc.reportDocumentId).toBe(SANDBOX_REPORT_DOCUMENT_ID);
      expect(doc.url).toBe(server.documentUrl(SANDBOX_REPORT_DOCUMENT_ID));
      expect(doc.compressionAlgorithm).toBe('GZIP');
      const bytes = await api.reports.downloadDocument(doc);
      expect(bytes.equals(SANDBOX_REPORT_TSV)).toBe(true);
      expect(bytes.includes(Buffer.from([0x43, 0x61, 0x66, 0xe9]))).toBe(true); // "Caf\xE9": windows-1252, undecoded
      const fetched = server.requests.at(-1)!;
      expect(fetched.path).toBe(`/sandbox-documents/${SANDBOX_REPORT_DOCUMENT_ID}`);
      expect(fetched.headers['x-amz-access-token']).toBeUndefined();
    });

    it('getReportDocument badDocumentId1 → the example 400', async () => {
      await expect(api.reports.getReportDocument('badDocumentId1')).rejects.toMatchObject({ code: '400', status: 400, operation: 'getReportDocument' });
      expect(lastReplayed()).toBe('getReportDocument#1');
    });

    it('cancelReport ID → 200 with no body; any other id → the example 400 (its example has no parameters)', async () => {
      await expect(api.reports.cancelReport('ID')).resolves.toBeUndefined();
      expect(lastReplayed()).toBe('cancelReport#0');
      await expect(api.reports.cancelReport('R-42')).rejects.toMatchObject({ code: '400', status: 400, operation: 'cancelReport' });
      expect(lastReplayed()).toBe('cancelReport#1');
    });
  });

  it('no request was throttled, and every example of every replayed operation was used', () => {
    expect(sleeps).toEqual([]);
    const used = new Set(server.replayed.map((r) => `${r.key}#${r.index}`));
    const all = server.operations.flatMap((op) => op.examples.map((ex) => `${ex.key}#${ex.index}`));
    expect(server.operations.map((op) => op.key)).toEqual(SANDBOX_OPERATIONS);
    expect(all.filter((k) => !used.has(k))).toEqual([]);
    expect(all).toHaveLength(21); // getOrders 4, getOrder 3, the other seven operations 2 each
  });
});
