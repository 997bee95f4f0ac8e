import { useState } from 'react';
import { answerOf, api } from '../../api/api-client.ts';
import { CheckField, Field, SelectField, TextAreaField, useFormFields } from '../../components/form-kit.tsx';
import { FormCard } from '../../components/form-card.tsx';
import { RegionField } from '../../components/region-field.tsx';
import { useAction } from '../../components/use-action.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { DirectiveKind } from '../../api/generated/api-schema.ts';

const KINDS: readonly DirectiveKind[] = ['accident_warning', 'directive'];

/** The regulator's form: a notice to every non-closed mine of a region, with its deadline. */
export function IssueDirectiveForm({ onIssued }: { onIssued: () => void }) {
  const { t } = useI18n();
  const f = useFormFields({
    kind: 'accident_warning',
    title: '',
    body: '',
    cause: '',
    accidentId: '',
    regionId: '',
    deadline: '',
  });
  const { title, body, cause, accidentId, regionId, deadline } = f.values;
  const kind: DirectiveKind = f.values.kind === 'directive' ? 'directive' : 'accident_warning';
  const [isReplyRequired, setReplyRequired] = useState(true);
  const action = useAction();
  const [issued, setIssued] = useState<number | null>(null);

  const submit = () =>
    void action.runWith(async () => {
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

  return (
    <FormCard
      testId="directive-form"
      title={t('directives.form.title')}
      className="card wf-form wf-form-3"
      action={action}
      onSubmit={submit}
      submitLabel={t('directives.form.issue')}
      submitTestId="directive-issue"
      errorTestId="directive-error"
      after={
        issued !== null && (
          <p data-testid="directive-issued" className="field-wide">
            {t('directives.form.issued', { n: issued })}
          </p>
        )
      }
    >
      <SelectField
        label={t('directives.form.kind')}
        options={KINDS}
        labelOf={(k) => t(`directives.kind.${k}`)}
        {...f.bind('kind', 'directive-kind')}
      />
      <RegionField label={t('directives.form.region')} {...f.bind('regionId', 'directive-region')} />
      <Field
        label={t('directives.form.deadline')}
        type="datetime-local"
        step="1"
        {...f.bind('deadline', 'directive-deadline')}
      />
      <Field label={t('directives.form.heading')} {...f.bind('title', 'directive-title')} />
      <TextAreaField label={t('directives.form.body')} {...f.bind('body', 'directive-body')} />
      {kind === 'accident_warning' && (
        <>
          <Field label={t('directives.form.cause')} {...f.bind('cause', 'directive-cause')} />
          <Field label={t('directives.form.accident')} {...f.bind('accidentId', 'directive-accident')} />
        </>
      )}
      <CheckField
        label={t('directives.form.replyRequired')}
        checked={isReplyRequired}
        onChange={setReplyRequired}
        testId="directive-reply-required"
      />
    </FormCard>
  );
}
