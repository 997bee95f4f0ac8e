import type { ReactNode } from 'react';
import type { Permission } from '../../api/generated/api-schema.ts';
import { ForRole } from '../../components/not-for-role.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { HazardBoardPage } from './hazard-board.tsx';
import { PrefillGate } from '../follow-up/prefill-gate.tsx';
import { HazardReportPage } from './hazard-forms.tsx';
import { HazardPage } from './hazard-page.tsx';
import { HazardProposalsPage } from './hazard-proposals.tsx';
import { HazardSelfCheckPage } from './hazard-self-check.tsx';

/** The hazards section: /hazards (board), /hazards/new, /hazards/proposals, /hazards/self-check, /hazards/<id>. */
export function HazardsSection({ sub }: { sub: string[] }) {
  const { t } = useI18n();
  useDocumentTitle(t('hazards.title'));
  const [first] = sub;
  if (first === undefined) return <HazardBoardPage />;
  const guarded = (permissions: Permission[], page: ReactNode) => (
    <ForRole permissions={permissions} page>
      {page}
    </ForRole>
  );
  if (first === 'new')
    return guarded(
      ['hazard.report'],
      <PrefillGate>{(prefill) => <HazardReportPage prefill={prefill} />}</PrefillGate>,
    );
  if (first === 'proposals') return guarded(['hazard.decide'], <HazardProposalsPage />);
  if (first === 'self-check') return guarded(['hazard.review', 'hazard.selfcheck'], <HazardSelfCheckPage />);
  return <HazardPage key={first} id={decodeURIComponent(first)} />;
}
