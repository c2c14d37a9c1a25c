import { OpenAPIHono } from '@hono/zod-openapi';
import { getConnInfo } from '@hono/node-server/conninfo';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Context } from 'hono';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { secureHeaders } from 'hono/secure-headers';
import { accessRoutes, authMiddleware, errorBody, workspaceAdminRoutes, type AppEnv } from '../access/index.ts';
import { channelRoutes, webhookRoutes } from '../channels/index.ts';
import { commerceRoutes } from '../commerce/index.ts';
import { deskRoutes } from '../desk/index.ts';
import { reconRoutes } from '../recon/index.ts';
import { alertRoutes, triageRoutes } from '../triage/index.ts';
import { CodedError } from '../kernel/index.ts';
import { HTTP_STATUS } from '../platform/http-errors.ts';
import type { Deps } from './deps.ts';
import { WEB_DIST } from './deps.ts';

const CSP = "default-src 'self'; img-src 'self' data: https:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

/** The HTTP surface: /api (JSON, OpenAPI-described) and the web UI from dist/web. Thin: every route calls one use case. */
export function createApp(deps: Pick<Deps, 'db' | 'clock' | 'log' | 'secrets' | 'config'>, opts: { webDist?: string } = {}): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        const issue = result.error.issues[0];
        const field = issue?.path.join('.') ?? '';
        return c.json(errorBody('bad_input', `${field ? `${field}: ` : ''}${issue?.message ?? 'invalid input'}`, { issues: result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) }), 400);
      }
      return undefined;
    },
  });
  app.use('*', secureHeaders());
  // One strict policy for everything, unless a route set a stricter one (attachment downloads are sandboxed).
  app.use('*', async (c, next) => {
    await next();
    if (!c.res.headers.has('content-security-policy')) c.res.headers.set('content-security-policy', CSP);
  });
  app.use('/api/*', authMiddleware(deps, new Set(['/api/auth/login', '/api/health', '/api/openapi.json'])));
  app.get('/api/health', (c) => c.json({ ok: true, database: deps.db.kind }));
  accessRoutes(app, deps, { secureCookies: deps.config.http.secureCookies, clientAddress: clientAddress(deps.config.http.trustProxy) });
  workspaceAdminRoutes(app, deps);
  deskRoutes(app, deps);
  commerceRoutes(app, { db: deps.db, clock: deps.clock, sealer: deps.secrets });
  webhookRoutes(app, deps);
  channelRoutes(app, deps);
  triageRoutes(app, deps);
  alertRoutes(app, deps);
  reconRoutes(app, deps);
  app.openAPIRegistry.registerComponent('securitySchemes', 'session', { type: 'apiKey', in: 'cookie', name: 'cd_session', description: 'set by POST /api/auth/login; writes also need the X-CSRF-Token header' });
  app.openAPIRegistry.registerComponent('securitySchemes', 'token', { type: 'http', scheme: 'bearer', description: 'an API token (cdt_…) created in Settings' });
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    security: [{ session: [] }, { token: [] }],
    info: { title: 'claimdesk API', version: '0.1.0', description: 'Sign in with POST /api/auth/login (cookie + X-CSRF-Token on writes) or send `Authorization: Bearer cdt_…` with an API token.' },
  });
  app.notFound((c) => c.json(errorBody('not_found', `no route ${c.req.method} ${c.req.path}`), 404));
  app.onError((err, c) => {
    // A use case refusing bad input, a missing row or a conflict: its code decides the status, as for a Result.
    if (err instanceof CodedError) return c.json(errorBody(err.code, err.message, err.details), HTTP_STATUS[err.code]);
    deps.log.error('request failed', { path: c.req.path, method: c.req.method, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
    return c.json(errorBody('internal', 'internal error; see the server log'), 500);
  });
  mountWeb(app, opts.webDist ?? WEB_DIST);
  return app;
}

/** The socket's address; behind a trusted reverse proxy, the hop that proxy appended to X-Forwarded-For. */
function clientAddress(trustProxy: boolean): (c: Context) => string {
  return (c) => {
    if (trustProxy) {
      const hops = (c.req.header('x-forwarded-for') ?? '').split(',').map((h) => h.trim()).filter(Boolean);
      if (hops.length) return hops[hops.length - 1]!;
    }
    try {
      return getConnInfo(c).remote.address ?? 'unknown';
    } catch {
      return 'in-process';
    }
  };
}

function mountWeb(app: OpenAPIHono<AppEnv>, dist: string): void {
  const index = join(dist, 'index.html');
  const root = relative(process.cwd(), dist) || '.';
  app.use('/assets/*', serveStatic({ root }));
  app.get('*', async (c, next) => {
    if (c.req.path.startsWith('/api/') || c.req.path.startsWith('/hooks/')) return next();
    if (!existsSync(index)) return c.text('The web UI is not built. Run `npm run build:web` (npm start does this).', 503);
    const file = await serveStatic({ root })(c, async () => undefined);
    if (file) return file;
    return c.html(readFileSync(index, 'utf8'));
  });
}
