import { useEffect } from 'react';

const APP_TITLE = '红线 Redline';
let pageTitle: string | null = null;
let badge = 0;

function applyTitle(): void {
  const base = pageTitle === null || pageTitle === '' ? APP_TITLE : `${pageTitle} · ${APP_TITLE}`;
  document.title = badge > 0 ? `(${badge}) ${base}` : base;
}

/** Sets the tab title to `page · 红线 Redline` (after the unread count, when there is one). */
export function useDocumentTitle(page: string | null): void {
  useEffect(() => {
    pageTitle = page;
    applyTitle();
  }, [page]);
}

/** The unread count shown before the tab title, "(3) 红线 …"; set by the notification bell. */
export function setTitleBadge(count: number): void {
  badge = count;
  applyTitle();
}
