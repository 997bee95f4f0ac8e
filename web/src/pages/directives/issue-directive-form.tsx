import { useState, type FormEvent } from 'react';
import { answerOf, api } from '../../api/api-client.ts';
import { CheckField, Field, FormFooter, SelectField, TextAreaField } from '../../components/form-kit.tsx';
import { RegionField } from '../../components/region-field.tsx';
import { useAction } from '../../components/use-action.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { DirectiveKind } from '../../api/generated/api-schema.ts';

const KINDS: readonly DirectiveKind[] = ['accident_warning', 'directive'];

/** The regulator's form: a notice to every non-closed mine of a region, with its deadline. */
export function IssueDirectiveForm({ onIssued }: { onIssued: () => void }) {
  const { t } = useI18n();
  const [kind, setKind] = useState<DirectiveKind>('accident_warning');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [cause, setCause] = useState('');
  const [accidentId, setAccidentId] = useState('');
  const [regionId, setRegionId] = useState('');
  const [deadline, setDeadline] = useState('');
  const [isReplyRequired, setReplyRequired] = useState(true);
  const action = useAction();
  const [issued, setIssued] = useState<number | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await action.runWith(async () => {
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
      className="card wf-form wf-form-3"
      onSubmit={(e) => void submit(e)}
      data-testid="directive-form"
      data-busy={action.busy ? 'true' : 'false'}
    >
      <h2>{t('directives.form.title')}</h2>
      <SelectField
        label={t('directives.form.kind')}
        value={kind}
        onChange={(v) => setKind(v === 'directive' ? 'directive' : 'accident_warning')}
        options={KINDS}
        labelOf={(k) => t(`directives.kind.${k}`)}
        testId="directive-kind"
      />
      <RegionField
        label={t('directives.form.region')}
        value={regionId}
        onChange={setRegionId}
        testId="directive-region"
      />
      <Field
        label={t('directives.form.deadline')}
        type="datetime-local"
        step="1"
        value={deadline}
        onChange={setDeadline}
        testId="directive-deadline"
      />
      <Field
        label={t('directives.form.heading')}
        value={title}
        onChange={setTitle}
        testId="directive-title"
      />
      <TextAreaField
        label={t('directives.form.body')}
        value={body}
        onChange={setBody}
        testId="directive-body"
      />
      {kind === 'accident_warning' && (
        <>
          <Field
            label={t('directives.form.cause')}
            value={cause}
            onChange={setCause}
            testId="directive-cause"
          />
          <Field
            label={t('directives.form.accident')}
            value={accidentId}
            onChange={setAccidentId}
            testId="directive-accident"
          />
        </>
      )}
      <CheckField
        label={t('directives.form.replyRequired')}
        checked={isReplyRequired}
        onChange={setReplyRequired}
        testId="directive-reply-required"
      />
      <FormFooter action={action} submitTestId="directive-issue" errorTestId="directive-error">
        {t('directives.form.issue')}
      </FormFooter>
      {issued !== null && (
        <p data-testid="directive-issued" className="field-wide">
          {t('directives.form.issued', { n: issued })}
        </p>
      )}
    </form>
  );
}
