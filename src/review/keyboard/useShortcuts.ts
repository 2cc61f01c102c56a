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
            action(event);
        };
        window.addEventListener('keydown', onKeyDown);
        return () => window.removeEventListener('keydown', onKeyDown);
    }, [enabled]);
}
