import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_MOCK_CONFIG } from '../../mocks/app';
import { present } from '../../server/http/present';
import { HOSTILE_STRINGS, HOSTILE_URLS, makeHostile } from '../../mocks/seed/hostile';
import { CANCELLATION_COLUMNS, csvHeader, csvRow, VERIFICATION_COLUMNS } from '../../src/domain/exportCsv';
import { isLoadableDocumentUrl } from '../../src/common/documentUrl';
import { isSafeImageUrl } from '../../src/common/safeImageUrl';
import type { Cancellation, RequestKind, Verification } from '../../src/domain/types';
import { API_URL, renderConsole, signIn, startMockApi } from '../integration/renderConsole';
import { maskPhone } from '../../src/domain/identityMasking';

// Every customer-supplied field of every request filled with hostile text (mocks/seed/hostile.ts): the queues and
// review screens show each string verbatim as text, inject no element, run nothing, load no unsafe image, go nowhere.

const { server, db } = startMockApi();
const report = makeHostile(db.state);
db.reindex();

// The mock turns stored document paths into URLs on its own origin; a real backend sends whatever it has. These
// overrides send the stored hostile addresses as they are, so the console meets javascript:, data:, foreign hosts.
const ctx = { apiRoot: `${API_URL}/`, fourEyesThresholdIdr: DEFAULT_MOCK_CONFIG.fourEyesThresholdIdr };
const asSent = (kind: RequestKind, id: string) => {
    const record = db.find(kind, id);
    if (!record) return HttpResponse.json({ error: { code: 'not_found', message: 'not found' } }, { status: 404 });
    const shown = present(record, ctx);
    return HttpResponse.json(record.kind === 'verification' ? { ...shown, documents: record.documents } : { ...shown, idScan: record.idScan });
};
const rawDocuments = [
    http.get(`${API_URL}/verifications/:id`, ({ params }) => asSent('verification', String(params.id))),
    http.get(`${API_URL}/cancellations/:id`, ({ params }) => asSent('cancellation', String(params.id))),
];

const dialogs = { alert: vi.fn(), confirm: vi.fn(), prompt: vi.fn(), open: vi.fn() };
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
    server.use(...rawDocuments);
    Object.assign(window, dialogs);
});
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

// Tests that open one review screen after another: a busy 2-core machine needs more than the default 20 s.
const SEVERAL_SCREENS_MS = 90_000;

const hacked = () => (window as unknown as Record<string, unknown>).__hacked;
const namesOf = (text: string) => HOSTILE_STRINGS.filter(entry => entry.text === text).map(entry => entry.name);

/** Nothing from the data became markup, ran, opened a dialog, loaded an unsafe image or navigated. */
function expectNothingInjected(route: string) {
    expect(document.querySelectorAll('script, iframe, object, embed, frame, base, meta[http-equiv], link')).toHaveLength(0);
    expect(document.body.querySelectorAll('style')).toHaveLength(0);
    const withHandlers = [...document.querySelectorAll('*')].filter(element => [...element.attributes].some(attribute => attribute.name.toLowerCase().startsWith('on')));
    expect(withHandlers.map(element => element.outerHTML.slice(0, 120))).toEqual([]);
    expect(document.querySelectorAll('a[href^="javascript:" i], a[href^="data:" i], a[href^="vbscript:" i], [src^="javascript:" i], [src^="data:text" i]')).toHaveLength(0);
    for (const image of document.querySelectorAll('img')) {
        expect(isSafeImageUrl(image.getAttribute('src'))).toBe(true);
        expect(isLoadableDocumentUrl(image.getAttribute('src'))).toBe(true);
        expect(HOSTILE_URLS.map(entry => entry.url)).not.toContain(image.getAttribute('src'));
    }
    expect(hacked()).toBeUndefined();
    Object.values(dialogs).forEach(dialog => expect(dialog).not.toHaveBeenCalled());
    expect(window.location.hash).toBe(`#${route}`);
}

const rows = () => screen.queryAllByRole('row').slice(1);
const cellText = (row: HTMLElement, column: number) => within(row).getAllByRole('cell')[column]!.textContent;
/** A masked cell's value: its text without the lock's accessible title; null when the cell has no lock. */
const maskedCellValue = (row: HTMLElement, column: number) => {
    const cell = within(row).getAllByRole('cell')[column]!;
    const lock = cell.querySelector('[data-masked]');
    return lock ? cell.textContent!.slice(0, cell.textContent!.length - (lock.textContent ?? '').length) : null;
};

describe('the queues, filled with hostile text', () => {
    it('the verification queue shows names verbatim and mobile numbers masked, as text', async () => {
        await signIn('operator1');
        renderConsole({ path: '/verifications' });
        await waitFor(() => expect(rows()).toHaveLength(25));
        const seen = new Set<string>();
        for (const row of rows()) {
            const record = db.find('verification', cellText(row, 0)!) as Verification;
            expect(cellText(row, 1)).toBe(record.fullName);
            // Queues show mobile numbers masked (identity data on a need-to-know basis), the masked text verbatim.
            expect(maskedCellValue(row, 2)).toBe(maskPhone(record.mobileNumber));
            [record.fullName, record.mobileNumber].flatMap(namesOf).forEach(name => seen.add(name));
        }
        expect(seen.size).toBeGreaterThanOrEqual(25);
        expectNothingInjected('/verifications');
    });

    it('the cancellation queue shows holder names verbatim and mobile numbers masked, as text', async () => {
        await signIn('operator1');
        renderConsole({ path: '/cancellations' });
        await waitFor(() => expect(rows().length).toBeGreaterThan(10));
        for (const row of rows()) {
            const record = db.find('cancellation', cellText(row, 0)!) as Cancellation;
            expect(cellText(row, 1)).toBe(record.holderName);
            expect(maskedCellValue(row, 2)).toBe(maskPhone(record.mobileNumber));
        }
        expectNothingInjected('/cancellations');
    });

    it('a search for hostile text is a search, not markup', async () => {
        await signIn('operator1');
        const q = encodeURIComponent(JSON.stringify({ q: '<img src=x onerror="window.__hacked=1">', open: true }));
        renderConsole({ path: `/verifications?filter=${q}` });
        await waitFor(() => expect(rows().length).toBeGreaterThan(0));
        // The server searches name, mobile, e-mail and ID number: the string is one of them in every row.
        for (const row of rows()) {
            const record = db.find('verification', cellText(row, 0)!) as Verification;
            expect([record.fullName, record.mobileNumber, record.email, record.idNumber]).toContain('<img src=x onerror="window.__hacked=1">');
        }
        expectNothingInjected(`/verifications?filter=${q}`);
    });
});

/** The records at these positions of makeHostile's order carry, between them, every string in every field. */
const ordered = (kind: RequestKind, field: string) => report.assignments.filter(a => a.kind === kind && a.field === field).map(a => a.requestId);

describe('the review screens, filled with hostile text', () => {
    const VERIFICATION_FIELDS: [dataField: string, read: (v: Verification) => string][] = [
        ['fullName', v => v.fullName], ['cardName', v => v.card.name!], ['idNumber', v => v.idNumber], ['cardNumber', v => v.card.idNumber!],
        ['mobileNumber', v => v.mobileNumber], ['contactPhone', v => v.contactPhone], ['email', v => v.email], ['address', v => v.address],
    ];

    it('every string reaches a verification screen verbatim, each field as sent; unsafe documents are refused, not loaded', async () => {
        const ids = ordered('verification', 'fullName');
        const seen = new Set<string>();
        // Record r carries strings r .. r+9 (one per field): every tenth record covers the corpus.
        for (const index of [0, 10, 20, 30]) {
            const record = db.find('verification', ids[index]!) as Verification;
            await signIn('operator1');
            const { unmount } = renderConsole({ path: `/verifications/${record.id}/show` });
            const facts = await screen.findByTestId('facts');
            for (const [field, read] of VERIFICATION_FIELDS) {
                expect(facts.querySelector(`[data-field="${field}"]`)!.textContent, field).toBe(read(record));
                namesOf(read(record)).forEach(name => seen.add(name));
            }
            const validity = facts.querySelector('[data-field="cardValidity"]')!.textContent!;
            expect(validity).toContain(record.card.validFrom);
            expect(validity).toContain(record.card.validUntil);
            [record.card.validFrom!, String(record.card.validUntil)].flatMap(namesOf).forEach(name => seen.add(name));
            expect(screen.getByRole('heading', { level: 1 }).textContent).toContain(record.fullName);
            await screen.findByTestId('document-viewer');
            await waitFor(() => expect(screen.queryByText('Not shown: the document address is not a safe image URL.')).toBeInTheDocument());
            await screen.findByTestId('timeline');
            expectNothingInjected(`/verifications/${record.id}/show`);
            unmount();
        }
        expect(HOSTILE_STRINGS.filter(entry => !seen.has(entry.name)).map(entry => entry.name)).toEqual([]);
    }, SEVERAL_SCREENS_MS);

    it('every string reaches a cancellation screen verbatim, devices and unpaid items included', async () => {
        const ids = ordered('cancellation', 'holderName');
        const fields: [string, (c: Cancellation) => string][] = [
            ['holderName', c => c.holderName], ['mobileNumber', c => c.mobileNumber], ['accountId', c => c.account.accountId], ['email', c => c.email], ['leavingReason', c => c.leavingReason],
        ];
        const seen = new Set<string>();
        // Record r carries strings r .. r+4 in the fields on screen: every fifth record, until the corpus is covered.
        for (let index = 0; seen.size < HOSTILE_STRINGS.length && index < ids.length; index += 5) {
            const record = db.find('cancellation', ids[index]!) as Cancellation;
            await signIn('operator1');
            const { unmount } = renderConsole({ path: `/cancellations/${record.id}/show` });
            const facts = await screen.findByTestId('facts');
            for (const [field, read] of fields) {
                expect(facts.querySelector(`[data-field="${field}"]`)!.textContent, field).toBe(read(record));
                namesOf(read(record)).forEach(name => seen.add(name));
            }
            if (record.account.refundSettled) expect(facts.querySelector('[data-field="refund"]')!.textContent).toContain(record.account.refundReference);
            const devices = screen.getByTestId('devices').textContent!;
            record.account.boundDevices.forEach(device => expect(devices).toContain(device.name));
            const items = screen.getByTestId('open-items').textContent!;
            record.account.openItems.forEach(item => expect(items).toContain(item.description));
            expect(screen.getByRole('heading', { level: 1 }).textContent).toContain(record.holderName);
            await screen.findByTestId('document-viewer');
            expectNothingInjected(`/cancellations/${record.id}/show`);
            unmount();
        }
        expect(HOSTILE_STRINGS.filter(entry => !seen.has(entry.name)).map(entry => entry.name)).toEqual([]);
    }, SEVERAL_SCREENS_MS);

    it('device names and unpaid-item descriptions carrying every string are shown verbatim', async () => {
        const carriers = [...new Set(report.assignments.filter(a => a.field === 'account.boundDevices[].name' || a.field === 'account.openItems[].description').map(a => a.requestId))];
        const seenDevices = new Set<string>();
        const seenItems = new Set<string>();
        for (const id of carriers) {
            if (seenDevices.size === HOSTILE_STRINGS.length && seenItems.size === HOSTILE_STRINGS.length) break;
            const record = db.find('cancellation', id) as Cancellation;
            await signIn('operator1');
            const { unmount } = renderConsole({ path: `/cancellations/${id}/show` });
            const devices = await screen.findByTestId('devices');
            const names = [...devices.querySelectorAll('.MuiListItemText-primary')].map(element => element.textContent);
            record.account.boundDevices.forEach(device => expect(names).toContain(device.name));
            record.account.boundDevices.flatMap(device => namesOf(device.name)).forEach(name => seenDevices.add(name));
            const descriptions = [...screen.getByTestId('open-items').querySelectorAll('.MuiListItemText-secondary')].map(element => element.textContent);
            record.account.openItems.forEach(item => expect(descriptions).toContain(item.description));
            record.account.openItems.flatMap(item => namesOf(item.description)).forEach(name => seenItems.add(name));
            expectNothingInjected(`/cancellations/${id}/show`);
            unmount();
        }
        expect(seenDevices.size).toBe(HOSTILE_STRINGS.length);
        expect(seenItems.size).toBe(HOSTILE_STRINGS.length);
    }, SEVERAL_SCREENS_MS);

    it('the reject dialog puts the hostile name into the customer message as plain text', async () => {
        const record = db.state.verifications.find(v => v.status === 'pending' && v.fullName.startsWith('<img'))!;
        await signIn('operator1');
        renderConsole({ path: `/verifications/${record.id}/show` });
        const { default: userEvent } = await import('@testing-library/user-event');
        const user = userEvent.setup();
        await screen.findByTestId('review-screen');
        await user.keyboard('c');
        await waitFor(() => expect(screen.getByTestId('claim-status')).toHaveTextContent('You hold this request'));
        await user.keyboard('r');
        const dialog = await screen.findByRole('dialog');
        await waitFor(() => expect(within(dialog).getAllByRole('checkbox').length).toBeGreaterThan(5));
        await user.keyboard('1');
        expect((within(dialog).getByTestId('customer-message') as HTMLTextAreaElement).value).toContain(record.fullName);
        expectNothingInjected(`/verifications/${record.id}/show`);
    });
});

/** RFC 4180 cells (quoted cells may hold commas, quotes and newlines). */
function csvCells(csv: string): string[] {
    const cells: string[] = [];
    let cell = '';
    let quoted = false;
    for (let i = 0; i < csv.length; i++) {
        const char = csv[i]!;
        if (quoted) {
            if (char === '"' && csv[i + 1] === '"') { cell += '"'; i++; } else if (char === '"') quoted = false; else cell += char;
        } else if (char === '"') quoted = true;
        else if (char === ',' || char === '\n') { cells.push(cell); cell = ''; } else cell += char;
    }
    return [...cells, cell];
}

describe('the server\'s CSV export (src/domain/exportCsv.ts), filled with hostile text', () => {
    it('no cell starts a spreadsheet formula, and every string is still there behind its apostrophe', async () => {
        const ctxRecords = [...db.state.verifications, ...db.state.cancellations].map(record => present(record, ctx));
        const csv = [csvHeader(VERIFICATION_COLUMNS), ...ctxRecords.map(record => csvRow(record.kind === 'verification' ? VERIFICATION_COLUMNS : CANCELLATION_COLUMNS, record))].join('');
        const cells = csvCells(csv.replace(/\r\n/g, '\n'));
        expect(cells.filter(cell => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
        expect(cells).toContain(`'${HOSTILE_STRINGS.find(entry => entry.name === 'csv-formula')!.text}`);
        expect(cells).toContain(`'${HOSTILE_STRINGS.find(entry => entry.name === 'csv-formula-variants')!.text}`);
        expect(cells).toContain(HOSTILE_STRINGS.find(entry => entry.name === 'sql-injection')!.text);
    });
});

