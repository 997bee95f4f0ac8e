import type { ReactNode } from 'react';

/**
 * What a button does, as its look: `primary` the one action a form or page is for (red, at most one per
 * form), `secondary` any other action (white, bordered), `ghost` a quiet action inside a list or bar,
 * `danger` an action that cannot be taken back (revoke, reject).
 */
export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'danger';

const VARIANT_CLASS: Record<ButtonVariant, string> = {
  primary: 'btn btn-primary',
  secondary: 'btn',
  ghost: 'btn btn-ghost',
  danger: 'btn btn-danger',
};

/** The class of a button (or of a link drawn as one) of that variant and size. */
export function buttonClass(
  variant: ButtonVariant = 'secondary',
  size: 'normal' | 'small' = 'normal',
): string {
  return size === 'small' ? `${VARIANT_CLASS[variant]} btn-small` : VARIANT_CLASS[variant];
}

/**
 * The one button of the UI: never the browser's grey default. `type` is `button` unless told (a stray
 * submit is a bug); `label` names an icon-only button for screen readers.
 */
export function Button({
  variant = 'secondary',
  size = 'normal',
  type = 'button',
  onClick,
  disabled,
  testId,
  label,
  pressed,
  children,
}: {
  variant?: ButtonVariant;
  size?: 'normal' | 'small';
  type?: 'button' | 'submit';
  onClick?: () => void;
  disabled?: boolean;
  testId?: string;
  label?: string;
  /** For a toggle (a tab, a filter chip): whether it is on. */
  pressed?: boolean;
  children: ReactNode;
}) {
  return (
    <button
      type={type}
      className={buttonClass(variant, size)}
      onClick={onClick}
      disabled={disabled}
      data-testid={testId}
      aria-label={label}
      aria-pressed={pressed}
    >
      {children}
    </button>
  );
}

/** A link drawn as a button (a download, a page of its own): an `<a>` with the button's class. */
export function ButtonLink({
  href,
  variant = 'secondary',
  size = 'small',
  testId,
  children,
}: {
  href: string;
  variant?: ButtonVariant;
  size?: 'normal' | 'small';
  testId?: string;
  children: ReactNode;
}) {
  return (
    <a className={buttonClass(variant, size)} data-testid={testId} href={href}>
      {children}
    </a>
  );
}
