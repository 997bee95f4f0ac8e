import { useEffect, type RefObject } from 'react';

/**
 * Gives every body cell of the tables under `root` a `data-label` with its column's header, so that on
 * a phone (phone.css) a table row can reflow into a card of "label: value" lines. Done once here, for
 * every page, instead of in each table; it follows the tables as pages render and change.
 */
export function useTableLabels(root: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const el = root.current;
    if (el === null) return;
    let scheduled = false;
    const label = () => {
      scheduled = false;
      for (const table of el.querySelectorAll('table')) {
        const heads = [...table.querySelectorAll(':scope > thead > tr:last-child > th')].flatMap((th) =>
          Array<string>((th as HTMLTableCellElement).colSpan || 1).fill(headerText(th)),
        );
        if (heads.length === 0) continue;
        for (const row of table.querySelectorAll(':scope > tbody > tr, :scope > tfoot > tr')) {
          let column = 0;
          for (const cell of (row as HTMLTableRowElement).cells) {
            const text = cell.colSpan > 1 ? '' : (heads[column] ?? '');
            if (cell.getAttribute('data-label') !== text) cell.setAttribute('data-label', text);
            column += cell.colSpan || 1;
          }
        }
      }
    };
    const schedule = () => {
      if (scheduled) return;
      scheduled = true;
      requestAnimationFrame(label);
    };
    label();
    const observer = new MutationObserver(schedule);
    // Attribute changes are left out: setting data-label must not wake the observer again.
    observer.observe(el, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, [root]);
}

/** A header's words: its `data-label` when it has one, else its text without decoration (sort arrows). */
function headerText(th: Element): string {
  const label = th.getAttribute('data-label');
  if (label !== null) return label;
  const copy = th.cloneNode(true) as Element;
  for (const hidden of copy.querySelectorAll('[aria-hidden="true"]')) hidden.remove();
  return (copy.textContent ?? '').trim();
}
