import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n-context.tsx';

/**
 * Previous / "page N of M" / next under a list. Test ids are `${testIdPrefix}-prev`, `-info` and `-next`;
 * `summary` stands at the left (e.g. "1–50 / 300"); next is disabled until `isReady`.
 */
export function Pager({
  page,
  pages,
  onPage,
  testIdPrefix,
  summary,
  isReady = true,
}: {
  page: number;
  pages: number;
  onPage: (page: number) => void;
  testIdPrefix: string;
  summary?: ReactNode;
  isReady?: boolean;
}) {
  const { t } = useI18n();
  return (
    <div className="pager">
      {summary}
      <div className="pager-spacer" />
      <button
        type="button"
        className="btn btn-small"
        disabled={page <= 1}
        onClick={() => onPage(page - 1)}
        data-testid={`${testIdPrefix}-prev`}
      >
        {t('mines.prev')}
      </button>
      <span className="tabular" data-testid={`${testIdPrefix}-info`} data-page={page} data-pages={pages}>
        {t('mines.page', { page, pages })}
      </span>
      <button
        type="button"
        className="btn btn-small"
        disabled={!isReady || page >= pages}
        onClick={() => onPage(page + 1)}
        data-testid={`${testIdPrefix}-next`}
      >
        {t('mines.next')}
      </button>
    </div>
  );
}
