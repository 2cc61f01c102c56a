// Document URLs come from the API and end up in <img src>; only absolute web, blob and data:image URLs may reach it.

const WEB_OR_BLOB = new Set(['http:', 'https:', 'blob:']);
const DATA_IMAGE = /^data:image\/[a-z0-9][a-z0-9.+-]*(;[^,]*)?,/i;

// The URL parser silently strips tabs, newlines and edge whitespace ("java\tscript:" parses as javascript:), so refuse them outright.
const hasWhitespaceOrControl = (text: string) =>
    /\s/.test(text) || [...text].some(char => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f);

export function isSafeImageUrl(url: unknown): url is string {
    if (typeof url !== 'string' || url === '' || hasWhitespaceOrControl(url)) return false;
    let parsed: URL;
    try {
        // No base URL: relative and protocol-relative ("//host/x") addresses throw, since the API only sends absolute ones.
        parsed = new URL(url);
    } catch {
        return false;
    }
    if (WEB_OR_BLOB.has(parsed.protocol)) return true;
    return parsed.protocol === 'data:' && DATA_IMAGE.test(url);
}
