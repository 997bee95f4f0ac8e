import { useState } from 'react';
import { answerOf, api, request } from '../../api/api-client.ts';
import type { MineStatus } from '../../api/generated/api-schema.ts';
import { useApiData } from '../../api/use-api.ts';
import { ErrorBox } from '../../components/error-box.tsx';
import { Button } from '../../components/button.tsx';
import { SpecForm, useSpecForm, type FormSpec } from '../../components/post-form.tsx';
import { MinePicker, type PickedMine } from '../../components/mine-picker.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { MessageKey } from '../../i18n/zh-cn.ts';
import { useCan } from '../../session/session-context.tsx';
import type { ChecklistItem, ResumptionView } from '../../api/generated/api-schema.ts';

const stepKey = (id: string) => `res.step.${id}` as MessageKey;

const APPLY_FORM: FormSpec = {
  idPrefix: 'resumption-apply',
  title: 'res.apply.title',
  submitLabel: 'res.apply.submit',
  submitTestId: 'resumption-apply',
  fields: [{ name: 'note', label: 'res.apply.note', kind: 'textarea', testId: 'resumption-note' }],
};

/** The mine (or a regulator for it) applies: a suspended mine picked by code or name. */
function ApplyForm({ onApplied }: { onApplied: () => void }) {
  const { t } = useI18n();
  const [mine, setMine] = useState<PickedMine | null>(null);
  const { form, action } = useSpecForm({ note: '' }, ['note'], () => {
    setMine(null);
    onApplied();
  });
  const [hint, setHint] = useState<string | null>(null);
  const submit = async () => {
    setHint(mine === null ? t('res.apply.pickFirst') : null);
    if (mine === null) return;
    await action.runWith(() =>
      answerOf(api.POST('/api/orders/resumptions', { body: { mineId: mine.id, note: form.values.note } })),
    );
  };
  return (
    <SpecForm
      spec={APPLY_FORM}
      form={form}
      action={action}
      onSubmit={() => void submit()}
      lead={
        <MinePicker
          value={mine}
          onChange={setMine}
          statuses={['suspended']}
          label={t('res.apply.mine')}
          testId="resumption-mine"
        />
      }
    >
      {hint !== null && <p className="text-danger">{hint}</p>}
    </SpecForm>
  );
}

function StepRow({
  item,
  current,
  canAct,
  onSign,
  onApprove,
}: {
  item: ChecklistItem;
  current: boolean;
  canAct: boolean;
  onSign: () => void;
  onApprove: () => void;
}) {
  const { t } = useI18n();
  const roles = item.roles.map((r) => t(`role.${r}`)).join(' / ');
  const state = item.done ? 'done' : current ? 'current' : 'waiting';
  return (
    <li className={`wf-step wf-step-${state}`} data-testid={`step-${item.id}`} data-state={state}>
      <span className="wf-step-mark">{item.done ? '✔' : current ? '●' : '○'}</span>
      <span className="wf-step-body">
        <span className="strong">{t(stepKey(item.id))}</span>
        <span className="muted"> — {t('res.by', { roles })}</span>
        {item.signedBy && (
          <span className="wf-step-signed" data-testid={`step-${item.id}-signed`}>
            {item.signedBy.name}（{item.signedBy.at.slice(0, 16).replace('T', ' ')}）
            {item.signedBy.note ? `：${item.signedBy.note}` : ''}
          </span>
        )}
      </span>
      {canAct && (item.how === 'sign' || item.how === 'decide') && (
        <Button
          variant="primary"
          size="small"
          onClick={item.how === 'sign' ? onSign : onApprove}
          testId={item.how === 'sign' ? `sign-${item.id}` : 'resumption-approve'}
        >
          {t(item.how === 'sign' ? 'res.sign' : 'res.approve')}
        </Button>
      )}
    </li>
  );
}

/**
 * A checklist detail in the user's language: the server sends a stable code and its numbers
 * (`detailCode`, `detailParams`); an unknown code falls back to the server's English text.
 */
function useCheckDetail(): (c: ChecklistItem) => string {
  const { t, has } = useI18n();
  return (c) => {
    const key = `res.detail.${c.detailCode ?? ''}`;
    if (!has(key)) return c.detail;
    const params = { ...(c.detailParams ?? {}) };
    const gas = `gas.${String(params.gasClass ?? '')}`;
    if (has(gas)) params.gasClass = t(gas);
    return t(key, params);
  };
}

function ResumptionCard({ r, onChanged }: { r: ResumptionView; onChanged: () => void }) {
  const { t } = useI18n();
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [hint, setHint] = useState<string | null>(null);
  const act = async (path: string, body: unknown) => {
    setError(null);
    setHint(null);
    try {
      await request('POST', path, { body });
      setNote('');
      onChanged();
    } catch (e) {
      setError(e);
    }
  };
  const describeCheck = useCheckDetail();
  const { actions } = r;
  const checks = r.checklist.filter((c) => c.how === 'auto');
  const chain = r.checklist.filter((c) => c.how !== 'auto');
  const pending = r.status === 'pending';
  const current = r.currentStep?.id ?? null;
  return (
    <article
      className="card wf-card"
      data-testid={`resumption-${r.id}`}
      data-mine-code={r.mineCode}
      data-status={r.status}
      data-step={current ?? ''}
    >
      <header className="wf-card-head">
        <h3>
          <span className="mono">{r.mineCode}</span> {r.mineName}
        </h3>
        <span
          className={`pill pill-${r.status === 'approved' ? 'producing' : r.status === 'rejected' ? 'suspended' : 'resumption_review'}`}
        >
          {t(`orders.res.status.${r.status}`)}
        </span>
      </header>
      <p className="muted">
        {t('res.resumesTo', { status: t(`status.${r.resumesTo as MineStatus}`) })}
        {' · '}
        <span data-testid="resumption-deadline" className={r.decision.overdue ? 'text-danger' : undefined}>
          {r.decision.overdue
            ? t('orders.res.overdue', { n: -r.decision.daysLeft, due: r.decision.dueOn })
            : t('orders.res.daysLeft', { n: r.decision.daysLeft, due: r.decision.dueOn })}
        </span>
      </p>
      {pending && current !== null && (
        <p className="wf-current" data-testid="resumption-current">
          {t('res.current', { step: t(stepKey(current)) })}
        </p>
      )}
      <div className="wf-columns">
        <section>
          <h4>{t('res.checks')}</h4>
          <ul className="wf-checks">
            {checks.map((c) => (
              <li
                key={c.id}
                data-testid={`check-${c.id}`}
                data-done={c.done ? 'true' : 'false'}
                className={c.done ? undefined : 'text-danger'}
              >
                {c.done ? '✔' : '✘'} {t(stepKey(c.id))}{' '}
                <span className="muted" data-testid={`check-${c.id}-detail`}>
                  ({describeCheck(c)})
                </span>
              </li>
            ))}
          </ul>
        </section>
        <section>
          <h4>{t('res.chain')}</h4>
          <ol className="wf-chain">
            {chain.map((c) => (
              <StepRow
                key={c.id}
                item={c}
                current={pending && c.id === current}
                canAct={c.how === 'sign' ? actions.sign === c.id : actions.approve}
                onSign={() => void act(`/api/orders/resumptions/${r.id}/sign-offs`, { item: c.id, note })}
                onApprove={() =>
                  void act(`/api/orders/resumptions/${r.id}/decision`, {
                    decision: 'approve',
                    reason: note.trim() || t('res.approveReason'),
                  })
                }
              />
            ))}
          </ol>
        </section>
      </div>
      {actions.waitingForChecks && (
        <p className="text-danger" data-testid="resumption-waiting-checks">
          {t('res.waitingForChecks')}
        </p>
      )}
      {pending && (actions.sign !== null || actions.approve || actions.reject) && (
        <div className="wf-actions">
          <input
            className="input wf-note"
            value={note}
            placeholder={t('res.note')}
            onChange={(e) => setNote(e.target.value)}
            data-testid="resumption-comment"
          />
          {actions.reject && (
            <button
              type="button"
              className="btn"
              data-testid="resumption-reject"
              onClick={() =>
                note.trim().length < 2
                  ? setError(new Error(t('res.rejectReason')))
                  : void act(`/api/orders/resumptions/${r.id}/decision`, {
                      decision: 'reject',
                      reason: note,
                    })
              }
            >
              {t('res.reject')}
            </button>
          )}
        </div>
      )}
      {hint !== null && <p className="text-danger">{hint}</p>}
      {error !== null && <ErrorBox error={error} testId="resumption-error" />}
      {r.notice !== null && (
        <p data-testid="resumption-notice" className={r.notice.late ? 'text-danger' : undefined}>
          {r.notice.recordedOn !== null
            ? `${t('orders.res.notice')}: ${r.notice.recordedOn}`
            : r.notice.late
              ? t('orders.res.noticeLate', { due: r.notice.dueOn })
              : t('orders.res.noticeDue', { due: r.notice.dueOn })}
        </p>
      )}
    </article>
  );
}

/**
 * 复产验收: the application form and every application in scope with its automatic checks and its
 * approval chain (group → leader → department head → bureau → government head); each user sees the
 * button of the step their role takes, and the server refuses a step out of order with its reason.
 */
export function ResumptionsPanel() {
  const { t } = useI18n();
  const may = useCan();
  const { data, error, isLoading, reload } = useApiData<{ resumptions: ResumptionView[] }>(
    '/api/orders/resumptions',
  );
  if (error !== null) return <ErrorBox error={error} onRetry={reload} />;
  const items = data?.resumptions ?? [];
  return (
    <div data-testid="resumptions" data-busy={isLoading ? 'true' : 'false'} className="wf-stack">
      {may('resumption.apply') && <ApplyForm onApplied={reload} />}
      {items.length === 0 && !isLoading && <p>{t('orders.res.empty')}</p>}
      {items.map((r) => (
        <ResumptionCard key={r.id} r={r} onChanged={reload} />
      ))}
    </div>
  );
}
