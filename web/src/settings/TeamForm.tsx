import { useState } from 'react';
import type { FormEvent } from 'react';
import type { Member, Team } from '../../../src/contracts/index.ts';
import { api } from '../api.ts';
import { ErrorBanner } from '../components/ErrorBanner.tsx';
import { useT } from '../i18n/I18nProvider.tsx';

interface Props {
  /** The team to edit; null creates a new one. */
  team: Team | null;
  members: readonly Member[];
  onSaved: (team: Team) => void;
  onCancel: () => void;
}

/** Creates a team or replaces an existing team's name and members. */
export function TeamForm({ team, members, onSaved, onCancel }: Props) {
  const { t } = useT();
  const [name, setName] = useState(team?.name ?? '');
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set(team?.memberIds ?? []));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const toggle = (id: string, on: boolean) => setSelected((current) => {
    const next = new Set(current);
    if (on) next.add(id);
    else next.delete(id);
    return next;
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    // Keep ids of people this page does not list (e.g. members list failed to load) rather than silently dropping them.
    const body = { name: name.trim(), memberIds: [...selected] };
    try {
      onSaved(team ? await api.updateTeam(team.id, body) : await api.createTeam(body));
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  return (
    <form className="subform" onSubmit={submit} data-testid="team-form" autoComplete="off">
      <label className="field">
        <span>{t('team.name')}</span>
        <input required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} autoFocus data-testid="team-name" />
      </label>
      <fieldset className="checklist">
        <legend>{t('team.members')} <span className="muted">({selected.size})</span></legend>
        {members.length === 0 && <p className="muted small">{t('member.empty')}</p>}
        <div className="checklist-items">
          {members.map((m) => (
            <label key={m.id} className="check">
              <input type="checkbox" checked={selected.has(m.id)} onChange={(e) => toggle(m.id, e.target.checked)}
                data-testid="team-member-check" data-member-id={m.id} />
              <span className="truncate">{m.name}</span>
              <span className="muted small truncate">{m.email}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {error !== null && <ErrorBanner error={error} titleKey="team.saveError" serverDetailOnly onDismiss={() => setError(null)} />}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy || !name.trim()} data-testid="team-save">
          {busy ? t('team.saving') : team ? t('team.save') : t('team.create')}
        </button>
        <button type="button" className="btn btn-ghost" onClick={onCancel}>{t('common.cancel')}</button>
      </div>
    </form>
  );
}
