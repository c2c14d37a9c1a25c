/**
 * The SP-API HTTP client: access token from LWA, throttling and transient-failure retries, SP-API error bodies
 * turned into SpApiError. Operation wrappers live in orders.ts and reports.ts.
 */
import { SpApiError, isRetryableStatus, type SpApiErrorDetail } from './errors.ts';
import { LwaTokenProvider, errorText, type LwaCredentials } from './lwa.ts';

/** Production endpoints per region (the sandbox host is `sandbox.` + the same name). */
export const SP_API_ENDPOINTS = {
  NA: 'https://sellingpartnerapi-na.amazon.com',
  EU: 'https://sellingpartnerapi-eu.amazon.com',
  FE: 'https://sellingpartnerapi-fe.amazon.com',
} as const;

export const DEFAULT_USER_AGENT = 'claimdesk/0.1.0 (Language=TypeScript; Platform=Node.js)';

export interface SpApiClientOptions {
  /** SP-API base URL, e.g. SP_API_ENDPOINTS.EU or a local test server. */
  readonly endpoint: string;
  /** LWA base URL (LWA_ENDPOINT in production). */
  readonly lwaEndpoint: string;
  readonly credentials: LwaCredentials;
  readonly fetch?: typeof fetch;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly now?: () => Date;
  /** Returns [0, 1); drives the backoff jitter. */
  readonly random?: () => number;
  /** Retries after the first attempt for 429/5xx/network failures (default 5). */
  readonly maxRetries?: number;
  /** First backoff step (default 1 000 ms); doubles per retry. */
  readonly baseDelayMs?: number;
  /** Upper bound of any single wait, including Retry-After (default 120 000 ms). */
  readonly maxDelayMs?: number;
  readonly userAgent?: string;
  /** Share one token cache between clients of the same seller. */
  readonly tokenProvider?: LwaTokenProvider;
}

export type QueryValue = string | number | boolean | readonly (string | number)[] | null | undefined;

export interface SpApiRequest {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path below the endpoint, already containing encoded path parameters. */
  readonly path: string;
  /** Arrays are sent comma-separated (the models' default `csv` collection format); null/undefined are left out. */
  readonly query?: Readonly<Record<string, QueryValue>>;
  /** Sent as JSON. */
  readonly body?: unknown;
  /** Operation id, for error messages (e.g. "getOrders"). */
  readonly operation?: string;
}

export interface SpApiResponse<T> {
  readonly status: number;
  readonly data: T;
  readonly headers: Headers;
  readonly requestId: string | null;
  /** HTTP attempts it took (1 = no retry). */
  readonly attempts: number;
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export class SpApiClient {
  readonly endpoint: string;
  readonly lwa: LwaTokenProvider;
  readonly #fetch: typeof fetch;
  readonly #sleep: (ms: number) => Promise<void>;
  readonly #now: () => Date;
  readonly #random: () => number;
  readonly maxRetries: number;
  readonly #baseDelayMs: number;
  readonly #maxDelayMs: number;
  readonly userAgent: string;

  constructor(options: SpApiClientOptions) {
    this.endpoint = options.endpoint.replace(/\/+$/, '');
    this.#fetch = options.fetch ?? globalThis.fetch;
    this.#sleep = options.sleep ?? defaultSleep;
    this.#now = options.now ?? (() => new Date());
    this.#random = options.random ?? Math.random;
    this.maxRetries = Math.max(0, Math.floor(options.maxRetries ?? 5));
    this.#baseDelayMs = options.baseDelayMs ?? 1_000;
    this.#maxDelayMs = options.maxDelayMs ?? 120_000;
    this.userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
    this.lwa =
      options.tokenProvider ??
      new LwaTokenProvider({ lwaEndpoint: options.lwaEndpoint, credentials: options.credentials, fetch: this.#fetch, now: this.#now, userAgent: this.userAgent });
  }

  /** The injected sleep, for callers that poll (report processing). */
  sleep(ms: number): Promise<void> {
    return this.#sleep(ms);
  }

  now(): Date {
    return this.#now();
  }

  /** Sends one SP-API call and returns the parsed JSON body (undefined for an empty body). */
  async request<T>(req: SpApiRequest): Promise<T> {
    return (await this.send<T>(req)).data;
  }

  /** Like `request`, with status, headers and attempt count. */
  async send<T>(req: SpApiRequest): Promise<SpApiResponse<T>> {
    const url = this.endpoint + req.path + queryString(req.query);
    const label = req.operation ?? `${req.method} ${req.path}`;
    let retries = 0;
    let attempts = 0;
    let refreshedForAuth = false;
    for (;;) {
      let token: string;
      try {
        token = await this.lwa.getAccessToken();
      } catch (e) {
        if (e instanceof SpApiError && e.retryable && retries < this.maxRetries) {
          await this.#sleep(this.#backoffMs(retries++, null));
          continue;
        }
        throw e;
      }
      attempts += 1;
      const headers: Record<string, string> = { 'x-amz-access-token': token, 'user-agent': this.userAgent, accept: 'application/json' };
      if (req.body !== undefined) headers['content-type'] = 'application/json';
      let res: Response;
      try {
        res = await this.#fetch(url, { method: req.method, headers, body: req.body === undefined ? undefined : JSON.stringify(req.body) });
      } catch (cause) {
        if (retries < this.maxRetries) {
          await this.#sleep(this.#backoffMs(retries++, null));
          continue;
        }
        throw new SpApiError(`SP-API ${label}: request failed: ${errorText(cause)} (gave up after ${retries} retries)`, {
          code: 'NetworkError', status: null, retryable: true, operation: label, attempts, cause,
        });
      }
      const text = await res.text();
      const requestId = res.headers.get('x-amzn-requestid');
      if (res.ok) {
        let data: T;
        try {
          data = (text.trim() === '' ? undefined : JSON.parse(text)) as T;
        } catch (cause) {
          throw new SpApiError(`SP-API ${label}: response ${res.status} is not JSON: ${text.slice(0, 200)}`, { code: 'InvalidResponse', status: res.status, retryable: false, operation: label, requestId, attempts, cause });
        }
        return { status: res.status, data, headers: res.headers, requestId, attempts };
      }
      const errors = parseErrors(text);
      if (!refreshedForAuth && isExpiredTokenResponse(res.status, errors)) {
        refreshedForAuth = true;
        this.lwa.invalidate(token);
        continue;
      }
      const retryable = isRetryableStatus(res.status);
      if (retryable && retries < this.maxRetries) {
        await this.#sleep(this.#retryWaitMs(res.headers, retries++));
        continue;
      }
      throw spApiErrorFrom(label, res.status, errors, text, { requestId, attempts, retries, retryable });
    }
  }

  /**
   * Fetches a pre-signed document URL (report documents on S3). No access token is sent: the URL carries its own
   * signature, and S3 rejects unsigned `x-amz-*` headers. 5xx, 429 and network failures are retried like API calls.
   */
  async fetchUrl(url: string, label = 'document download'): Promise<Response> {
    let retries = 0;
    let attempts = 0;
    for (;;) {
      attempts += 1;
      let res: Response;
      try {
        res = await this.#fetch(url, { method: 'GET', headers: { 'user-agent': this.userAgent } });
      } catch (cause) {
        if (retries < this.maxRetries) {
          await this.#sleep(this.#backoffMs(retries++, null));
          continue;
        }
        throw new SpApiError(`${label} failed: ${errorText(cause)} (gave up after ${retries} retries)`, { code: 'NetworkError', status: null, retryable: true, operation: label, attempts, cause });
      }
      if (res.ok) return res;
      const text = await res.text().catch(() => '');
      const retryable = isRetryableStatus(res.status);
      if (retryable && retries < this.maxRetries) {
        await this.#sleep(this.#retryWaitMs(res.headers, retries++));
        continue;
      }
      const hint = res.status === 403 || res.status === 400 ? ' (pre-signed document URLs expire after 5 minutes: request the document again)' : '';
      throw new SpApiError(`${label}: HTTP ${res.status}${hint}${retryable ? ` (gave up after ${retries} retries)` : ''}: ${text.slice(0, 200)}`, {
        code: `HTTP_${res.status}`, status: res.status, retryable, operation: label, attempts,
      });
    }
  }

  /** Wait before retry number `attempt` (0-based) after a throttled or failed response. */
  #retryWaitMs(headers: Headers, attempt: number): number {
    const retryAfter = parseRetryAfterMs(headers.get('retry-after'), this.#now());
    if (retryAfter !== null) return Math.min(this.#maxDelayMs, retryAfter);
    const rate = Number(headers.get('x-amzn-ratelimit-limit'));
    const rateWait = Number.isFinite(rate) && rate > 0 ? Math.ceil(1000 / rate) : null;
    return this.#backoffMs(attempt, rateWait);
  }

  /** Exponential backoff with "equal jitter": half the step fixed, half random; never below `floorMs`. */
  #backoffMs(attempt: number, floorMs: number | null): number {
    const step = Math.min(this.#maxDelayMs, this.#baseDelayMs * 2 ** attempt);
    const jittered = Math.round(step / 2 + this.#random() * (step / 2));
    return Math.min(this.#maxDelayMs, Math.max(floorMs ?? 0, jittered));
  }
}

/** `Retry-After` as delay-seconds or an HTTP date, in ms; null when absent or unreadable. */
export function parseRetryAfterMs(value: string | null, now: Date): number | null {
  if (value === null || value.trim() === '') return null;
  const t = value.trim();
  if (/^\d+(\.\d+)?$/.test(t)) return Math.round(Number(t) * 1000);
  const at = Date.parse(t);
  return Number.isNaN(at) ? null : Math.max(0, at - now.getTime());
}

export function queryString(query: Readonly<Record<string, QueryValue>> | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === null || value === undefined) continue;
    if (Array.isArray(value)) {
      if (value.length > 0) params.append(key, value.join(','));
    } else {
      params.append(key, String(value));
    }
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** The `errors` array of an SP-API error body (`{"errors":[{"code","message","details"}]}`), or []. */
export function parseErrors(text: string): SpApiErrorDetail[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return [];
  }
  const list = json && typeof json === 'object' ? (json as { errors?: unknown }).errors : undefined;
  if (!Array.isArray(list)) return [];
  return list
    .filter((e): e is Record<string, unknown> => !!e && typeof e === 'object')
    .map((e) => ({
      code: typeof e['code'] === 'string' ? e['code'] : String(e['code'] ?? 'Unknown'),
      message: typeof e['message'] === 'string' ? e['message'] : '',
      details: typeof e['details'] === 'string' ? e['details'] : undefined,
    }));
}

/** 401, or a 403 whose errors talk about the access token ("The access token you provided has expired."). */
function isExpiredTokenResponse(status: number, errors: readonly SpApiErrorDetail[]): boolean {
  if (status === 401) return true;
  if (status !== 403) return false;
  return errors.some((e) => /access token|expired/i.test(`${e.message} ${e.details ?? ''}`));
}

function spApiErrorFrom(
  label: string,
  status: number,
  errors: readonly SpApiErrorDetail[],
  text: string,
  extra: { requestId: string | null; attempts: number; retries: number; retryable: boolean },
): SpApiError {
  const first = errors[0];
  const code = first?.code ?? `HTTP_${status}`;
  const what = first
    ? errors.map((e) => `${e.code}: ${e.message}${e.details ? ` (${e.details})` : ''}`).join('; ')
    : text.trim().slice(0, 200) || 'no error body';
  const gaveUp = extra.retryable ? ` (gave up after ${extra.retries} retries)` : '';
  return new SpApiError(`SP-API ${label} failed with HTTP ${status}: ${what}${gaveUp}`, {
    code,
    status,
    retryable: extra.retryable,
    operation: label,
    errors,
    requestId: extra.requestId,
    attempts: extra.attempts,
  });
}
