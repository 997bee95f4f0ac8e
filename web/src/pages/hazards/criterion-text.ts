import type { I18n } from '../../i18n/i18n-context.tsx';

const ZH_NUMERALS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 1–99 as Chinese numerals (第十八条, 第（十一）项). */
function zhNumber(n: number): string {
  if (n <= 10) return ZH_NUMERALS[n] ?? String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : (ZH_NUMERALS[tens] ?? '')}十${ZH_NUMERALS[ones] ?? ''}`;
}

/**
 * A major-hazard criteria sub-item ("2020-15-8") as the page's language cites it: the standard, article
 * and item, then the item's text from the catalogue. Categories 1–15 are articles 4–18 in both editions.
 */
export function criterionText(id: string, i18n: Pick<I18n, 't' | 'has' | 'lang'>): string {
  const [edition, category, item] = id.split('-');
  const textKey = `criteria.${id}`;
  const sourceKey = `criteria.source.${edition ?? ''}`;
  if (!i18n.has(textKey) || !i18n.has(sourceKey)) return '—';
  const article = Number(category) + 3;
  const no = Number(item);
  const source =
    i18n.lang === 'en'
      ? i18n.t(sourceKey, { article, item: no })
      : i18n.t(sourceKey, { article: zhNumber(article), item: zhNumber(no) });
  return `${source} — ${i18n.t(textKey)}`;
}
