import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RISK_CONFIG,
  assessRisk,
  trackingState,
  type CustomerHistory,
  type OrderFacts,
  type RiskAssessment,
  type RiskConfig,
  type RiskFactor,
  type RiskInput,
  type ShipmentFacts,
  type TrackingContext,
  type TrackingState,
} from './risk.ts';

const H = 3_600_000;
const NOW = new Date('2026-03-10T12:00:00Z');
/** `n` hours before NOW (negative: after). */
const ago = (hours: number): Date => new Date(NOW.getTime() - hours * H);

function shipment(over: Partial<ShipmentFacts> = {}): ShipmentFacts {
  return { carrier: 'UPS', trackingNumber: '1Z999AA10123456784', status: 'in_transit', shippedAt: ago(30), deliveredAt: null, lastEventAt: ago(2), uploadedToMarketplace: true, ...over };
}
function order(over: Partial<OrderFacts> = {}): OrderFacts {
  return { totalMinor: 2_599, currency: 'USD', status: 'Shipped', purchasedAt: ago(72), promisedDeliveryBy: ago(-48), shipments: [shipment()], ...over };
}
function input(over: Partial<RiskInput> = {}): RiskInput {
  return {
    channel: 'amazon', marketplace: 'US', fulfillment: 'FBM', intent: 'other', intents: [], signals: [], order: null, customer: null,
    waitingSince: null, noResponseNeeded: false, ...over,
  };
}
const customer = (over: Partial<CustomerHistory> = {}): CustomerHistory => ({ previousTickets: 0, previousClaims: 0, lifetimeValueMinor: 0, ...over });

const assess = (over: Partial<RiskInput>, config?: RiskConfig): RiskAssessment => assessRisk(input(over), NOW, config);
const find = (r: RiskAssessment, code: string): RiskFactor | undefined => r.factors.find((f) => f.code === code);
/** code → points, in the assessment's order. */
const points = (r: RiskAssessment): [string, number][] => r.factors.map((f) => [f.code, f.points]);

describe('DEFAULT_RISK_CONFIG', () => {
  it('ships the documented thresholds', () => {
    expect(DEFAULT_RISK_CONFIG).toEqual({
      highValueMinor: { USD: 10_000, EUR: 10_000, GBP: 10_000, JPY: 15_000, '*': 10_000 },
      keyCustomerMinor: { USD: 50_000, EUR: 50_000, GBP: 50_000, JPY: 75_000, '*': 50_000 },
      stallDays: 4,
      firstScanGraceHours: 48,
      amazonResponseWindowMs: 24 * H,
      repeatClaims: 2,
    });
  });
});

describe('trackingState', () => {
  const AMAZON_FBM: TrackingContext = { channel: 'amazon', fulfillment: 'FBM' };
  const cases: [string, OrderFacts | null, TrackingContext, TrackingState][] = [
    ['no order', null, AMAZON_FBM, 'unknown'],
    ['no shipment', order({ shipments: [] }), AMAZON_FBM, 'not_shipped'],
    ['no tracking number', order({ shipments: [shipment({ trackingNumber: null })] }), AMAZON_FBM, 'none_uploaded'],
    ['blank tracking number', order({ shipments: [shipment({ trackingNumber: '  ' })] }), {}, 'none_uploaded'],
    ['Amazon FBM: tracking not uploaded', order({ shipments: [shipment({ uploadedToMarketplace: false })] }), AMAZON_FBM, 'none_uploaded'],
    ['Amazon FBM: not uploaded, even if delivered', order({ shipments: [shipment({ uploadedToMarketplace: false, status: 'delivered', deliveredAt: ago(1) })] }), AMAZON_FBM, 'none_uploaded'],
    ['TikTok Shop: tracking not uploaded', order({ shipments: [shipment({ uploadedToMarketplace: false })] }), { channel: 'tiktok', fulfillment: 'TIKTOK' }, 'none_uploaded'],
    ['Amazon FBA: upload flag irrelevant', order({ shipments: [shipment({ uploadedToMarketplace: false })] }), { channel: 'amazon', fulfillment: 'FBA' }, 'in_transit'],
    ['Shopify: upload flag irrelevant', order({ shipments: [shipment({ uploadedToMarketplace: false })] }), { channel: 'shopify', fulfillment: 'SHOPIFY' }, 'in_transit'],
    ['no context: upload flag not checked', order({ shipments: [shipment({ uploadedToMarketplace: false })] }), {}, 'in_transit'],
    ['pending, 47 h after shipping (grace)', order({ shipments: [shipment({ status: 'pending', shippedAt: ago(47), lastEventAt: null })] }), AMAZON_FBM, 'in_transit'],
    ['pending, exactly 48 h after shipping', order({ shipments: [shipment({ status: 'pending', shippedAt: ago(48), lastEventAt: null })] }), AMAZON_FBM, 'no_carrier_scan'],
    ['info_received, 72 h after shipping', order({ shipments: [shipment({ status: 'info_received', shippedAt: ago(72), lastEventAt: ago(71) })] }), AMAZON_FBM, 'no_carrier_scan'],
    ['pending, no ship time: grace from purchase (50 h)', order({ purchasedAt: ago(50), shipments: [shipment({ status: 'pending', shippedAt: null, lastEventAt: null })] }), AMAZON_FBM, 'no_carrier_scan'],
    ['in transit, last event 4 d minus 1 min ago', order({ shipments: [shipment({ lastEventAt: new Date(ago(96).getTime() + 60_000) })] }), AMAZON_FBM, 'in_transit'],
    ['in transit, last event exactly 4 d ago', order({ shipments: [shipment({ shippedAt: ago(120), lastEventAt: ago(96) })] }), AMAZON_FBM, 'stalled'],
    ['in transit, no event: stall from shipping (5 d)', order({ shipments: [shipment({ shippedAt: ago(120), lastEventAt: null })] }), AMAZON_FBM, 'stalled'],
    ['out for delivery', order({ shipments: [shipment({ status: 'out_for_delivery', lastEventAt: ago(1) })] }), AMAZON_FBM, 'in_transit'],
    ['out for delivery, silent for 5 d', order({ shipments: [shipment({ status: 'out_for_delivery', shippedAt: ago(200), lastEventAt: ago(120) })] }), AMAZON_FBM, 'stalled'],
    ['exception', order({ shipments: [shipment({ status: 'exception' })] }), AMAZON_FBM, 'exception'],
    ['attempt failed', order({ shipments: [shipment({ status: 'attempt_fail' })] }), AMAZON_FBM, 'exception'],
    ['expired', order({ shipments: [shipment({ status: 'expired' })] }), AMAZON_FBM, 'exception'],
    ['delivered', order({ shipments: [shipment({ status: 'delivered', deliveredAt: ago(5) })] }), AMAZON_FBM, 'delivered'],
    ['available for pickup', order({ shipments: [shipment({ status: 'available_for_pickup' })] }), AMAZON_FBM, 'delivered'],
    ['unknown carrier status', order({ shipments: [shipment({ status: 'weird' })] }), AMAZON_FBM, 'unknown'],
    ['best shipment: exception + delivered', order({ shipments: [shipment({ status: 'exception' }), shipment({ status: 'delivered', deliveredAt: ago(3) })] }), AMAZON_FBM, 'delivered'],
    ['best shipment: stalled + moving', order({ shipments: [shipment({ lastEventAt: ago(200) }), shipment({ lastEventAt: ago(3) })] }), AMAZON_FBM, 'in_transit'],
    ['best shipment: exception + stalled', order({ shipments: [shipment({ status: 'exception' }), shipment({ lastEventAt: ago(100) })] }), AMAZON_FBM, 'stalled'],
    ['best shipment: no tracking + never scanned', order({ shipments: [shipment({ trackingNumber: null }), shipment({ status: 'pending', shippedAt: ago(60) })] }), AMAZON_FBM, 'no_carrier_scan'],
  ];
  it.each(cases)('%s → %s', (_name, o, context, expected) => {
    expect(trackingState(o, NOW, DEFAULT_RISK_CONFIG, context)).toBe(expected);
  });

  it.each([
    // stallDays, graceHours, shipment, expected
    [2, 48, shipment({ lastEventAt: ago(48) }), 'stalled'],
    [2, 48, shipment({ lastEventAt: ago(47) }), 'in_transit'],
    [4, 24, shipment({ status: 'pending', shippedAt: ago(24), lastEventAt: null }), 'no_carrier_scan'],
    [4, 24, shipment({ status: 'pending', shippedAt: ago(23), lastEventAt: null }), 'in_transit'],
  ] as const)('configured stallDays %i / grace %i h', (stallDays, firstScanGraceHours, s, expected) => {
    expect(trackingState(order({ shipments: [s] }), NOW, { ...DEFAULT_RISK_CONFIG, stallDays, firstScanGraceHours })).toBe(expected);
  });
});

describe('assessRisk: every factor code', () => {
  const delivered = order({ shipments: [shipment({ status: 'delivered', deliveredAt: ago(20) })] });
  const cases: [string, Partial<RiskInput>, number, string][] = [
    ['channel.amazon', {}, 30, '24 h'],
    ['channel.tiktok', { channel: 'tiktok', fulfillment: 'TIKTOK' }, 15, '+15'],
    ['channel.shopify', { channel: 'shopify', fulfillment: 'SHOPIFY' }, 10, '+10'],
    ['channel.email', { channel: 'email', fulfillment: null }, 5, '+5'],
    ['channel.instagram', { channel: 'instagram', fulfillment: null }, 5, '+5'],
    ['channel.other', { channel: 'fake', fulfillment: null }, 5, 'fake message'],
    ['fulfillment.fbm_delivery', { intent: 'where_is_my_order' }, 25, 'own liability'],
    ['fulfillment.fba_delivery', { fulfillment: 'FBA', intent: 'where_is_my_order' }, 5, 'Amazon handles FBA delivery'],
    ['intent.where_is_my_order', { channel: 'shopify', fulfillment: 'SHOPIFY', intent: 'where_is_my_order' }, 10, '+10'],
    ['intent.not_received', { intent: 'not_received' }, 25, 'A-to-z'],
    ['intent.damaged_defective', { intent: 'damaged_defective' }, 20, 'A-to-z'],
    ['intent.wrong_item', { intent: 'wrong_item' }, 15, 'wrong item'],
    ['intent.refund_request', { intent: 'refund_request' }, 10, 'refund'],
    ['intent.return_request', { intent: 'return_request' }, 10, 'return'],
    ['intent.payment_issue', { intent: 'payment_issue' }, 10, 'payment'],
    ['intent.complaint', { intent: 'complaint' }, 10, 'unhappy'],
    ['intent.cancel_order', { intent: 'cancel_order', order: order({ shipments: [] }) }, 20, 'before it ships'],
    ['intent.change_order', { intent: 'change_order', order: order({ shipments: [] }) }, 20, 'before it ships'],
    ['intent.thanks', { intent: 'thanks' }, -20, '−20'],
    ['signal.a_to_z_threat', { signals: ['a_to_z_threat'] }, 50, 'A-to-z'],
    ['signal.chargeback_threat', { signals: ['chargeback_threat'] }, 50, 'chargeback'],
    ['signal.safety_issue', { signals: ['safety_issue'] }, 50, 'safety'],
    ['signal.counterfeit_claim', { signals: ['counterfeit_claim'] }, 50, 'counterfeit'],
    ['signal.legal_threat', { signals: ['legal_threat'] }, 50, 'legal'],
    ['signal.negative_feedback_threat', { signals: ['negative_feedback_threat'] }, 40, 'negative feedback'],
    ['order.high_value', { order: order({ totalMinor: 12_345 }) }, 15, '123.45 USD ≥ 100.00 USD'],
    ['order.late', { order: order({ promisedDeliveryBy: ago(30) }) }, 15, '30 h (1 d) past the promised delivery date'],
    ['order.not_shipped_late', { order: order({ shipments: [], promisedShipBy: ago(6) }) }, 20, '6 h after the promised ship-by date'],
    ['tracking.none_uploaded', { order: order({ shipments: [shipment({ uploadedToMarketplace: false })] }) }, 20, 'Valid Tracking Rate'],
    ['tracking.no_carrier_scan', { order: order({ shipments: [shipment({ status: 'info_received', shippedAt: ago(50) })] }) }, 15, '48 h'],
    ['tracking.stalled', { order: order({ shipments: [shipment({ shippedAt: ago(150), lastEventAt: ago(125) })] }) }, 15, 'no carrier event for 5 days (limit 4)'],
    ['tracking.exception', { order: order({ shipments: [shipment({ status: 'attempt_fail' })] }) }, 20, '(attempt_fail)'],
    ['tracking.delivered_disputed', { intent: 'not_received', order: delivered }, 20, `delivered on ${ago(20).toISOString()}`],
    ['customer.repeat_claims', { customer: customer({ previousClaims: 3, previousTickets: 5 }) }, 10, '3 earlier claims (threshold 2)'],
    ['customer.key_customer', { customer: customer({ lifetimeValueMinor: 60_000 }) }, 10, '600.00 USD ≥ 500.00 USD'],
    ['clock.amazon_24h', { waitingSince: ago(1) }, 5, '23 h left'],
  ];
  it.each(cases)('%s', (code, over, expectedPoints, textPart) => {
    const f = find(assess(over), code);
    expect(f?.points).toBe(expectedPoints);
    expect(f?.text).toContain(textPart);
  });
});

describe('assessRisk: channels', () => {
  it.each([
    // channel, fulfillment, factor code, score, level
    ['amazon', 'FBA', 'channel.amazon', 30, 'normal'],
    ['tiktok', 'TIKTOK', 'channel.tiktok', 15, 'low'],
    ['shopify', 'SHOPIFY', 'channel.shopify', 10, 'low'],
    ['email', null, 'channel.email', 5, 'low'],
    ['instagram', null, 'channel.instagram', 5, 'low'],
    ['fake', null, 'channel.other', 5, 'low'],
  ] as const)('%s → %s, score %i, %s', (channel, fulfillment, code, score, level) => {
    const r = assess({ channel, fulfillment, marketplace: null });
    expect(points(r)).toEqual([[code, score]]);
    expect(r.score).toBe(score);
    expect(r.level).toBe(level);
    expect(find(r, code)?.data).toEqual({ channel });
  });

  it('names the Amazon marketplace', () => {
    const f = find(assess({ marketplace: 'DE' }), 'channel.amazon');
    expect(f?.text).toMatch(/^Amazon DE message: must be answered within 24 h/);
    expect(f?.data).toEqual({ channel: 'amazon', marketplace: 'DE' });
  });
});

describe('assessRisk: Amazon critical minimums', () => {
  // Each case scores below 80 on Amazon, so only the minimum can make it critical; the same facts elsewhere.
  const cases: [string, Partial<RiskInput>, string, number, number, string, string | undefined][] = [
    // name, facts, factor, Amazon score, Shopify score, Shopify level, Shopify forcesLevel
    ['A-to-z threat', { intent: 'thanks', signals: ['a_to_z_threat'] }, 'signal.a_to_z_threat', 60, 30, 'normal', undefined],
    ['chargeback threat', { intent: 'thanks', signals: ['chargeback_threat'] }, 'signal.chargeback_threat', 60, 40, 'normal', undefined],
    ['safety issue', { intent: 'thanks', signals: ['safety_issue'] }, 'signal.safety_issue', 60, 40, 'high', 'high'],
    ['counterfeit claim', { intent: 'thanks', signals: ['counterfeit_claim'] }, 'signal.counterfeit_claim', 60, 20, 'normal', undefined],
    ['negative feedback threat', { intent: 'thanks', signals: ['negative_feedback_threat'] }, 'signal.negative_feedback_threat', 50, 10, 'low', undefined],
    ['not received (primary)', { intent: 'not_received', fulfillment: null }, 'intent.not_received', 55, 35, 'normal', undefined],
    ['not received (extra intent)', { intent: 'product_question', intents: ['not_received'], fulfillment: null }, 'intent.not_received', 55, 35, 'normal', undefined],
    ['damaged/defective (primary)', { intent: 'damaged_defective' }, 'intent.damaged_defective', 50, 30, 'normal', undefined],
    ['damaged/defective (extra intent)', { intent: 'refund_request', intents: ['damaged_defective'] }, 'intent.damaged_defective', 60, 40, 'normal', undefined],
  ];
  it.each(cases)('%s: critical on Amazon', (_name, over, code, amazonScore) => {
    const r = assess(over);
    expect(r.score).toBe(amazonScore);
    expect(r.level).toBe('critical');
    expect(find(r, code)?.forcesCritical).toBe(true);
    expect(r.factors[0]?.code).toBe(code);
    expect(find(r, code)?.text).toContain('critical at least');
  });
  it.each(cases)('%s: only points on Shopify', (_name, over, code, _amazonScore, score, level, forcesLevel) => {
    const r = assess({ ...over, channel: 'shopify', fulfillment: 'SHOPIFY', marketplace: null });
    expect(r.score).toBe(score);
    expect(r.level).toBe(level);
    expect(find(r, code)?.forcesCritical).toBeUndefined();
    expect(find(r, code)?.forcesLevel).toBe(forcesLevel);
  });

  it('a legal threat is no minimum: high on points alone', () => {
    const r = assess({ intent: 'thanks', signals: ['legal_threat'] });
    expect([r.score, r.level, find(r, 'signal.legal_threat')?.forcesCritical]).toEqual([60, 'high', undefined]);
  });

  it('signal points differ on and off Amazon', () => {
    const signals = ['a_to_z_threat', 'chargeback_threat', 'safety_issue', 'counterfeit_claim', 'legal_threat', 'negative_feedback_threat'];
    const pts = (channel: string): number[] => signals.map((s) => find(assess({ channel, signals }), `signal.${s}`)?.points ?? NaN);
    expect(pts('amazon')).toEqual([50, 50, 50, 50, 50, 40]);
    expect(pts('email')).toEqual([40, 50, 50, 30, 50, 20]);
  });
});

describe('assessRisk: FBA vs FBM delivery questions', () => {
  it.each([
    // fulfillment, intent, factors, score, level
    ['FBM', 'where_is_my_order', [['channel.amazon', 30], ['fulfillment.fbm_delivery', 25]], 55, 'high'],
    ['FBA', 'where_is_my_order', [['channel.amazon', 30], ['fulfillment.fba_delivery', 5]], 35, 'normal'],
    ['FBM', 'not_received', [['intent.not_received', 25], ['channel.amazon', 30], ['fulfillment.fbm_delivery', 25]], 80, 'critical'],
    ['FBA', 'not_received', [['intent.not_received', 25], ['channel.amazon', 30], ['fulfillment.fba_delivery', 5]], 60, 'critical'],
    ['MCF', 'where_is_my_order', [['channel.amazon', 30], ['intent.where_is_my_order', 10]], 40, 'normal'],
    ['FBM', 'product_question', [['channel.amazon', 30]], 30, 'normal'],
  ] as const)('%s %s', (fulfillment, intent, factors, score, level) => {
    const r = assess({ fulfillment, intent });
    expect(points(r)).toEqual(factors);
    expect([r.score, r.level]).toEqual([score, level]);
  });

  it('explains who owns the delivery', () => {
    expect(find(assess({ intent: 'where_is_my_order' }), 'fulfillment.fbm_delivery')?.text).toBe(
      "FBM delivery question: the seller ships, so the delivery is the seller's own liability — Late Shipment Rate, Valid Tracking Rate and A-to-z claims count against the seller (+25)");
    const fba = find(assess({ fulfillment: 'FBA', intent: 'where_is_my_order' }), 'fulfillment.fba_delivery');
    expect(fba?.text).toBe('FBA delivery question: Amazon handles FBA delivery — answer within 24 h and point the buyer to the tracking in their Amazon orders (+5)');
    expect(fba?.data).toEqual({ fulfillment: 'FBA', intent: 'where_is_my_order' });
  });

  it('FBA: tracking and lateness are Amazon\'s, not counted, but the state is reported', () => {
    const r = assess({ fulfillment: 'FBA', intent: 'where_is_my_order', order: order({ promisedDeliveryBy: ago(100), shipments: [shipment({ lastEventAt: ago(150) })] }) });
    expect(r.trackingState).toBe('stalled');
    expect(points(r)).toEqual([['channel.amazon', 30], ['fulfillment.fba_delivery', 5]]);
  });
});

describe('assessRisk: intents', () => {
  it.each([
    // intent, intents, expected intent factors (code, points)
    ['wrong_item', [], [['intent.wrong_item', 15]]],
    ['refund_request', ['return_request'], [['intent.refund_request', 10], ['intent.return_request', 10]]],
    ['refund_request', ['refund_request'], [['intent.refund_request', 10]]],
    ['payment_issue', [], [['intent.payment_issue', 10]]],
    ['complaint', ['wrong_item'], [['intent.wrong_item', 15], ['intent.complaint', 10]]],
    ['thanks', [], [['intent.thanks', -20]]],
    [null, ['thanks'], [['intent.thanks', -20]]],
    ['refund_request', ['thanks'], [['intent.refund_request', 10]]],
    ['product_question', [], []],
    [null, [], []],
  ] as const)('%s + %j', (intent, intents, expected) => {
    const r = assess({ channel: 'email', fulfillment: null, intent, intents });
    expect(points(r).filter(([c]) => c.startsWith('intent.'))).toEqual(expected);
  });

  it.each([
    // intent, order, points, shipped
    ['cancel_order', order({ shipments: [] }), 20, false],
    ['cancel_order', order(), 5, true],
    ['cancel_order', null, 10, 'unknown'],
    ['change_order', order({ shipments: [] }), 20, false],
    ['change_order', order({ shipments: [shipment({ status: 'delivered', deliveredAt: ago(1) })] }), 5, true],
    ['change_order', null, 10, 'unknown'],
  ] as const)('%s: before or after shipping (%#)', (intent, o, expected, shipped) => {
    const f = find(assess({ intent, order: o }), `intent.${intent}`);
    expect(f?.points).toBe(expected);
    expect(f?.data).toEqual({ intent, shipped });
  });

  it('a thank-you lowers the score and the level', () => {
    expect([assess({ intent: 'product_question' }).score, assess({ intent: 'thanks' }).score]).toEqual([30, 10]);
    expect([assess({ intent: 'product_question' }).level, assess({ intent: 'thanks' }).level]).toEqual(['normal', 'low']);
  });
});

describe('assessRisk: order value', () => {
  it.each([
    // currency, total, config, thresholdMinor or null (no factor), fallback, text
    ['USD', 9_999, DEFAULT_RISK_CONFIG, null, false, ''],
    ['USD', 10_000, DEFAULT_RISK_CONFIG, 10_000, false, 'high-value order: 100.00 USD ≥ 100.00 USD (+15)'],
    ['EUR', 25_000, DEFAULT_RISK_CONFIG, 10_000, false, 'high-value order: 250.00 EUR ≥ 100.00 EUR (+15)'],
    ['GBP', 9_999, DEFAULT_RISK_CONFIG, null, false, ''],
    ['JPY', 14_999, DEFAULT_RISK_CONFIG, null, false, ''],
    ['JPY', 15_000, DEFAULT_RISK_CONFIG, 15_000, false, 'high-value order: 15000 JPY ≥ 15000 JPY (+15)'],
    ['SEK', 10_000, DEFAULT_RISK_CONFIG, 10_000, true, 'high-value order: 100.00 SEK ≥ 100.00 SEK (fallback threshold) (+15)'],
    ['SEK', 9_999, DEFAULT_RISK_CONFIG, null, false, ''],
    ['CHF', 1_000_000, { ...DEFAULT_RISK_CONFIG, highValueMinor: { USD: 10_000 } }, null, false, ''],
  ] as const)('%s %i', (currency, totalMinor, config, thresholdMinor, fallbackThreshold, text) => {
    const f = find(assess({ order: order({ currency, totalMinor }) }, config), 'order.high_value');
    if (thresholdMinor === null) {
      expect(f).toBeUndefined();
    } else {
      expect(f?.points).toBe(15);
      expect(f?.text).toBe(text);
      expect(f?.data).toEqual({ totalMinor, currency, thresholdMinor, fallbackThreshold });
    }
  });
});

describe('assessRisk: lateness', () => {
  const moving = [shipment({ lastEventAt: ago(1) })];
  it.each([
    // name, order, fulfillment, expected order.late [points, hoursLate, daysLate, delivered] or null
    ['promised exactly now: not late', order({ promisedDeliveryBy: NOW, shipments: moving }), 'FBM', null],
    ['5 h late in transit', order({ promisedDeliveryBy: ago(5), shipments: moving }), 'FBM', [10, 5, 0, false]],
    ['24 h late', order({ promisedDeliveryBy: ago(24), shipments: moving }), 'FBM', [15, 24, 1, false]],
    ['71 h late', order({ promisedDeliveryBy: ago(71), shipments: moving }), 'FBM', [15, 71, 2, false]],
    ['72 h late: A-to-z eligible', order({ promisedDeliveryBy: ago(72), shipments: moving }), 'FBM', [25, 72, 3, false]],
    ['delivered 30 h after the promise', order({ promisedDeliveryBy: ago(50), shipments: [shipment({ status: 'delivered', deliveredAt: ago(20) })] }), 'FBM', [5, 30, 1, true]],
    ['delivered before the promise', order({ promisedDeliveryBy: ago(10), shipments: [shipment({ status: 'delivered', deliveredAt: ago(20) })] }), 'FBM', null],
    ['delivered, no delivery time', order({ promisedDeliveryBy: ago(10), shipments: [shipment({ status: 'delivered', deliveredAt: null })] }), 'FBM', null],
    ['no promised date', order({ promisedDeliveryBy: null, shipments: moving }), 'FBM', null],
    ['FBA: Amazon\'s delivery', order({ promisedDeliveryBy: ago(100), shipments: moving }), 'FBA', null],
    ['cancelled order', order({ status: 'Canceled', promisedDeliveryBy: ago(100), shipments: moving }), 'FBM', null],
    ['Shopify order late too', order({ promisedDeliveryBy: ago(80), shipments: moving }), 'SHOPIFY', [25, 80, 3, false]],
  ] as const)('%s', (_name, o, fulfillment, expected) => {
    const f = find(assess({ order: o, fulfillment }), 'order.late');
    if (expected === null) {
      expect(f).toBeUndefined();
    } else {
      const [pts, hoursLate, daysLate, delivered] = expected;
      expect(f?.points).toBe(pts);
      expect(f?.data).toEqual({ hoursLate, daysLate, delivered, promisedDeliveryBy: o.promisedDeliveryBy?.toISOString() });
      expect(f?.text).toContain(`${hoursLate} h (${daysLate} d)`);
    }
  });

  it('the A-to-z window is named once the order is 3 days late', () => {
    expect(find(assess({ order: order({ promisedDeliveryBy: ago(72), shipments: moving }) }), 'order.late')?.text).toBe(
      '72 h (3 d) past the promised delivery date and not delivered: 3 days late, the buyer can file an A-to-z claim (+25)');
  });

  it.each([
    // name, order, expected data or null
    ['past the ship-by date', order({ shipments: [], promisedShipBy: ago(30), promisedDeliveryBy: ago(-48) }), { hoursLate: 30, basis: 'promisedShipBy', deadline: ago(30).toISOString() }],
    ['no ship-by date: past the delivery date', order({ shipments: [], promisedDeliveryBy: ago(10) }), { hoursLate: 10, basis: 'promisedDeliveryBy', deadline: ago(10).toISOString() }],
    ['ship-by date still ahead', order({ shipments: [], promisedShipBy: ago(-2) }), null],
    ['shipped', order({ promisedShipBy: ago(30) }), null],
  ] as const)('not shipped in time: %s', (_name, o, data) => {
    const f = find(assess({ order: o }), 'order.not_shipped_late');
    if (data === null) expect(f).toBeUndefined();
    else expect([f?.points, f?.data]).toEqual([20, data]);
  });

  it('not shipped and past the delivery date: both factors', () => {
    const r = assess({ order: order({ shipments: [], promisedDeliveryBy: ago(10) }) });
    expect(points(r)).toEqual([['channel.amazon', 30], ['order.not_shipped_late', 20], ['order.late', 10]]);
    expect(r.trackingState).toBe('not_shipped');
  });
});

describe('assessRisk: tracking state factors', () => {
  it.each([
    // name, intent, shipments, trackingState, factor [code, points] or null
    ['none uploaded', 'where_is_my_order', [shipment({ trackingNumber: null })], 'none_uploaded', ['tracking.none_uploaded', 20]],
    ['never scanned', 'where_is_my_order', [shipment({ status: 'pending', shippedAt: ago(60), lastEventAt: null })], 'no_carrier_scan', ['tracking.no_carrier_scan', 15]],
    ['within scan grace', 'where_is_my_order', [shipment({ status: 'pending', shippedAt: ago(10), lastEventAt: null })], 'in_transit', null],
    ['stalled', 'where_is_my_order', [shipment({ lastEventAt: ago(100) })], 'stalled', ['tracking.stalled', 15]],
    ['exception', 'where_is_my_order', [shipment({ status: 'exception' })], 'exception', ['tracking.exception', 20]],
    ['moving', 'where_is_my_order', [shipment()], 'in_transit', null],
    ['delivered, buyer says not received', 'not_received', [shipment({ status: 'delivered', deliveredAt: ago(30) })], 'delivered', ['tracking.delivered_disputed', 20]],
    ['delivered, buyer only asks', 'where_is_my_order', [shipment({ status: 'delivered', deliveredAt: ago(30) })], 'delivered', null],
    ['not shipped', 'where_is_my_order', [], 'not_shipped', null],
  ] as const)('%s', (_name, intent, shipments, state, factor) => {
    const r = assess({ intent, order: order({ shipments }) });
    expect(r.trackingState).toBe(state);
    const tracking = points(r).filter(([c]) => c.startsWith('tracking.'));
    expect(tracking).toEqual(factor === null ? [] : [factor]);
  });

  it('gives the numbers: days without an event, carrier status, delivery time', () => {
    const stalled = find(assess({ order: order({ shipments: [shipment({ lastEventAt: ago(130) })] }) }), 'tracking.stalled');
    expect(stalled?.data).toEqual({ state: 'stalled', daysSinceEvent: 5, stallDays: 4 });
    const exception = find(assess({ order: order({ shipments: [shipment({ status: 'expired', carrier: 'DHL' })] }) }), 'tracking.exception');
    expect(exception?.data).toEqual({ state: 'exception', status: 'expired', carrier: 'DHL' });
    const disputed = find(assess({ intent: 'refund_request', intents: ['not_received'], order: order({ shipments: [shipment({ status: 'delivered', deliveredAt: ago(30) })] }) }), 'tracking.delivered_disputed');
    expect(disputed?.text).toBe(`tracking shows delivered on ${ago(30).toISOString()} but the buyer says it never arrived: eligible for an A-to-z claim — get the proof of delivery (+20)`);
    expect(disputed?.data).toEqual({ state: 'delivered', deliveredAt: ago(30).toISOString() });
  });

  it('Shopify: the upload flag does not matter, a missing tracking number does', () => {
    const base = { channel: 'shopify', fulfillment: 'SHOPIFY', intent: 'where_is_my_order' } as const;
    expect(assess({ ...base, order: order({ shipments: [shipment({ uploadedToMarketplace: false })] }) }).trackingState).toBe('in_transit');
    const r = assess({ ...base, order: order({ shipments: [shipment({ trackingNumber: null })] }) });
    expect(find(r, 'tracking.none_uploaded')?.text).toBe('shipped without a tracking number the buyer can see: nothing to prove delivery with (+20)');
  });
});

describe('assessRisk: customer history', () => {
  it.each([
    // previousClaims, factor expected
    [0, false],
    [1, false],
    [2, true],
    [7, true],
  ] as const)('%i earlier claims → repeat claimant: %s', (previousClaims, expected) => {
    const f = find(assess({ customer: customer({ previousClaims, previousTickets: 9 }) }), 'customer.repeat_claims');
    if (!expected) {
      expect(f).toBeUndefined();
    } else {
      expect(f?.points).toBe(10);
      expect(f?.text).toContain(`${previousClaims} earlier claims (threshold 2)`);
      expect(f?.text).toContain('possible abuse');
      expect(f?.data).toEqual({ previousClaims, previousTickets: 9, threshold: 2 });
    }
  });

  it.each([
    // name, facts, lifetime value, expected data or null, text
    ['USD below', { order: order() }, 49_999, null, ''],
    ['USD at threshold', { order: order() }, 50_000, { currency: 'USD', thresholdMinor: 50_000 }, 'key customer: lifetime value 500.00 USD ≥ 500.00 USD (+10)'],
    ['JPY from the order', { order: order({ currency: 'JPY', totalMinor: 3_000 }) }, 75_000, { currency: 'JPY', thresholdMinor: 75_000 }, 'key customer: lifetime value 75000 JPY ≥ 75000 JPY (+10)'],
    ['JPY below', { order: order({ currency: 'JPY', totalMinor: 3_000 }) }, 74_999, null, ''],
    ['no order: the marketplace currency (DE → EUR)', { marketplace: 'DE' }, 80_000, { currency: 'EUR', thresholdMinor: 50_000 }, 'key customer: lifetime value 800.00 EUR ≥ 500.00 EUR (+10)'],
    ['no order, no marketplace: fallback', { marketplace: null, channel: 'email' }, 50_000, { currency: '*', thresholdMinor: 50_000 }, 'key customer: lifetime value 50000 (minor units) ≥ 50000 (minor units) (+10)'],
  ] as const)('key customer: %s', (_name, over, lifetimeValueMinor, data, text) => {
    const f = find(assess({ ...over, customer: customer({ lifetimeValueMinor }) }), 'customer.key_customer');
    if (data === null) {
      expect(f).toBeUndefined();
    } else {
      expect(f?.points).toBe(10);
      expect(f?.data).toEqual({ lifetimeValueMinor, ...data });
      expect(f?.text).toBe(text);
    }
  });

  it('a configured repeat-claims threshold', () => {
    const config = { ...DEFAULT_RISK_CONFIG, repeatClaims: 5 };
    expect(find(assess({ customer: customer({ previousClaims: 4 }) }, config), 'customer.repeat_claims')).toBeUndefined();
    expect(find(assess({ customer: customer({ previousClaims: 5 }) }, config), 'customer.repeat_claims')?.data.threshold).toBe(5);
  });
});

describe('assessRisk: the Amazon 24 h clock', () => {
  it.each([
    // hours waiting, points, hours left, breached, text
    [1, 5, 23, false, 'Amazon 24 h response rule: 23 h left'],
    [12, 5, 12, false, 'Amazon 24 h response rule: 12 h left'],
    [13, 10, 11, false, 'Amazon 24 h response rule: 11 h left'],
    [20, 10, 4, false, 'Amazon 24 h response rule: 4 h left'],
    [21, 20, 3, false, 'Amazon 24 h response rule: 3 h left'],
    [23.5, 20, 0.5, false, 'Amazon 24 h response rule: 0.5 h left'],
    [24, 30, 0, true, 'Amazon 24 h response rule breached 0 h ago'],
    [26, 30, -2, true, 'Amazon 24 h response rule breached 2 h ago'],
  ] as const)('waiting %s h → +%i', (waiting, pts, hoursLeft, breached, text) => {
    const r = assess({ waitingSince: ago(waiting) });
    const f = find(r, 'clock.amazon_24h');
    expect(f?.points).toBe(pts);
    expect(f?.data).toEqual({ hoursLeft, breached, dueAt: ago(waiting - 24).toISOString(), waitingSince: ago(waiting).toISOString() });
    expect(f?.text).toContain(text);
    expect(f?.text).toContain(`due ${ago(waiting - 24).toISOString()}`);
    expect(r.score).toBe(30 + pts);
  });

  it.each([
    ['no message waiting', { waitingSince: null }],
    ['marked "no response needed"', { waitingSince: ago(20), noResponseNeeded: true }],
    ['not Amazon', { waitingSince: ago(30), channel: 'shopify', fulfillment: 'SHOPIFY' }],
  ] as const)('no clock factor: %s', (_name, over) => {
    expect(find(assess(over), 'clock.amazon_24h')).toBeUndefined();
  });

  it('a configured window', () => {
    const f = find(assess({ waitingSince: ago(10) }, { ...DEFAULT_RISK_CONFIG, amazonResponseWindowMs: 12 * H }), 'clock.amazon_24h');
    expect([f?.points, f?.data.hoursLeft]).toEqual([20, 2]);
    expect(f?.text).toContain('Amazon 12 h response rule: 2 h left');
  });
});

describe('assessRisk: score, level and order of factors', () => {
  it.each([
    // name, facts, score, level (no Amazon minimums involved)
    ['e-mail thanks', { channel: 'email', intent: 'thanks' }, 0, 'low'],
    ['Shopify WISMO: 20 is normal', { channel: 'shopify', intent: 'where_is_my_order' }, 20, 'normal'],
    ['TikTok wrong item, high value: 45', { channel: 'tiktok', intent: 'wrong_item', order: order({ totalMinor: 20_000, shipments: [] }) }, 45, 'normal'],
    ['… and a key customer: 55 is high', { channel: 'tiktok', intent: 'wrong_item', order: order({ totalMinor: 20_000, shipments: [] }), customer: customer({ lifetimeValueMinor: 90_000 }) }, 55, 'high'],
    ['Shopify chargeback + refund: 70', { channel: 'shopify', signals: ['chargeback_threat'], intent: 'refund_request' }, 70, 'high'],
    ['… and a repeat claimant: 80 is critical', { channel: 'shopify', signals: ['chargeback_threat'], intent: 'refund_request', customer: customer({ previousClaims: 2 }) }, 80, 'critical'],
  ] as const)('%s', (_name, over, score, level) => {
    const r = assess({ fulfillment: null, marketplace: null, ...over });
    expect([r.score, r.level]).toEqual([score, level]);
  });

  it('clamps the score to 0..100', () => {
    const high = assess({
      intent: 'not_received', signals: ['a_to_z_threat', 'chargeback_threat', 'legal_threat'], waitingSince: ago(30),
      order: order({ totalMinor: 50_000, promisedDeliveryBy: ago(100), shipments: [shipment({ lastEventAt: ago(150) })] }),
    });
    expect(high.factors.reduce((s, f) => s + f.points, 0)).toBe(315);
    expect([high.score, high.level]).toEqual([100, 'critical']);
    const low = assess({ channel: 'email', fulfillment: null, intent: 'thanks' });
    expect(points(low)).toEqual([['channel.email', 5], ['intent.thanks', -20]]);
    expect([low.score, low.level]).toEqual([0, 'low']);
  });

  it('orders factors: critical floors, then high floors, then points; negative last', () => {
    const r = assess({
      intent: 'thanks', intents: ['not_received'], signals: ['negative_feedback_threat', 'a_to_z_threat'],
      order: order({ shipments: [shipment({ status: 'delivered', deliveredAt: ago(30) })] }),
      customer: customer({ lifetimeValueMinor: 50_000 }), waitingSince: ago(22),
    });
    expect(points(r)).toEqual([
      ['signal.a_to_z_threat', 50],
      ['signal.negative_feedback_threat', 40],
      ['intent.not_received', 25],
      ['channel.amazon', 30],
      ['fulfillment.fbm_delivery', 25],
      ['tracking.delivered_disputed', 20],
      ['clock.amazon_24h', 20],
      ['customer.key_customer', 10],
      ['intent.thanks', -20],
    ]);
    expect(r.factors.slice(0, 3).every((f) => f.forcesCritical === true)).toBe(true);
    expect([r.score, r.level]).toEqual([100, 'critical']);

    const shopify = assess({ channel: 'shopify', fulfillment: 'SHOPIFY', signals: ['chargeback_threat', 'safety_issue'] });
    expect(points(shopify)).toEqual([['signal.safety_issue', 50], ['signal.chargeback_threat', 50], ['channel.shopify', 10]]);
    expect(shopify.factors[0]?.forcesLevel).toBe('high');
  });

  it('is deterministic: the same facts and now give the same assessment', () => {
    const facts = input({ intent: 'not_received', order: order({ promisedDeliveryBy: ago(30) }), waitingSince: ago(5), customer: customer({ previousClaims: 3 }) });
    expect(assessRisk(facts, NOW)).toEqual(assessRisk(facts, new Date(NOW.getTime())));
    expect(assessRisk(facts, NOW)).toEqual(assessRisk(facts, NOW, DEFAULT_RISK_CONFIG));
  });
});
