import { describe, expect, it } from 'vitest';
import { dryRun } from './dry-run.ts';
import { makeFacts } from './facts.ts';
import type { Rule } from './types.ts';

const now = new Date('2025-03-04T10:00:00Z');
const rules: Rule[] = [
  { id: 'crit', name: 'Escalate A-to-z', enabled: true, position: 1, trigger: 'message_received', conditions: { all: [{ fact: 'signals', op: 'contains', value: 'a_to_z_threat' }] }, actions: [{ type: 'set_risk', level: 'critical', reason: 'A-to-z' }] },
  { id: 'route', name: 'Route critical', enabled: true, position: 2, trigger: 'message_received', conditions: { all: [{ fact: 'risk', op: 'gte', value: 'critical' }] }, actions: [{ type: 'assign_team', teamId: 'compliance' }] },
  { id: 'big', name: 'Big orders', enabled: true, position: 3, trigger: 'message_received', conditions: { all: [{ fact: 'channel', op: 'eq', value: 'amazon' }], any: [{ fact: 'orderValueMinor', op: 'gte', value: 100000 }, { fact: 'lifetimeValueMinor', op: 'gte', value: 500000 }] }, actions: [{ type: 'add_tag', tag: 'big' }] },
  { id: 'off', name: 'Disabled', enabled: false, position: 4, trigger: 'message_received', conditions: {}, actions: [{ type: 'add_tag', tag: 'off' }] },
  { id: 'breach', name: 'On breach', enabled: true, position: 5, trigger: 'sla_breach', conditions: {}, actions: [{ type: 'add_tag', tag: 'late' }] },
];

describe('dry run', () => {
  const facts = makeFacts({ channel: 'amazon', risk: 'high', signals: ['a_to_z_threat'], orderValueMinor: 2500, lifetimeValueMinor: null });
  const r = dryRun(rules, { type: 'message_received', id: 'test' }, facts, { now });
  const byId = Object.fromEntries(r.rules.map((x) => [x.ruleId, x]));

  const cases: [string, boolean, string, string][] = [
    ['crit', true, 'fired', 'would fire: signals contains "a_to_z_threat" (saw ["a_to_z_threat"])'],
    ['route', true, 'fired', 'would fire: risk gte "critical" (saw "critical")'],
    ['big', false, 'conditions_not_met', 'not met: none of: orderValueMinor gte 100000 (saw 2500) | lifetimeValueMinor gte 500000 (saw null)'],
    ['off', false, 'disabled', 'disabled'],
    ['breach', false, 'trigger_mismatch', 'trigger is sla_breach, the event is message_received'],
  ];
  it.each(cases)('%s: wouldFire=%s (%s)', (id, wouldFire, status, explanation) => {
    expect(byId[id]).toMatchObject({ wouldFire, status, explanation });
  });

  it('shows each condition with the value it saw, after earlier rules', () => {
    expect(byId.route?.conditions).toEqual([{ group: 'all', index: 0, fact: 'risk', op: 'gte', value: 'critical', actual: 'critical', result: true }]);
    expect(byId.big?.conditions.map((c) => [c.fact, c.actual, c.result])).toEqual([
      ['channel', 'amazon', true],
      ['orderValueMinor', 2500, false],
      ['lifetimeValueMinor', null, false],
    ]);
  });

  it('lists what would change, and lists rules in run order', () => {
    expect(r.changes).toMatchObject({ risk: { level: 'critical', reason: 'A-to-z', ruleId: 'crit' }, teamId: 'compliance' });
    expect(r.rules.map((x) => x.ruleId)).toEqual(['crit', 'route', 'big', 'off', 'breach']);
    expect(byId.crit?.actions[0]).toMatchObject({ outcome: 'applied', detail: 'risk: high → critical — A-to-z' });
    expect(r.timeline.map((t) => t.ruleName)).toEqual(['Escalate A-to-z', 'Route critical']);
  });

  it('explains failed "all" conditions and rules already fired', () => {
    const again = dryRun(rules, { type: 'message_received', id: 'test' }, makeFacts({ channel: 'shopify' }), { now, alreadyFired: ['crit'] });
    const get = (id: string) => again.rules.find((x) => x.ruleId === id);
    expect(get('crit')).toMatchObject({ status: 'already_fired', explanation: 'already fired for event test' });
    expect(get('big')?.explanation).toBe('not met: channel eq "amazon" (saw "shopify"); none of: orderValueMinor gte 100000 (saw null) | lifetimeValueMinor gte 500000 (saw null)');
  });

  it('does not change the facts it was given', () => {
    expect(facts.risk).toBe('high');
    expect(facts.teamId).toBeNull();
  });
});
