import { createContext, useContext, useEffect, useMemo } from 'react';
import type { ReactNode } from 'react';
import type { Locale } from '../types.ts';
import type { MessageKey } from './en.ts';
import { translate, translateLabel } from './messages.ts';
import type { LabelGroup, Params } from './messages.ts';

export interface I18n {
  locale: Locale;
  t: (key: MessageKey, params?: Params) => string;
  /** Label of an API value (intent, signal, status, ...); falls back to the raw value. */
  tl: (group: LabelGroup, value: string) => string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  const value = useMemo<I18n>(
    () => ({
      locale,
      t: (key, params) => translate(locale, key, params),
      tl: (group, raw) => translateLabel(locale, group, raw),
    }),
    [locale],
  );
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useT(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useT() used outside <I18nProvider>');
  return value;
}
