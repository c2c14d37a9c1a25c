// Carrier wording of tracking checkpoints. German domestic carriers report in German.

import type { Carrier } from './types.ts';

export type CheckpointKind =
  | 'label' | 'pickup' | 'arrived_hub' | 'departed_hub' | 'arrived_destination' | 'out_for_delivery'
  | 'delivered' | 'picked_up' | 'attempt_fail' | 'pickup_point' | 'exception_damaged' | 'exception_address';

const EN: Record<CheckpointKind, string> = {
  label: 'Shipping label created, carrier awaiting item',
  pickup: 'Picked up by carrier',
  arrived_hub: 'Arrived at facility',
  departed_hub: 'Departed facility',
  arrived_destination: 'Arrived at destination facility',
  out_for_delivery: 'Out for delivery',
  delivered: 'Delivered, front door/porch',
  picked_up: 'Delivered, picked up by customer',
  attempt_fail: 'Delivery attempted - no access to delivery location',
  pickup_point: 'Available for pickup at access point',
  exception_damaged: 'Exception: package damaged in transit, carrier will notify sender',
  exception_address: 'Exception: the address is incomplete, delivery rescheduled',
};

const CARRIER_EN: Partial<Record<Carrier, Partial<Record<CheckpointKind, string>>>> = {
  UPS: { label: 'Shipper created a label, UPS has not received the package yet.', pickup: 'Pickup Scan', arrived_hub: 'Arrived at Facility', departed_hub: 'Departed from Facility', delivered: 'DELIVERED' },
  USPS: { label: 'Shipping Label Created, USPS Awaiting Item', pickup: 'USPS in possession of item', arrived_hub: 'Arrived at USPS Regional Facility', departed_hub: 'Departed USPS Regional Facility', delivered: 'Delivered, In/At Mailbox', pickup_point: 'Available for Pickup at Post Office' },
  FedEx: { label: 'Shipment information sent to FedEx', pickup: 'Picked up', arrived_hub: 'Arrived at FedEx location', departed_hub: 'Departed FedEx location', out_for_delivery: 'On FedEx vehicle for delivery' },
  'Amazon Logistics': { label: 'Package received by Amazon', pickup: 'Package has left the carrier facility', arrived_hub: 'Package arrived at a carrier facility', departed_hub: 'Package left an Amazon facility', delivered: 'Delivered — left near the front door or porch' },
};

const DE: Record<CheckpointKind, string> = {
  label: 'Die Auftragsdaten zu dieser Sendung wurden vom Absender elektronisch an uns übermittelt.',
  pickup: 'Die Sendung wurde vom Absender in der Filiale eingeliefert.',
  arrived_hub: 'Die Sendung wurde im Start-Paketzentrum bearbeitet.',
  departed_hub: 'Die Sendung wurde im Ziel-Paketzentrum bearbeitet.',
  arrived_destination: 'Die Sendung wird in das Zustellgebiet transportiert.',
  out_for_delivery: 'Die Sendung wurde in das Zustellfahrzeug geladen.',
  delivered: 'Die Sendung wurde erfolgreich zugestellt.',
  picked_up: 'Die Sendung wurde vom Empfänger in der Packstation abgeholt.',
  attempt_fail: 'Der Empfänger wurde nicht angetroffen. Die Sendung wird in eine Filiale gebracht.',
  pickup_point: 'Die Sendung liegt in der Packstation zur Abholung bereit.',
  exception_damaged: 'Die Sendung wurde beschädigt und wird an den Absender zurückgesandt.',
  exception_address: 'Die Anschrift des Empfängers war unvollständig. Die Sendung wird zurückgesandt.',
};

const GERMAN_CARRIERS: ReadonlySet<Carrier> = new Set<Carrier>(['DHL Paket', 'DPD', 'Hermes']);

export function trackingMessage(carrier: Carrier, kind: CheckpointKind | string): string {
  const k = kind as CheckpointKind;
  if (GERMAN_CARRIERS.has(carrier)) return DE[k];
  return CARRIER_EN[carrier]?.[k] ?? EN[k];
}
