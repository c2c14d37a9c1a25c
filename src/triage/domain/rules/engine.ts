/**
 * The rule engine: (rules, event, ticket facts, context) → which rules fired, why, and what they changed.
 *
 * - Rules run in `position` order (ties by id); each fires at most once per originating event.
 * - Actions update the facts the later rules see (rule 1 sets risk critical → rule 2 routes critical tickets).
 * - Conflicts: the later rule wins, and its action trace and timeline entry name the rule it overrode.
 * - Loop guard: when rules changed the ticket, `followUp` asks the caller to evaluate a `ticket_updated` at
 *   depth + 1 with `alreadyFired`; beyond `maxDepth` the engine refuses, and it never fires a rule twice for
 *   one origin.
 */
import { testConditions } from './conditions.ts';
import { renderTemplate } from './placeholders.ts';
import {
  MAX_DEPTH,
  type Action,
  type ActionTrace,
  type ConditionTrace,
  type EngineContext,
  type EvaluationResult,
  type FiredRule,
  type Rule,
  type RuleEvent,
  type TeamMember,
  type TeamRef,
  type TicketChanges,
  type TicketFacts,
  type TimelineEntry,
} from './types.ts';

/** Why a rule did not fire, or 'fired'. */
export type RuleStatus = 'fired' | 'disabled' | 'trigger_mismatch' | 'idle_too_short' | 'already_fired' | 'conditions_not_met';

export interface RuleReport {
  rule: Rule;
  status: RuleStatus;
  /** Every condition, evaluated against the facts as they stood when this rule's turn came. */
  conditions: ConditionTrace[];
  actions: ActionTrace[];
}

export interface EngineRun {
  result: EvaluationResult;
  reports: RuleReport[];
}

/** Run order: position, then id (byte order, so it does not depend on a locale). */
export function sortRules(rules: readonly Rule[]): Rule[] {
  return [...rules].sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

interface Owner {
  ruleId: string;
  ruleName: string;
  value: unknown;
}

function emptyChanges(): TicketChanges {
  return { tagsAdded: [], tagsRemoved: [], notes: [], notifications: [], webhooks: [] };
}

function cloneFacts(f: TicketFacts): TicketFacts {
  return { ...f, intents: [...f.intents], signals: [...f.signals], tags: [...f.tags] };
}

function show(v: unknown): string {
  return v === null || v === undefined ? 'none' : String(v);
}

class Run {
  readonly facts: TicketFacts;
  readonly owners = new Map<string, Owner>();
  readonly changes = emptyChanges();
  readonly timeline: TimelineEntry[] = [];
  readonly cursor: Record<string, string>;
  readonly load: Map<string, TeamMember[]>;
  riskReason: { reason: string; ruleId: string } | null = null;

  constructor(
    readonly original: TicketFacts,
    readonly ctx: EngineContext,
  ) {
    this.facts = cloneFacts(original);
    this.cursor = { ...(ctx.roundRobinCursor ?? {}) };
    this.load = new Map(Object.entries(ctx.agentLoad ?? {}).map(([team, members]) => [team, members.map((m) => ({ ...m }))]));
  }

  resolveTeam(ref: TeamRef): { teamId: string } | { error: string } {
    if (ref.teamId) return { teamId: ref.teamId };
    if (ref.teamKey) {
      const id = this.ctx.teamKeys && Object.hasOwn(this.ctx.teamKeys, ref.teamKey) ? this.ctx.teamKeys[ref.teamKey] : undefined;
      return id ? { teamId: id } : { error: `team key '${ref.teamKey}' is not mapped to a team` };
    }
    return { error: 'no team given' };
  }

  /** Set a single-valued field; explains a no-op or the earlier rule it overrides. */
  setField(rule: Rule, action: Action, field: string, value: unknown, current: unknown, apply: () => void, describe: string): ActionTrace {
    const prev = this.owners.get(field);
    if (current === value) {
      return { action, outcome: 'noop', detail: `${describe}: already ${show(value)}` };
    }
    apply();
    this.owners.set(field, { ruleId: rule.id, ruleName: rule.name, value });
    const trace: ActionTrace = { action, outcome: 'applied', detail: `${describe}: ${show(current)} → ${show(value)}` };
    if (prev && prev.ruleId !== rule.id) {
      trace.overrides = { ruleId: prev.ruleId, ruleName: prev.ruleName, previous: prev.value };
      trace.detail += ` (overrides ${show(prev.value)} set by rule '${prev.ruleName}': the later rule wins)`;
    }
    return trace;
  }

  pickAgent(teamId: string, strategy: 'round_robin' | 'least_loaded'): { userId: string } | { error: string } {
    const members = this.load.get(teamId) ?? [];
    const eligible = (m: TeamMember) => m.available !== false && m.openTickets < m.capacity;
    if (!members.some(eligible)) {
      return { error: members.length === 0 ? `no members known for team ${teamId}` : `no member of team ${teamId} has free capacity` };
    }
    let chosen: TeamMember | undefined;
    if (strategy === 'round_robin') {
      const last = this.cursor[teamId];
      const start = last === undefined ? 0 : members.findIndex((m) => m.userId === last) + 1;
      for (let i = 0; i < members.length && !chosen; i++) {
        const m = members[(start + i) % members.length];
        if (m && eligible(m)) chosen = m;
      }
    } else {
      for (const m of members) {
        if (!eligible(m)) continue;
        if (!chosen) {
          chosen = m;
          continue;
        }
        const a = m.openTickets / m.capacity;
        const b = chosen.openTickets / chosen.capacity;
        if (a < b || (a === b && m.openTickets < chosen.openTickets)) chosen = m;
      }
    }
    if (!chosen) return { error: `no member of team ${teamId} has free capacity` };
    if (strategy === 'round_robin') this.cursor[teamId] = chosen.userId;
    chosen.openTickets += 1;
    return { userId: chosen.userId };
  }

  apply(rule: Rule, action: Action): ActionTrace {
    const f = this.facts;
    const extras = { ruleName: rule.name, now: this.ctx.now };
    switch (action.type) {
      case 'set_risk': {
        const t = this.setField(rule, action, 'risk', action.level, f.risk, () => (f.risk = action.level), 'risk');
        if (t.outcome === 'applied') {
          this.riskReason = { reason: action.reason, ruleId: rule.id };
          t.detail += ` — ${action.reason}`;
        }
        return t;
      }
      case 'set_priority':
        return this.setField(rule, action, 'priority', action.priority, f.priority, () => (f.priority = action.priority), 'priority');
      case 'add_tag':
      case 'remove_tag': {
        const has = f.tags.includes(action.tag);
        const want = action.type === 'add_tag';
        const field = `tag:${action.tag}`;
        const describe = `tag '${action.tag}'`;
        return this.setField(rule, action, field, want ? 'present' : 'absent', has ? 'present' : 'absent', () => {
          f.tags = want ? [...f.tags, action.tag] : f.tags.filter((t) => t !== action.tag);
        }, describe);
      }
      case 'assign_team': {
        const team = this.resolveTeam(action);
        if ('error' in team) return { action, outcome: 'skipped', detail: `team: ${team.error}` };
        return this.setField(rule, action, 'teamId', team.teamId, f.teamId, () => (f.teamId = team.teamId), 'team');
      }
      case 'assign_agent': {
        let userId: string;
        if (action.strategy === 'specific') {
          userId = action.userId;
        } else {
          const ref: TeamRef = action.teamId || action.teamKey ? action : { teamId: f.teamId ?? undefined };
          const team = this.resolveTeam(ref);
          if ('error' in team) return { action, outcome: 'skipped', detail: `assignee (${action.strategy}): ${team.error}` };
          const pick = this.pickAgent(team.teamId, action.strategy);
          if ('error' in pick) return { action, outcome: 'skipped', detail: `assignee (${action.strategy}): ${pick.error}` };
          userId = pick.userId;
        }
        return this.setField(rule, action, 'assigneeId', userId, f.assigneeId, () => (f.assigneeId = userId), `assignee (${action.strategy})`);
      }
      case 'mark_no_response_needed':
        return this.setField(rule, action, 'noResponseNeeded', true, f.noResponseNeeded === true, () => (f.noResponseNeeded = true), 'no response needed');
      case 'apply_template_draft': {
        const prev = this.owners.get('draft');
        this.changes.draft = { ruleId: rule.id, ruleName: rule.name, value: { templateId: action.templateId } };
        this.owners.set('draft', { ruleId: rule.id, ruleName: rule.name, value: action.templateId });
        const trace: ActionTrace = { action, outcome: 'applied', detail: `draft from template ${action.templateId}` };
        if (prev && prev.ruleId !== rule.id && prev.value !== action.templateId) {
          trace.overrides = { ruleId: prev.ruleId, ruleName: prev.ruleName, previous: prev.value };
          trace.detail += ` (replaces template ${show(prev.value)} from rule '${prev.ruleName}': the later rule wins)`;
        }
        return trace;
      }
      case 'add_note': {
        const text = renderTemplate(action.text, f, extras);
        this.changes.notes.push({ ruleId: rule.id, ruleName: rule.name, value: { text } });
        return { action, outcome: 'applied', detail: `note: ${text}` };
      }
      case 'notify': {
        const message = renderTemplate(action.message ?? "Rule '{{ruleName}}' fired on ticket {{ticketId}}", f, extras);
        this.changes.notifications.push({ ruleId: rule.id, ruleName: rule.name, value: { channel: action.channel, to: action.to, message } });
        return { action, outcome: 'applied', detail: `notify ${action.to} by ${action.channel}: ${message}` };
      }
      case 'webhook': {
        const body = renderTemplate(action.payload, f, extras, 'json');
        this.changes.webhooks.push({ ruleId: rule.id, ruleName: rule.name, value: { url: action.url, body } });
        return { action, outcome: 'applied', detail: `webhook POST ${action.url}` };
      }
    }
  }

  /** The net differences from the input facts, plus the side effects. */
  finish(): TicketChanges {
    const o = this.original;
    const f = this.facts;
    const c = this.changes;
    if (f.risk !== o.risk && f.risk !== null) {
      c.risk = { level: f.risk, reason: this.riskReason?.reason ?? '', ruleId: this.riskReason?.ruleId ?? '' };
    }
    if (f.priority !== o.priority && f.priority !== null) c.priority = f.priority;
    if (f.teamId !== o.teamId && f.teamId !== null) c.teamId = f.teamId;
    if (f.assigneeId !== o.assigneeId && f.assigneeId !== null) c.assigneeId = f.assigneeId;
    if (f.noResponseNeeded === true && o.noResponseNeeded !== true) c.noResponseNeeded = true;
    c.tagsAdded = f.tags.filter((t) => !o.tags.includes(t));
    c.tagsRemoved = o.tags.filter((t) => !f.tags.includes(t));
    return c;
  }
}

function factsChanged(c: TicketChanges): boolean {
  return (
    c.risk !== undefined ||
    c.priority !== undefined ||
    c.teamId !== undefined ||
    c.assigneeId !== undefined ||
    c.noResponseNeeded !== undefined ||
    c.tagsAdded.length > 0 ||
    c.tagsRemoved.length > 0
  );
}

/** The engine with a report per rule (dry run builds on it). */
export function runRules(rules: readonly Rule[], event: RuleEvent, facts: TicketFacts, ctx: EngineContext): EngineRun {
  const depth = event.depth ?? 0;
  const maxDepth = ctx.maxDepth ?? MAX_DEPTH;
  const run = new Run(facts, ctx);
  const fired = new Set(ctx.alreadyFired ?? []);
  const ordered = sortRules(rules);

  if (depth > maxDepth) {
    return {
      result: {
        status: 'refused',
        refusal: `loop guard: depth ${depth} is beyond the maximum of ${maxDepth} for event ${event.id}`,
        fired: [],
        changes: emptyChanges(),
        facts: cloneFacts(facts),
        timeline: [],
        nextRoundRobinCursor: { ...(ctx.roundRobinCursor ?? {}) },
        alreadyFired: [...fired],
        followUp: null,
      },
      reports: [],
    };
  }

  const firedRules: FiredRule[] = [];
  const reports: RuleReport[] = [];
  const at = ctx.now.toISOString();
  for (const rule of ordered) {
    const { matches, traces } = testConditions(rule.conditions, run.facts);
    const report: RuleReport = { rule, status: 'fired', conditions: traces, actions: [] };
    reports.push(report);
    if (!rule.enabled) report.status = 'disabled';
    else if (rule.trigger !== event.type) report.status = 'trigger_mismatch';
    else if (rule.trigger === 'ticket_idle' && (event.idleHours ?? 0) < (rule.idleHours ?? 0)) report.status = 'idle_too_short';
    else if (fired.has(rule.id)) report.status = 'already_fired';
    else if (!matches) report.status = 'conditions_not_met';
    if (report.status !== 'fired') continue;

    fired.add(rule.id);
    for (const action of rule.actions) {
      const trace = run.apply(rule, action);
      report.actions.push(trace);
      if (trace.outcome === 'applied') run.timeline.push({ at, ruleId: rule.id, ruleName: rule.name, action: action.type, summary: trace.detail });
    }
    const matched = traces.filter((t) => t.group === 'all' || t.result);
    firedRules.push({ ruleId: rule.id, ruleName: rule.name, matched, actions: report.actions });
  }

  const changes = run.finish();
  const followUp = factsChanged(changes) && depth + 1 <= maxDepth ? { type: 'ticket_updated' as const, id: event.id, depth: depth + 1 } : null;
  return {
    result: {
      status: 'ok',
      fired: firedRules,
      changes,
      facts: run.facts,
      timeline: run.timeline,
      nextRoundRobinCursor: run.cursor,
      alreadyFired: [...fired],
      followUp,
    },
    reports,
  };
}

/**
 * Evaluate a rule set for one event. Pure: the caller persists `changes` and `timeline`, stores
 * `nextRoundRobinCursor`, performs notifications/webhooks through the outbox, and — when `followUp` is set —
 * evaluates it with `ctx.alreadyFired = result.alreadyFired` and the updated facts.
 */
export function evaluateRules(rules: readonly Rule[], event: RuleEvent, facts: TicketFacts, ctx: EngineContext): EvaluationResult {
  return runRules(rules, event, facts, ctx).result;
}
