import simpleRestProvider from 'ra-data-simple-rest';
import { createRoot } from 'react-dom/client';
import { Admin, DataTable, fetchUtils, List, Resource } from 'react-admin';

// The benchmark's baseline (npm run bench): the smallest react-admin app that lists the same queue from
// the same API. No auth provider, no i18n setup, no custom layout: whatever the console loads on top of
// this is the console's own cost.

const apiUrl = (import.meta.env.VITE_API_URL ?? '/api').replace(/\/$/, '');

// The API answers 401 without a bearer token. There is no login here: the benchmark seeds the same
// session (localStorage `axis-review-session`) for both apps, and this reads the token from it.
function httpClient(url: string, options: fetchUtils.Options = {}) {
    const raw = localStorage.getItem('axis-review-session');
    const token = raw ? (JSON.parse(raw) as { token?: string }).token : undefined;
    return fetchUtils.fetchJson(url, token ? { ...options, user: { authenticated: true, token: `Bearer ${token}` } } : options);
}

// Five text columns, a page of 25 like the console's queue.
function VerificationList() {
    return (
        <List perPage={25}>
            <DataTable bulkActionButtons={false}>
                <DataTable.Col source="id" />
                <DataTable.Col source="fullName" />
                <DataTable.Col source="mobileNumber" />
                <DataTable.Col source="status" />
                <DataTable.Col source="dueAt" />
            </DataTable>
        </List>
    );
}

createRoot(document.getElementById('root')!).render(
    <Admin dataProvider={simpleRestProvider(apiUrl, httpClient)} disableTelemetry>
        <Resource name="verifications" list={VerificationList} />
    </Admin>,
);
