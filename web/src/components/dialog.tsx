import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n-context.tsx';
import { Button } from './button.tsx';

/**
 * A modal dialog (the browser's own `<dialog>`: focus kept inside, Escape closes, the page behind inert),
 * named by its title. `footer` holds its buttons; closing by Escape or × calls `onClose`.
 */
export function Dialog({
  isOpen,
  onClose,
  title,
  footer,
  testId,
  children,
}: {
  isOpen: boolean;
  onClose: () => void;
  title: ReactNode;
  footer?: ReactNode;
  testId?: string;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const d = ref.current;
    if (d === null) return;
    if (isOpen && !d.open) d.showModal();
    if (!isOpen && d.open) d.close();
  }, [isOpen]);
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      data-testid={testId}
      onClose={() => {
        if (isOpen) onClose();
      }}
    >
      {isOpen && (
        <>
          <div className="dialog-head">
            <h2 id={titleId}>{title}</h2>
            <Button variant="ghost" size="small" label={t('kit.dialog.close')} onClick={onClose}>
              ×
            </Button>
          </div>
          <div className="dialog-body">{children}</div>
          {footer !== undefined && <div className="dialog-foot">{footer}</div>}
        </>
      )}
    </dialog>
  );
}

/** A yes/no question before an action that cannot be taken back (instead of the browser's `confirm`). */
export function ConfirmDialog({
  isOpen,
  title,
  message,
  confirmLabel,
  onConfirm,
  onCancel,
  isBusy,
  testId,
}: {
  isOpen: boolean;
  title: ReactNode;
  message: ReactNode;
  confirmLabel: ReactNode;
  onConfirm: () => void;
  onCancel: () => void;
  isBusy?: boolean;
  testId: string;
}) {
  const { t } = useI18n();
  return (
    <Dialog
      isOpen={isOpen}
      onClose={onCancel}
      title={title}
      testId={testId}
      footer={
        <>
          <Button onClick={onCancel} testId={`${testId}-cancel`}>
            {t('kit.dialog.cancel')}
          </Button>
          <Button variant="danger" onClick={onConfirm} disabled={isBusy} testId={`${testId}-confirm`}>
            {confirmLabel}
          </Button>
        </>
      }
    >
      <p>{message}</p>
    </Dialog>
  );
}
