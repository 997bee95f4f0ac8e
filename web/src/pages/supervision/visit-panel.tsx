import { useState, type FormEvent } from 'react';
import { ExportControl } from '../../components/export-control.tsx';
import { useApiData } from '../../api/use-api.ts';
import { ErrorBox } from '../../components/error-box.tsx';
import { CheckField, Field, Input, SubmitButton, TextArea } from '../../components/form-kit.tsx';
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
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [site, setSite] = useState(true);
  const [underground, setUnderground] = useState(false);
  const [results, setResults] = useState<ChecklistResult[]>(DEFAULT_ITEMS.map(() => 'not_checked'));
  const [notes, setNotes] = useState('');
  const [findingTitle, setFindingTitle] = useState('');
  const [findingText, setFindingText] = useState('');
  const duration = minutesBetween(start, end);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await action.run('POST', '/api/supervision/visits', {
      mineId,
      startedAt: start === '' ? '' : new Date(start).toISOString(),
      endedAt: end === '' ? '' : new Date(end).toISOString(),
      wentToSite: site,
      wentUnderground: underground,
      checklist: DEFAULT_ITEMS.map((key, i) => ({ item: t(key), result: results[i] ?? 'not_checked' })),
      notes,
      findings:
        findingTitle.trim() === ''
          ? []
          : [{ title: findingTitle, description: findingText || findingTitle, grade: 'general' }],
    });
    if (ok) {
      setFindingTitle('');
      setFindingText('');
      setNotes('');
    }
  };
  return (
    <form className="card sv-form" data-testid="visit-form" onSubmit={(e) => void submit(e)}>
      <div className="card-head">
        <h2>{t('supervision.visit.new')}</h2>
      </div>
      <div className="row">
        <Field
          label={t('supervision.visit.start')}
          type="datetime-local"
          testId="visit-start"
          value={start}
          onChange={setStart}
        />
        <Field
          label={t('supervision.visit.end')}
          type="datetime-local"
          testId="visit-end"
          value={end}
          onChange={setEnd}
        />
        <span data-testid="visit-duration">
          {duration === null ? '—' : t('supervision.visit.minutes', { n: duration })}
        </span>
      </div>
      <div className="row">
        <CheckField
          label={t('supervision.visit.wentToSite')}
          testId="visit-site"
          checked={site}
          onChange={setSite}
        />
        <CheckField
          label={t('supervision.visit.wentUnderground')}
          testId="visit-underground"
          checked={underground}
          onChange={setUnderground}
        />
      </div>
      <table className="table" data-testid="visit-checklist">
        <tbody>
          {DEFAULT_ITEMS.map((key, i) => (
            <tr key={key}>
              <td>{t(key)}</td>
              <td>
                <select
                  className="select"
                  data-testid={`visit-check-${i}`}
                  value={results[i]}
                  onChange={(e) =>
                    setResults(results.map((r, j) => (j === i ? (e.target.value as ChecklistResult) : r)))
                  }
                >
                  {RESULTS.map((r) => (
                    <option key={r} value={r}>
                      {t(`supervision.result.${r}`)}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <TextArea
        placeholder={t('supervision.visit.notes')}
        testId="visit-notes"
        value={notes}
        onChange={setNotes}
      />
      <Input
        placeholder={t('supervision.visit.findingTitle')}
        testId="visit-finding-title"
        value={findingTitle}
        onChange={setFindingTitle}
      />
      <TextArea
        placeholder={t('supervision.visit.findingText')}
        testId="visit-finding-text"
        value={findingText}
        onChange={setFindingText}
      />
      <div className="row">
        <SubmitButton action={action} testId="visit-save">
          {t('supervision.visit.record')}
        </SubmitButton>
      </div>
      {action.error !== null && <ErrorBox error={action.error} />}
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
  return (
    <div className="card table-wrap" data-testid="visit-list" data-busy={visits.isLoading ? 'true' : 'false'}>
      <div className="card-head">
        <h2>{t('supervision.visit.list')}</h2>
        <ExportControl listUrl={`/api/supervision/visits?mineId=${encodeURIComponent(mineId)}`} />
      </div>
      {visits.error !== null && <ErrorBox error={visits.error} onRetry={visits.reload} />}
      {action.error !== null && <ErrorBox error={action.error} />}
      <table className="table">
        <thead>
          <tr>
            <th>{t('supervision.visit.visitor')}</th>
            <th>{t('supervision.visit.start')}</th>
            <th className="num">{t('supervision.visit.duration')}</th>
            <th>{t('supervision.visit.wentUnderground')}</th>
            <th>{t('supervision.visit.findings')}</th>
          </tr>
        </thead>
        <tbody>
          {visits.data?.items.length === 0 && (
            <tr>
              <td colSpan={5} className="empty">
                {t('supervision.visit.none')}
              </td>
            </tr>
          )}
          {visits.data?.items.map((v) => (
            <tr key={v.id} data-testid="visit-row" data-underground={v.wentUnderground ? 'true' : 'false'}>
              <td>{v.visitorName}</td>
              <td className="tabular nowrap">{formatDateTime(v.startedAt)}</td>
              <td className="num" data-testid="visit-row-duration">
                {t('supervision.visit.minutes', { n: v.durationMinutes })}
              </td>
              <td>
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
              </td>
              <td>
                {v.findings.map((f) => (
                  <div key={f.id} data-testid="finding" data-status={f.status}>
                    {f.title}{' '}
                    {f.status === 'reported' ? (
                      <span className="muted mono">{f.hazardId}</span>
                    ) : canReport ? (
                      <button
                        className="btn btn-small"
                        type="button"
                        data-testid="finding-report"
                        disabled={action.busy}
                        onClick={() =>
                          void action.run(
                            'POST',
                            `/api/supervision/findings/${encodeURIComponent(f.id)}/hazard`,
                          )
                        }
                      >
                        {t('supervision.finding.toHazard')}
                      </button>
                    ) : (
                      <span className="muted">{t('supervision.finding.pending')}</span>
                    )}
                  </div>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
