import { z } from 'zod';
import {
  AlertListResponse,
  ApiError,
  DryRunResponse,
  TriageAlert,
  TriageSettingsView,
  ApiToken,
  ChannelAccount,
  SkippedMail,
  CreateApiTokenResponse,
  CreateMemberResponse,
  Draft,
  Member,
  Message,
  Note,
  PresenceResponse,
  ReconCaseDetail,
  ReconCaseListResponse,
  ReconImportResponse,
  ReconRunResponse,
  ReconSummary,
  SessionInfo,
  Team,
  TicketDetail,
  TicketListResponse,
  TicketSummary,
  TimelineEvent,
} from '../../src/contracts/index.ts';
import type {
  ChangePasswordRequest,
  CreateChannelAccountRequest,
  CreateMemberRequest,
  LoginRequest,
  ReconCaseAction,
  ReplyRequest,
  SaveTeamRequest,
  UpdateTicketRequest,
  UpdateMeRequest,
  UpdateMemberRequest,
} from '../../src/contracts/index.ts';
import type { RiskLevel, TicketStatus } from './types.ts';

/** A failed API call: the server's `{error, message, details}`, or `network` / `bad_response` for client-side failures. */
export class ApiRequestError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiRequestError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export function isApiError(e: unknown): e is ApiRequestError {
  return e instanceof ApiRequestError;
}

// The CSRF token of the current session, kept in memory only (from the last SessionInfo).
let csrfToken: string | null = null;
const unauthenticatedListeners = new Set<() => void>();

/** Called when any request (other than login / me) comes back 401: the session has expired. */
export function onUnauthenticated(listener: () => void): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

const STATUS_CODES: Record<number, string> = {
  400: 'bad_input', 401: 'unauthenticated', 403: 'forbidden', 404: 'not_found', 409: 'conflict', 422: 'bad_input',
  429: 'rate_limited', 502: 'unavailable', 503: 'unavailable', 504: 'unavailable',
};

interface RequestOptions {
  /** JSON-encoded; a FormData is sent as multipart/form-data (the browser sets the boundary). */
  body?: unknown;
  /** Do not broadcast a 401 as an expired session (login, the initial /api/me). */
  expect401?: boolean;
  /** Let the request outlive the page (leaving a ticket while the tab closes). */
  keepalive?: boolean;
}

async function send(method: string, path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const form = options.body instanceof FormData;
  if (options.body !== undefined && !form) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      keepalive: options.keepalive,
      body: options.body === undefined ? undefined : form ? (options.body as FormData) : JSON.stringify(options.body),
    });
  } catch (e) {
    throw new ApiRequestError(0, 'network', e instanceof Error ? e.message : String(e));
  }
  if (res.ok) return res;
  let payload: unknown = null;
  try {
    payload = await res.json();
  } catch {
    // not JSON (proxy error page, empty body): fall back to the status
  }
  const parsed = ApiError.safeParse(payload);
  const err = parsed.success
    ? new ApiRequestError(res.status, parsed.data.error, parsed.data.message, parsed.data.details)
    : new ApiRequestError(res.status, STATUS_CODES[res.status] ?? (res.status >= 500 ? 'internal' : 'unknown'), res.statusText);
  if (res.status === 401 && !options.expect401) for (const listener of unauthenticatedListeners) listener();
  throw err;
}

async function requestJson<S extends z.ZodType>(schema: S, method: string, path: string, options: RequestOptions = {}): Promise<z.output<S>> {
  const res = await send(method, path, options);
  let json: unknown;
  try {
    json = await res.json();
  } catch (e) {
    throw new ApiRequestError(res.status, 'bad_response', e instanceof Error ? e.message : 'invalid JSON');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new ApiRequestError(res.status, 'bad_response', `${method} ${path}: response does not match the contract`, parsed.error.issues);
  }
  return parsed.data;
}

async function requestVoid(method: string, path: string, options: RequestOptions = {}): Promise<void> {
  await send(method, path, options);
}

function remember(session: SessionInfo): SessionInfo {
  csrfToken = session.csrfToken;
  return session;
}

const itemsOf = <S extends z.ZodType>(item: S) => z.object({ items: z.array(item) });
const TimelineResponse = itemsOf(TimelineEvent);
const ChannelAccountList = itemsOf(ChannelAccount);
const SkippedMailList = itemsOf(SkippedMail);
const MemberList = itemsOf(Member);
const TeamList = itemsOf(Team);
const TokenList = itemsOf(ApiToken);
const CustomerChange = z.object({ customerId: z.string(), movedTickets: z.number().int() });

export type ReconImportResult = z.output<typeof ReconImportResponse>;
export type ReconImportFile = ReconImportResult['files'][number];

/** The answer to "I have this ticket open": who else has, and when its newest message was written. */
export type Presence = z.output<typeof PresenceResponse>;
export type Viewer = Presence['viewers'][number];
export type CustomerIdentity = { channel: string; externalId: string };

export interface TicketFilters {
  status: TicketStatus | 'active';
  channel: string | null;
  riskLevel: RiskLevel | null;
  /** A marketplace code or 'none' (tickets without one); null = any. */
  marketplace: string | null;
  /** 'me', 'none' (unassigned) or a user id; null = anyone. */
  assignee: string | null;
  /** A team id or 'none' (tickets without a team); null = any. */
  teamId: string | null;
  q: string;
}

export function ticketListPath(filters: TicketFilters, cursor: string | null, limit = 50): string {
  const params = new URLSearchParams({ status: filters.status, limit: String(limit) });
  if (filters.channel) params.set('channel', filters.channel);
  if (filters.riskLevel) params.set('riskLevel', filters.riskLevel);
  if (filters.marketplace) params.set('marketplace', filters.marketplace);
  if (filters.assignee) params.set('assignee', filters.assignee);
  if (filters.teamId) params.set('teamId', filters.teamId);
  if (filters.q.trim()) params.set('q', filters.q.trim());
  if (cursor) params.set('cursor', cursor);
  return `/api/tickets?${params.toString()}`;
}

const id = (value: string): string => encodeURIComponent(value);

/** Filters of the Recovery screen's case list; empty lists / strings mean "the API's default". */
export interface ReconCaseFilters {
  /** Case statuses; empty = the API's default (detected, ready, submitted). */
  status: readonly string[];
  kind: string | null;
  q: string;
}

export function reconCasesPath(filters: ReconCaseFilters, limit = 500): string {
  const params = new URLSearchParams({ limit: String(limit) });
  if (filters.status.length) params.set('status', filters.status.join(','));
  if (filters.kind) params.set('kind', filters.kind);
  if (filters.q.trim()) params.set('q', filters.q.trim());
  return `/api/recon/cases?${params.toString()}`;
}

/** Evidence packets are plain downloads (same-origin GET, the session cookie authenticates them). */
export const reconPaths = {
  packetPdf: (caseId: string) => `/api/recon/cases/${id(caseId)}/packet.pdf`,
  packetZip: (caseId: string) => `/api/recon/cases/${id(caseId)}/packet.zip`,
  /** No ids: every ready case. */
  exportZip: (caseIds?: readonly string[]) => (caseIds?.length ? `/api/recon/export.zip?ids=${caseIds.map(id).join(',')}` : '/api/recon/export.zip'),
};

export const api = {
  login: async (body: LoginRequest) => remember(await requestJson(SessionInfo, 'POST', '/api/auth/login', { body, expect401: true })),
  me: async () => remember(await requestJson(SessionInfo, 'GET', '/api/me', { expect401: true })),
  updateMe: async (body: UpdateMeRequest) => remember(await requestJson(SessionInfo, 'PATCH', '/api/me', { body })),
  logout: async () => {
    try {
      await requestVoid('POST', '/api/auth/logout', { expect401: true });
    } finally {
      csrfToken = null;
    }
  },

  listTickets: (filters: TicketFilters, cursor: string | null) => requestJson(TicketListResponse, 'GET', ticketListPath(filters, cursor)),
  getTicket: (ticketId: string) => requestJson(TicketDetail, 'GET', `/api/tickets/${id(ticketId)}`),
  getTimeline: async (ticketId: string) => (await requestJson(TimelineResponse, 'GET', `/api/tickets/${id(ticketId)}/timeline`)).items,
  addNote: (ticketId: string, body: string) => requestJson(Note, 'POST', `/api/tickets/${id(ticketId)}/notes`, { body: { body } }),
  updateTicket: (ticketId: string, body: UpdateTicketRequest) => requestJson(TicketSummary, 'PATCH', `/api/tickets/${id(ticketId)}`, { body }),
  /** 202: the reply is stored as `queued`; the worker delivers it (then `sent`, or `failed` with deliveryError). */
  sendReply: (ticketId: string, body: ReplyRequest) => requestJson(Message, 'POST', `/api/tickets/${id(ticketId)}/replies`, { body }),
  getDraft: async (ticketId: string) => (await requestJson(Draft, 'GET', `/api/tickets/${id(ticketId)}/draft`)).body,
  /** Saves (an empty body deletes) the agent's unsent draft; never sends anything. */
  saveDraft: (ticketId: string, body: string) => requestVoid('PUT', `/api/tickets/${id(ticketId)}/draft`, { body: { body } }),
  retryMessage: (messageId: string) => requestJson(Message, 'POST', `/api/messages/${id(messageId)}/retry`),
  touchPresence: (ticketId: string, composing: boolean) =>
    requestJson(PresenceResponse, 'POST', `/api/tickets/${id(ticketId)}/presence`, { body: { composing } }),
  leavePresence: (ticketId: string, keepalive = false) => requestVoid('DELETE', `/api/tickets/${id(ticketId)}/presence`, { keepalive }),
  /** `mergeCustomerId` is merged into `customerId` (its identities and tickets move over). */
  mergeCustomer: (customerId: string, mergeCustomerId: string) =>
    requestJson(CustomerChange, 'POST', `/api/customers/${id(customerId)}/merge`, { body: { mergeCustomerId } }),
  splitCustomer: (customerId: string, identities: CustomerIdentity[]) =>
    requestJson(CustomerChange, 'POST', `/api/customers/${id(customerId)}/split`, { body: { identities } }),

  listAlerts: async () => (await requestJson(AlertListResponse, 'GET', '/api/alerts?status=open')).items,
  acknowledgeAlert: (alertId: string) => requestJson(TriageAlert, 'POST', `/api/alerts/${id(alertId)}/acknowledge`),
  getTriageSettings: () => requestJson(TriageSettingsView, 'GET', '/api/triage/settings'),
  saveTriageRules: (rules: unknown[] | null, expectedVersion: number) =>
    requestJson(TriageSettingsView, 'PUT', '/api/triage/settings', { body: { rules, expectedVersion } }),
  dryRun: (message: Record<string, unknown>, rules?: unknown[]) => requestJson(DryRunResponse, 'POST', '/api/triage/dry-run', { body: { message, ...(rules ? { rules } : {}) } }),

  reconSummary: () => requestJson(ReconSummary, 'GET', '/api/recon/summary'),
  listReconCases: (filters: ReconCaseFilters) => requestJson(ReconCaseListResponse, 'GET', reconCasesPath(filters)),
  getReconCase: (caseId: string) => requestJson(ReconCaseDetail, 'GET', `/api/recon/cases/${id(caseId)}`),
  /** 409 when the case's status does not allow the action; 400 for a malformed Seller Central case id. */
  actOnReconCase: (caseId: string, body: ReconCaseAction) => requestJson(ReconCaseDetail, 'POST', `/api/recon/cases/${id(caseId)}/actions`, { body }),
  runReconciliation: () => requestJson(ReconRunResponse, 'POST', '/api/recon/run', { body: {} }),
  /** Uploads report files (each recognised from its header); `accountId` is the Amazon account the Amazon reports belong to. */
  importReports: (files: readonly File[], accountId: string | null) => {
    const form = new FormData();
    for (const f of files) form.append('files', f, f.name);
    if (accountId) form.append('account', accountId);
    return requestJson(ReconImportResponse, 'POST', '/api/recon/imports', { body: form });
  },

  listChannelAccounts: async () => (await requestJson(ChannelAccountList, 'GET', '/api/channel-accounts')).items,
  listSkippedMail: async () => (await requestJson(SkippedMailList, 'GET', '/api/inbound-skipped?limit=50')).items,
  createChannelAccount: (body: CreateChannelAccountRequest) => requestJson(ChannelAccount, 'POST', '/api/channel-accounts', { body }),
  listMembers: async () => (await requestJson(MemberList, 'GET', '/api/members')).items,
  createMember: (body: CreateMemberRequest) => requestJson(CreateMemberResponse, 'POST', '/api/members', { body }),
  updateMember: (userId: string, body: UpdateMemberRequest) => requestJson(Member, 'PATCH', `/api/members/${id(userId)}`, { body }),
  removeMember: (userId: string) => requestVoid('DELETE', `/api/members/${id(userId)}`),
  listTeams: async () => (await requestJson(TeamList, 'GET', '/api/teams')).items,
  createTeam: (body: SaveTeamRequest) => requestJson(Team, 'POST', '/api/teams', { body }),
  updateTeam: (teamId: string, body: SaveTeamRequest) => requestJson(Team, 'PUT', `/api/teams/${id(teamId)}`, { body }),
  deleteTeam: (teamId: string) => requestVoid('DELETE', `/api/teams/${id(teamId)}`),
  /** A wrong current password answers 401; that is not an expired session, so it is not broadcast. */
  changePassword: (body: ChangePasswordRequest) => requestVoid('POST', '/api/me/password', { body, expect401: true }),
  listTokens: async () => (await requestJson(TokenList, 'GET', '/api/tokens')).items,
  createToken: (name: string) => requestJson(CreateApiTokenResponse, 'POST', '/api/tokens', { body: { name } }),
  revokeToken: (tokenId: string) => requestVoid('DELETE', `/api/tokens/${id(tokenId)}`),
};
