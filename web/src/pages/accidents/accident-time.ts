/** A stored ISO time as "YYYY-MM-DD HH:mm" (as recorded). */
export const shortTime = (iso: string | null): string => (iso ? iso.slice(0, 16).replace('T', ' ') : '—');
