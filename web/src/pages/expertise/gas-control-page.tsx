import { useState } from 'react';
import { withQuery } from '../../api/api-client.ts';
import { useApiData } from '../../api/use-api.ts';
import { Button } from '../../components/button.tsx';
import { type Column } from '../../components/data-table.tsx';
import { sortedColumn } from '../../components/table-columns.ts';
import { KpiTiles } from '../../components/kpi-tiles.tsx';
import { TableCard } from '../../components/table-card.tsx';
import { ActionError, Input, Select } from '../../components/form-kit.tsx';
import { useAction } from '../../components/use-action.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { Link } from '../../router/link.tsx';
import { navigate, useAppLocation } from '../../router/router.ts';
import { useCan, useSession } from '../../session/session-context.tsx';
import type { ExpertGap, ExpertProfile, ExpertGaps as GapsView } from '../../api/generated/api-schema.ts';
import { expertiseMinePath, putJson } from './expertise-api.ts';
import { ExpertiseTabPage } from './expertise-common.tsx';
import { useExpertMines, type AssignedMine } from './use-expert-mines.ts';

/** The gas-control expert service: experts and their mines, and the high-gas / outburst mines with gaps. */
export function GasControlPage() {
  const { t } = useI18n();
  const { session } = useSession();
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

  const canAssign = may('expertise.assign');
  const expertColumns: Column<ExpertProfile>[] = [
    sortedColumn('name', t('expertise.col.expert'), (x) => x.displayName),
    {
      key: 'specialities',
      header: t('expertise.col.specialities'),
      cell: (x) => (
        <Specialities
          expert={x}
          canEdit={canAssign || (may('expertise.profile') && session.user.id === x.userId)}
          csrfToken={session.csrfToken}
          onChanged={experts.reload}
        />
      ),
    },
    {
      key: 'mines',
      header: t('expertise.col.assignedMines'),
      cell: (x) => <AssignedMines mines={assigned.byExpert.get(x.userId) ?? []} loading={assigned.loading} />,
    },
  ];
  const gapColumns: Column<ExpertGap>[] = [
    {
      key: 'mine',
      header: t('expertise.col.mine'),
      cell: (g) => (
        <Link to={expertiseMinePath(g.mineId)} data-testid="expertise-gap-mine">
          {g.mineName}
        </Link>
      ),
      sortValue: (g) => g.mineName,
    },
    {
      key: 'gasClass',
      header: t('expertise.col.gasClass'),
      cell: (g) => t(`expertise.gasClass.${g.gasClass}`),
    },
    {
      key: 'gaps',
      header: t('expertise.col.gaps'),
      cell: (g) =>
        g.gaps.map((x) => (
          <span key={x} className="ex-badge ex-badge-bad" data-testid={`expertise-gap-${x}`}>
            {t(`expertise.gap.${x}`)}
          </span>
        )),
    },
    sortedColumn('assessment', t('expertise.col.lastAssessment'), (g) => g.lastApprovedAssessmentOn ?? '', {
      show: (on) => on || '—',
      className: 'tabular',
    }),
    ...(canAssign
      ? [
          {
            key: 'action',
            header: t('expertise.col.action'),
            cell: (g: ExpertGap) => (
              <AssignCell gap={g} experts={experts.data?.items ?? []} onAssigned={reload} />
            ),
          },
        ]
      : []),
  ];

  return (
    <ExpertiseTabPage
      tab="gas"
      isBusy={busy}
      region={{
        testId: 'expertise-filter-region',
        value: regionId,
        onChange: (v) => navigate(withQuery('/expertise', { regionId: v }), { replace: true }),
        allLabel: t('expertise.filter.allRegions'),
      }}
    >
      <KpiTiles
        testId="expertise-kpis"
        tiles={[
          { testId: 'expertise-kpi-mines', label: t('expertise.kpi.mines'), value: gaps.data?.mines },
          {
            testId: 'expertise-kpi-no-expert',
            label: t('expertise.gap.no_expert'),
            value: gaps.data && count('no_expert'),
          },
          {
            testId: 'expertise-kpi-no-assessment',
            label: t('expertise.gap.no_recent_assessment'),
            value: gaps.data && count('no_recent_assessment'),
          },
          {
            testId: 'expertise-kpi-experts',
            label: t('expertise.kpi.experts'),
            value: experts.data?.items.length,
          },
        ]}
      />
      <TableCard
        title={t('expertise.experts.title')}
        headExtra={assigned.truncated && <span className="muted">{t('expertise.experts.truncated')}</span>}
        loadError={experts.error}
        onRetry={experts.reload}
        testId="experts-table"
        columns={expertColumns}
        rows={experts.data?.items}
        rowKey={(x) => x.userId}
        rowAttributes={(x) => ({
          'data-testid': 'expert-row',
          'data-expert-id': x.userId,
          'data-mines': (assigned.byExpert.get(x.userId) ?? []).map((m) => m.mineId).join(' '),
        })}
        empty={t('expertise.experts.empty')}
      />
      <TableCard
        title={t('expertise.gaps.title')}
        loadError={gaps.error}
        onRetry={gaps.reload}
        testId="expertise-gaps-table"
        columns={gapColumns}
        rows={gaps.data?.items}
        rowKey={(g) => g.mineId}
        rowAttributes={(g) => ({
          'data-testid': 'expertise-gap-row',
          'data-mine-id': g.mineId,
          'data-gaps': g.gaps.join(' '),
        })}
        empty={t('expertise.gaps.empty')}
        emptyTestId="expertise-gaps-empty"
        pageSize={50}
      />
    </ExpertiseTabPage>
  );
}
/** An expert's specialities, edited in place by the expert or a regulator who assigns. */
function Specialities({
  expert,
  canEdit,
  csrfToken,
  onChanged,
}: {
  expert: ExpertProfile;
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
    <span data-testid="expert-specialities">
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
            label={t('expertise.col.specialities')}
            testId="expert-specialities-input"
            value={text}
            onChange={setText}
          />
          <Button
            variant="primary"
            size="small"
            testId="expert-specialities-save"
            disabled={action.busy}
            onClick={save}
          >
            {t('expertise.save')}
          </Button>
          <Button variant="ghost" size="small" onClick={() => setEditing(false)}>
            {t('expertise.cancel')}
          </Button>
        </span>
      )}
      {canEdit && !editing && (
        <Button
          variant="ghost"
          size="small"
          testId="expert-specialities-edit"
          onClick={() => setEditing(true)}
        >
          {t('expertise.edit')}
        </Button>
      )}
      <ActionError action={action} testId="expert-specialities-error" />
    </span>
  );
}

/** The mines an expert is assigned to, each a link to its expertise card. */
function AssignedMines({ mines, loading }: { mines: AssignedMine[]; loading: boolean }) {
  const { t } = useI18n();
  return (
    <span data-testid="expert-mines">
      {mines.length === 0 && <span className="muted">{loading ? '…' : t('expertise.experts.noMines')}</span>}
      {mines.map((m) => (
        <Link key={m.assignmentId} to={expertiseMinePath(m.mineId)} className="ex-badge">
          {m.mineName}
        </Link>
      ))}
    </span>
  );
}

/** A regulator assigns an expert to a mine that has none (or opens the mine's card). */
function AssignCell({
  gap,
  experts,
  onAssigned,
}: {
  gap: ExpertGap;
  experts: ExpertProfile[];
  onAssigned: () => void;
}) {
  const { t } = useI18n();
  const [expertId, setExpertId] = useState('');
  const action = useAction(onAssigned);
  if (!gap.gaps.includes('no_expert'))
    return (
      <Link to={expertiseMinePath(gap.mineId)} className="muted">
        {t('expertise.gaps.openCard')}
      </Link>
    );
  return (
    <>
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
        <Button
          variant="primary"
          size="small"
          testId="expertise-assign"
          disabled={action.busy || expertId === ''}
          onClick={() =>
            void action.run('POST', '/api/expertise/assignments', { mineId: gap.mineId, expertId })
          }
        >
          {t('expertise.assign.action')}
        </Button>
      </span>
      <ActionError action={action} testId="expertise-assign-error" />
    </>
  );
}
