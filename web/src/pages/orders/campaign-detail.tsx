import { useState } from 'react';
import { request, type ApiAnswer } from '../../api/api-client.ts';
import { useApiData } from '../../api/use-api.ts';
import { DataTable, type Column } from '../../components/data-table.tsx';
import { ButtonLink } from '../../components/button.tsx';
import { ErrorBox } from '../../components/error-box.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { regionName } from '../../format.ts';
import { useRegions } from '../../session/regions-context.tsx';
import { useCan } from '../../session/session-context.tsx';

type CampaignMine = ApiAnswer<'/api/orders/campaigns/{id}'>['mines'][number];

/** A region's name in the user's language (the server's rows carry the Chinese one). */
function useRegionLabel(): (id: string, fallback: string) => string {
  const { lang } = useI18n();
  const { regions } = useRegions();
  return (id, fallback) => {
    const r = regions.find((x) => x.id === id);
    return r ? regionName(r, lang) : fallback;
  };
}

/** The campaign's report: per district, mines with every item done, and items overdue; CSV too. */
function ReportTable({ id }: { id: string }) {
  const { t } = useI18n();
  const regionLabel = useRegionLabel();
  const { data, error, isLoading, reload } = useApiData<
    Exclude<ApiAnswer<'/api/orders/campaigns/{id}/report'>, string>
  >(`/api/orders/campaigns/${encodeURIComponent(id)}/report`);
  if (error !== null) return <ErrorBox error={error} onRetry={reload} />;
  return (
    <section data-testid="campaign-report" data-busy={isLoading ? 'true' : 'false'}>
      <h3>
        {t('camp.report.title')}{' '}
        <ButtonLink
          href={`/api/orders/campaigns/${encodeURIComponent(id)}/report?format=csv`}
          testId="campaign-csv"
        >
          {t('orders.camp.csv')}
        </ButtonLink>
      </h3>
      <DataTable
        columns={[
          {
            key: 'district',
            header: t('camp.report.district'),
            cell: (d) => regionLabel(d.regionId, d.regionName),
          },
          {
            key: 'done',
            header: t('camp.report.minesDone'),
            cell: (d) => `${d.minesDone}/${d.minesTotal}`,
            className: 'tabular',
          },
          {
            key: 'overdue',
            header: t('camp.report.itemsOverdue'),
            cell: (d) => (
              <span className={d.itemsOverdue > 0 ? 'text-danger' : undefined}>{d.itemsOverdue}</span>
            ),
            className: 'tabular',
          },
        ]}
        rows={data?.districts}
        rowKey={(d) => d.regionId}
        rowAttributes={(d) => ({
          'data-testid': `campaign-district-${d.regionId}`,
          'data-done': String(d.minesDone),
        })}
      />
    </section>
  );
}

/**
 * One campaign: its checklist, each mine's progress (who may record it ticks items; the server keeps
 * who and when), and its report by district.
 */
export function CampaignDetail({ id }: { id: string }) {
  const { t } = useI18n();
  const regionLabel = useRegionLabel();
  const may = useCan();
  // The report is re-read (remounted) after each mark: it is derived from the marks.
  const [generation, setGeneration] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // What the user just ticked, shown at once; kept after success (the server then agrees), dropped on error.
  const [ticked, setTicked] = useState<Record<string, boolean>>({});
  const {
    data,
    error: loadError,
    isLoading,
    reload,
  } = useApiData<ApiAnswer<'/api/orders/campaigns/{id}'>>(`/api/orders/campaigns/${encodeURIComponent(id)}`);
  if (loadError !== null) return <ErrorBox error={loadError} onRetry={reload} />;
  if (data === null) return <p data-testid="campaign-detail" data-busy="true" />;
  const { campaign, mines } = data;
  const canMark = may('campaign.progress');
  const mark = async (mineId: string, itemId: string, done: boolean) => {
    const key = `${mineId}|${itemId}`;
    setTicked((x) => ({ ...x, [key]: done }));
    setBusy(true);
    setError(null);
    try {
      await request('POST', `/api/orders/campaigns/${encodeURIComponent(id)}/marks`, {
        body: { mineId, itemId, done },
      });
      reload();
      setGeneration((g) => g + 1);
    } catch (x) {
      setTicked(({ [key]: _dropped, ...rest }) => rest);
      setError(x);
    } finally {
      setBusy(false);
    }
  };
  const progressColumns: Column<CampaignMine>[] = [
    { key: 'code', header: t('closure.col.code'), cell: (m) => m.mineCode, className: 'mono' },
    { key: 'mine', header: t('closure.col.mine'), cell: (m) => m.mineName },
    { key: 'region', header: t('closure.col.region'), cell: (m) => regionLabel(m.regionId, m.regionName) },
    ...campaign.items.map((item, i): Column<CampaignMine> => ({
      key: `item-${item.id}`,
      header: t('camp.col.item', { n: i + 1 }),
      cell: (m) => {
        const it = m.items.find((x) => x.itemId === item.id);
        return it === undefined ? null : (
          <label className={it.overdue ? 'wf-check text-danger' : 'wf-check'} title={it.by ?? undefined}>
            <input
              type="checkbox"
              checked={ticked[`${m.mineId}|${it.itemId}`] ?? it.done}
              disabled={!canMark || busy}
              onChange={(e) => void mark(m.mineId, it.itemId, e.target.checked)}
              data-testid={`campaign-mark-${m.mineCode}-${it.itemId}`}
            />
            {it.done ? (it.by ?? '') : it.overdue ? t('camp.item.overdue') : ''}
          </label>
        );
      },
    })),
    {
      key: 'progress',
      header: t('camp.col.progress'),
      cell: (m) => (
        <span className={m.overdue > 0 ? 'text-danger' : undefined}>
          {t('orders.camp.done', { done: m.done, total: campaign.items.length })}
          {m.overdue > 0 ? ` · ${t('orders.camp.overdue', { n: m.overdue })}` : ''}
        </span>
      ),
    },
  ];
  return (
    <article
      className="card wf-card"
      data-testid="campaign-detail"
      data-busy={isLoading || busy ? 'true' : 'false'}
    >
      <header className="wf-card-head">
        <h2 data-testid="campaign-detail-name">{campaign.name}</h2>
        <span className="tag">
          {t('orders.camp.period', { from: campaign.startsOn, to: campaign.endsOn })}
        </span>
      </header>
      <ol className="wf-chain">
        {campaign.items.map((it, i) => (
          <li key={it.id}>
            <strong>{t('camp.col.item', { n: i + 1 })}</strong> {it.text}{' '}
            <span className="muted">({t('camp.item.due', { date: it.dueOn })})</span>
          </li>
        ))}
      </ol>
      {error !== null && <ErrorBox error={error} testId="campaign-mark-error" />}
      <DataTable
        testId="campaign-progress"
        columns={progressColumns}
        rows={mines}
        rowKey={(m) => m.mineId}
        rowAttributes={(m) => ({ 'data-testid': `campaign-mine-${m.mineCode}`, 'data-done': String(m.done) })}
      />
      <ReportTable key={generation} id={id} />
    </article>
  );
}
