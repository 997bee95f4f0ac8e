import { NotForRole } from '../../components/not-for-role.tsx';
import { ExportControl } from '../../components/export-control.tsx';
import { useState, type FormEvent } from 'react';
import { request } from '../../api/api-client.ts';
import { useApiData } from '../../api/use-api.ts';
import { ErrorBox } from '../../components/error-box.tsx';
import { Input } from '../../components/form-kit.tsx';
import { MinePicker, type PickedMine } from '../../components/mine-picker.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
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

function NewClosureForm({ onCreated }: { onCreated: (id: string) => void }) {
  const { t } = useI18n();
  const [mine, setMine] = useState<PickedMine | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const r = await request<{ closure: { id: string } }>('POST', '/api/closure/closures', {
        body: { mineId: mine?.id ?? '', reason },
      });
      onCreated(r.closure.id);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form
      className="card"
      data-testid="closure-new"
      onSubmit={(e) => void submit(e)}
      style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'flex-end', padding: 10 }}
    >
      <MinePicker
        value={mine}
        onChange={setMine}
        statuses={['construction', 'producing', 'suspended', 'resumption_review']}
        label={t('closure.mineId')}
        testId="closure-new-mine"
      />
      <Input
        placeholder={t('closure.reason')}
        testId="closure-new-reason"
        value={reason}
        onChange={setReason}
      />
      <button type="submit" className="btn btn-primary" data-testid="closure-new-submit">
        {t('closure.create')}
      </button>
      {error !== null && <ErrorBox error={error} />}
    </form>
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
  const [actionError, setActionError] = useState<unknown>(null);
  const closures = data?.closures ?? [];
  const unfiled = data?.unfiled ?? [];
  const isRegulator = may('closure.manage');
  const file = async (m: UnfiledMine) => {
    setActionError(null);
    try {
      navigate(`/closure/${await openClosureFile(m.mineId, t('closure.fileReason'))}`);
    } catch (e) {
      setActionError(e);
    }
  };
  return (
    <div data-testid="closure-list" data-busy={isLoading ? 'true' : 'false'}>
      {isRegulator && <NewClosureForm onCreated={(id) => navigate(`/closure/${id}`)} />}
      {error !== null && <ErrorBox error={error} onRetry={reload} />}
      {actionError !== null && <ErrorBox error={actionError} />}
      {closures.length === 0 && unfiled.length === 0 && !isLoading && <p>{t('closure.empty')}</p>}
      {closures.length > 0 && (
        <table className="table" data-testid="closure-table">
          <thead>
            <tr>
              <th>{t('closure.col.mine')}</th>
              <th>{t('closure.col.status')}</th>
              <th>{t('closure.col.steps')}</th>
            </tr>
          </thead>
          <tbody>
            {closures.map((c) => (
              <tr key={c.id} data-testid={`closure-row-${c.mineId}`}>
                <td>
                  <a
                    href={`/closure/${c.id}`}
                    onClick={(e) => (e.preventDefault(), navigate(`/closure/${c.id}`))}
                  >
                    {c.mineName}
                  </a>
                </td>
                <td>{t(`closure.status.${c.status}`)}</td>
                <td>
                  {c.stepsVerified ?? 0}/{c.stepsTotal ?? 0}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {unfiled.length > 0 && (
        <>
          <h2>{t('closure.unfiled.title')}</h2>
          <p className="muted">{t('closure.unfiled.hint')}</p>
          <table className="table" data-testid="closure-unfiled">
            <thead>
              <tr>
                <th>{t('closure.col.code')}</th>
                <th>{t('closure.col.mine')}</th>
                <th>{t('closure.col.region')}</th>
                <th>{t('closure.col.status')}</th>
                <th>{t('closure.col.since')}</th>
                <th>{t('closure.col.action')}</th>
              </tr>
            </thead>
            <tbody>
              {unfiled.map((m) => (
                <tr key={m.mineId} data-testid={`closure-unfiled-${m.code}`} data-status={m.status}>
                  <td className="mono">{m.code}</td>
                  <td>{m.name}</td>
                  <td>{m.regionName}</td>
                  <td>
                    <StatusPill status={m.status} />
                  </td>
                  <td>{m.statusSince.slice(0, 10)}</td>
                  <td>
                    {isRegulator && m.status === 'closing' && (
                      <button
                        type="button"
                        className="btn btn-small"
                        onClick={() => void file(m)}
                        data-testid={`closure-file-${m.code}`}
                      >
                        {t('closure.unfiled.open')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
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
  const [actionError, setActionError] = useState<unknown>(null);
  const isRegulator = may('closure.manage');
  const start = async (c: Candidate) => {
    setActionError(null);
    try {
      const reason = c.rules.map((r) => t(`closure.rule.${r}`)).join('；');
      navigate(`/closure/${await openClosureFile(c.mineId, reason)}`);
    } catch (e) {
      setActionError(e);
    }
  };
  const candidates = data?.candidates ?? [];
  return (
    <div data-testid="closure-candidates" data-busy={isLoading ? 'true' : 'false'}>
      {isRegulator && <PolicyListForm onDone={reload} />}
      {error !== null && <ErrorBox error={error} onRetry={reload} />}
      {actionError !== null && <ErrorBox error={actionError} />}
      {candidates.length === 0 && !isLoading && <p>{t('closure.candidates.empty')}</p>}
      {candidates.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th>{t('closure.col.mine')}</th>
              <th>{t('closure.col.region')}</th>
              <th>{t('closure.col.capacity')}</th>
              <th>{t('closure.col.rules')}</th>
              <th>{t('closure.col.action')}</th>
            </tr>
          </thead>
          <tbody>
            {candidates.map((c) => (
              <tr key={c.mineId} data-testid={`candidate-${c.mineId}`}>
                <td>{c.mineName}</td>
                <td>{c.regionName}</td>
                <td className="num">{c.approvedCapacityTPerYear.toLocaleString()}</td>
                <td>{c.rules.map((r) => t(`closure.rule.${r}`)).join(' · ')}</td>
                <td>
                  {isRegulator && c.status !== 'closing' && c.status !== 'closed' && (
                    <button
                      type="button"
                      className="btn btn-small"
                      onClick={() => void start(c)}
                      data-testid={`candidate-start-${c.mineId}`}
                    >
                      {t('closure.create')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function TargetsPanel() {
  const { t } = useI18n();
  const may = useCan();
  const { data, error, isLoading, reload } = useApiData<{ targets: TargetProgressView[] }>(
    '/api/closure/targets',
  );
  return (
    <div data-testid="closure-targets" data-busy={isLoading ? 'true' : 'false'}>
      {may('closure.manage') && <TargetForm onDone={reload} />}
      {error !== null && <ErrorBox error={error} onRetry={reload} />}
      <table className="table">
        <tbody>
          {(data?.targets ?? []).map((p) => (
            <tr key={p.target.id} data-testid={`target-${p.target.id}`}>
              <td>{p.target.regionName}</td>
              <td>{p.target.deadline}</td>
              <td>
                {p.minesClosed}/{p.target.minesToClose} ({p.minesPercent}%)
              </td>
              <td>
                {p.capacityWithdrawnTPerYear.toLocaleString()}/
                {p.target.capacityToWithdrawTPerYear.toLocaleString()} t/a ({p.capacityPercent}%)
              </td>
              <td>{p.met ? t('closure.target.met') : p.overdue ? t('closure.target.overdue') : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <HistoryPanel />
    </div>
  );
}

function HistoryPanel() {
  const { t } = useI18n();
  const { data, error, reload } = useApiData<PopulationHistoryView>('/api/closure/history');
  return (
    <div className="card" data-testid="closure-history">
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
  const [type, setType] = useState<(typeof CASE_TYPES)[number]>(draft?.caseType ?? 'illegal_trusteeship');
  const [mine, setMine] = useState<PickedMine | null>(prefill.mine);
  const [summary, setSummary] = useState(draft?.summary ?? '');
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const r = await request<{ case: { id: string } }>('POST', '/api/closure/cases', {
        body: {
          type,
          mineId: mine?.id ?? '',
          summary,
          ...(draft === null ? {} : { alarmId: draft.alarmId }),
        },
      });
      afterCreate(prefill, `/closure/cases/${encodeURIComponent(r.case.id)}`);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form className="card wf-form" data-testid="case-new" onSubmit={(e) => void submit(e)}>
      <h2>{t('closure.caseNew.title')}</h2>
      <label className="field">
        <span className="field-label">{t('closure.caseNew.type')}</span>
        <select
          className="select"
          value={type}
          onChange={(e) => setType(e.target.value as (typeof CASE_TYPES)[number])}
          data-testid="case-new-type"
        >
          {CASE_TYPES.map((x) => (
            <option key={x} value={x}>
              {t(`closure.case.${x}`)}
            </option>
          ))}
        </select>
      </label>
      <MinePicker value={mine} onChange={setMine} label={t('closure.mineId')} testId="case-new-mine" />
      <label className="field" style={{ gridColumn: '1 / -1' }}>
        <span className="field-label">{t('closure.caseNew.summary')}</span>
        <textarea
          className="input wf-textarea"
          value={summary}
          onChange={(e) => setSummary(e.target.value)}
          data-testid="case-new-summary"
        />
      </label>
      <div className="wf-actions">
        <button type="submit" className="btn btn-primary" data-testid="case-new-submit">
          {t('closure.caseNew.submit')}
        </button>
      </div>
      {error !== null && <ErrorBox error={error} />}
    </form>
  );
}

function CasesPanel() {
  const { t } = useI18n();
  const may = useCan();
  const { data, error, isLoading, reload } = useApiData<{ cases: CaseView[] }>('/api/closure/cases');
  const cases = data?.cases ?? [];
  return (
    <div data-testid="closure-cases" data-busy={isLoading ? 'true' : 'false'} className="wf-stack">
      {may('case.manage') && <PrefillGate>{(prefill) => <NewCaseForm prefill={prefill} />}</PrefillGate>}
      <ExportControl listUrl="/api/closure/cases" />
      {error !== null && <ErrorBox error={error} onRetry={reload} />}
      {cases.length === 0 && !isLoading && error === null && (
        <p data-testid="cases-empty">{t('closure.caseNew.empty')}</p>
      )}
      {cases.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th>{t('closure.caseNew.type')}</th>
              <th>{t('closure.col.mine')}</th>
              <th>{t('closure.caseNew.summary')}</th>
              <th>{t('closure.col.status')}</th>
            </tr>
          </thead>
          <tbody>
            {cases.map((c) => (
              <tr key={c.id} data-testid={`case-${c.id}`}>
                <td>
                  <a
                    href={`/closure/cases/${c.id}`}
                    data-testid={`case-link-${c.id}`}
                    onClick={(e) => (
                      e.preventDefault(),
                      navigate(`/closure/cases/${encodeURIComponent(c.id)}`)
                    )}
                  >
                    {t(`closure.case.${c.type}`)}
                  </a>
                </td>
                <td>{c.mineName}</td>
                <td>{c.summary}</td>
                <td>{t(`closure.caseStatus.${c.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
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
      <nav className="tabs">
        {TABS.filter((x) => x !== 'cases' || may('case.read')).map((x) => (
          <button
            key={x}
            type="button"
            className={x === tab ? 'btn btn-primary' : 'btn'}
            data-testid={`closure-tab-${x || 'closures'}`}
            onClick={() => navigate(x ? `/closure/${x}` : '/closure')}
          >
            {t(`closure.tab.${x || 'closures'}`)}
          </button>
        ))}
      </nav>
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
