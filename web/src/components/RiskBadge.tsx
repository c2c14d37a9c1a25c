import type { RiskLevel } from '../types.ts';
import { useT } from '../i18n/I18nProvider.tsx';

export function RiskBadge({ level }: { level: RiskLevel }) {
  const { tl } = useT();
  return <span className={`badge risk risk-${level}`} data-risk={level}>{tl('risk', level)}</span>;
}
