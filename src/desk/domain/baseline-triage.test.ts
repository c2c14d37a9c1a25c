import { describe, expect, it } from 'vitest';
import { baselineTriage } from './baseline-triage.ts';

const at = new Date('2026-11-20T10:00:00Z');
const h = (n: number): string => new Date(at.getTime() + n * 3600_000).toISOString();

describe('baselineTriage', () => {
  it.each([
    // channel, fulfilment, intent, signals, level, due (hours after the buyer wrote) or null
    ['amazon', 'FBA', 'where_is_my_order', [], 'normal', 24],
    ['amazon', 'FBM', 'where_is_my_order', [], 'high', 24],
    ['amazon', 'FBA', 'not_received', [], 'critical', 2],
    ['amazon', 'FBA', 'damaged_defective', [], 'critical', 2],
    ['amazon', 'FBA', 'product_question', ['a_to_z_threat'], 'critical', 2],
    ['amazon', 'FBA', 'refund_request', ['negative_feedback_threat'], 'critical', 2],
    ['amazon', 'FBA', 'thanks', [], 'low', null],
    ['shopify', 'SHOPIFY', 'refund_request', [], 'normal', 24],
    ['shopify', 'SHOPIFY', 'refund_request', ['chargeback_threat'], 'high', 24],
    ['shopify', 'SHOPIFY', 'thanks', [], 'low', null],
    ['tiktok', 'TIKTOK', 'damaged_defective', [], 'normal', 24],
    ['tiktok', 'TIKTOK', 'not_received', ['chargeback_threat', 'negative_feedback_threat'], 'critical', 4],
  ] as const)('%s %s %s %j -> %s', (channel, fulfillment, intent, signals, expected, dueHours) => {
    const r = baselineTriage({ channel, fulfillment, intent, signals, waitingSince: at });
    expect(r.riskLevel).toBe(expected);
    expect(r.firstResponseDueAt?.toISOString() ?? null).toBe(dueHours === null ? null : h(dueHours));
    expect(r.reasons.length).toBeGreaterThan(0);
  });

  it('explains an A-to-z threat by naming the signal, most important reason first', () => {
    expect(baselineTriage({ channel: 'amazon', fulfillment: 'FBM', intent: 'not_received', signals: ['a_to_z_threat'], waitingSince: at }).reasons).toEqual([
      'signal a_to_z_threat',
      'intent not_received on an Amazon order (A-to-z / ODR exposure)',
      'Amazon message: counts toward account health (24 h response rule)',
    ]);
  });

  it('lists what lowered the risk last', () => {
    expect(baselineTriage({ channel: 'shopify', fulfillment: 'SHOPIFY', intent: 'thanks', signals: [], waitingSince: at }).reasons).toEqual(['shopify message', 'thanks: no response needed']);
  });

  it('has no deadline when nothing waits for an answer', () => {
    expect(baselineTriage({ channel: 'amazon', fulfillment: 'FBA', intent: 'not_received', signals: [], waitingSince: null }).firstResponseDueAt).toBeNull();
  });

  it('keeps the score within 0..100', () => {
    const r = baselineTriage({ channel: 'amazon', fulfillment: 'FBM', intent: 'not_received', signals: ['a_to_z_threat', 'chargeback_threat', 'legal_threat'], waitingSince: at });
    expect(r.riskScore).toBe(100);
  });
});
