import { createContext, useContext } from 'react';
import type { Permission, SessionResponse, SessionUser } from '../api/generated/api-schema.ts';

/** A browser session: the user, what their role may do, the CSRF token (always present for a cookie). */
export type Session = Omit<SessionResponse, 'csrfToken'> & { csrfToken: string };

/** The session answer as a browser session (only a bearer token's answer lacks a CSRF token). */
export function sessionOf(answer: SessionResponse): Session {
  return { ...answer, csrfToken: answer.csrfToken ?? '' };
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

/** Whether the session's role may do `permission` (the server's table; the web never re-derives roles). */
export function can(session: Session, permission: Permission): boolean {
  return session.permissions.includes(permission);
}

/** `can` for the signed-in session: `const may = useCan(); may('order.issue')`. */
export function useCan(): (permission: Permission) => boolean {
  const { session } = useSession();
  return (permission) => can(session, permission);
}
