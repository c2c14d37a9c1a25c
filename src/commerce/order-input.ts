/** Orders as the channels (and the demo generator) hand them to us, already parsed into our own shape. */
export interface TrackingEventInput {
  readonly occurredAt: Date;
  readonly status: string;
  readonly message: string;
  readonly location: string | null;
}

export interface ShipmentInput {
  readonly carrier: string;
  readonly service: string | null;
  readonly trackingNumber: string | null;
  readonly status: string;
  readonly shippedAt: Date | null;
  readonly deliveredAt: Date | null;
  readonly signedBy: string | null;
  readonly uploadedToMarketplace: boolean;
  readonly events: readonly TrackingEventInput[];
}

export interface ReturnInput {
  readonly externalId: string | null;
  readonly sku: string | null;
  readonly quantity: number;
  readonly reason: string | null;
  readonly customerComment: string | null;
  readonly disposition: string | null;
  readonly status: string;
  readonly requestedAt: Date;
  readonly receivedAt: Date | null;
}

export interface RefundInput {
  readonly externalId: string | null;
  readonly amountMinor: number;
  readonly currency: string;
  readonly reason: string | null;
  readonly refundedAt: Date;
  /** Index into `returns` when the refund settles a return. */
  readonly returnIndex?: number | undefined;
}

export interface OrderItemInput {
  readonly externalId: string | null;
  readonly sku: string;
  readonly asin: string | null;
  readonly fnsku: string | null;
  readonly title: string;
  readonly quantity: number;
  readonly unitPriceMinor: number;
}

export interface OrderInput {
  readonly channelAccountId: string;
  readonly channel: 'amazon' | 'shopify' | 'tiktok' | 'email' | 'instagram' | 'fake';
  readonly marketplace: string | null;
  readonly externalId: string;
  readonly customerId: string | null;
  readonly fulfillment: 'FBA' | 'FBM' | 'MCF' | 'SHOPIFY' | 'TIKTOK';
  readonly status: string;
  readonly purchasedAt: Date;
  readonly promisedShipBy: Date | null;
  readonly promisedDeliveryBy: Date | null;
  readonly currency: string;
  readonly subtotalMinor: number;
  readonly shippingMinor: number;
  readonly taxMinor: number;
  readonly discountMinor: number;
  readonly totalMinor: number;
  readonly shipCountry: string | null;
  readonly shipPostalCode: string | null;
  readonly shipCity: string | null;
  readonly items: readonly OrderItemInput[];
  readonly shipments: readonly ShipmentInput[];
  readonly returns: readonly ReturnInput[];
  readonly refunds: readonly RefundInput[];
}

export interface CustomerInput {
  readonly name: string | null;
  readonly email: string | null;
  readonly phone: string | null;
  readonly country: string | null;
  readonly identities: readonly { readonly channel: string; readonly externalId: string }[];
}
