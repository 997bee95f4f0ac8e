import { withQuery, type ApiQuery } from '../api/api-client.ts';
import { oneOf, pageParam } from './url-query.ts';
import {
  gasClassValues as GAS_CLASSES,
  mineStatusValues as MINE_STATUSES,
  type GasClass,
  type MineStatus,
} from '../api/generated/api-schema.ts';
import { SMALL_MINE_CAPACITY_T_PER_YEAR } from '../domain.ts';

export const PAGE_SIZE = 50;

/** The mines list's sort keys and order, as the API takes them. */
export type MineSortKey = NonNullable<ApiQuery<'/api/mines'>['sort']>;
export type SortOrder = NonNullable<ApiQuery<'/api/mines'>['order']>;

export type CapacityFilter = '' | 'lt300k' | 'ge300k';
const SORT_KEYS: readonly MineSortKey[] = ['name', 'code', 'capacity', 'status', 'region'];

/** The mines table's filters, sort and page, as kept in the page URL. */
export interface MinesQuery {
  q: string;
  regionId: string;
  status: MineStatus | '';
  gasClass: GasClass | '';
  capacity: CapacityFilter;
  sort: MineSortKey | '';
  order: SortOrder;
  page: number;
}

/** A status from a select or URL, or '' for "all". */
export function parseStatus(value: string | null): MineStatus | '' {
  return oneOf(value, MINE_STATUSES);
}

/** A gas class from a select or URL, or '' for "all". */
export function parseGasClass(value: string | null): GasClass | '' {
  return oneOf(value, GAS_CLASSES);
}

/** A capacity filter from a select or URL, or '' for "all". */
export function parseCapacity(value: string | null): CapacityFilter {
  return oneOf(value, ['lt300k', 'ge300k'] as const);
}

/** Reads the URL query, ignoring values the API would reject. */
export function parseMinesQuery(params: URLSearchParams): MinesQuery {
  return {
    q: params.get('q') ?? '',
    regionId: params.get('regionId') ?? '',
    status: parseStatus(params.get('status')),
    gasClass: parseGasClass(params.get('gasClass')),
    capacity: parseCapacity(params.get('capacity')),
    sort: oneOf(params.get('sort'), SORT_KEYS),
    order: params.get('order') === 'desc' ? 'desc' : 'asc',
    page: pageParam(params),
  };
}

/** The page URL for a query; defaults are left out so URLs stay short. */
export function minesPageUrl(query: MinesQuery): string {
  return withQuery('/mines', {
    q: query.q,
    regionId: query.regionId,
    status: query.status,
    gasClass: query.gasClass,
    capacity: query.capacity,
    sort: query.sort,
    order: query.sort === '' || query.order === 'asc' ? '' : query.order,
    page: query.page === 1 ? '' : query.page,
  });
}

/** The API URL for a query. `capacityMin` is inclusive and `capacityMax` exclusive, so the two halves meet at 300 kt. */
export function minesApiUrl(query: MinesQuery): string {
  return withQuery('/api/mines', {
    q: query.q,
    regionId: query.regionId,
    status: query.status,
    gasClass: query.gasClass,
    capacityMax: query.capacity === 'lt300k' ? SMALL_MINE_CAPACITY_T_PER_YEAR : '',
    capacityMin: query.capacity === 'ge300k' ? SMALL_MINE_CAPACITY_T_PER_YEAR : '',
    sort: query.sort,
    order: query.sort === '' ? '' : query.order,
    page: query.page,
    pageSize: PAGE_SIZE,
  });
}
