import { useState } from 'react';
import { request } from '../../api/api-client.ts';
import { useApiData } from '../../api/use-api.ts';
import { ErrorBox } from '../../components/error-box.tsx';
import { useAction } from '../../components/use-action.ts';
import { formatDateTime } from '../../format.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { useCan } from '../../session/session-context.tsx';
import { TransformationForm } from './closure-forms.tsx';
import type { ClosureStep as StepView, ClosureView } from '../../api/generated/api-schema.ts';

function StepRow({
  closureId,
  step,
  onChanged,
}: {
  closureId: string;
  step: StepView;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const [evidence, setEvidence] = useState('');
  const { busy, error, runWith } = useAction();
  const may = useCan();
  const isRegulator = may('closure.step.verify');
  const canRecord = may('closure.step.record');
  const act = async (what: 'record' | 'verify', body: Record<string, unknown>) => {
    await runWith(async () => {
      await request('POST', `/api/closure/closures/${closureId}/steps/${step.step}/${what}`, { body });
      setEvidence('');
      onChanged();
    });
  };
  return (
    <tr data-testid={`closure-step-${step.step}`} data-state={step.state}>
      <td>{t(`closure.step.${step.step}`)}</td>
      <td data-testid={`closure-step-state-${step.step}`}>{t(`closure.state.${step.state}`)}</td>
      <td>
        {step.evidence ?? ''}
        {step.recordedByName ? ` — ${step.recordedByName}` : ''}
        {step.note ? ` (${step.note})` : ''}
      </td>
      <td>{step.verifiedByName ?? ''}</td>
      <td>
        {canRecord && (step.state === 'pending' || step.state === 'rejected') && (
          <span style={{ display: 'flex', gap: 4 }}>
            <input
              data-testid={`closure-evidence-${step.step}`}
              value={evidence}
              placeholder={t('closure.evidence')}
              onChange={(e) => setEvidence(e.target.value)}
            />
            <button
              type="button"
              className="btn"
              disabled={busy || evidence.trim().length < 2}
              data-testid={`closure-record-${step.step}`}
              onClick={() => void act('record', { evidence })}
            >
              {t('closure.record')}
            </button>
          </span>
        )}
        {isRegulator && step.state === 'recorded' && (
          <button
            type="button"
            className="btn btn-primary"
            disabled={busy}
            data-testid={`closure-verify-${step.step}`}
            onClick={() => void act('verify', {})}
          >
            {t('closure.verify')}
          </button>
        )}
        {error !== null && <ErrorBox error={error} />}
      </td>
    </tr>
  );
}

/** One closure: its six steps with evidence, recorder and verifier, and the actions the user may take. */
export function ClosureDetail({ id }: { id: string }) {
  const { t } = useI18n();
  const may = useCan();
  const { data, error, isLoading, reload } = useApiData<{ closure: ClosureView }>(
    `/api/closure/closures/${id}`,
  );
  const c = data?.closure;
  return (
    <div data-testid="closure-detail" data-busy={isLoading ? 'true' : 'false'}>
      {error !== null && <ErrorBox error={error} onRetry={reload} />}
      {c && (
        <>
          <h2>
            {c.mineName} — <span data-testid="closure-status">{t(`closure.status.${c.status}`)}</span>
          </h2>
          <p>
            {c.reason}
            {c.attachedToExisting ? ` · ${t('closure.attached')}` : ''}
          </p>
          <table className="table">
            <thead>
              <tr>
                <th>{t('closure.col.step')}</th>
                <th>{t('closure.col.state')}</th>
                <th>{t('closure.evidence')}</th>
                <th>{t('closure.col.verifier')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {c.steps.map((s) => (
                <StepRow key={s.step} closureId={c.id} step={s} onChanged={reload} />
              ))}
            </tbody>
          </table>
          <h3>{t('closure.transformations')}</h3>
          {(c.transformations ?? []).length === 0 && <p>{t('closure.transformation.none')}</p>}
          <ul data-testid="closure-transformations">
            {(c.transformations ?? []).map((x) => (
              <li key={x.id} data-testid="closure-transformation" data-jobs={x.jobs}>
                <strong>{x.what}</strong> · {t('closure.transformation.since', { date: x.startedOn })} ·{' '}
                {t('closure.transformation.jobsN', { n: x.jobs })}
                {x.note && ` — ${x.note}`} · {x.recordedByName} · {formatDateTime(x.recordedAt)}
              </li>
            ))}
          </ul>
          {may('closure.manage') && <TransformationForm closureId={c.id} onDone={reload} />}
        </>
      )}
    </div>
  );
}
