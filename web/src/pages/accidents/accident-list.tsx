import { ExportControl } from '../../components/export-control.tsx';
import type { ApiAnswer } from '../../api/api-client.ts';
import { useApiData } from '../../api/use-api.ts';
import { DataTable } from '../../components/data-table.tsx';
import { ErrorBox } from '../../components/error-box.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { navigate } from '../../router/router.ts';
import { AccidentForm } from './accident-form.tsx';
import { shortTime } from './accident-time.ts';

export function AccidentList({ reference, canRecord }: { reference: boolean; canRecord: boolean }) {
  const { t } = useI18n();
  const { data, error, isLoading, reload } = useApiData<ApiAnswer<'/api/accidents'>>(
    `/api/accidents?reference=${reference ? 'true' : 'false'}&limit=500`,
  );
  const rows = data?.accidents ?? [];
  return (
    <div
      data-testid={reference ? 'accidents-reference' : 'accidents-list'}
      data-busy={isLoading ? 'true' : 'false'}
    >
      {canRecord && !reference && <AccidentForm onRecorded={reload} />}
      <ExportControl listUrl={`/api/accidents?reference=${reference ? 'true' : 'false'}`} />
      {error !== null && <ErrorBox error={error} onRetry={reload} />}
      {rows.length === 0 && !isLoading && <p>{t('accidents.empty')}</p>}
      {rows.length > 0 && (
        <DataTable
          columns={[
            { key: 'time', header: t('accidents.col.time'), cell: (a) => shortTime(a.occurredAt) },
            { key: 'mine', header: t('accidents.col.mine'), cell: (a) => a.mineName },
            { key: 'type', header: t('accidents.col.type'), cell: (a) => a.type },
            { key: 'deaths', header: t('accidents.col.deaths'), cell: (a) => a.deaths },
            { key: 'missing', header: t('accidents.col.missing'), cell: (a) => a.missing },
            { key: 'serious', header: t('accidents.col.serious'), cell: (a) => a.seriousInjuries },
            {
              key: 'grade',
              header: t('accidents.col.grade'),
              cell: (a) => <span data-grade={a.grade}>{t(`accidents.grade.${a.grade}`)}</span>,
            },
            {
              key: 'late',
              header: t('accidents.col.late'),
              cell: (a) => (a.hasLateReport ? <span className="danger">{t('accidents.late')}</span> : ''),
            },
          ]}
          rows={rows}
          rowKey={(a) => a.id}
          rowAttributes={(a) => ({ 'data-testid': `accident-${a.id}` })}
          onRowClick={(a) => navigate(`/accidents/${a.id}`)}
        />
      )}
    </div>
  );
}
