import { useI18n } from '../../i18n/i18n-context.tsx';

/** The directives section: its pages live under /directives; `sub` is the path below it. */
export function DirectivesSection({ sub }: { sub: string[] }) {
  const { t } = useI18n();
  return (
    <section className="page" data-testid="directives-section" data-busy="false" data-sub={sub.join('/')}>
      <h1>{t('nav.directives')}</h1>
    </section>
  );
}
