import type { ReactNode } from 'react';

/** One line of a console side list: what it is (and a line under it), its figure, what a click opens. */
export interface SideItem {
  key: string;
  main: ReactNode;
  /** The line under it; none when undefined. */
  sub?: ReactNode;
  count: ReactNode;
  countClassName?: string;
  onClick: () => void;
  isDisabled?: boolean;
  /** Test id and data attributes of the line's button. */
  attributes: Record<`data-${string}`, string | undefined>;
}

/** The list of a side card of the alarm console (floods, chattering, stale alarms), or its empty line. */
export function SideList({ items, empty }: { items: readonly SideItem[]; empty: ReactNode }) {
  if (items.length === 0) return <div className="side-empty">{empty}</div>;
  return (
    <ul className="side-list">
      {items.map((item) => (
        <li key={item.key}>
          <button
            type="button"
            className="side-item"
            disabled={item.isDisabled}
            onClick={item.onClick}
            {...item.attributes}
          >
            <span className="side-main">
              {item.main}
              {item.sub !== undefined && <span className="cell-sub">{item.sub}</span>}
            </span>
            <span className={item.countClassName ? `side-count ${item.countClassName}` : 'side-count'}>
              {item.count}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
