import { describe, expect, it } from 'vitest';
import { SlaError } from './calendar.ts';
import {
  AMAZON_RESPONSE_WINDOW_MS,
  DEFAULT_BUSINESS_CALENDAR_ID,
  DEFAULT_SLA_POLICIES,
  defaultBusinessCalendar,
  defaultSlaPolicies,
  effectiveWarnings,
  selectPolicy,
  slaForTicket,
  validatePolicies,
  type SlaPolicy,
  type TicketFacts,
} from './policies.ts';

const H = 3_600_000;
const at = (iso: string): Date => new Date(iso);
const CALENDARS = { [DEFAULT_BUSINESS_CALENDAR_ID]: defaultBusinessCalendar('Europe/Berlin') };

describe('DEFAULT_SLA_POLICIES: selection', () => {
  const cases: [string, TicketFacts, string][] = [
    ['Amazon critical', { channel: 'amazon', marketplace: 'DE', riskLevel: 'critical', intent: 'not_received' }, 'amazon-critical'],
    ['Amazon high', { channel: 'amazon', marketplace: 'US', riskLevel: 'high' }, 'amazon-messages'],
    ['Amazon "thanks", low risk', { channel: 'amazon', riskLevel: 'low', intent: 'thanks' }, 'amazon-messages'],
    ['Amazon, risk not yet known', { channel: 'amazon' }, 'amazon-messages'],
    ['Shopify critical (chargeback)', { channel: 'shopify', riskLevel: 'critical' }, 'marketplace-critical'],
    ['Shopify normal', { channel: 'shopify', riskLevel: 'normal' }, 'shopify'],
    ['TikTok normal', { channel: 'tiktok', riskLevel: 'normal' }, 'tiktok'],
    ['TikTok critical', { channel: 'tiktok', riskLevel: 'critical' }, 'marketplace-critical'],
    ['e-mail', { channel: 'email', riskLevel: 'low' }, 'email'],
    ['Instagram falls back', { channel: 'instagram' }, 'fallback'],
  ];
  it.each(cases)('%s', (_name, facts, id) => {
    expect(selectPolicy(DEFAULT_SLA_POLICIES, facts)?.id).toBe(id);
  });

  it('ships the Amazon rules as stated: 2 h internal for critical, 24 h 24/7 for all, no pause, solving is no answer', () => {
    const byId = new Map(DEFAULT_SLA_POLICIES.map((p) => [p.id, p]));
    const critical = byId.get('amazon-critical')?.targets;
    const all = byId.get('amazon-messages')?.targets;
    expect([critical?.firstResponseMs, critical?.calendar, critical?.pauseWhenWaitingOnCustomer, critical?.solvingStopsResponse]).toEqual([2 * H, 'always', false, false]);
    expect([all?.firstResponseMs, all?.nextResponseMs, all?.calendar, all?.pauseWhenWaitingOnCustomer, all?.solvingStopsResponse]).toEqual([24 * H, 24 * H, 'always', false, false]);
    for (const id of ['tiktok', 'shopify', 'email', 'fallback']) expect(byId.get(id)?.targets.calendar).toBe(DEFAULT_BUSINESS_CALENDAR_ID);
  });

  it('the Amazon window is configuration', () => {
    const p = defaultSlaPolicies({ amazonResponseWindowMs: 12 * H }).find((x) => x.id === 'amazon-messages');
    expect(p?.targets.firstResponseMs).toBe(12 * H);
    expect(AMAZON_RESPONSE_WINDOW_MS).toBe(24 * H);
  });

  it('are valid against a workspace calendar, and invalid without one', () => {
    expect(validatePolicies(DEFAULT_SLA_POLICIES, CALENDARS).ok).toBe(true);
    const missing = validatePolicies(DEFAULT_SLA_POLICIES, {});
    expect(missing.ok).toBe(false);
    expect(!missing.ok && missing.details.length).toBe(5); // the five business-hours policies
  });
});

describe('selectPolicy: order and conditions', () => {
  const target = { firstResponseMs: H, nextResponseMs: null, resolutionMs: null, calendar: 'always', pauseWhenWaitingOnCustomer: false };
  const p = (id: string, priority: number, conditions: SlaPolicy['conditions'], enabled?: boolean): SlaPolicy => ({ id, name: id, priority, conditions, targets: target, enabled });

  const cases: [string, SlaPolicy[], TicketFacts, string | null][] = [
    ['lower priority number wins over list order', [p('general', 50, {}), p('amazon', 10, { channels: ['amazon'] })], { channel: 'amazon' }, 'amazon'],
    ['equal priority: list order', [p('first', 10, {}), p('second', 10, {})], { channel: 'email' }, 'first'],
    ['every given condition must hold', [p('amazon-critical', 1, { channels: ['amazon'], riskLevels: ['critical'] }), p('rest', 2, {})], { channel: 'amazon', riskLevel: 'high' }, 'rest'],
    ['marketplace codes ignore case', [p('de', 1, { marketplaces: ['DE'] })], { channel: 'amazon', marketplace: 'de' }, 'de'],
    ['a marketplace condition needs a marketplace', [p('de', 1, { marketplaces: ['DE'] })], { channel: 'amazon', marketplace: null }, null],
    ['intent condition uses the primary intent', [p('returns', 1, { intents: ['return_request', 'refund_request'] }), p('rest', 2, {})], { channel: 'shopify', intent: 'refund_request' }, 'returns'],
    ['team condition', [p('vip', 1, { teamIds: ['team-vip'] }), p('rest', 2, {})], { channel: 'email', teamId: 'team-other' }, 'rest'],
    ['team condition matches', [p('vip', 1, { teamIds: ['team-vip'] }), p('rest', 2, {})], { channel: 'email', teamId: 'team-vip' }, 'vip'],
    ['a disabled policy is skipped', [p('off', 1, {}, false), p('on', 2, {})], { channel: 'email' }, 'on'],
    ['nothing matches', [p('amazon', 1, { channels: ['amazon'] })], { channel: 'tiktok' }, null],
  ];
  it.each(cases)('%s', (_name, policies, facts, id) => {
    expect(selectPolicy(policies, facts)?.id ?? null).toBe(id);
  });
});

describe('validatePolicies', () => {
  const base: SlaPolicy = { id: 'a', name: 'a', priority: 1, conditions: {}, targets: { firstResponseMs: H, nextResponseMs: null, resolutionMs: null, calendar: 'always', pauseWhenWaitingOnCustomer: false } };
  const cases: [string, SlaPolicy[], RegExp][] = [
    ['duplicate ids', [base, base], /duplicate id/],
    ['zero target', [{ ...base, targets: { ...base.targets, firstResponseMs: 0 } }], /positive number/],
    ['no target at all', [{ ...base, targets: { ...base.targets, firstResponseMs: null } }], /no target/],
    ['a warning fraction of 1.5', [{ ...base, targets: { ...base.targets, warnings: [{ fractionLeft: 1.5 }] } }], /fraction in \(0, 1\)/],
    ['an unknown calendar', [{ ...base, targets: { ...base.targets, calendar: 'nope' } }], /no calendar "nope"/],
  ];
  it.each(cases)('%s', (_name, policies, message) => {
    const r = validatePolicies(policies, CALENDARS);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(message);
  });

  it('effectiveWarnings drops offsets at or beyond the target', () => {
    expect(effectiveWarnings([{ fractionLeft: 0.25 }, { msLeft: 1 * H }, { msLeft: 2 * H }], 2 * H)).toEqual([0.5 * H, 1 * H]);
  });
});

describe('slaForTicket: the defaults end to end', () => {
  const saturday = at('2025-06-14T10:00+02:00');
  const events = [{ type: 'customer_message' as const, at: saturday }];
  const now = at('2025-06-14T11:00+02:00');

  it('a critical Amazon ticket on a Saturday is due 2 hours later (24/7)', () => {
    const r = slaForTicket({ policies: DEFAULT_SLA_POLICIES, calendars: CALENDARS, facts: { channel: 'amazon', riskLevel: 'critical' }, events, now });
    expect(r?.policy.id).toBe('amazon-critical');
    expect(r?.evaluation.firstResponse?.dueAt?.toISOString()).toBe(at('2025-06-14T12:00+02:00').toISOString());
    expect(r?.evaluation.firstResponse?.state).toBe('warning'); // half the 2 h gone
    expect(r?.evaluation.resolution?.dueAt?.toISOString()).toBe(at('2025-06-16T10:00+02:00').toISOString());
  });

  it('a Shopify ticket on a Saturday waits for Monday business hours', () => {
    const r = slaForTicket({ policies: DEFAULT_SLA_POLICIES, calendars: CALENDARS, facts: { channel: 'shopify', riskLevel: 'normal' }, events, now });
    expect(r?.policy.id).toBe('shopify');
    expect(r?.evaluation.firstResponse?.dueAt?.toISOString()).toBe(at('2025-06-16T17:00+02:00').toISOString());
    expect(r?.evaluation.firstResponse?.remainingMs).toBe(8 * H);
  });

  it('a policy naming a calendar the workspace lacks is an error', () => {
    expect(() => slaForTicket({ policies: DEFAULT_SLA_POLICIES, calendars: {}, facts: { channel: 'email' }, events, now })).toThrow(SlaError);
  });
});
