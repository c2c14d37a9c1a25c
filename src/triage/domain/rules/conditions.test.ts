import { describe, expect, it } from 'vitest';
import { testCondition, testConditions } from './conditions.ts';
import { makeFacts } from './facts.ts';
import type { Condition, TicketFacts } from './types.ts';

const facts: TicketFacts = makeFacts({
  channel: 'amazon',
  marketplace: 'DE',
  fulfillment: 'FBM',
  intent: 'not_received',
  intents: ['not_received', 'refund_request'],
  signals: ['a_to_z_threat', 'negative_feedback_threat'],
  risk: 'high',
  language: 'de',
  orderValueMinor: 4999,
  previousTickets: 3,
  previousClaims: 1,
  lifetimeValueMinor: 25000,
  tags: ['vip'],
  businessHours: 'closed',
  teamId: 'team-1',
  assigneeId: null,
});

describe('operators', () => {
  const cases: [string, Condition, boolean][] = [
    // eq / neq
    ['eq channel', { fact: 'channel', op: 'eq', value: 'amazon' }, true],
    ['eq channel other', { fact: 'channel', op: 'eq', value: 'shopify' }, false],
    ['neq channel', { fact: 'channel', op: 'neq', value: 'shopify' }, true],
    ['neq channel same', { fact: 'channel', op: 'neq', value: 'amazon' }, false],
    ['eq on unknown fact is false', { fact: 'priority', op: 'eq', value: 'high' }, false],
    ['neq on unknown fact is true', { fact: 'priority', op: 'neq', value: 'high' }, true],
    ['eq number', { fact: 'orderValueMinor', op: 'eq', value: 4999 }, true],
    ['neq number', { fact: 'orderValueMinor', op: 'neq', value: 5000 }, true],
    ['eq business hours', { fact: 'businessHours', op: 'eq', value: 'closed' }, true],
    ['eq language', { fact: 'language', op: 'eq', value: 'de' }, true],
    ['eq fulfillment', { fact: 'fulfillment', op: 'eq', value: 'FBA' }, false],
    ['eq team', { fact: 'teamId', op: 'eq', value: 'team-1' }, true],
    // in / not_in on scalars
    ['in marketplace', { fact: 'marketplace', op: 'in', value: ['DE', 'FR'] }, true],
    ['in marketplace miss', { fact: 'marketplace', op: 'in', value: ['US'] }, false],
    ['not_in marketplace', { fact: 'marketplace', op: 'not_in', value: ['US', 'UK'] }, true],
    ['not_in marketplace hit', { fact: 'marketplace', op: 'not_in', value: ['DE'] }, false],
    ['in risk', { fact: 'risk', op: 'in', value: ['high', 'critical'] }, true],
    // in / not_in on lists: contains any / none
    ['signals in (any)', { fact: 'signals', op: 'in', value: ['legal_threat', 'a_to_z_threat'] }, true],
    ['signals in (any) miss', { fact: 'signals', op: 'in', value: ['legal_threat', 'safety_issue'] }, false],
    ['signals not_in (none)', { fact: 'signals', op: 'not_in', value: ['legal_threat', 'safety_issue'] }, true],
    ['signals not_in (none) hit', { fact: 'signals', op: 'not_in', value: ['legal_threat', 'a_to_z_threat'] }, false],
    // contains / not_contains
    ['intents contains', { fact: 'intents', op: 'contains', value: 'refund_request' }, true],
    ['intents contains miss', { fact: 'intents', op: 'contains', value: 'thanks' }, false],
    ['signals contains all', { fact: 'signals', op: 'contains', value: ['a_to_z_threat', 'negative_feedback_threat'] }, true],
    ['signals contains all, one missing', { fact: 'signals', op: 'contains', value: ['a_to_z_threat', 'legal_threat'] }, false],
    ['tags has', { fact: 'tags', op: 'contains', value: 'vip' }, true],
    ['tags has not', { fact: 'tags', op: 'not_contains', value: 'vip' }, false],
    ['tags has not (absent)', { fact: 'tags', op: 'not_contains', value: 'spam' }, true],
    // comparisons on numbers
    ['gte value', { fact: 'orderValueMinor', op: 'gte', value: 4999 }, true],
    ['gt value', { fact: 'orderValueMinor', op: 'gt', value: 4999 }, false],
    ['lte value', { fact: 'orderValueMinor', op: 'lte', value: 4999 }, true],
    ['lt value', { fact: 'orderValueMinor', op: 'lt', value: 4999 }, false],
    ['gt previous tickets', { fact: 'previousTickets', op: 'gt', value: 2 }, true],
    ['gte previous claims', { fact: 'previousClaims', op: 'gte', value: 2 }, false],
    ['lt lifetime value', { fact: 'lifetimeValueMinor', op: 'lt', value: 100000 }, true],
    // comparisons on ordered levels: "at least"
    ['risk at least normal', { fact: 'risk', op: 'gte', value: 'normal' }, true],
    ['risk at least high', { fact: 'risk', op: 'gte', value: 'high' }, true],
    ['risk at least critical', { fact: 'risk', op: 'gte', value: 'critical' }, false],
    ['risk gt normal', { fact: 'risk', op: 'gt', value: 'normal' }, true],
    ['risk lt critical', { fact: 'risk', op: 'lt', value: 'critical' }, true],
    ['risk lte normal', { fact: 'risk', op: 'lte', value: 'normal' }, false],
    // is_set / is_not_set
    ['assignee none', { fact: 'assigneeId', op: 'is_not_set' }, true],
    ['assignee set', { fact: 'assigneeId', op: 'is_set' }, false],
    ['team set', { fact: 'teamId', op: 'is_set' }, true],
    ['signals set', { fact: 'signals', op: 'is_set' }, true],
    ['tags not set', { fact: 'tags', op: 'is_not_set' }, false],
  ];
  it.each(cases)('%s', (_name, condition, expected) => {
    expect(testCondition(condition, facts).result).toBe(expected);
  });

  it('unknown numbers fail every comparison', () => {
    const f = makeFacts({ channel: 'email' });
    for (const op of ['gt', 'gte', 'lt', 'lte', 'eq'] as const) {
      expect(testCondition({ fact: 'orderValueMinor', op, value: 0 }, f).result).toBe(false);
    }
    expect(testCondition({ fact: 'orderValueMinor', op: 'is_not_set' }, f).result).toBe(true);
  });

  it('reports the value it saw', () => {
    expect(testCondition({ fact: 'risk', op: 'eq', value: 'critical' }, facts)).toEqual({ actual: 'high', result: false });
  });
});

describe('all / any', () => {
  const yes: Condition = { fact: 'channel', op: 'eq', value: 'amazon' };
  const no: Condition = { fact: 'channel', op: 'eq', value: 'tiktok' };
  const cases: [string, { all?: Condition[]; any?: Condition[] }, boolean][] = [
    ['no conditions', {}, true],
    ['empty lists', { all: [], any: [] }, true],
    ['all true', { all: [yes, yes] }, true],
    ['all with one false', { all: [yes, no] }, false],
    ['any with one true', { any: [no, yes] }, true],
    ['any all false', { any: [no, no] }, false],
    ['all true and any true', { all: [yes], any: [no, yes] }, true],
    ['all true and any false', { all: [yes], any: [no] }, false],
    ['all false and any true', { all: [no], any: [yes] }, false],
  ];
  it.each(cases)('%s', (_name, conditions, expected) => {
    expect(testConditions(conditions, facts).matches).toBe(expected);
  });
});
