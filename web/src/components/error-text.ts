import { ApiError } from '../api/api-client.ts';
import type { I18n } from '../i18n/i18n-context.tsx';

type Labels = Pick<I18n, 't' | 'has'>;

/** Prefixes under which a code in an error's details has a label (a role, a checklist step, a status). */
const VALUE_LABELS = ['role.', 'res.step.', 'status.', 'gas.'] as const;

function valueLabel(value: unknown, i18n: Labels, lang: string): string {
  if (Array.isArray(value))
    return value.map((v) => valueLabel(v, i18n, lang)).join(lang === 'en' ? ', ' : '、');
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return '';
  for (const prefix of VALUE_LABELS) {
    const key = `${prefix}${value}`;
    if (i18n.has(key)) return i18n.t(key);
  }
  return value;
}

/** An error's details as message parameters, each code translated where the catalogue names it. */
export function errorParams(
  details: Record<string, unknown> | null,
  i18n: Labels,
  lang: string,
): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const [key, value] of Object.entries(details ?? {})) vars[key] = valueLabel(value, i18n, lang);
  return vars;
}

/**
 * The message for an error in the current language: the catalogue's text for the server's stable code
 * (with its details as parameters), else a message for its HTTP status — never the server's English text.
 */
export function errorText(error: unknown, i18n: Labels & { lang: string }): string {
  if (!(error instanceof ApiError)) return i18n.t('error.unknown');
  const key = `error.${error.code}`;
  if (i18n.has(key)) return i18n.t(key, errorParams(error.details, i18n, i18n.lang));
  const byStatus = `error.status.${error.status}`;
  return i18n.has(byStatus) ? i18n.t(byStatus) : i18n.t('error.unknown');
}
