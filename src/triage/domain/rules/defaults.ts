/**
 * The rule set a new workspace ships with. Teams are referenced by well-known keys the caller maps to the
 * workspace's team ids (ctx.teamKeys): `amazon_compliance` ("Amazon compliance"), `returns_refunds`
 * ("Returns & refunds"). Tagging and flagging rules run first, routing last, so routing sees their effects.
 */
import { INTENTS, type Rule } from './types.ts';

export const TEAM_KEYS = {
  amazonCompliance: 'amazon_compliance',
  returnsRefunds: 'returns_refunds',
} as const;

/** Every intent that means the buyer wants something — a message with any of them is not a bare "thank you". */
const INTENTS_NEEDING_A_REPLY = INTENTS.filter((i) => i !== 'thanks' && i !== 'other');

export const DEFAULT_RULES: readonly Rule[] = [
  // An A-to-z guarantee claim is the costliest thing a buyer can threaten on Amazon (it counts against the
  // Order Defect Rate). The tag makes these findable and reportable whatever else the message is about.
  {
    id: 'default-tag-a-to-z',
    name: 'Tag A-to-z threats',
    enabled: true,
    position: 10,
    trigger: 'message_received',
    conditions: { all: [{ fact: 'signals', op: 'contains', value: 'a_to_z_threat' }] },
    actions: [{ type: 'add_tag', tag: 'a-to-z' }],
  },
  // Injury, fire, burns, allergic reactions: a possible product-safety case. Tag it and leave the agent a note
  // with the first steps, because the answer is not a template and evidence must be kept.
  {
    id: 'default-safety',
    name: 'Flag safety issues',
    enabled: true,
    position: 20,
    trigger: 'message_received',
    conditions: { all: [{ fact: 'signals', op: 'contains', value: 'safety_issue' }] },
    actions: [
      { type: 'add_tag', tag: 'safety' },
      {
        type: 'add_note',
        text:
          'Possible safety issue on {{channel}} order {{orderId}}. Do not send a template: ask for photos and the ' +
          'product batch, keep every message, check other reports of the same product and consider pausing the listing.',
      },
    ],
  },
  // A message whose only intent is "thanks" (no request, no risk signal) needs no answer. Marking it stops the
  // Amazon response clock, so a "thank you" never sits in the queue ahead of real problems.
  {
    id: 'default-thanks-only',
    name: 'No response needed for thank-you messages',
    enabled: true,
    position: 30,
    trigger: 'message_received',
    conditions: {
      all: [
        { fact: 'intent', op: 'eq', value: 'thanks' },
        { fact: 'intents', op: 'not_in', value: INTENTS_NEEDING_A_REPLY },
        { fact: 'signals', op: 'is_not_set' },
      ],
    },
    actions: [{ type: 'mark_no_response_needed' }, { type: 'add_tag', tag: 'thanks' }],
  },
  // Shopify and TikTok returns and refunds are handled by the team that issues refunds and return labels in
  // those stores. (Amazon runs its own returns flow; those tickets stay with the Amazon routing below.)
  {
    id: 'default-returns-refunds',
    name: 'Route Shopify/TikTok returns and refunds',
    enabled: true,
    position: 40,
    trigger: 'message_received',
    conditions: {
      all: [
        { fact: 'channel', op: 'in', value: ['shopify', 'tiktok'] },
        { fact: 'intents', op: 'in', value: ['return_request', 'refund_request'] },
      ],
    },
    actions: [{ type: 'assign_team', teamKey: TEAM_KEYS.returnsRefunds }],
  },
  // Fulfilled by Merchant: the seller, not Amazon, is liable for delivery (late-shipment and valid-tracking
  // metrics, A-to-z on non-delivery). Tag delivery questions so the shipping side can check carriers in bulk.
  {
    id: 'default-fbm-delivery',
    name: 'Tag FBM delivery questions',
    enabled: true,
    position: 50,
    trigger: 'message_received',
    conditions: {
      all: [
        { fact: 'fulfillment', op: 'eq', value: 'FBM' },
        { fact: 'intents', op: 'in', value: ['where_is_my_order', 'not_received'] },
      ],
    },
    actions: [{ type: 'add_tag', tag: 'fbm-delivery' }],
  },
  // Critical Amazon tickets (A-to-z, chargeback, safety, counterfeit, not-received/damaged on Amazon orders,
  // negative-feedback threats — as scored by triage, or raised by a rule above) threaten the seller's account
  // health: the "Amazon compliance" team takes them, at urgent priority. Runs last so it sees earlier rules.
  {
    id: 'default-amazon-critical',
    name: 'Route critical Amazon tickets to Amazon compliance',
    enabled: true,
    position: 100,
    trigger: 'message_received',
    conditions: {
      all: [
        { fact: 'channel', op: 'eq', value: 'amazon' },
        { fact: 'risk', op: 'eq', value: 'critical' },
      ],
    },
    actions: [
      { type: 'assign_team', teamKey: TEAM_KEYS.amazonCompliance },
      { type: 'set_priority', priority: 'urgent' },
    ],
  },
];
