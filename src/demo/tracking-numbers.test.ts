import { describe, it, expect } from 'vitest';
import { getTracking } from 'ts-tracking-number';
import { Rng } from './rng.ts';
import {
  generateTrackingNumber, isValidTrackingNumber, upsCheckDigit, mod10Weight3FromRight,
  fedexCheckDigit, dhlExpressCheckDigit,
} from './tracking-numbers.ts';
import type { Carrier } from './types.ts';

// ts-tracking-number (jkeen/tracking_number_data rules) validates formats and check digits
// independently of our code. Its courier codes for the carriers it knows:
const LIBRARY_COURIER: Partial<Record<Carrier, string>> = {
  UPS: 'ups', USPS: 'usps', FedEx: 'fedex', 'DHL Express': 'dhl', 'Amazon Logistics': 'amazon',
};

const ALL: readonly Carrier[] = ['UPS', 'USPS', 'FedEx', 'DHL Express', 'Amazon Logistics', 'DHL Paket', 'DPD', 'Hermes'];

describe('tracking numbers', () => {
  it('check-digit helpers agree with published examples', () => {
    // UPS example from UPS developer docs: 1Z 999AA1 01 2345678 4
    expect(upsCheckDigit('999AA10123456784'.slice(0, 15))).toBe(4);
    // USPS IMpb example in the tracking_number_data test set: 9505 5110 6960 5048 6006 24
    expect(mod10Weight3FromRight('950551106960504860062')).toBe(4);
    // FedEx Express example 9861 2345 6781 (tracking_number_data sample 986578788855)
    expect(fedexCheckDigit('98657878885')).toBe(5);
    // DHL Express: 3318810025 (9 digits mod 7)
    expect(dhlExpressCheckDigit('331881002')).toBe(5);
  });

  it('every generated number is valid for its carrier (own validator) and changes when a digit changes', () => {
    const rng = Rng.derive(7, 'tracking-test');
    for (const carrier of ALL) {
      for (let i = 0; i < 200; i++) {
        const tn = generateTrackingNumber(carrier, rng, { upsService: i % 2 ? '02' : '03' });
        expect(isValidTrackingNumber(carrier, tn), `${carrier} ${tn}`).toBe(true);
      }
    }
    const good = generateTrackingNumber('UPS', rng);
    const last = Number(good.slice(-1));
    expect(isValidTrackingNumber('UPS', good.slice(0, -1) + String((last + 1) % 10))).toBe(false);
  });

  it('an independent library (ts-tracking-number) recognises UPS, USPS, FedEx, DHL Express and Amazon numbers as their carrier', () => {
    const rng = Rng.derive(11, 'tracking-lib');
    for (const [carrier, code] of Object.entries(LIBRARY_COURIER) as [Carrier, string][]) {
      for (let i = 0; i < 300; i++) {
        const tn = generateTrackingNumber(carrier, rng);
        const found = getTracking(tn);
        expect(found?.courier.code, `${carrier} ${tn} → ${found?.name}`).toBe(code);
      }
    }
  });

  it('the library rejects a number whose check digit was altered', () => {
    const rng = Rng.derive(12, 'tracking-lib-neg');
    for (const carrier of ['UPS', 'FedEx', 'DHL Express'] as const) {
      const tn = generateTrackingNumber(carrier, rng);
      const bad = tn.slice(0, -1) + String((Number(tn.slice(-1)) + 3) % 10);
      expect(getTracking(bad)?.courier.code, `${carrier} ${bad}`).not.toBe(LIBRARY_COURIER[carrier]);
    }
  });
});
