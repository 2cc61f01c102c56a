import { useEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { typeAhead, typeInto, type HeldKey } from './typeAhead';
import { isTypingTarget } from './useShortcuts';

// One keyboard rule for every review dialog:
// - Enter confirms, except inside a multi-line text field (a new line there) or on a button (it presses that button);
//   Ctrl+Enter and Cmd+Enter confirm anywhere;
// - Escape cancels;
// - digits 1-9 pick the dialog's numbered choices (reasons), unless typed into a text field.
// Keys typed before the dialog was ready (type-ahead, typeAhead.ts) go through the same rule, in order.

export interface DialogKeyRule {
    confirm(): void;
    cancel(): void;
    /** A digit 1-9 typed outside a text field; true when it picked something. */
    pick?(digit: number): boolean;
}

const isMultiline = (target: EventTarget | null) => target instanceof HTMLTextAreaElement;
const isButton = (target: EventTarget | null): target is HTMLElement => target instanceof HTMLElement && (target.tagName === 'BUTTON' || target.getAttribute('role') === 'button');
const isTextField = (target: EventTarget | null): target is HTMLInputElement | HTMLTextAreaElement => isTypingTarget(target) && (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement);

/** What the rule does with one key (typed at `target`); true when the key was the rule's. Escape is left to the dialog itself unless replayed. */
function applyRule(rule: DialogKeyRule, key: HeldKey, target: EventTarget | null, replayed: boolean): boolean {
    const command = key.ctrlKey || key.metaKey;
    if (key.key === 'Enter' && !key.altKey && !key.shiftKey) {
        if (command || !(isMultiline(target) || isButton(target))) {
            rule.confirm();
            return true;
        }
        // A held Enter meant for the focused button presses it, as it would have live.
        if (replayed && isButton(target)) {
            target.click();
            return true;
        }
        return false;
    }
    if (key.key === 'Escape' && replayed) {
        rule.cancel();
        return true;
    }
    if (/^[1-9]$/.test(key.key) && !command && !key.altKey && !isTypingTarget(target) && rule.pick) return rule.pick(Number(key.key));
    return false;
}

/**
 * The dialog's keydown handler. Once `ready` (mounted, and what its keys act on loaded), the keys held since its
 * shortcut are replayed one per render (each sees the state the one before left), text keys into the focused field.
 */
export function useDialogKeys(rule: DialogKeyRule, ready = true) {
    // Whoever opened the dialog stops the holding when it closes without getting ready (useDecisionFlow).
    const latest = useRef(rule);
    latest.current = rule;
    const [replay, setReplay] = useState<HeldKey[] | null>(null);
    useEffect(() => {
        if (ready && typeAhead.holding) setReplay(typeAhead.release());
    }, [ready]);
    useEffect(() => {
        if (!replay || replay.length === 0) return;
        const [key, ...rest] = replay;
        const focused = document.activeElement;
        const printable = key!.key.length === 1 && !key!.ctrlKey && !key!.metaKey && !key!.altKey;
        if (!applyRule(latest.current, key!, focused, true) && printable && isTextField(focused)) typeInto(focused, key!.key);
        setReplay(rest);
    }, [replay]);

    return (event: ReactKeyboardEvent) => {
        // Keys from a portal (a select's menu) bubble through React to the dialog: they are the menu's.
        if (event.nativeEvent.isComposing || !(event.currentTarget as Node).contains(event.target as Node)) return;
        if (applyRule(latest.current, event, event.target, false)) event.preventDefault();
    };
}
