import type { ReactNode } from 'react';
import { Button, type ButtonVariant } from './button.tsx';
import type { Action } from './use-action.ts';

/**
 * A button that sends one API call through `action` (see useAction): disabled while any call of the action
 * runs, or while `isBlocked` (a choice still missing).
 */
export function ActionButton({
  action,
  method = 'POST',
  url,
  body,
  variant = 'secondary',
  size = 'small',
  isBlocked = false,
  testId,
  children,
}: {
  action: Pick<Action, 'busy' | 'run'>;
  method?: 'POST' | 'PATCH' | 'DELETE';
  url: string;
  body?: unknown;
  variant?: ButtonVariant;
  size?: 'normal' | 'small';
  isBlocked?: boolean;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <Button
      variant={variant}
      size={size}
      testId={testId}
      disabled={action.busy || isBlocked}
      onClick={() => void action.run(method, url, body)}
    >
      {children}
    </Button>
  );
}
