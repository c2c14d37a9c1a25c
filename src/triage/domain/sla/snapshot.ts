/**
 * What a ticket row stores about its SLA: the one clock that matters now (the running clock due first), its
 * warning instants, and when the state can next change. The SLA sweep works on these columns alone (in SQL),
 * so it never re-runs calendar math for a million tickets.
 */
import type { SlaClock, SlaEvaluation, SlaMetric } from './clock.ts';

export type StoredSlaState = 'none' | 'ok' | 'warning' | 'breached' | 'paused' | 'stopped';

export interface SlaSnapshot {
  readonly state: StoredSlaState;
  readonly metric: SlaMetric | null;
  /** The running clock's deadline (what the queue sorts by and the timer counts down to). */
  readonly dueAt: Date | null;
  /** Every warning instant of that clock, in firing order. */
  readonly warnTimes: readonly Date[];
  /** Identifies the wait (metric + start): while it stays the same, warnings already announced stay announced. */
  readonly clockKey: string | null;
  /** Warnings of this clock already announced on the timeline. */
  readonly warningsSent: number;
  /** The next instant the state can change: the first warning not yet announced, or the deadline. */
  readonly nextCheckAt: Date | null;
  readonly breachedAt: Date | null;
  /** Every clock for display: metric, state, due, remaining. */
  readonly clocks: readonly StoredClock[];
}

export interface StoredClock {
  readonly metric: SlaMetric;
  readonly state: string;
  readonly startedAt: string;
  readonly dueAt: string | null;
  readonly remainingMs: number;
  readonly targetMs: number;
  readonly breachedAt: string | null;
  readonly stoppedAt: string | null;
  readonly stopReason: string | null;
}

const RUNNING = new Set(['ok', 'warning', 'breached']);

function store(c: SlaClock): StoredClock {
  return {
    metric: c.metric, state: c.state, startedAt: c.startedAt.toISOString(), dueAt: c.dueAt?.toISOString() ?? null, remainingMs: c.remainingMs,
    targetMs: c.targetMs, breachedAt: c.breachedAt?.toISOString() ?? null, stoppedAt: c.stoppedAt?.toISOString() ?? null, stopReason: c.stopReason,
  };
}

/**
 * Reduce an evaluation to the stored snapshot. The clock that matters is the running (ok/warning/breached) clock
 * with the earliest deadline; with none running, a paused clock makes the ticket `paused`, otherwise `stopped`
 * (every wait answered) — `none` when there is no evaluation at all.
 *
 * The stored state of a running clock is what has been ANNOUNCED (warning and breach events on the timeline), not
 * what the clock says: the sweep moves it forward and writes the event, so every crossing is announced exactly
 * once whichever process notices it. `previous` is what the row holds; for the same clock key its announcements
 * stand, for a new wait they start over. `nextCheckAt` is the first warning not yet announced, else the deadline
 * not yet announced, else null; it may lie in the past, and then the next sweep announces it at once.
 */
export function slaSnapshot(
  evaluation: SlaEvaluation | null,
  previous: { readonly clockKey: string | null; readonly warningsSent: number; readonly breached: boolean } | null,
): SlaSnapshot {
  const clocks = evaluation ? [evaluation.firstResponse, evaluation.nextResponse, evaluation.resolution].filter((c): c is SlaClock => c !== null) : [];
  const idle = { metric: null, dueAt: null, warnTimes: [], clockKey: null, warningsSent: 0, nextCheckAt: null, breachedAt: null, clocks: clocks.map(store) } as const;
  if (!evaluation) return { state: 'none', ...idle };
  const running = clocks.filter((c) => RUNNING.has(c.state) && c.dueAt !== null).sort((a, b) => a.dueAt!.getTime() - b.dueAt!.getTime());
  const lead = running[0];
  if (!lead) return { state: clocks.some((c) => c.state === 'paused') ? 'paused' : clocks.length ? 'stopped' : 'none', ...idle };
  const clockKey = `${lead.metric}@${lead.startedAt.toISOString()}`;
  const warnTimes = lead.warnings.flatMap((w) => (w.at ? [w.at] : []));
  const same = previous !== null && previous.clockKey === clockKey;
  const warningsSent = same ? Math.min(previous.warningsSent, warnTimes.length) : 0;
  const breachAnnounced = same && previous.breached;
  const nextCheckAt = breachAnnounced ? null : warnTimes[warningsSent] ?? lead.dueAt;
  return {
    state: breachAnnounced ? 'breached' : warningsSent > 0 ? 'warning' : 'ok',
    metric: lead.metric,
    dueAt: lead.dueAt,
    warnTimes,
    clockKey,
    warningsSent,
    nextCheckAt,
    breachedAt: breachAnnounced ? lead.breachedAt : null,
    clocks: clocks.map(store),
  };
}
