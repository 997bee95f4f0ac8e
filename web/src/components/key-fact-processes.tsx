import { useState, type FormEvent } from 'react';
import { useAction } from './use-action.ts';
import { request } from '../api/api-client.ts';
import { gasClassValues, type GasClass, type MineRow } from '../api/generated/api-schema.ts';
import { todayIsoDate } from '../format.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { useCan } from '../session/session-context.tsx';
import { ErrorBox } from './error-box.tsx';

const GAS_CLASSES: readonly GasClass[] = gasClassValues;

type Kind = 'appraisal' | 'capacity';

/**
 * The key facts change only through their processes (issue 15): regulators record a gas-class
 * appraisal or a capacity approval, each with its document; the gas-control capability follows the
 * expert assessment (/expertise). Audited on the server.
 */
export function KeyFactProcesses({ mine, onChanged }: { mine: MineRow; onChanged: () => void }) {
  const { t } = useI18n();
  const may = useCan();
  const [kind, setKind] = useState<Kind | null>(null);
  const [gasClass, setGasClass] = useState<GasClass>(mine.gasClass);
  const [capacity, setCapacity] = useState(String(mine.approvedCapacityTPerYear));
  const [ref, setRef] = useState('');
  const [on, setOn] = useState(todayIsoDate());
  const action = useAction();
  if (!may('mine.update')) return null;
  const base = `/api/mines/${encodeURIComponent(mine.id)}`;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await action.runWith(async () => {
      if (kind === 'appraisal')
        await request('POST', `${base}/gas-class-appraisals`, {
          body: { gasClass, reportRef: ref, appraisedOn: on },
        });
      else
        await request('POST', `${base}/capacity-approvals`, {
          body: { capacityTPerYear: Number(capacity), approvalRef: ref, approvedOn: on },
        });
      setKind(null);
      setRef('');
      onChanged();
    });
  };
  return (
    <section
      className="card wf-card"
      data-testid="key-fact-processes"
      data-busy={action.busy ? 'true' : 'false'}
    >
      <h2>{t('keyfacts.title')}</h2>
      <p className="muted">{t('keyfacts.hint')}</p>
      <div className="wf-actions">
        <button
          type="button"
          className="btn"
          onClick={() => setKind('appraisal')}
          data-testid="keyfacts-appraisal"
        >
          {t('keyfacts.appraisal')}
        </button>
        <button
          type="button"
          className="btn"
          onClick={() => setKind('capacity')}
          data-testid="keyfacts-capacity"
        >
          {t('keyfacts.capacity')}
        </button>
      </div>
      {kind !== null && (
        <form className="wf-form" onSubmit={(e) => void submit(e)} data-testid={`keyfacts-form-${kind}`}>
          {kind === 'appraisal' ? (
            <label className="field">
              <span className="field-label">{t('keyfacts.gasClass')}</span>
              <select
                className="select"
                value={gasClass}
                onChange={(e) => setGasClass(e.target.value as GasClass)}
                data-testid="keyfacts-gas-class"
              >
                {GAS_CLASSES.map((g) => (
                  <option key={g} value={g}>
                    {t(`gas.${g}`)}
                  </option>
                ))}
              </select>
            </label>
          ) : (
            <label className="field">
              <span className="field-label">{t('keyfacts.capacityValue')}</span>
              <input
                className="input"
                inputMode="numeric"
                value={capacity}
                onChange={(e) => setCapacity(e.target.value)}
                data-testid="keyfacts-capacity-value"
              />
            </label>
          )}
          <label className="field">
            <span className="field-label">
              {t(kind === 'appraisal' ? 'keyfacts.reportRef' : 'keyfacts.approvalRef')}
            </span>
            <input
              className="input"
              value={ref}
              onChange={(e) => setRef(e.target.value)}
              data-testid="keyfacts-ref"
            />
          </label>
          <label className="field">
            <span className="field-label">{t('keyfacts.date')}</span>
            <input
              type="date"
              className="input"
              value={on}
              onChange={(e) => setOn(e.target.value)}
              data-testid="keyfacts-date"
            />
          </label>
          <div className="wf-actions">
            <button
              type="submit"
              className="btn btn-primary"
              disabled={action.busy}
              data-testid="keyfacts-submit"
            >
              {t('keyfacts.record')}
            </button>
            <button type="button" className="btn" onClick={() => setKind(null)}>
              {t('keyfacts.cancel')}
            </button>
          </div>
          {action.error !== null && <ErrorBox error={action.error} testId="keyfacts-error" />}
        </form>
      )}
    </section>
  );
}
