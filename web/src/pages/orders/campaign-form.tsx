import { useState } from 'react';
import { useAction } from '../../components/use-action.ts';
import { request } from '../../api/api-client.ts';
import { Button } from '../../components/button.tsx';
import { FormCard } from '../../components/form-card.tsx';
import { Field, Input, useFormFields } from '../../components/form-kit.tsx';
import { RegionField } from '../../components/region-field.tsx';
import { todayIsoDate } from '../../format.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';

interface ItemDraft {
  text: string;
  dueOn: string;
}

/**
 * 专项整治: a regulator creates a campaign for a region in scope — name, period and the checklist each
 * mine works through (each item with its due date inside the period). The server checks the rest.
 */
export function CampaignForm({ onCreated }: { onCreated: (id: string) => void }) {
  const { t } = useI18n();
  const today = todayIsoDate();
  const f = useFormFields({ name: '', regionId: '', startsOn: today, endsOn: '' });
  const { name, regionId, startsOn, endsOn } = f.values;
  const [items, setItems] = useState<ItemDraft[]>([{ text: '', dueOn: '' }]);
  const action = useAction();
  const setItem = (i: number, patch: Partial<ItemDraft>) =>
    setItems((xs) => xs.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  const [hints, setHints] = useState<string[]>([]);
  /** What the user can correct before sending, in their language; the server checks the same. */
  const check = (): string[] => {
    const out: string[] = [];
    if (name.trim().length < 2) out.push(t('camp.hint.name'));
    if (regionId === '') out.push(t('camp.hint.region'));
    if (startsOn === '' || endsOn === '' || endsOn < startsOn) out.push(t('camp.hint.period'));
    items.forEach((it, i) => {
      if (it.text.trim().length < 2) out.push(t('camp.hint.itemText', { n: i + 1 }));
      if (it.dueOn === '' || it.dueOn < startsOn || (endsOn !== '' && it.dueOn > endsOn))
        out.push(t('camp.hint.itemDue', { n: i + 1 }));
    });
    return out;
  };
  const submit = async () => {
    const found = check();
    setHints(found);
    if (found.length > 0) return;
    await action.runWith(async () => {
      const out = await request<{ campaign: { id: string } }>('POST', '/api/orders/campaigns', {
        body: { name, regionId, startsOn, endsOn, items },
      });
      f.set({ name: '' });
      setItems([{ text: '', dueOn: '' }]);
      onCreated(out.campaign.id);
    });
  };
  return (
    <FormCard
      testId="campaign-form"
      title={t('camp.form.title')}
      action={action}
      onSubmit={() => void submit()}
      submitLabel={t('camp.form.submit')}
      submitTestId="campaign-create"
      errorTestId="campaign-form-error"
    >
      <Field label={t('camp.form.name')} {...f.bind('name', 'campaign-name')} />
      <RegionField label={t('camp.form.region')} {...f.bind('regionId', 'campaign-region')} />
      <Field label={t('camp.form.startsOn')} type="date" {...f.bind('startsOn', 'campaign-starts')} />
      <Field label={t('camp.form.endsOn')} type="date" {...f.bind('endsOn', 'campaign-ends')} />
      <fieldset className="wf-items" data-testid="campaign-items">
        <legend>{t('camp.form.items')}</legend>
        {items.map((it, i) => (
          <div className="wf-item-row" key={i}>
            <Input
              value={it.text}
              placeholder={t('camp.form.itemText')}
              label={t('camp.form.itemText')}
              onChange={(v) => setItem(i, { text: v })}
              testId={`campaign-item-text-${i}`}
            />
            <Input
              type="date"
              value={it.dueOn}
              label={t('camp.form.itemDue')}
              onChange={(v) => setItem(i, { dueOn: v })}
              testId={`campaign-item-due-${i}`}
            />
            {items.length > 1 && (
              <Button
                size="small"
                variant="ghost"
                onClick={() => setItems((xs) => xs.filter((_, j) => j !== i))}
              >
                {t('camp.form.removeItem')}
              </Button>
            )}
          </div>
        ))}
        <Button
          size="small"
          onClick={() => setItems((xs) => [...xs, { text: '', dueOn: endsOn }])}
          testId="campaign-add-item"
        >
          {t('camp.form.addItem')}
        </Button>
      </fieldset>
      {hints.length > 0 && (
        <ul className="text-danger" data-testid="campaign-form-hints">
          {hints.map((h) => (
            <li key={h}>{h}</li>
          ))}
        </ul>
      )}
    </FormCard>
  );
}
