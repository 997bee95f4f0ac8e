import { withQuery } from '../../api/api-client.ts';
import { useApiData } from '../../api/use-api.ts';
import { TableCard } from '../../components/table-card.tsx';
import { Select } from '../../components/form-kit.tsx';
import { StatusChip } from '../../components/chip.tsx';
import { type Column } from '../../components/data-table.tsx';
import { figureColumn } from '../../components/table-columns.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { Link } from '../../router/link.tsx';
import { navigate, useAppLocation } from '../../router/router.ts';
import type { FormalismFlag, FormalismKind, FormalismView } from '../../api/generated/api-schema.ts';
import { ExpertiseTabPage } from './expertise-common.tsx';

const KINDS: readonly FormalismKind[] = [
  'found_nothing',
  'leader_absent',
  'copied_checklist',
  'never_underground',
  'short_visit',
];
const isKind = (v: string | null): v is FormalismKind =>
  v !== null && (KINDS as readonly string[]).includes(v);
const PERIODS = ['30', '90', '180', '365'];
/** Record ids are long UUIDs: show the prefix and the first block (the full id is in the title). */
const shortId = (id: string): string => (id.length > 16 ? `${id.slice(0, 12)}…` : id);

/** Supervision on paper only: the region's ranked formalism flags, their reasons and their records. */
export function FormalismPage() {
  const { t, lang } = useI18n();
  const { query } = useAppLocation();
  const regionId = query.get('regionId') ?? '';
  const periodDays = query.get('periodDays') ?? '';
  const kindParam = query.get('kind');
  const kind = isKind(kindParam) ? kindParam : '';
  const params = { regionId, periodDays, kind };
  const view = useApiData<FormalismView>(withQuery('/api/expertise/formalism', { regionId, periodDays }));
  const setFilter = (key: string, value: string) =>
    navigate(withQuery('/expertise/formalism', { ...params, [key]: value }), { replace: true });
  const flags = (view.data?.flags ?? []).filter((f) => kind === '' || f.kind === kind);
  const ranked = flags.map((flag, i) => ({ flag, rank: i + 1 }));
  const flagColumns: Column<{ flag: FormalismFlag; rank: number }>[] = [
    figureColumn('rank', '#', (r) => r.rank),
    {
      key: 'kind',
      header: t('expertise.formalism.col.kind'),
      cell: ({ flag }) => <StatusChip tone="danger">{t(`expertise.formalism.kind.${flag.kind}`)}</StatusChip>,
    },
    figureColumn('score', t('expertise.formalism.col.score'), ({ flag }) => flag.score),
    {
      key: 'subject',
      header: t('expertise.formalism.col.subject'),
      cell: ({ flag }) => (
        <>
          {flag.visitorName && <div>{flag.visitorName}</div>}
          {flag.mineId && flag.mineName && (
            <Link to={`/expertise/mines/${encodeURIComponent(flag.mineId)}`} className="muted">
              {flag.mineName}
            </Link>
          )}
        </>
      ),
    },
    {
      key: 'why',
      header: t('expertise.formalism.col.why'),
      cell: ({ flag }) => (
        <span data-testid="formalism-explanation">
          {lang === 'zh-CN' ? flag.explanation.zh : flag.explanation.en}
        </span>
      ),
    },
    {
      key: 'records',
      header: t('expertise.formalism.col.records'),
      cell: ({ flag }) => <FlagRecords flag={flag} />,
    },
  ];
  const ruleColumns: Column<FormalismView['rules'][number]>[] = [
    {
      key: 'kind',
      header: t('expertise.formalism.col.kind'),
      cell: (r) => t(`expertise.formalism.kind.${r.kind}`),
    },
    figureColumn('weight', t('expertise.formalism.col.weight'), (r) => `×${r.weight}`),
    {
      key: 'why',
      header: t('expertise.formalism.col.why'),
      cell: (r) => t(`expertise.formalism.why.${r.kind}`),
    },
  ];

  return (
    <ExpertiseTabPage
      tab="formalism"
      isBusy={view.isLoading}
      region={{
        testId: 'formalism-filter-region',
        value: regionId,
        onChange: (v) => setFilter('regionId', v),
        allLabel: t('expertise.filter.allRegions'),
      }}
      filters={
        <>
          <Select
            label={t('expertise.formalism.periodLabel')}
            testId="formalism-filter-period"
            value={periodDays}
            onChange={(v) => setFilter('periodDays', v)}
            placeholder={t('expertise.formalism.periodDefault', { n: 90 })}
            options={PERIODS}
            labelOf={(p) => t('expertise.formalism.period', { n: p })}
          />
          <Select
            label={t('expertise.formalism.col.kind')}
            testId="formalism-filter-kind"
            value={kind}
            onChange={(v) => setFilter('kind', v)}
            placeholder={t('expertise.formalism.anyKind')}
            options={KINDS}
            labelOf={(k) => t(`expertise.formalism.kind.${k}`)}
          />
          {view.data && (
            <span className="muted" data-testid="formalism-count">
              {t('expertise.formalism.count', { n: flags.length })}
            </span>
          )}
        </>
      }
    >
      <TableCard
        loadError={view.error}
        onRetry={view.reload}
        testId="formalism-table"
        columns={flagColumns}
        rows={view.data ? ranked : undefined}
        rowKey={(r) => r.flag.id}
        rowAttributes={({ flag }) => ({
          'data-testid': 'formalism-row',
          'data-flag-id': flag.id,
          'data-kind': flag.kind,
          'data-score': String(flag.score),
        })}
        empty={t('expertise.formalism.empty')}
        emptyTestId="formalism-empty"
        isCompact
      />
      {view.data && (
        <TableCard
          title={t('expertise.formalism.rules')}
          headExtra={
            <span className="muted" data-testid="formalism-params">
              {t('expertise.formalism.params', {
                period: view.data.params.periodDays,
                short: view.data.params.shortVisitMinutes,
                alarms: view.data.params.quietAlarmThreshold,
                leader: view.data.params.leaderDays,
                run: view.data.params.copiedRun,
              })}
            </span>
          }
          testId="formalism-rules"
          columns={ruleColumns}
          rows={view.data.rules}
          rowKey={(r) => r.kind}
        />
      )}
    </ExpertiseTabPage>
  );
}

/** The records a flag rests on: the visits, alarms and hazards, each a link where it can be opened. */
function FlagRecords({ flag }: { flag: FormalismFlag }) {
  const { t } = useI18n();
  const visitTarget = flag.mineId === null ? null : `/supervision/mines/${encodeURIComponent(flag.mineId)}`;
  // The records by kind, each with where one opens (a visit opens its mine's supervision card, if known).
  const kinds = [
    { kind: 'visit', ids: flag.records.visitIds, to: () => visitTarget },
    { kind: 'alarm', ids: flag.records.alarmIds, to: (id: string) => withQuery('/alarms', { alarm: id }) },
    { kind: 'hazard', ids: flag.records.hazardIds, to: (id: string) => `/hazards/${encodeURIComponent(id)}` },
  ] as const;
  return (
    <span className="ex-flag-records" data-testid="formalism-records">
      {kinds.map(({ kind, ids, to }) =>
        ids.map((id) => {
          const attributes = {
            className: 'mono',
            title: id,
            'data-testid': `formalism-${kind}`,
            [`data-${kind}-id`]: id,
          };
          const text = t(`expertise.formalism.${kind}`, { id: shortId(id) });
          const target = to(id);
          return target === null ? (
            <span key={id} {...attributes}>
              {text}
            </span>
          ) : (
            <Link key={id} to={target} {...attributes}>
              {text}
            </Link>
          );
        }),
      )}
    </span>
  );
}
