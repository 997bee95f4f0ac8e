import { useEffect, useState } from 'react';
import { answerOf, api, type ApiAnswer } from '../../api/api-client.ts';
import { useApiData } from '../../api/use-api.ts';
import { Button } from '../../components/button.tsx';
import { StatusChip, type ChipTone } from '../../components/chip.tsx';
import type { Column } from '../../components/data-table.tsx';
import { TableCard } from '../../components/table-card.tsx';
import { sortedColumn } from '../../components/table-columns.ts';
import { ErrorBox } from '../../components/error-box.tsx';
import { ActionError, TextAreaField } from '../../components/form-kit.tsx';
import { useAction } from '../../components/use-action.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { Link } from '../../router/link.tsx';
import { useCan, useSession } from '../../session/session-context.tsx';
import type { ProgressCounts, RecipientView } from '../../api/generated/api-schema.ts';

type Progress = ApiAnswer<'/api/directives/{id}'>['progress'];
import { formatTime } from './directive-time.ts';

/** The issuer's view refreshes itself this often (read-backs arrive while it is open). */
const POLL_MS = 3000;
const COUNT_KEYS = [
  'total',
  'read',
  'replied',
  'done',
  'doneLate',
  'outstanding',
  'late',
  'visitRequested',
] as const;

function Counts({ c, testId }: { c: ProgressCounts; testId: string }) {
  const { t } = useI18n();
  return (
    <dl className="akpis" data-testid={testId}>
      {COUNT_KEYS.map((k) => (
        <div key={k} className="akpi">
          <dt className="akpi-label">{t(`directives.totals.${k}`)}</dt>
          <dd className="akpi-value" data-testid={`${testId}-${k}`}>
            {c[k]}
          </dd>
        </div>
      ))}
    </dl>
  );
}

const OUTCOME_TONE: Record<RecipientView['outcome'], ChipTone> = {
  done: 'ok',
  done_late: 'warn',
  outstanding: 'neutral',
  late: 'danger',
};

/** How a mine answered the notice, as a chip (`data-outcome` for tests). */
function OutcomeChip({ outcome, testId }: { outcome: RecipientView['outcome']; testId?: string }) {
  const { t } = useI18n();
  return (
    <span data-outcome={outcome} data-testid={testId}>
      <StatusChip tone={OUTCOME_TONE[outcome]}>{t(`directives.outcome.${outcome}`)}</StatusChip>
    </span>
  );
}

/** The mine safety officer's read-back and reply for its own mine. */
function MineResponse({
  id,
  mine,
  isReplyRequired,
  onDone,
}: {
  id: string;
  mine: RecipientView;
  isReplyRequired: boolean;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const action = useAction();
  const act = async (what: 'read' | 'reply') => {
    await action.runWith(async () => {
      const path = { params: { path: { id } } };
      if (what === 'reply')
        await answerOf(api.POST('/api/directives/{id}/reply', { ...path, body: { text } }));
      else await answerOf(api.POST('/api/directives/{id}/read', path));
      onDone();
    });
  };
  // The one step open to the mine: read the notice, then (once read) reply to it.
  const step = mine.state === 'unread' ? 'read' : mine.state === 'read' ? 'reply' : null;
  return (
    <div
      className="card wf-card wf-stack"
      data-testid="directive-my-response"
      data-state={mine.state}
      data-busy={action.busy ? 'true' : 'false'}
    >
      <h2>{t('directives.mine.title')}</h2>
      {mine.state !== 'unread' && (
        <p data-testid="directive-read-at">{t('directives.mine.readAt', { at: formatTime(mine.readAt) })}</p>
      )}
      {mine.state === 'read' && (
        <TextAreaField
          label={t('directives.mine.replyLabel')}
          value={text}
          onChange={setText}
          testId="directive-reply-text"
        />
      )}
      {step !== null && (
        <div className="form-actions">
          <Button
            variant={step === 'read' || isReplyRequired ? 'primary' : 'secondary'}
            disabled={action.busy}
            onClick={() => void act(step)}
            testId={step === 'read' ? 'directive-read' : 'directive-reply-submit'}
          >
            {t(step === 'read' ? 'directives.mine.read' : 'directives.mine.reply')}
          </Button>
        </div>
      )}
      {mine.state === 'replied' && (
        <p data-testid="directive-replied">
          {t('directives.mine.repliedAt', { at: formatTime(mine.repliedAt) })}
          {mine.replyText}
        </p>
      )}
      <p>
        <OutcomeChip outcome={mine.outcome} testId="directive-my-outcome" />
      </p>
      <ActionError action={action} testId="directive-response-error" />
    </div>
  );
}

/** One notice: its text, the viewer's own read-back (mine officers), and the live progress of the mines in scope. */
export function DirectiveDetailPage({ id }: { id: string }) {
  const { t } = useI18n();
  const { user } = useSession().session;
  const may = useCan();
  const { data, error, reload } = useApiData<ApiAnswer<'/api/directives/{id}'>>(`/api/directives/${id}`);
  const [visit, setVisit] = useState<number | null>(null);
  const visitAction = useAction(reload);
  useEffect(() => {
    const timer = window.setInterval(reload, POLL_MS);
    return () => window.clearInterval(timer);
  }, [reload]);

  const requestVisits = () =>
    void visitAction.runWith(async () => {
      const r = await answerOf(
        api.POST('/api/directives/{id}/visit-requests', { params: { path: { id } }, body: {} }),
      );
      setVisit(r.requested.length);
    });

  const districtColumns: Column<Progress['districts'][number]>[] = [
    { key: 'region', header: t('directives.districts.region'), cell: (x) => x.regionName },
    ...COUNT_KEYS.map((k): Column<Progress['districts'][number]> => ({
      key: k,
      header: t(`directives.totals.${k}`),
      cell: (x) => <span data-key={k}>{x[k]}</span>,
      sortValue: (x) => x[k],
      isNumeric: true,
    })),
  ];
  const mineColumns: Column<Progress['mines'][number]>[] = [
    sortedColumn('mine', t('directives.mines.mine'), (m) => m.mineName),
    { key: 'region', header: t('directives.districts.region'), cell: (m) => m.regionName },
    {
      key: 'outcome',
      header: t('directives.mines.outcome'),
      cell: (m) => <OutcomeChip outcome={m.outcome} />,
      sortValue: (m) => m.outcome,
    },
    { key: 'readAt', header: t('directives.mines.readAt'), cell: (m) => formatTime(m.readAt) },
    { key: 'repliedAt', header: t('directives.mines.repliedAt'), cell: (m) => formatTime(m.repliedAt) },
    { key: 'reply', header: t('directives.mines.reply'), cell: (m) => m.replyText ?? '' },
    {
      key: 'visit',
      header: t('directives.mines.visit'),
      cell: (m) =>
        m.visitRequestedAt !== null &&
        t('directives.visit.flag', {
          name: m.visitRequestedByName ?? '',
          at: formatTime(m.visitRequestedAt),
        }),
    },
  ];
  const d = data?.directive;
  const progress = data?.progress;
  const own =
    user.scope.kind === 'mine'
      ? progress?.mines.find((m) => m.mineId === (user.scope.kind === 'mine' ? user.scope.mineId : ''))
      : undefined;
  return (
    <div
      data-testid="directive-detail"
      data-busy={data === null && error === null ? 'true' : 'false'}
      data-id={id}
    >
      <p>
        <Link to="/directives" data-testid="directive-back">
          {t('directives.back')}
        </Link>
      </p>
      {error !== null && <ErrorBox error={error} onRetry={reload} />}
      {d && progress && (
        <>
          <article className="card wf-card">
            <h2 data-testid="directive-title-text">
              [{t(`directives.kind.${d.kind}`)}] {d.title}
            </h2>
            <p className="small">
              {t('directives.detail.issuedBy', { name: d.issuerName, at: formatTime(d.issuedAt) })} ·{' '}
              <span data-testid="directive-deadline-text">
                {t('directives.detail.deadline', { at: formatTime(d.deadline) })}
              </span>{' '}
              · {d.isReplyRequired ? t('directives.detail.replyRequired') : t('directives.detail.readOnly')}
            </p>
            {d.correctsId !== null && <p>{t('directives.detail.corrects', { id: d.correctsId })}</p>}
            <p style={{ whiteSpace: 'pre-wrap' }} data-testid="directive-body-text">
              {d.body}
            </p>
            {d.causeSummary !== null && (
              <p data-testid="directive-cause-text">
                <strong>{t('directives.detail.cause')}</strong>
                {d.causeSummary}
              </p>
            )}
            {data.corrections.length > 0 && (
              <p>
                {t('directives.detail.corrections')}
                {data.corrections.map((c) => c.title).join('；')}
              </p>
            )}
          </article>
          {own && <MineResponse id={id} mine={own} isReplyRequired={d.isReplyRequired} onDone={reload} />}
          <p className="small">{t('directives.detail.live', { s: POLL_MS / 1000 })}</p>
          <Counts c={progress.totals} testId="directive-totals" />
          {may('directive.visit') && (
            <p>
              <Button onClick={requestVisits} disabled={visitAction.busy} testId="directive-visit-request">
                {t('directives.visit.request')}
              </Button>{' '}
              {visit !== null && (
                <span data-testid="directive-visit-result">{t('directives.visit.done', { n: visit })}</span>
              )}
            </p>
          )}
          <ActionError action={visitAction} testId="directive-visit-error" />
          <h3>{t('directives.districts.title')}</h3>
          <TableCard
            testId="directive-districts"
            columns={districtColumns}
            rows={progress.districts}
            rowKey={(x) => x.regionId}
            rowAttributes={(x) => ({ 'data-testid': `directive-district-${x.regionId}` })}
          />
          <h3>{t('directives.mines.title')}</h3>
          <TableCard
            testId="directive-mines"
            columns={mineColumns}
            rows={progress.mines}
            rowKey={(m) => m.mineId}
            rowAttributes={(m) => ({
              'data-testid': `directive-mine-${m.mineId}`,
              'data-outcome': m.outcome,
            })}
            pageSize={100}
          />
        </>
      )}
    </div>
  );
}
