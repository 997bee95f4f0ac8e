import { useState } from 'react';
import { withQuery } from '../../api/api-client.ts';
import { useApiData } from '../../api/use-api.ts';
import { ErrorBox } from '../../components/error-box.tsx';
import { Input, Select } from '../../components/form-kit.tsx';
import { RegionFilterSelect } from '../../components/region-options.tsx';
import { useAction } from '../../components/use-action.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { Link } from '../../router/link.tsx';
import { navigate, useAppLocation } from '../../router/router.ts';
import { useRegions } from '../../session/regions-context.tsx';
import { useCan, useSession } from '../../session/session-context.tsx';
import type { ExpertGap, ExpertProfile, ExpertGaps as GapsView } from '../../api/generated/api-schema.ts';
import { expertiseMinePath, putJson } from './expertise-api.ts';
import { ExpertiseTabs } from './expertise-common.tsx';
import { useExpertMines, type AssignedMine } from './use-expert-mines.ts';

/** The gas-control expert service: experts and their mines, and the high-gas / outburst mines with gaps. */
export function GasControlPage() {
  const { t, lang } = useI18n();
  const { session } = useSession();
  const { regions } = useRegions();
  const { query } = useAppLocation();
  const regionId = query.get('regionId') ?? '';
  const may = useCan();
  const experts = useApiData<{ items: ExpertProfile[] }>('/api/expertise/experts');
  const gaps = useApiData<GapsView>(withQuery('/api/expertise/gaps', { regionId }));
  const [generation, setGeneration] = useState(0);
  const assigned = useExpertMines(regionId, gaps.data?.items ?? null, generation);
  const reload = () => {
    experts.reload();
    gaps.reload();
    setGeneration((g) => g + 1);
  };
  const items = gaps.data?.items ?? [];
  const busy = experts.isLoading || gaps.isLoading || assigned.loading;
  const count = (g: 'no_expert' | 'no_recent_assessment') => items.filter((i) => i.gaps.includes(g)).length;

  return (
    <section className="page" data-testid="expertise-gas-page" data-busy={busy ? 'true' : 'false'}>
      <div className="page-head">
        <h1>{t('expertise.gas.title')}</h1>
      </div>
      <ExpertiseTabs current="gas" />
      <div className="filters">
        <RegionFilterSelect
          testId="expertise-filter-region"
          value={regionId}
          onChange={(v) => navigate(withQuery('/expertise', { regionId: v }), { replace: true })}
          regions={regions}
          lang={lang}
          allLabel={t('expertise.filter.allRegions')}
        />
      </div>
      <div className="kpis" data-testid="expertise-kpis">
        <div className="kpi" data-testid="expertise-kpi-mines">
          <div className="kpi-label">{t('expertise.kpi.mines')}</div>
          <div className="kpi-value">{gaps.data ? gaps.data.mines : '—'}</div>
        </div>
        <div className="kpi" data-testid="expertise-kpi-no-expert">
          <div className="kpi-label">{t('expertise.gap.no_expert')}</div>
          <div className="kpi-value">{gaps.data ? count('no_expert') : '—'}</div>
        </div>
        <div className="kpi" data-testid="expertise-kpi-no-assessment">
          <div className="kpi-label">{t('expertise.gap.no_recent_assessment')}</div>
          <div className="kpi-value">{gaps.data ? count('no_recent_assessment') : '—'}</div>
        </div>
        <div className="kpi" data-testid="expertise-kpi-experts">
          <div className="kpi-label">{t('expertise.kpi.experts')}</div>
          <div className="kpi-value">{experts.data ? experts.data.items.length : '—'}</div>
        </div>
      </div>
      {experts.error !== null && <ErrorBox error={experts.error} onRetry={experts.reload} />}
      <div className="card table-wrap">
        <div className="card-head">
          <h2>{t('expertise.experts.title')}</h2>
          {assigned.truncated && <span className="muted">{t('expertise.experts.truncated')}</span>}
        </div>
        <table className="table" data-testid="experts-table">
          <thead>
            <tr>
              <th>{t('expertise.col.expert')}</th>
              <th>{t('expertise.col.specialities')}</th>
              <th>{t('expertise.col.assignedMines')}</th>
            </tr>
          </thead>
          <tbody>
            {experts.data?.items.length === 0 && (
              <tr>
                <td colSpan={3} className="empty">
                  {t('expertise.experts.empty')}
                </td>
              </tr>
            )}
            {experts.data?.items.map((x) => (
              <ExpertRow
                key={x.userId}
                expert={x}
                mines={assigned.byExpert.get(x.userId) ?? []}
                loading={assigned.loading}
                canEdit={
                  may('expertise.assign') || (may('expertise.profile') && session.user.id === x.userId)
                }
                csrfToken={session.csrfToken}
                onChanged={experts.reload}
              />
            ))}
          </tbody>
        </table>
      </div>
      {gaps.error !== null && <ErrorBox error={gaps.error} onRetry={gaps.reload} />}
      <div className="card table-wrap">
        <div className="card-head">
          <h2>{t('expertise.gaps.title')}</h2>
        </div>
        <table className="table" data-testid="expertise-gaps-table">
          <thead>
            <tr>
              <th>{t('expertise.col.mine')}</th>
              <th>{t('expertise.col.gasClass')}</th>
              <th>{t('expertise.col.gaps')}</th>
              <th>{t('expertise.col.lastAssessment')}</th>
              {may('expertise.assign') && <th>{t('expertise.col.action')}</th>}
            </tr>
          </thead>
          <tbody>
            {gaps.data?.items.length === 0 && (
              <tr>
                <td colSpan={5} className="empty" data-testid="expertise-gaps-empty">
                  {t('expertise.gaps.empty')}
                </td>
              </tr>
            )}
            {items.map((g) => (
              <GapRow
                key={g.mineId}
                gap={g}
                experts={experts.data?.items ?? []}
                canAssign={may('expertise.assign')}
                onAssigned={reload}
              />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function ExpertRow({
  expert,
  mines,
  loading,
  canEdit,
  csrfToken,
  onChanged,
}: {
  expert: ExpertProfile;
  mines: AssignedMine[];
  loading: boolean;
  canEdit: boolean;
  csrfToken: string;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(expert.specialities.join('、'));
  const action = useAction(() => {
    setEditing(false);
    onChanged();
  });
  const save = () =>
    void action.runWith(() =>
      putJson(
        `/api/expertise/experts/${encodeURIComponent(expert.userId)}/specialities`,
        {
          specialities: text
            .split(/[,，、;；\n]/)
            .map((s) => s.trim())
            .filter((s) => s !== ''),
        },
        csrfToken,
      ),
    );
  return (
    <tr
      data-testid="expert-row"
      data-expert-id={expert.userId}
      data-mines={mines.map((m) => m.mineId).join(' ')}
    >
      <td>{expert.displayName}</td>
      <td data-testid="expert-specialities">
        {!editing &&
          (expert.specialities.length === 0 ? (
            <span className="muted">—</span>
          ) : (
            expert.specialities.map((s) => (
              <span key={s} className="ex-badge">
                {s}
              </span>
            ))
          ))}
        {editing && (
          <span className="filters">
            <Input
              placeholder={t('expertise.experts.specialitiesHint')}
              testId="expert-specialities-input"
              value={text}
              onChange={setText}
            />
            <button
              type="button"
              className="btn btn-small btn-primary"
              data-testid="expert-specialities-save"
              disabled={action.busy}
              onClick={save}
            >
              {t('expertise.save')}
            </button>
            <button type="button" className="btn btn-small btn-ghost" onClick={() => setEditing(false)}>
              {t('expertise.cancel')}
            </button>
          </span>
        )}
        {canEdit && !editing && (
          <button
            type="button"
            className="btn btn-small btn-ghost"
            data-testid="expert-specialities-edit"
            onClick={() => setEditing(true)}
          >
            {t('expertise.edit')}
          </button>
        )}
        {action.error !== null && <ErrorBox error={action.error} />}
      </td>
      <td data-testid="expert-mines">
        {mines.length === 0 && (
          <span className="muted">{loading ? '…' : t('expertise.experts.noMines')}</span>
        )}
        {mines.map((m) => (
          <Link key={m.assignmentId} to={expertiseMinePath(m.mineId)} className="ex-badge">
            {m.mineName}
          </Link>
        ))}
      </td>
    </tr>
  );
}

function GapRow({
  gap,
  experts,
  canAssign,
  onAssigned,
}: {
  gap: ExpertGap;
  experts: ExpertProfile[];
  canAssign: boolean;
  onAssigned: () => void;
}) {
  const { t } = useI18n();
  const [expertId, setExpertId] = useState('');
  const action = useAction(onAssigned);
  return (
    <tr data-testid="expertise-gap-row" data-mine-id={gap.mineId} data-gaps={gap.gaps.join(' ')}>
      <td>
        <Link to={expertiseMinePath(gap.mineId)} data-testid="expertise-gap-mine">
          {gap.mineName}
        </Link>
      </td>
      <td>{t(`expertise.gasClass.${gap.gasClass}`)}</td>
      <td>
        {gap.gaps.map((g) => (
          <span key={g} className="ex-badge ex-badge-bad" data-testid={`expertise-gap-${g}`}>
            {t(`expertise.gap.${g}`)}
          </span>
        ))}
      </td>
      <td className="tabular">{gap.lastApprovedAssessmentOn ?? '—'}</td>
      {canAssign && !gap.gaps.includes('no_expert') && (
        <td>
          <Link to={expertiseMinePath(gap.mineId)} className="muted">
            {t('expertise.gaps.openCard')}
          </Link>
        </td>
      )}
      {canAssign && gap.gaps.includes('no_expert') && (
        <td>
          <span className="filters">
            <Select
              testId="expertise-assign-expert"
              value={expertId}
              onChange={setExpertId}
              placeholder={t('expertise.assign.choose')}
              options={experts}
              keyOf={(x) => x.userId}
              labelOf={(x) => x.displayName}
            />
            <button
              type="button"
              className="btn btn-small btn-primary"
              data-testid="expertise-assign"
              disabled={action.busy || expertId === ''}
              onClick={() =>
                void action.run('POST', '/api/expertise/assignments', { mineId: gap.mineId, expertId })
              }
            >
              {t('expertise.assign.action')}
            </button>
          </span>
          {action.error !== null && <ErrorBox error={action.error} />}
        </td>
      )}
    </tr>
  );
}
