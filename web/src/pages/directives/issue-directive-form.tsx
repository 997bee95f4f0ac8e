import { useState, type FormEvent } from 'react';
import { answerOf, api } from '../../api/api-client.ts';
import { ErrorBox } from '../../components/error-box.tsx';
import { RegionOptions } from '../../components/region-options.tsx';
import { useAction } from '../../components/use-action.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { useRegions } from '../../session/regions-context.tsx';
import type { DirectiveKind } from '../../api/generated/api-schema.ts';

const LABEL = { display: 'flex', flexDirection: 'column', gap: 4 } as const;
const WIDE = { ...LABEL, gridColumn: '1 / -1' } as const;

/** The regulator's form: a notice to every non-closed mine of a region, with its deadline. */
export function IssueDirectiveForm({ onIssued }: { onIssued: () => void }) {
  const { t, lang } = useI18n();
  const { regions } = useRegions();
  const [kind, setKind] = useState<DirectiveKind>('accident_warning');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [cause, setCause] = useState('');
  const [accidentId, setAccidentId] = useState('');
  const [regionId, setRegionId] = useState('');
  const [deadline, setDeadline] = useState('');
  const [isReplyRequired, setReplyRequired] = useState(true);
  const { busy, error, runWith } = useAction();
  const [issued, setIssued] = useState<number | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await runWith(async () => {
      const r = await answerOf(
        api.POST('/api/directives', {
          body: {
            kind,
            title,
            body,
            causeSummary: kind === 'accident_warning' ? cause : null,
            accidentId: kind === 'accident_warning' && accidentId ? accidentId : null,
            regionId: regionId || null,
            deadline: deadline ? new Date(deadline).toISOString() : '',
            isReplyRequired,
          },
        }),
      );
      setIssued(r.recipients);
      onIssued();
    });
  };

  return (
    <form
      className="panel"
      style={{ display: 'grid', gridTemplateColumns: 'repeat(3, minmax(0, 1fr))', gap: 8, marginBottom: 16 }}
      onSubmit={(e) => void submit(e)}
      data-testid="directive-form"
      data-busy={busy ? 'true' : 'false'}
    >
      <h2 style={{ gridColumn: '1 / -1' }}>{t('directives.form.title')}</h2>
      <label style={LABEL}>
        {t('directives.form.kind')}
        <select
          value={kind}
          onChange={(e) => setKind(e.target.value as DirectiveKind)}
          data-testid="directive-kind"
        >
          <option value="accident_warning">{t('directives.kind.accident_warning')}</option>
          <option value="directive">{t('directives.kind.directive')}</option>
        </select>
      </label>
      <label style={LABEL}>
        {t('directives.form.region')}
        <select value={regionId} onChange={(e) => setRegionId(e.target.value)} data-testid="directive-region">
          <option value="" />
          <RegionOptions regions={regions} lang={lang} />
        </select>
      </label>
      <label style={LABEL}>
        {t('directives.form.deadline')}
        <input
          type="datetime-local"
          step={1}
          value={deadline}
          onChange={(e) => setDeadline(e.target.value)}
          data-testid="directive-deadline"
        />
      </label>
      <label style={WIDE}>
        {t('directives.form.heading')}
        <input value={title} onChange={(e) => setTitle(e.target.value)} data-testid="directive-title" />
      </label>
      <label style={WIDE}>
        {t('directives.form.body')}
        <textarea
          className="textarea"
          value={body}
          onChange={(e) => setBody(e.target.value)}
          data-testid="directive-body"
        />
      </label>
      {kind === 'accident_warning' && (
        <>
          <label style={{ ...LABEL, gridColumn: 'span 2' }}>
            {t('directives.form.cause')}
            <input value={cause} onChange={(e) => setCause(e.target.value)} data-testid="directive-cause" />
          </label>
          <label style={LABEL}>
            {t('directives.form.accident')}
            <input
              value={accidentId}
              onChange={(e) => setAccidentId(e.target.value)}
              data-testid="directive-accident"
            />
          </label>
        </>
      )}
      <label style={{ ...WIDE, flexDirection: 'row', alignItems: 'center' }}>
        <input
          type="checkbox"
          checked={isReplyRequired}
          onChange={(e) => setReplyRequired(e.target.checked)}
          data-testid="directive-reply-required"
        />
        {t('directives.form.replyRequired')}
      </label>
      <div style={{ gridColumn: '1 / -1' }}>
        <button type="submit" className="btn btn-primary" disabled={busy} data-testid="directive-issue">
          {t('directives.form.issue')}
        </button>
      </div>
      {error !== null && <ErrorBox error={error} testId="directive-error" />}
      {issued !== null && (
        <p data-testid="directive-issued" style={{ gridColumn: '1 / -1' }}>
          {t('directives.form.issued', { n: issued })}
        </p>
      )}
    </form>
  );
}
