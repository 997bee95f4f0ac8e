import type { ReactNode } from 'react';
import { ErrorBox } from '../../components/error-box.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { usePrefill, type Prefill } from './prefill.ts';

/**
 * Renders a creation form once what it is pre-filled with has loaded (so it opens filled, not blank
 * then filled), with a note naming the alarm it is made from.
 */
export function PrefillGate({ children }: { children: (prefill: Prefill) => ReactNode }) {
  const { t } = useI18n();
  const { prefill, isLoading, error } = usePrefill();
  if (error !== null && error !== undefined) return <ErrorBox error={error} />;
  if (isLoading) return <div className="muted loading-line">{t('app.loading')}</div>;
  const { draft } = prefill;
  return (
    <>
      {draft !== null && (
        <p className="follow-up-note" data-testid="follow-up-from-alarm" data-alarm-id={draft.alarmId}>
          {t('followUp.fromAlarm', { mine: draft.mineName, title: draft.title })}
        </p>
      )}
      {children(prefill)}
    </>
  );
}
