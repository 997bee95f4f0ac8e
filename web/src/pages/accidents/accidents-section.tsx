import { useI18n } from '../../i18n/i18n-context.tsx';
import { navigate } from '../../router/router.ts';
import { useCan } from '../../session/session-context.tsx';
import { AccidentDetail } from './accident-detail.tsx';
import { AccidentList } from './accident-list.tsx';
import { AccountabilityPanel, ImportPanel } from './accountability-import.tsx';

const TABS = ['', 'reference', 'accountability', 'import'] as const;
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
  return (
    <section className="page" data-testid="accidents-section" data-busy="false" data-sub={sub.join('/')}>
      <h1>{t('nav.accidents')}</h1>
      <nav className="tabs">
        {TABS.filter((x) => (x === 'import' ? may('accident.import') : true)).map((x) => (
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
      {tab === 'accountability' && <AccountabilityPanel />}
      {tab === 'import' && <ImportPanel />}
      {tab === null && <AccidentDetail id={first} />}
    </section>
  );
}
