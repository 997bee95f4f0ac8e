import type { ReactNode } from 'react';

/**
 * A page of the app: `<section class="page">` with its test id and `data-busy` (what the browser tests wait
 * on), then its head: what stands before the heading (a link back), the heading, and what follows it
 * (actions, links).
 */
export function PageFrame({
  testId,
  isBusy,
  title,
  titleTestId,
  before,
  actions,
  attributes,
  children,
}: {
  testId: string;
  isBusy: boolean;
  title: ReactNode;
  titleTestId?: string;
  before?: ReactNode;
  actions?: ReactNode;
  /** More data attributes of the page (`data-source`, …). */
  attributes?: Record<`data-${string}`, string | undefined>;
  children: ReactNode;
}) {
  return (
    <section className="page" data-testid={testId} data-busy={isBusy ? 'true' : 'false'} {...attributes}>
      <div className="page-head">
        {before}
        <h1 data-testid={titleTestId}>{title}</h1>
        {actions}
      </div>
      {children}
    </section>
  );
}
