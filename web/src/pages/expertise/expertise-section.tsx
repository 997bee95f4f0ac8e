import { useCan } from '../../session/session-context.tsx';
import { FormalismPage } from './formalism-page.tsx';
import { GasControlPage } from './gas-control-page.tsx';
import { MineExpertisePage } from './mine-expertise-page.tsx';
import { UpgradingPage } from './upgrading-page.tsx';

/**
 * The expertise section: /expertise is the gas-control expert service (experts, gaps);
 * /expertise/mines/<id> a mine's expertise card; /expertise/upgrading industry upgrading;
 * /expertise/formalism the supervision-quality flags (regulators and viewers).
 */
export function ExpertiseSection({ sub }: { sub: string[] }) {
  const may = useCan();
  if (sub[0] === 'mines' && sub[1] !== undefined) return <MineExpertisePage mineId={sub[1]} />;
  if (sub[0] === 'upgrading') return <UpgradingPage />;
  if (sub[0] === 'formalism' && may('formalism.read')) return <FormalismPage />;
  return <GasControlPage />;
}
