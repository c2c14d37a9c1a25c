import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { errorResponse as err, jsonResponse as json, present, register, type App } from '../access/index.ts';
import { AlertListQuery, AlertListResponse, TriageAlert } from '../contracts/index.ts';
import type { Clock } from '../kernel/index.ts';
import type { Db } from '../platform/db/port.ts';
import { acknowledgeAlert, listAlerts } from './spikes.ts';

const AlertParam = z.object({ id: z.string().min(1).max(64) });

/** Spike alerts: delivery complaints well above their slice's baseline, with the tickets and orders behind them. */
export function alertRoutes(app: App, deps: { db: Db; clock: Clock }): void {
  const tags = ['triage'];

  register(app, createRoute({
    method: 'get', path: '/api/alerts', tags, request: { query: AlertListQuery },
    responses: { 200: json(AlertListResponse, 'alerts, open ones first, newest first'), 400: err('bad filter'), 401: err('not signed in') },
  }), 'viewer', async (c, p) => {
    return c.json({ items: await listAlerts(deps.db, p.workspaceId, c.req.valid('query')) }, 200);
  });

  register(app, createRoute({
    method: 'post', path: '/api/alerts/{id}/acknowledge', tags, request: { params: AlertParam },
    responses: { 200: json(TriageAlert, 'the alert, acknowledged (unchanged if it already was)'), 403: err('viewers cannot acknowledge alerts'), 404: err('no such alert in this workspace') },
  }), 'agent', async (c, p) => {
    return present(c, await acknowledgeAlert(deps.db, p.workspaceId, c.req.valid('param').id, p.userId, deps.clock.now()));
  });
}
