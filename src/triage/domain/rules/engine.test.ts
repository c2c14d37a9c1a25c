import { describe, expect, it } from 'vitest';
import { evaluateRules } from './engine.ts';
import { makeFacts } from './facts.ts';
import type { Action, Condition, EngineContext, Rule, RuleEvent, TeamMember, Trigger } from './types.ts';

const now = new Date('2025-03-04T10:00:00Z');
const msg: RuleEvent = { type: 'message_received', id: 'evt-1' };
const ctx: EngineContext = { now };

function rule(id: string, position: number, conditions: Condition[], actions: Action[], trigger: Trigger = 'message_received'): Rule {
  return { id, name: `Rule ${id}`, enabled: true, position, trigger, conditions: { all: conditions }, actions };
}

const amazon = makeFacts({ channel: 'amazon', marketplace: 'DE', risk: 'normal', intent: 'not_received', intents: ['not_received'] });

describe('ordering and fact propagation', () => {
  it('an earlier rule’s change is seen by a later rule, whatever the list order', () => {
    const rules = [
      rule('route', 20, [{ fact: 'risk', op: 'eq', value: 'critical' }], [{ type: 'assign_team', teamId: 'compliance' }]),
      rule('escalate', 10, [{ fact: 'intent', op: 'eq', value: 'not_received' }], [{ type: 'set_risk', level: 'critical', reason: 'not received on Amazon' }]),
    ];
    const r = evaluateRules(rules, msg, amazon, ctx);
    expect(r.fired.map((f) => f.ruleId)).toEqual(['escalate', 'route']);
    expect(r.changes.risk).toEqual({ level: 'critical', reason: 'not received on Amazon', ruleId: 'escalate' });
    expect(r.changes.teamId).toBe('compliance');
    expect(r.facts.teamId).toBe('compliance');
  });

  it('a later rule does not see what a rule after it will do', () => {
    const rules = [
      rule('route', 10, [{ fact: 'risk', op: 'eq', value: 'critical' }], [{ type: 'assign_team', teamId: 'compliance' }]),
      rule('escalate', 20, [], [{ type: 'set_risk', level: 'critical', reason: 'x' }]),
    ];
    const r = evaluateRules(rules, msg, amazon, ctx);
    expect(r.fired.map((f) => f.ruleId)).toEqual(['escalate']);
    expect(r.changes.teamId).toBeUndefined();
    expect(r.followUp).toEqual({ type: 'ticket_updated', id: 'evt-1', depth: 1 });
  });

  it('skips disabled rules and rules of other triggers', () => {
    const rules = [
      { ...rule('off', 1, [], [{ type: 'add_tag', tag: 'off' }]), enabled: false },
      rule('breach', 2, [], [{ type: 'add_tag', tag: 'breach' }], 'sla_breach'),
      rule('on', 3, [], [{ type: 'add_tag', tag: 'on' }]),
    ];
    const r = evaluateRules(rules, msg, amazon, ctx);
    expect(r.changes.tagsAdded).toEqual(['on']);
  });

  it('ticket_idle rules wait for their idle hours', () => {
    const idle: Rule = { ...rule('idle', 1, [], [{ type: 'add_tag', tag: 'stale' }], 'ticket_idle'), idleHours: 24 };
    expect(evaluateRules([idle], { type: 'ticket_idle', id: 'i1', idleHours: 12 }, amazon, ctx).fired).toHaveLength(0);
    expect(evaluateRules([idle], { type: 'ticket_idle', id: 'i1', idleHours: 24 }, amazon, ctx).fired).toHaveLength(1);
  });

  it('timeline entries name the rule and carry now', () => {
    const r = evaluateRules([rule('t', 1, [], [{ type: 'add_tag', tag: 'x' }, { type: 'set_priority', priority: 'high' }])], msg, amazon, ctx);
    expect(r.timeline).toEqual([
      { at: '2025-03-04T10:00:00.000Z', ruleId: 't', ruleName: 'Rule t', action: 'add_tag', summary: "tag 'x': absent → present" },
      { at: '2025-03-04T10:00:00.000Z', ruleId: 't', ruleName: 'Rule t', action: 'set_priority', summary: 'priority: none → high' },
    ]);
  });

  it('no-op actions are explained and leave no timeline entry or follow-up', () => {
    const r = evaluateRules([rule('t', 1, [], [{ type: 'set_risk', level: 'normal', reason: 'x' }])], msg, amazon, ctx);
    expect(r.fired[0]?.actions[0]).toMatchObject({ outcome: 'noop', detail: 'risk: already normal' });
    expect(r.timeline).toEqual([]);
    expect(r.followUp).toBeNull();
  });

  it('explains which conditions matched', () => {
    const r = evaluateRules(
      [{ ...rule('m', 1, [{ fact: 'channel', op: 'eq', value: 'amazon' }], [{ type: 'add_tag', tag: 'a' }]), conditions: { all: [{ fact: 'channel', op: 'eq', value: 'amazon' }], any: [{ fact: 'risk', op: 'eq', value: 'low' }, { fact: 'marketplace', op: 'eq', value: 'DE' }] } }],
      msg,
      amazon,
      ctx,
    );
    expect(r.fired[0]?.matched).toEqual([
      { group: 'all', index: 0, fact: 'channel', op: 'eq', value: 'amazon', actual: 'amazon', result: true },
      { group: 'any', index: 1, fact: 'marketplace', op: 'eq', value: 'DE', actual: 'DE', result: true },
    ]);
  });
});

describe('once per event and the loop guard', () => {
  // A rule that reacts to its own change: on every ticket_updated it toggles a tag.
  const toggler = rule('toggle', 1, [], [{ type: 'add_tag', tag: 'seen' }], 'ticket_updated');
  const remover = rule('remove', 2, [{ fact: 'tags', op: 'contains', value: 'seen' }], [{ type: 'remove_tag', tag: 'seen' }], 'ticket_updated');

  it('never fires the same rule twice for one originating event', () => {
    const first = evaluateRules([toggler], { type: 'ticket_updated', id: 'e', depth: 0 }, amazon, ctx);
    expect(first.fired).toHaveLength(1);
    expect(first.followUp).toEqual({ type: 'ticket_updated', id: 'e', depth: 1 });
    const again = evaluateRules([toggler], first.followUp ?? msg, makeFacts({ channel: 'amazon' }), { ...ctx, alreadyFired: first.alreadyFired });
    expect(again.fired).toHaveLength(0);
    expect(again.followUp).toBeNull();
  });

  it('a caller following followUp terminates', () => {
    let facts = amazon;
    let event: RuleEvent | null = { type: 'ticket_updated', id: 'e' };
    let alreadyFired: string[] = [];
    const firedPerDepth: string[][] = [];
    while (event) {
      const r = evaluateRules([toggler, remover], event, facts, { ...ctx, alreadyFired });
      firedPerDepth.push(r.fired.map((f) => f.ruleId));
      facts = r.facts;
      alreadyFired = r.alreadyFired;
      event = r.followUp;
    }
    expect(firedPerDepth).toEqual([['toggle', 'remove']]);
  });

  const depthCases: [number, number | undefined, 'ok' | 'refused'][] = [
    [0, undefined, 'ok'],
    [3, undefined, 'ok'],
    [4, undefined, 'refused'],
    [1, 1, 'ok'],
    [2, 1, 'refused'],
  ];
  it.each(depthCases)('depth %i with maxDepth %s is %s', (depth, maxDepth, status) => {
    const r = evaluateRules([toggler], { type: 'ticket_updated', id: 'e', depth }, amazon, { ...ctx, ...(maxDepth === undefined ? {} : { maxDepth }) });
    expect(r.status).toBe(status);
    if (status === 'refused') {
      expect(r.fired).toEqual([]);
      expect(r.refusal).toMatch(/loop guard/);
    }
  });

  it('does not ask for a follow-up that the loop guard would refuse', () => {
    const r = evaluateRules([toggler], { type: 'ticket_updated', id: 'e', depth: 3 }, amazon, ctx);
    expect(r.fired).toHaveLength(1);
    expect(r.followUp).toBeNull();
  });
});

describe('agent assignment', () => {
  const members: TeamMember[] = [
    { userId: 'ann', capacity: 10, openTickets: 5 },
    { userId: 'bob', capacity: 10, openTickets: 2 },
    { userId: 'cat', capacity: 4, openTickets: 1 },
    { userId: 'dan', capacity: 10, openTickets: 0, available: false },
    { userId: 'eve', capacity: 3, openTickets: 3 },
  ];
  const load = { t1: members };
  const rr = rule('rr', 1, [], [{ type: 'assign_agent', strategy: 'round_robin', teamId: 't1' }]);
  const ll = rule('ll', 1, [], [{ type: 'assign_agent', strategy: 'least_loaded', teamId: 't1' }]);

  const rrCases: [string | undefined, string][] = [
    [undefined, 'ann'],
    ['ann', 'bob'],
    ['bob', 'cat'],
    ['cat', 'ann'], // dan is unavailable, eve is full
    ['dan', 'ann'],
    ['gone', 'ann'], // a cursor naming a former member restarts at the top
  ];
  it.each(rrCases)('round-robin after %s picks %s', (last, expected) => {
    const r = evaluateRules([rr], msg, amazon, { ...ctx, agentLoad: load, roundRobinCursor: last ? { t1: last } : {} });
    expect(r.changes.assigneeId).toBe(expected);
    expect(r.nextRoundRobinCursor).toEqual({ t1: expected });
  });

  it('least-loaded picks the lowest share of capacity', () => {
    // ann 50%, bob 20%, cat 25% → bob
    expect(evaluateRules([ll], msg, amazon, { ...ctx, agentLoad: load }).changes.assigneeId).toBe('bob');
  });

  it('least-loaded breaks ties by fewer open tickets', () => {
    const tie = { t1: [{ userId: 'x', capacity: 10, openTickets: 2 }, { userId: 'y', capacity: 5, openTickets: 1 }] };
    expect(evaluateRules([ll], msg, amazon, { ...ctx, agentLoad: tie }).changes.assigneeId).toBe('y');
  });

  it('uses the ticket’s team (as set by an earlier rule) when the action names none', () => {
    const rules = [
      rule('team', 1, [], [{ type: 'assign_team', teamId: 't1' }]),
      rule('agent', 2, [], [{ type: 'assign_agent', strategy: 'least_loaded' }]),
    ];
    const r = evaluateRules(rules, msg, amazon, { ...ctx, agentLoad: load });
    expect(r.changes).toMatchObject({ teamId: 't1', assigneeId: 'bob' });
  });

  it('skips with a reason when nobody has capacity or the team is unknown', () => {
    const full = { t1: [{ userId: 'eve', capacity: 3, openTickets: 3 }] };
    const r = evaluateRules([rr], msg, amazon, { ...ctx, agentLoad: full });
    expect(r.changes.assigneeId).toBeUndefined();
    expect(r.fired[0]?.actions[0]).toMatchObject({ outcome: 'skipped', detail: expect.stringContaining('no member of team t1 has free capacity') });
    const none = evaluateRules([rule('x', 1, [], [{ type: 'assign_agent', strategy: 'round_robin' }])], msg, amazon, ctx);
    expect(none.fired[0]?.actions[0]).toMatchObject({ outcome: 'skipped', detail: expect.stringContaining('no team') });
  });

  it('a specific agent', () => {
    const r = evaluateRules([rule('s', 1, [], [{ type: 'assign_agent', strategy: 'specific', userId: 'zoe' }])], msg, amazon, ctx);
    expect(r.changes.assigneeId).toBe('zoe');
  });

  it('two round-robin assignments in one run advance the cursor and the load', () => {
    const rules = [rr, { ...rr, id: 'rr2', position: 2 }];
    const r = evaluateRules(rules, msg, amazon, { ...ctx, agentLoad: load, roundRobinCursor: {} });
    expect(r.changes.assigneeId).toBe('bob');
    expect(r.nextRoundRobinCursor).toEqual({ t1: 'bob' });
    expect(load.t1[0]?.openTickets).toBe(5); // the caller's load is not mutated
  });
});

describe('teams by key', () => {
  it('maps a team key to the caller’s id, or skips with a reason', () => {
    const r = rule('k', 1, [], [{ type: 'assign_team', teamKey: 'amazon_compliance' }]);
    expect(evaluateRules([r], msg, amazon, { ...ctx, teamKeys: { amazon_compliance: 'team-42' } }).changes.teamId).toBe('team-42');
    const unmapped = evaluateRules([r], msg, amazon, ctx);
    expect(unmapped.changes.teamId).toBeUndefined();
    expect(unmapped.fired[0]?.actions[0]).toMatchObject({ outcome: 'skipped', detail: "team: team key 'amazon_compliance' is not mapped to a team" });
  });
});

describe('placeholders', () => {
  const facts = makeFacts({ channel: 'amazon', ticketId: 'T-9', orderId: '302-1234567-1234567', customerName: 'Zoë "Z" Müller', orderValueMinor: 12345, currency: 'EUR', signals: ['a_to_z_threat', 'legal_threat'] });
  const cases: [string, string][] = [
    ['Order {{orderId}} from {{customerName}}', 'Order 302-1234567-1234567 from Zoë "Z" Müller'],
    ['Worth {{ orderValue }} on {{channel}}', 'Worth 123.45 EUR on amazon'],
    ['Signals: {{signals}}', 'Signals: a_to_z_threat, legal_threat'],
    ['Unknown fact: [{{marketplace}}]', 'Unknown fact: []'],
    ['By {{ruleName}} at {{now}}', 'By Rule n at 2025-03-04T10:00:00.000Z'],
    ['Not ours: {{nope}}', 'Not ours: {{nope}}'],
  ];
  it.each(cases)('%s', (text, expected) => {
    const r = evaluateRules([rule('n', 1, [], [{ type: 'add_note', text }])], msg, facts, ctx);
    expect(r.changes.notes).toEqual([{ ruleId: 'n', ruleName: 'Rule n', value: { text: expected } }]);
  });

  it('webhook payloads escape values as JSON', () => {
    const r = evaluateRules([rule('w', 1, [], [{ type: 'webhook', url: 'https://hooks.example/x', payload: '{"ticket":"{{ticketId}}","customer":"{{customerName}}"}' }])], msg, facts, ctx);
    const body = r.changes.webhooks[0]?.value.body ?? '';
    expect(JSON.parse(body)).toEqual({ ticket: 'T-9', customer: 'Zoë "Z" Müller' });
  });

  it('notifications have a default message', () => {
    const r = evaluateRules([rule('n', 1, [], [{ type: 'notify', channel: 'in_app', to: 'team:compliance' }])], msg, facts, ctx);
    expect(r.changes.notifications[0]?.value).toEqual({ channel: 'in_app', to: 'team:compliance', message: "Rule 'Rule n' fired on ticket T-9" });
  });
});

describe('conflicting actions: the later rule wins and says so', () => {
  const cases: [string, Action, Action, Record<string, unknown>][] = [
    ['team', { type: 'assign_team', teamId: 'a' }, { type: 'assign_team', teamId: 'b' }, { teamId: 'b' }],
    ['priority', { type: 'set_priority', priority: 'high' }, { type: 'set_priority', priority: 'low' }, { priority: 'low' }],
    ['risk', { type: 'set_risk', level: 'critical', reason: 'one' }, { type: 'set_risk', level: 'high', reason: 'two' }, { risk: { level: 'high', reason: 'two', ruleId: 'second' } }],
    ['agent', { type: 'assign_agent', strategy: 'specific', userId: 'u1' }, { type: 'assign_agent', strategy: 'specific', userId: 'u2' }, { assigneeId: 'u2' }],
    ['tag', { type: 'add_tag', tag: 'x' }, { type: 'remove_tag', tag: 'x' }, { tagsAdded: [], tagsRemoved: [] }],
    ['draft', { type: 'apply_template_draft', templateId: 'tpl-1' }, { type: 'apply_template_draft', templateId: 'tpl-2' }, { draft: { ruleId: 'second', ruleName: 'Rule second', value: { templateId: 'tpl-2' } } }],
  ];
  it.each(cases)('%s', (_name, a, b, expected) => {
    const r = evaluateRules([rule('first', 1, [], [a]), rule('second', 2, [], [b])], msg, amazon, ctx);
    expect(r.changes).toMatchObject(expected);
    const trace = r.fired[1]?.actions[0];
    expect(trace?.overrides).toMatchObject({ ruleId: 'first', ruleName: 'Rule first' });
    expect(trace?.detail).toMatch(/rule 'Rule first': the later rule wins/);
    expect(r.timeline.at(-1)?.summary ?? '').toMatch(/later rule wins/);
  });

  it('no conflict is reported when the later rule agrees', () => {
    const r = evaluateRules([rule('first', 1, [], [{ type: 'assign_team', teamId: 'a' }]), rule('second', 2, [], [{ type: 'assign_team', teamId: 'a' }])], msg, amazon, ctx);
    expect(r.fired[1]?.actions[0]).toMatchObject({ outcome: 'noop' });
    expect(r.fired[1]?.actions[0]?.overrides).toBeUndefined();
  });
});

describe('other actions', () => {
  it('mark no response needed, remove tag', () => {
    const facts = makeFacts({ channel: 'shopify', tags: ['old'] });
    const r = evaluateRules([rule('m', 1, [], [{ type: 'mark_no_response_needed' }, { type: 'remove_tag', tag: 'old' }])], msg, facts, ctx);
    expect(r.changes).toMatchObject({ noResponseNeeded: true, tagsRemoved: ['old'] });
    expect(facts.tags).toEqual(['old']); // input untouched
  });
});
