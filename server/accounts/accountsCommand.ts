import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config/config';
import { openDatabase } from '../database';
import { DataDirLocked, lockDataDir } from '../node/dataDirLock';
import { AccountRefusal, accountAdmin, checkPassword, checkRole, MIN_PASSWORD_LENGTH } from './accountAdmin';
import { hashPassword } from './passwords';
import { readPassword } from './readPassword';

// npm run server -- accounts <list|add|disable|enable|role|reset-password>: manages the review server's accounts in the
// database the server uses (DATA_DIR or DATABASE_URL). Passwords come from a prompt without echo or from stdin
// (--password-stdin), never from the command line, and are never printed. Exit codes: 0 done, 1 refused, 2 usage.

export const USAGE = `Usage: npm run server -- accounts <command>
  list
  add <username> --name "<full name>" --role operator|supervisor [--password-stdin]
  disable <username>          (its tokens stop working at once)
  enable <username>
  role <username> operator|supervisor   (revokes its tokens)
  reset-password <username> [--password-stdin]   (revokes its tokens)
Passwords: at least ${MIN_PASSWORD_LENGTH} characters, typed at a prompt, or one line on stdin with --password-stdin.
The database: DATABASE_URL, else the embedded one in DATA_DIR (default .data), which no running server may hold.`;

class Usage extends Error {}

/** Runs the command; answers the exit code. `out`/`err` print lines. */
export async function runAccountsCommand(argv: string[], io: { out: (line: string) => void; err: (line: string) => void; env?: Record<string, string | undefined> } = { out: console.log, err: console.error }): Promise<number> {
    let unlock = () => undefined as void;
    try {
        const { positionals, values } = parseArgs({
            args: argv, allowPositionals: true, strict: true,
            options: { name: { type: 'string' }, role: { type: 'string' }, 'password-stdin': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
        });
        const [command, username, extra] = positionals;
        if (values.help || !command) {
            io.out(USAGE);
            return command || values.help ? 0 : 2;
        }
        const needs = (count: number) => {
            if (positionals.length !== count) throw new Usage(`"${command}" takes ${count - 1 === 0 ? 'no argument' : count - 1 === 1 ? 'a username' : 'a username and a role'}`);
        };
        const password = async () => {
            const typed = await readPassword({ fromStdin: values['password-stdin'] ?? false });
            checkPassword(typed);
            return hashPassword(typed);
        };
        const config = loadConfig(io.env ?? process.env);
        // Checked before the database is touched: a wrong command changes nothing.
        let work: (admin: ReturnType<typeof accountAdmin>) => Promise<string[]>;
        switch (command) {
            case 'list':
                needs(1);
                work = async admin => (await admin.list()).map(a => [a.username, a.role, a.disabled ? 'disabled' : 'enabled', a.name].join('\t'));
                break;
            case 'add': {
                needs(2);
                if (!values.name) throw new Usage('add needs --name "<full name>"');
                const role = checkRole(values.role ?? '');
                const hash = await password();
                work = async admin => [`added ${(await admin.add({ username: username!, name: values.name!, role, passwordHash: hash })).username} (${role})`];
                break;
            }
            case 'disable':
                needs(2);
                work = async admin => [`disabled ${username}; ${await admin.setDisabled(username!, true)} tokens revoked`];
                break;
            case 'enable':
                needs(2);
                work = async admin => {
                    await admin.setDisabled(username!, false);
                    return [`enabled ${username}`];
                };
                break;
            case 'role': {
                needs(3);
                const role = checkRole(extra!);
                work = async admin => [`${username} is now ${role}; ${await admin.setRole(username!, role)} tokens revoked`];
                break;
            }
            case 'reset-password': {
                needs(2);
                const hash = await password();
                work = async admin => [`password of ${username} reset; ${await admin.resetPassword(username!, hash)} tokens revoked`];
                break;
            }
            default:
                throw new Usage(`unknown command "${command}"`);
        }
        if (!config.databaseUrl) unlock = lockDataDir(config.dataDir);
        const db = await openDatabase({ ...config, seedDemo: false }, { now: new Date(), sla: config.sla });
        try {
            for (const line of await work(accountAdmin(db, `cli:${userInfo().username}`, () => new Date()))) io.out(line);
        } finally {
            await db.close();
        }
        return 0;
    } catch (error) {
        if (error instanceof Usage || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
            io.err(`accounts: ${(error as Error).message}\n${USAGE}`);
            return 2;
        }
        if (error instanceof AccountRefusal || error instanceof ConfigError || error instanceof DataDirLocked) {
            io.err(`Accounts not changed: ${error.message}`);
            return 1;
        }
        throw error;
    } finally {
        unlock();
    }
}
