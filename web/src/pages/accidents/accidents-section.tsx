import { useI18n } from '../../i18n/i18n-context.tsx';

/** The accidents section: its pages live under /accidents; `sub` is the path below it. */
export function AccidentsSection({ sub }: { sub: string[] }) {
  const { t } = useI18n();
  return (
    <section className="page" data-testid="accidents-section" data-busy="false" data-sub={sub.join('/')}>
      <h1>{t('nav.accidents')}</h1>
    </section>
  );
}
