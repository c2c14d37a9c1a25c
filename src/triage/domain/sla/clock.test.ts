import { describe, expect, it } from 'vitest';
import { ALWAYS, SlaError, defineCalendar, type Calendar } from './calendar.ts';
import { earliestDue, evaluateSla, runClock, type ClockTargets, type SlaClock, type SlaEvent } from './clock.ts';

const H = 3_600_000;
const M = 60_000;
const at = (iso: string): Date => new Date(iso);
const iso = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);

const DAY = [{ start: '09:00', end: '17:00' }];
/** Mon–Fri 09:00–17:00, Berlin. */
const BIZ = defineCalendar({ id: 'biz', timeZone: 'Europe/Berlin', weekly: { mon: DAY, tue: DAY, wed: DAY, thu: DAY, fri: DAY } });

const AMAZON: ClockTargets = { firstResponseMs: 24 * H, nextResponseMs: 24 * H, resolutionMs: null, pauseWhenWaitingOnCustomer: false, solvingStopsResponse: false, warnings: [{ msLeft: 6 * H }, { msLeft: 2 * H }] };
const BUSINESS: ClockTargets = { firstResponseMs: 8 * H, nextResponseMs: 8 * H, resolutionMs: 16 * H, pauseWhenWaitingOnCustomer: true, warnings: [{ fractionLeft: 0.25 }, { msLeft: 1 * H }] };

const T0 = '2025-06-13T20:00+02:00'; // a Friday evening
const plus = (hours: number, from = T0): Date => new Date(at(from).getTime() + hours * H);
const msg = (when: Date, noResponseNeeded = false): SlaEvent => ({ type: 'customer_message', at: when, noResponseNeeded });
const reply = (when: Date, automated = false): SlaEvent => ({ type: 'agent_reply', at: when, automated });
const status = (when: Date, s: string): SlaEvent => ({ type: 'status', at: when, status: s });
const sla = (calendar: Calendar, targets: ClockTargets, events: SlaEvent[], now: Date) => evaluateSla({ calendar, targets, events, now });

function brief(c: SlaClock | null): Record<string, unknown> | null {
  if (!c) return null;
  return { state: c.state, due: iso(c.dueAt), remainingH: c.remainingMs / H, breached: c.breached, stop: c.stopReason };
}

describe('Amazon 24-hour response clock (24/7)', () => {
  const cases: [string, SlaEvent[], number, Record<string, unknown> | null][] = [
    ['running over the weekend', [msg(plus(0))], 10, { state: 'ok', due: iso(plus(24)), remainingH: 14, breached: false, stop: null }],
    ['warning 6 h before the limit', [msg(plus(0))], 19, { state: 'warning', due: iso(plus(24)), remainingH: 5, breached: false, stop: null }],
    ['breached: time left is negative', [msg(plus(0))], 25, { state: 'breached', due: iso(plus(24)), remainingH: -1, breached: true, stop: null }],
    ['breached exactly at the deadline', [msg(plus(0))], 24, { state: 'breached', due: iso(plus(24)), remainingH: 0, breached: true, stop: null }],
    ['answered in time', [msg(plus(0)), reply(plus(3))], 40, { state: 'stopped', due: iso(plus(24)), remainingH: 21, breached: false, stop: 'replied' }],
    ['answered late stays breached', [msg(plus(0)), reply(plus(30))], 40, { state: 'stopped', due: iso(plus(24)), remainingH: -6, breached: true, stop: 'replied' }],
    ['an auto-responder is not a response', [msg(plus(0)), reply(plus(0.01), true)], 25, { state: 'breached', due: iso(plus(24)), remainingH: -1, breached: true, stop: null }],
    ['"no response needed" stops the clock', [msg(plus(0)), { type: 'no_response_needed', at: plus(2) }], 30, { state: 'stopped', due: iso(plus(24)), remainingH: 22, breached: false, stop: 'no_response_needed' }],
    ['solving without a reply does not stop the Amazon clock', [msg(plus(0)), status(plus(2), 'solved')], 25, { state: 'breached', due: iso(plus(24)), remainingH: -1, breached: true, stop: null }],
    ['a message that needs no answer starts no clock', [msg(plus(0), true)], 30, null],
    ['two messages before a reply: timed from the first', [msg(plus(0)), msg(plus(5))], 23, { state: 'warning', due: iso(plus(24)), remainingH: 1, breached: false, stop: null }],
    ['events after now are ignored', [msg(plus(0)), reply(plus(5))], 3, { state: 'ok', due: iso(plus(24)), remainingH: 21, breached: false, stop: null }],
  ];
  it.each(cases)('%s', (_name, events, nowH, expected) => {
    expect(brief(sla(ALWAYS, AMAZON, events, plus(nowH)).firstResponse)).toEqual(expected);
  });

  it('next response: a new buyer message after a reply starts a new 24 h wait', () => {
    const r = sla(ALWAYS, AMAZON, [msg(plus(0)), reply(plus(1)), msg(plus(5)), msg(plus(7))], plus(6));
    expect(brief(r.firstResponse)).toEqual({ state: 'stopped', due: iso(plus(24)), remainingH: 23, breached: false, stop: 'replied' });
    expect(brief(r.nextResponse)).toEqual({ state: 'ok', due: iso(plus(29)), remainingH: 23, breached: false, stop: null });
    expect(r.resolution).toBeNull();
  });

  it('a real question after a "no response needed" mark gets a first-response clock of its own', () => {
    const r = sla(ALWAYS, AMAZON, [msg(plus(0)), { type: 'no_response_needed', at: plus(1) }, msg(plus(10))], plus(12));
    expect(brief(r.firstResponse)).toEqual({ state: 'ok', due: iso(plus(34)), remainingH: 22, breached: false, stop: null });
  });

  it('warnings: times, order, and reached flags', () => {
    const c = sla(ALWAYS, AMAZON, [msg(plus(0))], plus(23)).firstResponse;
    expect(c?.warnings.map((w) => [w.msLeft / H, iso(w.at), w.reached])).toEqual([
      [6, iso(plus(18)), true],
      [2, iso(plus(22)), true],
    ]);
  });
});

describe('business-hours clocks with pauses', () => {
  it('first response on business hours: a warning fires one business hour before an overnight deadline', () => {
    const t = { ...BUSINESS, firstResponseMs: 1 * H, warnings: [{ msLeft: 30 * M }] };
    const c = sla(BIZ, t, [msg(at('2025-06-16T16:30+02:00'))], at('2025-06-16T17:10+02:00')).firstResponse;
    expect(iso(c?.dueAt)).toBe(iso(at('2025-06-17T09:30+02:00')));
    expect(iso(c?.warnings[0]?.at)).toBe(iso(at('2025-06-16T17:00+02:00')));
    expect(c?.state).toBe('warning');
    expect(c?.remainingMs).toBe(30 * M);
  });

  it('warnings at 25 % and 1 h; offsets not below the target are dropped', () => {
    const t = { ...BUSINESS, warnings: [{ fractionLeft: 0.25 }, { msLeft: 1 * H }, { msLeft: 9 * H }] };
    const events = [msg(at('2025-06-16T15:00+02:00'))];
    const c = (now: string) => sla(BIZ, t, events, at(now)).firstResponse;
    expect(iso(c('2025-06-16T16:00+02:00')?.dueAt)).toBe(iso(at('2025-06-17T15:00+02:00')));
    expect(c('2025-06-16T16:00+02:00')?.warnings.map((w) => [w.msLeft / H, iso(w.at)])).toEqual([
      [2, iso(at('2025-06-17T13:00+02:00'))],
      [1, iso(at('2025-06-17T14:00+02:00'))],
    ]);
    expect(c('2025-06-16T16:00+02:00')?.state).toBe('ok');
    expect(c('2025-06-17T13:30+02:00')?.state).toBe('warning');
    expect(c('2025-06-17T15:00+02:00')?.state).toBe('breached');
  });

  // Monday 10:00 created; reply + pending Mon 11:00; buyer answers Tue 10:00; on hold Tue 15:00–Wed 11:00; now Wed 12:00.
  const PAUSED: SlaEvent[] = [
    msg(at('2025-06-16T10:00+02:00')),
    reply(at('2025-06-16T11:00+02:00')),
    status(at('2025-06-16T11:00+02:00'), 'pending'),
    msg(at('2025-06-17T10:00+02:00')),
    status(at('2025-06-17T15:00+02:00'), 'on_hold'),
    status(at('2025-06-18T11:00+02:00'), 'open'),
  ];

  it('several pauses push the resolution deadline out by the paused business time', () => {
    const r = sla(BIZ, BUSINESS, PAUSED, at('2025-06-18T12:00+02:00')).resolution;
    // Paused: Mon 11–17 (6 h) + Tue 09–10 (1 h) + Tue 15–17 (2 h) + Wed 09–11 (2 h) = 11 h; counted: 1 + 5 + 1 = 7 h.
    expect(r?.pausedMs).toBe(11 * H);
    expect(r?.elapsedMs).toBe(7 * H);
    expect(r?.remainingMs).toBe(9 * H);
    expect(iso(r?.dueAt)).toBe(iso(at('2025-06-19T13:00+02:00')));
    expect(r?.state).toBe('ok');
  });

  it('the same events without the pause flag: due Wednesday 10:00, breached', () => {
    const r = sla(BIZ, { ...BUSINESS, pauseWhenWaitingOnCustomer: false }, PAUSED, at('2025-06-18T12:00+02:00')).resolution;
    expect(iso(r?.dueAt)).toBe(iso(at('2025-06-18T10:00+02:00')));
    expect(r?.state).toBe('breached');
    expect(r?.remainingMs).toBe(-2 * H);
  });

  it('while paused: state paused, no due time, time left frozen', () => {
    const events = PAUSED.slice(0, 3);
    const a = sla(BIZ, BUSINESS, events, at('2025-06-17T12:00+02:00')).resolution;
    const b = sla(BIZ, BUSINESS, events, at('2025-06-20T12:00+02:00')).resolution;
    expect([a?.state, a?.dueAt, a?.remainingMs]).toEqual(['paused', null, 15 * H]);
    expect(b?.remainingMs).toBe(15 * H);
    expect(a?.warnings.every((w) => w.at === null)).toBe(true);
  });

  it('a pause over a weekend only moves the deadline by the business hours inside it', () => {
    const events = [msg(at('2025-06-20T09:00+02:00')), status(at('2025-06-20T16:00+02:00'), 'pending'), msg(at('2025-06-23T10:00+02:00'))];
    const r = sla(BIZ, BUSINESS, events, at('2025-06-23T11:00+02:00')).resolution;
    expect(r?.pausedMs).toBe(2 * H); // Fri 16–17 and Mon 09–10, not the 66 h of the weekend
    expect(iso(r?.dueAt)).toBe(iso(at('2025-06-24T11:00+02:00')));
  });

  it('a buyer message ends "pending" but not "on_hold"', () => {
    const pending = sla(BIZ, BUSINESS, [msg(at('2025-06-16T10:00+02:00')), status(at('2025-06-16T11:00+02:00'), 'pending'), msg(at('2025-06-16T12:00+02:00'))], at('2025-06-16T13:00+02:00'));
    const onHold = sla(BIZ, BUSINESS, [msg(at('2025-06-16T10:00+02:00')), status(at('2025-06-16T11:00+02:00'), 'on_hold'), msg(at('2025-06-16T12:00+02:00'))], at('2025-06-16T13:00+02:00'));
    expect([pending.firstResponse?.state, pending.firstResponse?.elapsedMs]).toEqual(['ok', 2 * H]);
    expect([onHold.firstResponse?.state, onHold.firstResponse?.elapsedMs]).toEqual(['paused', 1 * H]);
  });

  it('resolution stops when solved, excludes the solved time after a reopen, and a "thanks" does not reopen', () => {
    const t = { ...BUSINESS, resolutionMs: 48 * H };
    const base = [msg(plus(0)), reply(plus(1)), status(plus(10), 'solved')];
    const solved = sla(ALWAYS, t, base, plus(20)).resolution;
    expect(brief(solved)).toEqual({ state: 'stopped', due: iso(plus(48)), remainingH: 38, breached: false, stop: 'solved' });
    const reopened = sla(ALWAYS, t, [...base, msg(plus(20))], plus(30)).resolution;
    expect(brief(reopened)).toEqual({ state: 'ok', due: iso(plus(58)), remainingH: 28, breached: false, stop: null });
    const thanks = sla(ALWAYS, t, [...base, msg(plus(20), true)], plus(30)).resolution;
    expect(thanks?.state).toBe('stopped');
  });

  it('"no response needed" stops the resolution clock too; a new question resumes it without the marked time', () => {
    const t = { ...BUSINESS, resolutionMs: 48 * H };
    const nrn = (when: Date): SlaEvent => ({ type: 'no_response_needed', at: when });
    const marked = sla(ALWAYS, t, [msg(plus(0)), nrn(plus(2))], plus(100));
    expect(brief(marked.firstResponse)).toEqual({ state: 'stopped', due: iso(plus(8)), remainingH: 6, breached: false, stop: 'no_response_needed' });
    expect(brief(marked.resolution)).toEqual({ state: 'stopped', due: iso(plus(48)), remainingH: 46, breached: false, stop: 'no_response_needed' });
    expect(earliestDue(marked)).toBeNull();
    // The buyer writes again at +30: 28 h under the mark do not count.
    const again = sla(ALWAYS, t, [msg(plus(0)), nrn(plus(2)), msg(plus(30))], plus(31));
    expect(brief(again.resolution)).toEqual({ state: 'ok', due: iso(plus(76)), remainingH: 45, breached: false, stop: null });
    expect(brief(again.firstResponse)).toEqual({ state: 'ok', due: iso(plus(38)), remainingH: 7, breached: false, stop: null });
  });

  it('a ticket that opens with a message needing no answer has no running clock; a later "thanks" changes nothing', () => {
    const t = { ...BUSINESS, resolutionMs: 48 * H };
    const opened = sla(ALWAYS, t, [{ type: 'created', at: plus(0) }, msg(plus(0), true)], plus(100));
    expect(opened.firstResponse).toBeNull();
    expect(brief(opened.resolution)).toMatchObject({ state: 'stopped', stop: 'no_response_needed', remainingH: 48 });
    // After a question and a reply, a bare "thanks" does not stop the resolution clock: only the mark (or solving) does.
    const later = sla(ALWAYS, t, [msg(plus(0)), reply(plus(1)), msg(plus(2), true)], plus(3));
    expect(later.resolution?.state).toBe('ok');
  });

  it('"response needed" takes the mark back: the wait it ended goes on from its start, and resolution resumes', () => {
    const t = { ...BUSINESS, resolutionMs: 48 * H };
    const events: SlaEvent[] = [msg(plus(0)), { type: 'no_response_needed', at: plus(1) }, { type: 'response_needed', at: plus(5) }];
    const r = sla(ALWAYS, t, events, plus(6));
    expect(brief(r.firstResponse)).toEqual({ state: 'warning', due: iso(plus(8)), remainingH: 2, breached: false, stop: null });
    expect(brief(r.resolution)).toEqual({ state: 'ok', due: iso(plus(52)), remainingH: 46, breached: false, stop: null });
    // After a reply nothing waits: taking a later mark back starts no response clock, but resolution runs again.
    const answered = sla(ALWAYS, t, [msg(plus(0)), reply(plus(1)), { type: 'no_response_needed', at: plus(2) }, { type: 'response_needed', at: plus(3) }], plus(4));
    expect(answered.nextResponse).toBeNull();
    expect(answered.firstResponse?.stopReason).toBe('replied');
    expect(answered.resolution?.state).toBe('ok');
    // A ticket opened by a "thanks" the agent says needs an answer: the wait starts at that message.
    const opened = sla(ALWAYS, t, [msg(plus(0), true), { type: 'response_needed', at: plus(3) }], plus(4));
    expect(brief(opened.firstResponse)).toEqual({ state: 'ok', due: iso(plus(8)), remainingH: 4, breached: false, stop: null });
  });

  it('solving stops a business-hours response wait (solvingStopsResponse default)', () => {
    const r = sla(BIZ, BUSINESS, [msg(at('2025-06-16T10:00+02:00')), status(at('2025-06-16T11:00+02:00'), 'closed')], at('2025-06-17T10:00+02:00'));
    expect([r.firstResponse?.state, r.firstResponse?.stopReason, r.firstResponse?.breached]).toEqual(['stopped', 'solved', false]);
  });
});

describe('runClock', () => {
  const start = at('2025-06-01T00:00Z');
  const h = (n: number): Date => new Date(start.getTime() + n * H);

  it('overlapping pauses are merged, not counted twice', () => {
    const c = runClock({ calendar: ALWAYS, metric: 'resolution', startedAt: start, targetMs: 10 * H, excluded: [{ from: h(1), to: h(3) }, { from: h(2), to: h(4) }], stoppedAt: null, stopReason: null, now: h(5) });
    expect([iso(c.dueAt), c.pausedMs, c.elapsedMs]).toEqual([iso(h(13)), 3 * H, 2 * H]);
  });

  it('a breach before a pause stays a breach', () => {
    const c = runClock({ calendar: ALWAYS, metric: 'next_response', startedAt: start, targetMs: 2 * H, excluded: [{ from: h(3), to: null }], stoppedAt: null, stopReason: null, now: h(5) });
    expect([c.state, iso(c.breachedAt), c.remainingMs]).toEqual(['breached', iso(h(2)), -1 * H]);
  });

  it('a pause before the start is ignored', () => {
    const c = runClock({ calendar: ALWAYS, metric: 'first_response', startedAt: start, targetMs: 2 * H, excluded: [{ from: h(-5), to: h(-1) }], stoppedAt: null, stopReason: null, now: h(1) });
    expect([iso(c.dueAt), c.pausedMs]).toEqual([iso(h(2)), 0]);
  });

  it('refuses a target that is not positive', () => {
    expect(() => runClock({ calendar: ALWAYS, metric: 'resolution', startedAt: start, targetMs: 0, excluded: [], stoppedAt: null, stopReason: null, now: h(1) })).toThrow(SlaError);
  });
});

describe('earliestDue', () => {
  it('is the earliest deadline of the running clocks', () => {
    const t = { ...AMAZON, resolutionMs: 12 * H };
    const r = sla(ALWAYS, t, [msg(plus(0)), reply(plus(1)), msg(plus(2))], plus(3));
    // first response stopped (due +24), next response due +26, resolution due +12.
    expect(iso(earliestDue(r))).toBe(iso(plus(12)));
    expect(earliestDue(sla(ALWAYS, AMAZON, [msg(plus(0)), reply(plus(1))], plus(3)))).toBeNull();
  });
});
