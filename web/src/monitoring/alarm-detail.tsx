import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { ApiError, request, type ApiAnswer, type ApiPostAnswer } from '../api/api-client.ts';
import type { AlarmView } from '../api/generated/api-schema.ts';
import { useApiData } from '../api/use-api.ts';
import { DataTable, type Column } from '../components/data-table.tsx';
import { ErrorBox } from '../components/error-box.tsx';
import { Field } from '../components/form-kit.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';
import { Link } from '../router/link.tsx';
import { minePath } from '../router/router.ts';
import { can, useSession } from '../session/session-context.tsx';
import { AlarmStatePill, PriorityPill } from './alarm-table.tsx';
import { alarmText, eventLabel, isUnacknowledged, ruleLabel } from './alarm-text.ts';
import { formatDuration, formatMs, formatValue } from './monitoring-format.ts';
import { EvidenceList } from './alarm-groups.tsx';
import './alarm-detail.css';

type AlarmActionResponse = ApiPostAnswer<'/api/alarms/{id}/acknowledge'>;
type AlarmDetailResponse = ApiAnswer<'/api/alarms/{id}'>;
type AlarmEvent = AlarmDetailResponse['events'][number];

const SHELVE_PRESETS = [15, 30, 60, 120, 240, 480];
const MAX_SHELVE_MINUTES = 480;

/** A client-side refusal, shown like the server's (same codes, same localized text). */
function localError(code: string): ApiError {
  return new ApiError(400, code, code, null);
}

function DetailFact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="dfact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

type Busy = null | 'acknowledge' | 'shelve' | 'unshelve';

function AlarmActions({ alarm, onDone }: { alarm: AlarmView; onDone: (alarm: AlarmView) => void }) {
  const { t } = useI18n();
  const [comment, setComment] = useState('');
  const [reason, setReason] = useState('');
  const [minutes, setMinutes] = useState('60');
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<Busy>(null);

  const send = (action: Exclude<Busy, null>, body: unknown) => {
    setBusy(action);
    setError(null);
    setDone(null);
    request<AlarmActionResponse>('POST', `/api/alarms/${encodeURIComponent(alarm.id)}/${action}`, {
      body,
    }).then(
      (res) => {
        setBusy(null);
        setDone(action);
        if (action === 'acknowledge') setComment('');
        if (action === 'shelve') setReason('');
        onDone(res.alarm);
      },
      (e: unknown) => {
        setBusy(null);
        setError(e);
      },
    );
  };

  const acknowledge = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy !== null) return;
    if (comment.trim() === '') {
      setError(localError('ALARM_ACK_COMMENT_REQUIRED'));
      return;
    }
    send('acknowledge', { comment: comment.trim() });
  };

  const shelve = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy !== null) return;
    const n = Number(minutes);
    if (reason.trim() === '') {
      setError(localError('ALARM_SHELVE_REASON_REQUIRED'));
      return;
    }
    if (!Number.isInteger(n) || n < 1 || n > MAX_SHELVE_MINUTES) {
      setError(localError('ALARM_SHELVE_DURATION_INVALID'));
      return;
    }
    send('shelve', { reason: reason.trim(), minutes: n });
  };

  const canAck = isUnacknowledged(alarm.state);
  const canShelve =
    alarm.state === 'unack_active' || alarm.state === 'ack_active' || alarm.state === 'rtn_unack';
  const canUnshelve = alarm.state === 'shelved';

  return (
    <section
      className="detail-actions"
      data-testid="alarm-actions"
      data-busy={busy === null ? 'false' : 'true'}
    >
      {error !== null && <ErrorBox error={error} testId="alarm-action-error" />}
      {done !== null && error === null && (
        <div className="action-done" data-testid="alarm-action-done" data-action={done}>
          {t(`alarm.done.${done}`)}
        </div>
      )}
      {canAck && (
        <form className="action-form action-ack" onSubmit={acknowledge} noValidate>
          <label className="field">
            <span className="field-label">{t('alarm.ack.comment')}</span>
            <textarea
              className="input textarea"
              rows={2}
              value={comment}
              placeholder={t('alarm.ack.placeholder')}
              onChange={(e) => setComment(e.target.value)}
              data-testid="alarm-ack-comment"
            />
          </label>
          <button
            type="submit"
            className="btn btn-primary"
            disabled={busy !== null}
            data-testid="alarm-ack-submit"
          >
            {busy === 'acknowledge' ? t('alarm.ack.submitting') : t('alarm.ack.submit')}
          </button>
        </form>
      )}
      {canShelve && (
        <details className="action-shelve" open={alarm.priority !== 'critical' && !canAck ? true : undefined}>
          <summary>{t('alarm.shelve.title')}</summary>
          <form className="action-form" onSubmit={shelve} noValidate>
            <Field
              label={t('alarm.shelve.reason')}
              value={reason}
              placeholder={t('alarm.shelve.placeholder')}
              onChange={setReason}
              testId="alarm-shelve-reason"
            />
            <div className="shelve-row">
              <label className="field">
                <span className="field-label">{t('alarm.shelve.minutes')}</span>
                <input
                  className="input shelve-minutes"
                  type="number"
                  min={1}
                  max={MAX_SHELVE_MINUTES}
                  step={1}
                  value={minutes}
                  onChange={(e) => setMinutes(e.target.value)}
                  data-testid="alarm-shelve-minutes"
                />
              </label>
              <div className="shelve-presets">
                {SHELVE_PRESETS.map((m) => (
                  <button
                    key={m}
                    type="button"
                    className={String(m) === minutes ? 'chip active' : 'chip'}
                    onClick={() => setMinutes(String(m))}
                  >
                    {m < 60 ? t('dur.m', { m }) : t('dur.h', { h: m / 60 })}
                  </button>
                ))}
              </div>
            </div>
            <div className="muted small">{t('alarm.shelve.hint')}</div>
            <button type="submit" className="btn" disabled={busy !== null} data-testid="alarm-shelve-submit">
              {busy === 'shelve' ? t('alarm.shelve.submitting') : t('alarm.shelve.submit')}
            </button>
          </form>
        </details>
      )}
      {canUnshelve && (
        <button
          type="button"
          className="btn"
          disabled={busy !== null}
          onClick={() => send('unshelve', {})}
          data-testid="alarm-unshelve"
        >
          {busy === 'unshelve' ? t('alarm.unshelve.submitting') : t('alarm.unshelve.submit')}
        </button>
      )}
    </section>
  );
}

function EventHistory({ detail }: { detail: AlarmDetailResponse }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  // The server's order: newest first as Redline learnt of them (a late upload's raise, dated by its
  // data, still comes before the acknowledgement that answered it).
  const events = detail.events;
  const LATE_MS = 60_000;
  const columns: Column<AlarmEvent>[] = [
    {
      key: 'at',
      header: t('alarm.history.at'),
      className: 'tabular nowrap',
      cell: (e) => (
        <>
          {formatMs(e.atMs)}
          {e.receivedMs !== null && e.receivedMs - e.atMs > LATE_MS && (
            <div className="cell-sub" data-testid="alarm-event-received">
              {t('alarm.history.received', { at: formatMs(e.receivedMs) })}
            </div>
          )}
        </>
      ),
    },
    {
      key: 'event',
      header: t('alarm.history.event'),
      cell: (e) => (
        <>
          <span className="strong">{eventLabel(e, i18n)}</span>
          {e.value !== null && (
            <div className="cell-sub">{t('alarm.history.value', { v: formatValue(e.value, lang) })}</div>
          )}
        </>
      ),
    },
    {
      key: 'change',
      header: t('alarm.history.change'),
      className: 'nowrap',
      cell: (e) => (
        <>
          {e.fromState !== null && <AlarmStatePill state={e.fromState} />}
          {e.fromState !== null && e.toState !== null && <span className="diff-arrow">→</span>}
          {e.toState !== null && <AlarmStatePill state={e.toState} />}
        </>
      ),
    },
    {
      key: 'who',
      header: t('alarm.history.who'),
      cell: (e) => (
        <>
          {e.actor ?? <span className="muted">{t('alarm.history.system')}</span>}
          {e.comment !== null && e.comment !== '' && <div className="event-comment">{e.comment}</div>}
        </>
      ),
    },
  ];
  return (
    <section className="detail-history">
      <h3>{t('alarm.history.title')}</h3>
      <DataTable
        isCompact
        className="history-table"
        testId="alarm-history"
        columns={columns}
        rows={events}
        rowKey={(e) => `${e.atMs}-${events.indexOf(e)}`}
        rowAttributes={(e) => ({
          'data-testid': 'alarm-event-row',
          'data-kind': e.kind,
          'data-cause': e.cause,
          'data-from': e.fromState ?? '',
          'data-to': e.toState ?? '',
        })}
        empty={t('alarm.history.empty')}
      />
    </section>
  );
}

/**
 * The side panel for one alarm: what it is, where, how long, its full transition history and the
 * operator actions (acknowledge with a comment, shelve for a time with a reason, unshelve).
 * `refreshKey` changes when the live feed reports a change of this alarm.
 */
export function AlarmDetailPanel(props: {
  alarmId: string;
  refreshKey: number;
  now: number;
  onClose: () => void;
  onAlarmChanged: (alarm: AlarmView) => void;
}) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const { session } = useSession();
  const detail = useApiData<AlarmDetailResponse>(`/api/alarms/${encodeURIComponent(props.alarmId)}`);
  const { reload } = detail;
  const { onClose } = props;

  // Reload when the live feed reports a change of this alarm after the panel opened.
  const openedAtKey = useRef(props.refreshKey);
  useEffect(() => {
    if (props.refreshKey !== openedAtKey.current) reload();
  }, [props.refreshKey, reload]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const a = detail.data?.alarm.id === props.alarmId ? detail.data.alarm : null;
  const onDone = (alarm: AlarmView) => {
    props.onAlarmChanged(alarm);
    reload();
  };

  return (
    <aside
      className={a === null ? 'drawer' : `drawer drawer-${a.priority}`}
      data-testid="alarm-detail"
      data-alarm-id={props.alarmId}
      data-state={a?.state}
      data-busy={detail.isLoading ? 'true' : 'false'}
      aria-label={t('alarm.detail')}
    >
      <header className="drawer-head">
        {a !== null && <PriorityPill priority={a.priority} />}
        {a !== null && <AlarmStatePill state={a.state} />}
        <span className="drawer-spacer" />
        <button
          type="button"
          className="drawer-close"
          onClick={onClose}
          aria-label={t('alarm.close')}
          title={t('alarm.close')}
          data-testid="alarm-detail-close"
        >
          ×
        </button>
      </header>
      <div className="drawer-body">
        {detail.error !== null && <ErrorBox error={detail.error} onRetry={reload} />}
        {a === null && detail.error === null && <div className="muted loading-line">{t('app.loading')}</div>}
        {a !== null && (
          <>
            <h2 className="detail-title">{ruleLabel(a.rule, i18n)}</h2>
            <p className="detail-text" data-testid="alarm-detail-text">
              {alarmText(a, i18n)}
            </p>
            {lang !== 'en' && a.message !== '' && (
              <p className="detail-original" lang="en">
                {a.message}
              </p>
            )}
            <dl className="dfacts">
              <DetailFact label={t('alarm.f.mine')}>
                <Link to={minePath(a.mineId)} className="strong" data-testid="alarm-detail-mine">
                  {a.mineName}
                </Link>
                <div className="cell-sub">
                  <span className="mono">{a.mineCode}</span> ·{' '}
                  {lang === 'en' && a.regionNameEn !== '' ? a.regionNameEn : a.regionName}
                </div>
              </DetailFact>
              <DetailFact label={t('alarm.f.subject')}>
                <span className="mono">{a.subject === '' ? t('alarm.f.wholeMine') : a.subject}</span>
              </DetailFact>
              <DetailFact label={t('alarm.f.value')}>
                {a.value === null ? t('common.none') : formatValue(a.value, lang)}
              </DetailFact>
              <DetailFact label={t('alarm.f.condition')}>
                <span className={a.conditionActive ? 'text-danger strong' : ''}>
                  {a.conditionActive ? t('alarm.f.conditionActive') : t('alarm.f.conditionClear')}
                </span>
              </DetailFact>
              <DetailFact label={t('alarm.f.activeSince')}>
                {a.activeSinceMs === null ? (
                  t('common.none')
                ) : (
                  <>
                    <span className="tabular">{formatMs(a.activeSinceMs)}</span>
                    <div className="cell-sub">
                      {t('alarm.f.for', { d: formatDuration(props.now - a.activeSinceMs, t) })}
                    </div>
                  </>
                )}
              </DetailFact>
              <DetailFact label={t('alarm.f.peak')}>
                {a.peakValue === null || a.peakMs === null ? (
                  t('common.none')
                ) : (
                  <span data-testid="alarm-peak">
                    {formatValue(a.peakValue, lang)}
                    <div className="cell-sub tabular">{formatMs(a.peakMs)}</div>
                  </span>
                )}
              </DetailFact>
              <DetailFact label={t('alarm.f.firstRaised')}>
                <span className="tabular">{formatMs(a.firstRaisedMs)}</span>
              </DetailFact>
              <DetailFact label={t('alarm.f.escalation')}>
                {a.escalationLevel > 0 ? (
                  <span className="text-danger strong">
                    {t('alarm.escalatedTo', { level: a.escalationLevel })}
                  </span>
                ) : (
                  t('alarm.f.notEscalated')
                )}
              </DetailFact>
              <DetailFact label={t('alarm.f.activations')}>{a.activations}</DetailFact>
              {a.shelvedUntilMs !== null && (
                <DetailFact label={t('alarm.f.shelvedUntil')}>
                  <span className="tabular">{formatMs(a.shelvedUntilMs)}</span>
                </DetailFact>
              )}
              {a.lastActor !== null && (
                <DetailFact label={t('alarm.f.lastActor')}>
                  {a.lastActor}
                  {a.lastComment !== null && <div className="event-comment">{a.lastComment}</div>}
                </DetailFact>
              )}
            </dl>
            {a.evidence && a.evidence.length > 0 && (
              <div className="incident-evidence">
                <div className="muted small">{t('alarmGroup.evidence')}</div>
                <EvidenceList evidence={a.evidence} />
              </div>
            )}
            {can(session, 'alarm.act') ? (
              <AlarmActions key={a.id} alarm={a} onDone={onDone} />
            ) : (
              <div className="muted small" data-testid="alarm-readonly">
                {t('alarm.readOnly')}
              </div>
            )}
          </>
        )}
        {detail.data !== null && a !== null && <EventHistory detail={detail.data} />}
      </div>
    </aside>
  );
}
