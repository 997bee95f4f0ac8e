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
      <table className="table">
        <thead>
          <tr>
            <th>{t('closure.history.year')}</th>
            <th>{t('closure.history.mines')}</th>
            <th>{t('closure.history.small')}</th>
            <th>{t('closure.history.capacity')}</th>
            <th>{t('closure.history.closed')}</th>
            <th>{t('closure.history.smallClosed')}</th>
          </tr>
        </thead>
        <tbody>
          {history.years.map((y) => (
            <tr key={y.year} data-testid={`population-year-${y.year}`}>
              <td>{y.year}</td>
              <td>{y.mines}</td>
              <td>{y.smallMines}</td>
              <td>{mt(y.capacityTPerYear)}</td>
              <td>{y.closed ?? '—'}</td>
              <td>{y.smallClosed ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">{t('closure.history.source', { source: history.sources.join('; ') })}</p>
    </div>
  );
}
