import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n-context.tsx';
import { Link } from '../router/link.tsx';
import { minePath, type Route } from '../router/router.ts';
import { useRegions } from '../session/regions-context.tsx';
import { can, homePath, useSession } from '../session/session-context.tsx';
import { regionName } from '../format.ts';
import { GlobalSearch } from './global-search.tsx';
import { LangSwitch } from './lang-switch.tsx';
import { PrintHeader } from './print-header.tsx';
import { NotificationBell } from './notification-bell.tsx';
import { useTableLabels } from './use-table-labels.ts';

interface NavItem {
  to: string;
  label: string;
  testId: string;
  isActive: boolean;
}

/** The signed-in frame: dark top bar with the user and actions, left navigation, page content. */
export function AppShell({ route, children }: { route: Route; children: ReactNode }) {
  const { t, lang } = useI18n();
  const { session, logout } = useSession();
  const { regions } = useRegions();
  const { user } = session;
  // The session names the scope in Chinese only; a region scope has an English name in the region list.
  const { scope } = user;
  const scopeRegion = scope.kind === 'region' ? regions.find((r) => r.id === scope.regionId) : undefined;
  const scopeName = scopeRegion === undefined ? user.scopeName : regionName(scopeRegion, lang);

  const alarmsItem: NavItem = {
    to: '/alarms',
    label: t('nav.alarms'),
    testId: 'nav-alarms',
    isActive: route.name === 'alarms',
  };
  const section = (
    name:
      | 'hazards'
      | 'orders'
      | 'supervision'
      | 'directives'
      | 'expertise'
      | 'closure'
      | 'accidents'
      | 'briefing',
  ): NavItem => ({
    to: `/${name}`,
    label: t(`nav.${name}`),
    testId: `nav-${name}`,
    isActive: route.name === name,
  });
  const todayItem: NavItem = {
    to: '/',
    label: t('nav.today'),
    testId: 'nav-dashboard',
    isActive: route.name === 'dashboard',
  };
  const items: NavItem[] =
    user.scope.kind === 'mine'
      ? [
          todayItem,
          {
            to: minePath(user.scope.mineId),
            label: t('nav.myMine'),
            testId: 'nav-my-mine',
            isActive: route.name === 'mine' && route.mineId === user.scope.mineId,
          },
          alarmsItem,
          section('hazards'),
          // Its orders and its own application for resumption acceptance (复产验收).
          section('orders'),
          section('directives'),
          section('closure'),
          section('expertise'),
        ]
      : [
          todayItem,
          {
            to: '/mines',
            label: t('nav.mines'),
            testId: 'nav-mines',
            isActive: route.name === 'mines' || route.name === 'mine',
          },
          {
            to: '/map',
            label: t('nav.map'),
            testId: 'nav-map',
            isActive: route.name === 'map',
          },
          alarmsItem,
          section('hazards'),
          section('orders'),
          section('supervision'),
          section('directives'),
          section('expertise'),
          section('closure'),
          section('accidents'),
          // The briefing report and the risk ranking are for the people in charge only.
          ...(can(session, 'briefing.read') || can(session, 'risk.read') ? [section('briefing')] : []),
        ];

  // API tokens for those who may make them; the audit and security log for the province regulator.
  if (can(session, 'token.create'))
    items.push({
      to: '/security/tokens',
      label: t('nav.tokens'),
      testId: 'nav-tokens',
      isActive: route.name === 'security' && route.sub[0] !== 'audit' && route.sub[0] !== 'events',
    });
  if (can(session, 'audit.log.read'))
    items.push({
      to: '/security/audit',
      label: t('nav.auditLog'),
      testId: 'nav-audit-log',
      isActive: route.name === 'security' && (route.sub[0] === 'audit' || route.sub[0] === 'events'),
    });

  // On a phone the navigation is a drawer behind a menu button; it closes once a page is chosen.
  const [isNavOpen, setNavOpen] = useState(false);
  const routeKey = JSON.stringify(route);
  useEffect(() => setNavOpen(false), [routeKey]);
  const contentRef = useRef<HTMLElement>(null);
  useTableLabels(contentRef);

  return (
    <div className={isNavOpen ? 'app nav-open' : 'app'}>
      <header className="topbar">
        <button
          type="button"
          className="topbar-menu"
          data-testid="nav-toggle"
          aria-expanded={isNavOpen}
          aria-controls="sidenav"
          aria-label={isNavOpen ? t('nav.close') : t('nav.open')}
          onClick={() => setNavOpen((open) => !open)}
        >
          <span aria-hidden="true" className="topbar-menu-icon" />
        </button>
        <Link to={homePath(user)} className="brand" data-testid="brand">
          <span className="brand-mark" aria-hidden="true" />
          {t('app.name')}
        </Link>
        <div className="topbar-spacer" />
        <GlobalSearch />
        <div className="topbar-user" data-testid="user-info" aria-label={t('header.user')}>
          <span className="topbar-user-name" data-testid="user-name">
            {user.displayName}
          </span>
          <span className="topbar-user-role" data-testid="user-role">
            {t(`role.${user.role}`)}
          </span>
          <span className="topbar-user-scope" data-testid="user-scope">
            {scopeName}
          </span>
        </div>
        <NotificationBell />
        <LangSwitch />
        <button type="button" className="topbar-btn" data-testid="logout" onClick={logout}>
          {t('header.logout')}
        </button>
      </header>
      <PrintHeader region={scopeName} />
      <div className="frame">
        {isNavOpen && <div className="nav-backdrop" aria-hidden="true" onClick={() => setNavOpen(false)} />}
        <nav id="sidenav" className="sidenav" aria-label={t('nav.label')} data-testid="sidenav">
          {items.map((item) => (
            <Link
              key={item.testId}
              to={item.to}
              className={item.isActive ? 'sidenav-item active' : 'sidenav-item'}
              aria-current={item.isActive ? 'page' : undefined}
              data-testid={item.testId}
            >
              {item.label}
            </Link>
          ))}
        </nav>
        <main className="content" ref={contentRef}>
          {children}
        </main>
      </div>
    </div>
  );
}
