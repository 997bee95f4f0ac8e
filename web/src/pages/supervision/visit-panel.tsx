import { useState, type FormEvent } from 'react';
import { ExportControl } from '../../components/export-control.tsx';
import { useApiData } from '../../api/use-api.ts';
import { ErrorBox } from '../../components/error-box.tsx';
import { ActionButton } from '../../components/action-button.tsx';
import { DataTable, type Column } from '../../components/data-table.tsx';
import {
  ActionError,
  CheckField,
  Field,
  Input,
  Select,
  SubmitButton,
  TextArea,
  useFormFields,
} from '../../components/form-kit.tsx';
import { useAction } from '../../components/use-action.ts';
import { formatDateTime } from '../../format.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { ChecklistResult, SiteVisit } from '../../api/generated/api-schema.ts';

const DEFAULT_ITEMS = [
  'supervision.check.gas',
  'supervision.check.ventilation',
  'supervision.check.belt',
  'supervision.check.personnel',
  'supervision.check.hazards',
] as const;
const VISIT_TIMES = ['start', 'end'] as const;
const VISIT_CHECKS = [
  { key: 'site', label: 'supervision.visit.wentToSite' },
  { key: 'underground', label: 'supervision.visit.wentUnderground' },
] as const;
const RESULTS: readonly ChecklistResult[] = ['ok', 'problem', 'not_checked'];

/** Minutes between two datetime-local values, or null when either is missing or the order is wrong. */
function minutesBetween(start: string, end: string): number | null {
  const a = Date.parse(start);
  const b = Date.parse(end);
  return Number.isNaN(a) || Number.isNaN(b) || b <= a ? null : Math.round((b - a) / 60_000);
}

/** The site-visit entry form (leaders and group members). */
export function VisitForm({ mineId, onRecorded }: { mineId: string; onRecorded: () => void }) {
  const { t } = useI18n();
  const action = useAction(onRecorded);
  const times = useFormFields({ start: '', end: '' });
  const { start, end } = times.values;
  const [went, setWent] = useState({ site: true, underground: false });
  const [results, setResults] = useState<ChecklistResult[]>(DEFAULT_ITEMS.map(() => 'not_checked'));
  const texts = useFormFields({ notes: '', findingTitle: '', findingText: '' });
  const { notes, findingTitle, findingText } = texts.values;
  const duration = minutesBetween(start, end);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await action.run('POST', '/api/supervision/visits', {
      mineId,
      startedAt: start === '' ? '' : new Date(start).toISOString(),
      endedAt: end === '' ? '' : new Date(end).toISOString(),
      wentToSite: went.site,
      wentUnderground: went.underground,
      checklist: DEFAULT_ITEMS.map((key, i) => ({ item: t(key), result: results[i] ?? 'not_checked' })),
      notes,
      findings:
        findingTitle.trim() === ''
          ? []
          : [{ title: findingTitle, description: findingText || findingTitle, grade: 'general' }],
    });
    if (ok) texts.set({ notes: '', findingTitle: '', findingText: '' });
  };
  return (
    <form className="card sv-form" data-testid="visit-form" onSubmit={(e) => void submit(e)}>
      <div className="card-head">
        <h2>{t('supervision.visit.new')}</h2>
      </div>
      <div className="row">
        {VISIT_TIMES.map((k) => (
          <Field
            key={k}
            label={t(`supervision.visit.${k}`)}
            type="datetime-local"
            {...times.bind(k, `visit-${k}`)}
          />
        ))}
        <span data-testid="visit-duration">
          {duration === null ? '—' : t('supervision.visit.minutes', { n: duration })}
        </span>
      </div>
      <div className="row">
        {VISIT_CHECKS.map(({ key, label }) => (
          <CheckField
            key={key}
            label={t(label)}
            testId={`visit-${key}`}
            checked={went[key]}
            onChange={(on) => setWent({ ...went, [key]: on })}
          />
        ))}
      </div>
      <table className="table" data-testid="visit-checklist">
        <tbody>
          {DEFAULT_ITEMS.map((key, i) => (
            <tr key={key}>
              <td>{t(key)}</td>
              <td>
                <Select
                  label={t(key)}
                  testId={`visit-check-${i}`}
                  value={results[i] ?? 'not_checked'}
                  onChange={(v) => setResults(results.map((r, j) => (j === i ? (v as ChecklistResult) : r)))}
                  options={RESULTS}
                  labelOf={(r) => t(`supervision.result.${r}`)}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <TextArea placeholder={t('supervision.visit.notes')} {...texts.bind('notes', 'visit-notes')} />
      <Input
        placeholder={t('supervision.visit.findingTitle')}
        {...texts.bind('findingTitle', 'visit-finding-title')}
      />
      <TextArea
        placeholder={t('supervision.visit.findingText')}
        {...texts.bind('findingText', 'visit-finding-text')}
      />
      <div className="row">
        <SubmitButton action={action} testId="visit-save">
          {t('supervision.visit.record')}
        </SubmitButton>
      </div>
      <ActionError action={action} testId="error-box" />
    </form>
  );
}

/** The mine's visits, newest first; a pending finding can be turned into a hazard in one click. */
export function VisitList({
  mineId,
  canReport,
  generation,
}: {
  mineId: string;
  canReport: boolean;
  generation: number;
}) {
  const { t } = useI18n();
  const visits = useApiData<{ items: SiteVisit[] }>(
    `/api/supervision/visits?mineId=${encodeURIComponent(mineId)}&g=${generation}`,
  );
  const action = useAction(visits.reload);
  const columns: Column<SiteVisit>[] = [
    { key: 'visitor', header: t('supervision.visit.visitor'), cell: (v) => v.visitorName },
    {
      key: 'start',
      header: t('supervision.visit.start'),
      cell: (v) => formatDateTime(v.startedAt),
      className: 'tabular nowrap',
    },
    {
      key: 'duration',
      header: t('supervision.visit.duration'),
      isNumeric: true,
      cell: (v) => (
        <span data-testid="visit-row-duration">
          {t('supervision.visit.minutes', { n: v.durationMinutes })}
        </span>
      ),
    },
    {
      key: 'underground',
      header: t('supervision.visit.wentUnderground'),
      cell: (v) => (
        <>
          {v.wentUnderground
            ? t('supervision.yes')
            : v.wentToSite
              ? t('supervision.visit.siteOnly')
              : t('supervision.no')}
          {v.undergroundCheck !== null && (
            <div>
              <span
                className={`sv-badge ${v.undergroundCheck === 'confirmed' ? 'sv-badge-ok' : 'sv-badge-gap'}`}
                data-testid="visit-card-check"
                data-check={v.undergroundCheck}
              >
                {t(`supervision.check.${v.undergroundCheck}`)}
              </span>
            </div>
          )}
        </>
      ),
    },
    {
      key: 'findings',
      header: t('supervision.visit.findings'),
      cell: (v) =>
        v.findings.map((f) => (
          <div key={f.id} data-testid="finding" data-status={f.status}>
            {f.title}{' '}
            {f.status === 'reported' ? (
              <span className="muted mono">{f.hazardId}</span>
            ) : canReport ? (
              <ActionButton
                action={action}
                url={`/api/supervision/findings/${encodeURIComponent(f.id)}/hazard`}
                testId="finding-report"
              >
                {t('supervision.finding.toHazard')}
              </ActionButton>
            ) : (
              <span className="muted">{t('supervision.finding.pending')}</span>
            )}
          </div>
        )),
    },
  ];
  return (
    <div className="card" data-testid="visit-list" data-busy={visits.isLoading ? 'true' : 'false'}>
      <div className="card-head">
        <h2>{t('supervision.visit.list')}</h2>
        <ExportControl listUrl={`/api/supervision/visits?mineId=${encodeURIComponent(mineId)}`} />
      </div>
      {visits.error !== null && <ErrorBox error={visits.error} onRetry={visits.reload} />}
      <ActionError action={action} testId="error-box" />
      <DataTable
        columns={columns}
        rows={visits.data?.items}
        rowKey={(v) => v.id}
        rowAttributes={(v) => ({
          'data-testid': 'visit-row',
          'data-underground': v.wentUnderground ? 'true' : 'false',
        })}
        empty={t('supervision.visit.none')}
      />
    </div>
  );
}
