import { describe, expect, it } from 'vitest';
import { validateRules } from './validate.ts';

const base = () => ({
  id: 'r1',
  name: 'Route',
  enabled: true,
  position: 1,
  trigger: 'message_received',
  conditions: { all: [{ fact: 'channel', op: 'eq', value: 'amazon' }] } as Record<string, unknown>,
  actions: [{ type: 'add_tag', tag: 'x' }] as unknown[],
});
type R = Record<string, unknown>;
const withRule = (patch: (r: R) => void): unknown[] => {
  const r = base() as R;
  patch(r);
  return [r];
};
const cond = (c: unknown) => withRule((r) => (r.conditions = { all: [c] }));
const act = (a: unknown) => withRule((r) => (r.actions = [a]));

describe('validateRules', () => {
  it('accepts a valid rule set', () => {
    const r = validateRules([base(), { ...base(), id: 'r2', position: 2, trigger: 'ticket_idle', idleHours: 24 }]);
    expect(r.ok).toBe(true);
  });

  const cases: [string, unknown, string, RegExp][] = [
    ['not a list', { rules: [] }, 'rules', /must be a list/],
    ['unknown rule field', withRule((r) => (r.priority = 1)), 'rules[0].priority', /unknown field 'priority'/],
    ['missing name', withRule((r) => (r.name = '')), 'rules[0].name', /non-empty/],
    ['enabled not boolean', withRule((r) => (r.enabled = 'yes')), 'rules[0].enabled', /true or false/],
    ['fractional position', withRule((r) => (r.position = 1.5)), 'rules[0].position', /integer/],
    ['unknown trigger', withRule((r) => (r.trigger = 'message_sent')), 'rules[0].trigger', /unknown trigger/],
    ['idle without hours', withRule((r) => (r.trigger = 'ticket_idle')), 'rules[0].idleHours', /idleHours > 0/],
    ['hours without idle', withRule((r) => (r.idleHours = 3)), 'rules[0].idleHours', /only to the ticket_idle/],
    ['unknown conditions group', withRule((r) => (r.conditions = { none: [] })), 'rules[0].conditions.none', /unknown field/],
    ['unknown condition field', cond({ fact: 'channel', op: 'eq', value: 'amazon', negate: true }), 'rules[0].conditions.all[0].negate', /unknown field/],
    ['unknown fact', cond({ fact: 'colour', op: 'eq', value: 'red' }), 'rules[0].conditions.all[0].fact', /unknown fact/],
    ['unknown operator', cond({ fact: 'channel', op: 'like', value: 'a' }), 'rules[0].conditions.all[0].op', /unknown operator/],
    ['gte on an enum', cond({ fact: 'channel', op: 'gte', value: 'amazon' }), 'rules[0].conditions.all[0].op', /does not apply to channel/],
    ['contains on a scalar', cond({ fact: 'intent', op: 'contains', value: 'thanks' }), 'rules[0].conditions.all[0].op', /does not apply to intent/],
    ['eq on a list', cond({ fact: 'tags', op: 'eq', value: 'x' }), 'rules[0].conditions.all[0].op', /does not apply to tags/],
    ['in on a number', cond({ fact: 'orderValueMinor', op: 'in', value: [1] }), 'rules[0].conditions.all[0].op', /does not apply/],
    ['unknown enum value', cond({ fact: 'channel', op: 'eq', value: 'ebay' }), 'rules[0].conditions.all[0].value', /unknown channel value 'ebay'/],
    ['unknown risk level', cond({ fact: 'risk', op: 'gte', value: 'severe' }), 'rules[0].conditions.all[0].value', /unknown risk value/],
    ['unknown signal in list', cond({ fact: 'signals', op: 'in', value: ['a_to_z_threat', 'spam'] }), 'rules[0].conditions.all[0].value[1]', /unknown signals value 'spam'/],
    ['in without list', cond({ fact: 'channel', op: 'in', value: 'amazon' }), 'rules[0].conditions.all[0].value', /non-empty list/],
    ['number as string', cond({ fact: 'orderValueMinor', op: 'gte', value: '100' }), 'rules[0].conditions.all[0].value', /finite number/],
    ['money not in minor units', cond({ fact: 'orderValueMinor', op: 'gte', value: 10.5 }), 'rules[0].conditions.all[0].value', /integer minor units/],
    ['missing value', cond({ fact: 'channel', op: 'eq' }), 'rules[0].conditions.all[0].value', /needs a value/],
    ['value on is_set', cond({ fact: 'assigneeId', op: 'is_set', value: 'x' }), 'rules[0].conditions.all[0].value', /takes no value/],
    ['no actions', withRule((r) => (r.actions = [])), 'rules[0].actions', /non-empty list/],
    ['unknown action', act({ type: 'close_ticket' }), 'rules[0].actions[0].type', /unknown action/],
    ['unknown action field', act({ type: 'add_tag', tag: 'x', colour: 'red' }), 'rules[0].actions[0].colour', /unknown field/],
    ['assign_team without team', act({ type: 'assign_team' }), 'rules[0].actions[0].teamId', /needs a team/],
    ['assign_team with both', act({ type: 'assign_team', teamId: 't', teamKey: 'k' }), 'rules[0].actions[0]', /not both/],
    ['unknown team id', act({ type: 'assign_team', teamId: 'ghost' }), 'rules[0].actions[0].teamId', /no team with id 'ghost'/],
    ['unknown team key', act({ type: 'assign_team', teamKey: 'ghosts' }), 'rules[0].actions[0].teamKey', /no team mapped to key 'ghosts'/],
    ['specific without user', act({ type: 'assign_agent', strategy: 'specific' }), 'rules[0].actions[0].userId', /needs a userId/],
    ['round robin with user', act({ type: 'assign_agent', strategy: 'round_robin', userId: 'u' }), 'rules[0].actions[0].userId', /picks the user/],
    ['unknown strategy', act({ type: 'assign_agent', strategy: 'random' }), 'rules[0].actions[0].strategy', /one of specific/],
    ['bad risk level', act({ type: 'set_risk', level: 'severe', reason: 'x' }), 'rules[0].actions[0].level', /risk level/],
    ['risk without reason', act({ type: 'set_risk', level: 'high' }), 'rules[0].actions[0].reason', /needs 'reason'/],
    ['bad priority', act({ type: 'set_priority', priority: 'p1' }), 'rules[0].actions[0].priority', /priority is one of/],
    ['unknown placeholder', act({ type: 'add_note', text: 'Hi {{buyer}}' }), 'rules[0].actions[0].text', /unknown placeholder \{\{buyer\}\}/],
    ['prototype placeholder', act({ type: 'add_note', text: '{{constructor}}' }), 'rules[0].actions[0].text', /unknown placeholder/],
    ['bad notify channel', act({ type: 'notify', channel: 'sms', to: 'x' }), 'rules[0].actions[0].channel', /channel is in_app/],
    ['e-mail notifications are refused, not silently kept', act({ type: 'notify', channel: 'email', to: 'ops@example.com' }), 'rules[0].actions[0].channel', /e-mail notifications are not sent yet/],
    ['webhook url', act({ type: 'webhook', url: 'ftp://x', payload: '{}' }), 'rules[0].actions[0].url', /http\(s\) URL/],
    ['unknown template', act({ type: 'apply_template_draft', templateId: 'tpl-x' }), 'rules[0].actions[0].templateId', /no template/],
    ['duplicate position', [base(), { ...base(), id: 'r2' }], 'rules[1].position', /duplicate position 1 \(also rules\[0\]\)/],
    ['duplicate id', [base(), { ...base(), position: 2 }], 'rules[1].id', /duplicate id 'r1'/],
  ];
  it.each(cases)('%s', (_name, input, path, message) => {
    const r = validateRules(input, { teamIds: ['t'], teamKeys: ['k', 'amazon_compliance'], templateIds: ['tpl-1'] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const hit = r.errors.find((e) => e.path === path);
    expect(hit, JSON.stringify(r.errors)).toBeDefined();
    expect(hit?.message).toMatch(message);
  });

  it('names the rule in every error', () => {
    const r = validateRules([base(), { ...base(), id: 'second', name: 'Second', position: 2, actions: [{ type: 'assign_team' }] }]);
    expect(r).toEqual({ ok: false, errors: [{ ruleId: 'second', ruleName: 'Second', path: 'rules[1].actions[0].teamId', message: 'assign_team needs a team (teamId or teamKey)' }] });
  });
});
