import { useState, type FormEvent } from 'react';
import { answerOf, api } from '../../api/api-client.ts';
import { ErrorBox } from '../../components/error-box.tsx';
import { MinePicker, type PickedMine } from '../../components/mine-picker.tsx';
import { RegionOptions } from '../../components/region-options.tsx';
import { useAction } from '../../components/use-action.ts';
import { orderNoteText } from '../workflow-labels.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { useRegions } from '../../session/regions-context.tsx';
import type { MinePreview, OrderKind } from '../../api/generated/api-schema.ts';
import { afterCreate } from '../follow-up/after-create.ts';
import type { Prefill } from '../follow-up/prefill.ts';

const KINDS: readonly OrderKind[] = ['stop_work', 'suspend_mine', 'close_mine', 'lift'];
const LABEL = { display: 'flex', flexDirection: 'column', gap: 4 } as const;

/** The regulator's issue form: region-wide or one mine, with the affected-mines preview. */
export function IssueOrderForm({ onIssued, prefill }: { onIssued: () => void; prefill?: Prefill }) {
  const { t, lang, has } = useI18n();
  const { regions } = useRegions();
  const draft = prefill?.draft ?? null;
  // Opened for a mine (from its page or an alarm): a suspension of that mine, the alarm as the reason.
  const [kind, setKind] = useState<OrderKind>(prefill?.mine ? 'suspend_mine' : 'stop_work');
  const [number, setNumber] = useState('');
  const [regionId, setRegionId] = useState('');
  const [mine, setMine] = useState<PickedMine | null>(prefill?.mine ?? null);
  const [basis, setBasis] = useState('');
  const [reason, setReason] = useState(draft?.summary ?? '');
  const [effective, setEffective] = useState('');
  const [evacuate, setEvacuate] = useState('');
  const [preview, setPreview] = useState<MinePreview[] | null>(null);
  const { busy, error, runWith } = useAction();
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
    await runWith(async () => {
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
      className="panel"
      style={{ display: 'grid', gridTemplateColumns: 'repeat(3, minmax(0, 1fr))', gap: 8, marginBottom: 16 }}
      onSubmit={submit}
      data-testid="order-form"
      data-busy={busy ? 'true' : 'false'}
    >
      <h2 style={{ gridColumn: '1 / -1' }}>{t('orders.form.title')}</h2>
      <label style={LABEL}>
        {t('orders.form.kind')}
        <select value={kind} onChange={(e) => setKind(e.target.value as OrderKind)} data-testid="order-kind">
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`orders.kind.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <label style={LABEL}>
        {t('orders.form.number')}
        <input value={number} onChange={(e) => setNumber(e.target.value)} data-testid="order-number" />
      </label>
      {kind === 'stop_work' ? (
        <label style={LABEL}>
          {t('orders.form.region')}
          <select value={regionId} onChange={(e) => setRegionId(e.target.value)} data-testid="order-region">
            <option value="" />
            <RegionOptions regions={regions} lang={lang} />
          </select>
        </label>
      ) : (
        <MinePicker value={mine} onChange={setMine} label={t('orders.form.mine')} testId="order-mine" />
      )}
      <label style={LABEL}>
        {t('orders.form.basis')}
        <input value={basis} onChange={(e) => setBasis(e.target.value)} data-testid="order-basis" />
      </label>
      <label style={LABEL}>
        {t('orders.form.reason')}
        <input value={reason} onChange={(e) => setReason(e.target.value)} data-testid="order-reason" />
      </label>
      <label style={LABEL}>
        {t('orders.form.effective')}
        <input
          type="datetime-local"
          value={effective}
          onChange={(e) => setEffective(e.target.value)}
          data-testid="order-effective"
        />
      </label>
      {kind !== 'lift' && (
        <label style={LABEL}>
          {t('orders.form.evacuate')}
          <input
            inputMode="numeric"
            value={evacuate}
            onChange={(e) => setEvacuate(e.target.value)}
            data-testid="order-evacuate"
          />
        </label>
      )}
      <div className="actions" style={{ gridColumn: '1 / -1', display: 'flex', gap: 8 }}>
        <button
          type="button"
          className="btn"
          disabled={busy}
          onClick={() => void run('preview')}
          data-testid="order-preview"
        >
          {t('orders.form.preview')}
        </button>
        <button type="submit" className="btn btn-primary" disabled={busy} data-testid="order-issue">
          {t('orders.form.issue')}
        </button>
      </div>
      {error !== null && <ErrorBox error={error} testId="order-error" />}
      {issued !== null && (
        <p data-testid="order-issued" style={{ gridColumn: '1 / -1' }}>
          {t('orders.form.issued', { n: issued })}
        </p>
      )}
      {preview !== null && (
        <div data-testid="order-preview-list" style={{ gridColumn: '1 / -1' }}>
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
