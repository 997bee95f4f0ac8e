/** What the language crawl flags in a page's visible text (test/e2e/language-crawl.e2e.test.ts). */

export type Lang = 'zh-CN' | 'en';

/**
 * API fields that hold data — names of mines, people, places and organisations, and text people
 * wrote — shown as they are in either language. Labels (`label`, `message`, `source`, …) are not data:
 * the UI must translate them. English twins (`nameEn`) are the English form, not data.
 */
const DATA_KEYS = new Set([
  'name',
  'title',
  'description',
  'location',
  'area',
  'equipment',
  'reason',
  'note',
  'body',
  'summary',
  'measures',
  'responsiblePerson',
  'responsibleBody',
  'findings',
  'comment',
  'replyText',
  'notice',
  'noticeRef',
  'documentRef',
  'legalBasis',
  'number',
  'causeSummary',
  'what',
  'operator',
  'address',
  'position',
  'phone',
  'contingencyPlan',
  'objectives',
  'methods',
  'materials',
  'requirements',
  'safetyMeasures',
  'decisionReason',
  'text',
  'licenceNumber',
  'permitNo',
  'actorName',
  'signerName',
  'onText',
  'gasControlEvidence',
  'offText',
]);

/** Whether a field of an API answer holds data (any key ending in `Name` does: mineName, regionName, …). */
export function isDataKey(key: string): boolean {
  if (key.endsWith('En')) return false;
  return DATA_KEYS.has(key) || /[a-z]Name$/.test(key);
}

/** Latin words a Chinese page may show: the product's name, the language switch, file formats, units. */
const LATIN_ALLOWED = new Set([
  'Redline',
  'English',
  'XLSX',
  'CSV',
  'PDF',
  'API',
  'ppm',
  'kPa',
  'MPa',
  'NDJSON',
]);
/** Chinese an English page may show: the brand and the language switch. */
const HAN_ALLOWED = ['红线', '中文'];

const HAN = /[\u3400-\u9fff]+/g;
/** A run of Latin text (words with the spaces and punctuation between them), reported as one leak. */
const LATIN_RUN = /(?<![A-Za-z0-9])[A-Za-z][A-Za-z0-9 ,.'’()/%:;—–-]*[A-Za-z0-9)]/g;
const LATIN_WORD = /(?<![A-Za-z0-9])[A-Za-z]{3,}(?![A-Za-z0-9])/g;
const SNAKE = /(?<![\w-])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![\w-])/g;
const INTERNAL_ID = /(?<![\w-])(?:hz|m|ord|dir|res|vis)-\d[\w-]*/g;
const REQUEST_ID = /\breq-[A-Za-z0-9_-]{6,}/g;
const ISO_TIME = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/g;

function context(text: string, index: number, length: number): string {
  return text
    .slice(Math.max(0, index - 25), index + length + 25)
    .replace(/\s+/g, ' ')
    .trim();
}

/** Removes every data string from the text (longest first, so a name inside a longer one goes with it). */
function withoutData(text: string, data: ReadonlySet<string>): string {
  let out = text;
  for (const d of [...data].sort((a, b) => b.length - a.length))
    if (out.includes(d)) out = out.split(d).join(' ');
  return out;
}

/** The leaks in a page's visible text, each with some context; empty when the page is clean. */
export function findLeaks(pageText: string, lang: Lang, data: ReadonlySet<string>): string[] {
  // A request id under an error is for support, in any language.
  const text = withoutData(pageText, data).replace(REQUEST_ID, ' ');
  const leaks = new Map<string, string>();
  const add = (kind: string, match: RegExpMatchArray) => {
    const key = `${kind} "${match[0].slice(0, 80)}"`;
    if (!leaks.has(key)) leaks.set(key, `${key} in «${context(text, match.index ?? 0, match[0].length)}»`);
  };
  for (const m of text.matchAll(SNAKE)) add('raw code', m);
  for (const m of text.matchAll(INTERNAL_ID)) add('internal id', m);
  for (const m of text.matchAll(ISO_TIME)) add('ISO time', m);
  if (lang === 'zh-CN') {
    for (const m of text.matchAll(LATIN_RUN)) {
      const words = m[0].match(LATIN_WORD) ?? [];
      if (words.some((w) => !LATIN_ALLOWED.has(w))) add('English', m);
    }
  } else {
    for (const m of text.matchAll(HAN)) if (!HAN_ALLOWED.includes(m[0])) add('Chinese', m);
  }
  return [...leaks.values()];
}
