import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { HazardsSection } from './pages/hazards/hazards-section.tsx';
import { OrdersSection } from './pages/orders/orders-section.tsx';
import { SupervisionSection } from './pages/supervision/supervision-section.tsx';
import { DirectivesSection } from './pages/directives/directives-section.tsx';
import { ExpertiseSection } from './pages/expertise/expertise-section.tsx';
import { ClosureSection } from './pages/closure/closure-section.tsx';
import { AccidentsSection } from './pages/accidents/accidents-section.tsx';
import { BriefingSection } from './pages/briefing/briefing-section.tsx';
import { SecuritySection } from './pages/security/security-section.tsx';
import { ApiError, request, setCsrfToken, setUnauthenticatedHandler } from './api/api-client.ts';
import type { SessionResponse } from './api/api-types.ts';
import { AppShell } from './components/app-shell.tsx';
import { ErrorBox } from './components/error-box.tsx';
import { useI18n } from './i18n/i18n-context.tsx';
import { AlarmsPage } from './pages/alarms-page.tsx';
import { DashboardPage } from './pages/dashboard-page.tsx';
import { LoginPage } from './pages/login-page.tsx';
import { MinePage } from './pages/mine-page.tsx';
import { MinesPage } from './pages/mines-page.tsx';
import { matchRoute, navigate, useAppLocation, type Route } from './router/router.ts';
import { RegionsProvider } from './session/regions-context.tsx';
import {
  homePath,
  SessionContext,
  type Session,
  type SessionContextValue,
} from './session/session-context.tsx';

type SessionState =
  | { kind: 'checking' }
  | { kind: 'unreachable'; error: unknown }
  | { kind: 'signed-out'; hasExpired: boolean }
  | { kind: 'signed-in'; session: Session };

/** Replaces the current entry with `to` after render (redirects must not run during render). */
function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}

/** Only same-site paths are followed after login, so `?next=` cannot send a user elsewhere. */
function safeNext(next: string | null): string | null {
  return next !== null && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login')
    ? next
    : null;
}

/** Where a signed-in user may not go, and where they go instead. */
function redirectFor(route: Route, session: Session): string | null {
  const { scope } = session.user;
  // A mine safety officer has no province-wide views: everything but a mine page and the alarm
  // console (which the server scopes to their mine) leads to their mine.
  if (
    scope.kind === 'mine' &&
    route.name !== 'mine' &&
    route.name !== 'alarms' &&
    route.name !== 'hazards' &&
    route.name !== 'directives' &&
    route.name !== 'closure' &&
    route.name !== 'expertise' &&
    route.name !== 'security'
  )
    return homePath(session.user);
  return null;
}

function Splash({ children }: { children?: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="splash" data-testid="app-loading">
      <div className="splash-brand">{t('app.name')}</div>
      {children ?? <div className="muted">{t('app.loading')}</div>}
    </div>
  );
}

/** Checks the session, guards the routes and renders the page for the current path. */
export function App() {
  const location = useAppLocation();
  const route = matchRoute(location.pathname);
  const [state, setState] = useState<SessionState>({ kind: 'checking' });
  const [checkGeneration, setCheckGeneration] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    request<SessionResponse>('GET', '/api/session', { isSessionCall: true, signal: controller.signal }).then(
      (res) => {
        setCsrfToken(res.csrfToken);
        setState({ kind: 'signed-in', session: res });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.status === 401)
          setState({ kind: 'signed-out', hasExpired: false });
        else setState({ kind: 'unreachable', error });
      },
    );
    return () => controller.abort();
  }, [checkGeneration]);

  useEffect(() => {
    setUnauthenticatedHandler(() => {
      setCsrfToken(null);
      setState({ kind: 'signed-out', hasExpired: true });
    });
    return () => setUnauthenticatedHandler(null);
  }, []);

  const handleLogin = useCallback((session: Session) => {
    setCsrfToken(session.csrfToken);
    setState({ kind: 'signed-in', session });
  }, []);

  const logout = useCallback(() => {
    const signOutLocally = () => {
      setCsrfToken(null);
      setState({ kind: 'signed-out', hasExpired: false });
      navigate('/login');
    };
    // Wait for the server to drop the session, so a reload right after cannot find it still alive;
    // if the server cannot be reached, sign out here anyway.
    request('DELETE', '/api/session', { isSessionCall: true }).then(signOutLocally, signOutLocally);
  }, []);

  const sessionValue = useMemo<SessionContextValue | null>(
    () => (state.kind === 'signed-in' ? { session: state.session, logout } : null),
    [state, logout],
  );

  switch (state.kind) {
    case 'checking':
      return <Splash />;
    case 'unreachable':
      return (
        <Splash>
          <ErrorBox error={state.error} onRetry={() => setCheckGeneration((g) => g + 1)} />
        </Splash>
      );
    case 'signed-out': {
      if (route.name !== 'login') {
        const next =
          location.pathname === '/' && location.search === '' ? '' : location.pathname + location.search;
        return <Redirect to={next === '' ? '/login' : `/login?next=${encodeURIComponent(next)}`} />;
      }
      return <LoginPage onLogin={handleLogin} hasExpired={state.hasExpired} />;
    }
    case 'signed-in': {
      const { session } = state;
      if (route.name === 'login') {
        return <Redirect to={safeNext(location.query.get('next')) ?? homePath(session.user)} />;
      }
      const redirect = redirectFor(route, session);
      if (redirect !== null) return <Redirect to={redirect} />;
      return (
        <SessionContext.Provider value={sessionValue}>
          <RegionsProvider>
            <AppShell route={route}>
              <RoutePage route={route} />
            </AppShell>
          </RegionsProvider>
        </SessionContext.Provider>
      );
    }
  }
}

function RoutePage({ route }: { route: Exclude<Route, { name: 'login' }> }) {
  switch (route.name) {
    case 'dashboard':
      return <DashboardPage />;
    case 'mines':
      return <MinesPage />;
    case 'mine':
      // Keyed so that moving between mines starts from a clean page.
      return <MinePage key={route.mineId} mineId={route.mineId} />;
    case 'alarms':
      return <AlarmsPage />;
    case 'hazards':
      return <HazardsSection sub={route.sub} />;
    case 'orders':
      return <OrdersSection sub={route.sub} />;
    case 'supervision':
      return <SupervisionSection sub={route.sub} />;
    case 'directives':
      return <DirectivesSection sub={route.sub} />;
    case 'expertise':
      return <ExpertiseSection sub={route.sub} />;
    case 'closure':
      return <ClosureSection sub={route.sub} />;
    case 'accidents':
      return <AccidentsSection sub={route.sub} />;
    case 'briefing':
      return <BriefingSection sub={route.sub} />;
    case 'security':
      return <SecuritySection sub={route.sub} />;
  }
}
