import { EffectScatterChart, ScatterChart } from 'echarts/charts';
import { GeoComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef, useState } from 'react';
import { withQuery } from '../../api/api-client.ts';
import type { MineStatus } from '../../api/generated/api-schema.ts';
import { useApiData } from '../../api/use-api.ts';
import { ErrorBox } from '../../components/error-box.tsx';
import { RegionOptions } from '../../components/region-options.tsx';
import { STATUS_BAR_COLORS } from '../../components/status-colors.ts';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { formatCapacity, formatCount } from '../../format.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { minePath, navigate, useAppLocation } from '../../router/router.ts';
import { useRegions } from '../../session/regions-context.tsx';
import type { MapMine, MapMinesResponse } from '../../api/generated/api-schema.ts';
import { regionOutlines } from './mine-map.ts';
import './map.css';

echarts.use([ScatterChart, EffectScatterChart, GeoComponent, TooltipComponent, CanvasRenderer]);

const STATUSES = Object.keys(STATUS_BAR_COLORS) as MineStatus[];
const ALARM_RING = '#d1242f';

/** Where a mine is drawn, for the browser test and for keyboard users' "first mine" shortcut. */
interface MarkerSpot {
  id: string;
  x: number;
  y: number;
}

/**
 * The mines of the user's scope on an offline map: district/county areas drawn around their mines, each
 * mine coloured by status with a red ring while it has open alarms; a click opens the mine.
 */
export function MapPage() {
  const { t, lang } = useI18n();
  useDocumentTitle(t('map.title'));
  const { regions } = useRegions();
  const location = useAppLocation();
  const regionId = location.query.get('regionId') ?? '';
  const data = useApiData<MapMinesResponse>(
    withQuery('/api/map/mines', { regionId: regionId === '' ? undefined : regionId }),
  );
  const holder = useRef<HTMLDivElement | null>(null);
  const [spot, setSpot] = useState<MarkerSpot | null>(null);
  const mines = useMemo(() => data.data?.mines ?? [], [data.data]);

  const byStatus = useMemo(() => {
    const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<MineStatus, number>;
    for (const m of mines) counts[m.status] = (counts[m.status] ?? 0) + 1;
    return counts;
  }, [mines]);

  useEffect(() => {
    const el = holder.current;
    if (el === null || mines.length === 0) return;
    const mapName = `redline-${regionId || 'scope'}`;
    const outlines = regionOutlines(mines);
    echarts.registerMap(mapName, outlines);
    const chart = echarts.init(el, undefined, { renderer: 'canvas' });
    const point = (m: MapMine) => ({
      name: m.name,
      value: [m.longitude, m.latitude],
      mine: m,
    });
    const tooltip = (p: { data?: { mine?: MapMine } }) => {
      const m = p.data?.mine;
      if (!m) return '';
      const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
      const lines = [
        `<b>${esc(m.name)}</b> ${esc(m.code)}`,
        `${t('map.tooltip.status')}: ${t(`status.${m.status}`)}`,
        `${t('map.tooltip.region')}: ${esc(m.regionName)}`,
        `${t('map.tooltip.capacity')}: ${formatCapacity(m.approvedCapacityTPerYear, lang)}`,
      ];
      if (m.openAlarms > 0 && m.alarmPriority !== null)
        lines.push(
          t('map.alarm.count', {
            n: m.openAlarms,
            priority: t(`priority.${m.alarmPriority as 'critical'}`),
          }),
        );
      return lines.join('<br/>');
    };
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'item', formatter: tooltip },
      geo: {
        map: mapName,
        roam: true,
        scaleLimit: { min: 0.8, max: 40 },
        itemStyle: { areaColor: '#f3f5f8', borderColor: '#9aa4b2', borderWidth: 1 },
        emphasis: { itemStyle: { areaColor: '#e6ebf2' }, label: { show: true } },
        // Area names only where they do not bury the mines: a few areas, or on hover.
        label: { show: outlines.features.length <= 8, color: '#57606a', fontSize: 11 },
        silent: false,
      },
      series: [
        ...STATUSES.map((status) => ({
          name: t(`status.${status}`),
          type: 'scatter' as const,
          coordinateSystem: 'geo',
          symbolSize: (_: unknown, p: { data: { mine: MapMine } }) =>
            p.data.mine.approvedCapacityTPerYear >= 900_000 ? 11 : 8,
          itemStyle: { color: STATUS_BAR_COLORS[status], borderColor: '#fff', borderWidth: 1 },
          data: mines.filter((m) => m.status === status).map(point),
          zlevel: 1,
        })),
        {
          name: t('map.alarm'),
          type: 'effectScatter' as const,
          coordinateSystem: 'geo',
          symbolSize: 16,
          rippleEffect: { brushType: 'stroke', scale: 2.2 },
          itemStyle: { color: 'transparent', borderColor: ALARM_RING, borderWidth: 2 },
          data: mines.filter((m) => m.alarmPriority === 'critical' || m.alarmPriority === 'high').map(point),
          zlevel: 2,
        },
      ],
    });
    chart.on('click', (p) => {
      const m = (p.data as { mine?: MapMine } | undefined)?.mine;
      if (m) navigate(minePath(m.id));
    });
    const first = mines[0]!;
    const place = () => {
      const px = chart.convertToPixel({ geoIndex: 0 }, [first.longitude, first.latitude]) as
        [number, number] | undefined;
      if (px) setSpot({ id: first.id, x: Math.round(px[0]), y: Math.round(px[1]) });
    };
    chart.on('finished', place);
    const resize = new ResizeObserver(() => chart.resize());
    resize.observe(el);
    return () => {
      resize.disconnect();
      chart.dispose();
    };
  }, [mines, regionId, t, lang]);

  return (
    <div className="page map-page">
      <div className="page-head">
        <h1>{t('map.title')}</h1>
        <label className="map-region">
          {t('map.region')}{' '}
          <select
            value={regionId}
            data-testid="map-region"
            onChange={(e) =>
              navigate(withQuery('/map', { regionId: e.target.value === '' ? undefined : e.target.value }), {
                replace: true,
              })
            }
          >
            <option value="">—</option>
            <RegionOptions regions={regions} lang={lang} />
          </select>
        </label>
      </div>
      {data.error !== null && <ErrorBox error={data.error} onRetry={data.reload} testId="map-error" />}
      {data.data !== null && (
        <>
          <p className="muted" data-testid="map-summary">
            {t('map.count', { n: formatCount(mines.length, lang) })}
            {data.data.withoutPosition > 0 && (
              <> · {t('map.withoutPosition', { n: formatCount(data.data.withoutPosition, lang) })}</>
            )}
            {' · '}
            {t('map.open')}
          </p>
          {mines.length === 0 ? (
            <p className="empty" data-testid="map-empty">
              {t('map.empty')}
            </p>
          ) : (
            <div
              ref={holder}
              className="map-canvas"
              data-testid="mine-map"
              data-mines={mines.length}
              data-first-mine={spot?.id}
              data-first-mine-x={spot?.x}
              data-first-mine-y={spot?.y}
              role="img"
              aria-label={t('map.count', { n: formatCount(mines.length, lang) })}
            />
          )}
          <div className="map-legend" data-testid="map-legend">
            <span className="muted">{t('map.legend.status')}</span>
            <ul>
              {STATUSES.map((s) => (
                <li key={s} data-testid={`map-legend-${s}`}>
                  <span className="map-dot" style={{ background: STATUS_BAR_COLORS[s] }} aria-hidden="true" />
                  {t(`status.${s}`)} {formatCount(byStatus[s], lang)}
                </li>
              ))}
              <li>
                <span className="map-dot map-dot-alarm" aria-hidden="true" />
                {t('map.alarm')}{' '}
                {formatCount(
                  mines.filter((m) => m.alarmPriority === 'critical' || m.alarmPriority === 'high').length,
                  lang,
                )}
              </li>
            </ul>
            <p className="muted">{t('map.outlineNote')}</p>
          </div>
        </>
      )}
    </div>
  );
}
