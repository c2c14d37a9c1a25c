export type { OrderInput, CustomerInput, OrderItemInput, ShipmentInput, TrackingEventInput, ReturnInput, RefundInput } from './order-input.ts';
export { saveOrders, saveCustomers } from './save-orders.ts';
export { getOrderDetail, getCustomerSummary, type CustomerSummary } from './order-detail.ts';
export { listChannelAccounts, createChannelAccount, credentialContext, type Sealer } from './channel-accounts.ts';
export { commerceRoutes } from './http.ts';
export { findOrders, resolveCustomers, linkOrderCustomers, orderRefKey, type OrderRef, type ResolvedOrder, type CustomerCandidate } from './resolve.ts';
export { syncOrders, type OrderSnapshotInput, type ChildUpdate, type SyncResult } from './sync.ts';
export { mergeCustomerRecords, splitCustomerRecords } from './merge.ts';
