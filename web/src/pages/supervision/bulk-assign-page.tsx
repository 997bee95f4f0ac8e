import { useState, type FormEvent } from 'react';
import { request, withQuery } from '../../api/api-client.ts';
import { useApiData } from '../../api/use-api.ts';
import {
  mineStatusValues as MINE_STATUSES,
  type AssignmentCandidates,
  type BulkAssignmentResult,
  type MinesResponse,
} from '../../api/generated/api-schema.ts';
import { ErrorBox } from '../../components/error-box.tsx';
import { PageFrame } from '../../components/page-frame.tsx';
import { FilterBar, FilterSelect } from '../../components/filter-bar.tsx';
import { CheckField, Field, FormFooter, Select, TextArea } from '../../components/form-kit.tsx';
import { RegionFilterSelect } from '../../components/region-options.tsx';
import { useAction } from '../../components/use-action.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { useRegions } from '../../session/regions-context.tsx';
import { BulkResult } from './bulk-result.tsx';
import { CoverageLink } from './coverage-link.tsx';
import './supervision.css';

type Candidate = AssignmentCandidates['leaders'][number];

/**
 * Bulk assignment: a regulator filters the mines of the scope (region, status), selects some or all, and
 * assigns a plan template, a responsible person, a supervision group and a leader on contact duty in one
 * action; the server answers mine by mine (each audited), refusals listed with their reason.
 */
export function BulkAssignPage() {
  const { t, lang } = useI18n();
  const { regions } = useRegions();
  const [regionId, setRegionId] = useState('');
  const [status, setStatus] = useState('');
  const mines = useApiData<MinesResponse>(
    withQuery('/api/mines', { regionId, status, pageSize: 500, sort: 'code' }),
  );
  const candidates = useApiData<AssignmentCandidates>('/api/supervision/bulk-candidates');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [leader, setLeader] = useState('');
  const [groupLeader, setGroupLeader] = useState('');
  const [members, setMembers] = useState<ReadonlySet<string>>(new Set());
  const [responsible, setResponsible] = useState({ name: '', position: '', phone: '' });
  const [plan, setPlan] = useState({ documentRef: '', measures: '' });
  const [result, setResult] = useState<BulkAssignmentResult | null>(null);
  const action = useAction();
  const shown = (mines.data?.items ?? []).filter((m) => m.status !== 'closed');
  const allSelected = shown.length > 0 && shown.every((m) => selected.has(m.id));
  const toggle = (set: ReadonlySet<string>, id: string, on: boolean) => {
    const next = new Set(set);
    if (on) next.add(id);
    else next.delete(id);
    return next;
  };
  const filter = (set: (v: string) => void) => (v: string) => {
    set(v);
    setSelected(new Set());
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const measures = plan.measures
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '')
      .map((text) => ({ text }));
    const body = {
      mineIds: [...selected],
      ...(leader !== '' ? { leaderUserId: leader } : {}),
      ...(groupLeader !== '' ? { group: { leaderUserId: groupLeader, memberUserIds: [...members] } } : {}),
      ...(responsible.name.trim() !== '' ? { responsible } : {}),
      ...(plan.documentRef.trim() !== ''
        ? { planTemplate: { documentRef: plan.documentRef, measures } }
        : {}),
    };
    setResult(null);
    void action.runWith(async () =>
      setResult(await request<BulkAssignmentResult>('POST', '/api/supervision/bulk-assignments', { body })),
    );
  };
  const person = (c: Candidate) => c.displayName;
  // The two people picked for every selected mine (empty keeps each mine's own).
  const personPicks = [
    {
      testId: 'bulk-leader',
      label: t('supervision.col.leader'),
      value: leader,
      onChange: setLeader,
      options: candidates.data?.leaders,
    },
    {
      testId: 'bulk-group-leader',
      label: t('supervision.bulk.groupLeader'),
      value: groupLeader,
      onChange: setGroupLeader,
      options: candidates.data?.groupMembers,
    },
  ];

  return (
    <PageFrame
      testId="bulk-assign-page"
      isBusy={mines.isLoading}
      before={<CoverageLink />}
      title={t('supervision.bulk.title')}
    >
      <p className="muted">{t('supervision.bulk.intro')}</p>
      <FilterBar
        hasFilters={regionId !== '' || status !== ''}
        onReset={() => {
          setRegionId('');
          setStatus('');
          setSelected(new Set());
        }}
        resetLabel={t('supervision.bulk.reset')}
        resetTestId="bulk-filter-reset"
      >
        <RegionFilterSelect
          testId="bulk-filter-region"
          value={regionId}
          onChange={filter(setRegionId)}
          regions={regions}
          lang={lang}
          label={t('mines.filter.region')}
          allLabel={t('supervision.filter.allRegions')}
        />
        <FilterSelect
          label={t('mines.filter.status')}
          value={status}
          onChange={filter(setStatus)}
          options={MINE_STATUSES.filter((s) => s !== 'closed')}
          optionLabel={(s) => t(`status.${s}`)}
          allLabel={t('mines.filter.statusAll')}
          testId="bulk-filter-status"
        />
      </FilterBar>
      {mines.error !== null && <ErrorBox error={mines.error} onRetry={mines.reload} />}
      {candidates.error !== null && <ErrorBox error={candidates.error} onRetry={candidates.reload} />}
      <div className="card table-wrap">
        <table className="table" data-testid="bulk-mines">
          <thead>
            <tr>
              <th>
                <CheckField
                  label={t('supervision.bulk.selectAll', { n: shown.length })}
                  testId="bulk-select-all"
                  checked={allSelected}
                  onChange={(on) => setSelected(on ? new Set(shown.map((m) => m.id)) : new Set())}
                />
              </th>
              <th>{t('supervision.col.district')}</th>
              <th>{t('mines.filter.status')}</th>
            </tr>
          </thead>
          <tbody>
            {mines.data && shown.length === 0 && (
              <tr>
                <td colSpan={3} className="empty">
                  {t('supervision.coverage.empty')}
                </td>
              </tr>
            )}
            {shown.map((m) => (
              <tr key={m.id} data-testid="bulk-mine-row" data-mine-id={m.id}>
                <td>
                  <CheckField
                    label={
                      <>
                        {m.name} <span className="muted mono">{m.code}</span>
                      </>
                    }
                    testId="bulk-mine-check"
                    checked={selected.has(m.id)}
                    onChange={(on) => setSelected((s) => toggle(s, m.id, on))}
                  />
                </td>
                <td>{lang === 'en' ? m.regionNameEn : m.regionName}</td>
                <td>{t(`status.${m.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <form className="card sv-form" data-testid="bulk-form" onSubmit={submit}>
        <div className="card-head">
          <h2>{t('supervision.bulk.what', { n: selected.size })}</h2>
        </div>
        {personPicks.map((pick) => (
          <label key={pick.testId}>
            {pick.label}{' '}
            <Select
              testId={pick.testId}
              value={pick.value}
              onChange={pick.onChange}
              options={pick.options}
              keyOf={(c) => c.id}
              labelOf={person}
              placeholder={t('supervision.bulk.keep')}
            />
          </label>
        ))}
        {groupLeader !== '' && (
          <div className="row" data-testid="bulk-group-members">
            {candidates.data?.groupMembers
              .filter((c) => c.id !== groupLeader)
              .map((c) => (
                <CheckField
                  key={c.id}
                  label={c.displayName}
                  testId="bulk-group-member"
                  checked={members.has(c.id)}
                  onChange={(on) => setMembers((s) => toggle(s, c.id, on))}
                />
              ))}
          </div>
        )}
        <fieldset className="row">
          <legend>{t('supervision.bulk.responsible')}</legend>
          {(['name', 'position', 'phone'] as const).map((k) => (
            <Field
              key={k}
              label={t(`supervision.bulk.responsible.${k}`)}
              testId={`bulk-responsible-${k}`}
              type={k === 'phone' ? 'tel' : 'text'}
              value={responsible[k]}
              onChange={(v) => setResponsible((r) => ({ ...r, [k]: v }))}
            />
          ))}
        </fieldset>
        <fieldset className="sv-form">
          <legend>{t('supervision.bulk.plan')}</legend>
          <Field
            label={t('supervision.bulk.plan.documentRef')}
            testId="bulk-plan-ref"
            value={plan.documentRef}
            onChange={(v) => setPlan((p) => ({ ...p, documentRef: v }))}
          />
          <TextArea
            testId="bulk-plan-measures"
            placeholder={t('supervision.bulk.plan.measures')}
            value={plan.measures}
            onChange={(v) => setPlan((p) => ({ ...p, measures: v }))}
          />
        </fieldset>
        <FormFooter action={action} submitTestId="bulk-submit" errorTestId="bulk-error">
          {t('supervision.bulk.submit', { n: selected.size })}
        </FormFooter>
      </form>
      {result && <BulkResult result={result} mines={mines.data?.items ?? []} />}
    </PageFrame>
  );
}
