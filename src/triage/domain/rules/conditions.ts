/** Condition evaluation: one condition against the facts, with the value it saw. */
import { FACTS, type Condition, type ConditionTrace, type Conditions, type FactSpec, type TicketFacts } from './types.ts';

export function factValue(facts: TicketFacts, fact: Condition['fact']): unknown {
  const v = (facts as unknown as Record<string, unknown>)[fact];
  if (FACTS[fact].kind === 'list') return Array.isArray(v) ? v : [];
  return v === undefined ? null : v;
}

function asList(value: Condition['value']): readonly (string | number)[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? (value as readonly string[]) : [value as string | number];
}

function isSet(actual: unknown): boolean {
  if (Array.isArray(actual)) return actual.length > 0;
  return actual !== null && actual !== undefined && actual !== '';
}

/** Position in an ordered vocabulary (risk, priority), or the number itself. -1: not comparable. */
function rank(spec: FactSpec, v: unknown): number {
  if (spec.kind === 'number') return typeof v === 'number' && Number.isFinite(v) ? v : Number.NaN;
  if (spec.kind === 'ordered' && typeof v === 'string') {
    const i = (spec.values ?? []).indexOf(v);
    return i < 0 ? Number.NaN : i;
  }
  return Number.NaN;
}

export function testCondition(c: Condition, facts: TicketFacts): { actual: unknown; result: boolean } {
  const spec: FactSpec = FACTS[c.fact];
  const actual = factValue(facts, c.fact);
  const result = (() => {
    switch (c.op) {
      case 'is_set':
        return isSet(actual);
      case 'is_not_set':
        return !isSet(actual);
      case 'eq':
        return actual !== null && actual === c.value;
      case 'neq':
        return !(actual !== null && actual === c.value);
      case 'in':
        if (Array.isArray(actual)) return asList(c.value).some((v) => actual.includes(v));
        return asList(c.value).includes(actual as string);
      case 'not_in':
        if (Array.isArray(actual)) return !asList(c.value).some((v) => actual.includes(v));
        return !asList(c.value).includes(actual as string);
      case 'contains':
        return Array.isArray(actual) && asList(c.value).length > 0 && asList(c.value).every((v) => actual.includes(v));
      case 'not_contains':
        return !(Array.isArray(actual) && asList(c.value).length > 0 && asList(c.value).every((v) => actual.includes(v)));
      case 'gt':
      case 'gte':
      case 'lt':
      case 'lte': {
        const a = rank(spec, actual);
        const b = rank(spec, c.value);
        if (Number.isNaN(a) || Number.isNaN(b)) return false;
        return c.op === 'gt' ? a > b : c.op === 'gte' ? a >= b : c.op === 'lt' ? a < b : a <= b;
      }
    }
  })();
  return { actual, result };
}

/** Every condition's trace, and whether the rule matches: all of `all` and (if non-empty) one of `any`. */
export function testConditions(conditions: Conditions, facts: TicketFacts): { matches: boolean; traces: ConditionTrace[] } {
  const traces: ConditionTrace[] = [];
  for (const group of ['all', 'any'] as const) {
    (conditions[group] ?? []).forEach((c, index) => {
      const { actual, result } = testCondition(c, facts);
      traces.push({ group, index, fact: c.fact, op: c.op, ...(c.value === undefined ? {} : { value: c.value }), actual, result });
    });
  }
  const all = traces.filter((t) => t.group === 'all');
  const any = traces.filter((t) => t.group === 'any');
  const matches = all.every((t) => t.result) && (any.length === 0 || any.some((t) => t.result));
  return { matches, traces };
}
