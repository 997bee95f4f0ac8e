/**
 * Page model for the signed-in frame: language switch, user badge, navigation, logout.
 * Every helper works through the UI's data-testids.
 */
import type { Locator, Page } from 'playwright-core';

export type Lang = 'zh-CN' | 'en';

/** The app's origin, taken from the page once it has loaded something from it. */
export function appOrigin(page: Page, baseUrl?: string): string {
  if (baseUrl !== undefined) return new URL(baseUrl).origin;
  const current = page.url();
  if (!current.startsWith('http'))
    throw new Error('Page has not opened the app yet: pass baseUrl or log in first');
  return new URL(current).origin;
}

/** The language the UI is in, from `<html lang>`. */
export async function currentLanguage(page: Page): Promise<Lang> {
  return (await page.locator('html').getAttribute('lang')) === 'en' ? 'en' : 'zh-CN';
}

/** Clicks the header switch and waits until `<html lang>` has flipped; returns the new language. */
export async function switchLanguage(page: Page): Promise<Lang> {
  const next: Lang = (await currentLanguage(page)) === 'en' ? 'zh-CN' : 'en';
  await page.getByTestId('lang-switch').click();
  await page.locator(`html[lang="${next}"]`).waitFor({ state: 'attached' });
  return next;
}

/** Switches until the UI is in `lang` (no-op when it already is). */
export async function ensureLanguage(page: Page, lang: Lang): Promise<void> {
  if ((await currentLanguage(page)) !== lang) await switchLanguage(page);
}

/** The label on the language switch: "English" while in Chinese, "中文" while in English. */
export async function languageSwitchLabel(page: Page): Promise<string> {
  return (await page.getByTestId('lang-switch').innerText()).trim();
}

/** The user shown in the top bar. */
export async function currentUser(page: Page): Promise<{ name: string; role: string; scope: string }> {
  const [name, role, scope] = await Promise.all([
    page.getByTestId('user-name').innerText(),
    page.getByTestId('user-role').innerText(),
    page.getByTestId('user-scope').innerText(),
  ]);
  return { name: name.trim(), role: role.trim(), scope: scope.trim() };
}

/** The test ids of the navigation items shown (`nav-dashboard`, `nav-mines`, `nav-my-mine`). */
export async function navItems(page: Page): Promise<string[]> {
  await page.getByTestId('sidenav').waitFor({ state: 'attached' });
  return attributeOfAll(page.getByTestId('sidenav').locator('[data-testid^="nav-"]'), 'data-testid');
}

/** Opens the navigation drawer when the menu button shows (a phone); a no-op on a wide screen. */
export async function openNavigation(page: Page): Promise<void> {
  const toggle = page.getByTestId('nav-toggle');
  if ((await toggle.isVisible()) && (await toggle.getAttribute('aria-expanded')) !== 'true')
    await toggle.click();
  await page.getByTestId('sidenav').waitFor();
}

/** Logs out from the header and waits for the login form. */
export async function logout(page: Page): Promise<void> {
  await page.getByTestId('logout').click();
  await page.getByTestId('login-username').waitFor();
}

/** One attribute of every element a locator matches, in document order (missing ones left out). */
export async function attributeOfAll(locator: Locator, name: string): Promise<string[]> {
  const values = await Promise.all((await locator.all()).map((el) => el.getAttribute(name)));
  return values.filter((v): v is string => v !== null);
}

/** Goes to `path` in the app, with `query` as its URL filters (no `?` when there are none). */
export async function gotoApp(
  page: Page,
  path: string,
  query: Record<string, string> = {},
  baseUrl?: string,
): Promise<void> {
  const qs = new URLSearchParams(query).toString();
  await page.goto(`${appOrigin(page, baseUrl)}${path}${qs === '' ? '' : `?${qs}`}`);
}

/** Waits until the element with `testId` has its data (`data-busy="false"`). */
export async function waitUntilIdle(page: Page, testId: string): Promise<void> {
  await page.locator(`[data-testid="${testId}"][data-busy="false"]`).waitFor();
}

/** Goes to `path` in the app and waits until the element with `testId` has its data. */
export async function openSection(page: Page, path: string, testId: string, baseUrl?: string): Promise<void> {
  await gotoApp(page, path, {}, baseUrl);
  await waitUntilIdle(page, testId);
}

/**
 * The `open…(page, query?, baseUrl?)` of a section with URL filters: goes to `path` with the filters and
 * waits until `ready` says the section shows their answer.
 */
export function sectionOpener(
  path: string,
  ready: (page: Page) => Promise<void>,
): (page: Page, query?: Record<string, string>, baseUrl?: string) => Promise<void> {
  return async (page, query = {}, baseUrl) => {
    await gotoApp(page, path, query, baseUrl);
    await ready(page);
  };
}

/** Sets form fields by test id, in the order given: picks the option of a `<select>`, types into any other. */
export async function setFields(page: Page, fields: Record<string, string>): Promise<void> {
  for (const [testId, value] of Object.entries(fields)) {
    const field = page.getByTestId(testId);
    if ((await field.evaluate((el: { tagName: string }) => el.tagName)) === 'SELECT')
      await field.selectOption(value);
    else await field.fill(value);
  }
}

/** The text content of the element with `testId` ('' when it has none). */
export async function textOf(page: Page, testId: string): Promise<string> {
  return (await page.getByTestId(testId).textContent()) ?? '';
}

/** One value read from each element `locator` matches, in document order. */
export async function readEach<T>(locator: Locator, read: (el: Locator) => Promise<T>): Promise<T[]> {
  return Promise.all((await locator.all()).map(read));
}

/** An attribute of the element, '' when it has none. */
export async function attr(el: Locator, name: string): Promise<string> {
  return (await el.getAttribute(name)) ?? '';
}

/**
 * Each element of `locator` as a row: every field of `attributes` read from the attribute it names
 * ('' when absent), and with `withText` the element's trimmed text as `text`.
 */
export async function readRows<K extends string>(
  locator: Locator,
  attributes: Record<K, string>,
): Promise<Array<Record<K, string>>>;
export async function readRows<K extends string>(
  locator: Locator,
  attributes: Record<K, string>,
  withText: true,
): Promise<Array<Record<K | 'text', string>>>;
export async function readRows<K extends string>(
  locator: Locator,
  attributes: Record<K, string>,
  withText = false,
): Promise<Array<Record<string, string>>> {
  return readEach(locator, async (el) => {
    const row: Record<string, string> = {};
    for (const [field, name] of Object.entries<string>(attributes)) row[field] = await attr(el, name);
    if (withText) row.text = (await el.innerText()).trim();
    return row;
  });
}
