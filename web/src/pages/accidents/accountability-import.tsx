import { useState, type FormEvent } from 'react';
import { request, withQuery, type ApiAnswer } from '../../api/api-client.ts';
import { useApiData } from '../../api/use-api.ts';
import { DataTable } from '../../components/data-table.tsx';
import { ErrorBox } from '../../components/error-box.tsx';
import { useAction } from '../../components/use-action.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { AccidentImportResult } from '../../api/generated/api-schema.ts';

/** Accountability in scope, per official and per region (region code filter). */
export function AccountabilityPanel() {
  const { t, has } = useI18n();
  const [person, setPerson] = useState('');
  const [regionId, setRegionId] = useState('');
  const url = withQuery('/api/accidents/accountability', {
    person: person || undefined,
    regionId: /^\d{6}$/.test(regionId) ? regionId : undefined,
  });
  const { data, error, isLoading, reload } = useApiData<ApiAnswer<'/api/accidents/accountability'>>(url);
  return (
    <div data-testid="accountability-panel" data-busy={isLoading ? 'true' : 'false'}>
      <label>
        {t('accidents.acct.filterPerson')}
        <input data-testid="acct-person" value={person} onChange={(e) => setPerson(e.target.value)} />
      </label>
      <label>
        {t('accidents.acct.filterRegion')}
        <input data-testid="acct-region" value={regionId} onChange={(e) => setRegionId(e.target.value)} />
      </label>
      {error !== null && <ErrorBox error={error} onRetry={reload} />}
      {data && (
        <>
          <p data-testid="acct-by-chain">
            {Object.entries(data.byChain)
              .map(([k, v]) => {
                const key = `accidents.chain.${k}`;
                return `${has(key) ? t(key) : k}: ${v}`;
              })
              .join(' · ')}
          </p>
          <DataTable
            testId="acct-records"
            columns={[
              { key: 'person', header: t('accidents.acct.person'), cell: (r) => r.personName },
              { key: 'post', header: t('accidents.acct.post'), cell: (r) => r.post },
              {
                key: 'chain',
                header: t('accidents.acct.chain'),
                cell: (r) => t(`accidents.chain.${r.chain}`),
              },
              {
                key: 'action',
                header: t('accidents.acct.action'),
                cell: (r) => t(`accidents.action.${r.action}`),
              },
              { key: 'decidedOn', header: t('accidents.acct.decidedOn'), cell: (r) => r.decidedOn },
              { key: 'mine', header: t('accidents.col.mine'), cell: (r) => r.mineName },
            ]}
            rows={data.records}
            rowKey={(r) => r.id}
          />
        </>
      )}
    </div>
  );
}

const MSHA_EXAMPLE = JSON.stringify(
  {
    dataset: 'MSHA',
    country: 'US',
    columns: {
      occurredOn: 'ACCIDENT_DT',
      occurredTime: 'ACCIDENT_TIME',
      type: 'CLASSIFICATION',
      deaths: 'DEGREE_INJURY',
      seriousInjuries: 'DEGREE_INJURY',
      mineName: 'OPERATOR_NAME',
      externalRef: 'MINE_ID',
      description: 'NARRATIVE',
    },
    dateFormat: 'd/m/yyyy',
    countIf: { deaths: ['FATALITY'], seriousInjuries: ['PERM TOT OR PERM PRTL DISABLTY'] },
    include: [
      { column: 'COAL_METAL_IND', in: ['C'] },
      { column: 'SUBUNIT', in: ['UNDERGROUND'] },
    ],
    nullValues: ['?', 'NO VALUE FOUND'],
  },
  null,
  2,
);

/** CSV + JSON column mapping → accepted / rejected (per line) / skipped. Rows go to the reference set. */
export function ImportPanel() {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [mapping, setMapping] = useState(MSHA_EXAMPLE);
  const [result, setResult] = useState<AccidentImportResult | null>(null);
  const { busy, error, runWith } = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    await runWith(async () => {
      const parsed: unknown = JSON.parse(mapping);
      setResult(
        await request<AccidentImportResult>('POST', '/api/accidents/import', {
          body: { fileName: file.name, csv: await file.text(), mapping: parsed },
        }),
      );
    });
  };
  return (
    <form
      className="form"
      data-testid="accident-import"
      data-busy={busy ? 'true' : 'false'}
      onSubmit={(e) => void submit(e)}
    >
      <label>
        {t('accidents.import.csv')}
        <input
          type="file"
          accept=".csv,text/csv"
          data-testid="import-file"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </label>
      <label>
        {t('accidents.import.mapping')}
        <textarea
          rows={14}
          data-testid="import-mapping"
          value={mapping}
          onChange={(e) => setMapping(e.target.value)}
        />
      </label>
      <button type="submit" data-testid="import-submit" disabled={!file || busy}>
        {t('accidents.import.submit')}
      </button>
      {error !== null && <ErrorBox error={error} />}
      {result && (
        <>
          <p data-testid="import-result">
            {t('accidents.import.result', {
              rows: result.rows,
              accepted: result.accepted,
              rejected: result.rejected,
              skipped: result.skipped,
            })}
          </p>
          <DataTable
            testId="import-errors"
            columns={[
              { key: 'line', header: t('accidents.import.line'), cell: (x) => x.line },
              { key: 'field', header: t('accidents.import.field'), cell: (x) => x.field },
              { key: 'reason', header: t('accidents.import.reason'), cell: (x) => x.reason },
            ]}
            rows={result.errors}
            rowKey={(x) => `${x.line}-${x.field}`}
          />
        </>
      )}
    </form>
  );
}
