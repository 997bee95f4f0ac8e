import type { I18n } from '../i18n/i18n-context.tsx';
import { codeLabel } from '../i18n/code-label.ts';
import { auditActionLabel } from './audit-labels.ts';

type Labels = Pick<I18n, 't' | 'has'>;

/**
 * Why an order does (not) change a mine, in the page's language: the status event it applies, or the
 * mine's status that leaves it unchanged (the server's `note` is English, for the audit trail).
 */
export function orderNoteText(
  m: { outcome: 'affected' | 'unaffected'; note: string; status: string },
  i18n: Labels,
): string {
  if (m.outcome === 'affected') return codeLabel('event.', m.note, i18n);
  return i18n.t('orders.note.unaffected', { status: codeLabel('status.', m.status, i18n) });
}

/** Who investigates an accident of a grade (Order 493): the lead level and the coal-mine investigator. */
export function investigatorText(
  chain: { investigationLead: string; coalInvestigator: string },
  i18n: Labels,
): string {
  const leadKey = `accidents.level.${chain.investigationLead}`;
  const lead = i18n.has(leadKey)
    ? i18n.t(leadKey)
    : chain.investigationLead === 'State Council'
      ? i18n.t('accidents.investigator.stateCouncil')
      : '—';
  const who = /省级局/.test(chain.coalInvestigator)
    ? i18n.t('accidents.investigator.nmsaProvince')
    : /国家矿山安全监察机构/.test(chain.coalInvestigator)
      ? i18n.t('accidents.investigator.nmsa')
      : /国务院/.test(chain.coalInvestigator)
        ? i18n.t('accidents.investigator.stateCouncilOrDelegate')
        : '—';
  return `${lead}（${who}）`;
}

/** A supervision history line's change: the action worded, the state at the head of the summary too. */
export function supervisionChangeText(action: string, summary: string, i18n: Labels): string {
  const [head = '', ...rest] = summary.split(/(?=[ :])/);
  const stateKey = `supervision.plan.state.${head}`;
  const state = i18n.has(stateKey) ? i18n.t(stateKey) : head === 'deleted' ? i18n.t('audit.deleted') : head;
  return `${auditActionLabel(action, i18n)} — ${state}${rest.join('')}`;
}
