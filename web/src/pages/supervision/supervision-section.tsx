import { useI18n } from '../../i18n/i18n-context.tsx';

/** The supervision section: its pages live under /supervision; `sub` is the path below it. */
export function SupervisionSection({ sub }: { sub: string[] }) {
  const { t } = useI18n();
  return (
    <section className="page" data-testid="supervision-section" data-busy="false" data-sub={sub.join('/')}>
      <h1>{t('nav.supervision')}</h1>
    </section>
  );
}
