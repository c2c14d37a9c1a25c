// The product catalogue of the demo brand (see accounts.ts). Fixed, not seed-dependent.

import { Rng, UPPER_ALNUM } from './rng.ts';
import type { AccountKey, DemoProduct } from './types.ts';

// sku, English title, German title, cost USD (cents), US price (cents), grams
type Row = readonly [string, string, string, number, number, number];
const ROWS: readonly Row[] = [
  ['KT-PRESS-BLK', 'Hearthwise Garlic Press Pro, Stainless Steel, Black', 'Hearthwise Knoblauchpresse Pro, Edelstahl, Schwarz', 410, 1999, 320],
  ['KT-PRESS-SLV', 'Hearthwise Garlic Press Pro, Stainless Steel, Silver', 'Hearthwise Knoblauchpresse Pro, Edelstahl, Silber', 410, 1999, 320],
  ['KT-SCALE-DGT', 'Hearthwise Digital Kitchen Scale 5 kg with Tare', 'Hearthwise Digitale Küchenwaage 5 kg mit Tara', 520, 2499, 610],
  ['KT-THERMO-PRB', 'Hearthwise Instant-Read Meat Thermometer, Waterproof', 'Hearthwise Fleischthermometer Sofortanzeige, wasserdicht', 390, 2199, 140],
  ['KT-MILL-PEP', 'Hearthwise Electric Pepper Mill, Rechargeable', 'Hearthwise Elektrische Pfeffermühle, wiederaufladbar', 760, 3499, 450],
  ['KT-MILL-SET2', 'Hearthwise Electric Salt & Pepper Mill Set (2 pcs)', 'Hearthwise Elektrisches Salz- & Pfeffermühlen-Set (2 Stk.)', 1390, 5999, 880],
  ['KT-PEEL-Y3', 'Hearthwise Y-Peeler Set, 3 Pieces', 'Hearthwise Sparschäler-Set, 3-teilig', 180, 1299, 150],
  ['KT-CHOP-MINI', 'Hearthwise Mini Food Chopper, Pull Cord, 500 ml', 'Hearthwise Mini-Zerkleinerer mit Zugseil, 500 ml', 420, 2299, 380],
  ['KT-SPRAY-OIL', 'Hearthwise Oil Sprayer Bottle for Air Fryer, Glass', 'Hearthwise Ölsprüher für Heißluftfritteuse, Glas', 260, 1599, 230],
  ['KT-LINER-AF8', 'Hearthwise Silicone Air Fryer Liners, 2 Pack, 8 inch', 'Hearthwise Silikon-Einlagen für Heißluftfritteuse, 2er-Pack, 20 cm', 190, 1399, 260],
  ['KT-MAT-BAKE', 'Hearthwise Silicone Baking Mat Set, Half Sheet', 'Hearthwise Silikon-Backmatten-Set, halbes Blech', 310, 1899, 420],
  ['KT-SHARP-3ST', 'Hearthwise 3-Stage Knife Sharpener', 'Hearthwise 3-Stufen-Messerschärfer', 350, 1999, 300],
  ['KT-BOARD-BMB', 'Hearthwise Bamboo Cutting Board Set, 3 Pieces', 'Hearthwise Bambus-Schneidebretter-Set, 3-teilig', 880, 3999, 2100],
  ['KT-CAN-OPEN', 'Hearthwise Smooth-Edge Can Opener, Manual', 'Hearthwise Dosenöffner mit glatter Kante, manuell', 290, 1699, 280],
  ['KT-WHISK-ELC', 'Hearthwise Milk Frother Handheld, USB-C', 'Hearthwise Milchaufschäumer Handgerät, USB-C', 330, 1899, 160],
  ['KT-TIMER-MAG', 'Hearthwise Magnetic Kitchen Timer, Digital, 2-Pack', 'Hearthwise Magnetischer Küchentimer, digital, 2er-Pack', 240, 1499, 120],
  ['KT-JAR-OPEN', 'Hearthwise Jar Opener for Weak Hands, 5-in-1', 'Hearthwise Glasöffner 5-in-1', 210, 1399, 190],
  ['KT-HERB-SCIS', 'Hearthwise Herb Scissors, 5 Blades', 'Hearthwise Kräuterschere mit 5 Klingen', 170, 1199, 110],
  ['KT-SPICE-RACK', 'Hearthwise Rotating Spice Rack Organizer, 20 Jars', 'Hearthwise Drehbares Gewürzregal mit 20 Gläsern', 1480, 4999, 2600],
  ['KT-VAC-SEAL', 'Hearthwise Vacuum Sealer Machine, Compact', 'Hearthwise Vakuumierer, kompakt', 2150, 7999, 1900],
  ['KT-VAC-BAG50', 'Hearthwise Vacuum Sealer Bags, 50 Pack', 'Hearthwise Vakuumierbeutel, 50 Stück', 450, 1999, 900],
  ['KT-KETTLE-GSK', 'Hearthwise Gooseneck Electric Kettle, 0.8 L, Matte Black', 'Hearthwise Schwanenhals-Wasserkocher, 0,8 l, mattschwarz', 2480, 8999, 1400],
  ['KT-POUR-V60', 'Hearthwise Pour-Over Coffee Dripper, Ceramic', 'Hearthwise Handfilter für Kaffee, Keramik', 380, 2199, 520],
  ['KT-GRATE-BOX', 'Hearthwise Box Grater, 4 Sides, with Container', 'Hearthwise Vierkantreibe mit Auffangbehälter', 360, 2099, 640],
  ['KT-LID-SIL6', 'Hearthwise Silicone Stretch Lids, 6 Sizes', 'Hearthwise Silikon-Stretchdeckel, 6 Größen', 150, 1099, 210],
];

function roundTo99(minor: number): number {
  return Math.max(99, Math.round(minor / 100) * 100 - 1);
}

function buildProduct(row: Row): DemoProduct {
  const [sku, title, titleDe, costUsd, priceUs, weightGrams] = row;
  const ids = Rng.derive(0x4eae, 'catalog', sku);
  return {
    sku,
    asin: `B0${ids.chars(UPPER_ALNUM, 8)}`,
    fnsku: `X00${ids.chars(UPPER_ALNUM, 7)}`,
    fnskuDe: `X00${ids.chars(UPPER_ALNUM, 7)}`,
    title,
    titleDe,
    unitCostMinor: { USD: costUsd, EUR: Math.round((costUsd * 0.93) / 5) * 5 },
    listPriceMinor: {
      'amazon-us': priceUs,
      // DE gross incl. 19 % VAT, a little above the US net price.
      'amazon-de': roundTo99(priceUs * 1.12),
      // Own store: same list price; the TikTok Shop lists a little lower.
      shopify: priceUs,
      tiktok: roundTo99(priceUs * 0.92),
    },
    weightGrams,
  };
}

export const DEMO_PRODUCTS: readonly DemoProduct[] = ROWS.map(buildProduct);

export function productBySku(sku: string): DemoProduct {
  const p = DEMO_PRODUCTS.find((x) => x.sku === sku);
  if (!p) throw new Error(`unknown sku ${sku}`);
  return p;
}

/** Sales weight: cheap gadgets sell more. */
export const PRODUCT_WEIGHTS: readonly (readonly [DemoProduct, number])[] = DEMO_PRODUCTS.map(
  (p) => [p, Math.max(1, Math.round(60_000 / p.listPriceMinor['amazon-us']))] as const,
);

/** VAT rate in basis points for VAT-inclusive marketplaces. */
export const VAT_BPS: Record<AccountKey, number> = { 'amazon-us': 0, 'amazon-de': 1900, shopify: 0, tiktok: 0 };

export function fnskuFor(product: DemoProduct, account: AccountKey): string {
  return account === 'amazon-de' ? product.fnskuDe : product.fnsku;
}

export function titleFor(product: DemoProduct, account: AccountKey): string {
  return account === 'amazon-de' ? product.titleDe : product.title;
}
