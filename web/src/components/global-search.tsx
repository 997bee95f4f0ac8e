import { useEffect, useId, useRef, useState } from 'react';
import { withQuery, type ApiAnswer } from '../api/api-client.ts';
import { useApiData } from '../api/use-api.ts';
import { regionName } from '../format.ts';
import { codeLabel } from '../i18n/code-label.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { minePath, navigate } from '../router/router.ts';
import './global-search.css';

type Results = ApiAnswer<'/api/search'>;
const DEBOUNCE_MS = 200;

interface Hit {
  key: string;
  group: 'mines' | 'people' | 'hazards' | 'orders' | 'cases';
  to: string;
  title: string;
  detail: string;
}

/** The results as one list of links, group by group (the order the arrow keys walk). */
function hitsOf(r: Results, i18n: ReturnType<typeof useI18n>): Hit[] {
  const { lang } = i18n;
  return [
    ...r.mines.map((m) => ({
      key: `m-${m.id}`,
      group: 'mines' as const,
      to: minePath(m.id),
      title: m.name,
      detail: `${m.code} · ${regionName({ name: m.regionName, nameEn: m.regionNameEn }, lang)}`,
    })),
    ...r.people.map((p, i) => ({
      key: `p-${i}-${p.mineId}`,
      group: 'people' as const,
      to: minePath(p.mineId),
      title: p.name,
      detail: `${codeLabel('search.person.', p.role, i18n)} · ${p.mineName}`,
    })),
    ...r.hazards.map((h) => ({
      key: `h-${h.id}`,
      group: 'hazards' as const,
      to: `/hazards/${encodeURIComponent(h.id)}`,
      title: h.title,
      detail: `${h.mineName} · ${codeLabel('hazards.state.', h.state, i18n)}`,
    })),
    ...r.orders.map((o) => ({
      key: `o-${o.id}`,
      group: 'orders' as const,
      to: `/orders/order/${encodeURIComponent(o.id)}`,
      title: o.number,
      detail: `${codeLabel('orders.kind.', o.kind, i18n)} · ${codeLabel('orders.status.', o.status, i18n)}`,
    })),
    ...r.cases.map((c) => ({
      key: `c-${c.id}`,
      group: 'cases' as const,
      to: `/closure/cases/${encodeURIComponent(c.id)}`,
      title: c.summary,
      detail: `${c.mineName} · ${codeLabel('closure.case.', c.type, i18n)}`,
    })),
  ];
}

/**
 * The top bar's search: mines by code or name, people, hazards, order numbers and cases, within the
 * user's scope (GET /api/search). Arrow keys move through the results, Enter opens one, Escape closes.
 * On a phone it is a search icon that expands over the bar.
 */
export function GlobalSearch() {
  const i18n = useI18n();
  const { t } = i18n;
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const [isOpen, setOpen] = useState(false);
  const [isExpanded, setExpanded] = useState(false);
  const [active, setActive] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const listId = useId();

  useEffect(() => {
    const timer = window.setTimeout(() => setQuery(text.trim()), DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [text]);
  const results = useApiData<Results>(query === '' ? null : withQuery('/api/search', { q: query }));
  const hits = results.data !== null && results.data.query === query ? hitsOf(results.data, i18n) : [];
  useEffect(() => setActive(0), [query]);

  const close = () => {
    setOpen(false);
    setExpanded(false);
  };
  const open = (hit: Hit | undefined) => {
    if (hit === undefined) return;
    setText('');
    setQuery('');
    close();
    inputRef.current?.blur();
    navigate(hit.to);
  };
  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      if (hits.length > 0)
        setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : hits.length - 1)) % hits.length);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      open(hits[active]);
    } else if (e.key === 'Escape') {
      close();
      inputRef.current?.blur();
    }
  };

  const showList = isOpen && query !== '';
  const activeId = hits[active] === undefined ? undefined : `${listId}-${hits[active].key}`;
  return (
    <div className={isExpanded ? 'global-search is-expanded' : 'global-search'} data-testid="global-search">
      <button
        type="button"
        className="global-search-toggle"
        aria-label={isExpanded ? t('search.close') : t('search.open')}
        aria-expanded={isExpanded}
        data-testid="global-search-toggle"
        onClick={() => {
          if (isExpanded) close();
          else {
            setExpanded(true);
            window.setTimeout(() => inputRef.current?.focus(), 0);
          }
        }}
      >
        <span aria-hidden="true" className="global-search-icon" />
      </button>
      <input
        ref={inputRef}
        className="global-search-input"
        type="search"
        role="combobox"
        aria-label={t('search.label')}
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showList ? activeId : undefined}
        placeholder={t('search.placeholder')}
        value={text}
        data-testid="global-search-input"
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        // A hit keeps the focus in the field (mousedown is prevented), so leaving the field closes the list.
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      {showList && (
        <div
          className="global-search-results"
          data-testid="global-search-results"
          data-busy={query !== text.trim() || results.isLoading ? 'true' : 'false'}
        >
          {results.isLoading && hits.length === 0 && <p className="muted">{t('search.searching')}</p>}
          {!results.isLoading && hits.length === 0 && <p className="muted">{t('search.none')}</p>}
          <ul id={listId} role="listbox" aria-label={t('search.label')}>
            {hits.map((hit, i) => (
              <li
                key={hit.key}
                id={`${listId}-${hit.key}`}
                role="option"
                aria-selected={i === active}
                className={i === active ? 'global-search-hit active' : 'global-search-hit'}
                data-testid={`search-hit-${hit.group}`}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => open(hit)}
              >
                {(i === 0 || hits[i - 1]?.group !== hit.group) && (
                  <span className="global-search-group">{t(`search.group.${hit.group}`)}</span>
                )}
                <span className="global-search-title">{hit.title}</span>
                <span className="global-search-detail">{hit.detail}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
