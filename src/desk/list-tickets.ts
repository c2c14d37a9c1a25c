import type { TicketListQuery, TicketListResponse, TicketSummary } from '../contracts/index.ts';
import type { Queryable } from '../platform/db/port.ts';
import { ticketNumberIn, toWebSearch } from './domain/search-query.ts';

export const SUMMARY_SELECT = `
  SELECT t.id, t.number, t.subject, t.assignee_id, t.team_id, t.no_response_needed, t.channel, t.marketplace, t.status, t.risk_level, t.risk_score, t.intent, t.intents, t.signals, t.risk_reasons, t.risk_factors, t.priority, t.tags, t.language,
         t.sla_policy_id, t.sla_state, t.sla_metric, t.sla_due_at, t.sla_breached_at, t.sla_clocks,
         t.first_response_due_at, t.next_response_due_at, t.resolution_due_at, t.created_at,
         c.name AS customer_name, o.external_id AS order_external_id, o.fulfillment,
         u.name AS assignee_name, tm.name AS team_name,
         (SELECT count(*)::int FROM messages m WHERE m.ticket_id = t.id AND m.delivery_status <> 'draft') AS message_count,
         greatest(t.last_customer_message_at, t.last_agent_message_at) AS last_message_at,
         (SELECT left(m.body_text, 200) FROM messages m WHERE m.ticket_id = t.id AND m.delivery_status <> 'draft' ORDER BY m.sent_at DESC LIMIT 1) AS preview
  FROM tickets t
  LEFT JOIN customers c ON c.id = t.customer_id AND c.workspace_id = t.workspace_id
  LEFT JOIN orders o ON o.id = t.order_id AND o.workspace_id = t.workspace_id
  LEFT JOIN memberships mb ON mb.user_id = t.assignee_id AND mb.workspace_id = t.workspace_id
  LEFT JOIN users u ON u.id = mb.user_id
  LEFT JOIN teams tm ON tm.id = t.team_id AND tm.workspace_id = t.workspace_id`;

export interface SummaryRow {
  id: string; number: number; subject: string; assignee_id: string | null; team_id: string | null; no_response_needed: boolean; channel: TicketSummary['channel']; marketplace: string | null; status: TicketSummary['status'];
  risk_level: TicketSummary['riskLevel']; risk_score: number; intent: string | null; intents: string[]; signals: string[]; risk_reasons: string[];
  risk_factors: TicketSummary['riskFactors']; priority: TicketSummary['priority']; sla_policy_id: string | null; sla_state: TicketSummary['sla']['state'];
  sla_metric: TicketSummary['sla']['metric']; sla_due_at: Date | null; sla_breached_at: Date | null; sla_clocks: TicketSummary['sla']['clocks'];
  tags: string[]; language: string | null; first_response_due_at: Date | null; next_response_due_at: Date | null; resolution_due_at: Date | null; created_at: Date; customer_name: string | null;
  order_external_id: string | null; fulfillment: TicketSummary['fulfillment']; assignee_name: string | null; team_name: string | null;
  message_count: number; last_message_at: Date | null; preview: string | null;
}

export function presentSummary(r: SummaryRow): TicketSummary {
  return {
    id: r.id, number: r.number, subject: r.subject, assigneeId: r.assignee_id, teamId: r.team_id, noResponseNeeded: r.no_response_needed, preview: (r.preview ?? '').replace(/\s+/g, ' ').trim(), channel: r.channel, marketplace: r.marketplace,
    status: r.status, riskLevel: r.risk_level, riskScore: r.risk_score, intent: r.intent, intents: r.intents, signals: r.signals, riskReasons: r.risk_reasons,
    riskFactors: r.risk_factors, priority: r.priority,
    sla: { policyId: r.sla_policy_id, state: r.sla_state, metric: r.sla_metric, dueAt: r.sla_due_at?.toISOString() ?? null, breachedAt: r.sla_breached_at?.toISOString() ?? null, clocks: r.sla_clocks },
    tags: r.tags, language: r.language,
    customerName: r.customer_name, orderExternalId: r.order_external_id, fulfillment: r.fulfillment, assigneeName: r.assignee_name, teamName: r.team_name,
    messageCount: r.message_count, lastMessageAt: r.last_message_at?.toISOString() ?? null, firstResponseDueAt: r.first_response_due_at?.toISOString() ?? null,
    nextResponseDueAt: r.next_response_due_at?.toISOString() ?? null,
    resolutionDueAt: r.resolution_due_at?.toISOString() ?? null, createdAt: r.created_at.toISOString(),
  };
}

type Skip = 'status' | 'channel' | 'risk' | 'marketplace' | 'team' | 'assignee' | null;

function filters(workspaceId: string, userId: string, q: TicketListQuery, skip: Skip, withSearch = true): { where: string; params: unknown[] } {
  const params: unknown[] = [workspaceId];
  const parts = ['t.workspace_id = $1'];
  const add = (sql: string, v: unknown): void => {
    params.push(v);
    parts.push(sql.replaceAll('?', `$${params.length}`));
  };
  if (q.status && skip !== 'status') {
    if (q.status === 'active') parts.push(`t.status IN ('open', 'pending', 'on_hold')`);
    else add('t.status = ?', q.status);
  }
  if (q.channel && skip !== 'channel') add('t.channel = ?', q.channel);
  if (q.riskLevel && skip !== 'risk') add('t.risk_level = ?', q.riskLevel);
  if (q.marketplace === 'none' && skip !== 'marketplace') parts.push('t.marketplace IS NULL');
  else if (q.marketplace && skip !== 'marketplace') add('t.marketplace = ?', q.marketplace);
  if (q.teamId === 'none' && skip !== 'team') parts.push('t.team_id IS NULL');
  else if (q.teamId && skip !== 'team') add('t.team_id = ?', q.teamId);
  if (q.assignee === 'none' && skip !== 'assignee') parts.push('t.assignee_id IS NULL');
  else if (q.assignee && skip !== 'assignee') add('t.assignee_id = ?', q.assignee === 'me' ? userId : q.assignee);
  if (withSearch && q.q?.trim()) {
    // Index-driven: full-text matches in messages and notes (CJK-aware), the order id or name, the ticket number.
    params.push(toWebSearch(q.q), q.q.trim(), ticketNumberIn(q.q));
    const [ts, raw, num] = [params.length - 2, params.length - 1, params.length];
    // One IN over a UNION (no OR beside it): the planner can then join, rather than re-run the search per ticket.
    parts.push(`t.id IN (
        SELECT m.ticket_id FROM messages m WHERE m.workspace_id = $1 AND m.search @@ websearch_to_tsquery('simple', $${ts})
        UNION SELECT n.ticket_id FROM notes n WHERE n.workspace_id = $1 AND n.search @@ websearch_to_tsquery('simple', $${ts})
        UNION SELECT t2.id FROM orders o2 JOIN tickets t2 ON t2.order_id = o2.id AND t2.workspace_id = $1
               WHERE o2.workspace_id = $1 AND (o2.external_id = $${raw} OR o2.display_name = $${raw})
        UNION SELECT t3.id FROM tickets t3 WHERE t3.workspace_id = $1 AND t3.number = $${num}::int)`);
  }
  return { where: parts.join(' AND '), params };
}

// The queue: open work first, then risk, then the time left on the running SLA clock (breached first).
// Matches tickets_queue_order_idx (migration 0003) expression for expression: keep them in step.
const ORDER_BY = `t.workspace_id, CASE t.status WHEN 'open' THEN 0 WHEN 'pending' THEN 1 WHEN 'on_hold' THEN 2 ELSE 3 END,
  t.risk_rank, t.sla_due_at ASC NULLS LAST, t.risk_score DESC, t.created_at DESC, t.id`;

async function countBy(db: Queryable, column: string, f: { where: string; params: unknown[] }): Promise<Record<string, number>> {
  const r = await db.query<{ k: string; n: number }>(`SELECT ${column} AS k, count(*)::int AS n FROM tickets t WHERE ${f.where} GROUP BY 1`, f.params);
  return Object.fromEntries(r.rows.map((x) => [x.k, x.n]));
}

/** Cursors are opaque to clients; the schema guarantees they decode to a bounded offset. */
function decodeCursor(cursor: string): number {
  return Number.parseInt(Buffer.from(cursor, 'base64url').toString(), 10);
}

/** The queue: what can hurt the seller first (status, risk, then time left), with counts for the filter chips. */
export async function listTickets(db: Queryable, workspaceId: string, userId: string, q: TicketListQuery): Promise<TicketListResponse> {
  const offset = q.cursor ? decodeCursor(q.cursor) : 0;
  let rows: { rows: SummaryRow[] };
  let counts: Counts;
  if (q.q?.trim()) {
    // One statement finds the matches, picks the page and takes every count; then the page's rows are read by id.
    const found = await searchPage(db, workspaceId, userId, q, offset);
    counts = found.counts;
    rows = await db.query<SummaryRow>(`${SUMMARY_SELECT} WHERE t.workspace_id = $1 AND t.id = ANY($2::text[]) ORDER BY ${ORDER_BY}`, [workspaceId, found.ids]);
  } else {
    const f = filters(workspaceId, userId, q, null);
    rows = await db.query<SummaryRow>(`${SUMMARY_SELECT} WHERE ${f.where} ORDER BY ${ORDER_BY} LIMIT ${q.limit + 1} OFFSET ${offset}`, f.params);
    counts = await plainCounts(db, workspaceId, userId, q);
  }
  const more = rows.rows.length > q.limit;
  return {
    items: rows.rows.slice(0, q.limit).map(presentSummary),
    total: counts.total,
    counts: { status: counts.status, channel: counts.channel, risk: counts.risk, marketplace: counts.marketplace, team: counts.team, assignee: counts.assignee },
    nextCursor: more ? Buffer.from(String(offset + q.limit)).toString('base64url') : null,
  };
}

type Counts = { total: number; status: Record<string, number>; channel: Record<string, number>; risk: Record<string, number>; marketplace: Record<string, number>; team: Record<string, number>; assignee: Record<string, number> };

const COUNTED: readonly [Exclude<Skip, null>, string][] = [['status', 't.status'], ['channel', 't.channel'], ['risk', 't.risk_level'], ['marketplace', "coalesce(t.marketplace, '')"], ['team', "coalesce(t.team_id, '')"], ['assignee', "coalesce(t.assignee_id, '')"]];

async function plainCounts(db: Queryable, workspaceId: string, userId: string, q: TicketListQuery): Promise<Counts> {
  const f = filters(workspaceId, userId, q, null);
  const [total, ...by] = await Promise.all([
    db.query<{ n: number }>(`SELECT count(*)::int AS n FROM tickets t WHERE ${f.where}`, f.params),
    ...COUNTED.map(([skip, col]) => countBy(db, col, filters(workspaceId, userId, q, skip))),
  ]);
  return { total: total.rows[0]?.n ?? 0, status: by[0]!, channel: by[1]!, risk: by[2]!, marketplace: by[3]!, team: by[4]!, assignee: by[5]! };
}

/**
 * With a search, the matching tickets are found once (one evaluation of the full-text index, with the
 * columns the queue sorts and counts by), and the page's ids and every count — the total and each filter
 * chip's — are taken over that set in the same statement.
 */
async function searchPage(db: Queryable, workspaceId: string, userId: string, q: TicketListQuery, offset: number): Promise<{ ids: string[]; counts: Counts }> {
  const hits = filters(workspaceId, userId, { ...q, status: undefined, channel: undefined, riskLevel: undefined, marketplace: undefined, teamId: undefined, assignee: undefined } as TicketListQuery, null);
  const params = [...hits.params];
  // The chip filters are re-numbered after the search's parameters and applied to the matched set.
  const shift = (g: { where: string; params: unknown[] }): string => {
    const base = params.length - 1;
    params.push(...g.params.slice(1));
    return g.where.replace(/\$(\d+)/g, (_m, n: string) => (n === '1' ? '$1' : `$${Number(n) + base}`));
  };
  const all = shift(filters(workspaceId, userId, q, null, false));
  const parts = COUNTED.map(([skip, col]) => `'${skip}', (SELECT coalesce(json_object_agg(k, n), '{}') FROM (SELECT ${col} AS k, count(*)::int AS n FROM hit t WHERE ${shift(filters(workspaceId, userId, q, skip, false))} GROUP BY 1) x)`);
  const r = await db.query<{ c: Counts & { ids: string[] | null } }>(
    `WITH hit AS MATERIALIZED (SELECT t.id, t.workspace_id, t.status, t.channel, t.risk_level, t.risk_score, t.marketplace, t.team_id, t.assignee_id,
                                      t.risk_rank, t.sla_due_at, t.created_at FROM tickets t WHERE ${hits.where}),
          page AS (SELECT t.id FROM hit t WHERE ${all} ORDER BY ${ORDER_BY} LIMIT ${q.limit + 1} OFFSET ${offset})
     SELECT json_build_object('ids', (SELECT json_agg(id) FROM page), 'total', (SELECT count(*)::int FROM hit t WHERE ${all}), ${parts.join(', ')}) AS c`,
    params,
  );
  const { ids, ...counts } = r.rows[0]!.c;
  return { ids: ids ?? [], counts };
}
