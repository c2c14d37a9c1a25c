import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { errorResponse as err, jsonBody as body, jsonResponse as json, present, register, type App } from '../access/index.ts';
import { ChannelAccount, CreateChannelAccountRequest } from '../contracts/index.ts';
import type { Clock } from '../kernel/index.ts';
import { ok } from '../kernel/index.ts';
import type { Db } from '../platform/db/port.ts';
import { createChannelAccount, listChannelAccounts, type Sealer } from './channel-accounts.ts';

export function commerceRoutes(app: App, deps: { db: Db; clock: Clock; sealer: Sealer }): void {
  const tags = ['settings'];
  register(app, createRoute({ method: 'get', path: '/api/channel-accounts', tags, responses: { 200: json(z.object({ items: z.array(ChannelAccount) }), 'connected channel accounts; credentials are never returned'), 401: err('not signed in') } }), 'viewer', async (c, p) => {
    return present(c, ok({ items: await listChannelAccounts(deps.db, p.workspaceId) }));
  });

  register(app, createRoute({ method: 'post', path: '/api/channel-accounts', tags, request: body(CreateChannelAccountRequest), responses: { 201: json(ChannelAccount, 'connected'), 400: err('bad input'), 403: err('admins only'), 409: err('already connected') } }), 'admin', async (c, p) => {
    return present(c, await createChannelAccount(deps.db, deps.sealer, p.workspaceId, c.req.valid('json'), deps.clock.now()), 201);
  });
}
