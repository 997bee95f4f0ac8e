import type { ReactNode } from 'react';
import type { MineExpertise } from '../../api/generated/api-schema.ts';
import type { Column } from '../../components/data-table.tsx';
import { figureColumn } from '../../components/table-columns.ts';
import { PageFrame } from '../../components/page-frame.tsx';
import { RegionFilterSelect } from '../../components/region-options.tsx';
import { useI18n, type I18n } from '../../i18n/i18n-context.tsx';
import { useRegions } from '../../session/regions-context.tsx';
import { Link } from '../../router/link.tsx';
import { useCan } from '../../session/session-context.tsx';
import './expertise.css';

/** What every card of a mine's expertise page is given: the mine's record, and what to call after a change. */
export interface MineCardProps {
  card: MineExpertise;
  onChanged: () => void;
}

export type ExpertiseTab = 'gas' | 'upgrading' | 'formalism';

/** The section's tabs; the formalism tab only for roles that may read it. */
export function ExpertiseTabs({ current }: { current: ExpertiseTab }) {
  const { t } = useI18n();
  const may = useCan();
  const tabs: Array<{ id: ExpertiseTab; to: string }> = [
    { id: 'gas', to: '/expertise' },
    { id: 'upgrading', to: '/expertise/upgrading' },
  ];
  if (may('formalism.read')) tabs.push({ id: 'formalism', to: '/expertise/formalism' });
  return (
    <nav className="ex-tabs" data-testid="expertise-tabs">
      {tabs.map((tab) => (
        <Link
          key={tab.id}
          to={tab.to}
          className="ex-tab"
          data-testid={`expertise-tab-${tab.id}`}
          aria-current={tab.id === current ? 'page' : undefined}
        >
          {t(`expertise.tab.${tab.id}`)}
        </Link>
      ))}
    </nav>
  );
}

/** The region filter every expertise tab opens with. */
export interface ExpertiseRegionFilter {
  testId: string;
  value: string;
  onChange: (regionId: string) => void;
  allLabel: string;
  label?: string;
}

/**
 * A tab of the expertise section: the page with its heading, the section's tabs, and the filters row
 * (the region first, then `filters`).
 */
export function ExpertiseTabPage({
  tab,
  isBusy,
  region,
  filters,
  children,
}: {
  tab: ExpertiseTab;
  isBusy: boolean;
  region: ExpertiseRegionFilter;
  filters?: ReactNode;
  children: ReactNode;
}) {
  const { lang, t } = useI18n();
  const { regions } = useRegions();
  return (
    <PageFrame testId={`expertise-${tab}-page`} isBusy={isBusy} title={t(`expertise.${tab}.title`)}>
      <ExpertiseTabs current={tab} />
      <div className="filters">
        <RegionFilterSelect {...region} regions={regions} lang={lang} />
        {filters}
      </div>
      {children}
    </PageFrame>
  );
}

/** The columns of mechanised and intelligent faces, shared by a mine's progress and a region's. */
export function facesColumns<T extends { mechanisedFaces: number; intelligentFaces: number }>(
  t: I18n['t'],
): Column<T>[] {
  return [
    figureColumn('mech', t('expertise.progress.mechanised'), (p) => p.mechanisedFaces),
    figureColumn('intel', t('expertise.progress.intelligent'), (p) => p.intelligentFaces),
  ];
}

/**
 * A card of a mine's expertise records: its heading, "none yet" while empty, the records as a list, then
 * what may be added (a form).
 */
export function RecordsCard<T>({
  testId,
  title,
  none,
  records,
  renderRecord,
  children,
}: {
  testId: string;
  title: ReactNode;
  none: ReactNode;
  records: readonly T[];
  renderRecord: (record: T) => ReactNode;
  children?: ReactNode;
}) {
  return (
    <div className="card" data-testid={testId}>
      <div className="card-head">
        <h2>{title}</h2>
      </div>
      {records.length === 0 && <p className="muted ex-pad">{none}</p>}
      <ul className="ex-list">{records.map(renderRecord)}</ul>
      {children}
    </div>
  );
}
