import type { I18n } from './i18n-context.tsx';

/**
 * The catalogue's label for a code from the server (`gas.` + `high`, `status.` + `producing`), or a dash
 * when this client does not know the code — a raw code is never shown.
 */
export function codeLabel(prefix: string, code: string | null, i18n: Pick<I18n, 't' | 'has'>): string {
  const key = `${prefix}${code ?? ''}`;
  return i18n.has(key) ? i18n.t(key) : '—';
}
