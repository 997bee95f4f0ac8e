import { BulkAssignPage } from './bulk-assign-page.tsx';
import { CoveragePage } from './coverage-page.tsx';
import { MineSupervisionPage } from './mine-supervision-page.tsx';

/**
 * The supervision section: /supervision is the coverage view (KPI tiles, gaps first);
 * /supervision/mines/<id> is a mine's supervision card, its forms and its site visits; /supervision/bulk
 * assigns many mines at once.
 */
export function SupervisionSection({ sub }: { sub: string[] }) {
  if (sub[0] === 'bulk') return <BulkAssignPage />;
  if (sub[0] === 'mines' && sub[1] !== undefined)
    return <MineSupervisionPage mineId={decodeURIComponent(sub[1])} />;
  return <CoveragePage />;
}
