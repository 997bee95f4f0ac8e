import { ForRole } from '../../components/not-for-role.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { useCan } from '../../session/session-context.tsx';
import { BriefingPage } from './briefing-page.tsx';
import { RiskPage } from './risk-page.tsx';
import './briefing.css';

/** The briefing section: /briefing is the report (preview + PDF/XLSX); /briefing/risk the risk ranking. */
export function BriefingSection({ sub }: { sub: string[] }) {
  const { t } = useI18n();
  const may = useCan();
  const isRisk = sub[0] === 'risk';
  const mayReport = may('briefing.read');
  const mayRisk = may('risk.read');
  return (
    <>
      {(mayReport || mayRisk) && (
        <nav className="link-tabs bf-tabs" data-testid="briefing-tabs">
          {mayReport && (
            <a href="/briefing" className={isRisk ? '' : 'active'} data-testid="briefing-tab-report">
              {t('briefing.tab.report')}
            </a>
          )}
          {mayRisk && (
            <a href="/briefing/risk" className={isRisk ? 'active' : ''} data-testid="briefing-tab-risk">
              {t('briefing.tab.risk')}
            </a>
          )}
        </nav>
      )}
      <ForRole permissions={[isRisk ? 'risk.read' : 'briefing.read']} page>
        {isRisk ? <RiskPage /> : <BriefingPage />}
      </ForRole>
    </>
  );
}
