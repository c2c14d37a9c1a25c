/**
 * Reply templates that ship, for rules that put a draft in the reply box (`apply_template_draft`). A draft is
 * never sent by itself: an agent reads, edits and sends it.
 *
 * Amazon's Buyer-Seller Messaging rules (reference/amazon-domain.md §5.3) forbid links other than those needed to
 * complete the order, marketing, and asking for positive reviews; the Amazon templates therefore carry no URLs
 * and no review requests. FBA and FBM differ: for FBA orders Amazon delivers and handles delivery problems, so
 * the reply points the buyer to the tracking in their Amazon account; for FBM orders the seller is liable and
 * gives the carrier and tracking number.
 */
import { PLACEHOLDER_PATTERN } from './rules/placeholders.ts';

export interface ReplyTemplate {
  readonly id: string;
  readonly name: string;
  readonly language: string;
  /** Where it fits (informational: the rule that applies it decides). */
  readonly channels: readonly string[];
  readonly fulfillment: readonly string[];
  readonly body: string;
}

/** What a template may use: filled from the ticket, its order and its latest shipment. */
export interface TemplateValues {
  readonly customerName: string | null;
  readonly orderId: string | null;
  readonly carrier: string | null;
  readonly trackingNumber: string | null;
  readonly shippedAt: string | null;
  readonly promisedDeliveryBy: string | null;
  readonly trackingStatus: string | null;
  readonly agentSignature: string;
}

export const TEMPLATE_FIELDS: readonly (keyof TemplateValues)[] = ['customerName', 'orderId', 'carrier', 'trackingNumber', 'shippedAt', 'promisedDeliveryBy', 'trackingStatus', 'agentSignature'];

export const DEFAULT_REPLY_TEMPLATES: readonly ReplyTemplate[] = [
  {
    id: 'amazon-fba-where-is-my-order',
    name: 'Amazon FBA — where is my order',
    language: 'en',
    channels: ['amazon'],
    fulfillment: ['FBA'],
    body:
      'Hello {{customerName}},\n\nthank you for your message about order {{orderId}}. This order is shipped and delivered by Amazon, ' +
      'so the latest tracking is in Your Orders in your Amazon account (current status: {{trackingStatus}}; expected by {{promisedDeliveryBy}}). ' +
      'If it has not arrived by then, Amazon customer service can help directly, and we are happy to help too — just reply here.\n\n{{agentSignature}}',
  },
  {
    id: 'amazon-fbm-where-is-my-order',
    name: 'Amazon FBM — where is my order (with tracking)',
    language: 'en',
    channels: ['amazon'],
    fulfillment: ['FBM'],
    body:
      'Hello {{customerName}},\n\nthank you for your message about order {{orderId}}. We shipped it on {{shippedAt}} with {{carrier}}, ' +
      'tracking number {{trackingNumber}} (current status: {{trackingStatus}}; expected by {{promisedDeliveryBy}}). ' +
      'We are checking with the carrier now and will update you within 24 hours. If the parcel is lost we will send a replacement or refund you in full.\n\n{{agentSignature}}',
  },
  {
    id: 'amazon-damaged',
    name: 'Amazon — item arrived damaged or defective',
    language: 'en',
    channels: ['amazon'],
    fulfillment: ['FBA', 'FBM'],
    body:
      'Hello {{customerName}},\n\nwe are very sorry that the item from order {{orderId}} arrived damaged. Could you send us a photo of the item and the packaging? ' +
      'We will then arrange a replacement or a full refund right away, whichever you prefer.\n\n{{agentSignature}}',
  },
  {
    id: 'store-where-is-my-order',
    name: 'Shop — where is my order (with tracking)',
    language: 'en',
    channels: ['shopify', 'tiktok', 'email'],
    fulfillment: ['SHOPIFY', 'TIKTOK', 'MCF'],
    body:
      'Hi {{customerName}},\n\nthanks for getting in touch about order {{orderId}}. It left us on {{shippedAt}} with {{carrier}} (tracking {{trackingNumber}}, ' +
      'status: {{trackingStatus}}). We will keep an eye on it and get back to you if it does not arrive by {{promisedDeliveryBy}}.\n\n{{agentSignature}}',
  },
  {
    id: 'store-refund-request',
    name: 'Shop — refund request received',
    language: 'en',
    channels: ['shopify', 'tiktok', 'email'],
    fulfillment: ['SHOPIFY', 'TIKTOK', 'MCF'],
    body: 'Hi {{customerName}},\n\nthanks for your message about order {{orderId}}. We have your refund request and will confirm the next steps today.\n\n{{agentSignature}}',
  },
];

/** Fill a template; an unknown value reads "(unknown)" so the agent sees what to fill in before sending (an unknown name: "there"). */
export function renderReplyTemplate(template: ReplyTemplate, values: TemplateValues): string {
  return template.body.replace(PLACEHOLDER_PATTERN, (whole, name: string) => {
    if (!(TEMPLATE_FIELDS as readonly string[]).includes(name)) return whole;
    const v = values[name as keyof TemplateValues];
    if (v === null || v === '') return name === 'customerName' ? 'there' : '(unknown)';
    return v;
  });
}
