import { useEffect, useState } from 'react';
import { answerOf, api, type ApiAnswer } from '../../api/api-client.ts';
import { useApiData } from '../../api/use-api.ts';
import { ErrorBox } from '../../components/error-box.tsx';
import { useAction } from '../../components/use-action.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { navigate } from '../../router/router.ts';
import { useCan, useSession } from '../../session/session-context.tsx';
import type { ProgressCounts, RecipientView } from '../../api/generated/api-schema.ts';
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
  const { busy, error, runWith } = useAction();
  const act = async (what: 'read' | 'reply') => {
    await runWith(async () => {
      const path = { params: { path: { id } } };
      if (what === 'reply')
        await answerOf(api.POST('/api/directives/{id}/reply', { ...path, body: { text } }));
      else await answerOf(api.POST('/api/directives/{id}/read', path));
      onDone();
    });
  };
  return (
    <div
      className="panel"
      data-testid="directive-my-response"
      data-state={mine.state}
      data-busy={busy ? 'true' : 'false'}
    >
      <h2>{t('directives.mine.title')}</h2>
      {mine.state === 'unread' ? (
        <button
          type="button"
          className="btn btn-primary"
          disabled={busy}
          onClick={() => void act('read')}
          data-testid="directive-read"
        >
          {t('directives.mine.read')}
        </button>
      ) : (
        <p data-testid="directive-read-at">{t('directives.mine.readAt', { at: formatTime(mine.readAt) })}</p>
      )}
      {mine.state === 'read' && (
        <div style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
          <label style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
            {t('directives.mine.replyLabel')}
            <textarea
              className="textarea"
              value={text}
              onChange={(e) => setText(e.target.value)}
              data-testid="directive-reply-text"
            />
          </label>
          <div>
            <button
              type="button"
              className={isReplyRequired ? 'btn btn-primary' : 'btn'}
              disabled={busy}
              onClick={() => void act('reply')}
              data-testid="directive-reply-submit"
            >
              {t('directives.mine.reply')}
            </button>
          </div>
        </div>
      )}
      {mine.state === 'replied' && (
        <p data-testid="directive-replied">
          {t('directives.mine.repliedAt', { at: formatTime(mine.repliedAt) })}
          {mine.replyText}
        </p>
      )}
      <p>
        <span
          className={`chip outcome-${mine.outcome}`}
          data-testid="directive-my-outcome"
          data-outcome={mine.outcome}
        >
          {t(`directives.outcome.${mine.outcome}`)}
        </span>
      </p>
      {error !== null && <ErrorBox error={error} testId="directive-response-error" />}
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
  const [visitError, setVisitError] = useState<unknown>(null);
  useEffect(() => {
    const timer = window.setInterval(reload, POLL_MS);
    return () => window.clearInterval(timer);
  }, [reload]);

  const requestVisits = async () => {
    setVisitError(null);
    try {
      const r = await answerOf(
        api.POST('/api/directives/{id}/visit-requests', { params: { path: { id } }, body: {} }),
      );
      setVisit(r.requested.length);
      reload();
    } catch (e) {
      setVisitError(e);
    }
  };

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
        <a
          href="/directives"
          onClick={(e) => {
            e.preventDefault();
            navigate('/directives');
          }}
          data-testid="directive-back"
        >
          {t('directives.back')}
        </a>
      </p>
      {error !== null && <ErrorBox error={error} onRetry={reload} />}
      {d && progress && (
        <>
          <article className="panel">
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
              <button
                type="button"
                className="btn"
                onClick={() => void requestVisits()}
                data-testid="directive-visit-request"
              >
                {t('directives.visit.request')}
              </button>{' '}
              {visit !== null && (
                <span data-testid="directive-visit-result">{t('directives.visit.done', { n: visit })}</span>
              )}
            </p>
          )}
          {visitError !== null && <ErrorBox error={visitError} testId="directive-visit-error" />}
          <h3>{t('directives.districts.title')}</h3>
          <table className="table" data-testid="directive-districts">
            <thead>
              <tr>
                <th>{t('directives.districts.region')}</th>
                {COUNT_KEYS.map((k) => (
                  <th key={k}>{t(`directives.totals.${k}`)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {progress.districts.map((x) => (
                <tr key={x.regionId} data-testid={`directive-district-${x.regionId}`}>
                  <td>{x.regionName}</td>
                  {COUNT_KEYS.map((k) => (
                    <td key={k} data-key={k}>
                      {x[k]}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <h3>{t('directives.mines.title')}</h3>
          <table className="table" data-testid="directive-mines">
            <thead>
              <tr>
                <th>{t('directives.mines.mine')}</th>
                <th>{t('directives.districts.region')}</th>
                <th>{t('directives.mines.outcome')}</th>
                <th>{t('directives.mines.readAt')}</th>
                <th>{t('directives.mines.repliedAt')}</th>
                <th>{t('directives.mines.reply')}</th>
                <th>{t('directives.mines.visit')}</th>
              </tr>
            </thead>
            <tbody>
              {progress.mines.map((m) => (
                <tr key={m.mineId} data-testid={`directive-mine-${m.mineId}`} data-outcome={m.outcome}>
                  <td>{m.mineName}</td>
                  <td>{m.regionName}</td>
                  <td>
                    <span className={`chip outcome-${m.outcome}`}>
                      {t(`directives.outcome.${m.outcome}`)}
                    </span>
                  </td>
                  <td>{formatTime(m.readAt)}</td>
                  <td>{formatTime(m.repliedAt)}</td>
                  <td>{m.replyText ?? ''}</td>
                  <td>
                    {m.visitRequestedAt !== null &&
                      t('directives.visit.flag', {
                        name: m.visitRequestedByName ?? '',
                        at: formatTime(m.visitRequestedAt),
                      })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
