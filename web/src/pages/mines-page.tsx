import { useEffect, useState, type MouseEvent } from 'react';
import { ExportControl } from '../components/export-control.tsx';
import {
  gasClassValues as GAS_CLASSES,
  mineStatusValues as MINE_STATUSES,
  type MineRow,
  type MinesResponse,
} from '../api/generated/api-schema.ts';
import type { MineSortKey } from './mines-query.ts';
import type { MineAlarmBadge as MineAlarmOverview } from '../api/generated/api-schema.ts';
import { useApiData } from '../api/use-api.ts';
import { ErrorBox } from '../components/error-box.tsx';
import { FilterBar, FilterSelect } from '../components/filter-bar.tsx';
import { SearchInput } from '../components/form-kit.tsx';
import { isSmallMine, lacksGasControl, NoGasControlTag, SmallMineTag } from '../components/mine-tags.tsx';
import { Pager } from '../components/pager.tsx';
import { RegionFilterSelect } from '../components/region-options.tsx';
import { StatusPill } from '../components/status-pill.tsx';
import { useDocumentTitle } from '../components/use-document-title.ts';
import { MineAlarmBadge, useAlarmOverview } from '../monitoring/alarm-overview.tsx';
import { formatCapacityNumber, formatCount } from '../format.ts';
import { useI18n, type MessageKey } from '../i18n/i18n-context.tsx';
import { Link } from '../router/link.tsx';
import { minePath, navigate, useAppLocation } from '../router/router.ts';
import { useRegions } from '../session/regions-context.tsx';
import { useSession } from '../session/session-context.tsx';
import {
  minesApiUrl,
  minesPageUrl,
  PAGE_SIZE,
  parseCapacity,
  parseGasClass,
  parseMinesQuery,
  parseStatus,
  type MinesQuery,
} from './mines-query.ts';

const SEARCH_DEBOUNCE_MS = 300;

function SortHeader(props: {
  column: MineSortKey;
  label: MessageKey;
  query: MinesQuery;
  onSort: (column: MineSortKey) => void;
  className?: string;
}) {
  const { t } = useI18n();
  const isActive = props.query.sort === props.column;
  const ariaSort = isActive ? (props.query.order === 'asc' ? 'ascending' : 'descending') : 'none';
  return (
    <th className={props.className} aria-sort={ariaSort}>
      <button
        type="button"
        className={isActive ? 'sort-btn active' : 'sort-btn'}
        onClick={() => props.onSort(props.column)}
        data-testid={`sort-${props.column}`}
      >
        {t(props.label)}
        <span className="sort-arrow" aria-hidden="true">
          {isActive ? (props.query.order === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  );
}

function MineTableRow({ mine, alarms }: { mine: MineRow; alarms: MineAlarmOverview | undefined }) {
  const { t, lang } = useI18n();
  const path = minePath(mine.id);
  const openRow = (event: MouseEvent<HTMLTableRowElement>) => {
    // The name link navigates itself; a drag to select text should not open the mine.
    if (event.defaultPrevented || (window.getSelection()?.toString() ?? '') !== '') return;
    navigate(path);
  };
  return (
    <tr className="row-link" data-testid="mine-row" data-mine-id={mine.id} onClick={openRow}>
      <td className="mono">{mine.code}</td>
      <td className="nowrap">
        <Link to={path} className="mine-link" data-testid="mine-name">
          {mine.name}
        </Link>
        {isSmallMine(mine) && <SmallMineTag />}
        {lacksGasControl(mine) && <NoGasControlTag />}
      </td>
      <td data-testid="mine-region">
        {lang === 'en' && mine.regionNameEn !== '' ? mine.regionNameEn : mine.regionName}
      </td>
      <td className="ellipsis" title={mine.enterpriseName ?? undefined}>
        {mine.enterpriseName ?? t('common.none')}
      </td>
      <td>
        <StatusPill status={mine.status} />
      </td>
      <td className="nowrap">
        {alarms !== undefined && <MineAlarmBadge overview={alarms} status={mine.status} />}
      </td>
      <td className={mine.gasClass === 'low' ? 'nowrap' : `nowrap gas-${mine.gasClass}`}>
        {t(`gas.${mine.gasClass}`)}
      </td>
      <td
        className={isSmallMine(mine) ? 'num text-danger' : 'num'}
        data-value={mine.approvedCapacityTPerYear}
      >
        {formatCapacityNumber(mine.approvedCapacityTPerYear, lang)}
      </td>
      <td className="nowrap">{t(`mech.${mine.mechanisation}`)}</td>
    </tr>
  );
}

/** The mine registry: filters (kept in the URL), sortable columns, 50 rows per page. */
export function MinesPage() {
  const { t, lang } = useI18n();
  useDocumentTitle(t('mines.title'));
  const { session } = useSession();
  const location = useAppLocation();
  const query = parseMinesQuery(location.query);

  const [draftQ, setDraftQ] = useState(query.q);
  const [syncedQ, setSyncedQ] = useState(query.q);
  // The URL can change under the text box (back button, "clear filters"): follow it.
  if (query.q !== syncedQ) {
    setSyncedQ(query.q);
    setDraftQ(query.q);
  }

  const update = (patch: Partial<MinesQuery>, options: { push?: boolean } = {}) => {
    const next = { ...query, page: 1, ...patch };
    navigate(minesPageUrl(next), { replace: options.push !== true });
  };

  const search = location.search;
  useEffect(() => {
    const current = parseMinesQuery(new URLSearchParams(search));
    const q = draftQ.trim();
    if (q === current.q) return;
    const timer = window.setTimeout(() => {
      setSyncedQ(q);
      navigate(minesPageUrl({ ...current, q, page: 1 }), { replace: true });
    }, SEARCH_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [draftQ, search]);

  const { regions } = useRegions();
  const mines = useApiData<MinesResponse>(minesApiUrl(query));
  const result = mines.error === null ? mines.data : null;
  const alarmsByMine = useAlarmOverview(query.regionId);
  const isBusy = mines.isLoading || draftQ.trim() !== query.q;

  const total = result?.total ?? 0;
  const pageSize = result?.pageSize ?? PAGE_SIZE;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : (query.page - 1) * pageSize + 1;
  const last = Math.min(total, query.page * pageSize);

  const sortBy = (column: MineSortKey) => {
    const order = query.sort === column && query.order === 'asc' ? 'desc' : 'asc';
    update({ sort: column, order });
  };

  const scopeRegionId = session.user.scope.kind === 'region' ? session.user.scope.regionId : '';
  const districtRegions = regions.filter((r) => r.id !== scopeRegionId);
  const hasFilters =
    query.q !== '' ||
    query.regionId !== '' ||
    query.status !== '' ||
    query.gasClass !== '' ||
    query.capacity !== '';

  return (
    <div className="page" data-testid="mines-page" data-busy={isBusy ? 'true' : 'false'}>
      <div className="page-head">
        <h1>{t('mines.title')}</h1>
        <span className="muted" data-testid="mine-total" data-value={result === null ? undefined : total}>
          {result === null ? '' : t('mines.total', { n: formatCount(total, lang) })}
        </span>
        <ExportControl listUrl={minesApiUrl(query)} />
      </div>

      <FilterBar
        hasFilters={hasFilters}
        onReset={() => update({ q: '', regionId: '', status: '', gasClass: '', capacity: '' })}
        resetLabel={t('mines.filter.reset')}
        resetTestId="filter-reset"
      >
        <SearchInput
          className="filter-q"
          label={t('mines.filter.q')}
          value={draftQ}
          onChange={setDraftQ}
          testId="filter-q"
        />
        <RegionFilterSelect
          value={query.regionId}
          onChange={(regionId) => update({ regionId })}
          regions={districtRegions}
          lang={lang}
          label={t('mines.filter.region')}
          allLabel={t('mines.filter.regionAll')}
          testId="filter-region"
        />
        <FilterSelect
          label={t('mines.filter.status')}
          value={query.status}
          onChange={(v) => update({ status: parseStatus(v) })}
          options={MINE_STATUSES}
          optionLabel={(s) => t(`status.${s}`)}
          allLabel={t('mines.filter.statusAll')}
          testId="filter-status"
        />
        <FilterSelect
          label={t('mines.filter.gas')}
          value={query.gasClass}
          onChange={(v) => update({ gasClass: parseGasClass(v) })}
          options={GAS_CLASSES}
          optionLabel={(g) => t(`gas.${g}`)}
          allLabel={t('mines.filter.gasAll')}
          testId="filter-gas"
        />
        <select
          className="select"
          aria-label={t('mines.filter.capacity')}
          value={query.capacity}
          onChange={(e) => update({ capacity: parseCapacity(e.target.value) })}
          data-testid="filter-capacity"
        >
          <option value="">{t('mines.filter.capacityAll')}</option>
          <option value="lt300k">{t('mines.filter.capacityLt300k')}</option>
          <option value="ge300k">{t('mines.filter.capacityGe300k')}</option>
        </select>
      </FilterBar>

      {mines.error !== null && <ErrorBox error={mines.error} onRetry={mines.reload} />}

      <div className={isBusy ? 'card table-card busy' : 'card table-card'}>
        <div className="table-wrap">
          <table className="table" data-testid="mine-table" data-loading={isBusy ? 'true' : 'false'}>
            <thead>
              <tr>
                <SortHeader column="code" label="mines.col.code" query={query} onSort={sortBy} />
                <SortHeader column="name" label="mines.col.name" query={query} onSort={sortBy} />
                <SortHeader column="region" label="mines.col.region" query={query} onSort={sortBy} />
                <th>{t('mines.col.enterprise')}</th>
                <SortHeader column="status" label="mines.col.status" query={query} onSort={sortBy} />
                <th>{t('mines.col.alarms')}</th>
                <th>{t('mines.col.gas')}</th>
                <SortHeader
                  column="capacity"
                  label="mines.col.capacity"
                  query={query}
                  onSort={sortBy}
                  className="num"
                />
                <th>{t('mines.col.mech')}</th>
              </tr>
            </thead>
            <tbody>
              {result === null && mines.error === null && (
                <tr>
                  <td colSpan={9} className="empty">
                    {t('app.loading')}
                  </td>
                </tr>
              )}
              {result !== null && result.items.length === 0 && (
                <tr>
                  <td colSpan={9} className="empty" data-testid="mine-empty">
                    {t('mines.empty')}
                  </td>
                </tr>
              )}
              {result?.items.map((mine) => (
                <MineTableRow key={mine.id} mine={mine} alarms={alarmsByMine.get(mine.id)} />
              ))}
            </tbody>
          </table>
        </div>
        <Pager
          page={query.page}
          pages={pages}
          onPage={(page) => update({ page }, { push: true })}
          testIdPrefix="page"
          isReady={result !== null}
          summary={
            result !== null && (
              <span className="muted tabular">
                {formatCount(first, lang)}–{formatCount(last, lang)} / {formatCount(total, lang)}
              </span>
            )
          }
        />
      </div>
    </div>
  );
}
