import type { ReactNode } from 'react';
import type { AccidentDetail } from '../../api/generated/api-schema.ts';
import { formatDate, formatDateTime } from '../../format.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { investigatorText } from '../workflow-labels.ts';

/**
 * The accident's figures as they now stand (after any supplement), its grade and what set it, who
 * investigates, and its deadlines — every time in China Standard Time.
 */
export function AccidentFacts({ detail }: { detail: AccidentDetail }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const a = detail.accident;
  const isRegister = a.mineId !== null;
  const n = (x: number) => x.toLocaleString(lang);
  const w = detail.supplementWindow;
  const rows: Array<[string, string, ReactNode]> = [
    ['occurredAt', t('accidents.form.occurredAt'), formatDateTime(a.occurredAt)],
    ['deaths', t('accidents.col.deaths'), n(a.deaths)],
    ['missing', t('accidents.col.missing'), n(a.missing)],
    ['seriousInjuries', t('accidents.col.serious'), n(a.seriousInjuries)],
    ['minorInjuries', t('accidents.col.minor'), n(a.minorInjuries)],
    ['directLossCny', t('accidents.col.loss'), n(a.directLossCny)],
    [
      'grade',
      t('accidents.col.grade'),
      <>
        <strong data-grade={a.grade}>{t(`accidents.grade.${a.grade}`)}</strong>
        {detail.judgement.by.length > 0 && (
          <span className="muted">
            {' '}
            {t('accidents.detail.gradedBy', {
              by: detail.judgement.by.map((b) => t(`accidents.by.${b}`)).join(lang === 'en' ? ', ' : '、'),
            })}
          </span>
        )}
      </>,
    ],
  ];
  if (isRegister) {
    rows.push([
      'investigation',
      t('accidents.detail.investigationLevel'),
      investigatorText(detail.chain, i18n),
    ]);
    rows.push(['investigationDue', t('accidents.detail.investigationDue'), formatDate(a.investigationDueOn)]);
  }
  if (w !== null)
    rows.push([
      'supplementWindow',
      t('accidents.sup.window'),
      <span className={w.isOpen ? '' : 'muted'}>
        {t(w.isOpen ? 'accidents.sup.windowOpen' : 'accidents.sup.windowClosed', {
          days: w.days,
          date: w.lastDay,
        })}
      </span>,
    ]);
  return (
    <dl className="card acc-facts" data-testid="accident-facts">
      {rows.map(([key, label, value]) => (
        <div key={key} className="acc-fact" data-testid={`accident-fact-${key}`}>
          <dt className="field-label">{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
