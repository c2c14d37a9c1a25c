// Ship-to places, carrier hubs and Amazon fulfilment centres. Postal codes are made from a real
// prefix of the city plus random digits, in the country's format.

import type { Rng } from './rng.ts';

export interface Place {
  city: string;
  /** US state / CA province code; null elsewhere. */
  state: string | null;
  postalCode: string;
  country: string;
}

// city, state, ZIP3 prefix, sales-tax rate (bps, combined state+local approximation)
const US: readonly (readonly [string, string, string, number])[] = [
  ['New York', 'NY', '100', 888], ['Brooklyn', 'NY', '112', 888], ['Los Angeles', 'CA', '900', 950],
  ['San Diego', 'CA', '921', 775], ['San Jose', 'CA', '951', 938], ['Chicago', 'IL', '606', 1025],
  ['Houston', 'TX', '770', 825], ['Dallas', 'TX', '752', 825], ['Austin', 'TX', '787', 825],
  ['Phoenix', 'AZ', '850', 860], ['Philadelphia', 'PA', '191', 800], ['San Antonio', 'TX', '782', 825],
  ['Jacksonville', 'FL', '322', 750], ['Miami', 'FL', '331', 700], ['Orlando', 'FL', '328', 650],
  ['Columbus', 'OH', '432', 750], ['Charlotte', 'NC', '282', 725], ['Seattle', 'WA', '981', 1035],
  ['Denver', 'CO', '802', 881], ['Boston', 'MA', '021', 625], ['Nashville', 'TN', '372', 925],
  ['Portland', 'OR', '972', 0], ['Atlanta', 'GA', '303', 890], ['Minneapolis', 'MN', '554', 903],
  ['Las Vegas', 'NV', '891', 838], ['Raleigh', 'NC', '276', 725], ['Salt Lake City', 'UT', '841', 775],
  ['Wilmington', 'DE', '198', 0], ['Anchorage', 'AK', '995', 0], ['Kansas City', 'MO', '641', 886],
];

const DE: readonly (readonly [string, string])[] = [
  ['Berlin', '10'], ['Hamburg', '20'], ['München', '80'], ['Köln', '50'], ['Frankfurt am Main', '60'],
  ['Stuttgart', '70'], ['Düsseldorf', '40'], ['Leipzig', '04'], ['Dortmund', '44'], ['Essen', '45'],
  ['Bremen', '28'], ['Dresden', '01'], ['Hannover', '30'], ['Nürnberg', '90'], ['Duisburg', '47'],
  ['Bochum', '44'], ['Bielefeld', '33'], ['Bonn', '53'], ['Münster', '48'], ['Karlsruhe', '76'],
  ['Mannheim', '68'], ['Augsburg', '86'], ['Freiburg im Breisgau', '79'], ['Kiel', '24'], ['Rostock', '18'],
];
const AT: readonly (readonly [string, string])[] = [['Wien', '1'], ['Graz', '8'], ['Linz', '4'], ['Salzburg', '5']];
const FR: readonly (readonly [string, string])[] = [['Paris', '75'], ['Lyon', '69'], ['Marseille', '13'], ['Strasbourg', '67'], ['Lille', '59']];
const IT: readonly (readonly [string, string])[] = [['Milano', '201'], ['Roma', '001'], ['Torino', '101'], ['Bolzano', '391'], ['Bologna', '401']];
const CA: readonly (readonly [string, string, string])[] = [['Toronto', 'ON', 'M5V'], ['Vancouver', 'BC', 'V6B'], ['Montréal', 'QC', 'H2X']];

export function usSalesTaxBps(state: string | null): number {
  const row = US.find((r) => r[1] === state);
  return row ? row[3] : 0;
}

export function placeIn(rng: Rng, country: string): Place {
  switch (country) {
    case 'US': {
      const [city, state, zip3] = rng.pick(US);
      return { city, state, postalCode: `${zip3}${rng.digits(2)}`, country };
    }
    case 'DE': {
      const [city, p] = rng.pick(DE);
      return { city, state: null, postalCode: `${p}${rng.digits(5 - p.length)}`, country };
    }
    case 'AT': {
      const [city, p] = rng.pick(AT);
      return { city, state: null, postalCode: `${p}${rng.int(0, 2)}${rng.int(1, 9)}0`, country };
    }
    case 'FR': {
      const [city, p] = rng.pick(FR);
      return { city, state: null, postalCode: `${p}0${rng.int(0, 2)}${rng.int(0, 9)}`, country };
    }
    case 'IT': {
      const [city, p] = rng.pick(IT);
      return { city, state: null, postalCode: `${p}${rng.digits(2)}`, country };
    }
    case 'CA': {
      const [city, prov, fsa] = rng.pick(CA);
      return { city, state: prov, postalCode: `${fsa} ${rng.int(1, 9)}${rng.chars('ABCEGHJKLMNPRSTVWXYZ', 1)}${rng.int(1, 9)}`, country };
    }
    default:
      throw new Error(`no places for ${country}`);
  }
}

/** Parcel hubs used in tracking events. */
export const US_HUBS: readonly string[] = [
  'Memphis, TN, US', 'Louisville, KY, US', 'Indianapolis, IN, US', 'Ontario, CA, US', 'Edison, NJ, US',
  'Dallas, TX, US', 'Atlanta, GA, US', 'Chicago, IL, US', 'Hodgkins, IL, US', 'Jacksonville, FL, US',
  'Salt Lake City, UT, US', 'Kent, WA, US', 'Mesquite, TX, US', 'Columbus, OH, US',
];
export const DE_HUBS: readonly string[] = [
  'Obertshausen, DE', 'Bielefeld, DE', 'Neumark, DE', 'Aschheim, DE', 'Hamburg, DE', 'Köln-Eifeltor, DE',
  'Börnicke, DE', 'Krefeld, DE', 'Radefeld, DE', 'Langenhagen, DE',
];

/** Amazon fulfilment centres by marketplace (origin of FBA shipments, site of ledger events). */
export const FULFILLMENT_CENTERS: Record<'US' | 'DE', readonly (readonly [string, string])[]> = {
  US: [['ONT8', 'Moreno Valley, CA, US'], ['LGB3', 'Eastvale, CA, US'], ['PHX7', 'Phoenix, AZ, US'],
    ['MDW2', 'Joliet, IL, US'], ['BFI4', 'Kent, WA, US'], ['SDF8', 'Jeffersonville, IN, US'],
    ['TPA1', 'Ruskin, FL, US'], ['CLT2', 'Charlotte, NC, US'], ['AVP1', 'Hazle Township, PA, US'], ['FTW1', 'Dallas, TX, US']],
  DE: [['FRA3', 'Bad Hersfeld, DE'], ['DUS2', 'Rheinberg, DE'], ['LEJ1', 'Leipzig, DE'], ['MUC3', 'Graben, DE'],
    ['DTM2', 'Dortmund, DE'], ['BER3', 'Brieselang, DE'], ['CGN1', 'Koblenz, DE'], ['HAM2', 'Winsen, DE'],
    ['STR1', 'Pforzheim, DE'], ['EDE4', 'Werne, DE']],
};
