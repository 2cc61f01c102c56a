import { DEFAULT_FOUR_EYES_THRESHOLD_IDR } from '../../src/domain/fourEyes';
import { CLAIM_TTL_MS } from '../../src/domain/requestStatus';
import { DEFAULT_SLA, type SlaCalendar } from '../../src/domain/sla';
import { DEFAULT_LOGIN_THROTTLE, type LoginThrottleSettings } from '../accounts/loginThrottle';
import { parseHolidays } from './calendar';
import { DEFAULT_SENDER_SETTINGS, type SenderSettings } from '../notices/sender';
import { HttpSettingError, httpSettingsFromEnv, type HttpSettings } from '../http/settings';

// The review server's settings, from the environment, checked once at start: a wrong value stops the server with a message
// that names the variable, rather than running with a guess.

export interface ServerConfig {
    port: number;
    host: string;
    /** PGlite's data folder (when no DATABASE_URL). */
    dataDir: string;
    /** A real PostgreSQL server; absent: the embedded one in dataDir. */
    databaseUrl: string | null;
    poolSize: number;
    seedDemo: boolean;
    seedDemoSize: number;
    fourEyesThresholdIdr: number;
    tokenTtlMinutes: number;
    /** API_CLAIM_LIFETIME_MINUTES: how long a claim lasts without a heartbeat (the console beats every minute). */
    claimTtlMinutes: number;
    /** API_SLA_BUSINESS_DAYS and API_HOLIDAYS: when a request is due. */
    sla: SlaCalendar;
    /** API_LOGIN_WINDOW_MINUTES, API_LOGIN_MAX_FAILURES_PER_ACCOUNT, API_LOGIN_MAX_FAILURES_PER_ADDRESS. */
    loginThrottle: LoginThrottleSettings;
    /** API_TRUST_PROXY: the client's address is the last X-Forwarded-For hop (only behind a proxy that sets it). */
    trustProxy: boolean;
    /** API_ACCOUNT_FACTS_URL: the billing and device systems' account facts over HTTP; null: the demo's, in the database. */
    accountFactsUrl: string | null;
    /** API_ACCOUNT_FACTS_TIMEOUT_MS: how long a read of them may take before the approval is refused. */
    accountFactsTimeoutMs: number;
    /** API_NOTICE_*: how the outbox is delivered (server/notices/sender.ts). */
    notices: SenderSettings;
    /** The HTTP app's settings (server/http/settings.ts): API_ALLOWED_ORIGINS, API_MAX_BODY_BYTES, API_PUBLIC_URL, API_DEMO (off). */
    http: HttpSettings;
}

export class ConfigError extends Error {
    constructor(readonly variable: string, problem: string) {
        super(`${variable} ${problem}`);
    }
}

type Env = Record<string, string | undefined>;

const given = (env: Env, name: string) => {
    const value = env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
};

function wholeNumber(env: Env, name: string, fallback: number, min: number, max: number, unit = ''): number {
    const raw = given(env, name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value) || value < min || value > max) {
        throw new ConfigError(name, `must be a whole number${unit} from ${min} to ${max}, not "${raw}"`);
    }
    return value;
}

function flag(env: Env, name: string): boolean {
    const raw = given(env, name);
    if (raw === undefined || raw === '0' || raw.toLowerCase() === 'false') return false;
    if (raw === '1' || raw.toLowerCase() === 'true') return true;
    throw new ConfigError(name, `must be 1 or 0, not "${raw}"`);
}

function databaseUrl(env: Env): string | null {
    const raw = given(env, 'DATABASE_URL');
    if (raw === undefined) return null;
    let url: URL;
    try {
        url = new URL(raw);
    } catch {
        throw new ConfigError('DATABASE_URL', 'must be a URL such as postgres://user@host:5432/database');
    }
    if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') throw new ConfigError('DATABASE_URL', `must start with postgres:// or postgresql://, not "${url.protocol}//"`);
    return raw;
}

function httpSettings(env: Env): HttpSettings {
    try {
        return httpSettingsFromEnv(env, { demo: false });
    } catch (error) {
        if (error instanceof HttpSettingError) throw new ConfigError(error.variable, error.problem);
        throw error;
    }
}

function slaCalendar(env: Env): SlaCalendar {
    const businessDays = wholeNumber(env, 'API_SLA_BUSINESS_DAYS', DEFAULT_SLA.businessDays, 1, 60, ' of business days');
    const raw = given(env, 'API_HOLIDAYS');
    if (raw === undefined) return { ...DEFAULT_SLA, businessDays };
    const parsed = parseHolidays(raw);
    if ('problem' in parsed) throw new ConfigError('API_HOLIDAYS', parsed.problem);
    return { ...DEFAULT_SLA, businessDays, holidays: parsed.holidays };
}

function loginThrottle(env: Env): LoginThrottleSettings {
    return {
        windowMs: wholeNumber(env, 'API_LOGIN_WINDOW_MINUTES', DEFAULT_LOGIN_THROTTLE.windowMs / 60_000, 1, 24 * 60, ' of minutes') * 60_000,
        perAccount: wholeNumber(env, 'API_LOGIN_MAX_FAILURES_PER_ACCOUNT', DEFAULT_LOGIN_THROTTLE.perAccount, 1, 1_000),
        perAddress: wholeNumber(env, 'API_LOGIN_MAX_FAILURES_PER_ADDRESS', DEFAULT_LOGIN_THROTTLE.perAddress, 1, 1_000_000),
    };
}

function accountFactsUrl(env: Env): string | null {
    const raw = given(env, 'API_ACCOUNT_FACTS_URL');
    if (raw === undefined) return null;
    let url: URL;
    try {
        url = new URL(raw);
    } catch {
        throw new ConfigError('API_ACCOUNT_FACTS_URL', `must be an http(s) URL such as https://billing.example/api, not "${raw}"`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError('API_ACCOUNT_FACTS_URL', `must start with http:// or https://, not "${url.protocol}//"`);
    return raw;
}

function noticeSettings(env: Env): SenderSettings {
    const seconds = (name: string, fallbackMs: number, min: number, max: number) => wholeNumber(env, name, fallbackMs / 1000, min, max, ' of seconds') * 1000;
    const retryBaseMs = seconds('API_NOTICE_RETRY_SECONDS', DEFAULT_SENDER_SETTINGS.retryBaseMs, 1, 24 * 3600);
    const retryMaxMs = seconds('API_NOTICE_RETRY_MAX_SECONDS', DEFAULT_SENDER_SETTINGS.retryMaxMs, 1, 7 * 24 * 3600);
    if (retryMaxMs < retryBaseMs) throw new ConfigError('API_NOTICE_RETRY_MAX_SECONDS', `must not be below API_NOTICE_RETRY_SECONDS (${retryBaseMs / 1000})`);
    return {
        intervalMs: seconds('API_NOTICE_INTERVAL_SECONDS', DEFAULT_SENDER_SETTINGS.intervalMs, 1, 3600),
        maxAttempts: wholeNumber(env, 'API_NOTICE_MAX_ATTEMPTS', DEFAULT_SENDER_SETTINGS.maxAttempts, 1, 100),
        retryBaseMs,
        retryMaxMs,
        claimMs: seconds('API_NOTICE_CLAIM_SECONDS', DEFAULT_SENDER_SETTINGS.claimMs, 10, 24 * 3600),
        batch: DEFAULT_SENDER_SETTINGS.batch,
    };
}

export function loadConfig(env: Env = process.env): ServerConfig {
    return {
        port: wholeNumber(env, 'API_PORT', 8787, 0, 65_535),
        host: given(env, 'API_HOST') ?? '127.0.0.1',
        dataDir: given(env, 'DATA_DIR') ?? '.data',
        databaseUrl: databaseUrl(env),
        poolSize: wholeNumber(env, 'DATABASE_POOL_SIZE', 10, 1, 1_000),
        seedDemo: flag(env, 'SEED_DEMO'),
        seedDemoSize: wholeNumber(env, 'SEED_DEMO_SIZE', 300, 1, 2_000_000),
        fourEyesThresholdIdr: wholeNumber(env, 'API_FOUR_EYES_THRESHOLD_IDR', DEFAULT_FOUR_EYES_THRESHOLD_IDR, 0, Number.MAX_SAFE_INTEGER, ' of rupiah'),
        tokenTtlMinutes: wholeNumber(env, 'API_TOKEN_TTL_MINUTES', 8 * 60, 1, 60 * 24 * 30),
        // At least 2 minutes: the console keeps a claim alive once a minute.
        claimTtlMinutes: wholeNumber(env, 'API_CLAIM_LIFETIME_MINUTES', CLAIM_TTL_MS / 60_000, 2, 24 * 60, ' of minutes'),
        sla: slaCalendar(env),
        loginThrottle: loginThrottle(env),
        trustProxy: flag(env, 'API_TRUST_PROXY'),
        accountFactsUrl: accountFactsUrl(env),
        accountFactsTimeoutMs: wholeNumber(env, 'API_ACCOUNT_FACTS_TIMEOUT_MS', 5000, 100, 60_000, ' of milliseconds'),
        notices: noticeSettings(env),
        http: httpSettings(env),
    };
}
