import type { Locale } from '../types.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { LOCALES } from '../i18n/messages.ts';

interface Props {
  value: Locale;
  onChange: (locale: Locale) => void;
  label: string;
  disabled?: boolean;
  testId?: string;
}

/** English / 简体中文 as a segmented radio group; each language is named in its own language. */
export function LanguageSwitch({ value, onChange, label, disabled, testId = 'language-switch' }: Props) {
  const { t } = useT();
  return (
    <div className="segmented" role="radiogroup" aria-label={label} data-testid={testId}>
      {LOCALES.map((locale) => (
        <button key={locale} type="button" role="radio" aria-checked={value === locale} disabled={disabled}
          className={value === locale ? 'segment active' : 'segment'} lang={locale}
          onClick={() => value !== locale && onChange(locale)} data-testid={`${testId}-${locale}`}>
          {t(locale === 'en' ? 'lang.en' : 'lang.zh-CN')}
        </button>
      ))}
    </div>
  );
}
