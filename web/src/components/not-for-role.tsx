import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n-context.tsx';
import { Link } from '../router/link.tsx';
import { homePath, useSession } from '../session/session-context.tsx';
import type { Permission } from '../api/generated/api-schema.ts';
import { useDocumentTitle } from './use-document-title.ts';

/** What a page opened by URL shows when the signed-in role may not use it (never a blank page). */
export function NotForRole() {
  const { t } = useI18n();
  const { session } = useSession();
  const role = t(`role.${session.user.role}`);
  useDocumentTitle(t('notForRole.title'));
  return (
    <div className="denied" data-testid="not-for-role" role="alert">
      <div className="denied-icon" aria-hidden="true">
        ⊘
      </div>
      <h2>{t('notForRole.title')}</h2>
      <p>{t('notForRole.body', { role })}</p>
      <Link to={homePath(session.user)} className="btn">
        {t('denied.home')}
      </Link>
    </div>
  );
}

/**
 * Its children when the session holds any of `permissions`, else the not-available message (inside a
 * page frame when `page` is set, for a whole page rather than a tab).
 */
export function ForRole({
  permissions,
  page = false,
  children,
}: {
  permissions: readonly Permission[];
  page?: boolean;
  children: ReactNode;
}) {
  const { session } = useSession();
  if (permissions.some((p) => session.permissions.includes(p))) return children;
  return page ? (
    <section className="page">
      <NotForRole />
    </section>
  ) : (
    <NotForRole />
  );
}
