import { describe, it, expect, beforeAll } from 'vitest';
import { generateOrders } from './orders.ts';
import { INTENTS, LANGUAGES, SIGNALS, type DemoConversation, type DemoOrder } from './types.ts';

const NOW = new Date('2026-11-15T12:00:00Z');
let orders: DemoOrder[] = [];
let convs: { o: DemoOrder; c: DemoConversation }[] = [];

beforeAll(() => {
  orders = [...generateOrders({ seed: 42, orders: 2000, now: NOW })];
  convs = orders.flatMap((o) => (o.conversation ? [{ o, c: o.conversation }] : []));
});

const count = <T extends string>(xs: readonly T[]): Record<string, number> =>
  xs.reduce<Record<string, number>>((m, x) => ({ ...m, [x]: (m[x] ?? 0) + 1 }), {});

describe('conversations (2,000 orders)', () => {
  it('exist on about 30 % of orders and cover every intent, language and signal', () => {
    expect(convs.length).toBeGreaterThan(500);
    expect(convs.length).toBeLessThan(700);
    const intents = count(convs.flatMap(({ c }) => c.intents));
    for (const i of INTENTS) expect(intents[i] ?? 0, i).toBeGreaterThan(2);
    const langs = count(convs.map(({ c }) => c.language));
    for (const l of LANGUAGES) expect(langs[l] ?? 0, l).toBeGreaterThan(2);
    const signals = count(convs.flatMap(({ c }) => c.signals));
    for (const s of SIGNALS) expect(signals[s] ?? 0, s).toBeGreaterThan(2);
    expect(convs.some(({ c }) => c.intents.length === 2)).toBe(true);
  });

  it('follow the marketplace language: German mostly on Amazon DE, English mostly in the US', () => {
    const de = convs.filter(({ o }) => o.accountKey === 'amazon-de');
    const us = convs.filter(({ o }) => o.accountKey !== 'amazon-de');
    expect(de.filter(({ c }) => c.language === 'de').length / de.length).toBeGreaterThan(0.6);
    expect(us.filter(({ c }) => c.language === 'en').length / us.length).toBeGreaterThan(0.7);
    expect(us.some(({ c }) => c.language === 'de')).toBe(false);
  });

  it('have unique message ids, threads rooted at the first message, and times in order before now', () => {
    const ids = convs.flatMap(({ c }) => c.messages.map((m) => m.channelMessageId));
    expect(new Set(ids).size).toBe(ids.length);
    for (const { o, c } of convs) {
      expect(c.messages[0]?.direction).toBe('inbound');
      expect(c.threadId).toBe(c.messages[0]?.channelMessageId);
      const times = c.messages.map((m) => m.sentAt.getTime());
      expect([...times].sort((a, b) => a - b)).toEqual(times);
      expect(Math.max(...times)).toBeLessThanOrEqual(NOW.getTime());
      expect(times[0]).toBeGreaterThanOrEqual(o.purchasedAt.getTime());
      if (o.channel !== 'tiktok') for (const m of c.messages) expect(m.channelMessageId).toMatch(/^<[^<>\s]+@[a-z0-9.-]+>$/);
      c.messages.slice(1).forEach((m, i) => expect(m.inReplyTo).toBe(c.messages[i]?.channelMessageId));
    }
    expect(convs.some(({ c }) => c.messages.length >= 3)).toBe(true);
    expect(convs.some(({ c }) => c.messages.length === 1)).toBe(true);
  });

  it('use Amazon relay subjects and quote the order id', () => {
    for (const { o, c } of convs.filter(({ o }) => o.accountKey === 'amazon-us')) {
      expect(c.subject).toMatch(new RegExp(`^(Inquiry|Shipping inquiry|Product details inquiry) from Amazon customer .+ \\(Order: ${o.externalId}\\)$`));
      expect(c.messages[0]?.fromAddress).toBe(o.customer.email);
    }
    for (const { o, c } of convs.filter(({ o }) => o.accountKey === 'amazon-de')) {
      expect(c.subject).toMatch(new RegExp(`^Anfrage von Amazon-Kunde .+ \\(Bestellung: ${o.externalId}\\)$`));
    }
    const ref = (o: DemoOrder): string => o.name ?? o.externalId;
    const quoted = convs.filter(({ o, c }) => (c.messages[0]?.bodyText ?? '').includes(ref(o)));
    expect(quoted.length / convs.length).toBeGreaterThan(0.6);
  });

  it('are consistent with the order: item complaints after delivery, cancel/address changes before shipping', () => {
    for (const { o, c } of convs) {
      const first = c.messages[0]?.sentAt.getTime() ?? 0;
      const s = o.shipments[0];
      if (['damaged_defective', 'wrong_item', 'return_request', 'thanks'].includes(c.intent)) {
        expect(s?.deliveredAt, `${c.intent} ${o.externalId}`).toBeTruthy();
        expect(first).toBeGreaterThan(s?.deliveredAt?.getTime() ?? Infinity);
      }
      if (c.intent === 'change_order' && s?.shippedAt) {
        const shippedFirst = first > s.shippedAt.getTime();
        if (shippedFirst) expect(s.deliveredAt === null || first < s.deliveredAt.getTime()).toBe(true);
      }
    }
    const damaged = convs.filter(({ c }) => c.intent === 'damaged_defective');
    const followedByReturn = damaged.filter(({ o }) => o.returns.some((r) => ['DEFECTIVE', 'DAMAGED_BY_CARRIER', 'QUALITY_UNACCEPTABLE', 'NOT_AS_DESCRIBED', 'MISSING_PARTS', 'DAMAGED_BY_FC', 'Item does not work / defective', 'Package or item damaged'].includes(r.reason)));
    expect(followedByReturn.length / damaged.length).toBeGreaterThan(0.3);
    for (const { o } of followedByReturn) expect(o.returns[0]?.requestedAt.getTime()).toBeGreaterThan(o.conversation?.messages[0]?.sentAt.getTime() ?? 0);
  });

  it('have statuses matching who spoke last', () => {
    for (const { c } of convs) {
      const last = c.messages[c.messages.length - 1];
      if (last?.direction === 'inbound' && c.intent !== 'thanks') expect(c.status).toBe('open');
      if (last?.direction === 'outbound') expect(['pending', 'solved', 'closed']).toContain(c.status);
    }
    const statuses = count(convs.map(({ c }) => c.status));
    for (const s of ['open', 'pending', 'solved', 'closed']) expect(statuses[s] ?? 0, s).toBeGreaterThan(0);
  });
});
