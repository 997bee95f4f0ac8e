import type { ReactNode } from 'react';
import type { Mine } from '../api/generated/api-schema.ts';
import { SMALL_MINE_CAPACITY_T_PER_YEAR } from '../domain.ts';
import { useI18n } from '../i18n/i18n-context.tsx';

/** Whether the mine is below the closure programme's capacity line. */
export function isSmallMine(mine: Pick<Mine, 'approvedCapacityTPerYear'>): boolean {
  return mine.approvedCapacityTPerYear < SMALL_MINE_CAPACITY_T_PER_YEAR;
}

/** A high-gas or outburst mine without certified gas-control capability may not produce. */
export function lacksGasControl(mine: Pick<Mine, 'gasClass' | 'hasGasControlCapability'>): boolean {
  return mine.gasClass !== 'low' && !mine.hasGasControlCapability;
}

/** The red "small mine" tag. */
export function SmallMineTag() {
  const { t } = useI18n();
  return <DangerTag testId="small-mine-tag">{t('tag.small')}</DangerTag>;
}

/** The red "no gas-control capability" tag for high-gas and outburst mines. */
export function NoGasControlTag() {
  const { t } = useI18n();
  return <DangerTag testId="no-gas-control-tag">{t('tag.noGasControl')}</DangerTag>;
}

/** A red tag beside a mine's name. */
function DangerTag({ testId, children }: { testId: string; children: ReactNode }) {
  return (
    <span className="tag tag-danger" data-testid={testId}>
      {children}
    </span>
  );
}
