import { ForRole } from '../../components/not-for-role.tsx';
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
  if (sub[0] === 'mines' && sub[1] !== undefined) return <MineExpertisePage mineId={sub[1]} />;
  if (sub[0] === 'upgrading') return <UpgradingPage />;
  if (sub[0] === 'formalism')
    return (
      <ForRole permissions={['formalism.read']} page>
        <FormalismPage />
      </ForRole>
    );
  return <GasControlPage />;
}
