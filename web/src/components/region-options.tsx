import type { Region } from '../api/generated/api-schema.ts';
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

/**
 * A region filter: "all" plus the regions in tree order. A region in the URL that is not among them
 * (e.g. a link from elsewhere) stays selectable under its id, so the filter never silently changes.
 */
export function RegionFilterSelect(props: {
  value: string;
  onChange: (regionId: string) => void;
  regions: readonly Region[];
  lang: Lang;
  /** The accessible name when no visible label stands next to it (else the "all" choice names it). */
  label?: string;
  allLabel: string;
  testId: string;
}) {
  const { value, regions } = props;
  return (
    <select
      className="select"
      aria-label={props.label ?? props.allLabel}
      value={value}
      onChange={(e) => props.onChange(e.target.value)}
      data-testid={props.testId}
    >
      <option value="">{props.allLabel}</option>
      {value !== '' && !regions.some((r) => r.id === value) && <option value={value}>{value}</option>}
      <RegionOptions regions={regions} lang={props.lang} />
    </select>
  );
}
