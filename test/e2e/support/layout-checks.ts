import type { Page } from 'playwright-core';

/**
 * Runs in the page (a string: the tests' TypeScript has no DOM library). Lists what a reader sees wrong in
 * `main`: a table without headers or without a body row (every list says when it is empty), a button left in
 * the browser's own grey, two controls touching on one line, and a page wider than a phone's screen.
 */
const LAYOUT_FAULTS = `(() => {
  const faults = [];
  const main = document.querySelector('main');
  if (main === null) return ['no <main>'];
  const isShown = (el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
  };
  const name = (el) =>
    el.getAttribute('data-testid') ?? el.tagName.toLowerCase() + ' "' + (el.textContent ?? '').trim().slice(0, 30) + '"';
  for (const table of main.querySelectorAll('table')) {
    if (!isShown(table)) continue;
    const heads = [...table.querySelectorAll(':scope > thead th')];
    if (heads.length === 0 || heads.some((th) => (th.textContent ?? '').trim() === ''))
      faults.push('table ' + name(table) + ': a column without a header');
    if (table.querySelectorAll(':scope > tbody > tr').length === 0)
      faults.push('table ' + name(table) + ': no row and no empty state');
  }
  for (const button of main.querySelectorAll('button'))
    if (isShown(button) && getComputedStyle(button).backgroundColor === 'rgb(239, 239, 239)')
      faults.push('button ' + name(button) + ": the browser's default grey");
  const controls = [
    ...main.querySelectorAll('input:not([type="checkbox"]):not([type="radio"]), select, textarea, button'),
  ]
    .filter(isShown)
    .map((el) => ({ el, r: el.getBoundingClientRect() }));
  for (let i = 0; i < controls.length; i++)
    for (let j = i + 1; j < controls.length; j++) {
      const a = controls[i];
      const b = controls[j];
      const sameLine = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top) > 4;
      const gap = Math.max(a.r.left, b.r.left) - Math.min(a.r.right, b.r.right);
      if (sameLine && gap < 4) faults.push(name(a.el) + ' and ' + name(b.el) + ' run together');
    }
  if (document.documentElement.scrollWidth > window.innerWidth + 1)
    faults.push('the page is ' + document.documentElement.scrollWidth + 'px wide on a ' + window.innerWidth + 'px screen');
  return faults;
})()`;

/**
 * What a reader sees wrong in the layout of the page's `main`, one sentence each (empty when nothing is):
 * tables without headers or empty state, native grey buttons, controls running together, sideways scroll.
 */
export async function layoutFaults(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(LAYOUT_FAULTS);
}

/** On a phone: the label a table's first body cell shows before its value (its column's header), or null. */
export async function phoneCellLabel(page: Page, tableTestId: string): Promise<string | null> {
  const content = await page.evaluate<string>(
    `getComputedStyle(document.querySelector('[data-testid="${tableTestId}"] > tbody > tr > td'), '::before').content`,
  );
  return content === 'none' || content === 'normal' ? null : content.replace(/^"|"$/g, '');
}
