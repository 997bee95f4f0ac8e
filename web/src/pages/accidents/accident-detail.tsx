import { useState } from 'react';
import type { ApiAnswer } from '../../api/api-client.ts';
import { useApiData } from '../../api/use-api.ts';
import { Button } from '../../components/button.tsx';
import { DataTable } from '../../components/data-table.tsx';
import { ErrorBox } from '../../components/error-box.tsx';
import { ActionError } from '../../components/form-kit.tsx';
import { useAction } from '../../components/use-action.ts';
import { formatDuration } from '../../monitoring/monitoring-format.ts';
import { investigatorText } from '../workflow-labels.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { navigate } from '../../router/router.ts';
import { useCan } from '../../session/session-context.tsx';
import { AccountabilityForm } from './accountability-form.tsx';
import { AccidentFacts } from './accident-facts.tsx';
import { SupplementForm, SupplementTimeline } from './accident-supplements.tsx';
import { shortTime } from './accident-time.ts';

/** One accident: grade, reporting chain against its deadlines, investigation, accountability, what preceded it. */
export function AccidentDetail({ id }: { id: string }) {
  const { t, has } = useI18n();
  const may = useCan();
  const canRecordAccountability = may('accountability.record');
  const detail = useApiData<ApiAnswer<'/api/accidents/{id}'>>(`/api/accidents/${encodeURIComponent(id)}`);
  const isReference = detail.data !== null && detail.data.accident.mineId === null;
  const timeline = useApiData<ApiAnswer<'/api/accidents/{id}/preceded'>>(
    detail.data && !isReference ? `/api/accidents/${encodeURIComponent(id)}/preceded` : null,
  );
  const [findings, setFindings] = useState('');
  const action = useAction(detail.reload);
  const act = (path: string, body: unknown) =>
    action.run('POST', `/api/accidents/${encodeURIComponent(id)}/${path}`, body);
  /** A step of the investigation (the report carries the findings typed beside it). */
  const investigate = (event: 'extend' | 'submit_report' | 'close', testId: string) => (
    <Button
      size="small"
      testId={testId}
      onClick={() => void act('investigation', event === 'submit_report' ? { event, findings } : { event })}
    >
      {t(`accidents.inv.${event}`)}
    </Button>
  );
  const d = detail.data;
  const busy = detail.isLoading || timeline.isLoading;
  return (
    <div data-testid="accident-detail" data-busy={busy ? 'true' : 'false'}>
      <button type="button" className="btn btn-small btn-ghost" onClick={() => navigate('/accidents')}>
        {t('accidents.back')}
      </button>
      {detail.error !== null && <ErrorBox error={detail.error} onRetry={detail.reload} />}
      <ActionError action={action} testId="accident-action-error" />
      {d && (
        <>
          <h2 className="acc-title" data-testid="accident-title">
            {d.accident.mineName} · {d.accident.type} ·{' '}
            <span data-testid="accident-grade" data-grade={d.accident.grade}>
              {t(`accidents.grade.${d.accident.grade}`)}
            </span>
          </h2>
          <AccidentFacts detail={d} />
          {!isReference && (
            <>
              <h3>{t('accidents.detail.reporting')}</h3>
              <DataTable
                testId="accident-reporting"
                columns={[
                  {
                    key: 'level',
                    header: t('accidents.detail.level'),
                    cell: (s) => t(`accidents.level.${s.level}`),
                  },
                  {
                    key: 'deadline',
                    header: t('accidents.detail.deadline'),
                    cell: (s) => shortTime(s.deadline),
                  },
                  {
                    key: 'reportedAt',
                    header: t('accidents.detail.reportedAt'),
                    cell: (s) => shortTime(s.reportedAt),
                  },
                  {
                    key: 'status',
                    header: t('accidents.detail.status'),
                    cell: (s) => (
                      <span className={s.status === 'late' || s.status === 'overdue' ? 'danger' : undefined}>
                        {t(`accidents.status.${s.status}`)}
                        {s.minutesLate > 0 ? ` (+${formatDuration(s.minutesLate * 60_000, t)})` : ''}
                      </span>
                    ),
                  },
                  {
                    key: 'record',
                    header: '',
                    cell: (s) =>
                      s.reportedAt === null &&
                      may('accident.report') && (
                        <Button
                          size="small"
                          testId={`report-${s.level}-record`}
                          onClick={() =>
                            void act('reports', { level: s.level, reportedAt: new Date().toISOString() })
                          }
                        >
                          {t('accidents.detail.record')}
                        </Button>
                      ),
                  },
                ]}
                rows={d.reporting}
                rowKey={(s) => s.level}
                rowAttributes={(s) => ({ 'data-testid': `report-${s.level}`, 'data-status': s.status })}
              />
              <h3>{t('accidents.sup.title')}</h3>
              <SupplementTimeline supplements={d.supplements} />
              {may('accident.supplement') && <SupplementForm detail={d} onDone={detail.reload} />}
              <h3>{t('accidents.detail.investigation')}</h3>
              <p data-testid="accident-investigation" data-state={d.accident.investigationState}>
                {t(`accidents.inv.${d.accident.investigationState}`)} ·{' '}
                {t('accidents.detail.dueOn', { date: d.accident.investigationDueOn })} ·{' '}
                {investigatorText(d.chain, { t, has })}
              </p>
              {d.accident.findings && <p>{d.accident.findings}</p>}
              {may('accident.investigate') && (
                <div className="acc-actions">
                  {investigate('extend', 'inv-extend')}
                  <input
                    className="input"
                    data-testid="inv-findings"
                    placeholder={t('accidents.detail.findings')}
                    value={findings}
                    onChange={(e) => setFindings(e.target.value)}
                  />
                  {investigate('submit_report', 'inv-submit')}
                  {investigate('close', 'inv-close')}
                </div>
              )}
              <h3>{t('accidents.tab.accountability')}</h3>
              {d.accountability.length === 0 && <p className="muted">{t('accidents.acct.none')}</p>}
              <ul data-testid="accident-accountability">
                {d.accountability.map((r) => (
                  <li key={r.id} data-testid="accountability-row" data-chain={r.chain} data-action={r.action}>
                    {r.personName} · {r.post} · {t(`accidents.chain.${r.chain}`)} ·{' '}
                    {t(`accidents.action.${r.action}`)} · {r.decidedOn}
                    {r.note ? ` · ${r.note}` : ''}
                  </li>
                ))}
              </ul>
              {canRecordAccountability && <AccountabilityForm accidentId={id} onRecorded={detail.reload} />}
              <h3>{t('accidents.detail.preceded')}</h3>
              {timeline.data && (
                <>
                  <p data-testid="preceded-open-hazards">
                    {t('accidents.detail.openHazards', { n: timeline.data.openHazards })}
                  </p>
                  <ol data-testid="preceded-timeline">
                    {timeline.data.items.map((i) => (
                      <li
                        key={`${i.kind}-${i.id}`}
                        data-testid={`preceded-${i.kind}-${i.id}`}
                        data-open={i.isOpenAtAccident ? 'true' : 'false'}
                        className={i.isOpenAtAccident ? 'danger' : ''}
                      >
                        {shortTime(i.at)} · {t(`accidents.kind.${i.kind}`)} · {i.title} · {i.detail}
                        {i.isOpenAtAccident && <strong> · {t('accidents.detail.openHazard')}</strong>}
                      </li>
                    ))}
                  </ol>
                </>
              )}
            </>
          )}
        </>
      )}
    </div>
  );
}
