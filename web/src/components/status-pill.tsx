import type { MineStatus } from '../api/generated/api-schema.ts';
import { useI18n } from '../i18n/i18n-context.tsx';

/** A mine status as a coloured pill; the colour class is the status itself. */
export function StatusPill({ status, testId }: { status: MineStatus; testId?: string }) {
  const { t } = useI18n();
  return (
    <span className={`pill pill-${status}`} data-testid={testId} data-status={status}>
      {t(`status.${status}`)}
    </span>
  );
}
