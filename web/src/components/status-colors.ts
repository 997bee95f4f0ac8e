import type { MineStatus } from '../api/generated/api-schema.ts';

/** Bar colours per status; the pills use the same hues (see styles/pills-errors.css). */
export const STATUS_BAR_COLORS: Record<MineStatus, string> = {
  producing: '#2da44e',
  construction: '#218bff',
  suspended: '#d4a72c',
  resumption_review: '#8250df',
  closing: '#e16f24',
  closed: '#8c959f',
};
