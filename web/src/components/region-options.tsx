import type { Region } from '../api/api-types.ts';
import type { Lang } from '../i18n/i18n-context.tsx';
import { regionName } from '../format.ts';

function depth(region: Region): number {
  return region.path.split('/').filter((part) => part !== '').length;
}

/** Regions in tree order (parents before children), each with its depth below the shallowest one. */
export function orderRegions(regions: readonly Region[]): Array<{ region: Region; indent: number }> {
  const sorted = [...regions].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const top = Math.min(...sorted.map(depth));
  return sorted.map((region) => ({ region, indent: depth(region) - top }));
}

/** `<option>`s for a region select, indented by level with ideographic spaces. */
export function RegionOptions({ regions, lang }: { regions: readonly Region[]; lang: Lang }) {
  return (
    <>
      {orderRegions(regions).map(({ region, indent }) => (
        <option key={region.id} value={region.id}>
          {'\u3000'.repeat(indent) + regionName(region, lang)}
        </option>
      ))}
    </>
  );
}
