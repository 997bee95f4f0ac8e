import { ExportControl } from '../../components/export-control.tsx';
import type { ApiAnswer } from '../../api/api-client.ts';
import { useApiData } from '../../api/use-api.ts';
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
        <table className="table">
          <thead>
            <tr>
              <th>{t('accidents.col.time')}</th>
              <th>{t('accidents.col.mine')}</th>
              <th>{t('accidents.col.type')}</th>
              <th>{t('accidents.col.deaths')}</th>
              <th>{t('accidents.col.missing')}</th>
              <th>{t('accidents.col.serious')}</th>
              <th>{t('accidents.col.grade')}</th>
              <th>{t('accidents.col.late')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((a) => (
              <tr key={a.id} data-testid={`accident-${a.id}`} onClick={() => navigate(`/accidents/${a.id}`)}>
                <td>{shortTime(a.occurredAt)}</td>
                <td>{a.mineName}</td>
                <td>{a.type}</td>
                <td>{a.deaths}</td>
                <td>{a.missing}</td>
                <td>{a.seriousInjuries}</td>
                <td data-grade={a.grade}>{t(`accidents.grade.${a.grade}`)}</td>
                <td className={a.hasLateReport ? 'danger' : ''}>
                  {a.hasLateReport ? t('accidents.late') : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
