import type { TicketSummary } from '../../../src/contracts/index.ts';
import { useNow } from '../clock.ts';
import { durationParts, formatDateTime } from '../format.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { ClockIcon } from '../icons.tsx';

type Sla = TicketSummary['sla'];

/** The live time left on the ticket's running SLA clock, coloured by state. Seconds tick in the last hour. */
export function SlaTimer({ sla }: { sla: Sla }) {
  const { t, locale } = useT();
  const now = useNow();
  if (sla.state === 'none') return null;
  if (sla.state === 'paused' || sla.state === 'stopped' || !sla.dueAt || !sla.metric) {
    if (sla.state === 'stopped') return null;
    return <span className="sla-timer sla-paused" data-testid="sla-timer" data-state={sla.state}><ClockIcon />{t('sla.paused')}</span>;
  }
  const diff = new Date(sla.dueAt).getTime() - now;
  // The server announces warnings and breaches; between sweeps the browser's clock may already know better.
  const state = diff <= 0 ? 'breached' : sla.state;
  const { days, hours, minutes } = durationParts(diff);
  const seconds = Math.floor(Math.abs(diff) / 1000) % 60;
  const sep = locale === 'zh-CN' ? '' : ' ';
  const time = days > 0 ? [t('duration.d', { n: days }), t('duration.h', { n: hours })].join(sep)
    : hours > 0 ? [t('duration.h', { n: hours }), t('duration.m', { n: minutes })].join(sep)
      : `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
  const label = t(`sla.metric.${sla.metric}`);
  return (
    <span className={`sla-timer sla-${state}`} data-testid="sla-timer" data-state={state} data-due={sla.dueAt}
      title={t('sla.title', { metric: label, date: formatDateTime(sla.dueAt, locale) })}>
      <ClockIcon />
      {diff <= 0 ? t('sla.overdue', { metric: label, time }) : t('sla.left', { metric: label, time })}
    </span>
  );
}
