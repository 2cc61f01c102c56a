import { ConfigError, loadConfig } from './config/config';
import { openDatabase } from './database';
import { DataDirLocked, lockDataDir } from './node/dataDirLock';
import { createReviewApi } from './reviewServer';

// npm run server -- purge: the retention job once (docs/api.md §6.14), on the database the server uses, then exit. With the
// embedded database the server must be stopped (the data folder's lock); with DATABASE_URL it runs beside servers.

export async function runPurgeCommand(): Promise<number> {
    let unlock = () => undefined as void;
    try {
        const config = loadConfig();
        if (!config.databaseUrl) unlock = lockDataDir(config.dataDir);
        const db = await openDatabase({ ...config, seedDemo: false }, { now: new Date(), sla: config.sla });
        try {
            const purged = await createReviewApi(db, config, () => new Date()).purge();
            console.log(`retention: purged the identity data of ${purged} request(s)`);
        } finally {
            await db.close();
        }
        return 0;
    } catch (error) {
        if (error instanceof ConfigError || error instanceof DataDirLocked) {
            console.error(`purge refused: ${error.message}`);
            return 1;
        }
        throw error;
    } finally {
        unlock();
    }
}
