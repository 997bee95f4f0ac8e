import {
  lazy,
  Suspense,
  useCallback,
  useEffect,
  useMemo,
  useState,
  type ComponentType,
  type ReactNode,
} from 'react';
import { answerOf, api, ApiError, setCsrfToken, setUnauthenticatedHandler } from './api/api-client.ts';
import { AppShell } from './components/app-shell.tsx';
import { ErrorBox } from './components/error-box.tsx';
import { useI18n } from './i18n/i18n-context.tsx';
import { LoginPage } from './pages/login-page.tsx';
import { HomePage } from './pages/today/today-page.tsx';
import { matchRoute, navigate, useAppLocation, type Route } from './router/router.ts';
import { RegionsProvider } from './session/regions-context.tsx';
import {
  homePath,
  SessionContext,
  sessionOf,
  type Session,
  type SessionContextValue,
} from './session/session-context.tsx';

/**
 * A page loaded on first visit: each section is its own chunk, so the first page a user opens does not
 * download every module's code (the whole UI was one 565 kB chunk).
 */
function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>) {
  return lazy(async () => ({ default: await load() }));
}

const MinesPage = lazyPage(async () => (await import('./pages/mines-page.tsx')).MinesPage);
const MapPage = lazyPage(async () => (await import('./pages/map/map-page.tsx')).MapPage);
const MinePage = lazyPage(async () => (await import('./pages/mine-page.tsx')).MinePage);
const AlarmsPage = lazyPage(async () => (await import('./pages/alarms-page.tsx')).AlarmsPage);
/** The sections that read the rest of their path (`sub`) themselves, each its own chunk. */
const SECTIONS: Record<Extract<Route, { sub: string[] }>['name'], ComponentType<{ sub: string[] }>> = {
  hazards: lazyPage(async () => (await import('./pages/hazards/hazards-section.tsx')).HazardsSection),
  orders: lazyPage(async () => (await import('./pages/orders/orders-section.tsx')).OrdersSection),
  supervision: lazyPage(
    async () => (await import('./pages/supervision/supervision-section.tsx')).SupervisionSection,
  ),
  directives: lazyPage(
    async () => (await import('./pages/directives/directives-section.tsx')).DirectivesSection,
  ),
  expertise: lazyPage(async () => (await import('./pages/expertise/expertise-section.tsx')).ExpertiseSection),
  closure: lazyPage(async () => (await import('./pages/closure/closure-section.tsx')).ClosureSection),
  accidents: lazyPage(async () => (await import('./pages/accidents/accidents-section.tsx')).AccidentsSection),
  briefing: lazyPage(async () => (await import('./pages/briefing/briefing-section.tsx')).BriefingSection),
  security: lazyPage(async () => (await import('./pages/security/security-section.tsx')).SecuritySection),
};

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
  // console (which the server scopes to their mine) leads to their mine. The briefing opens, to say it
  // is not for their role rather than bounce without a word.
  if (
    scope.kind === 'mine' &&
    route.name !== 'dashboard' &&
    route.name !== 'mine' &&
    route.name !== 'alarms' &&
    route.name !== 'hazards' &&
    route.name !== 'orders' &&
    route.name !== 'directives' &&
    route.name !== 'closure' &&
    route.name !== 'expertise' &&
    route.name !== 'security' &&
    route.name !== 'briefing'
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
    answerOf(api.GET('/api/session', { signal: controller.signal }), { isSessionCall: true }).then(
      (res) => {
        setCsrfToken(res.csrfToken);
        setState({ kind: 'signed-in', session: sessionOf(res) });
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
    answerOf(api.DELETE('/api/session'), { isSessionCall: true }).then(signOutLocally, signOutLocally);
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
              <Suspense fallback={<PageLoading />}>
                <RoutePage route={route} />
              </Suspense>
            </AppShell>
          </RegionsProvider>
        </SessionContext.Provider>
      );
    }
  }
}

function PageLoading() {
  const { t } = useI18n();
  return (
    <div className="muted" data-testid="page-loading" role="status">
      {t('app.loading')}
    </div>
  );
}

function RoutePage({ route }: { route: Exclude<Route, { name: 'login' }> }) {
  if ('sub' in route) {
    const Section = SECTIONS[route.name];
    return <Section sub={route.sub} />;
  }
  switch (route.name) {
    case 'dashboard':
      return <HomePage />;
    case 'mines':
      return <MinesPage />;
    case 'map':
      return <MapPage />;
    case 'mine':
      // Keyed so that moving between mines starts from a clean page.
      return <MinePage key={route.mineId} mineId={route.mineId} />;
    case 'alarms':
      return <AlarmsPage />;
  }
}
