/**
 * The vocabulary of triage: languages, intents and risk signals. The names are stable — reports, SLA policies
 * and automation rules refer to them.
 */
export const LANGUAGES = ['en', 'de', 'fr', 'it', 'es', 'ja', 'zh'] as const;
export type Language = (typeof LANGUAGES)[number];

export const INTENTS = [
  'where_is_my_order',
  'not_received',
  'damaged_defective',
  'wrong_item',
  'return_request',
  'refund_request',
  'cancel_order',
  'change_order',
  'shipping_cost',
  'invoice_request',
  'payment_issue',
  'product_question',
  'feedback_review',
  'complaint',
  'thanks',
  'other',
] as const;
export type Intent = (typeof INTENTS)[number];

export const SIGNALS = ['a_to_z_threat', 'chargeback_threat', 'negative_feedback_threat', 'legal_threat', 'safety_issue', 'counterfeit_claim'] as const;
export type Signal = (typeof SIGNALS)[number];

/**
 * What a lexicon phrase points at: an intent, a signal, or an internal cue. Internal cues (leading `_`) never
 * reach the output; they take part in overlap resolution (a longer cue hides the phrases inside it) and in the
 * primary-intent rules:
 * - `_request`: the buyer asks for something ("please", "could you"); a message with one is not a bare "thanks".
 * - `_none`: a stock phrase that contains a keyword but means nothing by it ("thanks in advance", "no refund needed").
 */
export type Label = Intent | Signal | '_request' | '_none';

const INTENT_SET: ReadonlySet<string> = new Set(INTENTS);
const SIGNAL_SET: ReadonlySet<string> = new Set(SIGNALS);

export function isIntent(label: string): label is Intent {
  return INTENT_SET.has(label);
}

export function isSignal(label: string): label is Signal {
  return SIGNAL_SET.has(label);
}
