import { useI18n } from '../../i18n/i18n-context.tsx';

/** The closure section: its pages live under /closure; `sub` is the path below it. */
export function ClosureSection({ sub }: { sub: string[] }) {
  const { t } = useI18n();
  return (
    <section className="page" data-testid="closure-section" data-busy="false" data-sub={sub.join('/')}>
      <h1>{t('nav.closure')}</h1>
    </section>
  );
}
