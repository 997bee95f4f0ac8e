/** Reading a list page's filters from its URL: values the API would reject are read as "all". */

/** `value` when it is one of `allowed`, else '' ("all"). */
export function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | '' {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : '';
}

/** The `page` parameter: a whole number from 1, else 1. */
export function pageParam(params: URLSearchParams): number {
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  return Number.isFinite(page) && page > 0 ? page : 1;
}
