import { useI18n } from '../i18n/i18n-context.tsx';

/** Shows the other language's name; switching is persisted by the i18n provider. */
export function LangSwitch() {
  const { t, toggleLang } = useI18n();
  return (
    <button
      type="button"
      className="topbar-btn"
      data-testid="lang-switch"
      title={t('lang.switchLabel')}
      onClick={toggleLang}
    >
      {t('lang.switch')}
    </button>
  );
}
