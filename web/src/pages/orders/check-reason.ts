import type { I18n } from '../../i18n/i18n-context.tsx';
import type { ChecklistItem } from './orders-types.ts';

/** Why a resumption checklist item is (not) done, in the current language (its `reason` code and figures). */
export function checkReason(
  c: Pick<ChecklistItem, 'reason' | 'values'>,
  i18n: Pick<I18n, 't' | 'has'>,
): string {
  const key = `res.reason.${c.reason}`;
  if (!i18n.has(key)) return '—';
  const values = { ...c.values };
  const gas = `gas.${String(values.gasClass ?? '')}`;
  if (i18n.has(gas)) values.gasClass = i18n.t(gas);
  return i18n.t(key, values);
}
