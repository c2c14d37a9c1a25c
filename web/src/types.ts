// The shared enum types come straight from the API contracts (src/contracts/common.ts), so the UI cannot drift from them.
export type { Channel, Fulfillment, Locale, RiskLevel, Role, TicketStatus } from '../../src/contracts/index.ts';
