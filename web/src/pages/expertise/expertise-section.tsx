import { useI18n } from '../../i18n/i18n-context.tsx';

/** The expertise section: its pages live under /expertise; `sub` is the path below it. */
export function ExpertiseSection({ sub }: { sub: string[] }) {
  const { t } = useI18n();
  return (
    <section className="page" data-testid="expertise-section" data-busy="false" data-sub={sub.join('/')}>
      <h1>{t('nav.expertise')}</h1>
    </section>
  );
}
