import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SPIKE_CONFIG,
  carrierName,
  describeSlice,
  findSpikes,
  logGamma,
  poissonUpperTail,
  sliceStats,
  spikeConfig,
  spikeMessage,
  type SliceCounts,
  type SpikeConfig,
} from './spikes.ts';

const flat = (perDay: number): number[] => new Array<number>(14).fill(perDay);
const alternating = (a: number, b: number): number[] => Array.from({ length: 14 }, (_, i) => (i % 2 ? b : a));
const row = (channel: string, marketplace: string | null, carrier: string | null, observed: number, baseline: number[], ids: string[] = [], orders: string[] = []): SliceCounts =>
  ({ channel, marketplace, carrier, observed, baseline, ticketIds: ids, orderIds: orders });

describe('poissonUpperTail: P(X ≥ k | λ)', () => {
  // Reference values: direct summation of the pmf in double precision (Python math.lgamma).
  const cases: [number, number, number][] = [
    [5, 1, 0.00365984682734371],
    [14, 4, 7.632841534333052e-5],
    [10, 4, 0.008132242796933866],
    [11, 4, 0.0028397661205137414],
    [8, 2, 0.0010967189678587036],
    [6, 2, 0.01656360848061442],
    [19, 10, 0.007186504603854359],
    [20, 10, 0.0034543419758568308],
    [1000, 1000, 0.5042052441800837],
    [1200, 1000, 4.684203855872235e-10],
    [1, 2, 1 - Math.exp(-2)],
    [0, 3, 1],
    [3, 0, 0],
  ];
  it.each(cases)('k=%d, λ=%d → %s', (k, lambda, p) => {
    const got = poissonUpperTail(k, lambda);
    expect(Math.abs(got - p)).toBeLessThanOrEqual(Math.max(1e-12, p * 1e-9));
  });
});

describe('logGamma', () => {
  const cases: [number, number][] = [[1, 0], [2, 0], [5, Math.log(24)], [0.5, Math.log(Math.sqrt(Math.PI))], [101, 363.73937555556347]];
  it.each(cases)('lnΓ(%s) = %s', (x, v) => {
    expect(logGamma(x)).toBeCloseTo(v, 10);
  });
});

describe('sliceStats: the test of one slice (defaults: ≥ 5, ≥ 2×, p ≤ 0.005, z ≥ 3, expected ≥ 1 per window)', () => {
  const cases: [string, number, number[], Partial<SpikeConfig>, { spikes: boolean; expected: number; ratio: number; z: number }][] = [
    ['quiet slice (baseline 0): 5 complaints is enough', 5, flat(0), {}, { spikes: true, expected: 0, ratio: 5, z: 4 }],
    ['quiet slice: 4 is below minCount', 4, flat(0), {}, { spikes: false, expected: 0, ratio: 4, z: 3 }],
    ['4 a day, 14 today: the example', 14, flat(4), {}, { spikes: true, expected: 4, ratio: 3.5, z: 5 }],
    ['4 a day, 10 today: ratio 2.5 but p = 0.008', 10, flat(4), {}, { spikes: false, expected: 4, ratio: 2.5, z: 3 }],
    ['4 a day, 11 today: p = 0.0028', 11, flat(4), {}, { spikes: true, expected: 4, ratio: 2.75, z: 3.5 }],
    ['noisy slice (0/8 alternating, mean 4): 16 is an ordinary bad day', 16, alternating(0, 8), {}, { spikes: false, expected: 4, ratio: 4, z: 12 / Math.sqrt(224 / 13) }],
    ['noisy slice: 17 is beyond its own swing', 17, alternating(0, 8), {}, { spikes: true, expected: 4, ratio: 4.25, z: 13 / Math.sqrt(224 / 13) }],
    ['100 a day, 190 today: below 2×', 190, flat(100), {}, { spikes: false, expected: 100, ratio: 1.9, z: 9 }],
    ['100 a day, 200 today', 200, flat(100), {}, { spikes: true, expected: 100, ratio: 2, z: 10 }],
    ['6-hour window, 8 a day (2 expected): 8 spikes', 8, flat(8), { windowHours: 6 }, { spikes: true, expected: 2, ratio: 4, z: 6 / Math.sqrt(2) }],
    ['6-hour window, 8 a day: 6 does not (p = 0.017)', 6, flat(8), { windowHours: 6 }, { spikes: false, expected: 2, ratio: 3, z: 4 / Math.sqrt(2) }],
    ['minCount 10 lifts the bar for the quiet slice', 9, flat(0), { minCount: 10 }, { spikes: false, expected: 0, ratio: 9, z: 8 }],
    ['a higher floor on expected', 5, flat(0), { minExpected: 2 }, { spikes: false, expected: 0, ratio: 2.5, z: 3 / Math.sqrt(2) }],
  ];
  it.each(cases)('%s', (_name, observed, baseline, config, want) => {
    const s = sliceStats(observed, baseline, spikeConfig(config));
    expect(s.spikes).toBe(want.spikes);
    expect(s.observed).toBe(observed);
    expect(s.expected).toBeCloseTo(want.expected, 10);
    expect(s.ratio).toBeCloseTo(want.ratio, 10);
    expect(s.z).toBeCloseTo(want.z, 10);
  });
});

describe('findSpikes: slices, roll-up and no double alerting', () => {
  const usps = (observed: number, perDay: number, ids: string[] = [], orders: string[] = []) => row('amazon', 'US', 'USPS', observed, flat(perDay), ids, orders);

  it('a burst on one carrier raises one alert, on the carrier slice, with its tickets and orders', () => {
    const spikes = findSpikes([
      usps(14, 4, ['t3', 't1', 't2'], ['o2', 'o1']),
      row('amazon', 'US', 'UPS', 2, flat(2), ['t9'], ['o9']),
      row('amazon', 'DE', 'DHL', 1, flat(1)),
      row('shopify', null, null, 1, flat(1)),
    ]);
    expect(spikes).toHaveLength(1);
    const [s] = spikes;
    expect(s).toMatchObject({
      key: 'amazon|US|USPS', slice: { level: 'carrier', channel: 'amazon', marketplace: 'US', carrier: 'USPS' }, observed: 14, expected: 4, ratio: 3.5,
      ticketIds: ['t1', 't2', 't3'], orderIds: ['o1', 'o2'], beyond: [],
      message: 'late-shipment / valid-tracking risk: 14 delivery complaints on Amazon US via USPS in 24 h, 3.5× the usual 4.0',
    });
    expect(s!.baseline).toEqual(flat(4));
    expect(s!.pValue).toBeCloseTo(7.632841534333052e-5, 12);
  });

  it('a rise spread thin over many carriers (none spiking alone) is reported on the marketplace', () => {
    const carriers = ['USPS', 'UPS', 'FedEx', 'DHL', 'OnTrac', 'none'];
    const spikes = findSpikes(carriers.map((c, i) => row('amazon', 'US', c, 3, flat(1), [`t${i}`], [`o${i}`])));
    expect(spikes.map((s) => [s.key, s.observed, s.expected, s.beyond])).toEqual([['amazon|US|*', 18, 6, []]]);
    expect(spikes[0]!.ticketIds).toEqual(['t0', 't1', 't2', 't3', 't4', 't5']);
    expect(spikes[0]!.message).toBe('late-shipment / valid-tracking risk: 18 delivery complaints on Amazon US in 24 h, 3.0× the usual 6.0');
  });

  it('a parent is reported as well only when it spikes beyond what its reported carrier explains', () => {
    const rest = ['UPS', 'FedEx', 'DHL'].map((c) => row('amazon', 'US', c, 4, flat(1)));
    const spikes = findSpikes([usps(14, 4), ...rest]);
    expect(spikes.map((s) => [s.key, s.observed, s.expected, s.beyond])).toEqual([
      ['amazon|US|USPS', 14, 4, []],
      ['amazon|US|*', 26, 7, ['amazon|US|USPS']],
    ]);
    expect(spikes[1]!.message).toBe('late-shipment / valid-tracking risk: 26 delivery complaints on Amazon US in 24 h, 3.7× the usual 7.0 (more than USPS alone explains)');
  });

  it('two carriers spiking: two alerts, the marketplace and channel stay quiet', () => {
    const spikes = findSpikes([usps(14, 4), row('amazon', 'US', 'UPS', 12, flat(3)), row('amazon', 'US', 'FedEx', 3, flat(3))]);
    expect(spikes.map((s) => s.key)).toEqual(['amazon|US|USPS', 'amazon|US|UPS']);
  });

  it('the channel is reported when its marketplaces rise together, beyond a marketplace already reported', () => {
    const mk = (m: string, observed: number, perDay: number) => row('amazon', m, 'DHL', observed, flat(perDay));
    // DE's DHL spikes alone; UK, FR, IT, ES rise by 3 each (none alone): the channel residual is 16 against 4.
    const spikes = findSpikes([mk('DE', 20, 4), mk('UK', 4, 1), mk('FR', 4, 1), mk('IT', 4, 1), mk('ES', 4, 1)]);
    expect(spikes.map((s) => [s.key, s.observed, s.beyond])).toEqual([['amazon|DE|DHL', 20, []], ['amazon|*|*', 36, ['amazon|DE|DHL']]]);
    expect(spikes[1]!.message).toBe('late-shipment / valid-tracking risk: 36 delivery complaints on Amazon in 24 h, 4.5× the usual 8.0 (more than Amazon DE via DHL alone explains)');
  });

  it('merges spellings of a carrier, and names unknown marketplaces and carriers "none"', () => {
    const spikes = findSpikes([
      row('amazon', 'US', 'usps', 4, flat(1), ['a']), row('amazon', 'US', ' U.S.P.S ', 0, flat(0)), row('amazon', 'US', 'USPS', 3, flat(1), ['b']),
      row('shopify', null, null, 6, flat(0), ['s1']), row('shopify', '', '  ', 1, flat(0), ['s2']),
    ]);
    expect(spikes.map((s) => [s.key, s.observed, s.expected, s.ticketIds])).toEqual([
      ['amazon|US|USPS', 7, 2, ['a', 'b']],
      ['shopify|none|none', 7, 0, ['s1', 's2']],
    ]);
    expect(spikes[1]!.message).toBe('delivery risk: 7 delivery complaints on Shopify with no shipment on file in 24 h, usually none');
  });

  it('pads a short baseline with zero days and ignores days past the baseline', () => {
    const short = findSpikes([row('tiktok', 'US', 'UPS', 30, [20])]);
    expect(short.map((s) => [s.key, s.expected])).toEqual([['tiktok|US|UPS', 20 / 14]]);
    const long = findSpikes([row('tiktok', 'US', 'UPS', 5, [...flat(0), 1000])]);
    expect(long.map((s) => [s.key, s.expected, s.baseline.length])).toEqual([['tiktok|US|UPS', 0, 14]]);
  });

  it('a quiet workspace, and an ordinary day, raise nothing', () => {
    expect(findSpikes([])).toEqual([]);
    expect(findSpikes([usps(4, 4), row('amazon', 'DE', 'DHL', 2, alternating(0, 4)), row('shopify', null, 'UPS', 1, flat(1))])).toEqual([]);
  });
});

describe('spikeConfig', () => {
  it('ships the documented defaults', () => {
    expect(spikeConfig()).toEqual({ windowHours: 24, baselineDays: 14, minCount: 5, minRatio: 2, maxPValue: 0.005, minZ: 3, minExpected: 1, intents: ['where_is_my_order', 'not_received'] });
    expect(spikeConfig({ minCount: 8 })).toEqual({ ...DEFAULT_SPIKE_CONFIG, minCount: 8 });
  });
  const bad: [string, Partial<SpikeConfig>, RegExp][] = [
    ['no window', { windowHours: 0 }, /windowHours must be a positive number/],
    ['fractional baseline days', { baselineDays: 1.5 }, /baselineDays must be a whole number/],
    ['ratio below 1', { minRatio: 0.5 }, /minRatio must be at least 1/],
    ['p-value 0', { maxPValue: 0 }, /maxPValue must be in \(0, 1\]/],
    ['no intents', { intents: [] }, /intents must name at least one intent/],
    ['NaN minZ', { minZ: Number.NaN }, /minZ must be a number/],
  ];
  it.each(bad)('refuses %s', (_name, c, msg) => {
    expect(() => spikeConfig(c)).toThrow(msg);
  });
});

describe('names and messages', () => {
  const names: [string | null, string][] = [['usps', 'USPS'], ['U.S.P.S.', 'USPS'], ['FedEx Ground', 'FedEx Ground'], ['fed ex', 'FedEx'], ['AMZL', 'Amazon Logistics'], ['Royal Mail', 'Royal Mail'], ['Yodel', 'Yodel'], [null, 'none'], ['', 'none']];
  it.each(names)('carrier %s → %s', (raw, name) => {
    expect(carrierName(raw)).toBe(name);
  });

  it.each([
    [{ level: 'channel', channel: 'tiktok', marketplace: null, carrier: null }, 'TikTok Shop'],
    [{ level: 'marketplace', channel: 'amazon', marketplace: 'DE', carrier: null }, 'Amazon DE'],
    [{ level: 'carrier', channel: 'email', marketplace: 'none', carrier: 'DHL' }, 'e-mail via DHL'],
    [{ level: 'carrier', channel: 'shopify', marketplace: 'none', carrier: 'none' }, 'Shopify with no shipment on file'],
  ] as const)('slice %o is "%s"', (slice, text) => {
    expect(describeSlice(slice)).toBe(text);
  });

  it('says one complaint, fractional windows and the non-Amazon risk', () => {
    expect(spikeMessage({ level: 'channel', channel: 'shopify', marketplace: null, carrier: null }, 1, 0, 1, 6)).toBe('delivery risk: 1 delivery complaint on Shopify in 6 h, usually none');
    expect(spikeMessage({ level: 'marketplace', channel: 'amazon', marketplace: 'JP', carrier: null }, 9, 2.2, 4, 1.5)).toBe('late-shipment / valid-tracking risk: 9 delivery complaints on Amazon JP in 1.5 h, 4.0× the usual 2.2');
  });
});
