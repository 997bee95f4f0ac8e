import type { ReactNode } from 'react';
import { DataTable } from './data-table.tsx';
import { ErrorBox } from './error-box.tsx';

type DataTableProps<T> = Parameters<typeof DataTable<T>>[0];

/**
 * A list on a card: the error of its last load (with a retry) above the card, the card's heading and what
 * stands beside it (an export), then the DataTable.
 */
export function TableCard<T>({
  title,
  headExtra,
  loadError = null,
  onRetry,
  ...table
}: DataTableProps<T> & {
  title?: ReactNode;
  headExtra?: ReactNode;
  /** The list's load error (useApiData's `error`), shown with a retry. */
  loadError?: unknown;
  onRetry?: () => void;
}) {
  return (
    <>
      {loadError !== null && <ErrorBox error={loadError} onRetry={onRetry} />}
      <div className="card">
        {title !== undefined && (
          <div className="card-head">
            <h2>{title}</h2>
            {headExtra}
          </div>
        )}
        <DataTable {...table} />
      </div>
    </>
  );
}
