// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createMockApi } from '../../mocks/app';
import { createDb } from '../../mocks/db';
import { httpSettingsFromEnv } from '../../server/http/settings';

// The HTTP app's deployment settings (docs/api.md §10): read from the environment, refused at start when they cannot work.

describe('the HTTP settings from the environment', () => {
    it('keeps the defaults it is given when nothing is set', () => {
        expect(httpSettingsFromEnv({}, { demo: true, allowedOrigins: ['*'] })).toEqual({ demo: true, allowedOrigins: ['*'] });
    });

    it('reads demo mode, the allowed origins, the body limit and the public URL', () => {
        expect(httpSettingsFromEnv({
            API_DEMO: 'off', API_ALLOWED_ORIGINS: ' https://console.example , http://127.0.0.1:5173/ ', API_MAX_BODY_BYTES: '65536', API_PUBLIC_URL: 'https://review.example/',
        })).toEqual({ demo: false, allowedOrigins: ['https://console.example', 'http://127.0.0.1:5173'], maxBodyBytes: 65536, publicUrl: 'https://review.example' });
    });

    it('switching the demo off drops its "any origin" unless origins are listed', () => {
        expect(httpSettingsFromEnv({ API_DEMO: '0' }, { demo: true, allowedOrigins: ['*'] })).toEqual({ demo: false, allowedOrigins: [] });
    });

    it('refuses values that cannot be meant', () => {
        expect(() => httpSettingsFromEnv({ API_DEMO: 'maybe' })).toThrow(/API_DEMO/);
        expect(() => httpSettingsFromEnv({ API_ALLOWED_ORIGINS: 'console.example' })).toThrow(/not an origin/);
        expect(() => httpSettingsFromEnv({ API_MAX_BODY_BYTES: '1.5e3x' })).toThrow(/API_MAX_BODY_BYTES/);
        expect(() => httpSettingsFromEnv({ API_MAX_BODY_BYTES: '0' })).toThrow(/API_MAX_BODY_BYTES/);
        expect(() => httpSettingsFromEnv({ API_EXPORT_MAX_ROWS: '-1' })).toThrow(/API_EXPORT_MAX_ROWS/);
        expect(() => httpSettingsFromEnv({ API_UNUSUAL_OPENS_PER_DECISION: 'many' })).toThrow(/API_UNUSUAL_OPENS_PER_DECISION/);
        expect(() => httpSettingsFromEnv({ API_UNUSUAL_MIN_OPENS: '2.5' })).toThrow(/API_UNUSUAL_MIN_OPENS/);
        expect(() => httpSettingsFromEnv({ API_RETENTION_DAYS: '0' })).toThrow(/API_RETENTION_DAYS/);
        expect(() => httpSettingsFromEnv({ API_RETENTION_DISPUTE_DAYS: 'forever' })).toThrow(/API_RETENTION_DISPUTE_DAYS/);
    });

    it('reads the export cap, the unusual-access thresholds and the retention periods (issue 15), each keeping the other defaults', () => {
        expect(httpSettingsFromEnv({ API_EXPORT_MAX_ROWS: '500' })).toEqual({ exportMaxRows: 500 });
        expect(httpSettingsFromEnv({ API_UNUSUAL_MIN_OPENS: '25' })).toEqual({ unusualAccess: { opensPerDecision: 3, minOpens: 25 } });
        expect(httpSettingsFromEnv({ API_UNUSUAL_OPENS_PER_DECISION: '1.5' })).toEqual({ unusualAccess: { opensPerDecision: 1.5, minOpens: 10 } });
        expect(httpSettingsFromEnv({ API_RETENTION_DAYS: '30' })).toEqual({ retention: { days: 30, disputeDays: 365 } });
        expect(httpSettingsFromEnv({ API_RETENTION_DAYS: '30', API_RETENTION_DISPUTE_DAYS: '180' })).toEqual({ retention: { days: 30, disputeDays: 180 } });
    });
});

describe('the app refuses settings that cannot work together', () => {
    const db = createDb({ size: 10 });
    it('"*" as an allowed origin outside demo mode', () => {
        expect(() => createMockApi(db, { demo: false, allowedOrigins: ['*'] })).toThrow(/demo mode only/);
        expect(() => createMockApi(db, { demo: true, allowedOrigins: ['*'] })).not.toThrow();
    });

    it('a public URL that is not an http(s) URL', () => {
        expect(() => createMockApi(db, { publicUrl: 'javascript:alert(1)' })).toThrow(/public URL/);
    });
});
