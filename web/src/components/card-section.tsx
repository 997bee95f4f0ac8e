import type { ReactNode } from 'react';

/**
 * A card of its own (`<section class="card">`): its heading row — the heading, a short muted hint beside it,
 * then whatever else stands there (a count, a legend, a period) — and its body.
 */
export function CardSection({
  title,
  hint,
  headExtra,
  className = 'card',
  testId,
  isBusy,
  attributes,
  children,
}: {
  title: ReactNode;
  hint?: ReactNode;
  headExtra?: ReactNode;
  className?: string;
  testId?: string;
  /** `data-busy` while the card's data loads (what the browser tests wait on); none when not given. */
  isBusy?: boolean;
  /** More data attributes of the card (`data-flood`, …). */
  attributes?: Record<`data-${string}`, string | undefined>;
  children: ReactNode;
}) {
  return (
    <section
      className={className}
      data-testid={testId}
      data-busy={isBusy === undefined ? undefined : isBusy ? 'true' : 'false'}
      {...attributes}
    >
      <header className="card-head">
        <h2>{title}</h2>
        {hint !== undefined && hint !== null && hint !== false && <span className="muted small">{hint}</span>}
        {headExtra}
      </header>
      {children}
    </section>
  );
}
