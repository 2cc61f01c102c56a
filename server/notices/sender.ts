import type { Notice } from '../../src/domain/types';
import type { Store } from '../store/store';

// Delivers the outbox (docs/api.md §6.12, §8a). A notice is claimed before it is sent (state `sending`, attempts + 1, a
// claim that runs out at `nextAttemptAt`), in its own transaction, so two senders never send it at once; the outcome is
// written after. A sender that dies between the two leaves it `sending`: once the claim runs out another run sends it
// again, and the transport's write is keyed by the notice id, so the second send replaces the first instead of adding one.

export interface NoticeTransport {
    /** Delivers one notice; throws (with a message that says why) when it could not. Sending one id again replaces it. */
    send(notice: Notice): Promise<void>;
}

export interface SenderSettings {
    /** How often the server's loop looks for due notices, in ms. */
    intervalMs: number;
    /** Attempts before a notice is `failed`. */
    maxAttempts: number;
    /** The wait after the first failed attempt, in ms; doubled after each further one, up to `retryMaxMs`. */
    retryBaseMs: number;
    retryMaxMs: number;
    /** How long a sender's claim on a notice lasts, in ms: longer than any one delivery takes. */
    claimMs: number;
    /** Notices claimed per run. */
    batch: number;
}

export const DEFAULT_SENDER_SETTINGS: SenderSettings = {
    intervalMs: 10_000, maxAttempts: 6, retryBaseMs: 60_000, retryMaxMs: 60 * 60_000, claimMs: 5 * 60_000, batch: 50,
};

/** The wait before attempt `attempts + 1` after `attempts` failed ones: base, 2 x base, 4 x base, ..., at most the max. */
export const retryDelayMs = (attempts: number, settings: Pick<SenderSettings, 'retryBaseMs' | 'retryMaxMs'>) =>
    Math.min(settings.retryMaxMs, settings.retryBaseMs * 2 ** Math.max(0, Math.min(attempts - 1, 30)));

export interface SenderRun {
    sent: number;
    retried: number;
    failed: number;
    /** Notices claimed by this run whose outcome it could not write (another sender took them after the claim ran out). */
    lost: number;
}

export interface NoticeSender {
    /** One pass: claims the due notices, sends each, writes each outcome. */
    runOnce(): Promise<SenderRun>;
    /** Runs every `intervalMs` until stopped (one pass at a time). */
    start(): void;
    /** Stops the loop and waits for the pass under way. */
    stop(): Promise<void>;
}

const MAX_ERROR_LENGTH = 500;
const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, MAX_ERROR_LENGTH) || 'delivery failed';

export function createNoticeSender(deps: { store: Store; now: () => Date; transport: NoticeTransport; settings: SenderSettings; log?: (message: string) => void }): NoticeSender {
    const { store, now, transport, settings } = deps;

    async function claimDue(): Promise<Notice[]> {
        return store.transaction(async tx => {
            const at = now();
            const due = await tx.lockDueNotices(at, settings.batch);
            const claimed = due.map((notice): Notice => ({ ...notice, state: 'sending', attempts: notice.attempts + 1, nextAttemptAt: new Date(at.getTime() + settings.claimMs).toISOString() }));
            for (const notice of claimed) await tx.saveNotice(notice);
            return claimed;
        });
    }

    /** Writes the outcome of our attempt, unless the notice moved on since our claim (then it is someone else's). */
    async function finish(claimed: Notice, error: unknown | null): Promise<keyof SenderRun> {
        return store.transaction(async tx => {
            const current = (await tx.lockNotices([claimed.id]))[0];
            if (!current || current.state !== 'sending' || current.attempts !== claimed.attempts) return 'lost';
            const at = now();
            if (error === null) {
                await tx.saveNotice({ ...current, state: 'sent', sentAt: at.toISOString(), nextAttemptAt: null, lastError: null });
                return 'sent';
            }
            const lastError = reasonOf(error);
            if (current.attempts >= settings.maxAttempts) {
                await tx.saveNotice({ ...current, state: 'failed', nextAttemptAt: null, lastError });
                return 'failed';
            }
            await tx.saveNotice({ ...current, state: 'queued', nextAttemptAt: new Date(at.getTime() + retryDelayMs(current.attempts, settings)).toISOString(), lastError });
            return 'retried';
        });
    }

    async function runOnce(): Promise<SenderRun> {
        const run: SenderRun = { sent: 0, retried: 0, failed: 0, lost: 0 };
        for (const notice of await claimDue()) {
            let error: unknown | null = null;
            try {
                await transport.send(notice);
            } catch (caught) {
                error = caught ?? new Error('delivery failed');
            }
            run[await finish(notice, error)] += 1;
        }
        return run;
    }

    let timer: ReturnType<typeof setInterval> | null = null;
    let running: Promise<unknown> = Promise.resolve();
    let busy = false;
    return {
        runOnce,
        start() {
            if (timer) return;
            timer = setInterval(() => {
                if (busy) return;
                busy = true;
                running = runOnce()
                    .then(run => { if (run.failed + run.lost > 0) deps.log?.(`notices: ${run.failed} failed for good, ${run.lost} taken over`); })
                    .catch(error => deps.log?.(`notices: sender pass failed: ${reasonOf(error)}`))
                    .finally(() => { busy = false; });
            }, settings.intervalMs);
            timer.unref?.();
        },
        async stop() {
            if (timer) clearInterval(timer);
            timer = null;
            await running;
        },
    };
}
