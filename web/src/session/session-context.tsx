import { createContext, useContext } from 'react';
import type { SessionUser } from '../api/api-types.ts';
import { minePath } from '../router/router.ts';

export interface Session {
  user: SessionUser;
  csrfToken: string;
}

export interface SessionContextValue {
  session: Session;
  logout: () => void;
}

export const SessionContext = createContext<SessionContextValue | null>(null);

/** The signed-in user; only pages inside the signed-in shell call it. */
export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (value === null) throw new Error('useSession outside a signed-in session');
  return value;
}

/** Where a user lands: a mine-scoped user on their own mine, everyone else on the dashboard. */
export function homePath(user: SessionUser): string {
  return user.scope.kind === 'mine' ? minePath(user.scope.mineId) : '/';
}
