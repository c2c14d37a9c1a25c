/**
 * SP-API Orders v0 → OrderSnapshot. Pure: no I/O. Money is parsed from Amazon's decimal strings into integer
 * minor units exactly (kernel parseDecimalToMinor); anything unreadable is refused with ChannelInputError.
 *
 * Amounts: subtotal = Σ ItemPrice + GiftWrapPrice, shipping = Σ ShippingPrice, tax = Σ ItemTax + ShippingTax +
 * GiftWrapTax, discount = Σ PromotionDiscount + ShippingDiscount (as positive numbers). The total is OrderTotal
 * when Amazon sends it. Outside the US and Canada Amazon's prices include VAT/GST, so there `tax` is the share
 * already contained in subtotal and shipping, and the total computed without OrderTotal does not add it again.
 */
import { parseDecimalToMinor } from '../../kernel/index.ts';
import type { CustomerInput, OrderItemInput } from '../../commerce/index.ts';
import { ChannelInputError, type OrderSnapshot } from '../types.ts';
import { marketplaceForId } from './marketplaces.ts';
import type { SpAddress, SpBuyerInfo, SpMoney, SpOrder, SpOrderItem } from './orders.ts';

/** Marketplaces whose item prices exclude sales tax (everything else is VAT/GST-inclusive). */
const TAX_EXCLUSIVE_MARKETPLACES = new Set(['US', 'CA']);

export interface SnapshotExtras {
  /** From getOrderBuyerInfo, when the order itself carries no BuyerInfo. */
  readonly buyerInfo?: SpBuyerInfo | null;
  /** From getOrderAddress, when the order itself carries no ShippingAddress. */
  readonly shippingAddress?: SpAddress | null;
}

export function spOrderToSnapshot(order: SpOrder, items: readonly SpOrderItem[], extras: SnapshotExtras = {}): OrderSnapshot {
  const id = order.AmazonOrderId;
  if (typeof id !== 'string' || id === '') throw new ChannelInputError('SP-API order without AmazonOrderId', 'AmazonOrderId');
  const marketplace = marketplaceForId(order.MarketplaceId);
  const currency = order.OrderTotal?.CurrencyCode || items.map(itemCurrency).find((c) => c !== null) || marketplace?.currency;
  if (!currency || !/^[A-Z]{3}$/.test(currency)) {
    throw new ChannelInputError(`order ${id}: no currency (no OrderTotal, no priced items, unknown marketplace ${order.MarketplaceId ?? '-'})`, 'OrderTotal.CurrencyCode');
  }
  const amount = (m: SpMoney | undefined, field: string): number => moneyMinor(m, currency, `order ${id}`, field);

  let subtotal = 0;
  let shipping = 0;
  let tax = 0;
  let discount = 0;
  const mapped: OrderItemInput[] = items.map((it, i) => {
    const f = (name: string): string => `OrderItems[${i}].${name}`;
    const line = amount(it.ItemPrice, f('ItemPrice'));
    subtotal += line + amount(it.GiftWrapPrice, f('GiftWrapPrice'));
    shipping += amount(it.ShippingPrice, f('ShippingPrice'));
    tax += amount(it.ItemTax, f('ItemTax')) + amount(it.ShippingTax, f('ShippingTax')) + amount(it.GiftWrapTax, f('GiftWrapTax'));
    discount += Math.abs(amount(it.PromotionDiscount, f('PromotionDiscount'))) + Math.abs(amount(it.ShippingDiscount, f('ShippingDiscount')));
    const quantity = it.QuantityOrdered;
    if (!Number.isInteger(quantity) || quantity < 0) throw new ChannelInputError(`order ${id}: QuantityOrdered ${String(quantity)} is not a count`, f('QuantityOrdered'));
    const sku = it.SellerSKU || it.ASIN;
    if (!sku) throw new ChannelInputError(`order ${id}: item ${it.OrderItemId} has neither SellerSKU nor ASIN`, f('SellerSKU'));
    return {
      externalId: it.OrderItemId ?? null,
      sku,
      asin: it.ASIN || null,
      fnsku: null,
      title: it.Title ?? '',
      quantity,
      // ItemPrice is the line price; a line of 3 at 10.00 may read "29.99": the unit price is rounded to a minor unit.
      unitPriceMinor: quantity > 0 ? Math.round(line / quantity) : line,
    };
  });

  const taxIncluded = !!marketplace && !TAX_EXCLUSIVE_MARKETPLACES.has(marketplace.code);
  const computedTotal = subtotal + shipping - discount + (taxIncluded ? 0 : tax);
  const total = order.OrderTotal?.Amount !== undefined ? amount(order.OrderTotal, 'OrderTotal') : computedTotal;

  const address = order.ShippingAddress ?? extras.shippingAddress ?? null;
  const buyer = order.BuyerInfo ?? extras.buyerInfo ?? null;

  return {
    channel: 'amazon',
    marketplace: marketplace?.code ?? null,
    externalId: id,
    fulfillment: fulfillmentOf(order, id),
    status: order.OrderStatus,
    purchasedAt: requiredDate(order.PurchaseDate, id, 'PurchaseDate'),
    promisedShipBy: optionalDate(order.LatestShipDate, id, 'LatestShipDate'),
    promisedDeliveryBy: optionalDate(order.LatestDeliveryDate, id, 'LatestDeliveryDate'),
    currency,
    subtotalMinor: subtotal,
    shippingMinor: shipping,
    taxMinor: tax,
    discountMinor: discount,
    totalMinor: total,
    shipCountry: nonEmpty(address?.CountryCode),
    shipPostalCode: nonEmpty(address?.PostalCode),
    shipCity: nonEmpty(address?.City),
    items: mapped,
    shipments: [],
    returns: [],
    refunds: [],
    customer: customerOf(buyer, address),
  };
}

function fulfillmentOf(order: SpOrder, id: string): 'FBA' | 'FBM' {
  if (order.FulfillmentChannel === 'AFN') return 'FBA';
  if (order.FulfillmentChannel === 'MFN') return 'FBM';
  throw new ChannelInputError(`order ${id}: FulfillmentChannel "${String(order.FulfillmentChannel)}" is neither AFN nor MFN`, 'FulfillmentChannel');
}

function customerOf(buyer: SpBuyerInfo | null, address: SpAddress | null): CustomerInput | null {
  const email = nonEmpty(buyer?.BuyerEmail)?.toLowerCase() ?? null;
  const name = nonEmpty(buyer?.BuyerName) ?? null;
  if (!email && !name) return null;
  return {
    name,
    email,
    phone: nonEmpty(address?.Phone),
    country: nonEmpty(address?.CountryCode),
    identities: email ? [{ channel: 'amazon', externalId: email }] : [],
  };
}

function itemCurrency(it: SpOrderItem): string | null {
  return it.ItemPrice?.CurrencyCode ?? it.ItemTax?.CurrencyCode ?? it.ShippingPrice?.CurrencyCode ?? null;
}

/** Minor units of an SP-API Money; 0 when absent. Refuses another currency or an amount finer than a minor unit. */
export function moneyMinor(m: SpMoney | undefined, currency: string, where: string, field: string): number {
  if (!m || m.Amount === undefined || m.Amount === null) return 0;
  if (m.CurrencyCode && m.CurrencyCode !== currency) {
    throw new ChannelInputError(`${where}: ${field} is in ${m.CurrencyCode}, the order in ${currency}`, `${field}.CurrencyCode`);
  }
  const minor = typeof m.Amount === 'string' ? parseDecimalToMinor(m.Amount, currency) : null;
  if (minor === null || !Number.isSafeInteger(minor)) {
    throw new ChannelInputError(`${where}: ${field}.Amount "${String(m.Amount)}" is not a ${currency} amount`, `${field}.Amount`);
  }
  return minor;
}

function requiredDate(text: string | undefined, id: string, field: string): Date {
  const d = optionalDate(text, id, field);
  if (!d) throw new ChannelInputError(`order ${id}: ${field} is missing`, field);
  return d;
}

function optionalDate(text: string | undefined, id: string, field: string): Date | null {
  if (text === undefined || text === null || text === '') return null;
  const d = new Date(text);
  if (Number.isNaN(d.getTime())) throw new ChannelInputError(`order ${id}: ${field} "${text}" is not a date`, field);
  return d;
}

function nonEmpty(v: string | undefined | null): string | null {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
}
