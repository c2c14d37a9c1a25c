/** Ticket facts with every field unknown/empty, overridden by what is known — for callers and tests. */
import type { TicketFacts } from './types.ts';

export function makeFacts(known: Partial<TicketFacts> & Pick<TicketFacts, 'channel'>): TicketFacts {
  return {
    marketplace: null,
    fulfillment: null,
    intent: null,
    intents: [],
    signals: [],
    risk: null,
    priority: null,
    language: null,
    orderValueMinor: null,
    previousTickets: null,
    previousClaims: null,
    lifetimeValueMinor: null,
    tags: [],
    businessHours: null,
    teamId: null,
    assigneeId: null,
    noResponseNeeded: false,
    ...known,
  };
}
