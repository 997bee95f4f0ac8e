import { useI18n } from '../../i18n/i18n-context.tsx';

/** The orders section: its pages live under /orders; `sub` is the path below it. */
export function OrdersSection({ sub }: { sub: string[] }) {
  const { t } = useI18n();
  return (
    <section className="page" data-testid="orders-section" data-busy="false" data-sub={sub.join('/')}>
      <h1>{t('nav.orders')}</h1>
    </section>
  );
}
