/**
 * SLA policies: which targets a ticket gets. A policy has conditions (all optional; each a list, any member
 * matches; all given conditions must hold) and targets. Policies are tried by ascending `priority` (ties: list
 * order); the first that matches wins.
 */
import { ALWAYS, isOpen, SlaError, validateCalendar, type BusinessCalendar, type Calendar } from './calendar.ts';
import { evaluateSla, warningMsLeft, type ClockTargets, type SlaEvaluation, type SlaEvent, type WarningOffset } from './clock.ts';

const HOUR = 3_600_000;
const MINUTE = 60_000;

export type RiskLevel = 'critical' | 'high' | 'normal' | 'low';

export interface SlaConditions {
  readonly channels?: readonly string[];
  /** Marketplace codes (`DE`, `US`…), compared case-insensitively. A ticket without marketplace never matches. */
  readonly marketplaces?: readonly string[];
  readonly riskLevels?: readonly RiskLevel[];
  /** Matched against the ticket's primary intent. */
  readonly intents?: readonly string[];
  readonly teamIds?: readonly string[];
}

export interface SlaTargets extends ClockTargets {
  /** `always` (24/7) or the id of a business calendar. */
  readonly calendar: string;
}

export interface SlaPolicy {
  readonly id: string;
  readonly name: string;
  /** Lower is tried first. */
  readonly priority: number;
  readonly enabled?: boolean;
  readonly conditions: SlaConditions;
  readonly targets: SlaTargets;
}

export interface TicketFacts {
  readonly channel: string;
  readonly marketplace?: string | null;
  readonly riskLevel?: RiskLevel | null;
  readonly intent?: string | null;
  readonly teamId?: string | null;
}

function matches<T extends string>(allowed: readonly T[] | undefined, value: T | null | undefined, fold = false): boolean {
  if (allowed === undefined) return true;
  if (value === null || value === undefined) return false;
  return fold ? allowed.some((a) => a.toUpperCase() === value.toUpperCase()) : allowed.includes(value);
}

export function policyMatches(policy: SlaPolicy, facts: TicketFacts): boolean {
  const c = policy.conditions;
  return (
    policy.enabled !== false &&
    matches(c.channels, facts.channel) &&
    matches(c.marketplaces, facts.marketplace, true) &&
    matches(c.riskLevels, facts.riskLevel) &&
    matches(c.intents, facts.intent) &&
    matches(c.teamIds, facts.teamId)
  );
}

/** The first matching policy in priority order (ties: list order), or null. */
export function selectPolicy(policies: readonly SlaPolicy[], facts: TicketFacts): SlaPolicy | null {
  const ordered = policies.map((p, i) => ({ p, i })).sort((a, b) => a.p.priority - b.p.priority || a.i - b.i);
  return ordered.find(({ p }) => policyMatches(p, facts))?.p ?? null;
}

/** Calendars by id; `always` needs no entry. */
export type CalendarSet = ReadonlyMap<string, BusinessCalendar> | Readonly<Record<string, BusinessCalendar>>;

export function resolveCalendar(id: string, calendars: CalendarSet): Calendar {
  if (id === ALWAYS.id) return ALWAYS;
  const cal = calendars instanceof Map ? calendars.get(id) : Object.hasOwn(calendars, id) ? (calendars as Readonly<Record<string, BusinessCalendar>>)[id] : undefined;
  if (!cal) throw new SlaError('invalid_calendar', `no calendar "${id}" (known: always${[...(calendars instanceof Map ? calendars.keys() : Object.keys(calendars))].map((k) => `, ${k}`).join('')})`);
  return cal;
}

/** Problems with a policy list (ids, targets, warnings, calendars), as a kernel-shaped Result. */
export function validatePolicies(policies: readonly SlaPolicy[], calendars: CalendarSet): { ok: true; value: readonly SlaPolicy[] } | { ok: false; error: 'bad_input'; message: string; details: readonly string[] } {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const p of policies) {
    const where = `policy "${p.id}"`;
    if (ids.has(p.id)) problems.push(`${where}: duplicate id`);
    ids.add(p.id);
    if (!Number.isFinite(p.priority)) problems.push(`${where}: priority must be a number`);
    const t = p.targets;
    const set = [t.firstResponseMs, t.nextResponseMs, t.resolutionMs].filter((ms): ms is number => ms !== null);
    if (set.length === 0) problems.push(`${where}: no target`);
    for (const ms of set) if (!Number.isFinite(ms) || ms <= 0) problems.push(`${where}: target ${ms} must be a positive number of ms`);
    for (const w of t.warnings ?? []) {
      const ok = 'fractionLeft' in w ? w.fractionLeft > 0 && w.fractionLeft < 1 : Number.isFinite(w.msLeft) && w.msLeft > 0;
      if (!ok) problems.push(`${where}: warning ${JSON.stringify(w)} must be a fraction in (0, 1) or a positive ms`);
    }
    try {
      const cal = resolveCalendar(t.calendar, calendars);
      if (cal.kind === 'business') {
        const check = validateCalendar(cal);
        if (!check.ok) problems.push(`${where}: ${check.message}`);
      }
    } catch (e) {
      problems.push(`${where}: ${(e as Error).message}`);
    }
  }
  return problems.length === 0 ? { ok: true, value: policies } : { ok: false, error: 'bad_input', message: problems.join('; '), details: problems };
}

/** Warnings that can fire for a target (offsets ≥ the target are dropped): for display next to a policy. */
export function effectiveWarnings(warnings: readonly WarningOffset[], targetMs: number): number[] {
  return warnings.map((w) => warningMsLeft(w, targetMs)).filter((ms): ms is number => ms !== null);
}

/** Select the policy for a ticket and run its clocks; null when no policy matches. */
export function slaForTicket(input: {
  readonly policies: readonly SlaPolicy[];
  readonly calendars: CalendarSet;
  readonly facts: TicketFacts;
  readonly events: readonly SlaEvent[];
  readonly now: Date;
}): { policy: SlaPolicy; evaluation: SlaEvaluation } | null {
  const policy = selectPolicy(input.policies, input.facts);
  if (!policy) return null;
  const calendar = resolveCalendar(policy.targets.calendar, input.calendars);
  return { policy, evaluation: evaluateSla({ calendar, targets: policy.targets, events: input.events, now: input.now }) };
}

// ---------------------------------------------------------------------------------------------------------------
// Defaults

/** The id business-hours policies refer to; a workspace defines it (its team hours, zone and holidays). */
export const DEFAULT_BUSINESS_CALENDAR_ID = 'business-hours';

/**
 * Whether the workspace's business calendar (DEFAULT_BUSINESS_CALENDAR_ID) is open at `at`: the `businessHours`
 * fact of the rules. A workspace without that calendar is treated as always open.
 */
export function businessHoursAt(calendars: CalendarSet, at: Date): 'open' | 'closed' {
  const known = calendars instanceof Map ? calendars.has(DEFAULT_BUSINESS_CALENDAR_ID) : Object.hasOwn(calendars, DEFAULT_BUSINESS_CALENDAR_ID);
  return isOpen(resolveCalendar(known ? DEFAULT_BUSINESS_CALENDAR_ID : ALWAYS.id, calendars), at) ? 'open' : 'closed';
}

/** Mon–Fri 09:00–17:00 in `timeZone`, no holidays: a starting point until the workspace sets its own. */
export function defaultBusinessCalendar(timeZone: string, id: string = DEFAULT_BUSINESS_CALENDAR_ID): BusinessCalendar {
  const day = [{ start: '09:00', end: '17:00' }];
  return { kind: 'business', id, name: 'Business hours', timeZone, weekly: { mon: day, tue: day, wed: day, thu: day, fri: day } };
}

/** The calendars a workspace has until it defines its own: the default business calendar in its time zone. */
export function defaultCalendars(timeZone: string): Record<string, BusinessCalendar> {
  return { [DEFAULT_BUSINESS_CALENDAR_ID]: defaultBusinessCalendar(timeZone) };
}

/**
 * Amazon's response window: answer buyer messages within 24 hours, weekends and holidays included
 * (reference/amazon-domain.md §4 "Contact Response Time" and §5.3: [SC-RESP-US][SC-CRT-US]; auto-responders
 * are not a valid response; "no response needed" messages are excluded). The sources are US (and UK 2012)
 * pages: the window is an option of `defaultSlaPolicies` in case a marketplace differs.
 */
export const AMAZON_RESPONSE_WINDOW_MS = 24 * HOUR;

/**
 * A-to-z: the buyer must contact the seller and wait 48 hours before filing a claim ([SC-AZ-US], §5.1; older
 * third-party pages say "two business days"). Used as the internal resolution target of critical Amazon tickets:
 * settled before the buyer may file.
 */
export const A_TO_Z_BUYER_WAIT_MS = 48 * HOUR;

export interface DefaultPolicyOptions {
  /** Amazon's response window (24 h). */
  readonly amazonResponseWindowMs?: number;
  /** Internal first response for critical Amazon tickets (2 h). */
  readonly amazonCriticalFirstResponseMs?: number;
  /** Internal resolution target for critical Amazon tickets (48 h, the A-to-z buyer wait). */
  readonly amazonCriticalResolutionMs?: number;
  /** The business calendar of the non-Amazon policies. */
  readonly businessCalendarId?: string;
}

const AMAZON_WARNINGS: readonly WarningOffset[] = [{ msLeft: 6 * HOUR }, { msLeft: 2 * HOUR }];
const CRITICAL_WARNINGS: readonly WarningOffset[] = [{ fractionLeft: 0.5 }, { msLeft: 30 * MINUTE }];
const BUSINESS_WARNINGS: readonly WarningOffset[] = [{ fractionLeft: 0.25 }, { msLeft: 1 * HOUR }];

/**
 * The policies that ship (priority order):
 *
 * 10 amazon-critical — Amazon, risk critical (A-to-z, chargeback, safety, counterfeit, not-received/damaged,
 *    negative-feedback threats): first and next response 2 h internal, resolution 48 h (the A-to-z buyer wait,
 *    §5.1), 24/7 (`always`): Amazon's clock does not stop for weekends, so ours neither. No pause: Amazon's
 *    metric does not pause while we wait on the buyer; solving does not stop the response clock (only a reply or
 *    "no response needed" does, as on Amazon). The 2 h next response is our choice (one critical conversation
 *    should not drift to the 24 h limit between messages).
 * 20 amazon-messages — every other Amazon message: first and next response 24 h, 24/7, same rules; no resolution
 *    target (Amazon measures responses, not resolution). Warnings 6 h and 2 h before the limit.
 * 30 marketplace-critical — critical tickets on every other channel: 4 business hours first/next response
 *    (a chargeback or safety issue on Shopify/TikTok is money or legal exposure too), resolution 2 business days.
 * 40 tiktok — TikTok Shop: 4 business hours first/next response, resolution 2 business days (16 h). TikTok Shop
 *    rates sellers on chat response time, but the reference (§6) gives no window, so none is encoded: a seller
 *    who knows their shop's rule adds a 24/7 policy before this one.
 * 50 shopify — 8 business hours (one business day) first/next response, resolution 3 business days (24 h).
 * 60 email — 8 business hours first/next response, resolution 5 business days (40 h).
 * 1000 fallback — any other channel (Instagram, demo): as e-mail.
 *
 * Business-hours policies pause while the ticket is `pending`/`on_hold` and solving ends a wait; their warnings
 * fire at 25 % left and 1 business hour left.
 */
export function defaultSlaPolicies(options: DefaultPolicyOptions = {}): SlaPolicy[] {
  const amazonWindow = options.amazonResponseWindowMs ?? AMAZON_RESPONSE_WINDOW_MS;
  const critical = options.amazonCriticalFirstResponseMs ?? 2 * HOUR;
  const calendar = options.businessCalendarId ?? DEFAULT_BUSINESS_CALENDAR_ID;
  const amazon = { calendar: ALWAYS.id, pauseWhenWaitingOnCustomer: false, solvingStopsResponse: false } as const;
  const business = { calendar, pauseWhenWaitingOnCustomer: true, solvingStopsResponse: true, warnings: BUSINESS_WARNINGS } as const;
  return [
    {
      id: 'amazon-critical', name: 'Amazon critical: internal 2-hour response', priority: 10,
      conditions: { channels: ['amazon'], riskLevels: ['critical'] },
      targets: { ...amazon, firstResponseMs: critical, nextResponseMs: critical, resolutionMs: options.amazonCriticalResolutionMs ?? A_TO_Z_BUYER_WAIT_MS, warnings: CRITICAL_WARNINGS },
    },
    {
      id: 'amazon-messages', name: "Amazon: 24-hour response (Amazon's rule, 24/7)", priority: 20,
      conditions: { channels: ['amazon'] },
      targets: { ...amazon, firstResponseMs: amazonWindow, nextResponseMs: amazonWindow, resolutionMs: null, warnings: AMAZON_WARNINGS },
    },
    {
      id: 'marketplace-critical', name: 'Critical (other channels): 4 business hours', priority: 30,
      conditions: { riskLevels: ['critical'] },
      targets: { ...business, firstResponseMs: 4 * HOUR, nextResponseMs: 4 * HOUR, resolutionMs: 16 * HOUR },
    },
    {
      id: 'tiktok', name: 'TikTok Shop: 4 business hours', priority: 40,
      conditions: { channels: ['tiktok'] },
      targets: { ...business, firstResponseMs: 4 * HOUR, nextResponseMs: 4 * HOUR, resolutionMs: 16 * HOUR },
    },
    {
      id: 'shopify', name: 'Shopify: 1 business day', priority: 50,
      conditions: { channels: ['shopify'] },
      targets: { ...business, firstResponseMs: 8 * HOUR, nextResponseMs: 8 * HOUR, resolutionMs: 24 * HOUR },
    },
    {
      id: 'email', name: 'E-mail: 1 business day', priority: 60,
      conditions: { channels: ['email'] },
      targets: { ...business, firstResponseMs: 8 * HOUR, nextResponseMs: 8 * HOUR, resolutionMs: 40 * HOUR },
    },
    {
      id: 'fallback', name: 'Other channels: 1 business day', priority: 1000,
      conditions: {},
      targets: { ...business, firstResponseMs: 8 * HOUR, nextResponseMs: 8 * HOUR, resolutionMs: 40 * HOUR },
    },
  ];
}

export const DEFAULT_SLA_POLICIES: readonly SlaPolicy[] = Object.freeze(defaultSlaPolicies());
