import { formatDateTime } from '../../format.ts';

/** A stored ISO time as China Standard Time "YYYY-MM-DD HH:mm" (— when absent). */
export const shortTime = (iso: string | null): string => formatDateTime(iso);
