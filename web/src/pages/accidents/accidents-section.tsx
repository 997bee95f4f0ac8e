import './accidents.css';
import type { Permission } from '../../api/generated/api-schema.ts';
import { NotForRole } from '../../components/not-for-role.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { navigate } from '../../router/router.ts';
import { useCan } from '../../session/session-context.tsx';
import { AccidentDetail } from './accident-detail.tsx';
import { AccidentList } from './accident-list.tsx';
import { AccountabilityPanel, ImportPanel } from './accountability-import.tsx';

const TABS = ['', 'reference', 'accountability', 'import'] as const;
/** What each tab needs: accountability is read by regulators and those above the mine; import by regulators. */
const TAB_PERMISSION: Partial<Record<(typeof TABS)[number], Permission>> = {
  accountability: 'accountability.read',
  import: 'accident.import',
};
const TAB_LABELS = {
  '': 'accidents.tab.list',
  reference: 'accidents.tab.reference',
  accountability: 'accidents.tab.accountability',
  import: 'accidents.tab.import',
} as const;

/** The accidents section: its pages live under /accidents; `sub` is the path below it. */
export function AccidentsSection({ sub }: { sub: string[] }) {
  const { t } = useI18n();
  const may = useCan();
  const first = sub[0] ?? '';
  const tab = (TABS as readonly string[]).includes(first) ? (first as (typeof TABS)[number]) : null;
  const offered = (x: (typeof TABS)[number]) => {
    const needs = TAB_PERMISSION[x];
    return needs === undefined || may(needs);
  };
  return (
    <section className="page" data-testid="accidents-section" data-busy="false" data-sub={sub.join('/')}>
      <h1>{t('nav.accidents')}</h1>
      <nav className="tabs">
        {TABS.filter(offered).map((x) => (
          <button
            key={x || 'list'}
            type="button"
            data-testid={`accidents-tab-${x || 'list'}`}
            aria-current={tab === x ? 'page' : undefined}
            onClick={() => navigate(x ? `/accidents/${x}` : '/accidents')}
          >
            {t(TAB_LABELS[x])}
          </button>
        ))}
      </nav>
      {tab === '' && <AccidentList reference={false} canRecord={may('accident.record')} />}
      {tab === 'reference' && <AccidentList reference canRecord={false} />}
      {tab !== null && !offered(tab) && <NotForRole />}
      {tab === 'accountability' && offered(tab) && <AccountabilityPanel />}
      {tab === 'import' && offered(tab) && <ImportPanel />}
      {tab === null && <AccidentDetail id={first} />}
    </section>
  );
}
