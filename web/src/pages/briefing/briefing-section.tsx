import { useI18n } from '../../i18n/i18n-context.tsx';
import { BriefingPage } from './briefing-page.tsx';
import { RiskPage } from './risk-page.tsx';
import './briefing.css';

/** The briefing section: /briefing is the report (preview + PDF/XLSX); /briefing/risk the risk ranking. */
export function BriefingSection({ sub }: { sub: string[] }) {
  const { t } = useI18n();
  const isRisk = sub[0] === 'risk';
  return (
    <>
      <nav className="bf-tabs" data-testid="briefing-tabs">
        <a href="/briefing" className={isRisk ? '' : 'active'} data-testid="briefing-tab-report">
          {t('briefing.tab.report')}
        </a>
        <a href="/briefing/risk" className={isRisk ? 'active' : ''} data-testid="briefing-tab-risk">
          {t('briefing.tab.risk')}
        </a>
      </nav>
      {isRisk ? <RiskPage /> : <BriefingPage />}
    </>
  );
}
