import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { errorResponse as err, jsonResponse as json, register, type App } from '../access/index.ts';
import { SkippedMail } from '../contracts/index.ts';
import type { Db } from '../platform/db/port.ts';

/** What the mailboxes kept out of the inbox, newest first: so nothing a customer sent can vanish unseen. */
export function channelRoutes(app: App, deps: { db: Db }): void {
  register(app, createRoute({
    method: 'get', path: '/api/inbound-skipped', tags: ['settings'],
    request: { query: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }) },
    responses: { 200: json(z.object({ items: z.array(SkippedMail) }), 'mail not turned into tickets, with the reason'), 403: err('admins only') },
  }), 'admin', async (c, p) => {
    const r = await deps.db.query<{ channel_message_id: string; kind: string; reason: string; from_address: string; subject: string; related_message_id: string | null; received_at: Date }>(
      `SELECT channel_message_id, kind, reason, from_address, subject, related_message_id, received_at FROM inbound_skipped
        WHERE workspace_id = $1 ORDER BY received_at DESC, channel_message_id LIMIT $2`, [p.workspaceId, c.req.valid('query').limit]);
    return c.json({ items: r.rows.map((x) => ({ messageId: x.channel_message_id, kind: x.kind, reason: x.reason, fromAddress: x.from_address, subject: x.subject, relatedMessageId: x.related_message_id, receivedAt: x.received_at.toISOString() })) }, 200);
  });
}
