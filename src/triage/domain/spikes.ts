/**
 * Spike detection for delivery complaints: "where is my order" / "not received" conversations in one slice
 * (channel; channel + marketplace; channel + marketplace + carrier) well above that slice's own baseline. A
 * burst on one carrier or marketplace is the early sign of late shipments and invalid tracking — Amazon's Late
 * Shipment Rate (< 4 %, 10/30 days) and Valid Tracking Rate (≥ 95 %, 30 days) show it days later.
 *
 * The statistic, per slice (all thresholds are `SpikeConfig`, defaults in DEFAULT_SPIKE_CONFIG):
 * - counts are distinct complaining tickets per bucket: the window (default the last 24 h) and one bucket per
 *   24 h of the baseline (default the 14 days before the window; a day with none counts 0). A buyer who writes
 *   three times is one complaint, so one angry thread cannot look like a spike.
 * - expected = the baseline's daily mean × window length in days; the tests use E = max(expected, minExpected),
 *   so a slice that was quiet (baseline 0) still needs `minCount` complaints, not one.
 * - it spikes when all hold: observed ≥ minCount; ratio = observed / E ≥ minRatio; the Poisson upper tail
 *   P(X ≥ observed | λ = E) ≤ maxPValue (exact, also for small counts); and z = (observed − E) / √V ≥ minZ
 *   with V = E + w² · max(0, s² − mean) (s² the baseline's day-to-day sample variance, w the window in days):
 *   the Poisson part plus the slice's own extra day-to-day swing, so a slice that is always noisy does not
 *   alert on an ordinary bad day.
 *
 * No double alerting: slices are tested from the most specific up. A parent (marketplace, channel) is reported
 * only when what remains after taking away its reported sub-slices still spikes by the same test — a USPS
 * burst raises one alert on "Amazon US via USPS", not three; a rise spread thin over many carriers (none
 * spiking alone) still raises "Amazon US". A reported parent shows its whole counts and names the sub-slices it
 * goes beyond (`beyond`).
 */

export const DELIVERY_COMPLAINT_INTENTS = ['where_is_my_order', 'not_received'] as const;
/** Marketplace or carrier when unknown (no marketplace on the ticket; no order, or an order without shipments). */
export const NONE = 'none';

export type SliceLevel = 'channel' | 'marketplace' | 'carrier';
/** marketplace is null at channel level, carrier is null above carrier level. */
export interface Slice {
  readonly level: SliceLevel;
  readonly channel: string;
  readonly marketplace: string | null;
  readonly carrier: string | null;
}

/** Counts of one finest slice (channel + marketplace + carrier); parents are summed from these. */
export interface SliceCounts {
  readonly channel: string;
  readonly marketplace: string | null;
  readonly carrier: string | null;
  /** Complaints in the window. */
  readonly observed: number;
  /** Complaints per baseline day; [0] is the 24 h just before the window. Missing days count 0. */
  readonly baseline: readonly number[];
  /** The tickets and orders behind the window's complaints. */
  readonly ticketIds?: readonly string[];
  readonly orderIds?: readonly string[];
}

export interface SpikeConfig {
  readonly windowHours: number;
  readonly baselineDays: number;
  readonly minCount: number;
  readonly minRatio: number;
  readonly maxPValue: number;
  readonly minZ: number;
  /** Floor on the expected count per window. */
  readonly minExpected: number;
  readonly intents: readonly string[];
}

export const DEFAULT_SPIKE_CONFIG: SpikeConfig = Object.freeze({
  windowHours: 24,
  baselineDays: 14,
  minCount: 5,
  minRatio: 2,
  maxPValue: 0.005,
  minZ: 3,
  minExpected: 1,
  intents: DELIVERY_COMPLAINT_INTENTS,
});

/** The defaults with `overrides` applied; throws RangeError on a value that makes no sense. */
export function spikeConfig(overrides: Partial<SpikeConfig> = {}): SpikeConfig {
  const c = { ...DEFAULT_SPIKE_CONFIG, ...overrides };
  const positive = ['windowHours', 'baselineDays', 'minCount', 'minExpected'] as const;
  for (const k of positive) if (!(Number.isFinite(c[k]) && c[k] > 0)) throw new RangeError(`spike config: ${k} must be a positive number (got ${c[k]})`);
  if (!Number.isInteger(c.baselineDays)) throw new RangeError(`spike config: baselineDays must be a whole number (got ${c.baselineDays})`);
  if (!(c.minRatio >= 1)) throw new RangeError(`spike config: minRatio must be at least 1 (got ${c.minRatio})`);
  if (!(c.maxPValue > 0 && c.maxPValue <= 1)) throw new RangeError(`spike config: maxPValue must be in (0, 1] (got ${c.maxPValue})`);
  if (!Number.isFinite(c.minZ)) throw new RangeError(`spike config: minZ must be a number (got ${c.minZ})`);
  if (c.intents.length === 0) throw new RangeError('spike config: intents must name at least one intent');
  return Object.freeze({ ...c, intents: Object.freeze([...c.intents]) });
}

export interface SliceStats {
  readonly observed: number;
  /** Baseline daily mean scaled to the window (before the floor). */
  readonly expected: number;
  /** observed / max(expected, minExpected). */
  readonly ratio: number;
  readonly pValue: number;
  readonly z: number;
  readonly spikes: boolean;
}

/** The test of one slice: its window count against its daily baseline. */
export function sliceStats(observed: number, baseline: readonly number[], config: SpikeConfig): SliceStats {
  const days = baseline.length;
  const w = config.windowHours / 24;
  const mean = days ? baseline.reduce((a, b) => a + b, 0) / days : 0;
  const variance = days > 1 ? baseline.reduce((a, b) => a + (b - mean) ** 2, 0) / (days - 1) : 0;
  const expected = mean * w;
  const e = Math.max(expected, config.minExpected);
  const ratio = observed / e;
  const pValue = poissonUpperTail(observed, e);
  const z = (observed - e) / Math.sqrt(e + w * w * Math.max(0, variance - mean));
  const spikes = observed >= config.minCount && ratio >= config.minRatio && pValue <= config.maxPValue && z >= config.minZ;
  return { observed, expected, ratio, pValue, z, spikes };
}

export interface Spike {
  /** `channel|marketplace|carrier`, `*` where the slice spans all (triage_alerts.slice_key). */
  readonly key: string;
  readonly slice: Slice;
  readonly observed: number;
  readonly expected: number;
  readonly ratio: number;
  readonly pValue: number;
  readonly z: number;
  readonly baseline: readonly number[];
  readonly ticketIds: readonly string[];
  readonly orderIds: readonly string[];
  /** Keys of the reported sub-slices this (parent) slice spikes beyond. */
  readonly beyond: readonly string[];
  readonly message: string;
}

interface Node {
  readonly key: string;
  readonly slice: Slice;
  observed: number;
  readonly baseline: number[];
  readonly ticketIds: Set<string>;
  readonly orderIds: Set<string>;
  readonly children: Set<string>;
}

export function sliceKey(s: Slice): string {
  return `${s.channel}|${s.marketplace ?? '*'}|${s.carrier ?? '*'}`;
}

/** Which slices spike, most specific first, then by observed count. */
export function findSpikes(rows: readonly SliceCounts[], config: SpikeConfig = DEFAULT_SPIKE_CONFIG): Spike[] {
  const nodes = rollUp(rows, config.baselineDays);
  const reported = new Map<string, Spike>();
  for (const level of ['carrier', 'marketplace', 'channel'] as const) {
    for (const n of [...nodes.values()].filter((x) => x.slice.level === level).sort((a, b) => (a.key < b.key ? -1 : 1))) {
      const beyond = maximalReported(n, nodes, reported);
      const residual = beyond.reduce((acc, k) => {
        const b = nodes.get(k)!;
        return { observed: acc.observed - b.observed, baseline: acc.baseline.map((v, i) => v - b.baseline[i]!) };
      }, { observed: n.observed, baseline: n.baseline });
      if (!sliceStats(residual.observed, residual.baseline, config).spikes) continue;
      const s = sliceStats(n.observed, n.baseline, config);
      reported.set(n.key, {
        key: n.key, slice: n.slice, observed: n.observed, expected: s.expected, ratio: s.ratio, pValue: s.pValue, z: s.z, baseline: n.baseline,
        ticketIds: [...n.ticketIds].sort(), orderIds: [...n.orderIds].sort(), beyond,
        message: spikeMessage(n.slice, n.observed, s.expected, s.ratio, config.windowHours, beyond.map((k) => nodes.get(k)!.slice)),
      });
    }
  }
  const rank = { carrier: 0, marketplace: 1, channel: 2 };
  return [...reported.values()].sort((a, b) => rank[a.slice.level] - rank[b.slice.level] || b.observed - a.observed || (a.key < b.key ? -1 : 1));
}

/** Finest slices merged by key and summed into their marketplace and channel parents. */
function rollUp(rows: readonly SliceCounts[], days: number): Map<string, Node> {
  const nodes = new Map<string, Node>();
  const node = (slice: Slice): Node => {
    const key = sliceKey(slice);
    let n = nodes.get(key);
    if (!n) nodes.set(key, (n = { key, slice, observed: 0, baseline: new Array<number>(days).fill(0), ticketIds: new Set(), orderIds: new Set(), children: new Set() }));
    return n;
  };
  for (const r of rows) {
    const channel = part(r.channel);
    const marketplace = part(r.marketplace);
    const carrier = carrierName(r.carrier);
    const path = [
      node({ level: 'channel', channel, marketplace: null, carrier: null }),
      node({ level: 'marketplace', channel, marketplace, carrier: null }),
      node({ level: 'carrier', channel, marketplace, carrier }),
    ];
    path[0]!.children.add(path[1]!.key);
    path[1]!.children.add(path[2]!.key);
    for (const n of path) {
      n.observed += r.observed;
      for (let i = 0; i < days; i++) n.baseline[i]! += r.baseline[i] ?? 0;
      for (const id of r.ticketIds ?? []) n.ticketIds.add(id);
      for (const id of r.orderIds ?? []) n.orderIds.add(id);
    }
  }
  return nodes;
}

/** The reported descendants of `n` not inside another reported descendant (so none is taken away twice). */
function maximalReported(n: Node, nodes: ReadonlyMap<string, Node>, reported: ReadonlyMap<string, Spike>): string[] {
  const out: string[] = [];
  for (const k of [...n.children].sort()) {
    if (reported.has(k)) out.push(k);
    else out.push(...maximalReported(nodes.get(k)!, nodes, reported));
  }
  return out;
}

function part(v: string | null): string {
  const t = (v ?? '').trim().replaceAll('|', '/');
  return t === '' ? NONE : t;
}

const CARRIERS: Readonly<Record<string, string>> = {
  usps: 'USPS', ups: 'UPS', fedex: 'FedEx', dhl: 'DHL', dhlexpress: 'DHL Express', dhlecommerce: 'DHL eCommerce', ontrac: 'OnTrac',
  amzl: 'Amazon Logistics', amazon: 'Amazon Logistics', amazonlogistics: 'Amazon Logistics', amazonshipping: 'Amazon Shipping',
  royalmail: 'Royal Mail', dpd: 'DPD', gls: 'GLS', evri: 'Evri', canadapost: 'Canada Post', australiapost: 'Australia Post', japanpost: 'Japan Post',
};

/** One spelling per carrier ("usps", "U.S.P.S" → USPS); unknown names are kept as written; none → 'none'. */
export function carrierName(raw: string | null): string {
  const t = part(raw);
  return CARRIERS[t.toLowerCase().replace(/[^a-z0-9]/g, '')] ?? t;
}

const CHANNEL_NAMES: Readonly<Record<string, string>> = { amazon: 'Amazon', shopify: 'Shopify', tiktok: 'TikTok Shop', email: 'e-mail', instagram: 'Instagram', fake: 'the demo channel' };

/** "Amazon US via USPS", "Shopify with no shipment on file", "Amazon". */
export function describeSlice(s: Slice): string {
  const channel = CHANNEL_NAMES[s.channel] ?? s.channel;
  const where = s.marketplace && s.marketplace !== NONE ? `${channel} ${s.marketplace}` : channel;
  if (s.carrier === null) return where;
  return s.carrier === NONE ? `${where} with no shipment on file` : `${where} via ${s.carrier}`;
}

/** What an alert says: "late-shipment / valid-tracking risk: 14 delivery complaints on Amazon US via USPS in 24 h, 3.5× the usual 4.0". */
export function spikeMessage(s: Slice, observed: number, expected: number, ratio: number, windowHours: number, beyond: readonly Slice[] = []): string {
  // Late Shipment and Valid Tracking Rate are Amazon's metrics; elsewhere the same burst is a delivery risk.
  const risk = s.channel === 'amazon' ? 'late-shipment / valid-tracking risk' : 'delivery risk';
  const usual = expected < 0.05 ? 'usually none' : `${ratio.toFixed(1)}× the usual ${expected.toFixed(1)}`;
  const rest = beyond.length ? ` (more than ${beyond.map((b) => describeSub(b, s)).join(' and ')} alone explain${beyond.length === 1 ? 's' : ''})` : '';
  return `${risk}: ${observed} delivery complaint${observed === 1 ? '' : 's'} on ${describeSlice(s)} in ${trim(windowHours)} h, ${usual}${rest}`;
}

function describeSub(sub: Slice, parent: Slice): string {
  if (sub.level === 'carrier' && parent.level === 'marketplace') return sub.carrier === NONE ? 'orders with no shipment on file' : sub.carrier!;
  return describeSlice(sub);
}

function trim(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

/** P(X ≥ k) for X ~ Poisson(λ), computed in log space (no underflow for large λ). */
export function poissonUpperTail(k: number, lambda: number): number {
  if (k <= 0) return 1;
  if (lambda <= 0) return 0;
  const logPmf = (i: number): number => -lambda + i * Math.log(lambda) - logGamma(i + 1);
  if (k > lambda) {
    // Terms fall from k upwards (ratio λ/(i+1) < 1): sum until they stop mattering.
    let term = Math.exp(logPmf(k));
    let sum = 0;
    for (let i = k; term > sum * 1e-16 && i < k + 100_000; i++) {
      sum += term;
      term *= lambda / (i + 1);
    }
    return Math.min(1, sum);
  }
  // k ≤ λ: 1 − P(X ≤ k − 1), summing the lower terms downwards from k − 1.
  let term = Math.exp(logPmf(k - 1));
  let lower = 0;
  for (let i = k - 1; i >= 0 && term > 0; i--) {
    lower += term;
    term *= i / lambda;
  }
  return Math.max(0, Math.min(1, 1 - lower));
}

const LANCZOS = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];

/** ln Γ(x) for x > 0 (Lanczos, g = 7): about 15 significant digits. */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const y = x - 1;
  let a = LANCZOS[0]!;
  const t = y + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i]! / (y + i);
  return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(a);
}
