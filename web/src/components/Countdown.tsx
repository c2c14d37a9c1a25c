import { useNow } from '../clock.ts';
import { durationParts, formatDateTime } from '../format.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { ClockIcon } from '../icons.tsx';

const KEYS = {
  response: { left: 'due.left', overdue: 'due.overdue', title: 'due.title' },
  resolution: { left: 'due.resolveLeft', overdue: 'due.resolveOverdue', title: 'due.resolveTitle' },
} as const;

/** Time left until a response (or the resolution) is due; turns red once overdue, amber inside the last two hours. */
export function Countdown({ dueAt, kind = 'response' }: { dueAt: string | null; kind?: keyof typeof KEYS }) {
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
    <span className={`countdown countdown-${state} countdown-${kind}`} title={t(KEYS[kind].title, { date: formatDateTime(dueAt, locale) })}
      data-overdue={overdue}>
      <ClockIcon />
      {overdue ? t(KEYS[kind].overdue, { time }) : t(KEYS[kind].left, { time })}
    </span>
  );
}
