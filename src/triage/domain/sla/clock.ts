/**
 * SLA clocks: from a ticket's events, a policy's targets, a calendar and `now`, when each target is due, how much
 * time is left, and in which state the clock is.
 *
 * - First response: starts at the first buyer message that waits for an answer while no agent has replied yet.
 * - Next response: starts at the first buyer message after an agent reply (or after the previous wait ended).
 *   Several buyer messages before a reply form one wait, timed from the earliest (Amazon counts every message;
 *   one reply answers them all).
 * - A wait ends with an agent reply (automated replies don't count: Amazon does not accept auto-responders), a
 *   "no response needed" mark (this is what stops the Amazon clock), or — when `solvingStopsResponse` — the
 *   ticket being solved or closed. Each metric reports its latest wait.
 * - Resolution: from the ticket's creation (or first buyer message) until it is solved or closed; time spent
 *   solved/closed before a reopen does not count.
 * - "No response needed" (the ticket's flag): a `no_response_needed` mark, or a ticket opened by a message that
 *   needs no answer, sets it; a buyer message that needs an answer, or a `response_needed` mark, clears it. While
 *   it is set no clock runs: the wait it ended is stopped, and the resolution clock stops too (reason
 *   `no_response_needed`); time under the flag does not count when it resumes. `response_needed` resumes the wait
 *   the mark had ended (or starts one from the earliest unanswered buyer message).
 * - Pauses: with `pauseWhenWaitingOnCustomer`, business time spent in a paused status (default `pending`,
 *   `on_hold`) does not count, which pushes the deadline out by exactly that much business time. A buyer message
 *   ends `pending` and reopens a solved/closed ticket (as desk ingestion does); `on_hold` stays.
 *
 * Times are in the calendar's business time: a 1-hour warning on a business calendar fires one business hour
 * before the due time. Events later than `now` are ignored.
 */
import { addBusinessTime, businessTimeBetween, SlaError, type Calendar } from './calendar.ts';

export type SlaMetric = 'first_response' | 'next_response' | 'resolution';
export type SlaState = 'ok' | 'warning' | 'breached' | 'paused' | 'stopped';
export type StopReason = 'replied' | 'no_response_needed' | 'solved';

/** A warning before breach: when this fraction of the target is left (0.25 = 25 %), or this many ms are left. */
export type WarningOffset = { readonly fractionLeft: number } | { readonly msLeft: number };

export type SlaEvent =
  | { readonly type: 'created'; readonly at: Date }
  /** `noResponseNeeded`: the message itself needs no answer (a "thanks"): it starts no wait. */
  | { readonly type: 'customer_message'; readonly at: Date; readonly noResponseNeeded?: boolean }
  /** `automated`: an auto-acknowledgement; it stops no clock. */
  | { readonly type: 'agent_reply'; readonly at: Date; readonly automated?: boolean }
  | { readonly type: 'status'; readonly at: Date; readonly status: string }
  /** An agent (or a rule) marked the waiting messages "no response needed" (Amazon: excluded from Contact Response Time). */
  | { readonly type: 'no_response_needed'; readonly at: Date }
  /** The mark was taken back: the buyer's unanswered messages wait for an answer again. */
  | { readonly type: 'response_needed'; readonly at: Date };

export const DEFAULT_PAUSED_STATUSES: readonly string[] = ['pending', 'on_hold'];
export const DONE_STATUSES: readonly string[] = ['solved', 'closed'];

export interface ClockTargets {
  readonly firstResponseMs: number | null;
  readonly nextResponseMs: number | null;
  readonly resolutionMs: number | null;
  readonly pauseWhenWaitingOnCustomer: boolean;
  /** Statuses that pause the clocks when `pauseWhenWaitingOnCustomer`; default `pending`, `on_hold`. */
  readonly pausedStatuses?: readonly string[];
  readonly warnings?: readonly WarningOffset[];
  /** Whether solving/closing a ticket ends a response wait; default true. Amazon: false (only a reply or "no response needed" counts). */
  readonly solvingStopsResponse?: boolean;
}

export interface SlaWarning {
  readonly offset: WarningOffset;
  /** Business time left when the warning fires. */
  readonly msLeft: number;
  /** When it fires; null while a pause holds the clock before it. */
  readonly at: Date | null;
  readonly reached: boolean;
}

export interface SlaClock {
  readonly metric: SlaMetric;
  readonly state: SlaState;
  readonly startedAt: Date;
  readonly targetMs: number;
  /** The deadline; null while paused before it was reached. For a stopped clock: the deadline as it stood. */
  readonly dueAt: Date | null;
  /** Business time left (target − elapsed); negative once breached. Frozen when stopped or paused. */
  readonly remainingMs: number;
  readonly elapsedMs: number;
  /** Business time excluded by pauses (and, for resolution, by solved periods): what the deadline moved by. */
  readonly pausedMs: number;
  readonly breached: boolean;
  readonly breachedAt: Date | null;
  readonly stoppedAt: Date | null;
  readonly stopReason: StopReason | null;
  /** In the order they fire. */
  readonly warnings: readonly SlaWarning[];
}

export interface SlaEvaluation {
  readonly firstResponse: SlaClock | null;
  readonly nextResponse: SlaClock | null;
  readonly resolution: SlaClock | null;
}

export interface Interval {
  readonly from: Date;
  /** null: still going on. */
  readonly to: Date | null;
}

export interface ClockRun {
  readonly calendar: Calendar;
  readonly metric: SlaMetric;
  readonly startedAt: Date;
  readonly targetMs: number;
  /** Periods that do not count (pauses); may overlap each other and closed business hours. */
  readonly excluded: readonly Interval[];
  readonly stoppedAt: Date | null;
  readonly stopReason: StopReason | null;
  readonly now: Date;
  readonly warnings?: readonly WarningOffset[];
}

type Seg = readonly [number, number]; // [from, to), to may be Infinity

function positive(ms: number, what: string): number {
  if (!Number.isFinite(ms) || ms <= 0) throw new SlaError('bad_input', `${what} must be a positive number of ms, got ${ms}`);
  return ms;
}

/** How many ms before breach a warning fires, or null when it cannot (≤ 0 or ≥ the whole target). */
export function warningMsLeft(offset: WarningOffset, targetMs: number): number | null {
  const ms = 'fractionLeft' in offset ? Math.round(targetMs * offset.fractionLeft) : offset.msLeft;
  return Number.isFinite(ms) && ms > 0 && ms < targetMs ? ms : null;
}

/** One clock: the general engine behind `evaluateSla`. */
export function runClock(run: ClockRun): SlaClock {
  const { calendar } = run;
  const target = positive(run.targetMs, `${run.metric} target`);
  const start = run.startedAt.getTime();
  const nowMs = run.now.getTime();
  const stopped = run.stoppedAt !== null;
  const end = Math.max(start, Math.min(run.stoppedAt?.getTime() ?? nowMs, nowMs));

  // Excluded periods from the start on, merged; an open one ends at the stop (a stopped clock's deadline is
  // the one that stood), or never.
  const raw: [number, number][] = [];
  for (const x of run.excluded) {
    const from = Math.max(start, x.from.getTime());
    const to = x.to ? x.to.getTime() : stopped ? end : Infinity;
    if (to > from) raw.push([from, to]);
  }
  raw.sort((a, b) => a[0] - b[0]);
  const excluded: [number, number][] = [];
  for (const r of raw) {
    const last = excluded[excluded.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else excluded.push([r[0], r[1]]);
  }
  const active: Seg[] = [];
  let cursor = start;
  for (const [from, to] of excluded) {
    if (from > cursor) active.push([cursor, from]);
    cursor = Math.max(cursor, to);
  }
  if (cursor !== Infinity) active.push([cursor, Infinity]);

  const biz = (a: number, b: number): number => (b > a ? businessTimeBetween(calendar, new Date(a), new Date(b)) : 0);
  const sumUntil = (segs: readonly Seg[], limit: number): number => segs.reduce((sum, [a, b]) => sum + biz(a, Math.min(b, limit)), 0);
  /** The instant at which `x` ms of counted business time are reached; null when an open pause comes first. */
  const reachAt = (x: number): Date | null => {
    let acc = 0;
    for (const [a, b] of active) {
      const here = b === Infinity ? Infinity : biz(a, b);
      if (acc + here >= x) return addBusinessTime(calendar, new Date(a), x - acc);
      acc += here;
    }
    return null;
  };

  const elapsed = sumUntil(active, end);
  const pausedMs = sumUntil(excluded, end);
  const dueAt = reachAt(target);
  const breached = dueAt !== null && dueAt.getTime() <= end;
  const pausedNow = !stopped && excluded.some(([from, to]) => from <= nowMs && nowMs < to);
  const warnings: SlaWarning[] = [];
  for (const offset of run.warnings ?? []) {
    const msLeft = warningMsLeft(offset, target);
    if (msLeft === null) continue;
    const at = reachAt(target - msLeft);
    warnings.push({ offset, msLeft, at, reached: at !== null && at.getTime() <= end });
  }
  warnings.sort((a, b) => b.msLeft - a.msLeft);
  const state: SlaState = stopped ? 'stopped' : breached ? 'breached' : pausedNow ? 'paused' : warnings.some((w) => w.reached) ? 'warning' : 'ok';
  return {
    metric: run.metric,
    state,
    startedAt: new Date(start),
    targetMs: target,
    dueAt,
    remainingMs: target - elapsed,
    elapsedMs: elapsed,
    pausedMs,
    breached,
    breachedAt: breached ? dueAt : null,
    stoppedAt: stopped ? new Date(end) : null,
    stopReason: stopped ? run.stopReason : null,
    warnings,
  };
}

interface Wait {
  readonly metric: 'first_response' | 'next_response';
  readonly from: number;
  to: number | null;
  reason: StopReason | null;
}

interface Span {
  readonly from: number;
  to: number | null;
}

/** All clocks of one ticket under one policy's targets. */
export function evaluateSla(input: { readonly calendar: Calendar; readonly targets: ClockTargets; readonly events: readonly SlaEvent[]; readonly now: Date }): SlaEvaluation {
  const { calendar, targets, now } = input;
  const nowMs = now.getTime();
  if (!Number.isFinite(nowMs)) throw new SlaError('bad_input', 'now is not a valid date');
  const pausedStatuses = new Set(targets.pausedStatuses ?? DEFAULT_PAUSED_STATUSES);
  const stopOnSolve = targets.solvingStopsResponse ?? true;
  const events = input.events
    .map((e, i) => ({ e, i, t: e.at instanceof Date ? e.at.getTime() : NaN }))
    .filter((x) => {
      if (!Number.isFinite(x.t)) throw new SlaError('bad_input', `event ${x.i} (${x.e.type}) has no valid date`);
      return x.t <= nowMs;
    })
    .sort((a, b) => a.t - b.t || a.i - b.i); // same instant: in the given order

  let status = 'open';
  let ticketStart: number | null = null;
  let replied = false;
  let waiting: Wait | null = null;
  /** The earliest buyer message since the last agent reply (also one that needed no answer). */
  let unansweredSince: number | null = null;
  let seenMessage = false;
  const waits: Wait[] = [];
  const pauses: Span[] = [];
  const done: Span[] = [];
  /** Spans under "no response needed". */
  const quiet: Span[] = [];
  const setQuiet = (on: boolean, t: number): void => {
    const open = quiet[quiet.length - 1];
    const isOn = open !== undefined && open.to === null;
    if (isOn && !on) open.to = t;
    if (!isOn && on) quiet.push({ from: t, to: null });
  };
  const endWait = (t: number, reason: StopReason): void => {
    if (!waiting) return;
    waiting.to = t;
    waiting.reason = reason;
    waiting = null;
  };
  const setStatus = (next: string, t: number): void => {
    if (next === status) return;
    const track = (spans: Span[], was: boolean, is: boolean): void => {
      const open = spans[spans.length - 1];
      if (was && !is && open && open.to === null) open.to = t;
      if (!was && is) spans.push({ from: t, to: null });
    };
    track(pauses, pausedStatuses.has(status), pausedStatuses.has(next));
    const nowDone = DONE_STATUSES.includes(next);
    track(done, DONE_STATUSES.includes(status), nowDone);
    if (nowDone && stopOnSolve) endWait(t, 'solved');
    status = next;
  };

  for (const { e, t } of events) {
    switch (e.type) {
      case 'created':
        ticketStart ??= t;
        break;
      case 'customer_message':
        ticketStart ??= t;
        unansweredSince ??= t;
        if (e.noResponseNeeded) {
          // A ticket that opens with a "thanks" needs no response; a later one changes nothing.
          if (!seenMessage) setQuiet(true, t);
          seenMessage = true;
          break;
        }
        seenMessage = true;
        setQuiet(false, t);
        if (status === 'pending' || DONE_STATUSES.includes(status)) setStatus('open', t);
        if (!waiting) {
          waiting = { metric: replied ? 'next_response' : 'first_response', from: t, to: null, reason: null };
          waits.push(waiting);
        }
        break;
      case 'agent_reply':
        if (e.automated) break;
        endWait(t, 'replied');
        replied = true;
        unansweredSince = null;
        break;
      case 'status':
        setStatus(e.status, t);
        break;
      case 'no_response_needed':
        endWait(t, 'no_response_needed');
        setQuiet(true, t);
        break;
      case 'response_needed': {
        setQuiet(false, t);
        if (waiting || unansweredSince === null) break;
        const last = waits[waits.length - 1];
        if (last && last.reason === 'no_response_needed' && last.from >= unansweredSince) {
          // The mark is taken back: the wait it ended goes on, from the same start.
          last.to = null;
          last.reason = null;
          waiting = last;
        } else if (!last || last.from < unansweredSince) {
          waiting = { metric: replied ? 'next_response' : 'first_response', from: unansweredSince, to: null, reason: null };
          waits.push(waiting);
        }
        break;
      }
    }
  }

  const toIntervals = (spans: readonly Span[]): Interval[] => spans.map((s) => ({ from: new Date(s.from), to: s.to === null ? null : new Date(s.to) }));
  const pauseIntervals = targets.pauseWhenWaitingOnCustomer ? toIntervals(pauses) : [];
  const responseClock = (metric: Wait['metric'], targetMs: number | null): SlaClock | null => {
    const wait = [...waits].reverse().find((w) => w.metric === metric);
    if (!wait || targetMs === null) return null;
    return runClock({
      calendar, metric, targetMs, now, warnings: targets.warnings, excluded: pauseIntervals,
      startedAt: new Date(wait.from), stoppedAt: wait.to === null ? null : new Date(wait.to), stopReason: wait.reason,
    });
  };
  let resolution: SlaClock | null = null;
  if (ticketStart !== null && targets.resolutionMs !== null) {
    const lastDone = done[done.length - 1];
    const isDone = DONE_STATUSES.includes(status) && lastDone !== undefined && lastDone.to === null;
    const lastQuiet = quiet[quiet.length - 1];
    const isQuiet = lastQuiet !== undefined && lastQuiet.to === null;
    const stop = isDone ? { at: lastDone.from, reason: 'solved' as const } : isQuiet ? { at: lastQuiet.from, reason: 'no_response_needed' as const } : null;
    resolution = runClock({
      calendar, metric: 'resolution', targetMs: targets.resolutionMs, now, warnings: targets.warnings,
      excluded: [...pauseIntervals, ...toIntervals(done), ...toIntervals(quiet)],
      startedAt: new Date(ticketStart), stoppedAt: stop ? new Date(stop.at) : null, stopReason: stop?.reason ?? null,
    });
  }
  return {
    firstResponse: responseClock('first_response', targets.firstResponseMs),
    nextResponse: responseClock('next_response', targets.nextResponseMs),
    resolution,
  };
}

/** The earliest deadline among running clocks (what the queue sorts by), or null. */
export function earliestDue(evaluation: SlaEvaluation): Date | null {
  let best: Date | null = null;
  for (const c of [evaluation.firstResponse, evaluation.nextResponse, evaluation.resolution]) {
    if (c && c.state !== 'stopped' && c.dueAt && (!best || c.dueAt < best)) best = c.dueAt;
  }
  return best;
}
