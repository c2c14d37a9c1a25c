export type { OrderInput, CustomerInput, OrderItemInput, ShipmentInput, TrackingEventInput, ReturnInput, RefundInput } from './order-input.ts';
export { saveOrders, saveCustomers } from './save-orders.ts';
export { getOrderDetail, getCustomerSummary, type CustomerSummary } from './order-detail.ts';
export { listChannelAccounts, createChannelAccount, credentialContext, type Sealer } from './channel-accounts.ts';
export { commerceRoutes } from './http.ts';
