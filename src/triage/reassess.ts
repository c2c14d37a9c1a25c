import { appendEvents, type AuditEvent } from '../audit/index.ts';
import { applyAutomation, type AutomationChange } from '../desk/index.ts';
import { newId } from '../kernel/index.ts';
import type { Queryable } from '../platform/db/port.ts';
import { enqueue } from '../platform/jobs.ts';
import { assessRisk, DEFAULT_RISK_CONFIG, type RiskAssessment, type RiskFactor, type RiskInput, type RiskLevel } from './domain/risk.ts';
import {
  evaluateRules, makeFacts, type EngineContext, type EvaluationResult, type Rule, type RuleEvent, type TeamMember, type TicketFacts, type TimelineEntry, type Trigger,
} from './domain/rules/index.ts';
import { businessHoursAt, SlaError, slaForTicket, slaSnapshot, type SlaEvent, type SlaSnapshot } from './domain/sla/index.ts';
import { DEFAULT_REPLY_TEMPLATES, renderReplyTemplate } from './domain/templates.ts';
import { loadTriageSettings, TEAM_KEY_NAMES, type TriageSettings } from './settings.ts';
import { sweepSla, type SlaCrossing } from './sla-sweep.ts';

/** Something happened to a ticket: re-score it, run the rules for this event, and reset its SLA clocks. */
export interface TicketEvent {
  readonly ticketId: string;
  readonly trigger: Trigger;
  /** Identifies the originating event: each rule fires at most once per (ticket, key). */
  readonly eventKey: string;
  readonly idleHours?: number;
}

export const WEBHOOK_QUEUE = 'rule.webhook';

/**
 * The rule_firings row (in place of a rule id) saying that this `ticket_idle` rule, at this threshold, looked at
 * an idle stretch (the event key) — whether it fired or its conditions did not hold. Each idle rule evaluates a
 * stretch once; a rule with a longer threshold still gets its turn after a shorter one did.
 */
export function idleMarker(rule: Pick<Rule, 'id' | 'idleHours'>): string {
  return `*idle:${rule.id}@${rule.idleHours ?? 0}h`;
}

/** Open tickets an agent holds at most, for `least_loaded` assignment (team_members has no capacity column yet). */
const DEFAULT_AGENT_CAPACITY = 30;
const CLAIM_INTENTS = ['not_received', 'damaged_defective', 'refund_request', 'wrong_item'];
const CLAIM_SIGNALS = ['a_to_z_threat', 'chargeback_threat'];

interface Row {
  id: string; number: number; channel: string; marketplace: string | null; status: string; subject: string; language: string | null;
  intent: string | null; intents: string[]; signals: string[]; tags: string[]; team_id: string | null; assignee_id: string | null; priority: string;
  risk_level: RiskLevel; risk_score: number; risk_factors: RiskFactor[]; no_response_needed: boolean; created_at: Date; assessed_at: Date | null;
  sla_clock_key: string | null; sla_warnings_sent: number; sla_state: string;
  order_external_id: string | null; fulfillment: string | null; total_minor: string | null; currency: string | null; order_status: string | null;
  purchased_at: Date | null; promised_ship_by: Date | null; promised_delivery_by: Date | null; customer_name: string | null;
  shipments: { carrier: string; trackingNumber: string | null; status: string; shippedAt: string | null; deliveredAt: string | null; uploaded: boolean; lastEventAt: string | null }[];
  previous_tickets: number | null; previous_claims: number | null; lifetime_value: string | null;
  messages: { d: 'inbound' | 'outbound'; at: string; nrn: boolean }[];
  status_events: { type: string; at: string; to: string | null }[];
}

const LOAD_SQL = `
SELECT t.id, t.number, t.channel, t.marketplace, t.status, t.subject, t.language, t.intent, t.intents, t.signals, t.tags, t.team_id, t.assignee_id, t.priority,
       t.risk_level, t.risk_score, t.risk_factors, t.no_response_needed, t.created_at, t.assessed_at, t.sla_clock_key, t.sla_warnings_sent, t.sla_state,
       o.external_id AS order_external_id, o.fulfillment, o.total_minor::text AS total_minor, o.currency, o.status AS order_status, o.purchased_at, o.promised_ship_by, o.promised_delivery_by,
       c.name AS customer_name,
       (SELECT coalesce(json_agg(json_build_object('carrier', s.carrier, 'trackingNumber', s.tracking_number, 'status', s.status, 'shippedAt', s.shipped_at,
                'deliveredAt', s.delivered_at, 'uploaded', s.uploaded_to_marketplace,
                'lastEventAt', (SELECT max(e.occurred_at) FROM tracking_events e WHERE e.shipment_id = s.id)) ORDER BY s.shipped_at NULLS FIRST, s.id), '[]'::json)
          FROM shipments s WHERE s.order_id = t.order_id) AS shipments,
       CASE WHEN t.customer_id IS NULL THEN NULL ELSE
         (SELECT count(*) FROM tickets p WHERE p.workspace_id = t.workspace_id AND p.customer_id = t.customer_id AND p.id <> t.id AND p.created_at <= t.created_at)::int END AS previous_tickets,
       CASE WHEN t.customer_id IS NULL THEN NULL ELSE
         (SELECT count(*) FROM tickets p WHERE p.workspace_id = t.workspace_id AND p.customer_id = t.customer_id AND p.id <> t.id AND p.created_at <= t.created_at
             AND (p.intents && $3::text[] OR p.signals && $4::text[]))::int END AS previous_claims,
       CASE WHEN t.customer_id IS NULL THEN NULL ELSE
         (SELECT coalesce(sum(x.total_minor), 0)::text FROM orders x WHERE x.workspace_id = t.workspace_id AND x.customer_id = t.customer_id
             AND x.currency = coalesce(o.currency, x.currency)) END AS lifetime_value,
       (SELECT coalesce(json_agg(json_build_object('d', m.direction, 'at', m.sent_at, 'nrn', m.no_response_needed) ORDER BY m.sent_at, m.id), '[]'::json)
          FROM messages m WHERE m.ticket_id = t.id AND m.delivery_status IN ('received', 'queued', 'sent')) AS messages,
       (SELECT coalesce(json_agg(json_build_object('type', e.type, 'at', e.occurred_at, 'to', e.data->>'to') ORDER BY e.seq), '[]'::json)
          FROM events e WHERE e.workspace_id = t.workspace_id AND e.subject_type = 'ticket' AND e.subject_id = t.id
           AND (e.type IN ('ticket.status_changed', 'ticket.reopened', 'ticket.no_response_needed', 'ticket.response_needed')
                OR (e.type = 'rule.applied' AND e.data->>'action' = 'mark_no_response_needed'))) AS status_events
  FROM tickets t
  LEFT JOIN orders o ON o.id = t.order_id
  LEFT JOIN customers c ON c.id = t.customer_id
 WHERE t.workspace_id = $1 AND t.id = ANY($2::text[])
 ORDER BY t.id
   FOR UPDATE OF t`;

const d = (s: string | null | undefined): Date | null => (s ? new Date(s) : null);
const num = (s: string | null): number | null => (s === null ? null : Number(s));

/** The risk model's view of a ticket row. */
function riskInput(row: Row, sla: SlaEvent[]): RiskInput {
  // The buyer waits as the SLA clocks see it: from the first message needing an answer until a reply or a
  // "no response needed" mark; taking the mark back makes the unanswered messages wait again.
  let waitingSince: Date | null = null;
  let unanswered: Date | null = null;
  for (const e of sla) {
    if (e.type === 'customer_message') {
      unanswered ??= e.at;
      if (!e.noResponseNeeded) waitingSince ??= e.at;
    } else if (e.type === 'agent_reply' && !e.automated) {
      waitingSince = null;
      unanswered = null;
    } else if (e.type === 'no_response_needed') waitingSince = null;
    else if (e.type === 'response_needed') waitingSince ??= unanswered;
  }
  return {
    channel: row.channel, marketplace: row.marketplace, fulfillment: row.fulfillment, intent: row.intent, intents: row.intents, signals: row.signals,
    order: row.total_minor === null || row.purchased_at === null ? null : {
      totalMinor: Number(row.total_minor), currency: row.currency ?? '', status: row.order_status ?? '', purchasedAt: row.purchased_at, promisedShipBy: row.promised_ship_by, promisedDeliveryBy: row.promised_delivery_by,
      shipments: row.shipments.map((s) => ({
        carrier: s.carrier, trackingNumber: s.trackingNumber, status: s.status, shippedAt: d(s.shippedAt), deliveredAt: d(s.deliveredAt), lastEventAt: d(s.lastEventAt), uploadedToMarketplace: s.uploaded,
      })),
    },
    customer: row.previous_tickets === null ? null : { previousTickets: row.previous_tickets, previousClaims: row.previous_claims ?? 0, lifetimeValueMinor: num(row.lifetime_value) ?? 0 },
    waitingSince,
    noResponseNeeded: row.no_response_needed,
  };
}

/** The ticket's history as SLA clock events. */
function slaEvents(row: Row): SlaEvent[] {
  const out: { e: SlaEvent; k: number }[] = [{ e: { type: 'created', at: row.created_at }, k: 0 }];
  for (const m of row.messages) {
    out.push(m.d === 'inbound'
      ? { e: { type: 'customer_message', at: new Date(m.at), noResponseNeeded: m.nrn }, k: 1 }
      : { e: { type: 'agent_reply', at: new Date(m.at) }, k: 1 });
  }
  for (const s of row.status_events) {
    // A rule's "no response needed" stops the wait as an agent's does (it is stored as rule.applied).
    if (s.type === 'ticket.no_response_needed' || s.type === 'rule.applied') out.push({ e: { type: 'no_response_needed', at: new Date(s.at) }, k: 2 });
    else if (s.type === 'ticket.response_needed') out.push({ e: { type: 'response_needed', at: new Date(s.at) }, k: 2 });
    else if (s.type === 'ticket.status_changed' && s.to) out.push({ e: { type: 'status', at: new Date(s.at), status: s.to }, k: 2 });
  }
  return out.sort((a, b) => a.e.at.getTime() - b.e.at.getTime() || a.k - b.k).map((x) => x.e);
}

/** Rule-set risk survives re-scoring: a `rule.*` factor holds the level a rule set and why. */
function withRuleOverride(model: RiskAssessment, previous: readonly RiskFactor[], change: EvaluationResult['changes']['risk'] | undefined): { level: RiskLevel; score: number; factors: RiskFactor[] } {
  const kept = change
    ? [{ code: `rule.${change.ruleId}`, points: 0, text: change.reason, data: { level: change.level } } satisfies RiskFactor]
    : previous.filter((f) => f.code.startsWith('rule.'));
  const override = kept[0]?.data.level as RiskLevel | undefined;
  return { level: override ?? model.level, score: model.score, factors: [...kept, ...model.factors] };
}

export interface ReassessResult {
  readonly tickets: number;
  readonly fired: number;
  readonly crossings: readonly SlaCrossing[];
}

/**
 * The triage pass for a set of ticket events, in the caller's transaction: for each ticket, score risk (order,
 * tracking, customer history, the Amazon clock), run the workspace's rules once per event (with the follow-up
 * evaluations the engine asks for, up to its loop guard), apply what they decided (desk: fields, tags, notes,
 * draft, timeline with the rule's name), then select the SLA policy on the final facts and store the clocks.
 * Warnings and breaches already due are announced at once by the sweep, and rules on `sla_warning`/`sla_breach`
 * run for them. Set-based reads; one UPDATE for all tickets.
 */
export async function reassessTickets(q: Queryable, workspaceId: string, events: readonly TicketEvent[], now: Date, settingsIn?: TriageSettings, depth = 0): Promise<ReassessResult> {
  if (events.length === 0) return { tickets: 0, fired: 0, crossings: [] };
  const settings = settingsIn ?? (await loadTriageSettings(q, workspaceId));
  const ids = [...new Set(events.map((e) => e.ticketId))];
  // The rows are locked (in id order) until the caller commits: a concurrent pass for the same ticket waits, then
  // reads the rule_firings this one wrote, so a rule fires once per (ticket, event) across processes and retries.
  const rows = (await q.query<Row>(LOAD_SQL, [workspaceId, ids, CLAIM_INTENTS, CLAIM_SIGNALS])).rows;
  const byId = new Map(rows.map((r) => [r.id, r]));
  const rules = settings.rules.filter((r) => r.enabled);
  const triggers = new Set(events.map((e) => e.trigger));
  const activeRules = rules.filter((r) => triggers.has(r.trigger) || r.trigger === 'ticket_updated');
  const ctx = activeRules.length ? await engineContext(q, workspaceId, activeRules, now) : null;
  const fired = activeRules.length
    ? new Set((await q.query<{ k: string }>(`SELECT ticket_id || '\t' || event_key || '\t' || rule_id AS k FROM rule_firings WHERE ticket_id = ANY($1::text[])`, [ids])).rows.map((r) => r.k))
    : new Set<string>();
  const businessHours = businessHoursAt(settings.calendars, now);

  const updates: Record<string, unknown>[] = [];
  const automation: AutomationChange[] = [];
  const firings: { ticket: string; key: string; rule: string }[] = [];
  const audit: AuditEvent[] = [];
  const notifications: { id: string; channel: string; recipient: string; message: string; ticket: string; source: string }[] = [];
  const webhooks: { url: string; body: string; ticketId: string; ruleId: string }[] = [];
  let firedCount = 0;

  for (const id of ids) {
    const row = byId.get(id);
    if (!row) continue;
    const sla = slaEvents(row);
    const model = assessRisk(riskInput(row, sla), now, DEFAULT_RISK_CONFIG);
    let risk = withRuleOverride(model, row.risk_factors, undefined);
    const initial: TicketFacts = makeFacts({
      ticketId: String(row.number), orderId: row.order_external_id, customerName: row.customer_name, subject: row.subject, currency: row.currency,
      channel: row.channel, marketplace: row.marketplace, fulfillment: row.fulfillment, intent: row.intent, intents: row.intents, signals: row.signals,
      risk: risk.level, priority: row.priority as TicketFacts['priority'], language: row.language, orderValueMinor: num(row.total_minor),
      previousTickets: row.previous_tickets, previousClaims: row.previous_claims, lifetimeValueMinor: num(row.lifetime_value), tags: row.tags,
      businessHours, teamId: row.team_id, assigneeId: row.assignee_id, noResponseNeeded: row.no_response_needed,
    });
    let facts = initial;
    const timeline: TimelineEntry[] = [];
    let riskChange: EvaluationResult['changes']['risk'];
    let draft: { templateId: string; ruleName: string } | null = null;
    const notes: { text: string; author: string }[] = [];
    if (ctx) {
      for (const ev of events.filter((e) => e.ticketId === id)) {
        let event: RuleEvent = { type: ev.trigger, id: ev.eventKey, depth: 0, ...(ev.idleHours !== undefined ? { idleHours: ev.idleHours } : {}) };
        // Idle rules that already looked at this stretch count as fired.
        const idleRules = ev.trigger === 'ticket_idle' ? activeRules.filter((r) => r.trigger === 'ticket_idle') : [];
        const idleSeen = (r: Rule) => fired.has(`${id}\t${ev.eventKey}\t${idleMarker(r)}`);
        let already = activeRules.filter((r) => fired.has(`${id}\t${ev.eventKey}\t${r.id}`) || (idleRules.includes(r) && idleSeen(r))).map((r) => r.id);
        for (;;) {
          const res = evaluateRules(activeRules, event, facts, { ...ctx, alreadyFired: already });
          ctx.roundRobinCursor = { ...ctx.roundRobinCursor, ...res.nextRoundRobinCursor };
          facts = res.facts;
          timeline.push(...res.timeline);
          for (const f of res.fired) {
            firings.push({ ticket: id, key: ev.eventKey, rule: f.ruleId });
            fired.add(`${id}\t${ev.eventKey}\t${f.ruleId}`);
          }
          firedCount += res.fired.length;
          if (res.changes.risk) riskChange = res.changes.risk;
          if (res.changes.draft) draft = { templateId: res.changes.draft.value.templateId, ruleName: res.changes.draft.ruleName };
          notes.push(...res.changes.notes.map((n) => ({ text: n.value.text, author: `Rule: ${n.ruleName}` })));
          for (const n of res.changes.notifications) {
            notifications.push({ id: newId('ntf', now), channel: n.value.channel, recipient: n.value.to, message: n.value.message, ticket: id, source: `rule:${n.ruleId}` });
          }
          for (const w of res.changes.webhooks) webhooks.push({ url: w.value.url, body: w.value.body, ticketId: id, ruleId: w.ruleId });
          if (res.status === 'refused') {
            audit.push({ workspaceId, subjectType: 'ticket', subjectId: id, type: 'rule.loop_stopped', actor: 'system', data: { reason: res.refusal ?? 'loop guard' }, occurredAt: now });
            break;
          }
          if (!res.followUp) break;
          event = { type: 'ticket_updated', id: res.followUp.id, depth: res.followUp.depth };
          already = res.alreadyFired;
        }
        // Each idle rule whose threshold the stretch reached has now looked at it, fired or not: the sweep does not
        // bring it back for this stretch (a longer threshold still does, when reached).
        for (const r of idleRules) {
          if ((ev.idleHours ?? 0) < (r.idleHours ?? 0) || idleSeen(r)) continue;
          firings.push({ ticket: id, key: ev.eventKey, rule: idleMarker(r) });
          fired.add(`${id}\t${ev.eventKey}\t${idleMarker(r)}`);
        }
      }
    }
    if (riskChange) risk = withRuleOverride(model, row.risk_factors, riskChange);

    const tagsAdded = facts.tags.filter((t) => !initial.tags.includes(t));
    const tagsRemoved = initial.tags.filter((t) => !facts.tags.includes(t));
    const nrn = facts.noResponseNeeded === true && !row.no_response_needed;
    if (nrn) sla.push({ type: 'no_response_needed', at: now });
    const change: AutomationChange = {
      ticketId: id,
      ...(facts.priority && facts.priority !== initial.priority ? { priority: facts.priority } : {}),
      ...(tagsAdded.length ? { tagsAdded } : {}),
      ...(tagsRemoved.length ? { tagsRemoved } : {}),
      ...(facts.teamId && facts.teamId !== initial.teamId ? { teamId: facts.teamId } : {}),
      ...(facts.assigneeId && facts.assigneeId !== initial.assigneeId ? { assigneeId: facts.assigneeId } : {}),
      ...(nrn ? { noResponseNeeded: true } : {}),
      ...(notes.length ? { notes } : {}),
      ...(draft ? { draft: { body: draftBody(draft.templateId, row), author: draft.ruleName } } : {}),
      events: timeline.map((t) => ({ type: 'rule.applied', actor: `rule:${t.ruleName}`, data: { ruleId: t.ruleId, action: t.action, summary: t.summary } })),
    };
    if (Object.keys(change).length > 2 || timeline.length) automation.push(change);

    let evaluation: ReturnType<typeof slaForTicket> = null;
    try {
      evaluation = slaForTicket({
        policies: settings.policies, calendars: settings.calendars, events: sla, now,
        facts: { channel: row.channel, marketplace: row.marketplace, riskLevel: risk.level, intent: row.intent, teamId: facts.teamId },
      });
    } catch (e) {
      // A calendar that cannot answer (no open hours for decades: an archive import of 2004 mail) gives the ticket
      // no clock rather than failing the batch; the timeline says why.
      if (!(e instanceof SlaError)) throw e;
      if (row.sla_state !== 'none' || row.assessed_at === null) {
        audit.push({ workspaceId, subjectType: 'ticket', subjectId: id, type: 'sla.unavailable', actor: 'system', data: { reason: e.message }, occurredAt: now });
      }
    }
    const snap: SlaSnapshot = slaSnapshot(evaluation?.evaluation ?? null, { clockKey: row.sla_clock_key, warningsSent: row.sla_warnings_sent, breached: row.sla_state === 'breached' });
    const ev = evaluation?.evaluation;
    const open = (c: { state: string; dueAt: Date | null } | null | undefined) => (c && c.state !== 'stopped' ? c.dueAt?.toISOString() ?? null : null);
    updates.push({
      id, risk_level: risk.level, risk_score: risk.score, risk_reasons: risk.factors.map((f) => f.text), risk_factors: risk.factors,
      sla_policy_id: evaluation?.policy.id ?? null, sla_state: snap.state, sla_metric: snap.metric, sla_due_at: snap.dueAt?.toISOString() ?? null,
      sla_warn_times: snap.warnTimes.map((t) => t.toISOString()), sla_next_check_at: snap.nextCheckAt?.toISOString() ?? null,
      sla_breached_at: snap.breachedAt?.toISOString() ?? null, sla_clock_key: snap.clockKey, sla_warnings_sent: snap.warningsSent, sla_clocks: snap.clocks,
      // The response the buyer waits for now: the next-response clock once an agent has answered, else the first.
      first_response_due_at: ev?.firstResponse?.dueAt?.toISOString() ?? null, next_response_due_at: open(ev?.nextResponse) ?? open(ev?.firstResponse),
      resolution_due_at: open(ev?.resolution),
    });
    if (row.assessed_at === null || row.risk_level !== risk.level) {
      audit.push({
        workspaceId, subjectType: 'ticket', subjectId: id, type: row.assessed_at === null ? 'risk.assessed' : 'risk.changed', actor: 'system',
        data: { from: row.assessed_at === null ? null : row.risk_level, to: risk.level, score: risk.score, reasons: risk.factors.slice(0, 4).map((f) => f.text), trackingState: model.trackingState },
        occurredAt: now,
      });
    }
  }

  if (automation.length) await applyAutomation(q, workspaceId, automation, now);
  if (updates.length) {
    // The snapshot on the ticket row, and the next check in the sweep's agenda (ticket_sla_checks: a row while a clock
    // runs, rewritten only when the instant moves).
    await q.query(
      `WITH snap AS (
       UPDATE tickets t SET risk_level = u.risk_level, risk_score = u.risk_score, risk_reasons = u.risk_reasons, risk_factors = u.risk_factors,
         sla_policy_id = u.sla_policy_id, sla_state = u.sla_state, sla_metric = u.sla_metric, sla_due_at = u.sla_due_at, sla_warn_times = u.sla_warn_times,
         sla_next_check_at = u.sla_next_check_at, sla_breached_at = u.sla_breached_at, sla_clock_key = u.sla_clock_key, sla_warnings_sent = u.sla_warnings_sent,
         sla_clocks = u.sla_clocks, first_response_due_at = u.first_response_due_at, next_response_due_at = u.next_response_due_at,
         resolution_due_at = u.resolution_due_at, assessed_at = $2
       FROM json_to_recordset($3::json) AS u(id text, risk_level text, risk_score integer, risk_reasons jsonb, risk_factors jsonb, sla_policy_id text, sla_state text,
         sla_metric text, sla_due_at timestamptz, sla_warn_times timestamptz[], sla_next_check_at timestamptz, sla_breached_at timestamptz, sla_clock_key text,
         sla_warnings_sent smallint, sla_clocks jsonb, first_response_due_at timestamptz, next_response_due_at timestamptz, resolution_due_at timestamptz)
       WHERE t.workspace_id = $1 AND t.id = u.id
       RETURNING t.id, t.sla_next_check_at
     ), stopped AS (
       DELETE FROM ticket_sla_checks c USING snap s WHERE c.ticket_id = s.id AND s.sla_next_check_at IS NULL
     )
     INSERT INTO ticket_sla_checks (ticket_id, workspace_id, next_check_at)
     SELECT s.id, $1, s.sla_next_check_at FROM snap s WHERE s.sla_next_check_at IS NOT NULL
     ON CONFLICT (ticket_id) DO UPDATE SET next_check_at = excluded.next_check_at WHERE ticket_sla_checks.next_check_at <> excluded.next_check_at`,
      [workspaceId, now, JSON.stringify(updates)],
    );
  }
  if (firings.length) {
    await q.query(
      `INSERT INTO rule_firings (workspace_id, ticket_id, event_key, rule_id, fired_at)
       SELECT $1, f.ticket, f.key, f.rule, $2 FROM json_to_recordset($3::json) AS f(ticket text, key text, rule text) ON CONFLICT DO NOTHING`,
      [workspaceId, now, JSON.stringify(firings)],
    );
  }
  if (ctx?.roundRobinCursor) {
    const cursors = Object.entries(ctx.roundRobinCursor).map(([team, user]) => ({ team, user }));
    if (cursors.length) {
      await q.query(
        `INSERT INTO rule_cursors (workspace_id, team_id, last_user_id) SELECT $1, c.team, c.user FROM json_to_recordset($2::json) AS c(team text, "user" text)
          WHERE EXISTS (SELECT 1 FROM teams x WHERE x.id = c.team AND x.workspace_id = $1)
         ON CONFLICT (workspace_id, team_id) DO UPDATE SET last_user_id = excluded.last_user_id`,
        [workspaceId, JSON.stringify(cursors)],
      );
    }
  }
  if (notifications.length) {
    await q.query(
      `INSERT INTO notifications (id, workspace_id, channel, recipient, message, ticket_id, source, created_at)
       SELECT n.id, $1, n.channel, n.recipient, n.message, n.ticket, n.source, $2 FROM json_to_recordset($3::json) AS n(id text, channel text, recipient text, message text, ticket text, source text)`,
      [workspaceId, now, JSON.stringify(notifications)],
    );
  }
  // Due at the triage clock's now, not the database's: a worker on the same clock must see it.
  for (const w of webhooks) await enqueue(q, WEBHOOK_QUEUE, w, { workspaceId, maxAttempts: 6, runAt: now });
  await appendEvents(q, audit);

  // Crossings already due (a ticket assessed after its deadline passed) are announced now, not at the next sweep.
  const crossings = await sweepSla(q, now, { workspaceId, ticketIds: ids });
  if (depth === 0 && crossings.length && settings.rules.some((r) => r.enabled && (r.trigger === 'sla_warning' || r.trigger === 'sla_breach'))) {
    await reassessTickets(q, workspaceId, crossingEvents(crossings), now, settings, depth + 1);
  }
  return { tickets: rows.length, fired: firedCount, crossings };
}

/** The rule events for announced SLA crossings (one per crossing; the key makes each fire once). */
export function crossingEvents(crossings: readonly SlaCrossing[]): TicketEvent[] {
  return crossings.map((c) => ({
    ticketId: c.ticketId,
    trigger: c.kind === 'breach' ? 'sla_breach' : 'sla_warning',
    eventKey: `sla:${c.kind}:${c.metric}:${c.dueAt.toISOString()}${c.warning ? `:${c.warning}` : ''}`,
  }));
}

function draftBody(templateId: string, row: Row): string {
  const template = DEFAULT_REPLY_TEMPLATES.find((t) => t.id === templateId);
  if (!template) return `(template ${templateId} no longer exists)`;
  const s = row.shipments.at(-1);
  const day = (x: string | Date | null | undefined) => (x ? new Date(x).toISOString().slice(0, 10) : null);
  return renderReplyTemplate(template, {
    customerName: row.customer_name?.split(' ')[0] ?? null, orderId: row.order_external_id, carrier: s?.carrier ?? null, trackingNumber: s?.trackingNumber ?? null,
    shippedAt: day(s?.shippedAt), promisedDeliveryBy: day(row.promised_delivery_by), trackingStatus: s?.status.replaceAll('_', ' ') ?? null, agentSignature: 'Customer care',
  });
}

/** Team keys, members' load and round-robin cursors — loaded only when rules assign. */
async function engineContext(q: Queryable, workspaceId: string, rules: readonly Rule[], now: Date): Promise<EngineContext & { roundRobinCursor: Record<string, string> }> {
  const teams = (await q.query<{ id: string; name: string }>('SELECT id, name FROM teams WHERE workspace_id = $1', [workspaceId])).rows;
  const teamKeys: Record<string, string> = {};
  for (const [key, name] of Object.entries(TEAM_KEY_NAMES)) {
    const t = teams.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (t) teamKeys[key] = t.id;
  }
  const assigns = rules.some((r) => r.actions.some((a) => a.type === 'assign_agent'));
  const agentLoad: Record<string, TeamMember[]> = {};
  const roundRobinCursor: Record<string, string> = {};
  if (assigns) {
    const load = await q.query<{ team_id: string; user_id: string; open: number }>(
      `SELECT tm.team_id, tm.user_id,
              (SELECT count(*) FROM tickets t WHERE t.workspace_id = tm.workspace_id AND t.assignee_id = tm.user_id AND t.status IN ('open', 'pending', 'on_hold'))::int AS open
         FROM team_members tm JOIN users u ON u.id = tm.user_id WHERE tm.workspace_id = $1 AND u.disabled_at IS NULL ORDER BY tm.team_id, tm.user_id`, [workspaceId]);
    for (const m of load.rows) (agentLoad[m.team_id] ??= []).push({ userId: m.user_id, capacity: DEFAULT_AGENT_CAPACITY, openTickets: m.open });
    for (const c of (await q.query<{ team_id: string; last_user_id: string }>('SELECT team_id, last_user_id FROM rule_cursors WHERE workspace_id = $1', [workspaceId])).rows) {
      roundRobinCursor[c.team_id] = c.last_user_id;
    }
  }
  return { now, teamKeys, agentLoad, roundRobinCursor };
}
