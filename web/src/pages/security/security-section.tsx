import { ForRole } from '../../components/not-for-role.tsx';
import { AuditLogPage } from './audit-log-page.tsx';
import { TokensPage } from './tokens-page.tsx';
import './security.css';

/** /security/tokens: your API tokens; /security/audit and /security/events: the province's log. */
export function SecuritySection({ sub }: { sub: string[] }) {
  const isLog = sub[0] === 'audit' || sub[0] === 'events';
  return (
    <ForRole permissions={[isLog ? 'audit.log.read' : 'token.create']} page>
      {sub[0] === 'audit' && <AuditLogPage key="audit" source="audit" />}
      {sub[0] === 'events' && <AuditLogPage key="security" source="security" />}
      {!isLog && <TokensPage />}
    </ForRole>
  );
}
