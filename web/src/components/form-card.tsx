import type { ReactNode } from 'react';
import { FormFooter } from './form-kit.tsx';
import type { Action } from './use-action.ts';

/**
 * A form of the kit: its heading, its fields (`children`), then the footer with the submit button and the
 * action's error; `data-busy` while the action runs. `onSubmit` runs without the page reloading.
 */
export function FormCard({
  testId,
  title,
  isSubheading = false,
  className = 'card wf-form',
  action,
  onSubmit,
  submitLabel,
  submitTestId,
  errorTestId,
  after,
  children,
}: {
  testId: string;
  title?: ReactNode;
  /** An `h3` heading (a form inside a card) instead of the `h2` of a form of its own. */
  isSubheading?: boolean;
  className?: string;
  action: Pick<Action, 'busy' | 'error'>;
  onSubmit: () => void;
  submitLabel: ReactNode;
  submitTestId: string;
  errorTestId: string;
  /** What stands under the footer (the answer to a submit). */
  after?: ReactNode;
  children: ReactNode;
}) {
  return (
    <form
      className={className}
      data-testid={testId}
      data-busy={action.busy ? 'true' : 'false'}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      {title !== undefined && (isSubheading ? <h3>{title}</h3> : <h2>{title}</h2>)}
      {children}
      <FormFooter action={action} submitTestId={submitTestId} errorTestId={errorTestId}>
        {submitLabel}
      </FormFooter>
      {after}
    </form>
  );
}
