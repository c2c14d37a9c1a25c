import { useT } from '../i18n/I18nProvider.tsx';
import { Link } from '../Link.tsx';

export function NotFoundPage() {
  const { t } = useT();
  return (
    <div className="page page-narrow">
      <section className="soon">
        <h1>{t('notFound.title')}</h1>
        <Link to="/inbox" className="btn btn-primary">{t('notFound.back')}</Link>
      </section>
    </div>
  );
}
