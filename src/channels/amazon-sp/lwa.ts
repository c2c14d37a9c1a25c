/**
 * Login with Amazon (LWA): exchanges the seller's refresh token for a short-lived SP-API access token.
 * The token is cached until 60 s before it expires; concurrent callers share one refresh.
 */
import { LwaError, isRetryableStatus } from './errors.ts';

export const LWA_ENDPOINT = 'https://api.amazon.com';

/** Refresh this long before `expires_in` runs out, so a token never expires in flight. */
export const LWA_EXPIRY_MARGIN_MS = 60_000;

export interface LwaCredentials {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly refreshToken: string;
}

export interface LwaOptions {
  /** Base URL; the token is requested from `{lwaEndpoint}/auth/o2/token`. */
  readonly lwaEndpoint: string;
  readonly credentials: LwaCredentials;
  readonly fetch?: typeof fetch;
  readonly now?: () => Date;
  readonly userAgent?: string;
}

export interface LwaToken {
  readonly accessToken: string;
  /** When the token stops being used (expiry minus the 60 s margin). */
  readonly refreshAt: Date;
  readonly expiresAt: Date;
}

/** LWA error codes that no retry will fix (RFC 6749 §5.2 plus LWA's own). */
const PERMANENT_LWA_ERRORS = new Set(['invalid_grant', 'invalid_client', 'unauthorized_client', 'invalid_request', 'invalid_scope', 'unsupported_grant_type', 'access_denied']);

export class LwaTokenProvider {
  readonly #endpoint: string;
  readonly #credentials: LwaCredentials;
  readonly #fetch: typeof fetch;
  readonly #now: () => Date;
  readonly #userAgent: string | null;
  #cached: LwaToken | null = null;
  #inflight: Promise<LwaToken> | null = null;
  #refreshCount = 0;

  constructor(options: LwaOptions) {
    const { clientId, clientSecret, refreshToken } = options.credentials;
    if (!clientId || !clientSecret || !refreshToken) {
      throw new LwaError('LWA credentials are incomplete: clientId, clientSecret and refreshToken are all required', { code: 'missing_credentials', status: null, retryable: false });
    }
    this.#endpoint = `${options.lwaEndpoint.replace(/\/+$/, '')}/auth/o2/token`;
    this.#credentials = options.credentials;
    this.#fetch = options.fetch ?? globalThis.fetch;
    this.#now = options.now ?? (() => new Date());
    this.#userAgent = options.userAgent ?? null;
  }

  /** How many token requests were sent (for diagnostics and tests). */
  get refreshCount(): number {
    return this.#refreshCount;
  }

  /** A valid access token: the cached one, or a fresh one (one request however many callers wait). */
  async getAccessToken(): Promise<string> {
    const cached = this.#cached;
    if (cached && this.#now().getTime() < cached.refreshAt.getTime()) return cached.accessToken;
    return (await this.refresh()).accessToken;
  }

  /** Requests a new token now; joins a refresh already in flight. */
  refresh(): Promise<LwaToken> {
    if (!this.#inflight) {
      this.#inflight = this.#requestToken().finally(() => {
        this.#inflight = null;
      });
    }
    return this.#inflight;
  }

  /** Forgets the cached token (only if it is still `token`, so a newer token is kept). */
  invalidate(token?: string): void {
    if (token === undefined || this.#cached?.accessToken === token) this.#cached = null;
  }

  async #requestToken(): Promise<LwaToken> {
    this.#refreshCount += 1;
    const body = new URLSearchParams({
      grant_type: 'refresh_token',
      refresh_token: this.#credentials.refreshToken,
      client_id: this.#credentials.clientId,
      client_secret: this.#credentials.clientSecret,
    });
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8', accept: 'application/json' };
    if (this.#userAgent) headers['user-agent'] = this.#userAgent;
    const sentAt = this.#now().getTime();
    let res: Response;
    try {
      res = await this.#fetch(this.#endpoint, { method: 'POST', headers, body: body.toString() });
    } catch (cause) {
      throw new LwaError(`LWA token request to ${this.#endpoint} failed: ${errorText(cause)}`, { code: 'network_error', status: null, retryable: true, cause });
    }
    const text = await res.text();
    const json = parseJson(text);
    if (!res.ok) {
      const code = typeof json?.['error'] === 'string' ? json['error'] : `http_${res.status}`;
      const description = typeof json?.['error_description'] === 'string' ? json['error_description'] : null;
      const retryable = !PERMANENT_LWA_ERRORS.has(code) && (isRetryableStatus(res.status) || res.status >= 500);
      const hint = code === 'invalid_grant' ? ' (the refresh token is invalid, expired or revoked: the seller must authorise the app again)' : code === 'invalid_client' ? ' (check the LWA client id and secret)' : '';
      throw new LwaError(`LWA refused the token refresh: ${res.status} ${code}${description ? `: ${description}` : ''}${hint}`, {
        code,
        status: res.status,
        retryable,
        description,
        requestId: res.headers.get('x-amzn-requestid'),
      });
    }
    const accessToken = json?.['access_token'];
    if (typeof accessToken !== 'string' || accessToken === '') {
      throw new LwaError(`LWA answered ${res.status} without an access_token`, { code: 'invalid_response', status: res.status, retryable: false });
    }
    const expiresIn = Number(json?.['expires_in'] ?? 3600);
    const ttlMs = Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn * 1000 : 3_600_000;
    const token: LwaToken = {
      accessToken,
      expiresAt: new Date(sentAt + ttlMs),
      refreshAt: new Date(sentAt + ttlMs - LWA_EXPIRY_MARGIN_MS),
    };
    this.#cached = token;
    return token;
  }
}

function parseJson(text: string): Record<string, unknown> | null {
  try {
    const v: unknown = JSON.parse(text);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export function errorText(e: unknown): string {
  if (e instanceof Error) {
    const cause = e.cause instanceof Error ? ` (${e.cause.message})` : '';
    return `${e.message}${cause}`;
  }
  return String(e);
}
