import { Field } from '../../components/form-kit.tsx';
import { useI18n, type MessageKey } from '../../i18n/i18n-context.tsx';
import type { GradedFigures } from './grade-preview.tsx';

/** The casualty counts of the accident and supplement forms, with their labels. */
const COUNTS = [
  ['deaths', 'accidents.col.deaths'],
  ['missing', 'accidents.col.missing'],
  ['seriousInjuries', 'accidents.col.serious'],
  ['minorInjuries', 'accidents.col.minor'],
] as const satisfies ReadonlyArray<readonly [string, MessageKey]>;

/** The figures as typed (strings); `minorInjuries` only on the record form. */
export type FigureValues = Record<'deaths' | 'missing' | 'seriousInjuries' | 'directLossCny', string> & {
  minorInjuries?: string;
};
type FigureKey = keyof FigureValues;

/** A whole number ≥ 0 typed in a field, or null. */
export const countOf = (v: string): number | null => (/^\d+$/.test(v.trim()) ? Number(v.trim()) : null);
/** An amount ≥ 0 typed in a field, or null. */
const amountOf = (v: string): number | null => {
  const n = Number(v.trim());
  return v.trim() !== '' && Number.isFinite(n) && n >= 0 ? n : null;
};

/** The figures the server grades, read from what was typed (a bad field reads as 0 until corrected). */
export const gradedFigures = (v: FigureValues): GradedFigures => ({
  deaths: countOf(v.deaths) ?? 0,
  missing: countOf(v.missing) ?? 0,
  seriousInjuries: countOf(v.seriousInjuries) ?? 0,
  directLossCny: amountOf(v.directLossCny) ?? 0,
});

/** The message of each badly typed figure (whole numbers ≥ 0; an amount ≥ 0 for the loss). */
export function figureProblems(
  v: FigureValues,
  t: (key: MessageKey) => string,
): Partial<Record<FigureKey, string>> {
  const out: Partial<Record<FigureKey, string>> = {};
  for (const [k] of COUNTS) {
    const value = v[k];
    if (value !== undefined && countOf(value) === null) out[k] = t('accidents.form.needCount');
  }
  if (amountOf(v.directLossCny) === null) out.directLossCny = t('accidents.form.needAmount');
  return out;
}

/** The labelled figure fields (`${prefix}-deaths`, …) with their messages. */
export function FigureFields({
  values,
  onChange,
  message,
  prefix,
}: {
  values: FigureValues;
  onChange: (key: FigureKey, value: string) => void;
  message: (key: FigureKey) => string | null;
  prefix: string;
}) {
  const { t } = useI18n();
  return (
    <>
      {COUNTS.filter(([k]) => values[k] !== undefined).map(([k, label]) => (
        <Field
          key={k}
          label={t(label)}
          type="number"
          min={0}
          step="1"
          value={values[k] ?? ''}
          onChange={(x) => onChange(k, x)}
          testId={`${prefix}-${k}`}
          message={message(k)}
        />
      ))}
      <Field
        label={t('accidents.col.loss')}
        type="number"
        min={0}
        step="any"
        value={values.directLossCny}
        onChange={(x) => onChange('directLossCny', x)}
        testId={`${prefix}-directLossCny`}
        message={message('directLossCny')}
      />
    </>
  );
}
