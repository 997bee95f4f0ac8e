/** The page of one mine's supervision card. */
export const supervisionMinePath = (mineId: string): string =>
  `/supervision/mines/${encodeURIComponent(mineId)}`;
