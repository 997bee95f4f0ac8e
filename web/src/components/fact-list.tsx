import { Fragment, type CSSProperties, type ReactNode } from 'react';

/** One line of a facts list: its term, its value, and the test id and data attributes of the value. */
export interface Fact {
  label: ReactNode;
  value: ReactNode;
  testId?: string;
  /** Data attributes of the value (`data-value`, …). */
  attributes?: Record<`data-${string}`, string | undefined>;
  className?: string;
  /** Left out when false (a fact the record does not have). */
  isShown?: boolean;
}

/**
 * A description list of facts (`<dl>` of term and value), the one shape of a record's key–value panel; facts
 * with `isShown: false` are left out.
 */
export function FactList({
  facts,
  className,
  style,
  testId,
}: {
  facts: readonly Fact[];
  className?: string;
  style?: CSSProperties;
  testId?: string;
}) {
  return (
    <dl className={className} style={style} data-testid={testId}>
      {facts
        .filter((f) => f.isShown !== false)
        .map((f, i) => (
          <Fragment key={i}>
            <dt>{f.label}</dt>
            <dd className={f.className} data-testid={f.testId} {...f.attributes}>
              {f.value}
            </dd>
          </Fragment>
        ))}
    </dl>
  );
}
