import { apiErrorOf } from '../api/api-client.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { ErrorBox } from './error-box.tsx';
import { useAction } from './use-action.ts';

const FORMATS = ['xlsx', 'csv'] as const;
/** Paging belongs to the page on screen, not to the export (which holds every row of the filters). */
const PAGING = ['page', 'pageSize', 'limit'];

/**
 * The export URL of a list: the list's own API URL (the filter state the page already sends) with
 * `/export` added to its path, paging dropped, and the format and the user's language.
 */
export function exportUrlOf(listUrl: string, format: 'xlsx' | 'csv', lang: string): string {
  const url = new URL(listUrl, 'http://x');
  for (const key of PAGING) url.searchParams.delete(key);
  url.searchParams.set('format', format);
  url.searchParams.set('lang', lang);
  return `${url.pathname.replace(/\/$/, '')}/export?${url.searchParams.toString()}`;
}

/**
 * "导出 Excel / CSV" above a list: downloads the list with its current filters, in the user's language.
 * Fetched rather than linked, so a refused export (too many rows) shows as a message, not a file.
 */
export function ExportControl({ listUrl }: { listUrl: string }) {
  const { t, lang } = useI18n();
  const action = useAction();
  const download = (format: 'xlsx' | 'csv') =>
    action.runWith(async () => {
      const res = await fetch(exportUrlOf(listUrl, format, lang), { credentials: 'same-origin' });
      if (!res.ok) throw apiErrorOf(res.status, await res.json().catch(() => null));
      const blob = await res.blob();
      const disposition = res.headers.get('content-disposition') ?? '';
      const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? `redline.${format}`;
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = name;
      link.click();
      window.setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    });
  return (
    <div className="export-control no-print" role="group" aria-label={t('export.label')} data-testid="export">
      <span className="export-label">{action.busy ? t('export.busy') : t('export.label')}</span>
      {FORMATS.map((f) => (
        <button
          key={f}
          type="button"
          className="btn btn-small btn-ghost"
          disabled={action.busy}
          onClick={() => void download(f)}
          data-testid={`export-${f}`}
        >
          {t(`export.${f}`)}
        </button>
      ))}
      {action.error !== null && <ErrorBox error={action.error} testId="export-error" />}
    </div>
  );
}
