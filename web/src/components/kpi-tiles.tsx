import type { ReactNode } from 'react';

/** One KPI tile: its label, its figure ('—' while unknown), and an optional line or bar under it. */
export interface KpiTile {
  testId: string;
  label: ReactNode;
  /** The figure; null or undefined shows '—' (not loaded yet). */
  value: ReactNode;
  /** Under the figure: a line of detail, a bar. */
  sub?: ReactNode;
  /** An extra class of the tile (`kpi-green`, `kpi-danger`). */
  tone?: string;
  valueTestId?: string;
  valueClassName?: string;
  /** Data attributes of the tile (`data-value`, …). */
  attributes?: Record<`data-${string}`, string | undefined>;
}

/** A row of KPI tiles (`.kpis` / `.kpi`): the figures a page opens with; `lead` stands first (a live tile). */
export function KpiTiles({
  tiles,
  testId,
  lead,
}: {
  tiles: readonly KpiTile[];
  testId?: string;
  lead?: ReactNode;
}) {
  return (
    <div className="kpis" data-testid={testId}>
      {lead}
      {tiles.map((tile) => (
        <div
          className={tile.tone ? `kpi ${tile.tone}` : 'kpi'}
          key={tile.testId}
          data-testid={tile.testId}
          {...tile.attributes}
        >
          <div className="kpi-label">{tile.label}</div>
          <div
            className={tile.valueClassName ? `kpi-value ${tile.valueClassName}` : 'kpi-value'}
            data-testid={tile.valueTestId}
          >
            {tile.value ?? '—'}
          </div>
          {tile.sub}
        </div>
      ))}
    </div>
  );
}
