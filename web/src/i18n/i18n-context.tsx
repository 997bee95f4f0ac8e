import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { en } from './en.ts';
import { zhCN, type Dictionary, type MessageKey } from './zh-cn.ts';

export type Lang = 'zh-CN' | 'en';
export type { MessageKey };

const DICTIONARIES: Record<Lang, Dictionary> = { 'zh-CN': zhCN, en };
const STORAGE_KEY = 'redline.lang';

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export interface I18n {
  lang: Lang;
  t: Translate;
  /** Whether a string is a key of the dictionary (for codes from the server: events, actions, errors). */
  has: (key: string) => key is MessageKey;
  toggleLang: () => void;
}

const I18nContext = createContext<I18n | null>(null);

function readStoredLang(): Lang {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    // Storage can be disabled (privacy mode); Chinese is the default.
    return 'zh-CN';
  }
}

function interpolate(template: string, vars: Record<string, string | number> | undefined): string {
  if (vars === undefined) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match));
}

/** Provides the current language, persisted in localStorage and mirrored in `<html lang>`. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLang] = useState<Lang>(readStoredLang);

  useEffect(() => {
    document.documentElement.lang = lang;
    try {
      window.localStorage.setItem(STORAGE_KEY, lang);
    } catch {
      // Not persisted; the switch still works for this page.
    }
  }, [lang]);

  const toggleLang = useCallback(() => setLang((l) => (l === 'zh-CN' ? 'en' : 'zh-CN')), []);

  const value = useMemo<I18n>(() => {
    const dict = DICTIONARIES[lang];
    return {
      lang,
      t: (key, vars) => interpolate(dict[key], vars),
      has: (key: string): key is MessageKey => Object.hasOwn(dict, key),
      toggleLang,
    };
  }, [lang, toggleLang]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The current language and its translate function. */
export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (value === null) throw new Error('useI18n outside I18nProvider');
  return value;
}
