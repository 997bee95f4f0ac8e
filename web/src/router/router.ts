import { useSyncExternalStore } from 'react';

/** The app's pages; anything unknown falls back to the dashboard. */
export type Route =
  | { name: 'login' }
  | { name: 'dashboard' }
  | { name: 'mines' }
  | { name: 'map' }
  | { name: 'mine'; mineId: string }
  | { name: 'alarms' }
  | { name: 'hazards'; sub: string[] }
  | { name: 'orders'; sub: string[] }
  | { name: 'supervision'; sub: string[] }
  | { name: 'directives'; sub: string[] }
  | { name: 'expertise'; sub: string[] }
  | { name: 'closure'; sub: string[] }
  | { name: 'accidents'; sub: string[] }
  | { name: 'briefing'; sub: string[] }
  | { name: 'security'; sub: string[] };

const NAVIGATE_EVENT = 'redline:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

function snapshot(): string {
  return window.location.pathname + window.location.search;
}

export interface AppLocation {
  pathname: string;
  search: string;
  query: URLSearchParams;
}

/** The current path and query, re-rendering on navigation and back/forward. */
export function useAppLocation(): AppLocation {
  const href = useSyncExternalStore(subscribe, snapshot);
  const url = new URL(href, window.location.origin);
  return { pathname: url.pathname, search: url.search, query: url.searchParams };
}

/** Moves to `to` with the History API; `replace` for redirects and filter changes that should not pile up. */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === snapshot()) return;
  const samePath = new URL(to, window.location.origin).pathname === window.location.pathname;
  if (options.replace === true) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  if (!samePath) window.scrollTo(0, 0);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

/** Maps a path to a page. */
export function matchRoute(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/login') return { name: 'login' };
  if (path === '/mines') return { name: 'mines' };
  if (path === '/map') return { name: 'map' };
  if (path === '/alarms') return { name: 'alarms' };
  // Section pages own everything below their prefix (e.g. /hazards/<id>); `sub` holds the rest.
  for (const section of [
    'hazards',
    'orders',
    'supervision',
    'directives',
    'expertise',
    'closure',
    'accidents',
    'briefing',
    'security',
  ] as const) {
    if (path === `/${section}` || path.startsWith(`/${section}/`)) {
      return { name: section, sub: path.split('/').slice(2).map(decodeURIComponent) };
    }
  }
  const mine = /^\/mines\/([^/]+)$/.exec(path);
  if (mine?.[1] !== undefined) return { name: 'mine', mineId: decodeURIComponent(mine[1]) };
  return { name: 'dashboard' };
}

/** The path of a mine's page. */
export function minePath(mineId: string): string {
  return `/mines/${encodeURIComponent(mineId)}`;
}
