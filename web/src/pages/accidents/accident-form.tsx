import { useState } from 'react';
import { answerOf, api } from '../../api/api-client.ts';
import { Field, FieldMessage, TextArea } from '../../components/form-kit.tsx';
import { MinePicker, type PickedMine } from '../../components/mine-picker.tsx';
import { useAction } from '../../components/use-action.ts';
import { useCheckedForm } from '../../components/use-checked-form.ts';
import { cstInputToIso, cstInputValue } from '../../format.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { navigate } from '../../router/router.ts';
import { FigureFields, countOf, figureProblems, gradedFigures } from './figure-fields.tsx';
import { AccidentFormCard } from './accident-form-card.tsx';
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
  const form = useCheckedForm<Values>(EMPTY);
  const { values: v, set } = form;
  const action = useAction(onRecorded);
  const nowInput = cstInputValue(Date.now());
  const problems: Partial<Record<keyof Values | 'mine', string>> = {};
  if (mine === null) problems.mine = t('accidents.form.needMine');
  if (v.time === '') problems.time = t('accidents.form.needTime');
  else if (v.time > nowInput) problems.time = t('accidents.form.futureTime');
  if (v.type.trim() === '') problems.type = t('accidents.form.needType');
  Object.assign(problems, figureProblems(v, t));
  const message = form.messageOf(problems);
  const figures = gradedFigures(v);

  const submit = () => {
    if (!form.check(problems) || mine === null) return;
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
    <AccidentFormCard
      testId="accident-form"
      heading={<h3>{t('accidents.form.title')}</h3>}
      action={action}
      onSubmit={submit}
      submitLabel={t('accidents.form.submit')}
    >
      <div className="acc-wide">
        <MinePicker
          value={mine}
          onChange={setMine}
          label={t('accidents.form.mineId')}
          testId="accident-form-mine"
        />
        <FieldMessage message={message('mine')} testId="accident-form-mine" />
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
    </AccidentFormCard>
  );
}
