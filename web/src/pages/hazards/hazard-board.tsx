import { useState } from 'react';
import { ExportControl } from '../../components/export-control.tsx';
import { withQuery } from '../../api/api-client.ts';
import { useApiData } from '../../api/use-api.ts';
import { ErrorBox } from '../../components/error-box.tsx';
import { TableCard } from '../../components/table-card.tsx';
import { buttonClass } from '../../components/button.tsx';
import { StatusChip } from '../../components/chip.tsx';
import { type Column } from '../../components/data-table.tsx';
import { sortedColumn } from '../../components/table-columns.ts';
import { CheckField, SelectField } from '../../components/form-kit.tsx';
import { RegionField } from '../../components/region-field.tsx';
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
  const { t } = useI18n();
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
  const columns: Column<HazardView>[] = [
    {
      key: 'title',
      header: t('hazards.col.title'),
      cell: (h) => (
        <>
          <Link to={`/hazards/${h.id}`} data-testid="hazard-link">
            {h.title}
          </Link>
          <div className="muted">{formatDateTime(h.reportedAt)}</div>
        </>
      ),
      sortValue: (h) => h.reportedAt,
    },
    sortedColumn('mine', t('hazards.col.mine'), (h) => h.mineName),
    {
      key: 'grade',
      header: t('hazards.col.grade'),
      cell: (h) => (
        <StatusChip tone={h.grade === 'major' ? 'danger' : 'neutral'}>
          {t(`hazards.grade.${h.grade}`)}
        </StatusChip>
      ),
      sortValue: (h) => h.grade,
    },
    {
      key: 'state',
      header: t('hazards.col.state'),
      cell: (h) => (
        <>
          {t(`hazards.state.${h.state}`)}
          {h.overdue && (
            <StatusChip tone="danger" testId="hazard-overdue">
              {t('hazards.overdue')}
            </StatusChip>
          )}
        </>
      ),
    },
    sortedColumn('due', t('hazards.col.due'), (h) => h.currentDueDate ?? '', { show: (due) => due || '—' }),
    {
      key: 'escalation',
      header: t('hazards.col.escalation'),
      cell: (h) => t(`hazards.escalation.${h.escalation}`),
    },
  ];
  return (
    <section className="page" data-testid="hazards-board" data-busy={busy ? 'true' : 'false'}>
      <h1>{t('hazards.board')}</h1>
      <div className="wf-actions">
        {may('hazard.report') && (
          <Link to="/hazards/new" className={buttonClass('primary')} data-testid="hazard-report-link">
            {t('hazards.report')}
          </Link>
        )}
        {may('hazard.decide') && (
          <Link to="/hazards/proposals" className={buttonClass()} data-testid="hazard-proposals-link">
            {t('hazards.proposals')}
          </Link>
        )}
        {(may('hazard.review') || may('hazard.selfcheck')) && (
          <Link to="/hazards/self-check" className={buttonClass()} data-testid="hazard-self-check-link">
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
      <div className="form-row" role="search">
        {session.user.scope.kind !== 'mine' && regions.length > 0 && (
          <RegionField
            label={t('hazards.filter.region')}
            placeholder={t('hazards.filter.all')}
            testId="hazard-filter-region"
            value={regionId}
            onChange={setRegionId}
          />
        )}
        <SelectField
          label={t('hazards.filter.state')}
          testId="hazard-filter-state"
          value={state}
          onChange={(v) => setState(v as HazardState | '')}
          options={HAZARD_STATES}
          labelOf={(s) => t(`hazards.state.${s}`)}
          placeholder={t('hazards.filter.all')}
        />
        <SelectField
          label={t('hazards.filter.grade')}
          testId="hazard-filter-grade"
          value={grade}
          onChange={(v) => setGrade(v === 'major' || v === 'general' ? v : '')}
          options={['major', 'general'] as const}
          labelOf={(g) => t(`hazards.grade.${g}`)}
          placeholder={t('hazards.filter.all')}
        />
        <CheckField
          label={t('hazards.filter.overdueOnly')}
          testId="hazard-filter-overdue"
          checked={overdue}
          onChange={setOverdue}
        />
      </div>
      <TableCard
        loadError={list.error}
        onRetry={list.reload}
        testId="hazard-list"
        columns={columns}
        rows={list.data?.items}
        rowKey={(h) => h.id}
        rowAttributes={(h) => ({
          'data-testid': 'hazard-row',
          'data-hazard-id': h.id,
          'data-state': h.state,
          'data-overdue': h.overdue ? 'true' : 'false',
        })}
        empty={t('hazards.empty')}
        emptyTestId="hazard-list-empty"
        pageSize={50}
      />
    </section>
  );
}
