import type { ReactNode } from 'react';
import { Select } from './form-kit.tsx';

/** The filters above a list; the reset button shows while any filter is set. */
export function FilterBar({
  children,
  hasFilters,
  onReset,
  resetLabel,
  resetTestId,
}: {
  children: ReactNode;
  hasFilters: boolean;
  onReset: () => void;
  resetLabel: ReactNode;
  resetTestId: string;
}) {
  return (
    <div className="filters" role="search">
      {children}
      {hasFilters && (
        <button type="button" className="btn btn-small btn-ghost" onClick={onReset} data-testid={resetTestId}>
          {resetLabel}
        </button>
      )}
    </div>
  );
}

/** A filter's select: an "all" option (value '') when `allLabel` is given, then one option per value. */
export function FilterSelect<T extends string>({
  label,
  options,
  optionLabel,
  allLabel,
  ...rest
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly T[];
  optionLabel: (option: T) => string;
  allLabel?: string;
  testId: string;
}) {
  return <Select {...rest} label={label} options={options} labelOf={optionLabel} placeholder={allLabel} />;
}
