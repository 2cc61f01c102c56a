import { ConfigError, loadConfig } from './config/config';
import { DataDirLocked, lockDataDir } from './node/dataDirLock';
import { startReviewServer } from './reviewServer';

// npm run server: the review server from the environment (README "Run it for real"; settings in server/config/config.ts).
// npm run server -- accounts ...: the accounts command (server/accounts/accountsCommand.ts) on the same database.
// npm run server -- purge: the retention job once (server/purgeCommand.ts).

if (process.argv[2] === 'accounts') {
    const { runAccountsCommand } = await import('./accounts/accountsCommand');
    process.exit(await runAccountsCommand(process.argv.slice(3)));
}
if (process.argv[2] === 'purge') {
    const { runPurgeCommand } = await import('./purgeCommand');
    process.exit(await runPurgeCommand());
}

function refuse(message: string): never {
    console.error(`Review server not started: ${message}`);
    process.exit(1);
}

let config;
try {
    config = loadConfig();
} catch (error) {
    if (error instanceof ConfigError) refuse(error.message);
    throw error;
}

let unlock = () => undefined as void;
if (!config.databaseUrl) {
    try {
        unlock = lockDataDir(config.dataDir);
    } catch (error) {
        if (error instanceof DataDirLocked) refuse(error.message);
        throw error;
    }
}

try {
    const server = await startReviewServer(config);
    const where = config.databaseUrl ? `PostgreSQL at ${new URL(config.databaseUrl).host}` : `embedded PostgreSQL in ${config.dataDir}`;
    console.log(`Review server listening on ${server.url} (${where})${config.seedDemo ? '; demo logins: operator1, operator2, supervisor1 / demo' : ''}`);
    let stopping = false;
    const stop = async (signal: string) => {
        if (stopping) return;
        stopping = true;
        console.log(`Review server stopping (${signal})`);
        await server.close();
        unlock();
        process.exit(0);
    };
    process.on('SIGINT', () => void stop('SIGINT'));
    process.on('SIGTERM', () => void stop('SIGTERM'));
} catch (error) {
    unlock();
    refuse(error instanceof Error ? error.message : String(error));
}
