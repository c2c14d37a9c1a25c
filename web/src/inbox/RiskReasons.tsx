import { useId, useState } from 'react';
import { useT } from '../i18n/I18nProvider.tsx';
import type { RiskLevel } from '../types.ts';

/** Reasons shown before "Show n more": enough for every ticket the baseline triage scores today. */
const VISIBLE = 3;

interface Props {
  level: RiskLevel;
  /** From the server, most important first. English sentences: shown as given, never translated here. */
  reasons: readonly string[];
}

/** Why the ticket has its risk level, always visible under the header badges so an agent sees why it is on top. */
export function RiskReasons({ level, reasons }: Props) {
  const { t } = useT();
  const headingId = useId();
  const [expanded, setExpanded] = useState(false);
  if (reasons.length === 0) return null;
  const hidden = reasons.length - VISIBLE;
  const shown = expanded || hidden <= 0 ? reasons : reasons.slice(0, VISIBLE);
  return (
    <section className={`risk-why risk-why-${level}`} aria-labelledby={headingId} data-testid="risk-reasons">
      <h3 id={headingId} className="risk-why-title">{t(`conv.riskWhy.${level}`)}</h3>
      <ol className="risk-why-list" lang="en">
        {shown.map((reason, i) => <li key={`${i}:${reason}`} data-testid="risk-reason">{reason}</li>)}
      </ol>
      {hidden > 0 && (
        <button type="button" className="link-button small" aria-expanded={expanded} onClick={() => setExpanded((v) => !v)}>
          {expanded ? t('conv.riskWhyLess') : t('conv.riskWhyMore', { n: hidden })}
        </button>
      )}
    </section>
  );
}
