/**
 * Dry run for the UI's "test this message": which rules would fire and what they would change, with every
 * condition's result and the fact value it saw. Same engine, nothing persisted.
 */
import { runRules, type RuleStatus } from './engine.ts';
import type { ActionTrace, ConditionTrace, EngineContext, Rule, RuleEvent, TicketChanges, TicketFacts, TimelineEntry } from './types.ts';

export interface DryRunRule {
  ruleId: string;
  ruleName: string;
  position: number;
  wouldFire: boolean;
  status: RuleStatus;
  /** One line for the UI: why it would or would not fire. */
  explanation: string;
  conditions: ConditionTrace[];
  actions: ActionTrace[];
}

export interface DryRunResult {
  status: 'ok' | 'refused';
  refusal?: string;
  rules: DryRunRule[];
  changes: TicketChanges;
  timeline: TimelineEntry[];
  facts: TicketFacts;
}

function describe(c: ConditionTrace): string {
  const value = c.value === undefined ? '' : ` ${JSON.stringify(c.value)}`;
  return `${c.fact} ${c.op}${value} (saw ${JSON.stringify(c.actual)})`;
}

function explain(status: RuleStatus, rule: Rule, event: RuleEvent, conditions: ConditionTrace[]): string {
  switch (status) {
    case 'fired': {
      const held = conditions.filter((c) => c.group === 'all' || c.result);
      return held.length === 0 ? 'would fire: no conditions' : `would fire: ${held.map(describe).join('; ')}`;
    }
    case 'disabled':
      return 'disabled';
    case 'trigger_mismatch':
      return `trigger is ${rule.trigger}, the event is ${event.type}`;
    case 'idle_too_short':
      return `idle ${event.idleHours ?? 0} h, the rule waits for ${rule.idleHours ?? 0} h`;
    case 'already_fired':
      return `already fired for event ${event.id}`;
    case 'conditions_not_met': {
      const failed = conditions.filter((c) => c.group === 'all' && !c.result);
      const any = conditions.filter((c) => c.group === 'any');
      const parts = failed.map(describe);
      if (any.length > 0 && !any.some((c) => c.result)) parts.push(`none of: ${any.map(describe).join(' | ')}`);
      return `not met: ${parts.join('; ')}`;
    }
  }
}

export function dryRun(rules: readonly Rule[], event: RuleEvent, facts: TicketFacts, ctx: EngineContext): DryRunResult {
  const { result, reports } = runRules(rules, event, facts, ctx);
  return {
    status: result.status,
    ...(result.refusal ? { refusal: result.refusal } : {}),
    rules: reports.map((r) => ({
      ruleId: r.rule.id,
      ruleName: r.rule.name,
      position: r.rule.position,
      wouldFire: r.status === 'fired',
      status: r.status,
      explanation: explain(r.status, r.rule, event, r.conditions),
      conditions: r.conditions,
      actions: r.actions,
    })),
    changes: result.changes,
    timeline: result.timeline,
    facts: result.facts,
  };
}
