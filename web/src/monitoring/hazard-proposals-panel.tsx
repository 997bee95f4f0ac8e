import { useState } from 'react';
import { request, withQuery } from '../api/api-client.ts';
import type { MonitoringHazardProposal as MonitoringProposal } from '../api/generated/api-schema.ts';
import { useApiData } from '../api/use-api.ts';
import { Button } from '../components/button.tsx';
import { CardSection } from '../components/card-section.tsx';
import { ErrorBox } from '../components/error-box.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';
import { criterionText } from '../pages/hazards/criterion-text.ts';
import { EvidenceList } from './alarm-groups.tsx';
import { formatShortMs } from './monitoring-format.ts';

function ProposalItem({ p, now, onDone }: { p: MonitoringProposal; now: number; onDone: () => void }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const [text, setText] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const act = async (decision: 'confirm' | 'dismiss') => {
    setBusy(true);
    setError(null);
    try {
      await request('POST', `/api/hazards/monitoring-proposals/${decision}`, {
        body: decision === 'confirm' ? { key: p.key, note: text } : { key: p.key, reason: text },
      });
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <li
      className="hazard-proposal"
      data-testid="monitoring-proposal"
      data-mine-id={p.mineId}
      data-category={p.category}
    >
      <div>
        <strong>{lang === 'en' ? p.titleEn : p.titleZh}</strong>
        <span className="cell-sub">
          {p.mineName} · {formatShortMs(p.atMs, now)}
        </span>
      </div>
      {/* The criterion as the page's language cites it (the API's `criterion.source` is English). */}
      <div className="small" data-testid="monitoring-proposal-criterion">
        {criterionText(p.category, i18n)}
      </div>
      <EvidenceList evidence={p.evidence} />
      <input
        className="input"
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={t('hazardProposal.note')}
        aria-label={t('hazardProposal.note')}
        data-testid="monitoring-proposal-note"
      />
      <div className="alarm-group-actions">
        {(['confirm', 'dismiss'] as const).map((decision) => (
          <Button
            key={decision}
            variant={decision === 'confirm' ? 'primary' : 'secondary'}
            size="small"
            disabled={busy}
            onClick={() => void act(decision)}
            testId={`monitoring-proposal-${decision}`}
          >
            {t(`hazardProposal.${decision}`)}
          </Button>
        ))}
      </div>
      {error !== null && <ErrorBox error={error} />}
    </li>
  );
}

/**
 * Major hazards proposed by monitoring evidence, for a regulator to confirm (it becomes a major hazard
 * with the evidence attached) or dismiss with a reason. Shown only when there is something to decide.
 */
export function HazardProposalsPanel({ regionId, now }: { regionId: string; now: number }) {
  const { t } = useI18n();
  const data = useApiData<{ items: MonitoringProposal[] }>(
    withQuery('/api/hazards/monitoring-proposals', { regionId }),
  );
  if (data.error !== null) return <ErrorBox error={data.error} onRetry={data.reload} />;
  if (data.data === null || data.data.items.length === 0) return null;
  return (
    <CardSection
      className="card side-card"
      testId="monitoring-proposals"
      title={t('hazardProposal.title')}
      hint={t('hazardProposal.hint')}
    >
      <ul className="side-list">
        {data.data.items.map((p) => (
          <ProposalItem key={p.key} p={p} now={now} onDone={data.reload} />
        ))}
      </ul>
    </CardSection>
  );
}
