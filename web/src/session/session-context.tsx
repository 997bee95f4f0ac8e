import { createContext, useContext } from 'react';
import type { SessionUser } from '../api/api-types.ts';

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

/** Where every user lands: today's work list (with the registry figures below it for a region). */
export function homePath(_user: SessionUser): string {
  return '/';
}
