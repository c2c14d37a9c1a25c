import { useNow } from '../clock.ts';
import { durationParts, formatDateTime } from '../format.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { ClockIcon } from '../icons.tsx';

/** Time left until a response is due; turns red once overdue, amber inside the last two hours. */
export function Countdown({ dueAt }: { dueAt: string | null }) {
  const { t, locale } = useT();
  const now = useNow();
  if (!dueAt) return null;
  const due = new Date(dueAt).getTime();
  if (Number.isNaN(due)) return null;
  const diff = due - now;
  const { days, hours, minutes } = durationParts(diff);
  const parts = days > 0
    ? [t('duration.d', { n: days }), t('duration.h', { n: hours })]
    : hours > 0 ? [t('duration.h', { n: hours }), t('duration.m', { n: minutes })] : [t('duration.m', { n: minutes })];
  const time = parts.join(locale === 'zh-CN' ? '' : ' ');
  const overdue = diff < 0;
  const state = overdue ? 'overdue' : diff < 2 * 3_600_000 ? 'soon' : 'ok';
  return (
    <span className={`countdown countdown-${state}`} title={t('due.title', { date: formatDateTime(dueAt, locale) })} data-overdue={overdue}>
      <ClockIcon />
      {overdue ? t('due.overdue', { time }) : t('due.left', { time })}
    </span>
  );
}
