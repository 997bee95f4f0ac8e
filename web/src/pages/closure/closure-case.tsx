import { useApiData } from '../../api/use-api.ts';
import { ErrorBox } from '../../components/error-box.tsx';
import { formatDateTime } from '../../format.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { navigate } from '../../router/router.ts';
import { useCan } from '../../session/session-context.tsx';
import { PostForm } from '../../components/post-form.tsx';
import {
  caseEvidenceKindValues as CASE_EVIDENCE_KINDS,
  type CrackdownCase as CaseDetailView,
} from '../../api/generated/api-schema.ts';

/** One crackdown case: evidence, decisions, and (for regulators) the next step and adding evidence. */
export function CaseDetail({ id }: { id: string }) {
  const { t } = useI18n();
  const may = useCan();
  const base = `/api/closure/cases/${encodeURIComponent(id)}`;
  const { data, error, isLoading, reload } = useApiData<{ case: CaseDetailView }>(base);
  const c = data?.case;
  const manages = may('case.manage');
  return (
    <div data-testid="case-detail" data-busy={isLoading ? 'true' : 'false'} data-status={c?.status ?? ''}>
      <p>
        <a
          href="/closure/cases"
          onClick={(e) => (e.preventDefault(), navigate('/closure/cases'))}
          data-testid="case-back"
        >
          {t('closure.tab.cases')}
        </a>
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
              {c.status === 'open' && (
                <PostForm
                  testId="case-investigate"
                  title="closure.caseAction.investigate"
                  url={`${base}/events`}
                  extra={{ event: 'investigate' }}
                  fields={[]}
                  submitLabel="closure.caseAction.investigate"
                  onDone={reload}
                />
              )}
              {c.status === 'investigating' && (
                <PostForm
                  testId="case-decide"
                  title="closure.caseAction.decide"
                  url={`${base}/events`}
                  extra={{ event: 'decide' }}
                  fields={[{ name: 'text', label: 'closure.decisionText', kind: 'textarea', required: true }]}
                  submitLabel="closure.caseAction.decide"
                  onDone={reload}
                />
              )}
              {c.status === 'decided' && (
                <PostForm
                  testId="case-close"
                  title="closure.caseAction.close"
                  url={`${base}/events`}
                  extra={{ event: 'close' }}
                  fields={[]}
                  submitLabel="closure.caseAction.close"
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
