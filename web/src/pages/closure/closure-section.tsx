import { NotForRole } from '../../components/not-for-role.tsx';
import { ExportControl } from '../../components/export-control.tsx';
import { useState } from 'react';
import { request } from '../../api/api-client.ts';
import { useApiData } from '../../api/use-api.ts';
import { ErrorBox } from '../../components/error-box.tsx';
import { FormCard } from '../../components/form-card.tsx';
import { ActionError, SelectField, TextAreaField } from '../../components/form-kit.tsx';
import { SpecForm, useSpecForm, type FormSpec } from '../../components/post-form.tsx';
import { Button } from '../../components/button.tsx';
import { StatusChip } from '../../components/chip.tsx';
import { DataTable, type Column } from '../../components/data-table.tsx';
import { TableCard } from '../../components/table-card.tsx';
import { sortedColumn, figureColumn } from '../../components/table-columns.ts';
import { SectionTabs } from '../../components/section-tabs.tsx';
import { useAction } from '../../components/use-action.ts';
import { MinePicker, type PickedMine } from '../../components/mine-picker.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { Link } from '../../router/link.tsx';
import { navigate } from '../../router/router.ts';
import { useCan } from '../../session/session-context.tsx';
import { CaseDetail } from './closure-case.tsx';
import { ClosureDetail } from './closure-detail.tsx';
import { PolicyListForm, TargetForm } from './closure-forms.tsx';
import type {
  ClosureCandidate as Candidate,
  CrackdownCase as CaseView,
  ClosureSummary as ClosureView,
  PopulationHistory as PopulationHistoryView,
  TargetProgress as TargetProgressView,
  UnfiledMine,
} from '../../api/generated/api-schema.ts';
import { PopulationHistoryTable } from './population-history.tsx';
import { StatusPill } from '../../components/status-pill.tsx';
import { afterCreate } from '../follow-up/after-create.ts';
import type { Prefill } from '../follow-up/prefill.ts';
import { PrefillGate } from '../follow-up/prefill-gate.tsx';

const TABS = ['', 'candidates', 'targets', 'cases'] as const;

const NEW_CLOSURE_FORM: FormSpec = {
  testId: 'closure-new',
  idPrefix: 'closure-new',
  className: 'card form-row',
  submitLabel: 'closure.create',
  fields: [{ name: 'reason', label: 'closure.reason' }],
};

function NewClosureForm({ onCreated }: { onCreated: (id: string) => void }) {
  const { t } = useI18n();
  const [mine, setMine] = useState<PickedMine | null>(null);
  const { form, action } = useSpecForm({ reason: '' }, []);
  const submit = () =>
    void action.runWith(async () => onCreated(await openClosureFile(mine?.id ?? '', form.values.reason)));
  return (
    <SpecForm
      spec={NEW_CLOSURE_FORM}
      form={form}
      action={action}
      onSubmit={submit}
      lead={
        <MinePicker
          value={mine}
          onChange={setMine}
          statuses={['construction', 'producing', 'suspended', 'resumption_review']}
          label={t('closure.mineId')}
          testId="closure-new-mine"
        />
      }
    />
  );
}

/** Opens the closure file of a mine (a closing mine's attaches; others go closing), then shows it. */
async function openClosureFile(mineId: string, reason: string): Promise<string> {
  const r = await request<{ closure: { id: string } }>('POST', '/api/closure/closures', {
    body: { mineId, reason },
  });
  return r.closure.id;
}

function ClosuresList() {
  const { t } = useI18n();
  const may = useCan();
  const { data, error, isLoading, reload } = useApiData<{ closures: ClosureView[]; unfiled?: UnfiledMine[] }>(
    '/api/closure/closures',
  );
  const action = useAction();
  const unfiled = data?.unfiled ?? [];
  const isRegulator = may('closure.manage');
  const file = (m: UnfiledMine) =>
    void action.runWith(async () =>
      navigate(`/closure/${await openClosureFile(m.mineId, t('closure.fileReason'))}`),
    );
  const columns: Column<ClosureView>[] = [
    {
      key: 'mine',
      header: t('closure.col.mine'),
      cell: (c) => <Link to={`/closure/${c.id}`}>{c.mineName}</Link>,
      sortValue: (c) => c.mineName,
    },
    {
      key: 'status',
      header: t('closure.col.status'),
      cell: (c) => t(`closure.status.${c.status}`),
      sortValue: (c) => c.status,
    },
    figureColumn('steps', t('closure.col.steps'), (c) => `${c.stepsVerified ?? 0}/${c.stepsTotal ?? 0}`),
  ];
  const unfiledColumns: Column<UnfiledMine>[] = [
    { key: 'code', header: t('closure.col.code'), cell: (m) => m.code, className: 'mono' },
    sortedColumn('mine', t('closure.col.mine'), (m) => m.name),
    { key: 'region', header: t('closure.col.region'), cell: (m) => m.regionName },
    { key: 'status', header: t('closure.col.status'), cell: (m) => <StatusPill status={m.status} /> },
    sortedColumn('since', t('closure.col.since'), (m) => m.statusSince, {
      show: (since) => since.slice(0, 10),
    }),
    {
      key: 'action',
      header: t('closure.col.action'),
      isHeaderHidden: true,
      cell: (m) =>
        isRegulator &&
        m.status === 'closing' && (
          <Button size="small" onClick={() => file(m)} testId={`closure-file-${m.code}`}>
            {t('closure.unfiled.open')}
          </Button>
        ),
    },
  ];
  return (
    <div data-testid="closure-list" data-busy={isLoading ? 'true' : 'false'} className="wf-stack">
      {isRegulator && <NewClosureForm onCreated={(id) => navigate(`/closure/${id}`)} />}
      {error !== null && <ErrorBox error={error} onRetry={reload} />}
      <ActionError action={action} testId="closure-file-error" />
      <TableCard
        columns={columns}
        rows={data?.closures}
        rowKey={(c) => c.id}
        rowAttributes={(c) => ({ 'data-testid': `closure-row-${c.mineId}` })}
        empty={t('closure.empty')}
        caption={t('nav.closure')}
        testId="closure-table"
        pageSize={50}
      />
      {unfiled.length > 0 && (
        <div className="card wf-card">
          <h2>{t('closure.unfiled.title')}</h2>
          <p className="muted">{t('closure.unfiled.hint')}</p>
          <DataTable
            columns={unfiledColumns}
            rows={unfiled}
            rowKey={(m) => m.mineId}
            rowAttributes={(m) => ({ 'data-testid': `closure-unfiled-${m.code}`, 'data-status': m.status })}
            testId="closure-unfiled"
            pageSize={50}
          />
        </div>
      )}
    </div>
  );
}

function CandidatesPanel() {
  const { t } = useI18n();
  const may = useCan();
  const { data, error, isLoading, reload } = useApiData<{ candidates: Candidate[] }>(
    '/api/closure/candidates',
  );
  const action = useAction();
  const isRegulator = may('closure.manage');
  const start = (c: Candidate) =>
    void action.runWith(async () => {
      const reason = c.rules.map((r) => t(`closure.rule.${r}`)).join('；');
      navigate(`/closure/${await openClosureFile(c.mineId, reason)}`);
    });
  const columns: Column<Candidate>[] = [
    sortedColumn('mine', t('closure.col.mine'), (c) => c.mineName),
    sortedColumn('region', t('closure.col.region'), (c) => c.regionName),
    figureColumn('capacity', t('closure.col.capacity'), (c) => c.approvedCapacityTPerYear.toLocaleString(), {
      sortValue: (c) => c.approvedCapacityTPerYear,
    }),
    {
      key: 'rules',
      header: t('closure.col.rules'),
      cell: (c) => c.rules.map((r) => t(`closure.rule.${r}`)).join(' · '),
    },
    {
      key: 'action',
      header: t('closure.col.action'),
      isHeaderHidden: true,
      cell: (c) =>
        isRegulator &&
        c.status !== 'closing' &&
        c.status !== 'closed' && (
          <Button size="small" onClick={() => start(c)} testId={`candidate-start-${c.mineId}`}>
            {t('closure.create')}
          </Button>
        ),
    },
  ];
  return (
    <div data-testid="closure-candidates" data-busy={isLoading ? 'true' : 'false'} className="wf-stack">
      {isRegulator && <PolicyListForm onDone={reload} />}
      {error !== null && <ErrorBox error={error} onRetry={reload} />}
      <ActionError action={action} testId="candidate-start-error" />
      <TableCard
        columns={columns}
        rows={data?.candidates}
        rowKey={(c) => c.mineId}
        rowAttributes={(c) => ({ 'data-testid': `candidate-${c.mineId}` })}
        empty={t('closure.candidates.empty')}
        caption={t('closure.tab.candidates')}
        pageSize={50}
      />
    </div>
  );
}

function TargetsPanel() {
  const { t } = useI18n();
  const may = useCan();
  const { data, error, isLoading, reload } = useApiData<{ targets: TargetProgressView[] }>(
    '/api/closure/targets',
  );
  const columns: Column<TargetProgressView>[] = [
    { key: 'region', header: t('closure.target.region'), cell: (p) => p.target.regionName },
    sortedColumn('deadline', t('closure.target.deadline'), (p) => p.target.deadline),
    figureColumn(
      'mines',
      t('closure.target.mines'),
      (p) => `${p.minesClosed}/${p.target.minesToClose} (${p.minesPercent}%)`,
    ),
    {
      key: 'capacity',
      header: t('closure.target.capacity'),
      cell: (p) =>
        `${p.capacityWithdrawnTPerYear.toLocaleString()}/${p.target.capacityToWithdrawTPerYear.toLocaleString()} t/a (${p.capacityPercent}%)`,
      isNumeric: true,
    },
    {
      key: 'state',
      header: t('closure.col.status'),
      cell: (p) =>
        p.met ? (
          <StatusChip tone="ok">{t('closure.target.met')}</StatusChip>
        ) : p.overdue ? (
          <StatusChip tone="danger">{t('closure.target.overdue')}</StatusChip>
        ) : null,
    },
  ];
  return (
    <div data-testid="closure-targets" data-busy={isLoading ? 'true' : 'false'} className="wf-stack">
      {may('closure.manage') && <TargetForm onDone={reload} />}
      {error !== null && <ErrorBox error={error} onRetry={reload} />}
      <TableCard
        columns={columns}
        rows={data?.targets}
        rowKey={(p) => p.target.id}
        rowAttributes={(p) => ({ 'data-testid': `target-${p.target.id}` })}
        caption={t('closure.tab.targets')}
      />
      <HistoryPanel />
    </div>
  );
}

function HistoryPanel() {
  const { t } = useI18n();
  const { data, error, reload } = useApiData<PopulationHistoryView>('/api/closure/history');
  return (
    <div className="card wf-card" data-testid="closure-history">
      <h2>{t('closure.history.title')}</h2>
      {error !== null && <ErrorBox error={error} onRetry={reload} />}
      {data && <PopulationHistoryTable history={data} />}
    </div>
  );
}

const CASE_TYPES = [
  'illegal_trusteeship',
  'false_integration',
  'evasion_of_supervision',
  'data_tampering',
] as const;

/** Opens a crackdown case by hand: its type, the mine (picked by code or name) and what was found. */
function NewCaseForm({ prefill }: { prefill: Prefill }) {
  const { t } = useI18n();
  const draft = prefill.draft;
  const [type, setType] = useState<string>(draft?.caseType ?? 'illegal_trusteeship');
  const [mine, setMine] = useState<PickedMine | null>(prefill.mine);
  const [summary, setSummary] = useState(draft?.summary ?? '');
  const action = useAction();
  const submit = () =>
    void action.runWith(async () => {
      const r = await request<{ case: { id: string } }>('POST', '/api/closure/cases', {
        body: {
          type,
          mineId: mine?.id ?? '',
          summary,
          ...(draft === null ? {} : { alarmId: draft.alarmId }),
        },
      });
      afterCreate(prefill, `/closure/cases/${encodeURIComponent(r.case.id)}`);
    });
  return (
    <FormCard
      testId="case-new"
      title={t('closure.caseNew.title')}
      action={action}
      onSubmit={submit}
      submitLabel={t('closure.caseNew.submit')}
      submitTestId="case-new-submit"
      errorTestId="case-new-error"
    >
      <SelectField
        label={t('closure.caseNew.type')}
        value={type}
        onChange={setType}
        options={CASE_TYPES}
        labelOf={(x) => t(`closure.case.${x}`)}
        testId="case-new-type"
      />
      <MinePicker value={mine} onChange={setMine} label={t('closure.mineId')} testId="case-new-mine" />
      <TextAreaField
        label={t('closure.caseNew.summary')}
        value={summary}
        onChange={setSummary}
        testId="case-new-summary"
      />
    </FormCard>
  );
}

function CasesPanel() {
  const { t } = useI18n();
  const may = useCan();
  const { data, error, isLoading, reload } = useApiData<{ cases: CaseView[] }>('/api/closure/cases');
  const columns: Column<CaseView>[] = [
    {
      key: 'type',
      header: t('closure.caseNew.type'),
      cell: (c) => (
        <Link to={`/closure/cases/${encodeURIComponent(c.id)}`} data-testid={`case-link-${c.id}`}>
          {t(`closure.case.${c.type}`)}
        </Link>
      ),
    },
    sortedColumn('mine', t('closure.col.mine'), (c) => c.mineName),
    { key: 'summary', header: t('closure.caseNew.summary'), cell: (c) => c.summary },
    { key: 'status', header: t('closure.col.status'), cell: (c) => t(`closure.caseStatus.${c.status}`) },
  ];
  return (
    <div data-testid="closure-cases" data-busy={isLoading ? 'true' : 'false'} className="wf-stack">
      {may('case.manage') && <PrefillGate>{(prefill) => <NewCaseForm prefill={prefill} />}</PrefillGate>}
      <ExportControl listUrl="/api/closure/cases" />
      {error !== null && <ErrorBox error={error} onRetry={reload} />}
      <TableCard
        columns={columns}
        rows={error === null ? data?.cases : undefined}
        rowKey={(c) => c.id}
        rowAttributes={(c) => ({ 'data-testid': `case-${c.id}` })}
        empty={t('closure.caseNew.empty')}
        emptyTestId="cases-empty"
        caption={t('closure.tab.cases')}
        pageSize={50}
      />
    </div>
  );
}

/** The closure section: its pages live under /closure; `sub` is the path below it. */
export function ClosureSection({ sub }: { sub: string[] }) {
  const { t } = useI18n();
  const may = useCan();
  const first = sub[0] ?? '';
  const tab = TABS.find((x) => x === first);
  return (
    <section className="page" data-testid="closure-section" data-busy="false" data-sub={sub.join('/')}>
      <h1>{t('nav.closure')}</h1>
      <SectionTabs
        label={t('nav.closure')}
        tabs={TABS.filter((x) => x !== 'cases' || may('case.read')).map((x) => ({
          to: x ? `/closure/${x}` : '/closure',
          label: t(`closure.tab.${x || 'closures'}`),
          testId: `closure-tab-${x || 'closures'}`,
          isCurrent: x === tab,
        }))}
      />
      {tab === '' && <ClosuresList />}
      {tab === 'candidates' && <CandidatesPanel />}
      {tab === 'targets' && <TargetsPanel />}
      {tab === 'cases' && !may('case.read') && <NotForRole />}
      {tab === 'cases' && may('case.read') && sub[1] === undefined && <CasesPanel />}
      {tab === 'cases' && may('case.read') && sub[1] !== undefined && (
        <CaseDetail key={sub[1]} id={decodeURIComponent(sub[1])} />
      )}
      {tab === undefined && <ClosureDetail id={first} />}
    </section>
  );
}
