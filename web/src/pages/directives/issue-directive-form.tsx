import { useState } from 'react';
import { answerOf, api } from '../../api/api-client.ts';
import { CheckField, useFormFields } from '../../components/form-kit.tsx';
import { choices, SpecForm, type FormSpec } from '../../components/post-form.tsx';
import { useAction } from '../../components/use-action.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { DirectiveKind } from '../../api/generated/api-schema.ts';

const KINDS: readonly DirectiveKind[] = ['accident_warning', 'directive'];

const isWarning = (values: Readonly<Record<string, string>>) => values['kind'] !== 'directive';

const DIRECTIVE_FORM: FormSpec = {
  idPrefix: 'directive',
  title: 'directives.form.title',
  className: 'card wf-form wf-form-3',
  submitLabel: 'directives.form.issue',
  submitTestId: 'directive-issue',
  fields: [
    {
      name: 'kind',
      label: 'directives.form.kind',
      kind: 'select',
      options: choices(KINDS, (k) => `directives.kind.${k}`),
    },
    { name: 'regionId', label: 'directives.form.region', kind: 'region', testId: 'directive-region' },
    { name: 'deadline', label: 'directives.form.deadline', kind: 'datetime', step: '1' },
    { name: 'title', label: 'directives.form.heading' },
    { name: 'body', label: 'directives.form.body', kind: 'textarea' },
    { name: 'cause', label: 'directives.form.cause', shownWhen: isWarning },
    {
      name: 'accidentId',
      label: 'directives.form.accident',
      testId: 'directive-accident',
      shownWhen: isWarning,
    },
  ],
};

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
    <SpecForm
      spec={DIRECTIVE_FORM}
      form={f}
      action={action}
      onSubmit={submit}
      after={
        issued !== null && (
          <p data-testid="directive-issued" className="field-wide">
            {t('directives.form.issued', { n: issued })}
          </p>
        )
      }
    >
      <CheckField
        label={t('directives.form.replyRequired')}
        checked={isReplyRequired}
        onChange={setReplyRequired}
        testId="directive-reply-required"
      />
    </SpecForm>
  );
}
