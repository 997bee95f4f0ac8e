import type { AccidentDetail, AccidentSupplement } from '../../api/generated/api-schema.ts';
import { Field, FieldMessage, TextArea } from '../../components/form-kit.tsx';
import { useAction } from '../../components/use-action.ts';
import { useCheckedForm } from '../../components/use-checked-form.ts';
import { cstInputToIso, cstInputValue, formatDateTime } from '../../format.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { investigatorText } from '../workflow-labels.ts';
import { FigureFields, figureProblems, gradedFigures, type FigureValues } from './figure-fields.tsx';
import { AccidentFormCard } from './accident-form-card.tsx';
import { GradePreview } from './grade-preview.tsx';

type Figure = keyof AccidentSupplement['after'];
const FIGURE_LABELS = {
  deaths: 'accidents.col.deaths',
  missing: 'accidents.col.missing',
  seriousInjuries: 'accidents.col.serious',
  directLossCny: 'accidents.col.loss',
} as const;
const FIGURES = Object.keys(FIGURE_LABELS) as Figure[];

/**
 * The supplements (补报) as the accident's history: when the casualties changed (CST), what changed from
 * what to what, the grade and who investigates before and after when it moved, the reason, who recorded it.
 */
export function SupplementTimeline({ supplements }: { supplements: readonly AccidentSupplement[] }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  if (supplements.length === 0)
    return (
      <p className="muted" data-testid="supplements-none">
        {t('accidents.sup.none')}
      </p>
    );
  const n = (x: number) => x.toLocaleString(lang);
  return (
    <ol className="acc-history" data-testid="supplements">
      {supplements.map((s) => {
        const changed = FIGURES.filter((f) => s.before[f] !== s.after[f]);
        const regraded = s.gradeBefore !== s.gradeAfter;
        return (
          <li
            key={s.id}
            className="acc-history-item"
            data-testid="supplement"
            data-grade-before={s.gradeBefore}
            data-grade-after={s.gradeAfter}
          >
            <div className="acc-history-at">
              {t('accidents.sup.changedAt', { time: formatDateTime(s.changedAt) })}
            </div>
            <div data-testid="supplement-changes">
              {changed
                .map((f) => `${t(FIGURE_LABELS[f])} ${n(s.before[f])} → ${n(s.after[f])}`)
                .join(lang === 'en' ? '; ' : '；')}
            </div>
            {regraded && (
              <div className="danger" data-testid="supplement-regrade">
                {t('accidents.sup.regraded', {
                  before: t(`accidents.grade.${s.gradeBefore}`),
                  after: t(`accidents.grade.${s.gradeAfter}`),
                  levelBefore: investigatorText(s.chainBefore, i18n),
                  levelAfter: investigatorText(s.chainAfter, i18n),
                })}
              </div>
            )}
            <div>{t('accidents.sup.reason', { reason: s.reason })}</div>
            <div className="muted">
              {t('accidents.sup.recorded', { name: s.recordedByName, time: formatDateTime(s.recordedAt) })}
            </div>
          </li>
        );
      })}
    </ol>
  );
}

type Values = FigureValues & { time: string; reason: string };

/**
 * The 补报 form: the figures as they now stand (prefilled with the recorded ones), when they changed
 * (CST) and why. The grade the new figures would take is shown before saving; the server refuses a change
 * after the window (ACCIDENT_SUPPLEMENT_WINDOW_CLOSED, worded with its last day).
 */
export function SupplementForm({ detail, onDone }: { detail: AccidentDetail; onDone: () => void }) {
  const { t } = useI18n();
  const a = detail.accident;
  const initial = (): Values => ({
    time: cstInputValue(Date.now()),
    reason: '',
    deaths: String(a.deaths),
    missing: String(a.missing),
    seriousInjuries: String(a.seriousInjuries),
    directLossCny: String(a.directLossCny),
  });
  const form = useCheckedForm<Values>(initial);
  const { values: v, set } = form;
  const action = useAction(onDone);
  const problems: Partial<Record<keyof Values, string>> = {};
  if (v.time === '') problems.time = t('accidents.form.needTime');
  Object.assign(problems, figureProblems(v, t));
  if (v.reason.trim().length < 2) problems.reason = t('accidents.sup.needReason');
  const message = form.messageOf(problems);
  const figures = gradedFigures(v);
  const submit = () => {
    if (!form.check(problems)) return;
    void action
      .run('POST', `/api/accidents/${encodeURIComponent(a.id)}/supplements`, {
        changedAt: cstInputToIso(v.time),
        ...figures,
        reason: v.reason.trim(),
      })
      .then((ok) => {
        if (ok) form.reset({ ...v, reason: '' });
      });
  };
  return (
    <AccidentFormCard
      testId="supplement-form"
      heading={<h4>{t('accidents.sup.add')}</h4>}
      action={action}
      onSubmit={submit}
      submitLabel={t('accidents.sup.submit')}
    >
      <Field
        label={t('accidents.sup.when')}
        type="datetime-local"
        value={v.time}
        onChange={set('time')}
        testId="supplement-form-time"
        message={message('time')}
      />
      <FigureFields values={v} onChange={(k, x) => set(k)(x)} message={message} prefix="supplement-form" />
      <label className="acc-wide">
        {t('accidents.sup.reasonLabel')}
        <TextArea value={v.reason} onChange={set('reason')} testId="supplement-form-reason" />
        <FieldMessage message={message('reason')} testId="supplement-form-reason" />
      </label>
      <div className="acc-wide">
        <GradePreview
          figures={figures}
          label={t('accidents.sup.gradeAfter')}
          testId="supplement-form-preview"
        />
      </div>
    </AccidentFormCard>
  );
}
