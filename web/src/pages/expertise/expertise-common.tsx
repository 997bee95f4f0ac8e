import { useI18n } from '../../i18n/i18n-context.tsx';
import { Link } from '../../router/link.tsx';
import { useCan } from '../../session/session-context.tsx';
import './expertise.css';

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
