import { useEffect, useRef } from 'react';

// Single-key shortcuts for the review screens. None fires while the operator types in a field.

export type ShortcutMap = Record<string, (event: KeyboardEvent) => void>;

export function isTypingTarget(target: EventTarget | null): boolean {
    if (!(target instanceof HTMLElement)) return false;
    if (target.isContentEditable) return true;
    const tag = target.tagName;
    if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
    if (tag !== 'INPUT') return false;
    // Checkboxes and radios take no text: number keys may still pick reasons while one has focus.
    return !['checkbox', 'radio', 'button', 'submit'].includes((target as HTMLInputElement).type);
}

/** Keys typed inside an open popup menu or a dialog belong to it, not to the page. */
const insidePopup = (target: EventTarget | null) => target instanceof Element && !!target.closest('.MuiPopover-root, .MuiModal-root, [role="dialog"]');

/**
 * A shortcut stands for the button that declares it (`aria-keyshortcuts`): with focus nowhere, focus goes to that
 * button, so that a dialog the shortcut opens gives focus back to it when it closes.
 */
function focusButtonOf(key: string) {
    if (document.activeElement && document.activeElement !== document.body) return;
    const button = [...document.querySelectorAll<HTMLElement>('[aria-keyshortcuts]')].find(element => element.getAttribute('aria-keyshortcuts') === key);
    button?.focus({ preventScroll: true });
}

export function useShortcuts(shortcuts: ShortcutMap, enabled = true) {
    const latest = useRef(shortcuts);
    latest.current = shortcuts;
    useEffect(() => {
        if (!enabled) return;
        const onKeyDown = (event: KeyboardEvent) => {
            // Not event.defaultPrevented: the side menu's type-ahead swallows letters that are our shortcuts.
            if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
            if (isTypingTarget(event.target) || insidePopup(event.target)) return;
            const action = latest.current[event.key];
            if (!action) return;
            event.preventDefault();
            focusButtonOf(event.key);
            action(event);
        };
        window.addEventListener('keydown', onKeyDown);
        return () => window.removeEventListener('keydown', onKeyDown);
    }, [enabled]);
}
