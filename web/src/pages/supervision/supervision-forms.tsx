import { useState, type FormEvent } from 'react';
import { useApiData } from '../../api/use-api.ts';
import { ErrorBox } from '../../components/error-box.tsx';
import { Input, Select, SubmitButton, TextArea } from '../../components/form-kit.tsx';
import { useAction } from '../../components/use-action.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { AssignableUser as Candidate, SupervisionCard } from '../../api/generated/api-schema.ts';

/** The plan: its measures and state, and the steps the caller's role may take. */
export function PlanCard({
  card,
  canWrite,
  canApprove,
  onChanged,
}: {
  card: SupervisionCard;
  canWrite: boolean;
  canApprove: boolean;
  onChanged: () => void;
}) {
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
            <button
              className="btn btn-small"
              type="button"
              data-testid="plan-submit"
              disabled={action.busy}
              onClick={() => void action.run('POST', `${base}/submit`)}
            >
              {t('supervision.plan.submit')}
            </button>
          )}
          {canApprove && plan?.state === 'submitted' && (
            <>
              <button
                className="btn btn-small btn-primary"
                type="button"
                data-testid="plan-approve"
                disabled={action.busy}
                onClick={() => void action.run('POST', `${base}/approve`)}
              >
                {t('supervision.plan.approve')}
              </button>
              <Input
                placeholder={t('supervision.plan.reason')}
                testId="plan-return-input"
                value={reason}
                onChange={setReason}
              />
              <button
                className="btn btn-small"
                type="button"
                data-testid="plan-return"
                disabled={action.busy}
                onClick={() => void action.run('POST', `${base}/return`, { reason })}
              >
                {t('supervision.plan.return')}
              </button>
            </>
          )}
        </div>
      </div>
      {action.error !== null && <ErrorBox error={action.error} />}
    </div>
  );
}

/** The responsible person: shown to all; editable by the mine's officer and regulators. */
export function ResponsibleCard({
  card,
  canSet,
  onChanged,
}: {
  card: SupervisionCard;
  canSet: boolean;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const r = card.responsible;
  const action = useAction(onChanged);
  const [name, setName] = useState(r?.name ?? '');
  const [position, setPosition] = useState(r?.position ?? '');
  const [phone, setPhone] = useState(r?.phone ?? '');
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
              { name, position, phone },
            );
          }}
        >
          <div className="row">
            <Input
              placeholder={t('supervision.responsible.name')}
              testId="responsible-name-input"
              value={name}
              onChange={setName}
            />
            <Input
              placeholder={t('supervision.responsible.position')}
              testId="responsible-position-input"
              value={position}
              onChange={setPosition}
            />
            <Input
              placeholder={t('supervision.responsible.phone')}
              testId="responsible-phone-input"
              value={phone}
              onChange={setPhone}
            />
            <button
              className="btn btn-small"
              type="submit"
              disabled={action.busy}
              data-testid="responsible-save"
            >
              {t('supervision.save')}
            </button>
          </div>
        </form>
      )}
      {action.error !== null && <ErrorBox error={action.error} />}
    </div>
  );
}

/** The group and the leader on contact duty, with assignment forms for regulators. */
export function AssignmentCard({
  card,
  canAssign,
  onChanged,
}: {
  card: SupervisionCard;
  canAssign: boolean;
  onChanged: () => void;
}) {
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
              testId="leader-select"
              value={leaderId}
              onChange={setLeaderId}
              placeholder={t('supervision.assign.pickLeader')}
              options={candidates.data.leaders}
              keyOf={(u) => u.id}
              labelOf={(u) => u.displayName}
            />
            <button
              className="btn btn-small"
              type="button"
              data-testid="leader-save"
              disabled={action.busy || leaderId === ''}
              onClick={() =>
                void action.run('POST', `/api/supervision/mines/${id}/leader`, { userId: leaderId })
              }
            >
              {t('supervision.assign.leader')}
            </button>
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
              testId="group-leader-select"
              value={groupLeader}
              onChange={setGroupLeader}
              placeholder={t('supervision.assign.pickGroupLeader')}
              options={candidates.data.groupMembers}
              keyOf={(u) => u.id}
              labelOf={(u) => u.displayName}
            />
            <button
              className="btn btn-small"
              type="button"
              data-testid="group-save"
              disabled={action.busy || groupLeader === ''}
              onClick={() =>
                void action.run('POST', `/api/supervision/mines/${id}/group`, {
                  leaderUserId: groupLeader,
                  memberUserIds: members,
                })
              }
            >
              {t('supervision.assign.group')}
            </button>
          </div>
        </div>
      )}
      {action.error !== null && <ErrorBox error={action.error} />}
    </div>
  );
}
