import { useState } from 'react';
import { ExportControl } from '../../components/export-control.tsx';
import { withQuery } from '../../api/api-client.ts';
import { useApiData } from '../../api/use-api.ts';
import { ErrorBox } from '../../components/error-box.tsx';
import { CheckField } from '../../components/form-kit.tsx';
import { RegionOptions } from '../../components/region-options.tsx';
import { formatDateTime } from '../../format.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { Link } from '../../router/link.tsx';
import { useRegions } from '../../session/regions-context.tsx';
import { useCan, useSession } from '../../session/session-context.tsx';
import {
  hazardStateValues as HAZARD_STATES,
  type HazardBoard as Board,
  type HazardState,
  type HazardView,
} from '../../api/generated/api-schema.ts';

/** The board: counts by state with overdue first, then the filtered list (overdue first). */
export function HazardBoardPage() {
  const { t, lang } = useI18n();
  const { session } = useSession();
  const may = useCan();
  const { regions } = useRegions();
  const [regionId, setRegionId] = useState('');
  const [state, setState] = useState<HazardState | ''>('');
  const [grade, setGrade] = useState<'major' | 'general' | ''>('');
  const [overdue, setOverdue] = useState(false);
  const board = useApiData<Board>(withQuery('/api/hazards/board', { regionId }));
  const listUrl = withQuery('/api/hazards', { regionId, state, grade, overdue: overdue ? 'true' : '' });
  const list = useApiData<{ items: HazardView[] }>(listUrl);
  const busy = board.isLoading || list.isLoading;
  return (
    <section className="page" data-testid="hazards-board" data-busy={busy ? 'true' : 'false'}>
      <h1>{t('hazards.board')}</h1>
      <div className="toolbar">
        {may('hazard.report') && (
          <Link to="/hazards/new" className="button" data-testid="hazard-report-link">
            {t('hazards.report')}
          </Link>
        )}
        {may('hazard.decide') && (
          <Link to="/hazards/proposals" className="button" data-testid="hazard-proposals-link">
            {t('hazards.proposals')}
          </Link>
        )}
        {(may('hazard.review') || may('hazard.selfcheck')) && (
          <Link to="/hazards/self-check" className="button" data-testid="hazard-self-check-link">
            {t('hazards.selfCheck.title')}
          </Link>
        )}
        <ExportControl listUrl={listUrl} />
      </div>
      {board.error !== null && <ErrorBox error={board.error} onRetry={board.reload} />}
      {board.data && (
        <div className="akpis" data-testid="hazard-counts">
          <button
            type="button"
            className={`akpi ${board.data.overdue > 0 ? 'akpi-critical has' : 'zero'} ${overdue ? 'active' : ''}`}
            data-testid="hazard-count-overdue"
            data-value={board.data.overdue}
            onClick={() => setOverdue(!overdue)}
          >
            <span>{t('hazards.overdue')}</span> <strong>{board.data.overdue}</strong>
          </button>
          {board.data.columns.map((c) => (
            <button
              key={c.state}
              type="button"
              className={`akpi ${state === c.state ? 'active' : ''}`}
              data-testid={`hazard-count-${c.state}`}
              data-value={c.total}
              onClick={() => setState(state === c.state ? '' : c.state)}
            >
              <span>{t(`hazards.state.${c.state}`)}</span> <strong>{c.total}</strong>
              {c.overdue > 0 && <em> ({t('hazards.overdueCount', { n: c.overdue })})</em>}
            </button>
          ))}
        </div>
      )}
      <div className="filters">
        {session.user.scope.kind !== 'mine' && regions.length > 0 && (
          <>
            <label>
              {t('hazards.filter.region')}{' '}
              <select
                data-testid="hazard-filter-region"
                value={regionId}
                onChange={(e) => setRegionId(e.target.value)}
              >
                <option value="">{t('hazards.filter.all')}</option>
                <RegionOptions regions={regions} lang={lang} />
              </select>
            </label>{' '}
          </>
        )}
        <label>
          {t('hazards.filter.state')}{' '}
          <select
            data-testid="hazard-filter-state"
            value={state}
            onChange={(e) => setState(e.target.value as HazardState | '')}
          >
            <option value="">{t('hazards.filter.all')}</option>
            {HAZARD_STATES.map((s) => (
              <option key={s} value={s}>
                {t(`hazards.state.${s}`)}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          {t('hazards.filter.grade')}{' '}
          <select
            data-testid="hazard-filter-grade"
            value={grade}
            onChange={(e) => setGrade(e.target.value as 'major' | 'general' | '')}
          >
            <option value="">{t('hazards.filter.all')}</option>
            <option value="major">{t('hazards.grade.major')}</option>
            <option value="general">{t('hazards.grade.general')}</option>
          </select>
        </label>{' '}
        <CheckField
          label={t('hazards.filter.overdueOnly')}
          testId="hazard-filter-overdue"
          checked={overdue}
          onChange={setOverdue}
        />
      </div>
      {list.error !== null && <ErrorBox error={list.error} onRetry={list.reload} />}
      {list.data && list.data.items.length === 0 && (
        <p data-testid="hazard-list-empty">{t('hazards.empty')}</p>
      )}
      {list.data && list.data.items.length > 0 && (
        <table className="table" data-testid="hazard-list">
          <thead>
            <tr>
              <th>{t('hazards.col.title')}</th>
              <th>{t('hazards.col.mine')}</th>
              <th>{t('hazards.col.grade')}</th>
              <th>{t('hazards.col.state')}</th>
              <th>{t('hazards.col.due')}</th>
              <th>{t('hazards.col.escalation')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.items.map((h) => (
              <tr
                key={h.id}
                data-testid="hazard-row"
                data-hazard-id={h.id}
                data-state={h.state}
                data-overdue={h.overdue ? 'true' : 'false'}
              >
                <td>
                  <Link to={`/hazards/${h.id}`} data-testid="hazard-link">
                    {h.title}
                  </Link>
                  <div className="muted">{formatDateTime(h.reportedAt)}</div>
                </td>
                <td>{h.mineName}</td>
                <td>{t(`hazards.grade.${h.grade}`)}</td>
                <td>
                  {t(`hazards.state.${h.state}`)}
                  {h.overdue && (
                    <strong className="overdue" data-testid="hazard-overdue">
                      {' '}
                      {t('hazards.overdue')}
                    </strong>
                  )}
                </td>
                <td>{h.currentDueDate ?? '—'}</td>
                <td>{t(`hazards.escalation.${h.escalation}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
