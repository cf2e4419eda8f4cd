import { type RefObject, useEffect } from 'react';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

/**
 * Keeps Tab inside a modal box: past its last control focus comes back to its first, and Shift+Tab
 * the other way, so the keyboard never lands on the page hidden behind it.
 */
export function useFocusTrap(box: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Tab' || !box.current) return;
      const controls = [...box.current.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.getClientRects().length > 0);
      const first = controls[0];
      const last = controls.at(-1);
      if (!first || !last) return;
      const inside = box.current.contains(document.activeElement);
      const edge = e.shiftKey ? first : last;
      if (inside && document.activeElement !== edge) return;
      e.preventDefault();
      (e.shiftKey ? last : first).focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [box]);
}
