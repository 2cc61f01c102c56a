import { DEFAULT_UNUSUAL_ACCESS } from '../../src/domain/accessReview';
import { DEFAULT_RETENTION } from '../../src/domain/retention';
import type { AppConfig } from './deps';

// The HTTP app's deployment settings from environment variables, for whatever serves it (`npm run api`, the review
// server). Unset variables keep the caller's defaults; a value that cannot be meant is refused at start.

export type HttpSettings = Pick<AppConfig, 'demo' | 'allowedOrigins' | 'maxBodyBytes' | 'publicUrl' | 'intakeKeys' | 'documentSecret' | 'exportMaxRows' | 'unusualAccess' | 'retention'>;

/** A setting that cannot be meant; the message starts with the variable's name. */
export class HttpSettingError extends Error {
    constructor(readonly variable: string, readonly problem: string) {
        super(`${variable} ${problem}`);
    }
}

const FLAG: Record<string, boolean> = { '1': true, true: true, on: true, yes: true, '0': false, false: false, off: false, no: false };

/**
 * API_DEMO (on/off), API_ALLOWED_ORIGINS (comma separated origins, or "*" in demo mode), API_MAX_BODY_BYTES (bytes),
 * API_PUBLIC_URL (where clients reach the API: document URLs start with it), API_EXPORT_MAX_ROWS (rows of one CSV export).
 */
export function httpSettingsFromEnv(env: Record<string, string | undefined>, defaults: HttpSettings = {}): HttpSettings {
    const settings: HttpSettings = { ...defaults };
    const value = (name: string) => (env[name]?.trim() ? env[name]!.trim() : undefined);
    const demo = value('API_DEMO');
    if (demo !== undefined) {
        if (!Object.hasOwn(FLAG, demo.toLowerCase())) throw new HttpSettingError('API_DEMO', `must be on or off, not "${demo}"`);
        settings.demo = FLAG[demo.toLowerCase()];
    }
    const origins = value('API_ALLOWED_ORIGINS');
    if (origins !== undefined) {
        settings.allowedOrigins = origins.split(',').map(origin => origin.trim().replace(/\/$/, '')).filter(Boolean);
        for (const origin of settings.allowedOrigins) {
            if (origin !== '*' && !/^https?:\/\/[^/?#\s]+$/.test(origin)) throw new HttpSettingError('API_ALLOWED_ORIGINS', `must list origins (scheme://host[:port]): "${origin}" is not an origin`);
        }
    } else if (settings.demo === false && settings.allowedOrigins?.includes('*')) {
        // Demo switched off without a list: the demo's "any origin" goes with it.
        settings.allowedOrigins = [];
    }
    const max = value('API_MAX_BODY_BYTES');
    if (max !== undefined) {
        const bytes = Number(max);
        if (!(Number.isSafeInteger(bytes) && bytes > 0)) throw new HttpSettingError('API_MAX_BODY_BYTES', `must be a whole number of bytes > 0, not "${max}"`);
        settings.maxBodyBytes = bytes;
    }
    const exportMax = value('API_EXPORT_MAX_ROWS');
    if (exportMax !== undefined) {
        const rows = Number(exportMax);
        if (!(Number.isSafeInteger(rows) && rows > 0)) throw new HttpSettingError('API_EXPORT_MAX_ROWS', `must be a whole number of rows > 0, not "${exportMax}"`);
        settings.exportMaxRows = rows;
    }
    const perDecision = value('API_UNUSUAL_OPENS_PER_DECISION');
    const minOpens = value('API_UNUSUAL_MIN_OPENS');
    if (perDecision !== undefined || minOpens !== undefined) {
        const access = { ...DEFAULT_UNUSUAL_ACCESS, ...settings.unusualAccess };
        if (perDecision !== undefined) {
            const ratio = Number(perDecision);
            if (!(Number.isFinite(ratio) && ratio > 0)) throw new HttpSettingError('API_UNUSUAL_OPENS_PER_DECISION', `must be a number > 0, not "${perDecision}"`);
            access.opensPerDecision = ratio;
        }
        if (minOpens !== undefined) {
            const count = Number(minOpens);
            if (!(Number.isSafeInteger(count) && count > 0)) throw new HttpSettingError('API_UNUSUAL_MIN_OPENS', `must be a whole number > 0, not "${minOpens}"`);
            access.minOpens = count;
        }
        settings.unusualAccess = access;
    }
    for (const [name, key] of [['API_RETENTION_DAYS', 'days'], ['API_RETENTION_DISPUTE_DAYS', 'disputeDays']] as const) {
        const text = value(name);
        if (text === undefined) continue;
        const days = Number(text);
        if (!(Number.isSafeInteger(days) && days > 0)) throw new HttpSettingError(name, `must be a whole number of days > 0, not "${text}"`);
        settings.retention = { ...DEFAULT_RETENTION, ...settings.retention, [key]: days };
    }
    const publicUrl = value('API_PUBLIC_URL');
    if (publicUrl !== undefined) {
        if (!/^https?:\/\/[^/?#\s]+(\/[^?#\s]*)?$/.test(publicUrl)) throw new HttpSettingError('API_PUBLIC_URL', `must be http(s)://host[:port][/path], not "${publicUrl}"`);
        settings.publicUrl = publicUrl.replace(/\/+$/, '');
    }
    const intakeKeys = value('API_INTAKE_KEYS');
    if (intakeKeys !== undefined) {
        settings.intakeKeys = intakeKeys.split(',').map(key => key.trim()).filter(Boolean);
        for (const key of settings.intakeKeys) {
            if (key.length < 24 || !/^[\x21-\x7e]+$/.test(key)) throw new HttpSettingError('API_INTAKE_KEYS', 'must list keys of at least 24 visible ASCII characters, comma-separated');
        }
    }
    const documentSecret = value('API_DOCUMENT_SECRET');
    if (documentSecret !== undefined) {
        if (documentSecret.length < 32) throw new HttpSettingError('API_DOCUMENT_SECRET', 'must be at least 32 characters');
        settings.documentSecret = documentSecret;
    }
    if (settings.allowedOrigins?.includes('*') && !settings.demo) throw new HttpSettingError('API_ALLOWED_ORIGINS', 'may be "*" (any origin) in demo mode only: list the console\'s origins');
    return settings;
}
