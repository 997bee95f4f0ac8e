import { useState } from 'react';
import { request } from '../../api/api-client.ts';
import { useApiData } from '../../api/use-api.ts';
import { Button } from '../../components/button.tsx';
import { TableCard } from '../../components/table-card.tsx';
import { ErrorBox } from '../../components/error-box.tsx';
import { ActionError, Input } from '../../components/form-kit.tsx';
import { useAction } from '../../components/use-action.ts';
import { formatDateTime } from '../../format.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { useCan } from '../../session/session-context.tsx';
import { TransformationForm } from './closure-forms.tsx';
import type { ClosureStep as StepView, ClosureView } from '../../api/generated/api-schema.ts';

/** What the user may do with a step: record its evidence (the mine), verify it (a regulator). */
function StepActions({
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
  const action = useAction();
  const may = useCan();
  const act = async (what: 'record' | 'verify', body: Record<string, unknown>) => {
    await action.runWith(async () => {
      await request('POST', `/api/closure/closures/${closureId}/steps/${step.step}/${what}`, { body });
      setEvidence('');
      onChanged();
    });
  };
  return (
    <>
      {may('closure.step.record') && (step.state === 'pending' || step.state === 'rejected') && (
        <span className="wf-actions">
          <Input
            testId={`closure-evidence-${step.step}`}
            value={evidence}
            placeholder={t('closure.evidence')}
            label={t('closure.evidence')}
            onChange={setEvidence}
          />
          <Button
            disabled={action.busy || evidence.trim().length < 2}
            testId={`closure-record-${step.step}`}
            onClick={() => void act('record', { evidence })}
          >
            {t('closure.record')}
          </Button>
        </span>
      )}
      {may('closure.step.verify') && step.state === 'recorded' && (
        <Button
          variant="primary"
          disabled={action.busy}
          testId={`closure-verify-${step.step}`}
          onClick={() => void act('verify', {})}
        >
          {t('closure.verify')}
        </Button>
      )}
      <ActionError action={action} testId={`closure-step-error-${step.step}`} />
    </>
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
    <div data-testid="closure-detail" data-busy={isLoading ? 'true' : 'false'} className="wf-stack">
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
          <TableCard
            columns={[
              { key: 'step', header: t('closure.col.step'), cell: (x) => t(`closure.step.${x.step}`) },
              {
                key: 'state',
                header: t('closure.col.state'),
                cell: (x) => (
                  <span data-testid={`closure-step-state-${x.step}`}>{t(`closure.state.${x.state}`)}</span>
                ),
              },
              {
                key: 'evidence',
                header: t('closure.evidence'),
                cell: (x) =>
                  `${x.evidence ?? ''}${x.recordedByName ? ` — ${x.recordedByName}` : ''}${x.note ? ` (${x.note})` : ''}`,
              },
              { key: 'verifier', header: t('closure.col.verifier'), cell: (x) => x.verifiedByName ?? '' },
              {
                key: 'action',
                header: t('kit.table.actions'),
                isHeaderHidden: true,
                cell: (x) => <StepActions closureId={c.id} step={x} onChanged={reload} />,
              },
            ]}
            rows={c.steps}
            rowKey={(x) => x.step}
            rowAttributes={(x) => ({ 'data-testid': `closure-step-${x.step}`, 'data-state': x.state })}
          />
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
