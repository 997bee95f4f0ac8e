import { useEffect } from 'react';

/** Sets the tab title to `page · 红线 Redline`. */
export function useDocumentTitle(page: string | null): void {
  useEffect(() => {
    document.title = page === null || page === '' ? '红线 Redline' : `${page} · 红线 Redline`;
  }, [page]);
}
