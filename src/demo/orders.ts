// Streams the demo world's orders in purchase order, one at a time, in bounded memory.

import { buildOrderWorld, type Counters, type OrderWorld } from './order-builder.ts';
import { makePlan, type WorldPlan } from './plan.ts';
import type { DemoOrder } from './types.ts';

export interface GenerateOrdersOptions {
  seed: number;
  orders: number;
  now: Date;
  /** Length of the window ending at `now` (default 120). */
  days?: number;
}

/** Orders with their scenario bookkeeping (used by the report writer). */
export function* generateOrderWorlds(opts: GenerateOrdersOptions, plan: WorldPlan = makePlan(opts)): Generator<OrderWorld> {
  const counters: Counters = { shopify: 0 };
  for (let index = 0; index < plan.orders; index++) yield buildOrderWorld(plan, index, counters);
}

export function* generateOrders(opts: GenerateOrdersOptions): Generator<DemoOrder> {
  for (const world of generateOrderWorlds(opts)) yield world.order;
}
