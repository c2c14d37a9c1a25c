import { createRoute, type OpenAPIHono, type RouteConfig, type RouteHandler } from '@hono/zod-openapi';
import { timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { ApiError, ApiToken, ChangePasswordRequest, CreateApiTokenRequest, CreateApiTokenResponse, CreateMemberRequest, CreateMemberResponse, LoginRequest, Member, SaveTeamRequest, SessionInfo, Team, UpdateMeRequest, UpdateMemberRequest } from '../contracts/index.ts';
import type { ErrorCode, Result, Role } from '../kernel/index.ts';
import { roleAtLeast } from '../kernel/index.ts';
import { HTTP_STATUS } from '../platform/http-errors.ts';
import { createApiToken, listApiTokens, revokeApiToken } from './api-tokens.ts';
import { addMember, changeMemberRole, removeMember } from './members.ts';
import { changePassword, getSessionInfo, updateMe } from './me.ts';
import { deleteTeam, saveTeam } from './teams.ts';
import type { Principal } from './principal.ts';
import { listMembers, listTeams } from './provision.ts';
import { authenticateSession, authenticateToken, SESSION_TTL_MS, signIn, signOut, type AccessDeps } from './sign-in.ts';

export type AppEnv = { Variables: { principal: Principal | null } };
export type App = OpenAPIHono<AppEnv>;

export const SESSION_COOKIE = 'cd_session';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function errorBody(code: ErrorCode | 'internal', message: string, details?: unknown): z.infer<typeof ApiError> {
  return details === undefined ? { error: code, message } : { error: code, message, details };
}

/** Presents a use-case result: the value as JSON, or the error code mapped through the one status table. */
export function present<T>(c: Context, r: Result<T>, okStatus: 200 | 201 | 202 = 200): Response {
  if (r.ok) return c.json(r.value as object, okStatus);
  return c.json(errorBody(r.error, r.message, r.details), HTTP_STATUS[r.error]);
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Resolves the caller (session cookie or bearer token) for every /api request, and enforces CSRF for
 * cookie-authenticated state changes: the X-CSRF-Token header must match the session's token.
 */
export function authMiddleware(deps: AccessDeps, publicPaths: ReadonlySet<string>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const bearer = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
    const cookie = getCookie(c, SESSION_COOKIE);
    let principal: Principal | null = null;
    if (bearer) {
      principal = await authenticateToken(deps, bearer);
      if (!principal) return c.json(errorBody('unauthenticated', 'invalid or revoked API token'), 401);
    } else if (cookie) {
      principal = await authenticateSession(deps, cookie);
      if (principal && UNSAFE.has(c.req.method) && !sameSecret(c.req.header('x-csrf-token') ?? '', principal.csrfToken ?? '')) {
        return c.json(errorBody('forbidden', 'missing or wrong X-CSRF-Token header'), 403);
      }
    }
    // Refuse anonymous calls before input validation, so strangers learn nothing about request shapes.
    if (!principal && !publicPaths.has(c.req.path)) return c.json(errorBody('unauthenticated', 'sign in first'), 401);
    c.set('principal', principal);
    await next();
  };
}

/** The caller, or a response to return when it lacks `role`. Every route calls this; none is open by accident. */
export function requireRole(c: Context<AppEnv>, role: Role): Principal | Response {
  const p = c.get('principal');
  if (!p) return c.json(errorBody('unauthenticated', 'sign in first'), 401);
  if (!roleAtLeast(p.role, role)) return c.json(errorBody('forbidden', `this needs the ${role} role; you are ${p.role}`), 403);
  return p;
}

type RouteContext<R extends RouteConfig> = Parameters<RouteHandler<R, AppEnv>>[0];

/**
 * Registers an OpenAPI route behind a role check. Handlers return plain Responses (built by `present`);
 * the one cast below is where the compiler stops checking response bodies against the declared schemas —
 * the HTTP tests parse every response with the contract schemas instead.
 */
export function register<R extends RouteConfig>(app: App, route: R, role: Role, handler: (c: RouteContext<R>, p: Principal) => Promise<Response>): void {
  const guarded = async (c: RouteContext<R>): Promise<Response> => {
    const p = requireRole(c as unknown as Context<AppEnv>, role);
    return p instanceof Response ? p : handler(c, p);
  };
  app.openapi(route, guarded as unknown as RouteHandler<R, AppEnv>);
}

/** A route anyone may call (sign-in). Same single cast as `register`. */
export function registerPublic<R extends RouteConfig>(app: App, route: R, handler: (c: RouteContext<R>) => Promise<Response>): void {
  app.openapi(route, handler as unknown as RouteHandler<R, AppEnv>);
}

const json = <S extends z.ZodType>(schema: S, description: string) => ({ description, content: { 'application/json': { schema } } });
const err = (description: string) => json(ApiError, description);
const body = <S extends z.ZodType>(schema: S) => ({ body: { content: { 'application/json': { schema } }, required: true } });

/** Naive fixed-window limiter for login attempts per client address + e-mail. Good enough for one process. */
function loginLimiter(max = 10, windowMs = 15 * 60_000) {
  const hits = new Map<string, { n: number; until: number }>();
  return (key: string, now: number): boolean => {
    const h = hits.get(key);
    if (!h || h.until < now) {
      hits.set(key, { n: 1, until: now + windowMs });
      if (hits.size > 10_000) for (const [k, v] of hits) if (v.until < now) hits.delete(k);
      return true;
    }
    h.n++;
    return h.n <= max;
  };
}

export interface AccessRouteOptions {
  readonly secureCookies: boolean;
  /** The caller's network address as the server sees it (socket, or a trusted proxy's header). */
  readonly clientAddress: (c: Context) => string;
}

export function accessRoutes(app: App, deps: AccessDeps, opts: AccessRouteOptions): void {
  const allow = loginLimiter();
  const setSessionCookie = (c: Context, token: string): void =>
    setCookie(c, SESSION_COOKIE, token, { httpOnly: true, sameSite: 'Lax', secure: opts.secureCookies, path: '/', maxAge: SESSION_TTL_MS / 1000 });
  const tag = ['auth'];

  registerPublic(app, createRoute({ method: 'post', path: '/api/auth/login', tags: tag, request: body(LoginRequest), responses: { 200: json(SessionInfo, 'signed in; sets the session cookie'), 401: err('wrong e-mail or password'), 403: err('not a member'), 429: err('too many attempts') } }), async (c) => {
    const input = c.req.valid('json');
    // Per address and e-mail: guessing from one place is slowed, and nobody elsewhere can lock a user out.
    if (!allow(`${opts.clientAddress(c)}|${input.email}`, deps.clock.now().getTime())) return c.json(errorBody('rate_limited', 'too many sign-in attempts; wait 15 minutes'), 429);
    const r = await signIn(deps, input);
    if (!r.ok) return c.json(errorBody(r.error, r.message), HTTP_STATUS[r.error] as 401);
    setSessionCookie(c, r.value.token);
    return present(c, await getSessionInfo(deps, r.value.principal));
  });

  register(app, createRoute({ method: 'post', path: '/api/auth/logout', tags: tag, responses: { 204: { description: 'signed out' }, 401: err('not signed in') } }), 'viewer', async (c, p) => {
    await signOut(deps, p);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.body(null, 204);
  });

  register(app, createRoute({ method: 'get', path: '/api/me', tags: tag, responses: { 200: json(SessionInfo, 'the caller'), 401: err('not signed in') } }), 'viewer', async (c, p) => {
    // Sliding sessions: the server extends an active session, so the browser's cookie is renewed to match.
    const cookie = getCookie(c, SESSION_COOKIE);
    if (p.via === 'session' && cookie) setSessionCookie(c, cookie);
    return present(c, await getSessionInfo(deps, p));
  });

  register(app, createRoute({ method: 'patch', path: '/api/me', tags: tag, request: body(UpdateMeRequest), responses: { 200: json(SessionInfo, 'updated preferences (language persists per user)'), 401: err('not signed in') } }), 'viewer', async (c, p) => {
    return present(c, await updateMe(deps, p, c.req.valid('json')));
  });

  register(app, createRoute({ method: 'get', path: '/api/tokens', tags: tag, responses: { 200: json(z.object({ items: z.array(ApiToken) }), 'your API tokens'), 401: err('not signed in') } }), 'viewer', async (c, p) => {
    return present(c, await listApiTokens(deps, p));
  });

  register(app, createRoute({ method: 'post', path: '/api/tokens', tags: tag, request: body(CreateApiTokenRequest), responses: { 201: json(CreateApiTokenResponse, 'the token, shown once'), 403: err('viewers cannot create tokens') } }), 'agent', async (c, p) => {
    return present(c, await createApiToken(deps, p, c.req.valid('json').name), 201);
  });

  register(app, createRoute({ method: 'delete', path: '/api/tokens/{id}', tags: tag, request: { params: z.object({ id: z.string() }) }, responses: { 204: { description: 'revoked' }, 404: err('no such token') } }), 'viewer', async (c, p) => {
    const r = await revokeApiToken(deps, p, c.req.valid('param').id);
    return (r.ok ? c.body(null, 204) : present(c, r));
  });

  register(app, createRoute({ method: 'get', path: '/api/members', tags: ['workspace'], responses: { 200: json(z.object({ items: z.array(Member) }), 'members of the workspace'), 401: err('not signed in') } }), 'viewer', async (c, p) => {
    return present(c, await listMembers(deps, p));
  });

  register(app, createRoute({ method: 'get', path: '/api/teams', tags: ['workspace'], responses: { 200: json(z.object({ items: z.array(Team) }), 'teams'), 401: err('not signed in') } }), 'viewer', async (c, p) => {
    return present(c, await listTeams(deps, p));
  });
}

/** Members, teams and the caller's password. */
export function workspaceAdminRoutes(app: App, deps: AccessDeps): void {
  const tags = ['workspace'];
  const UserParam = z.object({ userId: z.string().min(1).max(64) });
  const TeamParam = z.object({ id: z.string().min(1).max(64) });
  const noContent = (c: Context, r: Result<null>) => (r.ok ? c.body(null, 204) : present(c, r));

  register(app, createRoute({ method: 'post', path: '/api/members', tags, request: body(CreateMemberRequest), responses: { 201: json(CreateMemberResponse, 'added; a generated password is shown once'), 403: err('admins only; only owners add owners'), 409: err('already a member') } }), 'admin', async (c, p) =>
    present(c, await addMember(deps, p, c.req.valid('json')), 201));

  register(app, createRoute({ method: 'patch', path: '/api/members/{userId}', tags, request: { params: UserParam, ...body(UpdateMemberRequest) }, responses: { 200: json(Member, 'the member'), 403: err('not allowed'), 404: err('no such member'), 409: err('own role, or the last owner') } }), 'admin', async (c, p) =>
    present(c, await changeMemberRole(deps, p, c.req.valid('param').userId, c.req.valid('json').role)));

  register(app, createRoute({ method: 'delete', path: '/api/members/{userId}', tags, request: { params: UserParam }, responses: { 204: { description: 'removed; sessions ended, tokens revoked, tickets unassigned' }, 404: err('no such member'), 409: err('yourself, or the last owner') } }), 'admin', async (c, p) =>
    noContent(c, await removeMember(deps, p, c.req.valid('param').userId)));

  register(app, createRoute({ method: 'post', path: '/api/teams', tags, request: body(SaveTeamRequest), responses: { 201: json(Team, 'created'), 400: err('a member id from elsewhere'), 409: err('name taken') } }), 'admin', async (c, p) =>
    present(c, await saveTeam(deps, p, null, c.req.valid('json')), 201));

  register(app, createRoute({ method: 'put', path: '/api/teams/{id}', tags, request: { params: TeamParam, ...body(SaveTeamRequest) }, responses: { 200: json(Team, 'saved'), 404: err('no such team'), 409: err('name taken') } }), 'admin', async (c, p) =>
    present(c, await saveTeam(deps, p, c.req.valid('param').id, c.req.valid('json'))));

  register(app, createRoute({ method: 'delete', path: '/api/teams/{id}', tags, request: { params: TeamParam }, responses: { 204: { description: 'deleted; its tickets keep no team' }, 404: err('no such team') } }), 'admin', async (c, p) =>
    noContent(c, await deleteTeam(deps, p, c.req.valid('param').id)));

  register(app, createRoute({ method: 'post', path: '/api/me/password', tags: ['auth'], request: body(ChangePasswordRequest), responses: { 204: { description: 'changed; your other sessions are signed out' }, 400: err('too short'), 401: err('current password wrong') } }), 'viewer', async (c, p) =>
    noContent(c, await changePassword(deps, p, c.req.valid('json'))));
}

export { json as jsonResponse, err as errorResponse, body as jsonBody };
