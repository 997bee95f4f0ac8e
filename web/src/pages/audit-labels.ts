import type { I18n } from '../i18n/i18n-context.tsx';

type Labels = Pick<I18n, 't' | 'has'>;

/**
 * An audit action code (`hazard.verify_and_close`, `hazard_proposal.suspension`) as a reader's words:
 * its own label when it has one, else "object：verb · verb" from the object and verb labels — never
 * the raw code.
 */
export function auditActionLabel(code: string, i18n: Labels): string {
  const own = `action.${code}`;
  if (i18n.has(own)) return i18n.t(own);
  const [object = '', ...verbs] = code.split('.');
  const objectKey = `actionObject.${object}`;
  if (!i18n.has(objectKey)) return i18n.t('audit.action.unknown');
  const words = verbs.map((v) => `actionVerb.${v}`);
  if (words.length === 0 || !words.every((k) => i18n.has(k)))
    return i18n.t('audit.action.other', { object: i18n.t(objectKey) });
  return `${i18n.t(objectKey)}：${words.map((k) => i18n.t(k)).join(' · ')}`;
}

/** An alarm id `<mineId>|<rule>|<subject>` as "mine code · rule · subject". */
function alarmTarget(id: string, i18n: Labels): string {
  const [mine = '', rule = '', subject = ''] = id.split('|');
  const ruleKey = `alarmRule.${rule}`;
  return [mine.replace(/^m-/, ''), i18n.has(ruleKey) ? i18n.t(ruleKey) : '—', subject]
    .filter((x) => x !== '')
    .join(' · ');
}

/** An audit target as "type · id", the id without its kind prefix (`hz-`, `m-`, `user-`). */
export function auditTargetLabel(type: string, id: string, i18n: Labels): string {
  const typeKey = `actionObject.${type}`;
  if (type === 'alarm' && id.includes('|'))
    return i18n.t('audit.target', { type: i18n.t('actionObject.alarm'), id: alarmTarget(id, i18n) });
  // An export's target is the list exported (`mines`, `hazards`, …), named as its page is.
  const listKey = `export.list.${id}`;
  if (type === 'list' && i18n.has(listKey))
    return i18n.t('audit.target', { type: i18n.t('actionObject.list'), id: i18n.t(listKey) });
  const typeLabel = i18n.has(typeKey) ? i18n.t(typeKey) : i18n.t('audit.action.unknown');
  const bare = id.replace(/^[a-z]+-/, '');
  // A generated id (UUID) means nothing to a reader: the type alone, the whole id in the row's title.
  if (/^[0-9a-f]{8}-[0-9a-f-]{20,}$/.test(bare)) return typeLabel;
  return i18n.t('audit.target', { type: typeLabel, id: bare });
}
