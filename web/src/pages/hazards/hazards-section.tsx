import { useDocumentTitle } from '../../components/use-document-title.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { HazardBoardPage } from './hazard-board.tsx';
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
  if (first === 'new') return <HazardReportPage />;
  if (first === 'proposals') return <HazardProposalsPage />;
  if (first === 'self-check') return <HazardSelfCheckPage />;
  return <HazardPage key={first} id={decodeURIComponent(first)} />;
}
