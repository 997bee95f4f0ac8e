import { useState, type FormEvent } from 'react';
import { useApiData } from '../../api/use-api.ts';
import { ActionButton } from '../../components/action-button.tsx';
import { Button } from '../../components/button.tsx';
import {
  ActionError,
  Input,
  Select,
  SubmitButton,
  TextArea,
  useFormFields,
} from '../../components/form-kit.tsx';
import { useAction } from '../../components/use-action.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { AssignableUser as Candidate, SupervisionCard } from '../../api/generated/api-schema.ts';

/** What every card of a mine's supervision page is given: the mine's card, and what to call after a change. */
interface SupervisionCardProps {
  card: SupervisionCard;
  onChanged: () => void;
}

/** The plan: its measures and state, and the steps the caller's role may take. */
export function PlanCard({
  card,
  canWrite,
  canApprove,
  onChanged,
}: SupervisionCardProps & { canWrite: boolean; canApprove: boolean }) {
  const { t } = useI18n();
  const plan = card.plan;
  const base = `/api/supervision/mines/${encodeURIComponent(card.mine.id)}/plan`;
  const action = useAction(onChanged);
  const [editing, setEditing] = useState(false);
  const [docRef, setDocRef] = useState(plan?.documentRef ?? '');
  const [measures, setMeasures] = useState((plan?.measures ?? []).map((m) => m.text).join('\n'));
  const [reason, setReason] = useState('');
  const save = async (e: FormEvent) => {
    e.preventDefault();
    const body = {
      documentRef: docRef,
      measures: measures
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((text) => ({ text })),
    };
    if (await action.run(plan ? 'PATCH' : 'POST', base, body)) setEditing(false);
  };
  return (
    <div className="card" data-testid="plan-card" data-state={plan?.state ?? 'none'}>
      <div className="card-head">
        <h2>{t('supervision.col.plan')}</h2>
        <span data-testid="plan-state">
          {plan ? t(`supervision.plan.state.${plan.state}`) : t('supervision.plan.none')}
        </span>
      </div>
      {plan && !editing && (
        <>
          <p>
            {t('supervision.plan.documentRef')}: <span className="mono">{plan.documentRef}</span>
          </p>
          {plan.returnReason && (
            <p data-testid="plan-return-reason">
              {t('supervision.plan.returnReason', { reason: plan.returnReason })}
            </p>
          )}
          <ol data-testid="plan-measures">
            {plan.measures.map((m, i) => (
              <li key={i}>
                {m.text}
                {m.owner && <span className="muted"> — {m.owner}</span>}
                {m.dueOn && <span className="muted"> ({m.dueOn})</span>}
              </li>
            ))}
          </ol>
        </>
      )}
      {editing && (
        <form className="sv-form" onSubmit={(e) => void save(e)} data-testid="plan-form">
          <Input
            placeholder={t('supervision.plan.documentRef')}
            testId="plan-document-ref"
            value={docRef}
            onChange={setDocRef}
          />
          <TextArea
            placeholder={t('supervision.plan.measuresHint')}
            testId="plan-measures-input"
            value={measures}
            onChange={setMeasures}
          />
          <div className="row">
            <SubmitButton action={action} testId="plan-save">
              {t('supervision.save')}
            </SubmitButton>
            <button className="btn btn-small btn-ghost" type="button" onClick={() => setEditing(false)}>
              {t('supervision.cancel')}
            </button>
          </div>
        </form>
      )}
      <div className="sv-form">
        <div className="row">
          {canWrite && !editing && plan?.state !== 'submitted' && (
            <button
              className="btn btn-small"
              type="button"
              data-testid="plan-edit"
              onClick={() => setEditing(true)}
            >
              {plan ? t('supervision.plan.edit') : t('supervision.plan.create')}
            </button>
          )}
          {canWrite && plan?.state === 'draft' && (
            <ActionButton action={action} url={`${base}/submit`} testId="plan-submit">
              {t('supervision.plan.submit')}
            </ActionButton>
          )}
          {canApprove && plan?.state === 'submitted' && (
            <>
              <ActionButton action={action} url={`${base}/approve`} variant="primary" testId="plan-approve">
                {t('supervision.plan.approve')}
              </ActionButton>
              <Input
                placeholder={t('supervision.plan.reason')}
                testId="plan-return-input"
                value={reason}
                onChange={setReason}
              />
              <ActionButton action={action} url={`${base}/return`} body={{ reason }} testId="plan-return">
                {t('supervision.plan.return')}
              </ActionButton>
            </>
          )}
        </div>
      </div>
      <ActionError action={action} testId="error-box" />
    </div>
  );
}

const RESPONSIBLE_FIELDS = ['name', 'position', 'phone'] as const;

/** The responsible person: shown to all; editable by the mine's officer and regulators. */
export function ResponsibleCard({ card, canSet, onChanged }: SupervisionCardProps & { canSet: boolean }) {
  const { t } = useI18n();
  const r = card.responsible;
  const action = useAction(onChanged);
  const f = useFormFields({ name: r?.name ?? '', position: r?.position ?? '', phone: r?.phone ?? '' });
  return (
    <div className="card" data-testid="responsible-card">
      <div className="card-head">
        <h2>{t('supervision.col.responsible')}</h2>
      </div>
      {r ? (
        <p data-testid="responsible-name">
          {r.name} · {r.position} · <span className="mono">{r.phone}</span>
        </p>
      ) : (
        <p className="sv-badge sv-badge-gap">{t('supervision.gap.responsible')}</p>
      )}
      {canSet && (
        <form
          className="sv-form"
          data-testid="responsible-form"
          onSubmit={(e) => {
            e.preventDefault();
            void action.run(
              'POST',
              `/api/supervision/mines/${encodeURIComponent(card.mine.id)}/responsible`,
              f.values,
            );
          }}
        >
          <div className="row">
            {RESPONSIBLE_FIELDS.map((name) => (
              <Input
                key={name}
                placeholder={t(`supervision.responsible.${name}`)}
                {...f.bind(name, `responsible-${name}-input`)}
              />
            ))}
            <Button type="submit" size="small" disabled={action.busy} testId="responsible-save">
              {t('supervision.save')}
            </Button>
          </div>
        </form>
      )}
      <ActionError action={action} testId="error-box" />
    </div>
  );
}

/** The options of a select of people: one per person, by id, named by display name. */
const personOptions = (people: readonly Candidate[]) => ({
  options: people,
  keyOf: (u: Candidate) => u.id,
  labelOf: (u: Candidate) => u.displayName,
});

/** The group and the leader on contact duty, with assignment forms for regulators. */
export function AssignmentCard({
  card,
  canAssign,
  onChanged,
}: SupervisionCardProps & { canAssign: boolean }) {
  const { t } = useI18n();
  const id = encodeURIComponent(card.mine.id);
  const candidates = useApiData<{ leaders: Candidate[]; groupMembers: Candidate[] }>(
    canAssign ? `/api/supervision/mines/${id}/candidates` : null,
  );
  const action = useAction(onChanged);
  const [leaderId, setLeaderId] = useState('');
  const [members, setMembers] = useState<string[]>([]);
  const [groupLeader, setGroupLeader] = useState('');
  return (
    <div className="card" data-testid="assignment-card">
      <div className="card-head">
        <h2>
          {t('supervision.col.group')} / {t('supervision.col.leader')}
        </h2>
      </div>
      <p data-testid="group-members">
        {card.group ? (
          card.group.members
            .map((m) => (m.isLeader ? `${m.name} (${t('supervision.group.leader')})` : m.name))
            .join('、')
        ) : (
          <span className="sv-badge sv-badge-gap">{t('supervision.gap.group')}</span>
        )}
      </p>
      <p data-testid="leader-name">
        {t('supervision.col.leader')}:{' '}
        {card.leader ? (
          card.leader.name
        ) : (
          <span className="sv-badge sv-badge-gap">{t('supervision.gap.leader')}</span>
        )}
      </p>
      {canAssign && candidates.data && (
        <div className="sv-form">
          <div className="row">
            <Select
              {...personOptions(candidates.data.leaders)}
              testId="leader-select"
              value={leaderId}
              onChange={setLeaderId}
              placeholder={t('supervision.assign.pickLeader')}
            />
            <ActionButton
              action={action}
              url={`/api/supervision/mines/${id}/leader`}
              body={{ userId: leaderId }}
              isBlocked={leaderId === ''}
              testId="leader-save"
            >
              {t('supervision.assign.leader')}
            </ActionButton>
          </div>
          <div className="row" data-testid="group-form">
            {candidates.data.groupMembers.map((u) => (
              <label key={u.id}>
                <input
                  type="checkbox"
                  checked={members.includes(u.id)}
                  onChange={(e) =>
                    setMembers(e.target.checked ? [...members, u.id] : members.filter((x) => x !== u.id))
                  }
                />{' '}
                {u.displayName}
              </label>
            ))}
            <Select
              {...personOptions(candidates.data.groupMembers)}
              testId="group-leader-select"
              value={groupLeader}
              onChange={setGroupLeader}
              placeholder={t('supervision.assign.pickGroupLeader')}
            />
            <ActionButton
              action={action}
              url={`/api/supervision/mines/${id}/group`}
              body={{ leaderUserId: groupLeader, memberUserIds: members }}
              isBlocked={groupLeader === ''}
              testId="group-save"
            >
              {t('supervision.assign.group')}
            </ActionButton>
          </div>
        </div>
      )}
      <ActionError action={action} testId="error-box" />
    </div>
  );
}
