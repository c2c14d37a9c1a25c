/** Orders API v0 (`/orders/v0`): getOrders with NextToken paging, getOrder, getOrderItems, buyer info and address. */
import type { SpApiClient } from './client.ts';
import { SpApiError } from './errors.ts';

/** Money as SP-API sends it: `Amount` is a decimal string ("11.01"). */
export interface SpMoney {
  readonly CurrencyCode?: string;
  readonly Amount?: string;
}

export interface SpAddress {
  readonly Name?: string;
  readonly CompanyName?: string;
  readonly AddressLine1?: string;
  readonly AddressLine2?: string;
  readonly AddressLine3?: string;
  readonly City?: string;
  readonly County?: string;
  readonly District?: string;
  readonly StateOrRegion?: string;
  readonly Municipality?: string;
  readonly PostalCode?: string;
  readonly CountryCode?: string;
  readonly Phone?: string;
  readonly AddressType?: string;
  readonly [key: string]: unknown;
}

export interface SpBuyerInfo {
  /** The anonymised relay address (…@marketplace.amazon.com) in production. */
  readonly BuyerEmail?: string;
  readonly BuyerName?: string;
  readonly BuyerCounty?: string;
  readonly PurchaseOrderNumber?: string;
  readonly BuyerTaxInfo?: Readonly<Record<string, unknown>>;
  readonly [key: string]: unknown;
}

export interface SpOrder {
  readonly AmazonOrderId: string;
  readonly SellerOrderId?: string;
  readonly PurchaseDate: string;
  readonly LastUpdateDate?: string;
  /** PendingAvailability, Pending, Unshipped, PartiallyShipped, Shipped, InvoiceUnconfirmed, Canceled, Unfulfillable. */
  readonly OrderStatus: string;
  /** AFN = fulfilled by Amazon, MFN = by the merchant. */
  readonly FulfillmentChannel?: string;
  readonly SalesChannel?: string;
  readonly OrderChannel?: string;
  readonly ShipServiceLevel?: string;
  readonly OrderTotal?: SpMoney;
  readonly NumberOfItemsShipped?: number;
  readonly NumberOfItemsUnshipped?: number;
  readonly PaymentMethod?: string;
  readonly PaymentMethodDetails?: readonly string[];
  readonly MarketplaceId?: string;
  readonly ShipmentServiceLevelCategory?: string;
  readonly OrderType?: string;
  readonly EarliestShipDate?: string;
  readonly LatestShipDate?: string;
  readonly EarliestDeliveryDate?: string;
  readonly LatestDeliveryDate?: string;
  readonly IsBusinessOrder?: boolean;
  readonly IsPrime?: boolean;
  readonly IsPremiumOrder?: boolean;
  readonly IsGlobalExpressEnabled?: boolean;
  readonly IsReplacementOrder?: boolean;
  readonly ReplacedOrderId?: string;
  readonly IsSoldByAB?: boolean;
  readonly IsIBA?: boolean;
  readonly IsISPU?: boolean;
  readonly IsAccessPointOrder?: boolean;
  readonly ShippingAddress?: SpAddress;
  readonly DefaultShipFromLocationAddress?: SpAddress;
  readonly BuyerInfo?: SpBuyerInfo;
  readonly EasyShipShipmentStatus?: string;
  readonly ElectronicInvoiceStatus?: string;
  readonly [key: string]: unknown;
}

export interface SpOrderItem {
  readonly OrderItemId: string;
  readonly ASIN?: string;
  readonly SellerSKU?: string;
  readonly Title?: string;
  readonly QuantityOrdered: number;
  readonly QuantityShipped?: number;
  /** Price of the whole line (unit price × QuantityOrdered). Absent while the order is Pending. */
  readonly ItemPrice?: SpMoney;
  readonly ShippingPrice?: SpMoney;
  readonly GiftWrapPrice?: SpMoney;
  readonly ItemTax?: SpMoney;
  readonly ShippingTax?: SpMoney;
  readonly GiftWrapTax?: SpMoney;
  readonly ShippingDiscount?: SpMoney;
  readonly ShippingDiscountTax?: SpMoney;
  readonly PromotionDiscount?: SpMoney;
  readonly PromotionDiscountTax?: SpMoney;
  readonly ConditionId?: string;
  readonly ConditionSubtypeId?: string;
  readonly IsGift?: string;
  readonly [key: string]: unknown;
}

export type DateParam = Date | string;

export interface GetOrdersParams {
  /** Amazon marketplace ids (1–50); see marketplaceIdForCode. */
  readonly marketplaceIds: readonly string[];
  readonly createdAfter?: DateParam;
  readonly createdBefore?: DateParam;
  readonly lastUpdatedAfter?: DateParam;
  readonly lastUpdatedBefore?: DateParam;
  readonly orderStatuses?: readonly string[];
  readonly fulfillmentChannels?: readonly string[];
  readonly amazonOrderIds?: readonly string[];
  /** 1–100 (Amazon's default 100). */
  readonly maxResultsPerPage?: number;
  /** Resume paging from a token an earlier call returned. */
  readonly nextToken?: string;
}

export interface OrdersPage {
  readonly orders: SpOrder[];
  readonly nextToken: string | null;
  readonly createdBefore: string | null;
  readonly lastUpdatedBefore: string | null;
}

export interface OrderItemsPage {
  readonly amazonOrderId: string;
  readonly items: SpOrderItem[];
  readonly nextToken: string | null;
}

export interface PagingOptions {
  /** Stop after this many pages (getOrders default 100, getOrderItems default 50). */
  readonly maxPages?: number;
}

export class OrdersApi {
  constructor(private readonly client: SpApiClient) {}

  /** One page of getOrders. */
  async getOrdersPage(params: GetOrdersParams): Promise<OrdersPage> {
    const data = await this.client.request<unknown>({ method: 'GET', path: '/orders/v0/orders', query: ordersQuery(params), operation: 'getOrders' });
    const payload = payloadOf(data, 'getOrders');
    const orders = arrayField(payload, 'Orders', 'getOrders').map((o, i) => checkOrder(o, `getOrders payload.Orders[${i}]`));
    return {
      orders,
      nextToken: stringOrNull(payload['NextToken']),
      createdBefore: stringOrNull(payload['CreatedBefore']),
      lastUpdatedBefore: stringOrNull(payload['LastUpdatedBefore']),
    };
  }

  /** Every page, following NextToken (the filters are sent again with each token, as Amazon expects). */
  async *iterateOrderPages(params: GetOrdersParams, options: PagingOptions = {}): AsyncGenerator<OrdersPage> {
    const maxPages = options.maxPages ?? Number.POSITIVE_INFINITY;
    let nextToken = params.nextToken;
    for (let n = 0; n < maxPages; n++) {
      const page = await this.getOrdersPage({ ...params, nextToken });
      yield page;
      if (!page.nextToken) return;
      if (page.nextToken === nextToken) throw pagingLoop('getOrders', page.nextToken);
      nextToken = page.nextToken;
    }
  }

  /** Every order of every page, as one stream. */
  async *iterateOrders(params: GetOrdersParams, options: PagingOptions = {}): AsyncGenerator<SpOrder> {
    for await (const page of this.iterateOrderPages(params, options)) yield* page.orders;
  }

  /**
   * Collects up to `maxPages` pages (default 100). An order seen on two pages is kept once, in its later state.
   * `nextToken` is non-null when the cap stopped paging: pass it back as `params.nextToken` to continue.
   */
  async getOrders(params: GetOrdersParams, options: PagingOptions = {}): Promise<{ orders: SpOrder[]; nextToken: string | null; pages: number }> {
    const maxPages = options.maxPages ?? 100;
    const byId = new Map<string, SpOrder>();
    let nextToken: string | null = null;
    let pages = 0;
    for await (const page of this.iterateOrderPages(params, { maxPages })) {
      pages += 1;
      for (const o of page.orders) {
        byId.delete(o.AmazonOrderId);
        byId.set(o.AmazonOrderId, o);
      }
      nextToken = page.nextToken;
    }
    return { orders: [...byId.values()], nextToken, pages };
  }

  async getOrder(orderId: string): Promise<SpOrder> {
    const data = await this.client.request<unknown>({ method: 'GET', path: `/orders/v0/orders/${encodePathParam(orderId, 'orderId')}`, operation: 'getOrder' });
    return checkOrder(payloadOf(data, 'getOrder'), 'getOrder payload');
  }

  async getOrderItemsPage(orderId: string, nextToken?: string): Promise<OrderItemsPage> {
    const data = await this.client.request<unknown>({
      method: 'GET',
      path: `/orders/v0/orders/${encodePathParam(orderId, 'orderId')}/orderItems`,
      query: { NextToken: nextToken },
      operation: 'getOrderItems',
    });
    const payload = payloadOf(data, 'getOrderItems');
    const items = arrayField(payload, 'OrderItems', 'getOrderItems').map((it, i) => checkItem(it, `getOrderItems payload.OrderItems[${i}]`));
    return { amazonOrderId: stringOrNull(payload['AmazonOrderId']) ?? orderId, items, nextToken: stringOrNull(payload['NextToken']) };
  }

  /** All items of an order, following NextToken. */
  async getOrderItems(orderId: string, options: PagingOptions = {}): Promise<SpOrderItem[]> {
    const maxPages = options.maxPages ?? 50;
    const items: SpOrderItem[] = [];
    let nextToken: string | undefined;
    for (let n = 0; n < maxPages; n++) {
      const page = await this.getOrderItemsPage(orderId, nextToken);
      items.push(...page.items);
      if (!page.nextToken) return items;
      if (page.nextToken === nextToken) throw pagingLoop('getOrderItems', page.nextToken);
      nextToken = page.nextToken;
    }
    throw new SpApiError(`getOrderItems for ${orderId}: still more pages after ${maxPages}`, { code: 'TooManyPages', status: null, retryable: false, operation: 'getOrderItems' });
  }

  /** Restricted data: needs a Restricted Data Token in production. */
  async getOrderBuyerInfo(orderId: string): Promise<SpBuyerInfo & { readonly AmazonOrderId?: string }> {
    const data = await this.client.request<unknown>({ method: 'GET', path: `/orders/v0/orders/${encodePathParam(orderId, 'orderId')}/buyerInfo`, operation: 'getOrderBuyerInfo' });
    return payloadOf(data, 'getOrderBuyerInfo') as SpBuyerInfo;
  }

  /** Restricted data: needs a Restricted Data Token in production. */
  async getOrderAddress(orderId: string): Promise<{ readonly AmazonOrderId?: string; readonly ShippingAddress?: SpAddress }> {
    const data = await this.client.request<unknown>({ method: 'GET', path: `/orders/v0/orders/${encodePathParam(orderId, 'orderId')}/address`, operation: 'getOrderAddress' });
    const payload = payloadOf(data, 'getOrderAddress');
    const address = payload['ShippingAddress'];
    if (address !== undefined && !isObject(address)) throw invalid('getOrderAddress', 'payload.ShippingAddress is not an object');
    return payload as { AmazonOrderId?: string; ShippingAddress?: SpAddress };
  }
}

/** The query of getOrders, keys spelled as in the model. */
export function ordersQuery(p: GetOrdersParams): Record<string, string | readonly string[] | number | undefined> {
  if (p.marketplaceIds.length === 0 || p.marketplaceIds.length > 50) throw new RangeError(`getOrders needs 1 to 50 marketplaceIds, got ${p.marketplaceIds.length}`);
  if (p.createdAfter !== undefined && p.lastUpdatedAfter !== undefined) throw new RangeError('getOrders takes createdAfter or lastUpdatedAfter, not both');
  if (p.createdAfter === undefined && p.lastUpdatedAfter === undefined && !p.amazonOrderIds?.length && !p.nextToken) {
    throw new RangeError('getOrders needs createdAfter or lastUpdatedAfter (or amazonOrderIds)');
  }
  if (p.maxResultsPerPage !== undefined && !(Number.isInteger(p.maxResultsPerPage) && p.maxResultsPerPage >= 1 && p.maxResultsPerPage <= 100)) {
    throw new RangeError(`maxResultsPerPage must be an integer 1..100, got ${p.maxResultsPerPage}`);
  }
  return {
    CreatedAfter: dateParam(p.createdAfter),
    CreatedBefore: dateParam(p.createdBefore),
    LastUpdatedAfter: dateParam(p.lastUpdatedAfter),
    LastUpdatedBefore: dateParam(p.lastUpdatedBefore),
    OrderStatuses: p.orderStatuses,
    MarketplaceIds: p.marketplaceIds,
    FulfillmentChannels: p.fulfillmentChannels,
    AmazonOrderIds: p.amazonOrderIds,
    MaxResultsPerPage: p.maxResultsPerPage,
    NextToken: p.nextToken,
  };
}

/** Date → ISO 8601 UTC; a string is sent as given (the sandbox uses "TEST_CASE_200" as a date). */
export function dateParam(d: DateParam | undefined): string | undefined {
  if (d === undefined) return undefined;
  if (typeof d === 'string') return d;
  if (Number.isNaN(d.getTime())) throw new RangeError('invalid Date passed as an SP-API date parameter');
  return d.toISOString();
}

export function encodePathParam(value: string, name: string): string {
  if (typeof value !== 'string' || value === '') throw new RangeError(`${name} must be a non-empty string`);
  return encodeURIComponent(value);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

function invalid(operation: string, what: string): SpApiError {
  return new SpApiError(`SP-API ${operation}: unexpected response: ${what}`, { code: 'InvalidResponse', status: null, retryable: false, operation });
}

function pagingLoop(operation: string, token: string): SpApiError {
  return new SpApiError(`SP-API ${operation}: the page for NextToken ${token} returned the same NextToken again`, { code: 'PagingLoop', status: null, retryable: false, operation });
}

function payloadOf(data: unknown, operation: string): Record<string, unknown> {
  if (!isObject(data) || !isObject(data['payload'])) throw invalid(operation, 'no payload object');
  return data['payload'];
}

function arrayField(obj: Record<string, unknown>, key: string, operation: string): unknown[] {
  const v = obj[key];
  if (v === undefined) return [];
  if (!Array.isArray(v)) throw invalid(operation, `payload.${key} is not an array`);
  return v;
}

function stringOrNull(v: unknown): string | null {
  return typeof v === 'string' && v !== '' ? v : null;
}

function checkOrder(o: unknown, where: string): SpOrder {
  if (!isObject(o)) throw invalid(where, 'order is not an object');
  for (const key of ['AmazonOrderId', 'PurchaseDate', 'OrderStatus']) {
    if (typeof o[key] !== 'string') throw invalid(where, `order without ${key}`);
  }
  return o as SpOrder;
}

function checkItem(it: unknown, where: string): SpOrderItem {
  if (!isObject(it)) throw invalid(where, 'order item is not an object');
  if (typeof it['OrderItemId'] !== 'string') throw invalid(where, 'order item without OrderItemId');
  if (typeof it['QuantityOrdered'] !== 'number') throw invalid(where, 'order item without numeric QuantityOrdered');
  return it as SpOrderItem;
}
