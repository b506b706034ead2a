import { useEffect, useRef } from 'react';

const FIELDS = 'input:not([type="hidden"]):not([disabled]), select:not([disabled]), textarea:not([disabled])';

/**
 * A form that opens in place takes the focus: its first field, or the form itself until a field appears
 * (the generated forms load lazily). Escape inside it closes it; when it closes, the focus goes back to what
 * had it before (the button that opened it), unless the user moved it elsewhere meanwhile. Attach the ref
 * to an element with tabIndex -1.
 */
export function useFormFocus<T extends HTMLElement>(onClose: () => void) {
  const ref = useRef<T>(null);
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const focusField = () => {
      const field = element.querySelector<HTMLElement>(FIELDS);
      field?.focus();
      return field !== null;
    };
    let observer: MutationObserver | undefined;
    if (!focusField()) {
      element.focus();
      observer = new MutationObserver(() => {
        if (document.activeElement !== element) observer?.disconnect();
        else if (focusField()) observer?.disconnect();
      });
      observer.observe(element, { childList: true, subtree: true });
    }
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.stopPropagation();
      close.current();
    };
    element.addEventListener('keydown', onKeyDown);
    return () => {
      observer?.disconnect();
      element.removeEventListener('keydown', onKeyDown);
      const focusLeft = document.activeElement === document.body || element.contains(document.activeElement);
      if (opener?.isConnected && focusLeft) opener.focus();
    };
  }, []);
  return ref;
}
