import { addUserToWorkspace, createTeam, createWorkspace } from '../../src/access/index.ts';
import { saveCustomers, saveOrders, type OrderInput } from '../../src/commerce/index.ts';
import { saveConversations, type ConversationInput } from '../../src/desk/index.ts';
import type { Db } from '../../src/platform/db/port.ts';

export const T0 = new Date('2026-11-20T12:00:00Z');

/** A small workspace written through the same functions the seeder and the channels use. */
export async function seedSmallWorkspace(db: Db, slug: string, opts: { password?: string } = {}) {
  return db.transaction(async (tx) => {
    const ws = await createWorkspace(tx, { name: `Shop ${slug}`, slug }, T0);
    if (!ws.ok) throw new Error(ws.message);
    const workspaceId = ws.value;
    const password = opts.password ?? 'correct horse battery';
    const ownerId = await addUserToWorkspace(tx, { workspaceId, email: `owner@${slug}.test`, name: `Owner ${slug}`, password, role: 'owner' }, T0);
    const agentId = await addUserToWorkspace(tx, { workspaceId, email: `agent@${slug}.test`, name: `Agent ${slug}`, password, role: 'agent' }, T0);
    const viewerId = await addUserToWorkspace(tx, { workspaceId, email: `viewer@${slug}.test`, name: `Viewer ${slug}`, password, role: 'viewer' }, T0);
    const teamId = await createTeam(tx, workspaceId, 'Amazon compliance', [agentId], T0);
    const acct = await tx.query<{ id: string }>(
      `INSERT INTO channel_accounts (id, workspace_id, kind, name, marketplace, external_id) VALUES ($1, $2, 'amazon', 'Amazon US', 'US', 'A2TESTSELLER') RETURNING id`,
      [`chn_${slug}`, workspaceId],
    );
    const channelAccountId = acct.rows[0]!.id;
    const [customerId] = await saveCustomers(tx, workspaceId, [{ name: 'Jane Buyer', email: null, phone: null, country: 'US', identities: [{ channel: 'amazon', externalId: `jane-${slug}@marketplace.amazon.com` }] }], T0);
    const order: OrderInput = {
      channelAccountId, channel: 'amazon', marketplace: 'US', externalId: `113-0000001-${String([...slug].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) % 10_000_000, 7)).padStart(7, '0')}`, customerId: customerId!,
      fulfillment: 'FBM', status: 'Shipped', purchasedAt: new Date('2026-11-10T08:00:00Z'), promisedShipBy: new Date('2026-11-11T23:59:59Z'),
      promisedDeliveryBy: new Date('2026-11-15T23:59:59Z'), currency: 'USD', subtotalMinor: 2999, shippingMinor: 499, taxMinor: 240, discountMinor: 0, totalMinor: 3738,
      shipCountry: 'US', shipPostalCode: '98101', shipCity: 'Seattle',
      items: [{ externalId: '1', sku: 'KT-PRESS-BLK', asin: 'B0TEST0001', fnsku: 'X00TEST001', title: 'Garlic press', quantity: 1, unitPriceMinor: 2999 }],
      shipments: [{ carrier: 'USPS', service: 'Ground Advantage', trackingNumber: '9400111899223197428490', status: 'in_transit', shippedAt: new Date('2026-11-11T15:00:00Z'), deliveredAt: null, signedBy: null, uploadedToMarketplace: true,
        events: [{ occurredAt: new Date('2026-11-11T15:00:00Z'), status: 'info_received', message: 'Shipping label created', location: 'Austin, TX' }] }],
      returns: [], refunds: [{ externalId: 'r1', amountMinor: 3738, currency: 'USD', reason: 'not received', refundedAt: new Date('2026-11-19T10:00:00Z') }],
    };
    const orderIds = await saveOrders(tx, workspaceId, [order], T0);
    const conv = (n: number, intent: string, risk: ConversationInput['riskLevel'], body: string): ConversationInput => ({
      channel: 'amazon', channelAccountId, marketplace: 'US', externalThreadId: `thread-${slug}-${n}`, customerId: customerId!, orderId: orderIds.get(order.externalId)!,
      subject: `Inquiry from Amazon customer Jane (Order: ${order.externalId})`, status: 'open', language: 'en', intent, intents: [intent], signals: risk === 'critical' ? ['a_to_z_threat'] : [],
      riskLevel: risk, riskScore: risk === 'critical' ? 90 : 30, riskReasons: ['test'], teamId: risk === 'critical' ? teamId : null, assigneeId: null,
      firstResponseDueAt: new Date(T0.getTime() + n * 3600_000), nextResponseDueAt: new Date(T0.getTime() + n * 3600_000),
      messages: [{ channelMessageId: `<m${n}-${slug}@marketplace.amazon.com>`, direction: 'inbound', fromAddress: `jane-${slug}@marketplace.amazon.com`, toAddress: 'seller@example.com', subject: 'Where is it', bodyText: body, language: 'en', sentAt: new Date(T0.getTime() - n * 60_000) }],
    });
    const ticketIds = await saveConversations(tx, workspaceId, [
      conv(1, 'where_is_my_order', 'normal', 'Hi, where is my parcel? It is late.'),
      conv(2, 'not_received', 'critical', 'Never arrived. I will file an A-to-z claim if I do not hear back. 包裹还没到'),
      conv(3, 'thanks', 'low', 'Thanks, got it!'),
    ], T0);
    return { workspaceId, ownerId, agentId, viewerId, teamId, channelAccountId, customerId: customerId!, orderId: orderIds.get(order.externalId)!, orderExternalId: order.externalId, ticketIds, password };
  });
}
