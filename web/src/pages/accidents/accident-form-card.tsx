import type { ReactNode } from 'react';
import { FormFooter } from '../../components/form-kit.tsx';
import type { Action } from '../../components/use-action.ts';

/**
 * The shell of the accident forms (record, supplement): a card whose fields flow in two columns, checked by
 * the page rather than the browser, then the footer across the card (`${testId}-submit`, `-error`).
 */
export function AccidentFormCard({
  testId,
  heading,
  action,
  onSubmit,
  submitLabel,
  children,
}: {
  testId: string;
  heading: ReactNode;
  action: Pick<Action, 'busy' | 'error'>;
  onSubmit: () => void;
  submitLabel: ReactNode;
  children: ReactNode;
}) {
  return (
    <form
      className="card acc-form"
      data-testid={testId}
      data-busy={action.busy ? 'true' : 'false'}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      {heading}
      {children}
      <div className="acc-wide">
        <FormFooter action={action} submitTestId={`${testId}-submit`} errorTestId={`${testId}-error`}>
          {submitLabel}
        </FormFooter>
      </div>
    </form>
  );
}
