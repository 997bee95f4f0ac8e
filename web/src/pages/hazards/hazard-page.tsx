import { Fragment, useState, type CSSProperties, type ReactNode } from 'react';
import { useApiData } from '../../api/use-api.ts';
import { ErrorBox } from '../../components/error-box.tsx';
import { formatDateTime } from '../../format.ts';
import { errorText } from '../../components/error-text.ts';
import { criterionText } from './criterion-text.ts';
import { useI18n, type MessageKey } from '../../i18n/i18n-context.tsx';
import { Link } from '../../router/link.tsx';
import { useCan, useSession } from '../../session/session-context.tsx';
import type { HazardDetail } from '../../api/generated/api-schema.ts';
import { uploadEvidence } from './hazard-api.ts';
import { FactList } from '../../components/fact-list.tsx';
import { FieldShell } from '../../components/form-kit.tsx';
import { PostForm, type PostFieldSpec } from '../../components/post-form.tsx';
import { GENERAL_PLAN_FIELDS, MAJOR_PLAN_FIELDS, planBody } from './hazard-forms.tsx';
import { HazardProposalsOf } from './criteria-edition.tsx';

const FACTS_STYLE: CSSProperties = {
  display: 'grid',
  gridTemplateColumns: 'max-content 1fr',
  gap: '4px 16px',
  margin: '8px 0',
};

/** A step of the hazard's lifecycle that this role may take now: a form posting to `${base}/${path}`. */
interface HazardStep {
  id: string;
  isShown: boolean;
  /** The form's heading; the submit label unless told. */
  title?: MessageKey;
  fields?: readonly PostFieldSpec[];
  path: string;
  submitLabel: MessageKey;
  toBody?: (values: Record<string, string>) => object;
  /** What stands under the form (a hint). */
  after?: ReactNode;
}

const NOTE_FIELD: PostFieldSpec = { name: 'note', label: 'hazards.field.note', kind: 'textarea' };
const REASON_FIELD: PostFieldSpec = {
  name: 'reason',
  label: 'hazards.field.reason',
  kind: 'textarea',
  required: true,
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
  const steps: HazardStep[] = h
    ? [
        {
          // The five implementations are set once; an empty form after they are set misleads.
          id: 'assign',
          isShown:
            may('hazard.rectify') && h.plan === null && (h.state === 'reported' || h.state === 'assigned'),
          title: h.grade === 'major' ? 'hazards.fiveImplMajor' : 'hazards.fiveImpl',
          fields: h.grade === 'major' ? MAJOR_PLAN_FIELDS : GENERAL_PLAN_FIELDS,
          path: 'assign',
          submitLabel: 'hazards.action.assign',
          toBody: planBody,
        },
        {
          id: 'start',
          isShown: may('hazard.rectify') && h.state === 'assigned',
          path: 'start',
          submitLabel: 'hazards.action.start',
        },
        {
          id: 'submit',
          isShown: may('hazard.rectify') && h.state === 'rectifying',
          fields: [NOTE_FIELD],
          path: 'submit',
          submitLabel: 'hazards.action.submit',
        },
        {
          id: 'verify',
          isShown: may('hazard.verify') && h.state === 'awaiting_verification',
          fields: [NOTE_FIELD],
          path: 'verify',
          submitLabel: 'hazards.action.verify',
        },
        {
          id: 'reject',
          isShown: may('hazard.verify') && h.state === 'awaiting_verification',
          fields: [REASON_FIELD],
          path: 'reject',
          submitLabel: 'hazards.action.reject',
        },
        {
          id: 'extend',
          isShown: may('hazard.extend') && h.state !== 'closed' && h.currentDueDate !== null,
          fields: [
            { name: 'newDueDate', label: 'hazards.field.newDueDate', kind: 'date', required: true },
            REASON_FIELD,
          ],
          path: 'extend',
          submitLabel: 'hazards.action.extend',
        },
        {
          id: 'list',
          isShown: may('hazard.supervise') && h.grade === 'major' && h.state !== 'closed' && !listed,
          fields: [{ name: 'notice', label: 'hazards.field.notice', kind: 'textarea', required: true }],
          path: 'listing',
          submitLabel: 'hazards.action.list',
        },
        {
          id: 'unlist',
          isShown: may('hazard.supervise') && listed,
          path: 'listing/close',
          submitLabel: 'hazards.action.unlist',
          after: h.state !== 'closed' && (
            <p className="muted" data-testid="hazard-unlist-hint">
              {t('hazards.unlistHint')}
            </p>
          ),
        },
        {
          id: 'progress',
          isShown: may('hazard.rectify') && listed,
          fields: [{ name: 'text', label: 'hazards.field.note', kind: 'textarea', required: true }],
          path: 'progress',
          submitLabel: 'hazards.action.progress',
        },
      ]
    : [];
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
          <FactList
            className="hazard-facts"
            style={FACTS_STYLE}
            facts={[
              { label: t('hazards.col.mine'), value: h.mineName },
              { label: t('hazards.col.grade'), value: t(`hazards.grade.${h.grade}`), testId: 'hazard-grade' },
              {
                label: t('hazards.field.category'),
                value: d.criterion ? criterionText(d.criterion.id, { t, has, lang }) : t('hazards.general'),
              },
              {
                label: t('hazards.col.state'),
                testId: 'hazard-state',
                attributes: { 'data-value': h.state },
                value: (
                  <>
                    {t(`hazards.state.${h.state}`)}
                    {h.overdue && <strong className="overdue"> {t('hazards.overdue')}</strong>}
                    {listed && <strong data-testid="hazard-listed"> · {t('hazards.listed')}</strong>}
                  </>
                ),
              },
              {
                label: t('hazards.dueOriginal'),
                value: h.originalDueDate ?? '—',
                testId: 'hazard-due-original',
              },
              {
                label: t('hazards.dueCurrent'),
                value: h.currentDueDate ?? '—',
                testId: 'hazard-due-current',
              },
              {
                label: t('hazards.col.escalation'),
                testId: 'hazard-escalation',
                value: `${t(`hazards.escalation.${h.escalation}`)}${
                  h.equipmentRunningDays > 0
                    ? ` · ${t('hazards.equipmentDays', { n: h.equipmentRunningDays })}`
                    : ''
                }`,
              },
              {
                label: t('hazards.reportedBy'),
                value: `${h.reportedByName} · ${formatDateTime(h.reportedAt)}`,
              },
              {
                label: t('hazards.field.area'),
                value: h.area,
                testId: 'hazard-area',
                isShown: Boolean(h.area),
              },
              {
                label: t('hazards.field.equipment'),
                value: `${h.equipment} ${h.pointCode ? `(${h.pointCode})` : ''}`,
                isShown: Boolean(h.equipment),
              },
            ]}
          />
          {h.description && <p style={{ whiteSpace: 'pre-line' }}>{h.description}</p>}
          {h.plan && (
            <div className="card" data-testid="hazard-plan">
              <h3>{t('hazards.plan')}</h3>
              <FactList
                className="hazard-facts"
                style={FACTS_STYLE}
                facts={Object.entries(h.plan)
                  .filter(([, v]) => v !== null && v !== '')
                  .map(([k, v]) => {
                    const key = `hazards.field.${k}`;
                    return { label: has(key) ? t(key) : k, value: String(v) };
                  })}
              />
            </div>
          )}

          <HazardProposalsOf proposals={d.proposals} />

          <div className="hazard-actions" data-testid="hazard-actions">
            {steps
              .filter((step) => step.isShown)
              .map((step) => (
                <Fragment key={step.id}>
                  <PostForm
                    testId={`hazard-${step.id}`}
                    title={step.title ?? step.submitLabel}
                    fields={step.fields ?? []}
                    url={`${base}/${step.path}`}
                    submitLabel={step.submitLabel}
                    onDone={done}
                    toBody={step.toBody}
                  />
                  {step.after}
                </Fragment>
              ))}
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
