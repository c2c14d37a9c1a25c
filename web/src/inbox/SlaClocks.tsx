import type { TicketSummary } from '../../../src/contracts/index.ts';
import { formatDateTime } from '../format.ts';
import { useT } from '../i18n/I18nProvider.tsx';

/** Every SLA clock of the ticket with its state and deadline, under the policy that set them. */
export function SlaClocks({ sla }: { sla: TicketSummary['sla'] }) {
  const { t, locale } = useT();
  if (!sla.policyId || sla.clocks.length === 0) return null;
  return (
    <details className="sla-clocks small" data-testid="sla-clocks">
      <summary>{t('sla.clocks')} · {t('sla.policy', { policy: sla.policyId })}</summary>
      <ul>
        {sla.clocks.map((c) => (
          <li key={c.metric} className={`sla-${c.state}`} data-metric={c.metric} data-state={c.state}>
            <strong>{t(`sla.metric.${c.metric}`)}</strong>: {t(`sla.state.${c.state as 'ok' | 'warning' | 'breached' | 'paused' | 'stopped'}`)}
            {c.dueAt && <> · {formatDateTime(c.stoppedAt ?? c.dueAt, locale)}</>}
          </li>
        ))}
      </ul>
    </details>
  );
}
