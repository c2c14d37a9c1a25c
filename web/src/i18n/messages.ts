import type { Locale } from '../types.ts';
import { en } from './en.ts';
import type { MessageKey, Messages } from './en.ts';
import { zhCN } from './zh-CN.ts';

export const dictionaries: Record<Locale, Messages> = { en, 'zh-CN': zhCN };

export const LOCALES: readonly Locale[] = ['en', 'zh-CN'];

export type Params = Record<string, string | number>;

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

/** Looks up a key and fills `{name}` placeholders. */
export function translate(locale: Locale, key: MessageKey, params?: Params): string {
  const template = dictionaries[locale][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}

/** Label groups for values that come from the API as open strings (intents, signals, statuses, ...). */
export type LabelGroup =
  | 'status' | 'risk' | 'channel' | 'intent' | 'signal' | 'role' | 'delivery' | 'event'
  | 'orderStatus' | 'shipStatus' | 'retStatus' | 'acctStatus' | 'acctKind';

/** Translated label of an API value, or the raw value when this UI does not know it yet. */
export function translateLabel(locale: Locale, group: LabelGroup, value: string): string {
  const normalised = group === 'orderStatus' || group === 'retStatus'
    ? value.trim().toLowerCase().replace(/[\s-]+/g, '_').replace(/^cancelled$/, 'canceled')
    : value;
  const key = `${group}.${normalised}`;
  return isMessageKey(key) ? translate(locale, key) : value;
}

/** The browser's preference, used before anyone has signed in. */
export function detectLocale(): Locale {
  const langs = typeof navigator === 'undefined' ? [] : navigator.languages;
  return langs.some((l) => l.toLowerCase().startsWith('zh')) ? 'zh-CN' : 'en';
}
