import type { ReactNode } from 'react';
import type { MessageKey } from '../i18n/en.ts';
import { useT } from '../i18n/I18nProvider.tsx';

interface Props {
  icon: ReactNode;
  titleKey: MessageKey;
  bodyKey: MessageKey;
}

/** A feature that is announced but not built yet: says so plainly, with no placeholder numbers. */
export function ComingSoonPage({ icon, titleKey, bodyKey }: Props) {
  const { t } = useT();
  return (
    <div className="page page-narrow">
      <section className="soon" data-testid="coming-soon">
        <div className="soon-icon">{icon}</div>
        <span className="badge badge-info">{t('soon.badge')}</span>
        <h1>{t(titleKey)}</h1>
        <p>{t(bodyKey)}</p>
        <p className="muted small">{t('soon.note')}</p>
      </section>
    </div>
  );
}
