import { apiErrorOf } from '../../api/api-client.ts';

/** The expertise pages' paths, date helpers and JSON PUT (the answers' types are generated: api/generated). */

export const expertiseMinePath = (mineId: string): string => `/expertise/mines/${encodeURIComponent(mineId)}`;
export const mineApi = (mineId: string): string => `/api/expertise/mines/${encodeURIComponent(mineId)}`;

/** Today as YYYY-MM-DD in local time (the default of the date fields). */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** `date` plus whole years, as YYYY-MM-DD. */
export function addYears(date: string, years: number): string {
  const [y, rest] = [Number(date.slice(0, 4)), date.slice(4)];
  return `${y + years}${rest}`;
}

/** A PUT with the session's CSRF token (the shared client only speaks GET/POST/PATCH/DELETE). */
export async function putJson<T>(url: string, body: unknown, csrfToken: string): Promise<T> {
  const res = await fetch(url, {
    method: 'PUT',
    credentials: 'same-origin',
    headers: { accept: 'application/json', 'content-type': 'application/json', 'x-csrf-token': csrfToken },
    body: JSON.stringify(body),
  });
  const data: unknown = await res.json().catch(() => null);
  if (!res.ok) throw apiErrorOf(res.status, data);
  return data as T;
}
