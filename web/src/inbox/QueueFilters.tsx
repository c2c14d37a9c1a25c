import type { TicketListResponse } from '../../../src/contracts/index.ts';
import { Channel, RiskLevel } from '../../../src/contracts/index.ts';
import type { TicketFilters } from '../api.ts';
import { useT } from '../i18n/I18nProvider.tsx';

type Counts = TicketListResponse['counts'];
const STATUSES = ['active', 'open', 'pending', 'solved'] as const;

interface Props {
  filters: TicketFilters;
  onFilters: (filters: TicketFilters) => void;
  counts: Counts;
}

function Chip({ label, count, active, onClick, testId }: {
  label: string; count: number | undefined; active: boolean; onClick: () => void; testId: string;
}) {
  return (
    <button type="button" className={active ? 'chip active' : 'chip'} aria-pressed={active} onClick={onClick} data-testid={testId}>
      {label}
      {count !== undefined && <span className="chip-count">{count}</span>}
    </button>
  );
}

/** Filter chips for status, risk and channel, with the counts the API returns for each. */
export function QueueFilters({ filters, onFilters, counts }: Props) {
  const { t, tl } = useT();
  // The API counts each status; "active" is open + pending + on hold.
  const statusCount = (s: (typeof STATUSES)[number]): number =>
    s !== 'active' || counts.status.active !== undefined
      ? (counts.status[s] ?? 0)
      : ['open', 'pending', 'on_hold'].reduce((sum, k) => sum + (counts.status[k] ?? 0), 0);
  const channels = Channel.options.filter((c) => (counts.channel[c] ?? 0) > 0 || filters.channel === c);
  const sum = (record: Record<string, number>) => Object.values(record).reduce((a, b) => a + b, 0);

  return (
    <div className="filters">
      <div className="tabs" role="group" aria-label={t('queue.filterStatus')}>
        {STATUSES.map((s) => (
          <Chip key={s} label={tl('status', s)} count={statusCount(s)} active={filters.status === s}
            onClick={() => onFilters({ ...filters, status: s })} testId={`filter-status-${s}`} />
        ))}
      </div>
      <div className="chip-row" role="group" aria-label={t('queue.filterRisk')}>
        <span className="chip-row-label">{t('queue.filterRisk')}</span>
        <div className="chips">
          <Chip label={t('queue.all')} count={sum(counts.risk)} active={filters.riskLevel === null}
            onClick={() => onFilters({ ...filters, riskLevel: null })} testId="filter-risk-all" />
          {RiskLevel.options.map((r) => (
            <Chip key={r} label={tl('risk', r)} count={counts.risk[r] ?? 0} active={filters.riskLevel === r}
              onClick={() => onFilters({ ...filters, riskLevel: filters.riskLevel === r ? null : r })} testId={`filter-risk-${r}`} />
          ))}
        </div>
      </div>
      <div className="chip-row" role="group" aria-label={t('queue.filterChannel')}>
        <span className="chip-row-label">{t('queue.filterChannel')}</span>
        <div className="chips">
          <Chip label={t('queue.all')} count={sum(counts.channel)} active={filters.channel === null}
            onClick={() => onFilters({ ...filters, channel: null })} testId="filter-channel-all" />
          {channels.map((c) => (
            <Chip key={c} label={tl('channel', c)} count={counts.channel[c] ?? 0} active={filters.channel === c}
              onClick={() => onFilters({ ...filters, channel: filters.channel === c ? null : c })} testId={`filter-channel-${c}`} />
          ))}
        </div>
      </div>
    </div>
  );
}
