/**
 * The window in which a claim may be filed, from a window table, a claim kind, a marketplace and the event's
 * anchor date (KIND_INFO[kind].anchor says which date that is).
 *
 * Rules govern filing days (window-table.ts). For each rule of the marketplace's chain, the event's window
 * under that rule, [event + opensAfterDays, event + deadline], is cut to the days the rule was in force; the
 * non-empty pieces are the window's segments. Usually that is one segment. Across a change there may be two,
 * with a gap between them when the new rule opens later than the old one (US refund on 2024-09-01: claimable
 * 2024-10-16..2024-10-22 under the 45-day rule, then 2024-10-31..2024-12-30 under the 60-120-day rule). And an
 * old loss is cut off on the day before the change (US loss reported 2024-06-01: deadline 2024-10-22).
 */

import { addMonths, endOfDay, isoDay, startOfDay, toDayNumber, type IsoDay } from './days.ts';
import { ANCHOR_LABEL, KIND_INFO, isClaimKind, normaliseMarketplace, type Anchor, type ClaimKind } from './kinds.ts';
import { bracketed, fail, ok, type PolicyResult } from './amounts.ts';
import { DEFAULT_WINDOWS, type WindowRule, type WindowTable } from './window-table.ts';

export interface WindowSegment {
  /** First and last filing day of this piece (inclusive, UTC). */
  readonly fromOn: IsoDay;
  readonly toOn: IsoDay;
  readonly rule: WindowRule;
  /** The rule is the fallback marketplace's, not this marketplace's own. */
  readonly fallback: boolean;
  /** The rule's own deadline lay later, but the next rule took over on this day. */
  readonly cutShortBy: IsoDay | null;
  readonly text: string;
}

export interface ClaimWindow {
  readonly kind: ClaimKind;
  readonly marketplace: string;
  readonly anchor: Anchor;
  readonly eventOn: IsoDay;
  /** First filing day when it is later than the event day; null = claimable from the event day on. */
  readonly opensOn: IsoDay | null;
  readonly opensAt: Date | null;
  /** Last filing day (inclusive) and its last instant, 23:59:59.999Z. */
  readonly deadlineOn: IsoDay;
  readonly deadline: Date;
  /** The filing days, in order; empty when the rules left no day to file on. */
  readonly segments: readonly WindowSegment[];
  /** Human text: each segment's rule, with cut-offs and fallbacks spelt out. */
  readonly rule: string;
  readonly sources: readonly string[];
  /** Every segment comes from a verified rule of this marketplace. */
  readonly verified: boolean;
  readonly fallback: boolean;
  /** Why it is unverified, and other caveats (one entry per distinct note). */
  readonly notes: readonly string[];
}

export type WindowError = 'unknown_kind' | 'bad_date' | 'no_rule';

interface ChainLink {
  readonly rule: WindowRule;
  readonly fallback: boolean;
}

const NEG_INF = Number.NEGATIVE_INFINITY;
const POS_INF = Number.POSITIVE_INFINITY;

function fromDay(rule: WindowRule): number {
  return rule.effectiveFrom === null ? NEG_INF : (toDayNumber(rule.effectiveFrom) ?? NEG_INF);
}

function ownChain(table: WindowTable, kind: ClaimKind, marketplace: string): WindowRule[] {
  return table.rules.filter((r) => r.kind === kind && r.marketplaces.includes(marketplace)).sort((a, b) => fromDay(a) - fromDay(b));
}

/** The marketplace's rules in force order; the fallback's rules fill the days before its first rule, or all days. */
export function windowChain(table: WindowTable, kind: ClaimKind, marketplace: string): ChainLink[] {
  const own = ownChain(table, kind, marketplace);
  const first = own[0];
  if (first && first.effectiveFrom === null) return own.map((rule) => ({ rule, fallback: false }));
  const fb = marketplace === table.fallbackMarketplace ? [] : ownChain(table, kind, table.fallbackMarketplace);
  const before = first ? fb.filter((r) => fromDay(r) < fromDay(first)) : fb;
  return [...before.map((rule) => ({ rule, fallback: true })), ...own.map((rule) => ({ rule, fallback: false }))];
}

function deadlineDay(event: number, rule: WindowRule): number {
  return 'days' in rule.deadline ? event + rule.deadline.days : addMonths(event, rule.deadline.months);
}

/** "US fulfilment-centre lost: file no later than 60 days after … (claims filed from 2024-10-23) [FORUM-US-2024]". */
export function ruleText(rule: WindowRule): string {
  const span = 'days' in rule.deadline ? `${rule.deadline.days} days` : `${rule.deadline.months} months`;
  const window = rule.opensAfterDays === null ? `no later than ${span} after` : `not before ${rule.opensAfterDays} days and no later than ${span} after`;
  const since = rule.effectiveFrom === null ? 'earliest known rule' : `claims filed from ${rule.effectiveFrom}`;
  return `${rule.region} ${KIND_INFO[rule.kind].label}: file ${window} ${ANCHOR_LABEL[rule.anchor]} (${since}) ${bracketed(rule.sources)}`;
}

function segmentText(rule: WindowRule, marketplace: string, fallback: boolean, cutShortBy: IsoDay | null, toOn: IsoDay): string {
  const via = fallback ? `no ${marketplace} rule, so the ${rule.region} rule applies (unverified): ` : '';
  const cut = cutShortBy ? `; cut short on ${toOn} because claims filed from ${cutShortBy} fall under the next rule` : '';
  return `${via}${ruleText(rule)}${cut}`;
}

function segments(chain: readonly ChainLink[], event: number, marketplace: string): WindowSegment[] {
  const out: WindowSegment[] = [];
  chain.forEach(({ rule, fallback }, i) => {
    const next = chain[i + 1];
    const inForceTo = next ? fromDay(next.rule) - 1 : POS_INF;
    const open = event + (rule.opensAfterDays ?? 0);
    const close = deadlineDay(event, rule);
    const from = Math.max(open, fromDay(rule));
    const to = Math.min(close, inForceTo);
    if (from > to) return;
    const cutShortBy = to < close && next ? next.rule.effectiveFrom : null;
    const toOn = isoDay(to);
    out.push({ fromOn: isoDay(from), toOn, rule, fallback, cutShortBy, text: segmentText(rule, marketplace, fallback, cutShortBy, toOn) });
  });
  return out;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/**
 * The claim window of `kind` in `marketplace` for an event on `eventDate` (the kind's anchor date; an instant
 * counts on its UTC day, or pass `YYYY-MM-DD`). Unknown marketplaces use the table's fallback, unverified.
 */
export function claimWindow(kind: string, marketplace: string, eventDate: Date | string, table: WindowTable = DEFAULT_WINDOWS): PolicyResult<ClaimWindow, WindowError> {
  if (!isClaimKind(kind)) return fail('unknown_kind', `unknown claim kind "${kind}"`);
  const event = toDayNumber(eventDate);
  if (event === null) return fail('bad_date', `event date must be a valid date or YYYY-MM-DD, got "${String(eventDate)}"`);
  const mp = normaliseMarketplace(marketplace);
  const chain = windowChain(table, kind, mp);
  if (chain.length === 0) return fail('no_rule', `no ${kind} window for ${mp || '(empty)'} and none for the fallback ${table.fallbackMarketplace}`);
  const segs = segments(chain, event, mp);
  const firstSeg = segs[0];
  const lastSeg = segs[segs.length - 1];
  const firstDay = firstSeg ? toDayNumber(firstSeg.fromOn) : null;
  const opens = firstDay !== null && firstDay > event ? firstDay : null;
  // No filing day at all (only possible with a custom table): the window closed before the event.
  const deadline = lastSeg ? (toDayNumber(lastSeg.toOn) ?? event - 1) : event - 1;
  const fallback = segs.some((s) => s.fallback);
  const fallbackNote = fallback ? [`${mp || '(empty)'} has no ${KIND_INFO[kind].label} rule of its own for these dates; the ${table.fallbackMarketplace} rule is applied.`] : [];
  return ok({
    kind,
    marketplace: mp,
    anchor: KIND_INFO[kind].anchor,
    eventOn: isoDay(event),
    opensOn: opens === null ? null : isoDay(opens),
    opensAt: opens === null ? null : startOfDay(opens),
    deadlineOn: isoDay(deadline),
    deadline: endOfDay(deadline),
    segments: segs,
    rule: segs.length > 0 ? segs.map((s) => s.text).join('. Then: ') : `no day to file on: ${chain.map((l) => ruleText(l.rule)).join('; ')}`,
    sources: unique(segs.flatMap((s) => s.rule.sources)),
    verified: segs.length > 0 && segs.every((s) => s.rule.verified && !s.fallback),
    fallback,
    notes: unique([...fallbackNote, ...segs.flatMap((s) => (s.rule.note ? [s.rule.note] : []))]),
  });
}

export type WindowState = 'not_yet_open' | 'open' | 'expired';

export interface WindowStatus {
  readonly state: WindowState;
  /** Whole days from today (UTC) to the deadline day: 0 = the deadline is today, negative = expired. */
  readonly daysLeft: number;
  /** Days until the next filing day when not open now; null when open or expired. */
  readonly opensInDays: number | null;
}

function today(now: Date): number {
  const d = toDayNumber(now);
  if (d === null) throw new RangeError('now must be a valid Date');
  return d;
}

/** Whole days from `now`'s UTC day to the deadline day (0 on the last day, negative once expired). */
export function daysLeft(window: Pick<ClaimWindow, 'deadlineOn'>, now: Date): number {
  return (toDayNumber(window.deadlineOn) ?? 0) - today(now);
}

/** Whether a claim may be filed on `now`'s UTC day: inside one of the window's segments. */
export function isClaimable(window: Pick<ClaimWindow, 'segments'>, now: Date): boolean {
  const t = today(now);
  return window.segments.some((s) => (toDayNumber(s.fromOn) ?? POS_INF) <= t && t <= (toDayNumber(s.toOn) ?? NEG_INF));
}

export function windowStatus(window: Pick<ClaimWindow, 'segments' | 'deadlineOn'>, now: Date): WindowStatus {
  const t = today(now);
  const left = daysLeft(window, now);
  if (isClaimable(window, now)) return { state: 'open', daysLeft: left, opensInDays: null };
  const next = window.segments.map((s) => toDayNumber(s.fromOn) ?? NEG_INF).find((from) => from > t);
  return next === undefined ? { state: 'expired', daysLeft: left, opensInDays: null } : { state: 'not_yet_open', daysLeft: left, opensInDays: next - t };
}
