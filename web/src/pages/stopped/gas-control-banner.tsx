import { withQuery } from '../../api/api-client.ts';
import type { AlarmView, Mine } from '../../api/generated/api-schema.ts';
import { useApiData } from '../../api/use-api.ts';
import { lacksGasControl } from '../../components/mine-tags.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { alarmText } from '../../monitoring/alarm-text.ts';

/**
 * The mine page's banner for a high-gas or outburst mine without gas-control capability (ADR 0014): it
 * says what the mine may not do, and turns critical with the monitoring alarm while it does it anyway.
 */
export function GasControlBanner({
  mine,
}: {
  mine: Pick<Mine, 'id' | 'gasClass' | 'hasGasControlCapability' | 'status'>;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const lacks = lacksGasControl(mine);
  const { data } = useApiData<{ items: AlarmView[] }>(
    lacks ? withQuery('/api/alarms', { mineId: mine.id, state: 'active', pageSize: 100 }) : null,
  );
  if (!lacks) return null;
  const alarm = data?.items.find((a) => a.rule === 'gas_control_lacking' && a.conditionActive);
  // Registered as producing is the violation itself, before any monitoring evidence.
  const violation = alarm
    ? alarmText(alarm, i18n)
    : mine.status === 'producing'
      ? t('stopped.gas.producing')
      : null;
  return (
    <div
      className={violation !== null ? 'stopped-banner stopped-banner-critical' : 'stopped-banner'}
      role="alert"
      data-testid="gas-control-banner"
      data-violation={violation !== null ? 'true' : 'false'}
    >
      <strong>{t('stopped.gas.banner', { gas: t(`gas.${mine.gasClass}`) })}</strong>
      {violation !== null && <div>{t('stopped.gas.violation', { text: violation })}</div>}
    </div>
  );
}
