import { useState, type FormEvent } from 'react';
import { request } from '../../api/api-client.ts';
import { ErrorBox } from '../../components/error-box.tsx';
import { Select } from '../../components/form-kit.tsx';
import { useAction } from '../../components/use-action.ts';
import { todayIsoDate } from '../../format.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import {
  accountabilityActionValues as ACCOUNTABILITY_ACTIONS,
  accountabilityChainValues as ACCOUNTABILITY_CHAINS,
  type AccountabilityAction,
  type AccountabilityChain,
} from '../../api/generated/api-schema.ts';

/**
 * A regulator records an official held to account for the accident (党政同责、一岗双责: enterprise,
 * regulator, party or government chain). Shown only to roles holding `accountability.record`.
 */
export function AccountabilityForm({
  accidentId,
  onRecorded,
}: {
  accidentId: string;
  onRecorded: () => void;
}) {
  const { t } = useI18n();
  const [personName, setPersonName] = useState('');
  const [post, setPost] = useState('');
  const [chain, setChain] = useState<AccountabilityChain>('enterprise');
  const [action, setAction] = useState<AccountabilityAction>('criticism');
  const [decidedOn, setDecidedOn] = useState(todayIsoDate());
  const [note, setNote] = useState('');
  const { busy, error, runWith } = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await runWith(async () => {
      await request('POST', `/api/accidents/${encodeURIComponent(accidentId)}/accountability`, {
        body: { personName, post, chain, action, decidedOn, ...(note.trim() ? { note } : {}) },
      });
      setPersonName('');
      setPost('');
      setNote('');
      onRecorded();
    });
  };
  return (
    <form
      className="card acc-form"
      data-testid="acct-form"
      data-busy={busy ? 'true' : 'false'}
      onSubmit={(e) => void submit(e)}
    >
      <h4>{t('accidents.acct.add')}</h4>
      <label>
        {t('accidents.acct.person')}
        <input
          className="input"
          data-testid="acct-form-person"
          required
          maxLength={100}
          value={personName}
          onChange={(e) => setPersonName(e.target.value)}
        />
      </label>
      <label>
        {t('accidents.acct.post')}
        <input
          className="input"
          data-testid="acct-form-post"
          required
          maxLength={200}
          value={post}
          onChange={(e) => setPost(e.target.value)}
        />
      </label>
      <label>
        {t('accidents.acct.chain')}
        <Select
          testId="acct-form-chain"
          value={chain}
          onChange={(v) => setChain(v as AccountabilityChain)}
          options={ACCOUNTABILITY_CHAINS}
          labelOf={(c) => t(`accidents.chain.${c}`)}
        />
      </label>
      <label>
        {t('accidents.acct.action')}
        <Select
          testId="acct-form-action"
          value={action}
          onChange={(v) => setAction(v as AccountabilityAction)}
          options={ACCOUNTABILITY_ACTIONS}
          labelOf={(a) => t(`accidents.action.${a}`)}
        />
      </label>
      <label>
        {t('accidents.acct.decidedOn')}
        <input
          type="date"
          className="input"
          data-testid="acct-form-decidedOn"
          required
          value={decidedOn}
          onChange={(e) => setDecidedOn(e.target.value)}
        />
      </label>
      <label className="acc-wide">
        {t('accidents.acct.note')}
        <textarea
          className="input"
          rows={2}
          data-testid="acct-form-note"
          maxLength={2000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </label>
      <div className="acc-wide">
        {error !== null && <ErrorBox error={error} />}
        <button
          className="btn btn-primary btn-small"
          type="submit"
          data-testid="acct-form-submit"
          disabled={busy}
        >
          {t('accidents.acct.submit')}
        </button>
      </div>
    </form>
  );
}
