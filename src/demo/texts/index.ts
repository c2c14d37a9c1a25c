// Message texts by language. Japanese and Chinese buyers get English replies.

import type { Language } from '../types.ts';
import { DE, DE_REPLIES } from './de.ts';
import { EN, EN_REPLIES } from './en.ts';
import { ES, ES_REPLIES } from './es.ts';
import { FR, FR_REPLIES } from './fr.ts';
import { IT, IT_REPLIES } from './it.ts';
import { JA } from './ja.ts';
import { ZH } from './zh.ts';
import type { LanguageTexts, ReplyTexts } from './types.ts';

export type { LanguageTexts, ReplyTexts } from './types.ts';

export const TEXTS: Record<Language, LanguageTexts> = { en: EN, de: DE, fr: FR, it: IT, es: ES, ja: JA, zh: ZH };

export const REPLIES: Record<Language, ReplyTexts> = {
  en: EN_REPLIES, de: DE_REPLIES, fr: FR_REPLIES, it: IT_REPLIES, es: ES_REPLIES, ja: EN_REPLIES, zh: EN_REPLIES,
};

/** Language the seller answers in. */
export function replyLanguage(language: Language): Language {
  return language === 'ja' || language === 'zh' ? 'en' : language;
}
