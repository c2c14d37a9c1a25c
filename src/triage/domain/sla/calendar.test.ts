import { describe, expect, it } from 'vitest';
import { ALWAYS, SlaError, addBusinessTime, businessTimeBetween, defineCalendar, isOpen, nextOpening, validateCalendar, type BusinessCalendar, type HoursInterval } from './calendar.ts';

const H = 3_600_000;
const M = 60_000;
const at = (iso: string): Date => new Date(iso);
const hours = (...pairs: string[]): HoursInterval[] => pairs.map((p) => ({ start: p.slice(0, 5), end: p.slice(6, 11) }));
const WEEK = hours('09:00-17:30');

/** Mon–Fri 09:00–17:30, Sat 10:00–14:00; Christmas Eve and New Year's Eve half days; 25/26 Dec closed; 1 Jan every year. */
const BERLIN = defineCalendar({
  id: 'berlin',
  timeZone: 'Europe/Berlin',
  weekly: { mon: WEEK, tue: WEEK, wed: WEEK, thu: WEEK, fri: WEEK, sat: hours('10:00-14:00') },
  holidays: [
    { date: '2025-12-24', name: 'Heiligabend', hours: hours('09:00-12:00') },
    { date: '2025-12-25', name: '1. Weihnachtstag' },
    { date: '2025-12-26', name: '2. Weihnachtstag' },
    { date: '2025-12-31', name: 'Silvester', hours: hours('09:00-13:00') },
    { date: '01-01', name: 'Neujahr' },
    { date: '2027-01-01', name: 'Neujahr (open this year)', hours: hours('10:00-12:00') },
  ],
});
const LUNCH = hours('09:00-12:00', '13:00-17:00');
const BERLIN_LUNCH = defineCalendar({ id: 'lunch', timeZone: 'Europe/Berlin', weekly: { mon: LUNCH, tue: LUNCH, wed: LUNCH, thu: LUNCH, fri: LUNCH } });
const ALLDAY = hours('00:00-24:00');
const BERLIN_ALLDAY = defineCalendar({ id: 'allday', timeZone: 'Europe/Berlin', weekly: { sun: ALLDAY, mon: ALLDAY, tue: ALLDAY, wed: ALLDAY, thu: ALLDAY, fri: ALLDAY, sat: ALLDAY } });
/** Sunday night shifts that cross the DST change (02:00–03:00 local). */
const BERLIN_NIGHT = defineCalendar({ id: 'night', timeZone: 'Europe/Berlin', weekly: { sun: hours('01:00-05:00'), mon: WEEK } });
const BERLIN_GAP = defineCalendar({ id: 'gap', timeZone: 'Europe/Berlin', weekly: { sun: hours('02:30-04:00') } });
const LA_DAY = hours('09:00-17:00');
const LA = defineCalendar({ id: 'la', timeZone: 'America/Los_Angeles', weekly: { sun: hours('00:00-03:00'), mon: LA_DAY, tue: LA_DAY, wed: LA_DAY, thu: LA_DAY, fri: LA_DAY } });

describe('addBusinessTime', () => {
  const cases: [string, BusinessCalendar, string, number, string][] = [
    ['inside hours, same day', BERLIN, '2025-06-10T10:00+02:00', 2 * H, '2025-06-10T12:00+02:00'],
    ['over the closing time to the next morning', BERLIN, '2025-06-10T16:30+02:00', 2 * H, '2025-06-11T10:00+02:00'],
    ['start before opening counts from the opening', BERLIN, '2025-06-10T07:00+02:00', 1 * H, '2025-06-10T10:00+02:00'],
    ['start after closing counts from the next opening', BERLIN, '2025-06-10T20:00+02:00', 1 * H, '2025-06-11T10:00+02:00'],
    ['a deadline exactly at closing stays at closing', BERLIN, '2025-06-10T16:30+02:00', 1 * H, '2025-06-10T17:30+02:00'],
    ['Friday evening into the short Saturday', BERLIN, '2025-06-13T17:00+02:00', 2 * H, '2025-06-14T11:30+02:00'],
    ['Saturday after closing skips Sunday', BERLIN, '2025-06-14T15:00+02:00', 1 * H, '2025-06-16T10:00+02:00'],
    ['zero on a Sunday is the Monday opening', BERLIN, '2025-06-15T12:00+02:00', 0, '2025-06-16T09:00+02:00'],
    ['Berlin spring-forward weekend: Monday opens at 09:00 CEST (07:00Z)', BERLIN, '2025-03-29T13:00+01:00', 2 * H, '2025-03-31T08:00Z'],
    ['Berlin fall-back weekend: Monday opens at 09:00 CET (08:00Z)', BERLIN, '2025-10-25T13:00+02:00', 2 * H, '2025-10-27T09:00Z'],
    ['holiday run: half day 24 Dec, closed 25/26, open Saturday 27', BERLIN, '2025-12-23T17:00+01:00', 4 * H, '2025-12-27T10:30+01:00'],
    ['holiday run to the Monday after', BERLIN, '2025-12-23T17:00+01:00', 15 * H, '2025-12-29T16:30+01:00'],
    ['year end: half day 31 Dec, 1 Jan closed (every year)', BERLIN, '2025-12-29T09:00+01:00', 24 * H, '2026-01-02T12:00+01:00'],
    ['a dated entry beats the yearly holiday (1 Jan 2027 open 10–12)', BERLIN, '2026-12-31T20:00+01:00', 1 * H, '2027-01-01T11:00+01:00'],
    ['two intervals a day: the lunch break does not count', BERLIN_LUNCH, '2025-06-10T11:00+02:00', 2 * H, '2025-06-10T14:00+02:00'],
    ['inside the lunch break: counting starts at 13:00', BERLIN_LUNCH, '2025-06-10T12:30+02:00', 30 * M, '2025-06-10T13:30+02:00'],
    ['LA spring forward: Sunday 00:00–03:00 is 2 real hours, Monday 09:00 PDT', LA, '2025-03-07T16:00-08:00', 4 * H, '2025-03-10T17:00Z'],
    ['LA spring forward: inside the short Sunday', LA, '2025-03-07T16:00-08:00', 2 * H, '2025-03-09T09:00Z'],
    ['LA fall back: the repeated 01:00 hour counts twice', LA, '2025-10-31T16:00-07:00', 4 * H, '2025-11-02T10:00Z'],
    ['Berlin night shift over fall back: 01:00 CEST + 3 real hours = 03:00 CET (02:00 twice)', BERLIN_NIGHT, '2025-10-26T01:00+02:00', 3 * H, '2025-10-26T03:00+01:00'],
  ];
  it.each(cases)('%s', (_name, cal, start, ms, expected) => {
    expect(addBusinessTime(cal, at(start), ms).toISOString()).toBe(at(expected).toISOString());
  });

  it('the always calendar ignores weekends, holidays and DST: 24 h are 24 real hours', () => {
    expect(addBusinessTime(ALWAYS, at('2025-06-13T20:00+02:00'), 24 * H).toISOString()).toBe(at('2025-06-14T20:00+02:00').toISOString());
    expect(addBusinessTime(ALWAYS, at('2025-12-24T18:00+01:00'), 24 * H).toISOString()).toBe(at('2025-12-25T18:00+01:00').toISOString());
    // Saturday 12:00 CET + 24 h = Sunday 13:00 CEST (the night lost an hour, Amazon's clock did not).
    expect(addBusinessTime(ALWAYS, at('2025-03-29T12:00+01:00'), 24 * H).toISOString()).toBe(at('2025-03-30T13:00+02:00').toISOString());
  });

  it('round-trips with businessTimeBetween for many starts and durations', () => {
    let seed = 12345;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const base = at('2025-03-01T00:00Z').getTime();
    for (let i = 0; i < 200; i++) {
      const cal = [BERLIN, BERLIN_LUNCH, LA, BERLIN_NIGHT][i % 4] as BusinessCalendar;
      const start = new Date(base + Math.floor(next() * 300 * 24) * H + Math.floor(next() * 60) * M);
      const ms = Math.floor(next() * 60) * 15 * M;
      const due = addBusinessTime(cal, start, ms);
      expect(businessTimeBetween(cal, start, due)).toBe(ms);
      expect(due.getTime()).toBeGreaterThanOrEqual(start.getTime());
    }
  });
});

describe('businessTimeBetween', () => {
  const cases: [string, BusinessCalendar, string, string, number][] = [
    ['one weekday', BERLIN, '2025-06-16T00:00+02:00', '2025-06-17T00:00+02:00', 8.5 * H],
    ['a whole week (Saturday 4 h, Sunday closed)', BERLIN, '2025-06-16T00:00+02:00', '2025-06-23T00:00+02:00', 46.5 * H],
    ['Christmas week: 8.5 + 8.5 + 3 + 0 + 0 + 4 + 0', BERLIN, '2025-12-22T00:00+01:00', '2025-12-29T00:00+01:00', 24 * H],
    ['two intervals a day', BERLIN_LUNCH, '2025-06-10T08:00+02:00', '2025-06-10T18:00+02:00', 7 * H],
    ['Berlin spring-forward Sunday is 23 hours long', BERLIN_ALLDAY, '2025-03-30T00:00+01:00', '2025-03-31T00:00+02:00', 23 * H],
    ['Berlin fall-back Sunday is 25 hours long', BERLIN_ALLDAY, '2025-10-26T00:00+02:00', '2025-10-27T00:00+01:00', 25 * H],
    ['Berlin 01:00–05:00 over spring forward: 3 real hours', BERLIN_NIGHT, '2025-03-30T00:00Z', '2025-03-30T12:00Z', 3 * H],
    ['Berlin 01:00–05:00 over fall back: 5 real hours', BERLIN_NIGHT, '2025-10-25T22:00Z', '2025-10-26T12:00Z', 5 * H],
    ['opening inside the spring gap (02:30) opens at the change (03:00 CEST)', BERLIN_GAP, '2025-03-29T00:00Z', '2025-03-31T00:00Z', 1 * H],
    ['opening inside the repeated hour opens at its first pass (02:30 CEST)', BERLIN_GAP, '2025-10-25T00:00Z', '2025-10-27T00:00Z', 2.5 * H],
    ['LA spring-forward Sunday 00:00–03:00: 2 hours', LA, '2025-03-09T00:00Z', '2025-03-09T23:00Z', 2 * H],
    ['LA fall-back Sunday 00:00–03:00: 4 hours', LA, '2025-11-02T00:00Z', '2025-11-02T23:00Z', 4 * H],
    ['across midnight: Friday 17:00 to Saturday 11:00', BERLIN, '2025-06-13T17:00+02:00', '2025-06-14T11:00+02:00', 1.5 * H],
    ['reversed bounds are negative', BERLIN, '2025-06-17T00:00+02:00', '2025-06-16T00:00+02:00', -8.5 * H],
    ['empty range', BERLIN, '2025-06-16T10:00+02:00', '2025-06-16T10:00+02:00', 0],
  ];
  it.each(cases)('%s', (_name, cal, from, to, expected) => {
    expect(businessTimeBetween(cal, at(from), at(to))).toBe(expected);
  });

  it('the always calendar counts real time, weekends and holidays included', () => {
    expect(businessTimeBetween(ALWAYS, at('2025-12-24T00:00+01:00'), at('2025-12-27T00:00+01:00'))).toBe(72 * H);
    expect(businessTimeBetween(ALWAYS, at('2025-03-30T00:00+01:00'), at('2025-03-31T00:00+02:00'))).toBe(23 * H);
  });
});

describe('isOpen and nextOpening', () => {
  const open: [string, BusinessCalendar, string, boolean][] = [
    ['weekday inside', BERLIN, '2025-06-10T10:00+02:00', true],
    ['at the opening instant', BERLIN, '2025-06-10T09:00+02:00', true],
    ['at the closing instant', BERLIN, '2025-06-10T17:30+02:00', false],
    ['Sunday', BERLIN, '2025-06-15T10:00+02:00', false],
    ['Saturday short hours', BERLIN, '2025-06-14T13:59+02:00', true],
    ['Christmas Day', BERLIN, '2025-12-25T10:00+01:00', false],
    ['Christmas Eve morning', BERLIN, '2025-12-24T11:00+01:00', true],
    ['Christmas Eve afternoon', BERLIN, '2025-12-24T12:30+01:00', false],
    ['1 January (yearly) 2026', BERLIN, '2026-01-01T10:00+01:00', false],
    ['1 January (yearly) 2030', BERLIN, '2030-01-01T10:00+01:00', false],
    ['1 January 2027 dated override', BERLIN, '2027-01-01T11:00+01:00', true],
    ['lunch break', BERLIN_LUNCH, '2025-06-10T12:00+02:00', false],
    ['just before lunch', BERLIN_LUNCH, '2025-06-10T11:59+02:00', true],
    ['Berlin spring gap, 01:45 CET: not yet open', BERLIN_GAP, '2025-03-30T00:45Z', false],
    ['Berlin spring gap, 03:00 CEST: open', BERLIN_GAP, '2025-03-30T01:00Z', true],
    ['LA fall back, 02:30 PST: open', LA, '2025-11-02T10:30Z', true],
    ['LA fall back, 03:00 PST: closed', LA, '2025-11-02T11:00Z', false],
  ];
  it.each(open)('isOpen: %s', (_name, cal, when, expected) => {
    expect(isOpen(cal, at(when))).toBe(expected);
  });

  const next: [string, BusinessCalendar, string, string][] = [
    ['open now: now', BERLIN, '2025-06-10T10:00+02:00', '2025-06-10T10:00+02:00'],
    ['Saturday evening → Monday', BERLIN, '2025-06-14T15:00+02:00', '2025-06-16T09:00+02:00'],
    ['Christmas Eve afternoon → Saturday 27th', BERLIN, '2025-12-24T12:00+01:00', '2025-12-27T10:00+01:00'],
    ['lunch → 13:00', BERLIN_LUNCH, '2025-06-10T12:10+02:00', '2025-06-10T13:00+02:00'],
    ['spring-gap opening → the DST change instant', BERLIN_GAP, '2025-03-30T00:00Z', '2025-03-30T01:00Z'],
    ['fall-back opening → first 02:30 (CEST)', BERLIN_GAP, '2025-10-25T23:00Z', '2025-10-26T00:30Z'],
  ];
  it.each(next)('nextOpening: %s', (_name, cal, when, expected) => {
    expect(nextOpening(cal, at(when)).toISOString()).toBe(at(expected).toISOString());
  });

  it('the always calendar is always open', () => {
    expect(isOpen(ALWAYS, at('2025-12-25T03:00+01:00'))).toBe(true);
    expect(nextOpening(ALWAYS, at('2025-06-15T03:00Z')).toISOString()).toBe('2025-06-15T03:00:00.000Z');
  });
});

describe('bad calendars and inputs give clear errors (and never loop forever)', () => {
  const code = (f: () => unknown): string | undefined => {
    try {
      f();
    } catch (e) {
      return e instanceof SlaError ? e.code : `not an SlaError: ${String(e)}`;
    }
    return undefined;
  };

  it('a calendar with no business hours at all', () => {
    expect(code(() => defineCalendar({ id: 'none', timeZone: 'Europe/Berlin', weekly: {} }))).toBe('no_business_hours');
    const raw: BusinessCalendar = { kind: 'business', id: 'raw', timeZone: 'UTC', weekly: { mon: [] } };
    expect(code(() => addBusinessTime(raw, at('2025-06-10T10:00Z'), H))).toBe('no_business_hours');
    expect(code(() => nextOpening(raw, at('2025-06-10T10:00Z')))).toBe('no_business_hours');
    const check = validateCalendar(raw);
    expect(check.ok).toBe(false);
    expect(!check.ok && check.message).toMatch(/no weekly business hours/);
  });

  it('holidays that cover every opening for over a year', () => {
    const mondays = Array.from({ length: 120 }, (_, i) => ({ date: new Date(Date.UTC(2025, 0, 6 + 7 * i)).toISOString().slice(0, 10) }));
    const cal = defineCalendar({ id: 'mondays', timeZone: 'UTC', weekly: { mon: hours('09:00-17:00') }, holidays: mondays });
    expect(code(() => addBusinessTime(cal, at('2025-01-01T00:00Z'), H))).toBe('no_business_hours');
    // A bounded range inside the closed run is simply 0.
    expect(businessTimeBetween(cal, at('2025-01-01T00:00Z'), at('2025-03-01T00:00Z'))).toBe(0);
  });

  it('a deadline further away than the scan limit', () => {
    expect(code(() => addBusinessTime(BERLIN, at('2025-01-01T00:00Z'), 30 * 365 * 24 * H))).toBe('out_of_range');
  });

  const invalid: [string, Omit<BusinessCalendar, 'kind'>, RegExp][] = [
    ['unknown time zone', { id: 'x', timeZone: 'Mars/Olympus', weekly: { mon: WEEK } }, /not an IANA time zone/],
    ['hour 25', { id: 'x', timeZone: 'UTC', weekly: { mon: hours('09:00-25:00') } }, /not a time/],
    ['24:00 as a start', { id: 'x', timeZone: 'UTC', weekly: { mon: hours('24:00-24:00') } }, /not a time/],
    ['end before start', { id: 'x', timeZone: 'UTC', weekly: { mon: hours('17:00-09:00') } }, /ends before it starts/],
    ['no such date', { id: 'x', timeZone: 'UTC', weekly: { mon: WEEK }, holidays: [{ date: '2025-02-30' }] }, /YYYY-MM-DD or MM-DD/],
    ['not a weekday', { id: 'x', timeZone: 'UTC', weekly: { mon: WEEK, monday: WEEK } as BusinessCalendar['weekly'] }, /not a weekday/],
    ['the reserved id', { id: 'always', timeZone: 'UTC', weekly: { mon: WEEK } } as unknown as BusinessCalendar, /other than "always"/],
  ];
  it.each(invalid)('invalid: %s', (_name, input, message) => {
    expect(code(() => defineCalendar(input))).toBe('invalid_calendar');
    const check = validateCalendar({ kind: 'business', ...input });
    expect(check.ok).toBe(false);
    expect(!check.ok && check.message).toMatch(message);
  });

  it('overlapping and touching intervals are merged, not double-counted', () => {
    const cal = defineCalendar({ id: 'merge', timeZone: 'UTC', weekly: { mon: hours('09:00-12:00', '11:00-13:00', '13:00-14:00') } });
    expect(businessTimeBetween(cal, at('2025-06-16T00:00Z'), at('2025-06-17T00:00Z'))).toBe(5 * H);
  });

  it('bad durations and dates', () => {
    expect(code(() => addBusinessTime(BERLIN, at('2025-06-10T10:00Z'), -1))).toBe('bad_input');
    expect(code(() => addBusinessTime(ALWAYS, at('2025-06-10T10:00Z'), Number.POSITIVE_INFINITY))).toBe('bad_input');
    expect(code(() => isOpen(BERLIN, at('not a date')))).toBe('bad_input');
  });
});
