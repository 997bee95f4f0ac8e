/** Page model for the login page (`/login`). */
import type { Page } from 'playwright-core';
import { appOrigin } from './app-shell.ts';

/** Opens the login page and waits for the form. */
export async function openLogin(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${appOrigin(page, baseUrl)}/login`);
  await page.getByTestId('login-username').waitFor();
}

/** Fills and submits the form without waiting for the outcome. */
export async function submitLogin(page: Page, username: string, password: string): Promise<void> {
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

/**
 * Logs in and waits until the signed-in frame is shown (the dashboard, or a mine safety
 * officer's own mine page).
 */
export async function login(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
  await openLogin(page, baseUrl);
  await submitLogin(page, username, password);
  // Attached, not visible: on a phone the navigation is a closed drawer.
  await page.getByTestId('sidenav').waitFor({ state: 'attached' });
}

/** Tries to log in with credentials expected to fail; returns the error shown. */
export async function loginExpectingError(
  page: Page,
  baseUrl: string,
  username: string,
  password: string,
): Promise<string> {
  await openLogin(page, baseUrl);
  await submitLogin(page, username, password);
  const error = page.getByTestId('login-error');
  await error.waitFor();
  return (await error.innerText()).trim();
}

/** The error on the login form, or null when none is shown. */
export async function loginError(page: Page): Promise<string | null> {
  const error = page.getByTestId('login-error');
  return (await error.count()) === 0 ? null : (await error.innerText()).trim();
}

/** Whether the login form is on screen (e.g. after opening a page while signed out). */
export async function isOnLoginPage(page: Page): Promise<boolean> {
  return (await page.getByTestId('login-username').count()) > 0;
}
