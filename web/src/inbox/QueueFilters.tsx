import type { Member, Team, TicketListResponse } from '../../../src/contracts/index.ts';
import { Channel, RiskLevel } from '../../../src/contracts/index.ts';
import type { TicketFilters } from '../api.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { useSession } from '../session.tsx';

type Counts = TicketListResponse['counts'];
const STATUSES = ['active', 'open', 'pending', 'solved'] as const;

interface Props {
  filters: TicketFilters;
  onFilters: (filters: TicketFilters) => void;
  counts: Counts;
  members: readonly Member[];
  teams: readonly Team[];
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

/** A compact filter as a select (marketplace, team, assignee): reads its dimension when unset, highlighted while it filters. */
function FilterSelect({ label, value, options, onChange, testId }: {
  label: string; value: string; options: { value: string; label: string }[]; onChange: (value: string) => void; testId: string;
}) {
  return (
    <label className={value ? 'filter-select active' : 'filter-select'} title={label}>
      <span className="sr-only">{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </label>
  );
}

/** The API's filter value for "no marketplace" / "no team" / "unassigned" (the '' bucket of a count). */
const NONE = 'none';

/** Named buckets of a count ('' = none, offered separately as NONE), plus the selected one even when it has none. */
function buckets(record: Record<string, number>, selected: string | null): string[] {
  const keys = Object.keys(record).filter((k) => k !== '' && (record[k] ?? 0) > 0);
  if (selected && selected !== NONE && !keys.includes(selected)) keys.push(selected);
  return keys;
}

const counted = (label: string, n: number | undefined): string => `${label} · ${n ?? 0}`;

/** The "none" option of a select, when some tickets have no value (or it is the current filter). */
function noneOption(record: Record<string, number>, selected: string | null, label: string): { value: string; label: string }[] {
  return (record[''] ?? 0) > 0 || selected === NONE ? [{ value: NONE, label: counted(label, record['']) }] : [];
}

/** Filter chips for status, risk, channel, marketplace, team and assignee, with the counts the API returns. */
export function QueueFilters({ filters, onFilters, counts, members, teams }: Props) {
  const { t, tl } = useT();
  const { session } = useSession();
  // The API counts each status; "active" is open + pending + on hold.
  const statusCount = (s: (typeof STATUSES)[number]): number =>
    s !== 'active' || counts.status.active !== undefined
      ? (counts.status[s] ?? 0)
      : ['open', 'pending', 'on_hold'].reduce((sum, k) => sum + (counts.status[k] ?? 0), 0);
  const channels = Channel.options.filter((c) => (counts.channel[c] ?? 0) > 0 || filters.channel === c);
  const sum = (record: Record<string, number>) => Object.values(record).reduce((a, b) => a + b, 0);
  const marketplaces = buckets(counts.marketplace, filters.marketplace).sort();
  const teamName = (id: string) => teams.find((tm) => tm.id === id)?.name ?? t('common.unknown');
  const teamIds = buckets(counts.team, filters.teamId).sort((a, b) => teamName(a).localeCompare(teamName(b)));
  // A select stays while it has a bucket to offer (named or none) or filters: narrowing elsewhere does not hide it.
  const showMarketplace = marketplaces.length > 0 || (counts.marketplace[''] ?? 0) > 0 || filters.marketplace !== null;
  const showTeam = teamIds.length > 0 || (counts.team[''] ?? 0) > 0 || filters.teamId !== null;

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
      <div className="filter-selects">
        {showMarketplace && (
          <FilterSelect label={t('queue.filterMarketplace')} value={filters.marketplace ?? ''} testId="filter-marketplace"
            onChange={(v) => onFilters({ ...filters, marketplace: v || null })}
            options={[
              { value: '', label: t('queue.filterMarketplace') },
              ...noneOption(counts.marketplace, filters.marketplace, t('queue.noMarketplace')),
              ...marketplaces.map((m) => ({ value: m, label: counted(m, counts.marketplace[m]) })),
            ]} />
        )}
        {showTeam && (
          <FilterSelect label={t('queue.filterTeam')} value={filters.teamId ?? ''} testId="filter-team"
            onChange={(v) => onFilters({ ...filters, teamId: v || null })}
            options={[
              { value: '', label: t('queue.filterTeam') },
              ...noneOption(counts.team, filters.teamId, t('queue.noTeam')),
              ...teamIds.map((id) => ({ value: id, label: counted(teamName(id), counts.team[id]) })),
            ]} />
        )}
        <FilterSelect label={t('queue.filterAssignee')} value={filters.assignee ?? ''} testId="filter-assignee"
          onChange={(v) => onFilters({ ...filters, assignee: v || null })}
          options={[
            { value: '', label: t('queue.filterAssignee') },
            { value: 'me', label: counted(t('queue.me'), counts.assignee[session.user.id]) },
            { value: NONE, label: counted(t('queue.unassigned'), counts.assignee['']) },
            ...members.map((m) => ({ value: m.id, label: counted(m.name, counts.assignee[m.id]) })),
          ]} />
      </div>
    </div>
  );
}
