import { useApiData } from '../../api/use-api.ts';
import { ErrorBox } from '../../components/error-box.tsx';
import { formatDateTime } from '../../format.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { Link } from '../../router/link.tsx';
import { useCan } from '../../session/session-context.tsx';
import { PostForm, type PostFieldSpec } from '../../components/post-form.tsx';
import {
  caseEvidenceKindValues as CASE_EVIDENCE_KINDS,
  type CrackdownCase as CaseDetailView,
} from '../../api/generated/api-schema.ts';

/** The step a case takes next from each status (a closed case takes none), and what it asks for. */
const NEXT_STEP: Partial<
  Record<
    CaseDetailView['status'],
    { event: 'investigate' | 'decide' | 'close'; fields: readonly PostFieldSpec[] }
  >
> = {
  open: { event: 'investigate', fields: [] },
  investigating: {
    event: 'decide',
    fields: [{ name: 'text', label: 'closure.decisionText', kind: 'textarea', required: true }],
  },
  decided: { event: 'close', fields: [] },
};

/** One crackdown case: evidence, decisions, and (for regulators) the next step and adding evidence. */
export function CaseDetail({ id }: { id: string }) {
  const { t } = useI18n();
  const may = useCan();
  const base = `/api/closure/cases/${encodeURIComponent(id)}`;
  const { data, error, isLoading, reload } = useApiData<{ case: CaseDetailView }>(base);
  const c = data?.case;
  const manages = may('case.manage');
  const step = c === undefined ? undefined : NEXT_STEP[c.status];
  return (
    <div data-testid="case-detail" data-busy={isLoading ? 'true' : 'false'} data-status={c?.status ?? ''}>
      <p>
        <Link to="/closure/cases" data-testid="case-back">
          {t('closure.tab.cases')}
        </Link>
      </p>
      {error !== null && <ErrorBox error={error} onRetry={reload} testId="case-error" />}
      {c && (
        <>
          <h2>
            {t(`closure.case.${c.type}`)} · {c.mineName} —{' '}
            <span data-testid="case-status" data-value={c.status}>
              {t(`closure.caseStatus.${c.status}`)}
            </span>
          </h2>
          <p>{c.summary}</p>
          <p className="muted">
            {c.openedByName} · {formatDateTime(c.openedAt)}
          </p>

          <h3>{t('closure.caseEvidence')}</h3>
          {c.evidence.length === 0 && <p>{t('closure.caseEvidence.none')}</p>}
          <ul data-testid="case-evidence">
            {c.evidence.map((e, i) => (
              <li key={i} data-testid="case-evidence-item" data-kind={e.kind} data-ref={e.ref}>
                {t(`closure.evidenceKind.${e.kind}`)} · <code>{e.ref}</code>
                {e.note && ` — ${e.note}`} · {e.addedByName} · {formatDateTime(e.addedAt)}
              </li>
            ))}
          </ul>

          <h3>{t('closure.decisions')}</h3>
          <ul data-testid="case-decisions">
            {c.decisions.map((d, i) => (
              <li key={i} data-testid="case-decision">
                {d.text} · {d.byName} · {formatDateTime(d.at)}
              </li>
            ))}
          </ul>

          {manages && (
            <div data-testid="case-actions">
              {step !== undefined && (
                <PostForm
                  key={step.event}
                  testId={`case-${step.event}`}
                  title={`closure.caseAction.${step.event}`}
                  url={`${base}/events`}
                  extra={{ event: step.event }}
                  fields={step.fields}
                  submitLabel={`closure.caseAction.${step.event}`}
                  onDone={reload}
                />
              )}
              {c.status !== 'closed' && (
                <PostForm
                  testId="case-evidence-new"
                  title="closure.caseEvidence.add"
                  url={`${base}/evidence`}
                  fields={[
                    {
                      name: 'kind',
                      label: 'closure.caseEvidence.kind',
                      kind: 'select',
                      options: CASE_EVIDENCE_KINDS.map((k) => ({
                        value: k,
                        label: `closure.evidenceKind.${k}` as const,
                      })),
                    },
                    { name: 'ref', label: 'closure.caseEvidence.ref', required: true },
                    { name: 'note', label: 'closure.note', kind: 'textarea' },
                  ]}
                  submitLabel="closure.caseEvidence.add"
                  onDone={reload}
                />
              )}
            </div>
          )}
        </>
      )}
    </div>
  );
}
