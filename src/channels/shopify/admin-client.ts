// Shopify Admin REST client: just what ingestion needs to re-fetch an order after a webhook.
import { ChannelInputError, type OrderSnapshot } from '../types.ts';
import { parseJsonKeepingBigInts } from './json.ts';
import { parseShopifyOrder } from './parse.ts';

export interface ShopifyAdminClientOptions {
  /** "shop.myshopify.com". */
  readonly shopDomain: string;
  readonly accessToken: string;
  /** "2025-01". */
  readonly apiVersion: string;
  /** Defaults to https://{shopDomain}; tests point it at a local server. */
  readonly baseUrl?: string;
  readonly fetch?: typeof fetch;
  /** How to wait before retrying a 429 (tests pass a recorder). */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Retries after 429 before giving up (default 3). */
  readonly maxRetries?: number;
  /** Upper bound for one Retry-After wait (default 60 s). */
  readonly maxRetryAfterMs?: number;
}

export class ShopifyApiError extends Error {
  constructor(
    message: string,
    /** HTTP status; 0 when the request never got a response. */
    readonly status: number,
    /** Worth trying again later (rate limit, 5xx, network). */
    readonly retryable: boolean,
    readonly requestId: string | null = null,
  ) {
    super(message);
    this.name = 'ShopifyApiError';
  }
}

const DEFAULT_RETRY_AFTER_MS = 2000;

function retryAfterMs(header: string | null, cap: number): number {
  const seconds = header === null ? Number.NaN : Number(header);
  const ms = Number.isFinite(seconds) && seconds >= 0 ? Math.ceil(seconds * 1000) : DEFAULT_RETRY_AFTER_MS;
  return Math.min(ms, cap);
}

/** Shopify's `errors` is a string or an object of field -> messages. */
function errorText(body: string): string {
  try {
    const parsed = JSON.parse(body) as unknown;
    if (typeof parsed === 'object' && parsed !== null && 'errors' in parsed) {
      const e = (parsed as { errors: unknown }).errors;
      return typeof e === 'string' ? e : JSON.stringify(e);
    }
  } catch {
    // not JSON: fall through
  }
  return body.slice(0, 200);
}

export class ShopifyAdminClient {
  private readonly base: string;
  private readonly fetchFn: typeof fetch;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly maxRetries: number;
  private readonly maxRetryAfterMs: number;

  constructor(private readonly options: ShopifyAdminClientOptions) {
    if (!options.baseUrl && !/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/i.test(options.shopDomain)) {
      throw new ChannelInputError(`shopDomain must look like "shop.myshopify.com", got ${JSON.stringify(options.shopDomain)}`, 'shopDomain');
    }
    if (!/^\d{4}-\d{2}$|^unstable$/.test(options.apiVersion)) {
      throw new ChannelInputError(`apiVersion must look like "2025-01", got ${JSON.stringify(options.apiVersion)}`, 'apiVersion');
    }
    if (options.accessToken === '') throw new ChannelInputError('accessToken is empty', 'accessToken');
    this.base = (options.baseUrl ?? `https://${options.shopDomain}`).replace(/\/+$/, '');
    this.fetchFn = options.fetch ?? fetch;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.maxRetries = options.maxRetries ?? 3;
    this.maxRetryAfterMs = options.maxRetryAfterMs ?? 60_000;
  }

  /** GET /admin/api/{version}/orders/{id}.json, mapped; null when Shopify says 404. */
  async getOrder(id: string): Promise<OrderSnapshot | null> {
    const payload = await this.getOrderPayload(id);
    return payload === null ? null : parseShopifyOrder(payload);
  }

  /** The same order as Shopify's JSON ({"order": {...}}, big ids kept exact), e.g. for shopifyOrderName. */
  async getOrderPayload(id: string): Promise<unknown> {
    if (!/^\d+$/.test(id)) throw new ChannelInputError(`order id must be numeric, got ${JSON.stringify(id)}`, 'id');
    const body = await this.get(`/admin/api/${this.options.apiVersion}/orders/${id}.json`);
    return body === null ? null : parseJsonKeepingBigInts(body, 'response');
  }

  /** The body of a 2xx response, null for 404; waits out 429s (Retry-After) up to maxRetries; throws otherwise. */
  private async get(path: string): Promise<string | null> {
    const url = `${this.base}${path}`;
    for (let attempt = 0; ; attempt++) {
      let res: Response;
      try {
        res = await this.fetchFn(url, { method: 'GET', headers: { 'X-Shopify-Access-Token': this.options.accessToken, Accept: 'application/json' } });
      } catch (e) {
        throw new ShopifyApiError(`Shopify GET ${path} failed: ${(e as Error).message}`, 0, true);
      }
      const requestId = res.headers.get('x-request-id');
      const text = await res.text();
      if (res.ok) return text;
      if (res.status === 404) return null;
      if (res.status === 429) {
        if (attempt < this.maxRetries) {
          await this.sleep(retryAfterMs(res.headers.get('retry-after'), this.maxRetryAfterMs));
          continue;
        }
        throw new ShopifyApiError(`Shopify GET ${path}: still rate limited (429) after ${this.maxRetries} retries`, 429, true, requestId);
      }
      const hint = res.status === 401 ? ' (access token invalid or revoked)' : res.status === 403 ? ' (missing access scope, e.g. read_orders)' : '';
      throw new ShopifyApiError(
        `Shopify GET ${path}: HTTP ${res.status}${hint}: ${errorText(text)}${requestId ? ` [request ${requestId}]` : ''}`,
        res.status,
        res.status >= 500,
        requestId,
      );
    }
  }
}
