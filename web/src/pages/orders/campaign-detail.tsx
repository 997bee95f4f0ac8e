import { useState } from 'react';
import { request, type ApiAnswer } from '../../api/api-client.ts';
import { useApiData } from '../../api/use-api.ts';
import { ErrorBox } from '../../components/error-box.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { regionName } from '../../format.ts';
import { useRegions } from '../../session/regions-context.tsx';
import { useCan } from '../../session/session-context.tsx';

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
        <a
          className="btn btn-small"
          href={`/api/orders/campaigns/${encodeURIComponent(id)}/report?format=csv`}
          data-testid="campaign-csv"
        >
          {t('orders.camp.csv')}
        </a>
      </h3>
      <table className="table">
        <thead>
          <tr>
            <th>{t('camp.report.district')}</th>
            <th>{t('camp.report.minesDone')}</th>
            <th>{t('camp.report.itemsOverdue')}</th>
          </tr>
        </thead>
        <tbody>
          {(data?.districts ?? []).map((d) => (
            <tr key={d.regionId} data-testid={`campaign-district-${d.regionId}`} data-done={d.minesDone}>
              <td>{regionLabel(d.regionId, d.regionName)}</td>
              <td className="tabular">
                {d.minesDone}/{d.minesTotal}
              </td>
              <td className={d.itemsOverdue > 0 ? 'text-danger tabular' : 'tabular'}>{d.itemsOverdue}</td>
            </tr>
          ))}
        </tbody>
      </table>
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
      <div className="table-wrap">
        <table className="table" data-testid="campaign-progress">
          <thead>
            <tr>
              <th>{t('closure.col.code')}</th>
              <th>{t('closure.col.mine')}</th>
              <th>{t('closure.col.region')}</th>
              {campaign.items.map((it, i) => (
                <th key={it.id} title={it.text}>
                  {t('camp.col.item', { n: i + 1 })}
                </th>
              ))}
              <th>{t('camp.col.progress')}</th>
            </tr>
          </thead>
          <tbody>
            {mines.map((m) => (
              <tr key={m.mineId} data-testid={`campaign-mine-${m.mineCode}`} data-done={m.done}>
                <td className="mono">{m.mineCode}</td>
                <td>{m.mineName}</td>
                <td>{regionLabel(m.regionId, m.regionName)}</td>
                {m.items.map((it) => (
                  <td key={it.itemId} className={it.overdue ? 'text-danger' : undefined}>
                    <label className="wf-check" title={it.by ?? undefined}>
                      <input
                        type="checkbox"
                        checked={ticked[`${m.mineId}|${it.itemId}`] ?? it.done}
                        disabled={!canMark || busy}
                        onChange={(e) => void mark(m.mineId, it.itemId, e.target.checked)}
                        data-testid={`campaign-mark-${m.mineCode}-${it.itemId}`}
                      />
                      {it.done ? (it.by ?? '') : it.overdue ? t('camp.item.overdue') : ''}
                    </label>
                  </td>
                ))}
                <td className={m.overdue > 0 ? 'text-danger' : undefined}>
                  {t('orders.camp.done', { done: m.done, total: campaign.items.length })}
                  {m.overdue > 0 ? ` · ${t('orders.camp.overdue', { n: m.overdue })}` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ReportTable key={generation} id={id} />
    </article>
  );
}
