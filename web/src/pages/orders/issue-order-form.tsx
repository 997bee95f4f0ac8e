import { useState, type FormEvent } from 'react';
import { answerOf, api } from '../../api/api-client.ts';
import { Button } from '../../components/button.tsx';
import { ActionError, Field, SelectField, SubmitButton, useFormFields } from '../../components/form-kit.tsx';
import { MinePicker, type PickedMine } from '../../components/mine-picker.tsx';
import { RegionField } from '../../components/region-field.tsx';
import { useAction } from '../../components/use-action.ts';
import { orderNoteText } from '../workflow-labels.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { MinePreview, OrderKind } from '../../api/generated/api-schema.ts';
import { afterCreate } from '../follow-up/after-create.ts';
import type { Prefill } from '../follow-up/prefill.ts';

const KINDS: readonly OrderKind[] = ['stop_work', 'suspend_mine', 'close_mine', 'lift'];

/** The regulator's issue form: region-wide or one mine, with the affected-mines preview. */
export function IssueOrderForm({ onIssued, prefill }: { onIssued: () => void; prefill?: Prefill }) {
  const { t, has } = useI18n();
  const draft = prefill?.draft ?? null;
  // Opened for a mine (from its page or an alarm): a suspension of that mine, the alarm as the reason.
  const [kind, setKind] = useState<OrderKind>(prefill?.mine ? 'suspend_mine' : 'stop_work');
  const [mine, setMine] = useState<PickedMine | null>(prefill?.mine ?? null);
  const f = useFormFields({
    number: '',
    regionId: '',
    basis: '',
    reason: draft?.summary ?? '',
    effective: '',
    evacuate: '',
  });
  const { number, regionId, basis, reason, effective, evacuate } = f.values;
  const [preview, setPreview] = useState<MinePreview[] | null>(null);
  const action = useAction();
  const [issued, setIssued] = useState<number | null>(null);

  const body = () => ({
    number,
    kind,
    legalBasis: basis,
    reason,
    regionId: kind === 'stop_work' ? regionId || null : null,
    mineIds: kind === 'stop_work' ? undefined : mine === null ? [] : [mine.id],
    effectiveAt: effective ? new Date(effective).toISOString() : null,
    evacuateWithinMinutes: kind === 'lift' || evacuate.trim() === '' ? null : Number(evacuate),
    alarmId: draft?.alarmId ?? null,
  });
  const run = async (what: 'preview' | 'issue') => {
    await action.runWith(async () => {
      if (what === 'preview') {
        setPreview((await answerOf(api.POST('/api/orders/preview', { body: body() }))).mines);
      } else {
        const r = await answerOf(api.POST('/api/orders', { body: body() }));
        setIssued(r.affectedMineIds.length);
        setPreview(null);
        onIssued();
        afterCreate(prefill, null);
      }
    });
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run('issue');
  };
  const affected = preview?.filter((m) => m.outcome === 'affected').length ?? 0;

  return (
    <form
      className="card wf-form wf-form-3"
      onSubmit={submit}
      data-testid="order-form"
      data-busy={action.busy ? 'true' : 'false'}
    >
      <h2>{t('orders.form.title')}</h2>
      <SelectField
        label={t('orders.form.kind')}
        testId="order-kind"
        value={kind}
        onChange={(v) => setKind(v as OrderKind)}
        options={KINDS}
        labelOf={(k) => t(`orders.kind.${k}`)}
      />
      <Field label={t('orders.form.number')} {...f.bind('number', 'order-number')} />
      {kind === 'stop_work' ? (
        <RegionField label={t('orders.form.region')} {...f.bind('regionId', 'order-region')} />
      ) : (
        <MinePicker value={mine} onChange={setMine} label={t('orders.form.mine')} testId="order-mine" />
      )}
      <Field label={t('orders.form.basis')} {...f.bind('basis', 'order-basis')} />
      <Field label={t('orders.form.reason')} {...f.bind('reason', 'order-reason')} />
      <Field
        label={t('orders.form.effective')}
        type="datetime-local"
        {...f.bind('effective', 'order-effective')}
      />
      {kind !== 'lift' && (
        <Field
          label={t('orders.form.evacuate')}
          inputMode="numeric"
          {...f.bind('evacuate', 'order-evacuate')}
        />
      )}
      <div className="form-actions">
        <Button disabled={action.busy} onClick={() => void run('preview')} testId="order-preview">
          {t('orders.form.preview')}
        </Button>
        <SubmitButton action={action} testId="order-issue">
          {t('orders.form.issue')}
        </SubmitButton>
      </div>
      <ActionError action={action} testId="order-error" />
      {issued !== null && (
        <p data-testid="order-issued" className="field-wide">
          {t('orders.form.issued', { n: issued })}
        </p>
      )}
      {preview !== null && (
        <div data-testid="order-preview-list" className="field-wide">
          <p data-testid="order-preview-summary">
            {t('orders.preview.summary', { affected, unaffected: preview.length - affected })}
          </p>
          <ul className="compact-list">
            {preview.map((m) => (
              <li key={m.mineId} data-outcome={m.outcome}>
                {m.mineName} — {t(`orders.preview.${m.outcome}`)} ({orderNoteText(m, { t, has })})
              </li>
            ))}
          </ul>
        </div>
      )}
    </form>
  );
}
