import { useState, type FormEvent } from 'react';
import { useAction } from './use-action.ts';
import { request } from '../api/api-client.ts';
import { gasClassValues, type GasClass, type MineRow } from '../api/generated/api-schema.ts';
import { todayIsoDate } from '../format.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { useCan } from '../session/session-context.tsx';
import { Button } from './button.tsx';
import { ActionError, Field, SelectField, SubmitButton, useFormFields } from './form-kit.tsx';

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
  const f = useFormFields({ capacity: String(mine.approvedCapacityTPerYear), ref: '', on: todayIsoDate() });
  const { capacity, ref, on } = f.values;
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
      f.set({ ref: '' });
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
        <Button
          onClick={() => setKind('appraisal')}
          testId="keyfacts-appraisal"
          pressed={kind === 'appraisal'}
        >
          {t('keyfacts.appraisal')}
        </Button>
        <Button onClick={() => setKind('capacity')} testId="keyfacts-capacity" pressed={kind === 'capacity'}>
          {t('keyfacts.capacity')}
        </Button>
      </div>
      {kind !== null && (
        <form className="wf-form" onSubmit={(e) => void submit(e)} data-testid={`keyfacts-form-${kind}`}>
          {kind === 'appraisal' ? (
            <SelectField
              label={t('keyfacts.gasClass')}
              value={gasClass}
              onChange={(v) => setGasClass(v as GasClass)}
              options={GAS_CLASSES}
              labelOf={(g) => t(`gas.${g}`)}
              testId="keyfacts-gas-class"
            />
          ) : (
            <Field
              label={t('keyfacts.capacityValue')}
              inputMode="numeric"
              {...f.bind('capacity', 'keyfacts-capacity-value')}
            />
          )}
          <Field
            label={t(kind === 'appraisal' ? 'keyfacts.reportRef' : 'keyfacts.approvalRef')}
            {...f.bind('ref', 'keyfacts-ref')}
          />
          <Field label={t('keyfacts.date')} type="date" {...f.bind('on', 'keyfacts-date')} />
          <div className="form-actions">
            <SubmitButton action={action} testId="keyfacts-submit">
              {t('keyfacts.record')}
            </SubmitButton>
            <Button onClick={() => setKind(null)}>{t('keyfacts.cancel')}</Button>
          </div>
          <ActionError action={action} testId="keyfacts-error" />
        </form>
      )}
    </section>
  );
}
