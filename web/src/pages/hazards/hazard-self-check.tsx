import { useState, type FormEvent } from 'react';
import { request, withQuery } from '../../api/api-client.ts';
import { useApiData } from '../../api/use-api.ts';
import { ErrorBox } from '../../components/error-box.tsx';
import { RegionOptions } from '../../components/region-options.tsx';
import { useAction } from '../../components/use-action.ts';
import { formatDateTime } from '../../format.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { Link } from '../../router/link.tsx';
import { useRegions } from '../../session/regions-context.tsx';
import { useCan, useSession } from '../../session/session-context.tsx';
import { Field } from './hazard-forms.tsx';
import type { MissingSelfChecks, SelfCheckReport } from '../../api/generated/api-schema.ts';

const QUARTER = /^\d{4}Q[1-4]$/;

/** The quarter a date falls in, written like 2026Q4. */
function quarterOf(d: Date): string {
  return `${d.getFullYear()}Q${Math.floor(d.getMonth() / 3) + 1}`;
}

/** The mine files its signed quarterly self-check report (2024 Regulation art. 35). */
function SelfCheckForm({ mineId }: { mineId: string }) {
  const { t } = useI18n();
  const [form, setForm] = useState({ quarter: quarterOf(new Date()), signer: '', summary: '' });
  const [filed, setFiled] = useState<SelfCheckReport | null>(null);
  const { busy, error, runWith } = useAction();
  const set = (k: keyof typeof form, v: string) => setForm({ ...form, [k]: v });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setFiled(null);
    void runWith(() =>
      request<{ report: SelfCheckReport }>('POST', '/api/hazards/self-check-reports', {
        body: { mineId, ...form },
      }).then((r) => {
        setFiled(r.report);
        setForm({ ...form, signer: '', summary: '' });
      }),
    );
  };
  return (
    <form
      className="card hazard-form"
      data-testid="self-check-form"
      data-busy={busy ? 'true' : 'false'}
      onSubmit={submit}
    >
      <h3>{t('hazards.selfCheck.file')}</h3>
      <Field label={t('hazards.selfCheck.quarter')}>
        <input
          data-testid="self-check-quarter"
          value={form.quarter}
          required
          placeholder="2026Q4"
          onChange={(e) => set('quarter', e.target.value.trim().toUpperCase())}
        />
      </Field>
      <Field label={t('hazards.selfCheck.signer')}>
        <input
          data-testid="self-check-signer"
          value={form.signer}
          required
          onChange={(e) => set('signer', e.target.value)}
        />
      </Field>
      <Field label={t('hazards.selfCheck.summary')}>
        <textarea
          data-testid="self-check-summary"
          value={form.summary}
          required
          onChange={(e) => set('summary', e.target.value)}
        />
      </Field>
      {error !== null && <ErrorBox error={error} testId="self-check-error" />}
      {filed && (
        <p data-testid="self-check-filed" data-report-id={filed.id} data-quarter={filed.quarter}>
          {t('hazards.selfCheck.filed', { quarter: filed.quarter })} · {filed.filedByName} ·{' '}
          {formatDateTime(filed.filedAt)}
        </p>
      )}
      <button type="submit" disabled={busy} data-testid="self-check-submit">
        {t('hazards.submit')}
      </button>
    </form>
  );
}

/** Producing and building mines in scope without a self-check report for the chosen quarter. */
function MissingSelfChecksPanel() {
  const { t, has, lang } = useI18n();
  const { regions } = useRegions();
  const [quarter, setQuarter] = useState(quarterOf(new Date()));
  const [regionId, setRegionId] = useState('');
  const valid = QUARTER.test(quarter);
  const missing = useApiData<MissingSelfChecks>(
    valid ? withQuery('/api/hazards/self-check-reports/missing', { quarter, regionId }) : null,
  );
  return (
    <div data-testid="self-check-missing" data-busy={missing.isLoading ? 'true' : 'false'}>
      <h2>{t('hazards.selfCheck.missing')}</h2>
      <div className="filters">
        <label>
          {t('hazards.selfCheck.quarter')}{' '}
          <input
            data-testid="self-check-missing-quarter"
            value={quarter}
            placeholder="2026Q4"
            onChange={(e) => setQuarter(e.target.value.trim().toUpperCase())}
          />
        </label>{' '}
        <label>
          {t('hazards.filter.region')}{' '}
          <select
            data-testid="self-check-missing-region"
            value={regionId}
            onChange={(e) => setRegionId(e.target.value)}
          >
            <option value="">{t('hazards.filter.all')}</option>
            <RegionOptions regions={regions} lang={lang} />
          </select>
        </label>
      </div>
      {!valid && <p className="error">{t('hazards.selfCheck.quarterHint')}</p>}
      {missing.error !== null && <ErrorBox error={missing.error} onRetry={missing.reload} />}
      {valid && missing.data && missing.data.items.length === 0 && (
        <p data-testid="self-check-missing-none">{t('hazards.selfCheck.noneMissing')}</p>
      )}
      {valid && missing.data && missing.data.items.length > 0 && (
        <table className="table" data-testid="self-check-missing-list" data-count={missing.data.items.length}>
          <thead>
            <tr>
              <th>{t('hazards.selfCheck.code')}</th>
              <th>{t('hazards.col.mine')}</th>
              <th>{t('hazards.selfCheck.region')}</th>
              <th>{t('hazards.selfCheck.status')}</th>
            </tr>
          </thead>
          <tbody>
            {missing.data.items.map((m) => {
              const statusKey = `status.${m.status}`;
              return (
                <tr key={m.mineId} data-testid="self-check-missing-row" data-mine-id={m.mineId}>
                  <td>{m.code}</td>
                  <td>
                    <Link to={`/mines/${encodeURIComponent(m.mineId)}`}>{m.name}</Link>
                  </td>
                  <td>{m.regionName}</td>
                  <td>{has(statusKey) ? t(statusKey) : m.status}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
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
