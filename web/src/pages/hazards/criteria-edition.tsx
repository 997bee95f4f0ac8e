import { formatDateTime } from '../../format.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { Link } from '../../router/link.tsx';
import type {
  CriteriaEdition,
  CriteriaListing,
  HazardProposal as Proposal,
} from '../../api/generated/api-schema.ts';

/** The criteria editions and which one grades a hazard found today (`GET /api/hazards/criteria`). */
export type CriteriaResponse = CriteriaListing;
/** Which criteria edition grades a hazard found today; `standIn`: the edition in force is not encoded. */
export type CriteriaGrading = CriteriaListing['grading'];

/** The sub-items a new hazard may cite: those of the grading edition (not merely the newest). */
export function gradingItems(c: CriteriaResponse | null): CriteriaEdition['items'] {
  if (!c) return [];
  const edition = c.grading?.edition;
  return c.editions.find((e) => e.edition === edition)?.items ?? [];
}

/** A warning, in the user's language, when the edition in force is not encoded (the 2026 revision). */
export function CriteriaEditionNotice({ grading }: { grading: CriteriaGrading | null | undefined }) {
  const { t, has } = useI18n();
  if (!grading?.standIn) return null;
  const label = (edition: string, fallback: string) => {
    const key = `hazards.criteria.edition.${edition}`;
    return has(key) ? t(key) : fallback;
  };
  return (
    <p
      className="text-danger"
      role="note"
      data-testid="criteria-edition-warning"
      data-in-force={grading.inForce}
    >
      {t('hazards.criteria.standIn', {
        inForce: label(grading.inForce, grading.inForceOrder),
        from: grading.inForceFrom,
        order: label(grading.edition, grading.order),
      })}
    </p>
  );
}

/** The proposals a hazard raised (regulators only): kind, state, basis; open ones link to the decision. */
export function HazardProposalsOf({ proposals }: { proposals: Proposal[] | undefined }) {
  const { t } = useI18n();
  if (!proposals || proposals.length === 0) return null;
  return (
    <div className="card" data-testid="hazard-proposals-of">
      <h3>{t('hazards.proposals')}</h3>
      <ul>
        {proposals.map((p) => (
          <li key={p.id} data-testid={`hazard-proposal-${p.kind}`} data-state={p.state}>
            <strong>{t(`hazards.proposal.${p.kind}`)}</strong> ·{' '}
            <span>{t(`hazards.proposal.state.${p.state}`)}</span> · {formatDateTime(p.createdAt)}
            <div className="muted">{t(`hazards.proposal.basis.${p.kind}`)}</div>
            {p.state === 'open' && <Link to="/hazards/proposals">{t('hazards.proposal.decide')}</Link>}
          </li>
        ))}
      </ul>
    </div>
  );
}
