// Meta Graph API client for replies: Send API for Instagram and Messenger.
import { ChannelInputError } from '../types.ts';

export const META_GRAPH_BASE_URL = 'https://graph.facebook.com';
export const META_GRAPH_DEFAULT_VERSION = 'v24.0';

export interface MetaGraphClientOptions {
  readonly accessToken: string;
  /** Default https://graph.facebook.com (Instagram Login tokens use https://graph.instagram.com); tests use a local server. */
  readonly baseUrl?: string;
  /** Default META_GRAPH_DEFAULT_VERSION. */
  readonly apiVersion?: string;
  readonly fetch?: typeof fetch;
}

/** Graph error codes worth retrying later: 2 temporary, 4 app rate limit, 17 user rate limit, 32 page rate limit, 613 call rate. */
const RETRYABLE_CODES = new Set([2, 4, 17, 32, 613]);

export class MetaGraphError extends Error {
  constructor(
    message: string,
    /** HTTP status; 0 when the request never got a response. */
    readonly status: number,
    /** Graph `error.code` (190 = access token invalid), null when absent. */
    readonly code: number | null,
    readonly subcode: number | null,
    readonly retryable: boolean,
    readonly fbtraceId: string | null = null,
  ) {
    super(message);
    this.name = 'MetaGraphError';
  }
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** A Graph error response ({"error": {message, type, code, error_subcode, fbtrace_id}}) as a MetaGraphError. */
export function metaGraphError(status: number, body: string, label: string): MetaGraphError {
  let e: Record<string, unknown> = {};
  try {
    const parsed = JSON.parse(body) as unknown;
    if (typeof parsed === 'object' && parsed !== null && typeof (parsed as { error?: unknown }).error === 'object' && (parsed as { error: unknown }).error !== null) {
      e = (parsed as { error: Record<string, unknown> }).error;
    }
  } catch {
    // not JSON
  }
  const code = num(e['code']);
  const subcode = num(e['error_subcode']);
  const retryable = code !== 190 && ((code !== null && RETRYABLE_CODES.has(code)) || status >= 500 || status === 429);
  const message = text(e['error_user_msg']) ?? text(e['message']) ?? (body.slice(0, 200) || `HTTP ${status}`);
  const hint = code === 190 ? ' (access token invalid or expired: reconnect the account)' : code !== null && RETRYABLE_CODES.has(code) ? ' (rate limited)' : '';
  const codes = code === null ? '' : ` [code ${code}${subcode === null ? '' : `/${subcode}`}]`;
  return new MetaGraphError(`${label}: HTTP ${status}${codes}${hint}: ${message}`, status, code, subcode, retryable, text(e['fbtrace_id']));
}

export class MetaGraphClient {
  private readonly base: string;
  private readonly version: string;
  private readonly fetchFn: typeof fetch;

  constructor(private readonly options: MetaGraphClientOptions) {
    if (options.accessToken === '') throw new ChannelInputError('accessToken is empty', 'accessToken');
    this.version = options.apiVersion ?? META_GRAPH_DEFAULT_VERSION;
    if (!/^v\d+\.\d+$/.test(this.version)) throw new ChannelInputError(`apiVersion must look like "v24.0", got ${JSON.stringify(this.version)}`, 'apiVersion');
    this.base = (options.baseUrl ?? META_GRAPH_BASE_URL).replace(/\/+$/, '');
    this.fetchFn = options.fetch ?? fetch;
  }

  /**
   * POST /{version}/{page or IG user id}/messages with {recipient: {id}, message: {text}, messaging_type: "RESPONSE"}.
   * Returns Meta's message id (the `mid` our echo will carry) and the recipient id.
   */
  async sendMessage(input: { readonly pageOrIgUserId: string; readonly recipientId: string; readonly text: string }): Promise<{ messageId: string; recipientId: string | null }> {
    if (!/^\d+$/.test(input.pageOrIgUserId)) throw new ChannelInputError(`pageOrIgUserId must be a numeric id, got ${JSON.stringify(input.pageOrIgUserId)}`, 'pageOrIgUserId');
    if (!/^\d+$/.test(input.recipientId)) throw new ChannelInputError(`recipientId must be a numeric id, got ${JSON.stringify(input.recipientId)}`, 'recipientId');
    if (input.text.trim() === '') throw new ChannelInputError('text is empty', 'text');
    const path = `/${this.version}/${input.pageOrIgUserId}/messages`;
    const label = `Meta POST ${path}`;
    let res: Response;
    try {
      res = await this.fetchFn(`${this.base}${path}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${this.options.accessToken}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ recipient: { id: input.recipientId }, message: { text: input.text }, messaging_type: 'RESPONSE' }),
      });
    } catch (e) {
      throw new MetaGraphError(`${label} failed: ${(e as Error).message}`, 0, null, null, true);
    }
    const body = await res.text();
    if (!res.ok) throw metaGraphError(res.status, body, label);
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      throw new MetaGraphError(`${label}: HTTP ${res.status} but the body is not JSON: ${body.slice(0, 200)}`, res.status, null, null, false);
    }
    const r = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Record<string, unknown>;
    if ('error' in r) throw metaGraphError(res.status, body, label);
    const messageId = text(r['message_id']);
    if (!messageId) throw new MetaGraphError(`${label}: HTTP ${res.status} without message_id: ${body.slice(0, 200)}`, res.status, null, null, false);
    return { messageId, recipientId: text(r['recipient_id']) };
  }
}
