// An init script for a signed-out first visit (the bench's first-visit phase and the e2e suite): it counts history
// navigations (pushState / replaceState) and localStorage reads from the first script on, and records when the
// login form is painted and when a key typed into it is painted. Plain JavaScript in a string: it runs in the page
// before the app's own scripts, and every time comes from the page's clock (0 = navigation start).

export interface FirstVisitReport {
    href: string;
    navigations: number;
    storageReads: number;
    /** The username field in the DOM and laid out, and the frame that paints it (ms after navigation start). */
    formAt: number | null;
    formPaintedAt: number | null;
    /** The first typed key: its keydown, its input event, and the frame that paints the character. */
    keyAt: number | null;
    inputAt: number | null;
    inputPaintedAt: number | null;
    firstContentfulPaint: number | null;
}

export const FIRST_VISIT_PROBE = `(() => {
    const probe = (window.__firstVisit = { navigations: 0, storageReads: 0, formAt: null, formPaintedAt: null, keyAt: null, inputAt: null, inputPaintedAt: null, fcp: null });
    for (const method of ['pushState', 'replaceState']) {
        const original = History.prototype[method];
        History.prototype[method] = function (...args) { probe.navigations += 1; return original.apply(this, args); };
    }
    const getItem = Storage.prototype.getItem;
    Storage.prototype.getItem = function (...args) { if (this === window.localStorage) probe.storageReads += 1; return getItem.apply(this, args); };
    try {
        new PerformanceObserver(list => {
            for (const entry of list.getEntries()) if (entry.name === 'first-contentful-paint') probe.fcp = entry.startTime;
        }).observe({ type: 'paint', buffered: true });
    } catch (error) {}
    const observer = new MutationObserver(() => {
        const field = document.querySelector('input[name="username"]');
        if (!field || field.getBoundingClientRect().height === 0) return;
        observer.disconnect();
        probe.formAt = performance.now();
        requestAnimationFrame(() => { probe.formPaintedAt = performance.now(); });
    });
    observer.observe(document, { childList: true, subtree: true });
    // The key's own time stamp: when the browser received it, however long the page kept it waiting.
    window.addEventListener('keydown', event => { if (probe.keyAt === null) probe.keyAt = event.timeStamp; }, true);
    window.addEventListener('input', event => {
        if (probe.inputAt !== null || !(event.target instanceof HTMLInputElement) || event.target.name !== 'username') return;
        probe.inputAt = performance.now();
        requestAnimationFrame(() => { probe.inputPaintedAt = performance.now(); });
    }, true);
})();`;

export const FIRST_VISIT_REPORT = `(() => {
    const p = window.__firstVisit;
    return { href: location.href, navigations: p.navigations, storageReads: p.storageReads, formAt: p.formAt, formPaintedAt: p.formPaintedAt, keyAt: p.keyAt, inputAt: p.inputAt, inputPaintedAt: p.inputPaintedAt, firstContentfulPaint: p.fcp };
})()`;
