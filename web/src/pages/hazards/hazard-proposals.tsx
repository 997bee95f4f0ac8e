import { useApiData } from '../../api/use-api.ts';
import { ErrorBox } from '../../components/error-box.tsx';
import { formatDateTime } from '../../format.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { Link } from '../../router/link.tsx';
import type { HazardProposal as Proposal } from '../../api/generated/api-schema.ts';
import { PostForm } from '../../components/post-form.tsx';

/** Open proposals (suspension, closure, stop-work) for regulators, each confirmed or dismissed in one step. */
export function HazardProposalsPage() {
  const { t } = useI18n();
  const list = useApiData<{ items: Proposal[] }>('/api/hazards/proposals?state=open');
  return (
    <section className="page" data-testid="hazard-proposals" data-busy={list.isLoading ? 'true' : 'false'}>
      <p>
        <Link to="/hazards">{t('hazards.board')}</Link>
      </p>
      <h1>{t('hazards.proposals')}</h1>
      {list.error !== null && <ErrorBox error={list.error} onRetry={list.reload} />}
      {list.data?.items.length === 0 && <p className="card wf-card muted">{t('hazards.proposal.none')}</p>}
      {list.data?.items.map((p) => (
        <div
          key={p.id}
          className="card wf-card wf-stack"
          data-testid="hazard-proposal"
          data-kind={p.kind}
          data-mine-id={p.mineId}
        >
          <h3>
            {t(`hazards.proposal.${p.kind}`)} · {p.mineName}
          </h3>
          <p>{t(`hazards.proposal.basis.${p.kind}`)}</p>
          <p className="muted">
            {formatDateTime(p.createdAt)} ·{' '}
            {p.hazardIds.map((id, i) => (
              <Link key={id} to={`/hazards/${id}`}>
                {t('hazards.proposal.hazard', { n: i + 1 })}{' '}
              </Link>
            ))}
          </p>
          <PostForm
            testId={`proposal-confirm-${p.id}`}
            title="hazards.action.confirm"
            fields={[{ name: 'note', label: 'hazards.field.note', kind: 'textarea' }]}
            url={`/api/hazards/proposals/${p.id}/confirm`}
            submitLabel="hazards.action.confirm"
            onDone={list.reload}
          />
          <PostForm
            testId={`proposal-dismiss-${p.id}`}
            title="hazards.action.dismiss"
            fields={[{ name: 'note', label: 'hazards.field.reason', kind: 'textarea', required: true }]}
            url={`/api/hazards/proposals/${p.id}/dismiss`}
            submitLabel="hazards.action.dismiss"
            onDone={list.reload}
          />
        </div>
      ))}
    </section>
  );
}
