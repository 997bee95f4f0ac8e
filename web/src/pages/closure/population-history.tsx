import { DataTable } from '../../components/data-table.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { PopulationHistory as PopulationHistoryView } from '../../api/generated/api-schema.ts';

const mt = (t: number) => (t / 1_000_000).toFixed(1);

/**
 * The closure programme's history: mines and mines below 300 kt/yr year by year from the reference
 * data, with the mines that disappeared (net) since the year before. Shown on the closure page's
 * targets tab and in the briefing.
 */
export function PopulationHistoryTable({ history }: { history: PopulationHistoryView }) {
  const { t } = useI18n();
  if (history.years.length === 0) return <p className="muted">{t('closure.history.none')}</p>;
  return (
    <div data-testid="population-history">
      {history.reduction && (
        <p data-testid="population-history-reduction">
          {t('closure.history.reduction', {
            from: history.reduction.fromYear,
            to: history.reduction.toYear,
            mines: history.reduction.mines,
            small: history.reduction.smallMines,
          })}
        </p>
      )}
      <DataTable
        columns={[
          { key: 'year', header: t('closure.history.year'), cell: (y) => y.year },
          { key: 'mines', header: t('closure.history.mines'), cell: (y) => y.mines, isNumeric: true },
          { key: 'small', header: t('closure.history.small'), cell: (y) => y.smallMines, isNumeric: true },
          {
            key: 'capacity',
            header: t('closure.history.capacity'),
            cell: (y) => mt(y.capacityTPerYear),
            isNumeric: true,
          },
          {
            key: 'closed',
            header: t('closure.history.closed'),
            cell: (y) => y.closed ?? '—',
            isNumeric: true,
          },
          {
            key: 'smallClosed',
            header: t('closure.history.smallClosed'),
            cell: (y) => y.smallClosed ?? '—',
            isNumeric: true,
          },
        ]}
        rows={history.years}
        rowKey={(y) => String(y.year)}
        rowAttributes={(y) => ({ 'data-testid': `population-year-${y.year}` })}
      />
      <p className="muted">{t('closure.history.source', { source: history.sources.join('; ') })}</p>
    </div>
  );
}
