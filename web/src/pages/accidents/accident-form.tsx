import { useState, type FormEvent } from 'react';
import { answerOf, api } from '../../api/api-client.ts';
import { Field, FormFooter, TextArea } from '../../components/form-kit.tsx';
import { MinePicker, type PickedMine } from '../../components/mine-picker.tsx';
import { useAction } from '../../components/use-action.ts';
import { cstInputToIso, cstInputValue } from '../../format.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { navigate } from '../../router/router.ts';
import { FigureFields, countOf, figureProblems, gradedFigures } from './figure-fields.tsx';
import { GradePreview } from './grade-preview.tsx';

type Values = Record<
  | 'time'
  | 'type'
  | 'deaths'
  | 'missing'
  | 'seriousInjuries'
  | 'minorInjuries'
  | 'directLossCny'
  | 'description',
  string
>;
const EMPTY: Values = {
  time: '',
  type: '',
  deaths: '0',
  missing: '0',
  seriousInjuries: '0',
  minorInjuries: '0',
  directLossCny: '0',
  description: '',
};

/**
 * Records an accident: the mine picked by its code or name (never an internal id), the time in China
 * Standard Time, the type, the casualties including the missing, and the loss. The grade and who
 * investigates are computed by the server from the figures as they are typed, before anything is saved.
 */
export function AccidentForm({ onRecorded }: { onRecorded: () => void }) {
  const { t } = useI18n();
  const [mine, setMine] = useState<PickedMine | null>(null);
  const [v, setV] = useState<Values>(EMPTY);
  const [checked, setChecked] = useState(false);
  const action = useAction(onRecorded);
  const set = (k: keyof Values) => (value: string) => setV({ ...v, [k]: value });
  const nowInput = cstInputValue(Date.now());
  const problems: Partial<Record<keyof Values | 'mine', string>> = {};
  if (mine === null) problems.mine = t('accidents.form.needMine');
  if (v.time === '') problems.time = t('accidents.form.needTime');
  else if (v.time > nowInput) problems.time = t('accidents.form.futureTime');
  if (v.type.trim() === '') problems.type = t('accidents.form.needType');
  Object.assign(problems, figureProblems(v, t));
  const message = (k: keyof typeof problems) => (checked ? (problems[k] ?? null) : null);
  const figures = gradedFigures(v);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setChecked(true);
    if (Object.keys(problems).length > 0 || mine === null) return;
    void action.runWith(async () => {
      const r = await answerOf(
        api.POST('/api/accidents', {
          body: {
            mineCode: mine.code,
            occurredAt: cstInputToIso(v.time),
            type: v.type.trim(),
            ...figures,
            minorInjuries: countOf(v.minorInjuries) ?? 0,
            ...(v.description.trim() ? { description: v.description.trim() } : {}),
          },
        }),
      );
      navigate(`/accidents/${encodeURIComponent(r.accident.id)}`);
    });
  };

  return (
    <form
      className="card acc-form"
      data-testid="accident-form"
      data-busy={action.busy ? 'true' : 'false'}
      noValidate
      onSubmit={submit}
    >
      <h3>{t('accidents.form.title')}</h3>
      <div className="acc-wide">
        <MinePicker
          value={mine}
          onChange={setMine}
          label={t('accidents.form.mineId')}
          testId="accident-form-mine"
        />
        {message('mine') && (
          <span className="field-message" role="alert" data-testid="accident-form-mine-message">
            {message('mine')}
          </span>
        )}
      </div>
      <Field
        label={t('accidents.form.occurredAt')}
        type="datetime-local"
        value={v.time}
        onChange={set('time')}
        testId="accident-form-time"
        message={message('time')}
      />
      <Field
        label={t('accidents.col.type')}
        value={v.type}
        onChange={set('type')}
        placeholder={t('accidents.form.typeHint')}
        testId="accident-form-type"
        message={message('type')}
      />
      <FigureFields values={v} onChange={(k, x) => set(k)(x)} message={message} prefix="accident-form" />
      <label className="acc-wide">
        {t('accidents.form.description')}
        <TextArea value={v.description} onChange={set('description')} testId="accident-form-description" />
      </label>
      <div className="acc-wide">
        <GradePreview figures={figures} label={t('accidents.form.computed')} testId="accident-form-preview" />
        <p className="muted acc-hint">{t('accidents.form.missingHint')}</p>
      </div>
      <div className="acc-wide">
        <FormFooter action={action} submitTestId="accident-form-submit" errorTestId="accident-form-error">
          {t('accidents.form.submit')}
        </FormFooter>
      </div>
    </form>
  );
}
