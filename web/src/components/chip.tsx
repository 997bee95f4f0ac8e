import type { ReactNode } from 'react';

/** What a status means to the reader, as a colour: ok (green), info (blue), warn (amber), danger (red), neutral. */
export type ChipTone = 'ok' | 'info' | 'warn' | 'danger' | 'neutral';

/**
 * A status chip for any workflow state (a hazard, an order, a token, a closure step); the mine statuses keep
 * their own hues in StatusPill. The text says the state; the colour only repeats it (WCAG 1.4.1).
 */
export function StatusChip({
  tone,
  testId,
  state,
  children,
}: {
  tone: ChipTone;
  testId?: string;
  /** The raw state, kept for tests as `data-state`. */
  state?: string;
  children: ReactNode;
}) {
  return (
    <span className={`chip-status chip-${tone}`} data-testid={testId} data-state={state}>
      {children}
    </span>
  );
}
