import { useState, type FormEvent } from 'react';
import { useAction } from '../../components/use-action.ts';
import { request } from '../../api/api-client.ts';
import { ErrorBox } from '../../components/error-box.tsx';
import { RegionOptions } from '../../components/region-options.tsx';
import { todayIsoDate } from '../../format.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { useRegions } from '../../session/regions-context.tsx';

interface ItemDraft {
  text: string;
  dueOn: string;
}

/**
 * 专项整治: a regulator creates a campaign for a region in scope — name, period and the checklist each
 * mine works through (each item with its due date inside the period). The server checks the rest.
 */
export function CampaignForm({ onCreated }: { onCreated: (id: string) => void }) {
  const { t, lang } = useI18n();
  const { regions } = useRegions();
  const today = todayIsoDate();
  const [name, setName] = useState('');
  const [regionId, setRegionId] = useState('');
  const [startsOn, setStartsOn] = useState(today);
  const [endsOn, setEndsOn] = useState('');
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
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found = check();
    setHints(found);
    if (found.length > 0) return;
    await action.runWith(async () => {
      const out = await request<{ campaign: { id: string } }>('POST', '/api/orders/campaigns', {
        body: { name, regionId, startsOn, endsOn, items },
      });
      setName('');
      setItems([{ text: '', dueOn: '' }]);
      onCreated(out.campaign.id);
    });
  };
  return (
    <form
      className="card wf-form"
      onSubmit={(e) => void submit(e)}
      data-testid="campaign-form"
      data-busy={action.busy ? 'true' : 'false'}
    >
      <h2>{t('camp.form.title')}</h2>
      <label className="field">
        <span className="field-label">{t('camp.form.name')}</span>
        <input
          className="input"
          value={name}
          onChange={(e) => setName(e.target.value)}
          data-testid="campaign-name"
        />
      </label>
      <label className="field">
        <span className="field-label">{t('camp.form.region')}</span>
        <select
          className="select"
          value={regionId}
          onChange={(e) => setRegionId(e.target.value)}
          data-testid="campaign-region"
        >
          <option value="" />
          <RegionOptions regions={regions} lang={lang} />
        </select>
      </label>
      <label className="field">
        <span className="field-label">{t('camp.form.startsOn')}</span>
        <input
          type="date"
          className="input"
          value={startsOn}
          onChange={(e) => setStartsOn(e.target.value)}
          data-testid="campaign-starts"
        />
      </label>
      <label className="field">
        <span className="field-label">{t('camp.form.endsOn')}</span>
        <input
          type="date"
          className="input"
          value={endsOn}
          onChange={(e) => setEndsOn(e.target.value)}
          data-testid="campaign-ends"
        />
      </label>
      <fieldset className="wf-items" data-testid="campaign-items">
        <legend>{t('camp.form.items')}</legend>
        {items.map((it, i) => (
          <div className="wf-item-row" key={i}>
            <input
              className="input"
              value={it.text}
              placeholder={t('camp.form.itemText')}
              aria-label={t('camp.form.itemText')}
              onChange={(e) => setItem(i, { text: e.target.value })}
              data-testid={`campaign-item-text-${i}`}
            />
            <input
              type="date"
              className="input"
              value={it.dueOn}
              aria-label={t('camp.form.itemDue')}
              onChange={(e) => setItem(i, { dueOn: e.target.value })}
              data-testid={`campaign-item-due-${i}`}
            />
            {items.length > 1 && (
              <button
                type="button"
                className="btn btn-small"
                onClick={() => setItems((xs) => xs.filter((_, j) => j !== i))}
              >
                {t('camp.form.removeItem')}
              </button>
            )}
          </div>
        ))}
        <button
          type="button"
          className="btn btn-small"
          onClick={() => setItems((xs) => [...xs, { text: '', dueOn: endsOn }])}
          data-testid="campaign-add-item"
        >
          {t('camp.form.addItem')}
        </button>
      </fieldset>
      <div className="wf-actions">
        <button
          type="submit"
          className="btn btn-primary"
          disabled={action.busy}
          data-testid="campaign-create"
        >
          {t('camp.form.submit')}
        </button>
      </div>
      {hints.length > 0 && (
        <ul className="text-danger" data-testid="campaign-form-hints">
          {hints.map((h) => (
            <li key={h}>{h}</li>
          ))}
        </ul>
      )}
      {action.error !== null && <ErrorBox error={action.error} testId="campaign-form-error" />}
    </form>
  );
}
