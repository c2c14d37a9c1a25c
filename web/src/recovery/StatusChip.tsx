import { useT } from '../i18n/I18nProvider.tsx';
import { recLabel } from './labels.ts';

export function StatusChip({ status }: { status: string }) {
  const { t } = useT();
  return <span className={`badge rec-status rec-status-${status}`} data-testid="case-status" data-status={status}>{recLabel(t, 'status', status)}</span>;
}
