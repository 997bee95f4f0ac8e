import { useState } from 'react';
import { request, withQuery } from '../../api/api-client.ts';
import { useApiData } from '../../api/use-api.ts';
import { DataTable, type Column } from '../../components/data-table.tsx';
import { sortedColumn } from '../../components/table-columns.ts';
import { ErrorBox } from '../../components/error-box.tsx';
import { Field } from '../../components/form-kit.tsx';
import { SpecForm, useSpecForm, type FormSpec } from '../../components/post-form.tsx';
import { RegionField } from '../../components/region-field.tsx';
import { formatDateTime } from '../../format.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { Link } from '../../router/link.tsx';
import { useCan, useSession } from '../../session/session-context.tsx';
import type { MissingSelfChecks, SelfCheckReport } from '../../api/generated/api-schema.ts';

const QUARTER = /^\d{4}Q[1-4]$/;

/** The quarter a date falls in, written like 2026Q4. */
function quarterOf(d: Date): string {
  return `${d.getFullYear()}Q${Math.floor(d.getMonth() / 3) + 1}`;
}

const SELF_CHECK_FORM: FormSpec = {
  idPrefix: 'self-check',
  title: 'hazards.selfCheck.file',
  submitLabel: 'hazards.submit',
  fields: [
    {
      name: 'quarter',
      label: 'hazards.selfCheck.quarter',
      required: true,
      placeholder: '2026Q4',
      normalize: (typed) => typed.trim().toUpperCase(),
    },
    { name: 'signer', label: 'hazards.selfCheck.signer', required: true },
    { name: 'summary', label: 'hazards.selfCheck.summary', kind: 'textarea', required: true },
  ],
};

/** The mine files its signed quarterly self-check report (2024 Regulation art. 35). */
function SelfCheckForm({ mineId }: { mineId: string }) {
  const { t } = useI18n();
  const { form, action } = useSpecForm({ quarter: quarterOf(new Date()), signer: '', summary: '' }, [
    'signer',
    'summary',
  ]);
  const [filed, setFiled] = useState<SelfCheckReport | null>(null);
  const submit = () => {
    setFiled(null);
    void action.runWith(() =>
      request<{ report: SelfCheckReport }>('POST', '/api/hazards/self-check-reports', {
        body: { mineId, ...form.values },
      }).then((r) => setFiled(r.report)),
    );
  };
  return (
    <SpecForm spec={SELF_CHECK_FORM} form={form} action={action} onSubmit={submit}>
      {filed && (
        <p
          className="field-wide"
          data-testid="self-check-filed"
          data-report-id={filed.id}
          data-quarter={filed.quarter}
        >
          {t('hazards.selfCheck.filed', { quarter: filed.quarter })} · {filed.filedByName} ·{' '}
          {formatDateTime(filed.filedAt)}
        </p>
      )}
    </SpecForm>
  );
}

/** Producing and building mines in scope without a self-check report for the chosen quarter. */
function MissingSelfChecksPanel() {
  const { t, has } = useI18n();
  const [quarter, setQuarter] = useState(quarterOf(new Date()));
  const [regionId, setRegionId] = useState('');
  const valid = QUARTER.test(quarter);
  const missing = useApiData<MissingSelfChecks>(
    valid ? withQuery('/api/hazards/self-check-reports/missing', { quarter, regionId }) : null,
  );
  const statusLabel = (status: string) => {
    const key: string = `status.${status}`;
    return has(key) ? t(key) : status;
  };
  const columns: Column<MissingSelfChecks['items'][number]>[] = [
    { key: 'code', header: t('hazards.selfCheck.code'), cell: (m) => m.code, className: 'mono' },
    {
      key: 'mine',
      header: t('hazards.col.mine'),
      cell: (m) => <Link to={`/mines/${encodeURIComponent(m.mineId)}`}>{m.name}</Link>,
      sortValue: (m) => m.name,
    },
    sortedColumn('region', t('hazards.selfCheck.region'), (m) => m.regionName),
    {
      key: 'status',
      header: t('hazards.selfCheck.status'),
      cell: (m) => statusLabel(m.status),
    },
  ];
  return (
    <div
      data-testid="self-check-missing"
      className="card wf-card"
      data-busy={missing.isLoading ? 'true' : 'false'}
    >
      <h2>{t('hazards.selfCheck.missing')}</h2>
      <div className="filters form-row">
        <Field
          label={t('hazards.selfCheck.quarter')}
          testId="self-check-missing-quarter"
          value={quarter}
          placeholder="2026Q4"
          onChange={(v) => setQuarter(v.trim().toUpperCase())}
          message={valid ? null : t('hazards.selfCheck.quarterHint')}
        />
        <RegionField
          label={t('hazards.filter.region')}
          testId="self-check-missing-region"
          value={regionId}
          onChange={setRegionId}
          placeholder={t('hazards.filter.all')}
        />
      </div>
      {missing.error !== null && <ErrorBox error={missing.error} onRetry={missing.reload} />}
      {valid && (
        <DataTable
          testId="self-check-missing-list"
          columns={columns}
          rows={missing.data?.items}
          rowKey={(m) => m.mineId}
          rowAttributes={(m) => ({ 'data-testid': 'self-check-missing-row', 'data-mine-id': m.mineId })}
          empty={<span data-testid="self-check-missing-none">{t('hazards.selfCheck.noneMissing')}</span>}
          pageSize={50}
        />
      )}
    </div>
  );
}

/** /hazards/self-check: the officer files the quarterly report; regulators see who has not. */
export function HazardSelfCheckPage() {
  const { t } = useI18n();
  const { session } = useSession();
  const { user } = session;
  const may = useCan();
  const ownMine = user.scope.kind === 'mine' ? user.scope.mineId : null;
  return (
    <section className="page" data-testid="hazard-self-check" data-busy="false">
      <p>
        <Link to="/hazards">{t('hazards.board')}</Link>
      </p>
      <h1>{t('hazards.selfCheck.title')}</h1>
      <p className="muted">{t('hazards.selfCheck.basis')}</p>
      {may('hazard.selfcheck') && ownMine !== null && <SelfCheckForm mineId={ownMine} />}
      {may('hazard.review') && <MissingSelfChecksPanel />}
    </section>
  );
}
