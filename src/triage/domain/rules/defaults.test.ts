import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, TEAM_KEYS } from './defaults.ts';
import { evaluateRules } from './engine.ts';
import { makeFacts } from './facts.ts';
import type { TicketChanges, TicketFacts } from './types.ts';
import { validateRules } from './validate.ts';

const ctx = { now: new Date('2025-03-04T10:00:00Z'), teamKeys: { [TEAM_KEYS.amazonCompliance]: 'team-amz', [TEAM_KEYS.returnsRefunds]: 'team-ret' } };
const run = (facts: TicketFacts) => evaluateRules(DEFAULT_RULES, { type: 'message_received', id: 'm1' }, facts, ctx);

interface Case {
  name: string;
  facts: TicketFacts;
  expect: Partial<TicketChanges>;
}

// For every default rule: a message it must fire on, and one just outside it.
const cases: [string, Case[], Case[]][] = [
  [
    'default-tag-a-to-z',
    [{ name: 'A-to-z threat', facts: makeFacts({ channel: 'amazon', signals: ['a_to_z_threat'], risk: 'high' }), expect: { tagsAdded: ['a-to-z'] } }],
    [{ name: 'chargeback only', facts: makeFacts({ channel: 'amazon', signals: ['chargeback_threat'] }), expect: {} }],
  ],
  [
    'default-safety',
    [{ name: 'safety issue', facts: makeFacts({ channel: 'shopify', orderId: '#1001', signals: ['safety_issue'] }), expect: { tagsAdded: ['safety'] } }],
    [{ name: 'damaged, no safety signal', facts: makeFacts({ channel: 'shopify', intent: 'damaged_defective', intents: ['damaged_defective'] }), expect: {} }],
  ],
  [
    'default-thanks-only',
    [{ name: 'bare thanks', facts: makeFacts({ channel: 'shopify', intent: 'thanks', intents: ['thanks'] }), expect: { noResponseNeeded: true, tagsAdded: ['thanks'] } }],
    [
      { name: 'thanks + refund', facts: makeFacts({ channel: 'shopify', intent: 'thanks', intents: ['thanks', 'refund_request'] }), expect: {} },
      { name: 'thanks + threat', facts: makeFacts({ channel: 'amazon', intent: 'thanks', intents: ['thanks'], signals: ['negative_feedback_threat'] }), expect: {} },
    ],
  ],
  [
    'default-returns-refunds',
    [
      { name: 'Shopify refund', facts: makeFacts({ channel: 'shopify', intent: 'refund_request', intents: ['refund_request'] }), expect: { teamId: 'team-ret' } },
      { name: 'TikTok return among intents', facts: makeFacts({ channel: 'tiktok', intent: 'damaged_defective', intents: ['damaged_defective', 'return_request'] }), expect: { teamId: 'team-ret' } },
    ],
    [{ name: 'Amazon refund', facts: makeFacts({ channel: 'amazon', intent: 'refund_request', intents: ['refund_request'], risk: 'normal' }), expect: {} }],
  ],
  [
    'default-fbm-delivery',
    [{ name: 'FBM where is my order', facts: makeFacts({ channel: 'amazon', fulfillment: 'FBM', intent: 'where_is_my_order', intents: ['where_is_my_order'], risk: 'high' }), expect: { tagsAdded: ['fbm-delivery'] } }],
    [{ name: 'FBA where is my order', facts: makeFacts({ channel: 'amazon', fulfillment: 'FBA', intent: 'where_is_my_order', intents: ['where_is_my_order'], risk: 'normal' }), expect: {} }],
  ],
  [
    'default-amazon-critical',
    [{ name: 'critical Amazon', facts: makeFacts({ channel: 'amazon', risk: 'critical', intent: 'not_received', intents: ['not_received'] }), expect: { teamId: 'team-amz', priority: 'urgent' } }],
    [
      { name: 'high Amazon', facts: makeFacts({ channel: 'amazon', risk: 'high', intent: 'not_received', intents: ['not_received'] }), expect: {} },
      { name: 'critical Shopify', facts: makeFacts({ channel: 'shopify', risk: 'critical' }), expect: {} },
    ],
  ],
];

describe('default rules', () => {
  it('are valid, unique and cover every shipped rule', () => {
    expect(validateRules(DEFAULT_RULES, { teamKeys: Object.values(TEAM_KEYS) }).ok).toBe(true);
    expect(cases.map((c) => c[0]).sort()).toEqual(DEFAULT_RULES.map((r) => r.id).sort());
  });

  for (const [id, fires, doesNot] of cases) {
    describe(id, () => {
      it.each(fires)('fires on: $name', (c) => {
        const r = run(c.facts);
        expect(r.fired.map((f) => f.ruleId)).toContain(id);
        expect(r.changes).toMatchObject(c.expect);
      });
      it.each(doesNot)('does not fire on: $name', (c) => {
        expect(run(c.facts).fired.map((f) => f.ruleId)).not.toContain(id);
      });
    });
  }

  it('the safety note names the channel and order', () => {
    const r = run(makeFacts({ channel: 'shopify', orderId: '#1001', signals: ['safety_issue'] }));
    expect(r.changes.notes[0]?.value.text).toMatch(/^Possible safety issue on shopify order #1001\./);
  });

  it('an A-to-z on an FBM order scored critical: tagged, tagged, routed, urgent — each on the timeline by rule name', () => {
    const r = run(makeFacts({ channel: 'amazon', fulfillment: 'FBM', risk: 'critical', intent: 'not_received', intents: ['not_received'], signals: ['a_to_z_threat'] }));
    expect(r.changes).toMatchObject({ tagsAdded: ['a-to-z', 'fbm-delivery'], teamId: 'team-amz', priority: 'urgent' });
    expect(r.timeline.map((t) => t.ruleName)).toEqual([
      'Tag A-to-z threats',
      'Tag FBM delivery questions',
      'Route critical Amazon tickets to Amazon compliance',
      'Route critical Amazon tickets to Amazon compliance',
    ]);
  });
});
