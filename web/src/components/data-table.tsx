import { useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n-context.tsx';
import { Pager } from './pager.tsx';

/** One column: its header, its cell, and (when it can be sorted) the value it sorts by. */
export interface Column<T> {
  key: string;
  /** The header text; also the cell's label when the table reflows into cards on a phone. */
  header: string;
  cell: (row: T) => ReactNode;
  /** Sort by this column (click on its header) when given. */
  sortValue?: (row: T) => string | number;
  /** Right-aligned tabular figures. */
  isNumeric?: boolean;
  /** Hides the header text from sight (an actions column), keeping it for screen readers and cards. */
  isHeaderHidden?: boolean;
  /** Extra classes of the column's cells (`nowrap`, `mono`; or by the row: `zero`), and of its header. */
  className?: string | ((row: T) => string | undefined);
  headerClassName?: string;
}

type Sort = { key: string; isDescending: boolean } | null;

/**
 * A table with headers, optional sorting and paging, and an empty state: the one table of the UI. Every body
 * cell carries its header as `data-label`, so on a phone (phone.css) a row reflows into a card of
 * "header: value" lines. `rows` undefined means "still loading": no empty state is claimed then.
 */
export function DataTable<T>({
  columns,
  rows,
  rowKey,
  rowAttributes,
  empty,
  testId,
  emptyTestId,
  caption,
  pageSize,
  initialSort = null,
  isCompact,
  footer,
  className,
  wrapClassName,
  rowClassName,
  onRowClick,
}: {
  columns: readonly Column<T>[];
  rows: readonly T[] | undefined;
  rowKey: (row: T) => string;
  /** Test ids and data attributes of a row (`data-testid`, `data-state`, …). */
  rowAttributes?: (row: T) => Record<`data-${string}`, string | undefined>;
  /** What an empty list says (a generic "nothing to show" unless told). */
  empty?: ReactNode;
  testId?: string;
  emptyTestId?: string;
  /** The table's name for screen readers when no heading names it. */
  caption?: string;
  /** Rows per page; no pager when the list fits. */
  pageSize?: number;
  initialSort?: Sort;
  /** Top-aligned cells for rows of several lines. */
  isCompact?: boolean;
  /** Rows under the body (a total), as `<tr>` elements. */
  footer?: ReactNode;
  /** Extra classes of the table (its own CSS), and of the scrolling box around it. */
  className?: string;
  wrapClassName?: string;
  /** A row's class (how it stands out: over a limit, restricted). */
  rowClassName?: (row: T) => string | undefined;
  /** What a click on a row does (open its record). */
  onRowClick?: (row: T) => void;
}) {
  const { t } = useI18n();
  const [sort, setSort] = useState<Sort>(initialSort);
  const [page, setPage] = useState(1);
  const sortColumn = sort === null ? undefined : columns.find((c) => c.key === sort.key);
  const sorted =
    rows === undefined || sortColumn?.sortValue === undefined
      ? rows
      : sortRows(rows, sortColumn.sortValue, sort?.isDescending === true);
  const pages =
    pageSize === undefined || sorted === undefined ? 1 : Math.max(1, Math.ceil(sorted.length / pageSize));
  const shownPage = Math.min(page, pages);
  const shown =
    pageSize === undefined || sorted === undefined
      ? sorted
      : sorted.slice((shownPage - 1) * pageSize, shownPage * pageSize);
  const toggle = (key: string) =>
    setSort((s) => (s?.key === key ? { key, isDescending: !s.isDescending } : { key, isDescending: false }));
  return (
    <div className={classes('table-wrap', wrapClassName)}>
      <table
        className={classes('table', isCompact === true ? 'table-top' : '', className)}
        data-testid={testId}
      >
        {caption !== undefined && <caption className="sr-only">{caption}</caption>}
        <thead>
          <tr>
            {columns.map((c) => (
              <th
                key={c.key}
                scope="col"
                data-label={c.header}
                className={classes(c.isNumeric === true ? 'num' : '', c.headerClassName)}
                aria-sort={sort?.key === c.key ? (sort.isDescending ? 'descending' : 'ascending') : undefined}
              >
                {c.sortValue !== undefined ? (
                  <button
                    type="button"
                    className={sort?.key === c.key ? 'sort-btn active' : 'sort-btn'}
                    onClick={() => toggle(c.key)}
                    title={t('kit.table.sortBy', { column: c.header })}
                    data-testid={testId === undefined ? undefined : `${testId}-sort-${c.key}`}
                  >
                    {c.header}
                    <span className="sort-arrow" aria-hidden="true">
                      {sort?.key !== c.key ? '↕' : sort.isDescending ? '▼' : '▲'}
                    </span>
                  </button>
                ) : c.isHeaderHidden === true ? (
                  <span className="sr-only">{c.header}</span>
                ) : (
                  c.header
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown?.length === 0 && (
            <tr>
              <td colSpan={columns.length} className="empty" data-testid={emptyTestId}>
                {empty ?? t('kit.table.empty')}
              </td>
            </tr>
          )}
          {shown?.map((row) => (
            <tr
              key={rowKey(row)}
              className={rowClassName?.(row)}
              onClick={onRowClick === undefined ? undefined : () => onRowClick(row)}
              {...rowAttributes?.(row)}
            >
              {columns.map((c) => (
                <td
                  key={c.key}
                  className={classes(
                    c.isNumeric === true ? 'num' : '',
                    typeof c.className === 'function' ? c.className(row) : c.className,
                  )}
                  data-label={c.header}
                >
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        {footer !== undefined && <tfoot>{footer}</tfoot>}
      </table>
      {pages > 1 && (
        <Pager
          page={shownPage}
          pages={pages}
          onPage={setPage}
          testIdPrefix={testId === undefined ? 'table-pager' : `${testId}-pager`}
        />
      )}
    </div>
  );
}

/** The class names given (blanks left out), or undefined when there are none. */
function classes(...names: (string | undefined)[]): string | undefined {
  return names.filter((n) => n !== undefined && n !== '').join(' ') || undefined;
}

/** A copy of `rows` ordered by `value` (numbers as numbers, text in Chinese collation order). */
function sortRows<T>(rows: readonly T[], value: (row: T) => string | number, isDescending: boolean): T[] {
  const collator = new Intl.Collator('zh-CN', { numeric: true });
  const order = (a: T, b: T) => {
    const x = value(a);
    const y = value(b);
    return typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
  };
  return [...rows].sort((a, b) => (isDescending ? order(b, a) : order(a, b)));
}
