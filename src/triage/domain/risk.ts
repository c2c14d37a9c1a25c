/**
 * Risk model: how much harm a ticket can do to the seller if it waits, as a level, a 0–100 score and the
 * structured reasons behind it. Pure: a function of the facts and `now`.
 *
 * The score is the sum of additive factors (channel, fulfilment, intents, signals, order value, lateness,
 * tracking state, customer history, the Amazon 24 h clock), clamped to 0–100. Some factors also set a floor
 * on the level (Amazon account-health minimums → critical; a safety issue elsewhere → high). Every point
 * value and threshold here is OUR choice, not an Amazon rule; the Amazon facts they lean on (24 h response,
 * ODR, LSR/VTR for seller-fulfilled orders, A-to-z timelines) are in shared/reference/amazon-domain.md §4–§5.
 */
import { formatMinor } from '../../kernel/money.ts';
import { marketplaceByCode } from '../../kernel/marketplace.ts';

export type RiskLevel = 'critical' | 'high' | 'normal' | 'low';

/** The tracking state of an order's parcels as the buyer's complaint should be read against it. */
export type TrackingState =
  | 'not_shipped'          // no shipment yet (FBM: the seller has not shipped)
  | 'none_uploaded'        // shipped, but no tracking number (or not uploaded to the marketplace)
  | 'no_carrier_scan'      // tracking exists, the carrier never scanned it (after a grace period)
  | 'in_transit'
  | 'stalled'              // no carrier event for `stallDays`
  | 'exception'            // carrier exception / attempt failed / expired
  | 'delivered'
  | 'unknown';             // no order / no shipment facts

export interface ShipmentFacts {
  readonly carrier: string;
  readonly trackingNumber: string | null;
  /** shipments.status: pending, info_received, in_transit, out_for_delivery, attempt_fail, delivered, available_for_pickup, exception, expired */
  readonly status: string;
  readonly shippedAt: Date | null;
  readonly deliveredAt: Date | null;
  /** The latest carrier event, if any. */
  readonly lastEventAt: Date | null;
  readonly uploadedToMarketplace: boolean;
}

export interface OrderFacts {
  readonly totalMinor: number;
  readonly currency: string;
  readonly status: string;
  readonly purchasedAt: Date;
  readonly promisedDeliveryBy: Date | null;
  /** The latest ship date promised to the buyer (orders.promised_ship_by), when known; without it the
   * "not shipped in time" check falls back to `promisedDeliveryBy`. */
  readonly promisedShipBy?: Date | null;
  readonly shipments: readonly ShipmentFacts[];
}

export interface CustomerHistory {
  /** Earlier tickets of this customer (this one excluded). */
  readonly previousTickets: number;
  /** Earlier tickets that were claims: not received, damaged, refund, wrong item, A-to-z or chargeback. */
  readonly previousClaims: number;
  /** Sum of the customer's order totals, in the order's currency where known. */
  readonly lifetimeValueMinor: number;
}

export interface RiskInput {
  readonly channel: string;
  readonly marketplace: string | null;
  readonly fulfillment: string | null;
  readonly intent: string | null;
  readonly intents: readonly string[];
  readonly signals: readonly string[];
  readonly order: OrderFacts | null;
  readonly customer: CustomerHistory | null;
  /** The oldest buyer message still waiting for an answer; null when nothing waits (answered, no response needed). */
  readonly waitingSince: Date | null;
  readonly noResponseNeeded: boolean;
}

export interface RiskConfig {
  /** Order value at or above which the order is "high value", per currency (minor units); `*` is the fallback. */
  readonly highValueMinor: Readonly<Record<string, number>>;
  /** Lifetime value at or above which the customer is a key customer, per currency; `*` fallback. */
  readonly keyCustomerMinor: Readonly<Record<string, number>>;
  /** Days without a carrier event after which a parcel in transit is stalled. */
  readonly stallDays: number;
  /** Hours after shipping with no carrier scan before it counts as "no carrier scan". */
  readonly firstScanGraceHours: number;
  /** Amazon's response window (24 h), for the time-left factor. */
  readonly amazonResponseWindowMs: number;
  /** Earlier claims from which the customer is a repeat claimant. */
  readonly repeatClaims: number;
}

/** One reason, stable enough for reports, UI translation and rules. */
export interface RiskFactor {
  /** Stable code, e.g. `channel.amazon`, `signal.a_to_z_threat`, `tracking.stalled`, `clock.amazon_24h`. */
  readonly code: string;
  /** What it added to the score (may be negative). */
  readonly points: number;
  /** English explanation with the numbers that decided it. */
  readonly text: string;
  /** The values behind it (hours late, order value, hours left…), for translation and display. */
  readonly data: Readonly<Record<string, string | number | boolean>>;
  /** True when this factor alone forces the level to critical (Amazon account-health minimums). */
  readonly forcesCritical?: boolean;
  /** The lowest level this factor allows when it does not force critical (a safety issue outside Amazon → `high`). */
  readonly forcesLevel?: RiskLevel;
}

export interface RiskAssessment {
  readonly level: RiskLevel;
  /** 0–100 */
  readonly score: number;
  /** Most important first. */
  readonly factors: readonly RiskFactor[];
  readonly trackingState: TrackingState;
}

// ─── Defaults ────────────────────────────────────────────────────────────────────────────────────────────

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * The thresholds that ship. All of them are our choice (not Amazon facts) except the 24 h response window,
 * which is Amazon's Contact Response Time rule (reference §5.3); a workspace may override any of them.
 */
export const DEFAULT_RISK_CONFIG: RiskConfig = {
  /** High-value order: 100.00 USD/EUR/GBP, ¥15,000, and 10000 minor units in any other currency (a rough
   * fallback — set the workspace's own currencies explicitly). Our choice. */
  highValueMinor: { USD: 10_000, EUR: 10_000, GBP: 10_000, JPY: 15_000, '*': 10_000 },
  /** Key customer: lifetime value of 500.00 USD/EUR/GBP, ¥75,000, else 50000 minor units. Our choice. */
  keyCustomerMinor: { USD: 50_000, EUR: 50_000, GBP: 50_000, JPY: 75_000, '*': 50_000 },
  /** A parcel in transit with no carrier event for 4 days is stalled. Our choice. */
  stallDays: 4,
  /** 48 h after shipping without a carrier scan, the label was probably never handed over. Our choice. */
  firstScanGraceHours: 48,
  /** Amazon: answer buyer messages within 24 h, weekends and holidays included (reference §5.3). */
  amazonResponseWindowMs: 24 * HOUR_MS,
  /** From the 2nd earlier claim on, the customer is a repeat claimant. Our choice. */
  repeatClaims: 2,
};

// ─── Tracking state ──────────────────────────────────────────────────────────────────────────────────────

/** Who sold and who ships: decides whether the tracking number must also be uploaded to the marketplace. */
export interface TrackingContext {
  readonly channel?: string | null;
  readonly fulfillment?: string | null;
}

/** Channels where the seller must upload tracking to the marketplace (Amazon: Valid Tracking Rate; TikTok Shop). */
const UPLOAD_CHANNELS: readonly string[] = ['amazon', 'tiktok'];
const DELIVERED_STATUSES: readonly string[] = ['delivered', 'available_for_pickup'];
const EXCEPTION_STATUSES: readonly string[] = ['exception', 'attempt_fail', 'expired'];
const PRE_SCAN_STATUSES: readonly string[] = ['pending', 'info_received'];
const MOVING_STATUSES: readonly string[] = ['in_transit', 'out_for_delivery'];

/** How far a parcel got; the order's state is its most advanced shipment's (delivered beats moving, moving beats
 * stalled, stalled beats a carrier exception, which beats never scanned and no tracking). */
const STATE_RANK: Readonly<Record<TrackingState, number>> = {
  delivered: 7, in_transit: 6, stalled: 5, exception: 4, no_carrier_scan: 3, none_uploaded: 2, not_shipped: 1, unknown: 0,
};

function uploadRequired(context: TrackingContext): boolean {
  return UPLOAD_CHANNELS.includes(context.channel ?? '') && context.fulfillment !== 'FBA';
}

function shipmentState(s: ShipmentFacts, order: OrderFacts, now: Date, config: RiskConfig, mustUpload: boolean): TrackingState {
  // No tracking number, or the marketplace never got it: for the marketplace the parcel is untracked whatever the carrier says.
  if (!s.trackingNumber || s.trackingNumber.trim() === '' || (mustUpload && !s.uploadedToMarketplace)) return 'none_uploaded';
  if (DELIVERED_STATUSES.includes(s.status)) return 'delivered';
  if (EXCEPTION_STATUSES.includes(s.status)) return 'exception';
  const shipped = (s.shippedAt ?? order.purchasedAt).getTime();
  if (PRE_SCAN_STATUSES.includes(s.status)) {
    return now.getTime() - shipped >= config.firstScanGraceHours * HOUR_MS ? 'no_carrier_scan' : 'in_transit';
  }
  if (MOVING_STATUSES.includes(s.status)) {
    const lastEvent = (s.lastEventAt ?? s.shippedAt ?? order.purchasedAt).getTime();
    return now.getTime() - lastEvent >= config.stallDays * DAY_MS ? 'stalled' : 'in_transit';
  }
  return 'unknown';
}

/**
 * The tracking state of an order, read against `now`: no order → `unknown`; no shipment → `not_shipped`;
 * otherwise the most advanced shipment decides (see STATE_RANK). Per shipment: no tracking number, or — on
 * Amazon (except FBA) and TikTok Shop, per `context` — not uploaded to the marketplace → `none_uploaded`;
 * delivered / available for pickup → `delivered`; exception / attempt failed / expired → `exception`; still
 * pending / info received once `firstScanGraceHours` have passed since shipping → `no_carrier_scan` (within
 * the grace: `in_transit`); in transit / out for delivery with no carrier event for `stallDays` → `stalled`.
 * Boundaries count as passed (exactly 48 h without a scan is `no_carrier_scan`). Missing times fall back:
 * last event → shipped → purchased.
 */
export function trackingState(order: OrderFacts | null, now: Date, config: RiskConfig, context: TrackingContext = {}): TrackingState {
  return decidingShipment(order, now, config, context).state;
}

/** The tracking state and the shipment that decided it (null when no shipment decided). */
function decidingShipment(order: OrderFacts | null, now: Date, config: RiskConfig, context: TrackingContext): { state: TrackingState; shipment: ShipmentFacts | null } {
  if (!order) return { state: 'unknown', shipment: null };
  if (order.shipments.length === 0) return { state: 'not_shipped', shipment: null };
  const mustUpload = uploadRequired(context);
  let best: { state: TrackingState; shipment: ShipmentFacts | null } = { state: 'unknown', shipment: null };
  for (const s of order.shipments) {
    const state = shipmentState(s, order, now, config, mustUpload);
    if (STATE_RANK[state] > STATE_RANK[best.state]) best = { state, shipment: s };
  }
  return best;
}

// ─── Risk assessment ─────────────────────────────────────────────────────────────────────────────────────

/** Channel weight: Amazon first (24 h rule, ODR, account health); then marketplaces with their own scores. Our choice. */
const CHANNEL_POINTS: Readonly<Record<string, { points: number; text: string }>> = {
  amazon: { points: 30, text: 'message: must be answered within 24 h (Contact Response Time) and complaints feed the Order Defect Rate — account health is at stake' },
  tiktok: { points: 15, text: 'TikTok Shop message: a marketplace that scores the seller\'s response and service' },
  shopify: { points: 10, text: 'Shopify message: own store, no marketplace metrics, but payment disputes cost money' },
  email: { points: 5, text: 'e-mail message: no marketplace metrics attached' },
  instagram: { points: 5, text: 'Instagram message: no marketplace metrics attached' },
};
const OTHER_CHANNEL_POINTS = 5;

/** Signals: points on Amazon / elsewhere, and whether they force critical on Amazon. */
const SIGNAL_RULES: Readonly<Record<string, { amazon: number; other: number; amazonCritical: boolean; text: string }>> = {
  a_to_z_threat: { amazon: 50, other: 40, amazonCritical: true, text: 'the buyer threatens an A-to-z Guarantee claim (an ODR defect if granted)' },
  chargeback_threat: { amazon: 50, other: 50, amazonCritical: true, text: 'the buyer threatens a chargeback (an ODR defect on Amazon; lost money and a dispute fee anywhere)' },
  safety_issue: { amazon: 50, other: 50, amazonCritical: true, text: 'the buyer reports a safety issue (injury, fire, hazard): product-safety complaint and liability' },
  counterfeit_claim: { amazon: 50, other: 30, amazonCritical: true, text: 'the buyer says the item is counterfeit (product authenticity complaint)' },
  legal_threat: { amazon: 50, other: 50, amazonCritical: false, text: 'the buyer threatens legal action' },
  negative_feedback_threat: { amazon: 40, other: 20, amazonCritical: true, text: 'the buyer threatens negative feedback (1–2★ feedback is an ODR defect on Amazon)' },
};

/** Intents (primary and extra), same points on every channel. Where-is-my-order, order changes and thanks are handled apart. */
const INTENT_RULES: Readonly<Record<string, { points: number; text: string }>> = {
  not_received: { points: 25, text: 'the buyer says the order never arrived' },
  damaged_defective: { points: 20, text: 'the buyer reports a damaged or defective item' },
  wrong_item: { points: 15, text: 'the buyer received the wrong item' },
  refund_request: { points: 10, text: 'the buyer asks for a refund: money at stake' },
  return_request: { points: 10, text: 'the buyer wants to return the item: money at stake' },
  payment_issue: { points: 10, text: 'a payment problem: can turn into a dispute' },
  complaint: { points: 10, text: 'an unhappy buyer: can turn into negative feedback' },
};
const AMAZON_CRITICAL_INTENTS: readonly string[] = ['not_received', 'damaged_defective'];
const DELIVERY_INTENTS: readonly string[] = ['where_is_my_order', 'not_received'];
const ORDER_CHANGE_INTENTS: readonly string[] = ['cancel_order', 'change_order'];

const LEVEL_RANK: Readonly<Record<RiskLevel, number>> = { critical: 3, high: 2, normal: 1, low: 0 };

function fmtHours(ms: number): string {
  const h = Math.round((Math.abs(ms) / HOUR_MS) * 10) / 10;
  return `${h} h`;
}

function money(minor: number, currency: string): string {
  return `${formatMinor(minor, currency)} ${currency}`;
}

/** The threshold for a currency, or the `*` fallback (`fallback: true`); null when neither is configured. */
function threshold(table: Readonly<Record<string, number>>, currency: string | null): { minor: number; fallback: boolean } | null {
  const own = currency === null ? undefined : table[currency];
  if (own !== undefined) return { minor: own, fallback: false };
  const any = table['*'];
  return any === undefined ? null : { minor: any, fallback: true };
}

function levelOf(score: number): RiskLevel {
  if (score >= 80) return 'critical';
  if (score >= 50) return 'high';
  if (score >= 20) return 'normal';
  return 'low';
}

function forcedRank(f: RiskFactor): number {
  if (f.forcesCritical) return LEVEL_RANK.critical;
  return f.forcesLevel ? LEVEL_RANK[f.forcesLevel] : -1;
}

/**
 * Risk of one ticket. Score = sum of the factors' points, clamped to 0–100 (rounded to an integer). Level:
 * critical at ≥ 80, high ≥ 50, normal ≥ 20, else low — raised to the highest floor any factor sets
 * (`forcesCritical`, `forcesLevel`). Amazon minimums (critical): an A-to-z, chargeback, safety, counterfeit
 * or negative-feedback signal; a not-received or damaged/defective intent. Outside Amazon these only add
 * points, except a safety issue, which keeps the ticket at least `high`. Factors come most important first:
 * level floors first (critical, then high), then points descending; what lowered the risk comes last.
 *
 * FBA orders: Amazon ships and handles delivery, so lateness and tracking factors (the seller's own
 * delivery liability) are not counted for them; the tracking state is still reported.
 */
export function assessRisk(input: RiskInput, now: Date, config: RiskConfig = DEFAULT_RISK_CONFIG): RiskAssessment {
  const factors: RiskFactor[] = [];
  const add = (f: RiskFactor): void => void factors.push(f);
  const amazon = input.channel === 'amazon';
  const fba = input.fulfillment === 'FBA';
  const order = input.order;
  const { state, shipment } = decidingShipment(order, now, config, { channel: input.channel, fulfillment: input.fulfillment });
  const intents = [...new Set([...(input.intent ? [input.intent] : []), ...input.intents])];
  const has = (intent: string): boolean => intents.includes(intent);

  // Channel & marketplace.
  const ch = CHANNEL_POINTS[input.channel];
  const where = input.marketplace ? ` ${input.marketplace}` : '';
  const channelData = { channel: input.channel, ...(input.marketplace ? { marketplace: input.marketplace } : {}) };
  if (ch) add({ code: `channel.${input.channel}`, points: ch.points, text: `${amazon ? `Amazon${where} ` : ''}${ch.text} (+${ch.points})`, data: channelData });
  else add({ code: 'channel.other', points: OTHER_CHANNEL_POINTS, text: `${input.channel} message: no marketplace metrics attached (+${OTHER_CHANNEL_POINTS})`, data: channelData });

  // Fulfilment: who carries a delivery question.
  const deliveryIntents = intents.filter((i) => DELIVERY_INTENTS.includes(i));
  if (deliveryIntents.length > 0 && input.fulfillment === 'FBM') {
    add({
      code: 'fulfillment.fbm_delivery', points: 25,
      text: 'FBM delivery question: the seller ships, so the delivery is the seller\'s own liability — Late Shipment Rate, Valid Tracking Rate and A-to-z claims count against the seller (+25)',
      data: { fulfillment: 'FBM', intent: deliveryIntents[0] ?? '' },
    });
  } else if (deliveryIntents.length > 0 && fba) {
    add({
      code: 'fulfillment.fba_delivery', points: 5,
      text: 'FBA delivery question: Amazon handles FBA delivery — answer within 24 h and point the buyer to the tracking in their Amazon orders (+5)',
      data: { fulfillment: 'FBA', intent: deliveryIntents[0] ?? '' },
    });
  } else if (has('where_is_my_order')) {
    add({ code: 'intent.where_is_my_order', points: 10, text: 'the buyer asks where the order is (+10)', data: { intent: 'where_is_my_order' } });
  }

  // Intents.
  for (const intent of intents) {
    const rule = INTENT_RULES[intent];
    if (!rule) continue;
    const critical = amazon && AMAZON_CRITICAL_INTENTS.includes(intent);
    add({
      code: `intent.${intent}`, points: rule.points,
      text: `${rule.text}${critical ? ' on an Amazon order — A-to-z and ODR exposure, critical at least' : ''} (+${rule.points})`,
      data: { intent, primary: intent === input.intent },
      ...(critical ? { forcesCritical: true } : {}),
    });
  }
  for (const intent of intents.filter((i) => ORDER_CHANGE_INTENTS.includes(i))) {
    const what = intent === 'cancel_order' ? 'cancel the order' : 'change the order';
    if (state === 'not_shipped') {
      add({ code: `intent.${intent}`, points: 20, text: `the buyer wants to ${what} before it ships: time-critical, act before it leaves the warehouse (+20)`, data: { intent, shipped: false } });
    } else if (order === null || state === 'unknown') {
      add({ code: `intent.${intent}`, points: 10, text: `the buyer wants to ${what}; whether it has shipped is unknown (+10)`, data: { intent, shipped: 'unknown' } });
    } else {
      add({ code: `intent.${intent}`, points: 5, text: `the buyer wants to ${what}, but it has already shipped: it becomes a return or a redirect (+5)`, data: { intent, shipped: true } });
    }
  }
  // "Thanks" lowers the risk only when it is what the message is about, not when tacked onto a complaint.
  if (input.intent === 'thanks' || (input.intent === null && intents.length > 0 && intents.every((i) => i === 'thanks'))) {
    add({ code: 'intent.thanks', points: -20, text: 'a thank-you: usually needs no answer (−20)', data: { intent: 'thanks' } });
  }

  // Signals.
  for (const signal of [...new Set(input.signals)]) {
    const rule = SIGNAL_RULES[signal];
    if (!rule) continue;
    const points = amazon ? rule.amazon : rule.other;
    const critical = amazon && rule.amazonCritical;
    const high = !critical && signal === 'safety_issue';
    add({
      code: `signal.${signal}`, points,
      text: `${rule.text}${critical ? ' — on Amazon: critical at least' : high ? ' — high at least' : ''} (+${points})`,
      data: { signal },
      ...(critical ? { forcesCritical: true } : {}),
      ...(high ? { forcesLevel: 'high' as const } : {}),
    });
  }

  // Order value.
  if (order) {
    const t = threshold(config.highValueMinor, order.currency);
    if (t && order.totalMinor >= t.minor) {
      add({
        code: 'order.high_value', points: 15,
        text: `high-value order: ${money(order.totalMinor, order.currency)} ≥ ${money(t.minor, order.currency)}${t.fallback ? ' (fallback threshold)' : ''} (+15)`,
        data: { totalMinor: order.totalMinor, currency: order.currency, thresholdMinor: t.minor, fallbackThreshold: t.fallback },
      });
    }
  }

  // Lateness and tracking: the seller's own delivery liability (not for FBA).
  if (order && !fba && !/cancel/i.test(order.status)) {
    const delivered = state === 'delivered';
    // Delivered without a delivery time: lateness cannot be judged, so none is claimed.
    const deliveredAt = delivered ? (shipment?.deliveredAt ?? null) : null;
    if (order.promisedDeliveryBy) {
      const ref = delivered ? deliveredAt?.getTime() ?? null : now.getTime();
      const lateMs = ref === null ? 0 : ref - order.promisedDeliveryBy.getTime();
      if (lateMs > 0) {
        const hoursLate = Math.floor(lateMs / HOUR_MS);
        const daysLate = Math.floor(lateMs / DAY_MS);
        const points = delivered ? 5 : lateMs >= 3 * DAY_MS ? 25 : lateMs >= DAY_MS ? 15 : 10;
        const text = delivered
          ? `delivered ${hoursLate} h (${daysLate} d) after the promised delivery date: counts against On-Time Delivery, the buyer may be unhappy (+${points})`
          : `${hoursLate} h (${daysLate} d) past the promised delivery date and not delivered${lateMs >= 3 * DAY_MS ? ': 3 days late, the buyer can file an A-to-z claim' : ''} (+${points})`;
        add({ code: 'order.late', points, text, data: { hoursLate, daysLate, delivered, promisedDeliveryBy: order.promisedDeliveryBy.toISOString() } });
      }
    }
    const shipBy = order.promisedShipBy ?? order.promisedDeliveryBy;
    if (state === 'not_shipped' && shipBy && now.getTime() > shipBy.getTime()) {
      const hoursLate = Math.floor((now.getTime() - shipBy.getTime()) / HOUR_MS);
      const basis = order.promisedShipBy ? 'ship-by date' : 'delivery date';
      add({
        code: 'order.not_shipped_late', points: 20,
        text: `not shipped yet, ${hoursLate} h after the promised ${basis}: late shipment and cancellation risk (+20)`,
        data: { hoursLate, basis: order.promisedShipBy ? 'promisedShipBy' : 'promisedDeliveryBy', deadline: shipBy.toISOString() },
      });
    }

    if (state === 'none_uploaded') {
      add({
        code: 'tracking.none_uploaded', points: 20,
        text: `shipped without a tracking number the ${amazon ? 'marketplace' : 'buyer'} can see: ${amazon ? 'hurts the Valid Tracking Rate and an A-to-z claim is granted automatically without valid tracking' : 'nothing to prove delivery with'} (+20)`,
        data: { state },
      });
    } else if (state === 'no_carrier_scan') {
      add({
        code: 'tracking.no_carrier_scan', points: 15,
        text: `tracking uploaded but no carrier scan ${config.firstScanGraceHours} h or more after shipping: the parcel may never have been handed over (Valid Tracking Rate needs a carrier scan) (+15)`,
        data: { state, graceHours: config.firstScanGraceHours },
      });
    } else if (state === 'stalled' && shipment) {
      const last = shipment.lastEventAt ?? shipment.shippedAt ?? order.purchasedAt;
      const days = Math.floor((now.getTime() - last.getTime()) / DAY_MS);
      add({ code: 'tracking.stalled', points: 15, text: `parcel stalled: no carrier event for ${days} days (limit ${config.stallDays}) (+15)`, data: { state, daysSinceEvent: days, stallDays: config.stallDays } });
    } else if (state === 'exception' && shipment) {
      const status = shipment.status;
      add({ code: 'tracking.exception', points: 20, text: `carrier reports a problem (${status}): the parcel may be lost, refused or returning (+20)`, data: { state, status, carrier: shipment.carrier } });
    } else if (state === 'delivered' && has('not_received')) {
      add({
        code: 'tracking.delivered_disputed', points: 20,
        text: `tracking shows delivered${deliveredAt ? ` on ${deliveredAt.toISOString()}` : ''} but the buyer says it never arrived: ${amazon ? 'eligible for an A-to-z claim — ' : ''}get the proof of delivery (+20)`,
        data: { state, ...(deliveredAt ? { deliveredAt: deliveredAt.toISOString() } : {}) },
      });
    }
  }

  // Customer history.
  const customer = input.customer;
  if (customer) {
    if (customer.previousClaims >= config.repeatClaims) {
      add({
        code: 'customer.repeat_claims', points: 10,
        text: `repeat claimant: ${customer.previousClaims} earlier claims (threshold ${config.repeatClaims}) — a pattern: possible abuse, or a recurring product or delivery problem; check the history before refunding (+10)`,
        data: { previousClaims: customer.previousClaims, previousTickets: customer.previousTickets, threshold: config.repeatClaims },
      });
    }
    const currency = order?.currency ?? (input.marketplace ? marketplaceByCode(input.marketplace)?.currency ?? null : null);
    const t = threshold(config.keyCustomerMinor, currency);
    if (t && customer.lifetimeValueMinor >= t.minor) {
      const shown = currency ? (v: number): string => money(v, currency) : (v: number): string => `${v} (minor units)`;
      add({
        code: 'customer.key_customer', points: 10,
        text: `key customer: lifetime value ${shown(customer.lifetimeValueMinor)} ≥ ${shown(t.minor)} (+10)`,
        data: { lifetimeValueMinor: customer.lifetimeValueMinor, currency: currency ?? '*', thresholdMinor: t.minor },
      });
    }
  }

  // The Amazon 24 h clock.
  if (amazon && input.waitingSince && !input.noResponseNeeded) {
    const window = config.amazonResponseWindowMs;
    const dueAt = input.waitingSince.getTime() + window;
    const leftMs = dueAt - now.getTime();
    const hoursLeft = Math.round((leftMs / HOUR_MS) * 10) / 10;
    const points = leftMs <= 0 ? 30 : leftMs < 4 * HOUR_MS ? 20 : leftMs < 12 * HOUR_MS ? 10 : 5;
    const rule = `Amazon ${fmtHours(window)} response rule`;
    add({
      code: 'clock.amazon_24h', points,
      text: leftMs <= 0
        ? `${rule} breached ${fmtHours(leftMs)} ago (due ${new Date(dueAt).toISOString()}): counts as a late response (+${points})`
        : `${rule}: ${fmtHours(leftMs)} left (due ${new Date(dueAt).toISOString()}) (+${points})`,
      data: { hoursLeft, breached: leftMs <= 0, dueAt: new Date(dueAt).toISOString(), waitingSince: input.waitingSince.toISOString() },
    });
  }

  const total = factors.reduce((sum, f) => sum + f.points, 0);
  const score = Math.max(0, Math.min(100, Math.round(total)));
  let level = levelOf(score);
  for (const f of factors) {
    const floor = forcedRank(f);
    if (floor > LEVEL_RANK[level]) level = f.forcesCritical ? 'critical' : (f.forcesLevel ?? level);
  }
  // Most important first: level floors, then points; negative ones end up last. Stable for equal keys.
  const sorted = [...factors].sort((a, b) => forcedRank(b) - forcedRank(a) || b.points - a.points);
  return { level, score, factors: sorted, trackingState: state };
}
