import { useI18n } from '../../i18n/i18n-context.tsx';

/** The hazards section: its pages live under /hazards; `sub` is the path below it. */
export function HazardsSection({ sub }: { sub: string[] }) {
  const { t } = useI18n();
  return (
    <section className="page" data-testid="hazards-section" data-busy="false" data-sub={sub.join('/')}>
      <h1>{t('nav.hazards')}</h1>
    </section>
  );
}
