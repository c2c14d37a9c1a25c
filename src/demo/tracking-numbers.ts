// Tracking numbers in the carriers' real formats, with their check digits where one exists.
//
// | carrier          | format                                                             | check digit |
// |------------------|--------------------------------------------------------------------|-------------|
// | UPS              | 1Z + 6 shipper chars + 2 service digits + 7 digits + check         | UPS mod 10 (letters → (code-63) mod 10, odd positions ×2) |
// | USPS             | 22-digit IMpb: 94001/92055/93612 + 16 digits + check               | mod 10, ×3 from the right |
// | FedEx            | 12 digits (Express)                                                | weights 3,1,7… mod 11 mod 10 |
// | DHL Express      | 10 digits                                                          | first 9 digits mod 7 |
// | Amazon Logistics | TBA + 12 digits                                                    | none |
// | DHL Paket        | 20 digits: 00 + SSCC-18 with GS1 prefix 340434                     | GS1 mod 10 |
// | DPD (DE)         | 14 digits, depot prefix 01–09                                      | none in the 14-digit form |
// | Hermes (DE)      | H + 19 digits (20 characters)                                      | none published |

import type { Rng } from './rng.ts';
import type { Carrier } from './types.ts';

/** Digit value of a character in UPS's scheme: digits as is, letters (code - 63) mod 10. */
function upsValue(ch: string): number {
  const code = ch.charCodeAt(0);
  return code >= 48 && code <= 57 ? code - 48 : (code - 63) % 10;
}

export function upsCheckDigit(body15: string): number {
  let sum = 0;
  for (let i = 0; i < body15.length; i++) sum += upsValue(body15[i] as string) * (i % 2 === 1 ? 2 : 1);
  return (10 - (sum % 10)) % 10;
}

/** GS1 / USPS mod 10: weights 3,1,3,… starting from the rightmost data digit. */
export function mod10Weight3FromRight(data: string): number {
  let sum = 0;
  for (let i = 0; i < data.length; i++) {
    const fromRight = data.length - 1 - i;
    sum += Number(data[i]) * (fromRight % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

/** FedEx 12-digit Express: weights 1,3,7 repeating from the right, sum mod 11 mod 10. */
export function fedexCheckDigit(data11: string): number {
  const weights = [1, 3, 7];
  let sum = 0;
  for (let i = 0; i < data11.length; i++) {
    const fromRight = data11.length - 1 - i;
    sum += Number(data11[i]) * (weights[fromRight % 3] as number);
  }
  return (sum % 11) % 10;
}

export function dhlExpressCheckDigit(data9: string): number {
  return Number(data9) % 7;
}

export const UPS_SERVICE_CODES: Record<string, string> = {
  '01': 'UPS Next Day Air',
  '02': 'UPS 2nd Day Air',
  '03': 'UPS Ground',
  '12': 'UPS 3 Day Select',
  '11': 'UPS Standard',
};

const USPS_PREFIXES = ['94001', '92055', '93612'] as const;

export interface TrackingOptions {
  /** UPS: 6-character shipper account (default: random). */
  upsShipper?: string;
  /** UPS: 2-digit service code (default 03 Ground). */
  upsService?: string;
}

export function generateTrackingNumber(carrier: Carrier, rng: Rng, opts: TrackingOptions = {}): string {
  switch (carrier) {
    case 'UPS': {
      const body = `${opts.upsShipper ?? rng.chars('ABCDEFGHJKLMNPRSTUVWXY0123456789', 6)}${opts.upsService ?? '03'}${rng.digits(7)}`;
      return `1Z${body}${upsCheckDigit(body)}`;
    }
    case 'USPS': {
      const data = `${rng.pick(USPS_PREFIXES)}${rng.digits(16)}`;
      return `${data}${mod10Weight3FromRight(data)}`;
    }
    case 'FedEx': {
      const data = `${rng.pick(['77', '78', '39', '27'])}${rng.digits(9)}`;
      return `${data}${fedexCheckDigit(data)}`;
    }
    case 'DHL Express': {
      const data = `${rng.int(1, 9)}${rng.digits(8)}`;
      return `${data}${dhlExpressCheckDigit(data)}`;
    }
    case 'Amazon Logistics':
      return `TBA3${rng.digits(11)}`;
    case 'DHL Paket': {
      const sscc17 = `3404341${rng.digits(10)}`;
      return `00${sscc17}${mod10Weight3FromRight(sscc17)}`;
    }
    case 'DPD':
      return `0${rng.int(1, 9)}${rng.digits(12)}`;
    case 'Hermes':
      return `H10${rng.digits(17)}`;
  }
}

const FORMATS: Record<Carrier, RegExp> = {
  UPS: /^1Z[0-9A-Z]{6}[0-9]{2}[0-9]{8}$/,
  USPS: /^(94001|92055|93612)[0-9]{17}$/,
  FedEx: /^[0-9]{12}$/,
  'DHL Express': /^[0-9]{10}$/,
  'Amazon Logistics': /^TBA[0-9]{12}$/,
  'DHL Paket': /^00340434[0-9]{12}$/,
  DPD: /^0[1-9][0-9]{12}$/,
  Hermes: /^H10[0-9]{17}$/,
};

/** Format and check digit of a tracking number for its carrier. */
export function isValidTrackingNumber(carrier: Carrier, tn: string): boolean {
  if (!FORMATS[carrier].test(tn)) return false;
  const check = Number(tn[tn.length - 1]);
  const data = tn.slice(0, -1);
  switch (carrier) {
    case 'UPS':
      return upsCheckDigit(data.slice(2)) === check;
    case 'USPS':
      return mod10Weight3FromRight(data) === check;
    case 'FedEx':
      return fedexCheckDigit(data) === check;
    case 'DHL Express':
      return dhlExpressCheckDigit(data) === check;
    case 'DHL Paket':
      return mod10Weight3FromRight(data.slice(2)) === check;
    default:
      return true;
  }
}

/** Public tracking page of a carrier (for messages to buyers). */
export function trackingUrl(carrier: Carrier, tn: string): string {
  const urls: Record<Carrier, string> = {
    UPS: `https://www.ups.com/track?tracknum=${tn}`,
    USPS: `https://tools.usps.com/go/TrackConfirmAction?tLabels=${tn}`,
    FedEx: `https://www.fedex.com/fedextrack/?trknbr=${tn}`,
    'DHL Express': `https://www.dhl.com/en/express/tracking.html?AWB=${tn}`,
    'Amazon Logistics': `https://track.amazon.com/tracking/${tn}`,
    'DHL Paket': `https://www.dhl.de/de/privatkunden/pakete-empfangen/verfolgen.html?piececode=${tn}`,
    DPD: `https://tracking.dpd.de/status/de_DE/parcel/${tn}`,
    Hermes: `https://www.myhermes.de/empfangen/sendungsverfolgung/sendungsinformation#${tn}`,
  };
  return urls[carrier];
}
