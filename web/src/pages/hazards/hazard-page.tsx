import { Fragment, useState, type CSSProperties } from 'react';
import { useApiData } from '../../api/use-api.ts';
import { ErrorBox } from '../../components/error-box.tsx';
import { formatDateTime } from '../../format.ts';
import { errorText } from '../../components/error-text.ts';
import { criterionText } from './criterion-text.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { Link } from '../../router/link.tsx';
import { useCan, useSession } from '../../session/session-context.tsx';
import type { HazardDetail } from '../../api/generated/api-schema.ts';
import { uploadEvidence } from './hazard-api.ts';
import { FieldShell } from '../../components/form-kit.tsx';
import { PostForm } from '../../components/post-form.tsx';
import { GENERAL_PLAN_FIELDS, MAJOR_PLAN_FIELDS, planBody } from './hazard-forms.tsx';
import { HazardProposalsOf } from './criteria-edition.tsx';

const FACTS_STYLE: CSSProperties = {
  display: 'grid',
  gridTemplateColumns: 'max-content 1fr',
  gap: '4px 16px',
  margin: '8px 0',
};

/** One hazard: facts, due dates, plan, evidence, the timeline, and the actions this role may take. */
export function HazardPage({ id }: { id: string }) {
  const { t, has, lang } = useI18n();
  const { session } = useSession();
  const may = useCan();
  const detail = useApiData<HazardDetail>(`/api/hazards/${encodeURIComponent(id)}`);
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<unknown>(null);
  const d = detail.data;
  const base = `/api/hazards/${encodeURIComponent(id)}`;
  const done = detail.reload;
  if (detail.error !== null && d === null) {
    return (
      <section className="page" data-testid="hazard-page" data-busy="false">
        <ErrorBox error={detail.error} onRetry={detail.reload} testId="hazard-error" />
      </section>
    );
  }
  const h = d?.hazard;
  const listed = d?.listings.some((l) => l.closedAt === null) ?? false;
  const onFile = (file: File | undefined) => {
    if (!file) return;
    setUploading(true);
    setUploadError(null);
    uploadEvidence(id, file, session.csrfToken).then(
      () => {
        setUploading(false);
        done();
      },
      (e: unknown) => {
        setUploading(false);
        setUploadError(e);
      },
    );
  };
  return (
    <section
      className="page"
      data-testid="hazard-page"
      data-busy={detail.isLoading || uploading ? 'true' : 'false'}
      data-state={h?.state ?? ''}
    >
      <p>
        <Link to="/hazards">{t('hazards.board')}</Link>
      </p>
      {h && d && (
        <>
          <h1 data-testid="hazard-title">{h.title}</h1>
          <dl className="hazard-facts" style={FACTS_STYLE}>
            <dt>{t('hazards.col.mine')}</dt>
            <dd>{h.mineName}</dd>
            <dt>{t('hazards.col.grade')}</dt>
            <dd data-testid="hazard-grade">{t(`hazards.grade.${h.grade}`)}</dd>
            <dt>{t('hazards.field.category')}</dt>
            <dd>{d.criterion ? criterionText(d.criterion.id, { t, has, lang }) : t('hazards.general')}</dd>
            <dt>{t('hazards.col.state')}</dt>
            <dd data-testid="hazard-state" data-value={h.state}>
              {t(`hazards.state.${h.state}`)}
              {h.overdue && <strong className="overdue"> {t('hazards.overdue')}</strong>}
              {listed && <strong data-testid="hazard-listed"> · {t('hazards.listed')}</strong>}
            </dd>
            <dt>{t('hazards.dueOriginal')}</dt>
            <dd data-testid="hazard-due-original">{h.originalDueDate ?? '—'}</dd>
            <dt>{t('hazards.dueCurrent')}</dt>
            <dd data-testid="hazard-due-current">{h.currentDueDate ?? '—'}</dd>
            <dt>{t('hazards.col.escalation')}</dt>
            <dd data-testid="hazard-escalation">
              {t(`hazards.escalation.${h.escalation}`)}
              {h.equipmentRunningDays > 0 &&
                ` · ${t('hazards.equipmentDays', { n: h.equipmentRunningDays })}`}
            </dd>
            <dt>{t('hazards.reportedBy')}</dt>
            <dd>
              {h.reportedByName} · {formatDateTime(h.reportedAt)}
            </dd>
            {h.area && (
              <>
                <dt>{t('hazards.field.area')}</dt>
                <dd data-testid="hazard-area">{h.area}</dd>
              </>
            )}
            {h.equipment && (
              <>
                <dt>{t('hazards.field.equipment')}</dt>
                <dd>
                  {h.equipment} {h.pointCode && `(${h.pointCode})`}
                </dd>
              </>
            )}
          </dl>
          {h.description && <p style={{ whiteSpace: 'pre-line' }}>{h.description}</p>}
          {h.plan && (
            <div className="card" data-testid="hazard-plan">
              <h3>{t('hazards.plan')}</h3>
              <dl className="hazard-facts" style={FACTS_STYLE}>
                {Object.entries(h.plan)
                  .filter(([, v]) => v !== null && v !== '')
                  .map(([k, v]) => {
                    const key = `hazards.field.${k}`;
                    return (
                      <Fragment key={k}>
                        <dt>{has(key) ? t(key) : k}</dt>
                        <dd>{String(v)}</dd>
                      </Fragment>
                    );
                  })}
              </dl>
            </div>
          )}

          <HazardProposalsOf proposals={d.proposals} />

          <div className="hazard-actions" data-testid="hazard-actions">
            {/* The five implementations are set once; an empty form after they are set misleads. */}
            {may('hazard.rectify') &&
              h.plan === null &&
              (h.state === 'reported' || h.state === 'assigned') && (
                <PostForm
                  testId="hazard-assign"
                  title={h.grade === 'major' ? 'hazards.fiveImplMajor' : 'hazards.fiveImpl'}
                  fields={h.grade === 'major' ? MAJOR_PLAN_FIELDS : GENERAL_PLAN_FIELDS}
                  url={`${base}/assign`}
                  submitLabel="hazards.action.assign"
                  onDone={done}
                  toBody={planBody}
                />
              )}
            {may('hazard.rectify') && h.state === 'assigned' && (
              <PostForm
                testId="hazard-start"
                title="hazards.action.start"
                fields={[]}
                url={`${base}/start`}
                submitLabel="hazards.action.start"
                onDone={done}
              />
            )}
            {may('hazard.rectify') && h.state === 'rectifying' && (
              <PostForm
                testId="hazard-submit"
                title="hazards.action.submit"
                fields={[{ name: 'note', label: 'hazards.field.note', kind: 'textarea' }]}
                url={`${base}/submit`}
                submitLabel="hazards.action.submit"
                onDone={done}
              />
            )}
            {may('hazard.verify') && h.state === 'awaiting_verification' && (
              <>
                <PostForm
                  testId="hazard-verify"
                  title="hazards.action.verify"
                  fields={[{ name: 'note', label: 'hazards.field.note', kind: 'textarea' }]}
                  url={`${base}/verify`}
                  submitLabel="hazards.action.verify"
                  onDone={done}
                />
                <PostForm
                  testId="hazard-reject"
                  title="hazards.action.reject"
                  fields={[
                    { name: 'reason', label: 'hazards.field.reason', kind: 'textarea', required: true },
                  ]}
                  url={`${base}/reject`}
                  submitLabel="hazards.action.reject"
                  onDone={done}
                />
              </>
            )}
            {may('hazard.extend') && h.state !== 'closed' && h.currentDueDate !== null && (
              <PostForm
                testId="hazard-extend"
                title="hazards.action.extend"
                fields={[
                  { name: 'newDueDate', label: 'hazards.field.newDueDate', kind: 'date', required: true },
                  { name: 'reason', label: 'hazards.field.reason', kind: 'textarea', required: true },
                ]}
                url={`${base}/extend`}
                submitLabel="hazards.action.extend"
                onDone={done}
              />
            )}
            {may('hazard.supervise') && h.grade === 'major' && h.state !== 'closed' && !listed && (
              <PostForm
                testId="hazard-list"
                title="hazards.action.list"
                fields={[{ name: 'notice', label: 'hazards.field.notice', kind: 'textarea', required: true }]}
                url={`${base}/listing`}
                submitLabel="hazards.action.list"
                onDone={done}
              />
            )}
            {may('hazard.supervise') && listed && (
              <>
                <PostForm
                  testId="hazard-unlist"
                  title="hazards.action.unlist"
                  fields={[]}
                  url={`${base}/listing/close`}
                  submitLabel="hazards.action.unlist"
                  onDone={done}
                />
                {h.state !== 'closed' && (
                  <p className="muted" data-testid="hazard-unlist-hint">
                    {t('hazards.unlistHint')}
                  </p>
                )}
              </>
            )}
            {may('hazard.rectify') && listed && (
              <PostForm
                testId="hazard-progress"
                title="hazards.action.progress"
                fields={[{ name: 'text', label: 'hazards.field.note', kind: 'textarea', required: true }]}
                url={`${base}/progress`}
                submitLabel="hazards.action.progress"
                onDone={done}
              />
            )}
          </div>

          <h2>{t('hazards.evidence')}</h2>
          {d.evidence.length === 0 && <p>{t('hazards.evidence.none')}</p>}
          <ul data-testid="hazard-evidence">
            {d.evidence.map((e) => (
              <li key={e.id} data-testid="hazard-evidence-item" data-sha256={e.sha256}>
                <a href={`${base}/evidence/${encodeURIComponent(e.id)}`}>{e.fileName}</a> · {e.uploadedByName}{' '}
                · {formatDateTime(e.uploadedAt)} · <code title={e.sha256}>{e.sha256.slice(0, 12)}</code>
              </li>
            ))}
          </ul>
          {may('hazard.evidence') && h.state !== 'closed' && (
            <FieldShell label={t('hazards.action.upload')} testId="hazard-evidence-input">
              <input
                type="file"
                className="input"
                data-testid="hazard-evidence-input"
                onChange={(e) => onFile(e.target.files?.[0])}
              />
            </FieldShell>
          )}
          {uploadError !== null && (
            <p className="error" data-testid="hazard-evidence-error">
              {errorText(uploadError, { t, has, lang })}
            </p>
          )}

          <h2>{t('hazards.timeline')}</h2>
          <ol className="timeline" data-testid="hazard-timeline">
            {d.timeline.map((e) => {
              const key = `hazards.action.${e.action}`;
              return (
                <li key={e.seq} data-testid="hazard-timeline-entry" data-action={e.action}>
                  <time dateTime={e.at}>{formatDateTime(e.at)}</time> ·{' '}
                  <strong>{has(key) ? t(key) : e.action}</strong> ·{' '}
                  <span data-testid="hazard-timeline-actor">{e.actorName}</span>
                  {e.note && <span data-testid="hazard-timeline-note"> — {e.note}</span>}
                </li>
              );
            })}
          </ol>
        </>
      )}
    </section>
  );
}
