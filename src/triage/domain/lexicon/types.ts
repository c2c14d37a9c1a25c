// Nested domain folders may not import upward (lint), so the names are repeated here; ../intents.ts fails to
// compile if they ever differ from ../types.ts.
export type LexiconLanguage = 'en' | 'de' | 'fr' | 'it' | 'es' | 'ja' | 'zh';
export type LexiconLabel =
  | 'where_is_my_order'
  | 'not_received'
  | 'damaged_defective'
  | 'wrong_item'
  | 'return_request'
  | 'refund_request'
  | 'cancel_order'
  | 'change_order'
  | 'shipping_cost'
  | 'invoice_request'
  | 'payment_issue'
  | 'product_question'
  | 'feedback_review'
  | 'complaint'
  | 'thanks'
  | 'other'
  | 'a_to_z_threat'
  | 'chargeback_threat'
  | 'negative_feedback_threat'
  | 'legal_threat'
  | 'safety_issue'
  | 'counterfeit_claim'
  | '_request'
  | '_none';
type Label = LexiconLabel;
type Language = LexiconLanguage;

/**
 * Phrases that point at one label with one weight (3 = decisive on its own, 2 = clear, 1 = needs support: a label
 * counts once its phrases add up to 2).
 *
 * Latin-script phrase syntax (words are folded like the text: case, accents, doubled letters do not matter):
 *   `where * order|package`  words in order; `a|b` alternatives of one word; `*` up to 2 words between, `**` up to 4,
 *                            `***` up to 8
 *   `refund*`                a word starting with "refund";  `*schaden`  a word ending with "schaden"
 * Chinese/Japanese phrase syntax: `未着|返金*届いていな` — `|` separates whole alternatives; within one, `*`
 *   allows up to 4 characters between its parts, `**` up to 8. Whitespace in the text is ignored.
 * A phrase never spans a sentence end (. ! ? ; 。 or a line break).
 *
 * `negatable`: the phrase does not count when negated ("not damaged", "nicht beschädigt", "没坏",
 * "壊れていない"); phrases that contain their own negation ("not working") are written as such in a group
 * that is not negatable.
 */
export interface PhraseGroup {
  readonly label: Label;
  readonly weight: number;
  readonly negatable: boolean;
  readonly phrases: readonly string[];
}

export interface Lexicon {
  readonly language: Language;
  readonly script: 'latin' | 'cjk';
  /**
   * Latin: negating words, which may be followed by `bridges` ("not really damaged"). zh: strings negating when
   * right before a phrase (没坏). ja: strings negating when right after it (壊れていない).
   */
  readonly negators: readonly string[];
  readonly bridges?: readonly string[];
  readonly negation?: 'before' | 'after';
  readonly groups: readonly PhraseGroup[];
}

/** A group of phrases for a label. */
export const g = (label: Label, weight: number, ...phrases: string[]): PhraseGroup => ({ label, weight, negatable: false, phrases });

/** A group of phrases that negation cancels. */
export const neg = (label: Label, weight: number, ...phrases: string[]): PhraseGroup => ({ label, weight, negatable: true, phrases });
