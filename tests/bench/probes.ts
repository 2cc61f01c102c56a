// Scripts that run inside the page. They are plain JavaScript strings on purpose: the bench runs under tsx,
// whose transform can add helpers to functions that would be undefined once serialized into the page.
// Every time they record comes from the page's own clock (performance.now(), 0 = navigation start), so
// the round trips between the bench and Chromium never enter a figure.

/** Signs the app in before any of its scripts run: the console's session, as POST /auth/login answered it. */
export function sessionScript(session: unknown): string {
    return `(() => {
        try {
            if (location.protocol.startsWith('http') && !localStorage.getItem('axis-review-session')) {
                localStorage.setItem('axis-review-session', ${JSON.stringify(JSON.stringify(session))});
            }
        } catch (error) { /* about:blank has no storage */ }
    })();`;
}

/**
 * Records when the first queue row with content is in the DOM and laid out (`at`), and the start of the
 * next animation frame, i.e. the frame that paints it (`frameAt`). Skeleton rows (no text) do not count.
 */
export const FIRST_ROW_PROBE = `(() => {
    const bench = (window.__bench = window.__bench || {});
    bench.firstRow = null;
    try { performance.setResourceTimingBufferSize(10000); } catch (error) {}
    const observer = new MutationObserver(() => {
        if (bench.firstRow) return;
        for (const tr of document.querySelectorAll('tbody tr')) {
            if ((tr.textContent || '').trim() === '' || tr.getBoundingClientRect().height === 0) continue;
            const row = { at: performance.now(), frameAt: null, text: tr.textContent.slice(0, 60) };
            bench.firstRow = row;
            observer.disconnect();
            requestAnimationFrame(() => { row.frameAt = performance.now(); });
            return;
        }
    });
    observer.observe(document, { childList: true, subtree: true, characterData: true });
})();`;

/** What the page fetched, and when, after the first row probe fired. */
export const LOAD_REPORT = `(() => {
    const bench = window.__bench;
    const origin = location.origin;
    const nav = performance.getEntriesByType('navigation')[0];
    return {
        href: location.href,
        firstRow: bench && bench.firstRow,
        navigation: nav ? { responseEnd: nav.responseEnd, domContentLoaded: nav.domContentLoadedEventEnd, load: nav.loadEventEnd } : null,
        resources: performance.getEntriesByType('resource').map(e => ({
            url: e.name,
            sameOrigin: e.name.startsWith(origin + '/'),
            path: new URL(e.name).pathname,
            initiator: e.initiatorType,
            start: e.startTime,
            end: e.responseEnd,
        })),
    };
})()`;

/**
 * The review-screen probe. arm(previousId) starts a measurement: the first key pressed afterwards is the
 * start, and it ends when the review screen shows another request (data-request) AND that request's
 * document image has loaded (img.complete && naturalWidth > 0, its URL naming the request).
 * done() resolves with the times (ms after the key), the image's URL, and the requests under way meanwhile.
 */
export const REVIEW_PROBE = `(() => {
    const bench = (window.__bench = window.__bench || {});
    try { performance.setResourceTimingBufferSize(10000); } catch (error) {}
    window.addEventListener('keydown', event => {
        const m = bench.measurement;
        if (m && m.keyAt === null) { m.keyAt = performance.now(); m.key = event.key; }
    }, true);
    bench.arm = (previousId, timeoutMs) => {
        performance.clearResourceTimings();
        const m = { previousId, key: null, keyAt: null, recordAt: null, docsAt: null, id: null };
        bench.measurement = m;
        m.promise = new Promise((resolve, reject) => {
            let observer = null;
            let interval = null;
            let timer = null;
            const stop = () => {
                if (observer) observer.disconnect();
                clearInterval(interval);
                clearTimeout(timer);
                document.removeEventListener('load', check, true);
            };
            function check() {
                if (m.keyAt === null || m.docsAt !== null) return;
                const screen = document.querySelector('[data-testid="review-screen"]');
                const id = screen && screen.getAttribute('data-request');
                if (!id || id === previousId) return;
                if (m.recordAt === null) { m.recordAt = performance.now(); m.id = id; }
                const img = screen.querySelector('img[data-testid="document-image"]');
                if (!img || !img.complete || img.naturalWidth === 0) return;
                if (!decodeURIComponent(img.currentSrc || img.src).includes('/' + id + '/')) return;
                m.docsAt = performance.now();
                stop();
                // Every request still under way at the key or started since (one started before may be waited for).
                const resources = performance.getEntriesByType('resource')
                    .filter(e => e.responseEnd >= m.keyAt - 1)
                    .map(e => ({ url: e.name, path: new URL(e.name).pathname + new URL(e.name).search, initiator: e.initiatorType, start: e.startTime - m.keyAt, end: e.responseEnd - m.keyAt }));
                resolve({ id, previousId, key: m.key, recordMs: m.recordAt - m.keyAt, docsMs: m.docsAt - m.keyAt, imageUrl: img.currentSrc || img.src, resources });
            }
            observer = new MutationObserver(check);
            observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-request', 'src'] });
            document.addEventListener('load', check, true);
            // A safety net only: the observer and the load listener see every change first.
            interval = setInterval(check, 100);
            timer = setTimeout(() => {
                stop();
                const screen = document.querySelector('[data-testid="review-screen"]');
                reject(new Error('no new request with loaded documents after ' + timeoutMs + ' ms (key: ' + m.key + ', on screen: ' + (screen && screen.getAttribute('data-request')) + ', previous: ' + previousId + ', url: ' + location.href + ')'));
            }, timeoutMs);
        });
        m.promise.catch(() => undefined);
    };
    bench.done = () => bench.measurement.promise;
})();`;

/** Times `runs` fetches of each URL, alternating between them, from inside the page (one untimed warm-up each). */
export function timedFetchesScript(targets: { url: string; token: string }[], runs: number): string {
    return `(async (targets, runs) => {
        const once = async target => {
            const t0 = performance.now();
            const response = await fetch(target.url, { headers: { Authorization: 'Bearer ' + target.token } });
            const body = await response.json();
            return { ms: performance.now() - t0, status: response.status, contentRange: response.headers.get('Content-Range'), rows: Array.isArray(body) ? body.length : null };
        };
        const results = targets.map(() => ({ times: [], status: null, contentRange: null, rows: null }));
        for (const target of targets) await once(target);
        for (let run = 0; run < runs; run++) {
            for (let i = 0; i < targets.length; i++) {
                const one = await once(targets[i]);
                results[i].times.push(one.ms);
                Object.assign(results[i], { status: one.status, contentRange: one.contentRange, rows: one.rows });
            }
        }
        return results;
    })(${JSON.stringify(targets)}, ${runs})`;
}
