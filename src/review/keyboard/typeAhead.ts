// Type-ahead for the review dialogs: a fast operator types `r` then `1`, or `a` then Enter, without waiting. The keys
// typed between the shortcut and the moment its dialog can take them (its code loading, mounting, the reason catalogue
// arriving) are held here, in order, and handed to the dialog once it is ready.

export interface HeldKey {
    key: string;
    ctrlKey: boolean;
    metaKey: boolean;
    altKey: boolean;
    shiftKey: boolean;
}

const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'Meta', 'CapsLock']);

let held: HeldKey[] | null = null;

function capture(event: KeyboardEvent) {
    if (!held || event.isComposing || MODIFIERS.has(event.key)) return;
    // The key belongs to the dialog on its way: neither the page's shortcuts nor the focused button may act on it.
    event.preventDefault();
    event.stopImmediatePropagation();
    held.push({ key: event.key, ctrlKey: event.ctrlKey, metaKey: event.metaKey, altKey: event.altKey, shiftKey: event.shiftKey });
}

export const typeAhead = {
    /** From now on, keys are held (window, capture phase: before anything else sees them). */
    hold() {
        if (held) return;
        held = [];
        window.addEventListener('keydown', capture, true);
    },
    /** Stops holding and hands back what was typed meanwhile, oldest first (nothing when nothing was held). */
    release(): HeldKey[] {
        const keys = held ?? [];
        held = null;
        window.removeEventListener('keydown', capture, true);
        return keys;
    },
    get holding() {
        return held !== null;
    },
};

/** Types `text` into a text field as the operator would have (React sees an input event). */
export function typeInto(field: HTMLInputElement | HTMLTextAreaElement, text: string) {
    const prototype = field instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
    const setValue = Object.getOwnPropertyDescriptor(prototype, 'value')!.set!;
    const start = field.selectionStart ?? field.value.length;
    const end = field.selectionEnd ?? field.value.length;
    setValue.call(field, field.value.slice(0, start) + text + field.value.slice(end));
    field.setSelectionRange?.(start + text.length, start + text.length);
    field.dispatchEvent(new Event('input', { bubbles: true }));
}
