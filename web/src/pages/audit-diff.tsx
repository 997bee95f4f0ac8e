import type { AuditEntry } from '../api/generated/api-schema.ts';
import { formatCount, formatDateTime } from '../format.ts';
import { useI18n, type I18n } from '../i18n/i18n-context.tsx';

/** Bookkeeping fields that change on every write and say nothing to a reader. */
const IGNORED_FIELDS = new Set(['id', 'createdAt', 'updatedAt']);
const SHOWN_CHANGES = 3;

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/** The fields that differ between two snapshots; a create lists the new values, a delete the old. */
/** An audit entry's before/after is any JSON; the diff reads it as a record of fields (else none). */
function asSnapshot(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

export function diffSnapshots(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): FieldChange[] {
  const fields = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: FieldChange[] = [];
  for (const field of fields) {
    if (IGNORED_FIELDS.has(field)) continue;
    const a = before?.[field];
    const b = after?.[field];
    if (before !== null && after !== null && sameValue(a, b)) continue;
    changes.push({ field, before: a, after: b });
  }
  return changes;
}

function fieldLabel(field: string, i18n: Pick<I18n, 't' | 'has'>): string {
  const key = `field.${field}`;
  return i18n.has(key) ? i18n.t(key) : field;
}

/** Fields whose values are codes with a label in the dictionary, and the label's key prefix. */
const CODED_FIELDS: Readonly<Record<string, string>> = {
  status: 'status',
  gasClass: 'gas',
  mechanisation: 'mech',
};

/** A value as a reader expects it: enum labels, yes/no, grouped numbers, region names. */
export function formatFieldValue(
  field: string,
  value: unknown,
  i18n: Pick<I18n, 't' | 'has' | 'lang'>,
  regionNames?: ReadonlyMap<string, string>,
): string {
  if (value === null || value === undefined || value === '') return i18n.t('common.none');
  if (typeof value === 'boolean') return value ? i18n.t('common.yes') : i18n.t('common.no');
  if (typeof value === 'number')
    return field === 'latitude' || field === 'longitude' ? String(value) : formatCount(value, i18n.lang);
  if (typeof value === 'string') {
    if (field === 'regionId') return regionNames?.get(value) ?? value;
    if (/^\d{4}-\d{2}-\d{2}T/.test(value)) return formatDateTime(value);
    const prefix = CODED_FIELDS[field];
    const key = prefix === undefined ? null : `${prefix}.${value}`;
    return key !== null && i18n.has(key) ? i18n.t(key) : value;
  }
  const json = JSON.stringify(value);
  return json.length > 60 ? `${json.slice(0, 57)}…` : json;
}

interface ChangeLineProps {
  change: FieldChange;
  kind: 'update' | 'create' | 'delete';
  regionNames: ReadonlyMap<string, string> | undefined;
}

function ChangeLine({ change, kind, regionNames }: ChangeLineProps) {
  const i18n = useI18n();
  return (
    <div className="diff-line" data-field={change.field}>
      <span className="diff-field">{fieldLabel(change.field, i18n)}</span>
      {kind !== 'create' && (
        <span className="diff-before">
          {formatFieldValue(change.field, change.before, i18n, regionNames)}
        </span>
      )}
      {kind === 'update' && <span className="diff-arrow">→</span>}
      {kind !== 'delete' && (
        <span className="diff-after">{formatFieldValue(change.field, change.after, i18n, regionNames)}</span>
      )}
    </div>
  );
}

/** A value the server words in English (a hazard proposal's basis) in the page's language. */
function worded(change: FieldChange, entry: AuditEntry, i18n: Pick<I18n, 't' | 'has'>): FieldChange {
  const kind = asSnapshot(entry.after)?.kind;
  const key = `hazards.proposal.basis.${typeof kind === 'string' ? kind : ''}`;
  if (change.field !== 'basis' || !entry.action.startsWith('hazard_proposal.') || !i18n.has(key))
    return change;
  return { ...change, after: i18n.t(key) };
}

/** A compact before → after of the changed fields; long lists fold after the first few. */
export function AuditDiff({
  entry,
  regionNames,
}: {
  entry: AuditEntry;
  /** Names for region ids, so a `regionId` change reads as places. */
  regionNames?: ReadonlyMap<string, string>;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const kind = entry.before === null ? 'create' : entry.after === null ? 'delete' : 'update';
  const all = diffSnapshots(asSnapshot(entry.before), asSnapshot(entry.after));
  // Fields without a label are system fields (ids, internal codes): counted, not shown raw.
  const changes = all.filter((c) => i18n.has(`field.${c.field}`)).map((c) => worded(c, entry, i18n));
  const unlabelled = all.length - changes.length;
  if (entry.before === null && entry.after === null) return <span className="muted">{t('common.none')}</span>;
  if (all.length === 0) return <span className="muted">{t('audit.noChanges')}</span>;
  const shown = changes.slice(0, SHOWN_CHANGES);
  const rest = changes.slice(SHOWN_CHANGES);
  return (
    <div className="diff">
      {kind !== 'update' && (
        <span className="diff-kind">{t(kind === 'create' ? 'audit.created' : 'audit.deleted')}</span>
      )}
      {shown.map((c) => (
        <ChangeLine key={c.field} change={c} kind={kind} regionNames={regionNames} />
      ))}
      {rest.length > 0 && (
        <details className="diff-more">
          <summary>{t('audit.more', { n: rest.length })}</summary>
          {rest.map((c) => (
            <ChangeLine key={c.field} change={c} kind={kind} regionNames={regionNames} />
          ))}
        </details>
      )}
      {unlabelled > 0 && (
        <span className="muted diff-other">{t('audit.otherFields', { n: unlabelled })}</span>
      )}
    </div>
  );
}
