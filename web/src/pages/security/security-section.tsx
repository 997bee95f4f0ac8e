import { AuditLogPage } from './audit-log-page.tsx';
import { TokensPage } from './tokens-page.tsx';
import './security.css';

/** /security/tokens: your API tokens; /security/audit and /security/events: the province's log. */
export function SecuritySection({ sub }: { sub: string[] }) {
  if (sub[0] === 'audit') return <AuditLogPage key="audit" source="audit" />;
  if (sub[0] === 'events') return <AuditLogPage key="security" source="security" />;
  return <TokensPage />;
}
