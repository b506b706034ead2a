import { type ReactNode, useEffect, useId, useRef } from 'react';

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  /** What the action does and what cannot be undone. */
  body: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * Asks before a destructive action. A modal `<dialog>`: focus moves into it (onto Cancel, so Enter does not
 * destroy by accident) and back where it was when it closes; Escape and a click outside cancel.
 */
export function ConfirmDialog({ open, title, body, confirmLabel, onConfirm, onCancel }: ConfirmDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bodyId = useId();
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the click outside has its keyboard twin in Escape (onCancel).
    <dialog
      ref={dialog}
      className="confirm-dialog"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={(event) => {
        // Escape: the parent decides whether the dialog stays open.
        event.preventDefault();
        onCancel();
      }}
      onClick={(event) => {
        if (event.target === event.currentTarget) onCancel();
      }}
    >
      {open ? (
        <div className="confirm-dialog-content">
          <h2 id={titleId} className="panel-title">
            {title}
          </h2>
          <div id={bodyId} className="confirm-dialog-body">
            {body}
          </div>
          <div className="actions confirm-dialog-actions">
            {/* biome-ignore lint/a11y/noAutofocus: a modal dialog moves focus into itself; Cancel is the safe choice. */}
            <button type="button" className="button" autoFocus onClick={onCancel}>
              Cancel
            </button>
            <button type="button" className="button button-danger-solid" onClick={onConfirm}>
              {confirmLabel}
            </button>
          </div>
        </div>
      ) : null}
    </dialog>
  );
}
