import { useEffect, useState } from 'react';
import { answerOf, api } from '../../api/api-client.ts';
import type { GradeAnswer } from '../../api/generated/api-schema.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { investigatorText } from '../workflow-labels.ts';

/** The figures the server grades (Order 493): deaths and the missing, serious injuries, direct loss. */
export interface GradedFigures {
  deaths: number;
  missing: number;
  seriousInjuries: number;
  directLossCny: number;
}

/** The grade and investigation lead of `figures`, asked of the server as they are typed (nothing is stored). */
function useGradePreview(figures: GradedFigures): GradeAnswer | null {
  const [answer, setAnswer] = useState<GradeAnswer | null>(null);
  const { deaths, missing, seriousInjuries, directLossCny } = figures;
  useEffect(() => {
    const c = new AbortController();
    const body = { deaths, missing, seriousInjuries, directLossCny, minorInjuries: 0 };
    const valid = Object.values(body).every((n) => Number.isFinite(n) && n >= 0);
    if (!valid) return () => c.abort();
    answerOf(api.POST('/api/accidents/grade', { body, signal: c.signal })).then(setAnswer, () => undefined);
    return () => c.abort();
  }, [deaths, missing, seriousInjuries, directLossCny]);
  return answer;
}

/** "Grade by Order 493: 较大事故 · investigated by: 市级（…）", recomputed as the figures change. */
export function GradePreview({
  figures,
  label,
  testId,
}: {
  figures: GradedFigures;
  label: string;
  testId: string;
}) {
  const i18n = useI18n();
  const answer = useGradePreview(figures);
  const grade = answer?.judgement.grade ?? 'none';
  return (
    <p className="acc-preview" data-testid={testId} data-grade={grade}>
      <span className="field-label">{label}</span>{' '}
      <strong data-testid={`${testId}-grade`} data-grade={grade}>
        {i18n.t(`accidents.grade.${grade}`)}
      </strong>
      {answer !== null && (
        <span className="muted" data-testid={`${testId}-level`}>
          {' · '}
          {i18n.t('accidents.detail.investigatedBy', { who: investigatorText(answer.chain, i18n) })}
        </span>
      )}
    </p>
  );
}
