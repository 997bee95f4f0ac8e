import { requirePermission } from '../access/permissions.ts';
import type { Principal } from '../access/types.ts';
import { csvLine } from '../export/safe-cells.ts';
import { invalidInput } from '../errors.ts';
import type { AuditSearch, Ports, SecurityEvent } from '../ports.ts';
import type { AuditEntry } from './audit-chain.ts';

/** The audit and security log page (issue 13): what happened, who failed to log in, what was refused. */

export const AUDIT_PAGE_MAX = 500;
export const AUDIT_EXPORT_MAX = 10_000;

function checkFilter(f: AuditSearch): void {
  for (const [name, v] of [
    ['from', f.fromIso],
    ['to', f.toIso],
  ] as const) {
    if (v !== undefined && !Number.isFinite(Date.parse(v)))
      throw invalidInput('AUDIT_FILTER_INVALID', `"${name}" is an ISO-8601 time.`, { field: name });
  }
}

/** One of the two logs, read with a checked filter by someone allowed to read the logs. */
async function searchLog<T>(
  log: { search(filter: AuditSearch): Promise<T[]> },
  principal: Principal,
  filter: AuditSearch,
): Promise<T[]> {
  requirePermission(principal, 'audit.log.read');
  checkFilter(filter);
  return log.search(filter);
}

export const searchAuditLog = (deps: Pick<Ports, 'audit'>, principal: Principal, filter: AuditSearch) =>
  searchLog(deps.audit, principal, filter);

export const searchSecurityLog = (
  deps: Pick<Ports, 'securityLog'>,
  principal: Principal,
  filter: AuditSearch,
) => searchLog(deps.securityLog, principal, filter);

/** The audit entries as CSV, every cell through the export helper. */
export function auditCsv(entries: readonly AuditEntry[]): string {
  const lines = [
    csvLine(['seq', 'at', 'actor_id', 'actor', 'credential', 'action', 'target_type', 'target_id', 'after']),
  ];
  for (const e of entries)
    lines.push(
      csvLine([
        e.seq,
        e.at,
        e.actorId,
        e.actorName,
        e.actorVia ?? '',
        e.action,
        e.targetType,
        e.targetId,
        e.after === null || e.after === undefined ? '' : JSON.stringify(e.after),
      ]),
    );
  return `${lines.join('\r\n')}\r\n`;
}

/** The security events as CSV. */
export function securityCsv(events: readonly SecurityEvent[]): string {
  const lines = [
    csvLine([
      'at',
      'kind',
      'actor_id',
      'actor',
      'credential',
      'method',
      'route',
      'target',
      'status',
      'reason',
      'ip',
    ]),
  ];
  for (const e of events)
    lines.push(
      csvLine([
        e.at,
        e.kind,
        e.actorId,
        e.actorName,
        e.actorVia,
        e.method,
        e.route,
        e.target,
        e.status,
        e.reason,
        e.ip,
      ]),
    );
  return `${lines.join('\r\n')}\r\n`;
}
