// Outbound shipments with carrier tracking events, cut at `now`: on time, late, stalled with no
// carrier scan (label only), exceptions, failed attempts, pickup points, signed deliveries.

import type { Rng, Weighted } from './rng.ts';
import { addHours, addMs, DAY_MS, HOUR_MS } from './format.ts';
import { generateTrackingNumber, UPS_SERVICE_CODES } from './tracking-numbers.ts';
import { DE_HUBS, FULFILLMENT_CENTERS, US_HUBS, type Place } from './places.ts';
import { signerName, type PersonName } from './people.ts';
import { trackingMessage } from './tracking-messages.ts';
import type { AccountKey, Carrier, DemoShipment, DemoTrackingEvent, Fulfillment, ShipmentStatus } from './types.ts';

export type Behaviour = 'normal' | 'late' | 'stalled' | 'exception' | 'attempt' | 'pickup';

export interface ShipmentInput {
  rng: Rng;
  account: AccountKey;
  fulfillment: Fulfillment;
  purchasedAt: Date;
  promisedShipBy: Date;
  promisedDeliveryBy: Date;
  now: Date;
  dest: Place;
  recipient: PersonName;
  orderValueMinor: number;
  /** Scenario orders must reach the buyer. */
  mustDeliver: boolean;
}

const SELLER_WAREHOUSE = 'Reno, NV, US';
const SELLER_UPS_SHIPPER = 'H7W4R2';

function carrierFor(rng: Rng, account: AccountKey, fulfillment: Fulfillment, country: string): Carrier {
  if (country === 'CA') return 'DHL Express';
  const table: Weighted<Carrier> =
    account === 'amazon-de' ? [['DHL Paket', 50], ['DPD', 20], ['Hermes', 15], ['UPS', 15]]
      : fulfillment === 'FBA' ? [['Amazon Logistics', 55], ['UPS', 25], ['USPS', 20]]
        : fulfillment === 'FBM' ? [['USPS', 50], ['UPS', 30], ['FedEx', 20]]
          : account === 'tiktok' ? [['USPS', 60], ['UPS', 25], ['FedEx', 15]]
            : [['USPS', 45], ['UPS', 35], ['FedEx', 20]];
  return rng.weighted(table);
}

function serviceFor(rng: Rng, carrier: Carrier, account: AccountKey): { service: string | null; upsCode?: string } {
  switch (carrier) {
    case 'UPS': {
      const code = account === 'amazon-de' ? '11' : rng.weighted<string>([['03', 70], ['02', 20], ['01', 10]]);
      return { service: UPS_SERVICE_CODES[code] ?? null, upsCode: code };
    }
    case 'USPS': return { service: rng.chance(0.7) ? 'USPS Ground Advantage' : 'Priority Mail' };
    case 'FedEx': return { service: rng.chance(0.6) ? 'FedEx 2Day' : 'FedEx Express Saver' };
    case 'DHL Express': return { service: 'DHL Express Worldwide' };
    case 'DHL Paket': return { service: 'DHL Paket' };
    case 'DPD': return { service: 'DPD Classic' };
    case 'Hermes': return { service: 'Hermes Paket' };
    case 'Amazon Logistics': return { service: null };
  }
}

function behaviourFor(rng: Rng, fulfillment: Fulfillment, mustDeliver: boolean): Behaviour {
  if (mustDeliver) return rng.chance(0.9) ? 'normal' : 'late';
  const table: Weighted<Behaviour> = fulfillment === 'FBA'
    ? [['normal', 88], ['late', 8], ['exception', 1.5], ['attempt', 1.5], ['pickup', 1]]
    : [['normal', 78], ['late', 9], ['stalled', 5], ['exception', 2], ['attempt', 3], ['pickup', 3]];
  return rng.weighted(table);
}

/** When the parcel leaves: FBA within hours; FBM before ship-by, sometimes late. */
export function shipTime(rng: Rng, fulfillment: Fulfillment, purchasedAt: Date, shipBy: Date): Date {
  if (fulfillment === 'FBA') return addHours(purchasedAt, rng.int(3, 30));
  if (fulfillment === 'FBM' && rng.chance(0.08)) return addHours(shipBy, rng.int(6, 60));
  const latest = Math.max(shipBy.getTime() - HOUR_MS, purchasedAt.getTime() + 3 * HOUR_MS);
  const earliest = purchasedAt.getTime() + 2 * HOUR_MS;
  return new Date(earliest + Math.floor(rng.float() * (latest - earliest)));
}

function deliveryTime(rng: Rng, b: Behaviour, shippedAt: Date, promised: Date, de: boolean): Date {
  const firstDay = shippedAt.getTime() + DAY_MS;
  const target = b === 'late'
    ? promised.getTime() + rng.int(1, 6) * DAY_MS
    : firstDay + rng.float() * Math.max(0, promised.getTime() - firstDay - 12 * HOUR_MS);
  const day = Math.floor(target / DAY_MS) * DAY_MS;
  return new Date(day + (de ? rng.int(8, 16) : rng.int(14, 23)) * HOUR_MS + rng.int(0, 3599) * 1000);
}

function origin(rng: Rng, input: ShipmentInput): { location: string; fc?: string } {
  if (input.fulfillment !== 'FBA') return { location: SELLER_WAREHOUSE };
  const [fc, location] = rng.pick(FULFILLMENT_CENTERS[input.account === 'amazon-de' ? 'DE' : 'US']);
  return { location, fc };
}

function destLabel(p: Place): string {
  return p.state ? `${p.city}, ${p.state}, ${p.country}` : `${p.city}, ${p.country}`;
}

interface Timeline {
  events: DemoTrackingEvent[];
  deliveredAt: Date | null;
}

function event(carrier: Carrier, status: ShipmentStatus, at: Date, location: string | null, kind: string): DemoTrackingEvent {
  return { occurredAt: new Date(Math.floor(at.getTime() / 1000) * 1000), status, message: trackingMessage(carrier, kind), location };
}

function transitEvents(rng: Rng, carrier: Carrier, from: string, shippedAt: Date, arriveBy: Date, hubs: readonly string[]): DemoTrackingEvent[] {
  const out = [event(carrier, 'info_received', addHours(shippedAt, -rng.int(1, 5)), from, 'label'),
    event(carrier, 'in_transit', addHours(shippedAt, rng.int(1, 4)), from, 'pickup')];
  const span = arriveBy.getTime() - shippedAt.getTime();
  const hops = Math.max(1, Math.min(3, Math.floor(span / DAY_MS)));
  for (let i = 1; i <= hops; i++) {
    const at = addMs(shippedAt, (span * i) / (hops + 1));
    out.push(event(carrier, 'in_transit', at, rng.pick(hubs), i % 2 === 1 ? 'arrived_hub' : 'departed_hub'));
  }
  return out;
}

function finalEvents(rng: Rng, b: Behaviour, carrier: Carrier, deliveredAt: Date, dest: string): Timeline {
  const dayStart = Math.floor(deliveredAt.getTime() / DAY_MS) * DAY_MS;
  const ofd = new Date(Math.min(dayStart + rng.int(5, 8) * HOUR_MS, deliveredAt.getTime() - HOUR_MS));
  const events = [event(carrier, 'in_transit', addHours(ofd, -rng.int(4, 9)), dest, 'arrived_destination'),
    event(carrier, 'out_for_delivery', ofd, dest, 'out_for_delivery')];
  if (b === 'exception') {
    events.push(event(carrier, 'exception', deliveredAt, dest, rng.chance(0.5) ? 'exception_damaged' : 'exception_address'));
    return { events, deliveredAt: null };
  }
  if (b === 'attempt' || b === 'pickup') {
    events.push(event(carrier, 'attempt_fail', deliveredAt, dest, 'attempt_fail'));
    const next = addHours(deliveredAt, rng.int(18, 30));
    if (b === 'pickup') {
      events.push(event(carrier, 'available_for_pickup', next, dest, 'pickup_point'));
      const picked = addHours(next, rng.int(20, 96));
      events.push(event(carrier, 'delivered', picked, dest, 'picked_up'));
      return { events, deliveredAt: picked };
    }
    events.push(event(carrier, 'delivered', next, dest, 'delivered'));
    return { events, deliveredAt: next };
  }
  events.push(event(carrier, 'delivered', deliveredAt, dest, 'delivered'));
  return { events, deliveredAt };
}

function cutAtNow(events: DemoTrackingEvent[], now: Date): DemoTrackingEvent[] {
  return events
    .filter((e) => e.occurredAt.getTime() <= now.getTime())
    .sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
}

function signature(rng: Rng, carrier: Carrier, input: ShipmentInput, delivered: boolean): string | null {
  if (!delivered || !['UPS', 'FedEx', 'DHL Express'].includes(carrier)) return null;
  if (input.orderValueMinor < 15_000 && !rng.chance(0.15)) return null;
  if (rng.chance(0.8)) return signerName(input.recipient);
  return rng.pick(['K.NGUYEN', 'M.SCHULTZ', 'R.PATEL', 'FRONT DESK', 'MAILROOM']);
}

/** The order's shipment as of `now`, or null when it has not shipped yet. */
export function buildShipment(input: ShipmentInput): DemoShipment | null {
  const { rng, now } = input;
  const shippedAt = new Date(Math.floor(shipTime(rng, input.fulfillment, input.purchasedAt, input.promisedShipBy).getTime() / 1000) * 1000);
  if (shippedAt.getTime() > now.getTime()) return null;
  const carrier = carrierFor(rng, input.account, input.fulfillment, input.dest.country);
  const { service, upsCode } = serviceFor(rng, carrier, input.account);
  const upsShipper = input.fulfillment === 'FBA' ? undefined : SELLER_UPS_SHIPPER;
  const trackingNumber = generateTrackingNumber(carrier, rng, { upsShipper, upsService: upsCode });
  const b = behaviourFor(rng, input.fulfillment, input.mustDeliver);
  const from = origin(rng, input);
  const de = input.account === 'amazon-de';
  const timeline = b === 'stalled'
    ? { events: [event(carrier, 'info_received', shippedAt, from.location, 'label')], deliveredAt: null }
    : buildTimeline(rng, b, carrier, from.location, shippedAt, input, de);
  const events = cutAtNow(timeline.events, now);
  const deliveredAt = timeline.deliveredAt && timeline.deliveredAt.getTime() <= now.getTime() ? timeline.deliveredAt : null;
  return {
    carrier, service, trackingNumber,
    status: shipmentStatus(b, events, shippedAt, now),
    shippedAt, deliveredAt,
    signedBy: signature(rng, carrier, input, deliveredAt !== null),
    uploadedToMarketplace: uploaded(rng, input.fulfillment, input.account),
    events,
    ...(from.fc ? { fulfillmentCenterId: from.fc } : {}),
  };
}

function buildTimeline(rng: Rng, b: Behaviour, carrier: Carrier, from: string, shippedAt: Date, input: ShipmentInput, de: boolean): Timeline {
  const deliverAt = deliveryTime(rng, b, shippedAt, input.promisedDeliveryBy, de);
  const transit = transitEvents(rng, carrier, from, shippedAt, deliverAt, de ? DE_HUBS : US_HUBS);
  const end = finalEvents(rng, b, carrier, deliverAt, destLabel(input.dest));
  return { events: [...transit, ...end.events], deliveredAt: end.deliveredAt };
}

function shipmentStatus(b: Behaviour, events: readonly DemoTrackingEvent[], shippedAt: Date, now: Date): ShipmentStatus {
  const last = events[events.length - 1];
  if (!last) return 'pending';
  if (b === 'stalled' && now.getTime() - shippedAt.getTime() > 30 * DAY_MS) return 'expired';
  return last.status;
}

function uploaded(rng: Rng, fulfillment: Fulfillment, account: AccountKey): boolean {
  if (fulfillment === 'FBA') return true;
  if (fulfillment === 'FBM') return !rng.chance(0.07);
  return !rng.chance(account === 'tiktok' ? 0.015 : 0.03);
}
