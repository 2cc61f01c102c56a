import { act, render } from '@testing-library/react';
import { AdminContext } from 'react-admin';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useClaimHeartbeat } from '../../src/review/flow/useClaimHeartbeat';
import { createI18nProvider } from '../../src/providers/i18nProvider';

// The decision flow's heartbeat, alone: a screen that holds (or does not hold) a request.
function Held({ heldByMe, onHeartbeat }: { heldByMe: boolean; onHeartbeat: () => void }) {
    useClaimHeartbeat(heldByMe, onHeartbeat);
    return null;
}

function screen(onHeartbeat: () => void, heldByMe = true) {
    return (
        <AdminContext i18nProvider={createI18nProvider('en')}>
            <Held heldByMe={heldByMe} onHeartbeat={onHeartbeat} />
        </AdminContext>
    );
}

afterEach(() => vi.useRealTimers());

describe('the claim heartbeat', () => {
    it('re-claims once a minute while the operator is active, even though the screen re-renders in between', () => {
        vi.useFakeTimers();
        const first = vi.fn();
        const latest = vi.fn();
        const view = render(screen(first));
        act(() => vi.advanceTimersByTime(30_000));
        view.rerender(screen(latest));
        act(() => vi.advanceTimersByTime(30_001));
        expect(first).not.toHaveBeenCalled();
        expect(latest).toHaveBeenCalledTimes(1);
    });

    it('lets an idle claim lapse: no heartbeat after five minutes without activity', () => {
        vi.useFakeTimers();
        const beat = vi.fn();
        render(screen(beat));
        act(() => vi.advanceTimersByTime(6 * 60_000));
        const beatsWhileIdle = beat.mock.calls.length;
        act(() => vi.advanceTimersByTime(5 * 60_000));
        expect(beat.mock.calls.length).toBe(beatsWhileIdle);
        act(() => window.dispatchEvent(new KeyboardEvent('keydown', { key: 'x' })));
        act(() => vi.advanceTimersByTime(60_000));
        expect(beat.mock.calls.length).toBe(beatsWhileIdle + 1);
    });

    it('does nothing for a request I do not hold', () => {
        vi.useFakeTimers();
        const beat = vi.fn();
        render(screen(beat, false));
        act(() => vi.advanceTimersByTime(3 * 60_000));
        expect(beat).not.toHaveBeenCalled();
    });
});
