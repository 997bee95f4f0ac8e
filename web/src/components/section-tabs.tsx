import { navigate } from '../router/router.ts';

/** One tab of a section: where it leads, its label, and whether it is the page shown. */
export interface SectionTab {
  to: string;
  label: string;
  testId: string;
  isCurrent: boolean;
}

/**
 * The tabs under a section's title: links (they open in a new tab too), the current one marked for screen
 * readers (`aria-current="page"`) and underlined in the brand colour.
 */
export function SectionTabs({ label, tabs }: { label: string; tabs: readonly SectionTab[] }) {
  return (
    <nav className="section-tabs" aria-label={label}>
      {tabs.map((tab) => (
        <a
          key={tab.to}
          href={tab.to}
          className={tab.isCurrent ? 'section-tab active' : 'section-tab'}
          aria-current={tab.isCurrent ? 'page' : undefined}
          data-testid={tab.testId}
          onClick={(e) => {
            if (e.metaKey || e.ctrlKey || e.shiftKey) return;
            e.preventDefault();
            navigate(tab.to);
          }}
        >
          {tab.label}
        </a>
      ))}
    </nav>
  );
}
