import { useId, useState } from 'react';
import type { RiskFactor } from '../../../src/contracts/index.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import type { RiskLevel } from '../types.ts';

/** Reasons shown before "Show n more". */
const VISIBLE = 4;

interface Props {
  level: RiskLevel;
  /** From the server, most important first. English sentences with their numbers; the points are shown beside. */
  factors: readonly RiskFactor[];
}

/** Why the ticket has its risk level, always visible under the header badges so an agent sees why it is on top. */
export function RiskReasons({ level, factors }: Props) {
  const { t } = useT();
  const headingId = useId();
  const [expanded, setExpanded] = useState(false);
  if (factors.length === 0) return null;
  const hidden = factors.length - VISIBLE;
  const shown = expanded || hidden <= 0 ? factors : factors.slice(0, VISIBLE);
  return (
    <section className={`risk-why risk-why-${level}`} aria-labelledby={headingId} data-testid="risk-reasons">
      <h3 id={headingId} className="risk-why-title">{t(`conv.riskWhy.${level}`)}</h3>
      <ol className="risk-why-list" lang="en">
        {shown.map((f) => (
          <li key={f.code} data-testid="risk-reason" data-code={f.code}>
            {f.points !== 0 && (
              <span className={`risk-points${f.points < 0 ? ' negative' : ''}`} title={t('risk.points', { points: f.points })}>
                {f.points > 0 ? `+${f.points}` : f.points}
              </span>
            )}
            {f.forcesCritical && <span className="risk-points forces" aria-hidden="true">!</span>}
            {f.text.replace(/\s*\([+-]\d+\)$/, '')}
          </li>
        ))}
      </ol>
      {hidden > 0 && (
        <button type="button" className="link-button small" aria-expanded={expanded} onClick={() => setExpanded((v) => !v)}>
          {expanded ? t('conv.riskWhyLess') : t('conv.riskWhyMore', { n: hidden })}
        </button>
      )}
    </section>
  );
}
