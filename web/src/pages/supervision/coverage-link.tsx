import { useI18n } from '../../i18n/i18n-context.tsx';
import { navigate } from '../../router/router.ts';

/** The way back to the coverage view from a supervision page. */
export function CoverageLink() {
  const { t } = useI18n();
  return (
    <a
      href="/supervision"
      onClick={(e) => {
        e.preventDefault();
        navigate('/supervision');
      }}
    >
      ← {t('supervision.coverage.title')}
    </a>
  );
}
