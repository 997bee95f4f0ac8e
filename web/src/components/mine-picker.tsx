import { useEffect, useId, useState } from 'react';
import type { MineRow, MineStatus, MinesResponse } from '../api/generated/api-schema.ts';
import { useApiData } from '../api/use-api.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { StatusPill } from './status-pill.tsx';

/** What a form keeps of the picked mine: the id goes to the API, the user only ever sees code and name. */
export interface PickedMine {
  id: string;
  code: string;
  name: string;
  status: MineStatus;
}

interface MinePickerProps {
  value: PickedMine | null;
  onChange: (mine: PickedMine | null) => void;
  /** Only mines in one of these statuses are offered (e.g. suspended mines for a resumption). */
  statuses?: readonly MineStatus[];
  label: string;
  testId: string;
}

/**
 * Picks a mine by code, name or region (issue 15): the user types, the server searches the mines of
 * the user's scope, each row shows code, name, region and status. Replaces long dropdowns and the
 * internal-id fields.
 */
export function MinePicker({ value, onChange, statuses, label, testId }: MinePickerProps) {
  const { t } = useI18n();
  const listId = useId();
  const [text, setText] = useState('');
  const [debounced, setDebounced] = useState('');
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const h = setTimeout(() => setDebounced(text.trim()), 200);
    return () => clearTimeout(h);
  }, [text]);
  const one = statuses?.length === 1 ? `&status=${statuses[0]}` : '';
  const url = open ? `/api/mines?pageSize=20&sort=code&q=${encodeURIComponent(debounced)}${one}` : null;
  const { data, isLoading } = useApiData<MinesResponse>(url);
  const items = (data?.items ?? []).filter((m) => !statuses || statuses.includes(m.status));
  const pick = (m: MineRow) => {
    onChange({ id: m.id, code: m.code, name: m.name, status: m.status });
    setOpen(false);
    setText('');
  };

  if (value !== null)
    return (
      <div className="field mine-picker" data-testid={testId}>
        <span className="field-label">{label}</span>
        <div className="mine-picker-chosen" data-testid={`${testId}-chosen`} data-code={value.code}>
          <span className="mono">{value.code}</span> <strong>{value.name}</strong>{' '}
          <StatusPill status={value.status} />
          <button
            type="button"
            className="btn btn-small btn-ghost"
            onClick={() => onChange(null)}
            data-testid={`${testId}-clear`}
          >
            {t('picker.change')}
          </button>
        </div>
      </div>
    );
  return (
    <div className="field mine-picker" data-testid={testId}>
      <label className="field-label" htmlFor={`${listId}-input`}>
        {label}
      </label>
      <input
        id={`${listId}-input`}
        className="input"
        value={text}
        placeholder={t('picker.placeholder')}
        autoComplete="off"
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        onFocus={() => setOpen(true)}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
        }}
        onKeyDown={(e) => {
          // Enter picks the mine whose code was typed in full (or the only match); it never submits the form.
          if (e.key !== 'Enter') return;
          e.preventDefault();
          const typed = text.trim();
          const exact = items.find((m) => m.code === typed);
          const only = items.length === 1 && debounced === typed ? items[0] : undefined;
          const hit = exact ?? only;
          if (hit) pick(hit);
        }}
        data-testid={`${testId}-input`}
      />
      {open && (
        <ul
          id={listId}
          className="mine-picker-list"
          role="listbox"
          data-testid={`${testId}-list`}
          data-busy={isLoading ? 'true' : 'false'}
        >
          {items.length === 0 && !isLoading && <li className="muted">{t('picker.none')}</li>}
          {items.map((m) => (
            <li key={m.id} role="option" aria-selected={false}>
              <button
                type="button"
                className="mine-picker-option"
                onClick={() => pick(m)}
                data-testid={`${testId}-option-${m.code}`}
              >
                <span className="mono">{m.code}</span>
                <span className="strong">{m.name}</span>
                <span className="muted">{m.regionName}</span>
                <StatusPill status={m.status} />
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
