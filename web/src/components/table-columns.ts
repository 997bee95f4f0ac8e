import type { ReactNode } from 'react';
import type { Column } from './data-table.tsx';

/**
 * A sortable column whose cell shows the value it sorts by (a name, a region, a count), or that text as `show`
 * words it (a time in CST, '—' for none): the accessor is written once.
 */
export function sortedColumn<T>(
  key: string,
  header: string,
  value: (row: T) => string | number,
  {
    show,
    ...more
  }: Omit<Column<T>, 'key' | 'header' | 'cell' | 'sortValue'> & { show?: (text: string) => ReactNode } = {},
): Column<T> {
  const cell = (row: T): ReactNode => (show === undefined ? value(row) : show(String(value(row))));
  return { key, header, cell, sortValue: value, ...more };
}

/** A column of figures (a count, a share, a capacity): right-aligned tabular numbers, written in one line. */
export function figureColumn<T>(
  key: string,
  header: string,
  cell: (row: T) => ReactNode,
  more: Omit<Column<T>, 'key' | 'header' | 'cell' | 'isNumeric'> = {},
): Column<T> {
  return { key, header, cell, isNumeric: true, ...more };
}
