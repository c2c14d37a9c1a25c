// TikTok Shop Partner API client (version 202309): signed requests for order sync and returns.
// Every request carries app_key, timestamp, shop_cipher (when set) and sign in the query, the access token in the
// x-tts-access-token header. Responses are {"code": 0, "message": "Success", "request_id": "...", "data": {...}}.
import { ChannelInputError, type CommerceUpdate, type OrderSnapshot } from '../types.ts';
import { isObject, optArr, parseJsonKeepingBigInts, type JsonObject } from '../shopify/json.ts';
import { mapTikTokOrder, mapTikTokReturn } from './map.ts';
import { signTikTokRequest, type TikTokQuery } from './sign.ts';

export interface TikTokShopClientOptions {
  readonly appKey: string;
  readonly appSecret: string;
  readonly accessToken: string;
  /** Required by shop-scoped APIs (orders, returns); from GET /authorization/202309/shops. */
  readonly shopCipher?: string;
  /** "https://open-api.tiktokglobalshop.com"; tests point it at a local server. */
  readonly baseUrl: string;
  readonly fetch?: typeof fetch;
  /** Clock for the signed timestamp. */
  readonly now?: () => Date;
  /** Page size for searches (TikTok allows 1..100; default 50). */
  readonly pageSize?: number;
  /** Safety bound on pages per search (default 1000). */
  readonly maxPages?: number;
}

export class TikTokApiError extends Error {
  constructor(
    message: string,
    /** TikTok's `code` (0 = success); null when the body was not TikTok's JSON. */
    readonly code: number | null,
    /** HTTP status; 0 when the request never got a response. */
    readonly httpStatus: number,
    readonly retryable: boolean,
    readonly requestId: string | null = null,
  ) {
    super(message);
    this.name = 'TikTokApiError';
  }
}

export interface TikTokOrderSearch {
  /** UNPAID, ON_HOLD, AWAITING_SHIPMENT, PARTIALLY_SHIPPING, AWAITING_COLLECTION, IN_TRANSIT, DELIVERED, COMPLETED, CANCELLED. */
  readonly orderStatus?: string;
  readonly createdFrom?: Date;
  readonly createdBefore?: Date;
  readonly updatedFrom?: Date;
  readonly updatedBefore?: Date;
}

export interface TikTokReturnSearch {
  readonly orderIds?: readonly string[];
  readonly returnIds?: readonly string[];
  /** RETURN_OR_REFUND_REQUEST_PENDING, AWAITING_BUYER_SHIP, BUYER_SHIPPED_ITEM, RETURN_OR_REFUND_REQUEST_COMPLETE, ... */
  readonly statuses?: readonly string[];
  readonly createdFrom?: Date;
  readonly createdBefore?: Date;
  readonly updatedFrom?: Date;
  readonly updatedBefore?: Date;
}

const ORDERS_SEARCH = '/order/202309/orders/search';
const ORDERS_GET = '/order/202309/orders';
const RETURNS_SEARCH = '/return_refund/202309/returns/search';
const MAX_IDS_PER_GET = 50;

const seconds = (d: Date | undefined): number | undefined => (d === undefined ? undefined : Math.floor(d.getTime() / 1000));

function defined(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

export class TikTokShopClient {
  private readonly base: string;
  private readonly fetchFn: typeof fetch;
  private readonly now: () => Date;
  private readonly pageSize: number;
  private readonly maxPages: number;

  constructor(private readonly options: TikTokShopClientOptions) {
    for (const k of ['appKey', 'appSecret', 'accessToken', 'baseUrl'] as const) {
      if (!options[k]) throw new ChannelInputError(`${k} is empty`, k);
    }
    this.base = options.baseUrl.replace(/\/+$/, '');
    this.fetchFn = options.fetch ?? fetch;
    this.now = options.now ?? (() => new Date());
    this.pageSize = Math.min(100, Math.max(1, options.pageSize ?? 50));
    this.maxPages = options.maxPages ?? 1000;
  }

  /** One page of POST /order/202309/orders/search. */
  async searchOrdersPage(search: TikTokOrderSearch = {}, pageToken?: string): Promise<{ orders: OrderSnapshot[]; nextPageToken: string | null; totalCount: number | null }> {
    const body = defined({
      order_status: search.orderStatus,
      create_time_ge: seconds(search.createdFrom),
      create_time_lt: seconds(search.createdBefore),
      update_time_ge: seconds(search.updatedFrom),
      update_time_lt: seconds(search.updatedBefore),
    });
    const data = await this.request('POST', ORDERS_SEARCH, { page_size: this.pageSize, page_token: pageToken || undefined }, body);
    return {
      orders: optArr(data['orders'], 'data.orders').map((o) => mapTikTokOrder(o)),
      nextPageToken: nextToken(data),
      totalCount: typeof data['total_count'] === 'number' ? data['total_count'] : null,
    };
  }

  /** Every page of an order search (order sync). */
  async searchOrders(search: TikTokOrderSearch = {}): Promise<OrderSnapshot[]> {
    return this.allPages((token) => this.searchOrdersPage(search, token).then((p) => ({ items: p.orders, next: p.nextPageToken })));
  }

  /** GET /order/202309/orders?ids=... (50 ids per request); orders TikTok does not return are simply absent. */
  async getOrders(ids: readonly string[]): Promise<OrderSnapshot[]> {
    for (const id of ids) if (!/^\d+$/.test(id)) throw new ChannelInputError(`order id must be numeric, got ${JSON.stringify(id)}`, 'ids');
    const out: OrderSnapshot[] = [];
    for (let i = 0; i < ids.length; i += MAX_IDS_PER_GET) {
      const data = await this.request('GET', ORDERS_GET, { ids: ids.slice(i, i + MAX_IDS_PER_GET).join(',') });
      out.push(...optArr(data['orders'], 'data.orders').map((o) => mapTikTokOrder(o)));
    }
    return out;
  }

  /** One page of POST /return_refund/202309/returns/search, mapped (see mapTikTokReturn). */
  async searchReturnsPage(search: TikTokReturnSearch = {}, pageToken?: string): Promise<{ updates: CommerceUpdate[]; nextPageToken: string | null }> {
    const body = defined({
      order_ids: search.orderIds?.length ? search.orderIds : undefined,
      return_ids: search.returnIds?.length ? search.returnIds : undefined,
      return_status: search.statuses?.length ? search.statuses : undefined,
      create_time_ge: seconds(search.createdFrom),
      create_time_lt: seconds(search.createdBefore),
      update_time_ge: seconds(search.updatedFrom),
      update_time_lt: seconds(search.updatedBefore),
    });
    const data = await this.request('POST', RETURNS_SEARCH, { page_size: this.pageSize, page_token: pageToken || undefined }, body);
    return { updates: optArr(data['return_orders'], 'data.return_orders').flatMap((r) => mapTikTokReturn(r)), nextPageToken: nextToken(data) };
  }

  /** Every page of a returns search. */
  async searchReturns(search: TikTokReturnSearch = {}): Promise<CommerceUpdate[]> {
    return this.allPages((token) => this.searchReturnsPage(search, token).then((p) => ({ items: p.updates, next: p.nextPageToken })));
  }

  private async allPages<T>(page: (token: string | undefined) => Promise<{ items: T[]; next: string | null }>): Promise<T[]> {
    const out: T[] = [];
    const seen = new Set<string>();
    let token: string | undefined;
    for (let n = 0; n < this.maxPages; n++) {
      const { items, next } = await page(token);
      out.push(...items);
      if (next === null) return out;
      if (seen.has(next)) throw new TikTokApiError(`TikTok returned page_token ${JSON.stringify(next)} twice: stopping`, null, 200, false);
      seen.add(next);
      token = next;
    }
    throw new TikTokApiError(`more than ${this.maxPages} pages: narrow the search`, null, 200, false);
  }

  /** A signed request; returns `data`, throws TikTokApiError for HTTP errors and non-zero codes. */
  async request(method: 'GET' | 'POST', path: string, params: TikTokQuery, body?: unknown): Promise<JsonObject> {
    const query: Record<string, string | number> = {};
    for (const [k, v] of Object.entries(params)) if (v !== undefined) query[k] = v;
    query['app_key'] = this.options.appKey;
    query['timestamp'] = Math.floor(this.now().getTime() / 1000);
    if (this.options.shopCipher) query['shop_cipher'] = this.options.shopCipher;
    const bodyText = method === 'GET' || body === undefined ? undefined : JSON.stringify(body);
    query['sign'] = signTikTokRequest({ path, query, body: bodyText, appSecret: this.options.appSecret });
    const search = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
    const label = `TikTok ${method} ${path}`;
    let res: Response;
    try {
      res = await this.fetchFn(`${this.base}${path}?${search.toString()}`, {
        method,
        headers: { 'x-tts-access-token': this.options.accessToken, 'content-type': 'application/json' },
        ...(bodyText === undefined ? {} : { body: bodyText }),
      });
    } catch (e) {
      throw new TikTokApiError(`${label} failed: ${(e as Error).message}`, null, 0, true);
    }
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = parseJsonKeepingBigInts(text, 'response');
    } catch {
      throw new TikTokApiError(`${label}: HTTP ${res.status}, not JSON: ${text.slice(0, 200)}`, null, res.status, res.status === 429 || res.status >= 500);
    }
    const envelope = isObject(parsed) ? parsed : {};
    const code = typeof envelope['code'] === 'number' ? envelope['code'] : null;
    const requestId = typeof envelope['request_id'] === 'string' ? envelope['request_id'] : null;
    if (!res.ok || code !== 0) {
      const message = typeof envelope['message'] === 'string' ? envelope['message'] : text.slice(0, 200);
      throw new TikTokApiError(
        `${label}: HTTP ${res.status}, code ${code ?? '?'}: ${message}${requestId ? ` [request ${requestId}]` : ''}`,
        code,
        res.status,
        res.status === 429 || res.status >= 500,
        requestId,
      );
    }
    return isObject(envelope['data']) ? envelope['data'] : {};
  }
}

function nextToken(data: JsonObject): string | null {
  const t = data['next_page_token'];
  return typeof t === 'string' && t !== '' ? t : null;
}
