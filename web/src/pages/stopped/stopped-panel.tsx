import { useState, type FormEvent } from 'react';
import { request, type ApiAnswer } from '../../api/api-client.ts';
import type { MineStatus } from '../../api/generated/api-schema.ts';
import { CardSection } from '../../components/card-section.tsx';
import { useAction } from '../../components/use-action.ts';
import { useApiData } from '../../api/use-api.ts';
import { Button } from '../../components/button.tsx';
import { StatusChip, type ChipTone } from '../../components/chip.tsx';
import { ErrorBox } from '../../components/error-box.tsx';
import {
  ActionError,
  CheckField,
  Field,
  FormFooter,
  Input,
  useFormFields,
} from '../../components/form-kit.tsx';
import { formatDateTime } from '../../format.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { useCan, useSession } from '../../session/session-context.tsx';
import './stopped.css';

type Kind = 'watch_crew' | 'dismantling';
type System = 'ventilation' | 'drainage' | 'monitoring';

/** A declaration as GET /api/mines/:id/stopped-allowances returns it (generated API types). */
export type AllowanceView = ApiAnswer<'/api/mines/{id}/stopped-allowances'>['allowances'][number];

const STATE_TONE: Record<AllowanceView['state'], ChipTone> = {
  declared: 'warn',
  approved: 'ok',
  rejected: 'danger',
  superseded: 'neutral',
};
const SYSTEMS: readonly System[] = ['ventilation', 'drainage', 'monitoring'];
/** The kind a mine of this status may declare (ADR 0014). */
const KIND_OF: Partial<Record<MineStatus, Kind>> = {
  suspended: 'watch_crew',
  resumption_review: 'watch_crew',
  closing: 'dismantling',
};
const list = (text: string) =>
  text
    .split(/[,，、\s]+/)
    .map((x) => x.trim())
    .filter(Boolean);

/** `datetime-local` input value (China Standard Time) → ISO instant. */
const cstInputToIso = (v: string) => (v ? new Date(`${v}:00+08:00`).toISOString() : null);

function DeclareForm({ mineId, kind, onDone }: { mineId: string; kind: Kind; onDone: () => void }) {
  const { t } = useI18n();
  const f = useFormFields({ crew: '', roles: '', areas: '', from: '', to: '', supervisor: '', note: '' });
  const { crew, roles, areas, from, to, supervisor, note } = f.values;
  const [systems, setSystems] = useState<System[]>([...SYSTEMS]);
  const action = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.runWith(async () => {
      await request('POST', `/api/mines/${encodeURIComponent(mineId)}/stopped-allowances`, {
        body: {
          kind,
          crewSize: Number(crew),
          roles: list(roles),
          areaCodes: list(areas),
          systems: kind === 'watch_crew' ? systems : [],
          fromAt: cstInputToIso(from),
          toAt: kind === 'dismantling' ? cstInputToIso(to) : null,
          supervisor: kind === 'dismantling' ? supervisor : null,
          note,
        },
      });
      onDone();
    });
  };

  return (
    <form
      className="wf-form"
      onSubmit={submit}
      data-testid="stopped-form"
      data-busy={action.busy ? 'true' : 'false'}
    >
      <Field label={t('stopped.form.crew')} inputMode="numeric" {...f.bind('crew', 'stopped-crew')} />
      <Field label={t('stopped.form.roles')} {...f.bind('roles', 'stopped-roles')} />
      <Field label={t('stopped.form.areas')} {...f.bind('areas', 'stopped-areas')} />
      {kind === 'watch_crew' ? (
        <fieldset className="field" data-testid="stopped-systems">
          <legend className="field-label">{t('stopped.form.systems')}</legend>
          <div className="wf-actions">
            {SYSTEMS.map((s) => (
              <CheckField
                key={s}
                label={t(`stopped.system.${s}`)}
                checked={systems.includes(s)}
                onChange={(on) => setSystems(on ? [...systems, s] : systems.filter((x) => x !== s))}
                testId={`stopped-system-${s}`}
              />
            ))}
          </div>
        </fieldset>
      ) : (
        <>
          <Field label={t('stopped.form.from')} type="datetime-local" {...f.bind('from', 'stopped-from')} />
          <Field label={t('stopped.form.to')} type="datetime-local" {...f.bind('to', 'stopped-to')} />
          <Field label={t('stopped.form.supervisor')} {...f.bind('supervisor', 'stopped-supervisor')} />
        </>
      )}
      <Field label={t('stopped.form.note')} {...f.bind('note', 'stopped-note')} />
      <FormFooter action={action} submitTestId="stopped-submit" errorTestId="stopped-form-error">
        {t('stopped.form.submit')}
      </FormFooter>
    </form>
  );
}

function Decide({ id, onDone }: { id: string; onDone: () => void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const action = useAction();
  const decide = (decision: 'approve' | 'reject') =>
    void action.runWith(async () => {
      await request('POST', `/api/stopped-allowances/${encodeURIComponent(id)}/decision`, {
        body: { decision, reason },
      });
      onDone();
    });
  return (
    <div className="wf-actions" data-testid={`stopped-decide-${id}`}>
      <span className="wf-note">
        <Input
          placeholder={t('stopped.decide.reason')}
          label={t('stopped.decide.reason')}
          value={reason}
          onChange={setReason}
          testId="stopped-reason"
        />
      </span>
      {(['approve', 'reject'] as const).map((decision) => (
        <Button
          key={decision}
          variant={decision === 'approve' ? 'primary' : 'danger'}
          disabled={action.busy}
          onClick={() => decide(decision)}
          testId={`stopped-${decision}`}
        >
          {t(`stopped.decide.${decision}`)}
        </Button>
      ))}
      <ActionError action={action} testId="stopped-decide-error" />
    </div>
  );
}

function AllowanceCard({
  a,
  canDecide,
  onChanged,
}: {
  a: AllowanceView;
  canDecide: boolean;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const window =
    a.toAt === null
      ? t('stopped.window.open', { from: formatDateTime(a.fromAt) })
      : t('stopped.window.range', { from: formatDateTime(a.fromAt), to: formatDateTime(a.toAt) });
  return (
    <article
      className="wf-card"
      data-testid={`stopped-allowance-${a.id}`}
      data-state={a.state}
      data-kind={a.kind}
    >
      <header className="wf-card-head">
        <h3>{t(`stopped.kind.${a.kind}`)}</h3>
        <StatusChip tone={STATE_TONE[a.state]} testId="stopped-state" state={a.state}>
          {t(`stopped.state.${a.state}`)}
        </StatusChip>
      </header>
      <dl className="wf-facts">
        <dt>{t('stopped.col.crew')}</dt>
        <dd data-testid="stopped-crew-size">{a.crewSize}</dd>
        <dt>{t('stopped.col.roles')}</dt>
        <dd>{a.roles.join('、')}</dd>
        <dt>{t('stopped.col.areas')}</dt>
        <dd className="mono">{a.areaCodes.join(', ')}</dd>
        {a.kind === 'watch_crew' ? (
          <>
            <dt>{t('stopped.col.systems')}</dt>
            <dd>{a.systems.map((s) => t(`stopped.system.${s}`)).join('、')}</dd>
          </>
        ) : (
          <>
            <dt>{t('stopped.col.supervisor')}</dt>
            <dd>{a.supervisor}</dd>
          </>
        )}
        <dt>{t('stopped.col.window')}</dt>
        <dd>{window}</dd>
        <dt>{t('stopped.col.declared')}</dt>
        <dd>{t('stopped.by', { name: a.declaredByName, at: formatDateTime(a.declaredAt) })}</dd>
        {a.decidedAt !== null && (
          <>
            <dt>{t('stopped.col.decided')}</dt>
            <dd data-testid="stopped-decided">
              {t('stopped.by', { name: a.decidedByName ?? '', at: formatDateTime(a.decidedAt) })}
              {a.decisionReason ? ` — ${a.decisionReason}` : ''}
            </dd>
          </>
        )}
      </dl>
      {canDecide && a.state === 'declared' && <Decide id={a.id} onDone={onChanged} />}
    </article>
  );
}

/**
 * The mine page's watch-crew and dismantling panel (ADR 0014): shown for a stopped mine, or whenever the
 * mine has declarations. The mine (or a regulator) declares; a regulator who did not declare approves.
 */
export function StoppedPanel({ mineId, status }: { mineId: string; status: MineStatus }) {
  const { t } = useI18n();
  const { user } = useSession().session;
  const may = useCan();
  const { data, error, isLoading, reload } = useApiData<{ allowances: AllowanceView[] }>(
    `/api/mines/${encodeURIComponent(mineId)}/stopped-allowances`,
  );
  const [declared, setDeclared] = useState(false);
  const kind = KIND_OF[status];
  const items = data?.allowances ?? [];
  if (kind === undefined && items.length === 0) return null;
  return (
    <CardSection testId="stopped-panel" isBusy={isLoading} title={t('stopped.panel.title')}>
      <div className="stopped-body">
        <p className="muted">
          {t(kind === 'dismantling' ? 'stopped.panel.hint.dismantle' : 'stopped.panel.hint.watch')}
        </p>
        {error !== null && <ErrorBox error={error} onRetry={reload} />}
        {items.length === 0 && !isLoading && <p>{t('stopped.panel.empty')}</p>}
        {declared && (
          <p className="tag" data-testid="stopped-declared">
            {t('stopped.form.done')}
          </p>
        )}
        <div className="wf-stack">
          {items.map((a) => (
            <AllowanceCard
              key={a.id}
              a={a}
              canDecide={may('stopped.approve') && a.declaredById !== user.id}
              onChanged={reload}
            />
          ))}
        </div>
        {kind !== undefined && may('stopped.declare') && (
          <details className="stopped-declare" open={items.length === 0}>
            <summary data-testid="stopped-declare-open">
              {t('stopped.form.title')}: {t(`stopped.kind.${kind}`)}
            </summary>
            <DeclareForm
              mineId={mineId}
              kind={kind}
              onDone={() => {
                setDeclared(true);
                reload();
              }}
            />
          </details>
        )}
      </div>
    </CardSection>
  );
}
