import type { ReconCase } from '../../../src/contracts/index.ts';
import { formatDate } from '../format.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { ClockIcon } from '../icons.tsx';
import { plural } from './labels.ts';
import { COUNTING_STATUSES, countdown } from './recovery.ts';

type Props = { c: Pick<ReconCase, 'daysLeft' | 'opensOn' | 'deadlineOn' | 'status'> };

/**
 * The filing window: "12 days left" (red from 7 days), "opens in N days", "last day", "closed N days ago". Cases
 * already filed or closed show the deadline date only: their window no longer drives anything.
 */
export function DeadlineCountdown({ c }: Props) {
  const { t, locale } = useT();
  const date = formatDate(c.deadlineOn, locale);
  const title = t('rec.deadlineOn', { date });
  if (!COUNTING_STATUSES.includes(c.status)) {
    return <span className="rec-deadline rec-deadline-done muted" data-testid="countdown" data-state="done" title={title}>{date}</span>;
  }
  const cd = countdown(c);
  let text: string;
  let cls: string;
  switch (cd.state) {
    case 'opens':
      text = plural(t, 'rec.opensIn', cd.days);
      cls = 'rec-deadline-opens';
      break;
    case 'left':
      text = plural(t, 'rec.daysLeft', cd.days);
      cls = cd.urgent ? 'rec-deadline-urgent' : 'rec-deadline-ok';
      break;
    case 'lastDay':
      text = t('rec.lastDay');
      cls = 'rec-deadline-urgent';
      break;
    case 'closed':
      text = plural(t, 'rec.closedAgo', cd.days);
      cls = 'rec-deadline-closed';
      break;
  }
  const urgent = cls === 'rec-deadline-urgent';
  return (
    <span className={`rec-deadline ${cls}`} data-testid="countdown" data-state={cd.state} data-days={c.daysLeft} data-urgent={urgent} title={title}>
      <ClockIcon />{text}
    </span>
  );
}
