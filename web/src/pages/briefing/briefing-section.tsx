import { useI18n } from '../../i18n/i18n-context.tsx';

/** The briefing section: its pages live under /briefing; `sub` is the path below it. */
export function BriefingSection({ sub }: { sub: string[] }) {
  const { t } = useI18n();
  return (
    <section className="page" data-testid="briefing-section" data-busy="false" data-sub={sub.join('/')}>
      <h1>{t('nav.briefing')}</h1>
    </section>
  );
}
