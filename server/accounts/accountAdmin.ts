import type { Role } from '../../src/domain/types';
import type { Executor, Queryable } from '../store/postgres/executor';
import { SQL } from '../store/postgres/sql';
import type { AccountEvent } from '../store/store';

// What the accounts command does to the review server's database: each change one transaction, written to the account
// events with who ran it. Disabling an account, changing its role or resetting its password revokes its tokens at once.

export interface AccountRow {
    id: string;
    username: string;
    name: string;
    role: Role;
    disabled: boolean;
}

export class AccountRefusal extends Error {}

export const ROLES: readonly Role[] = ['operator', 'supervisor'];
/** Lower case letters, digits, '.', '_' and '-', 2 to 40 of them: what a login lowers and trims the typed name to. */
export const USERNAME = /^[a-z0-9][a-z0-9._-]{1,39}$/;
export const MIN_PASSWORD_LENGTH = 12;

export function checkPassword(password: string): void {
    if (password.length < MIN_PASSWORD_LENGTH) throw new AccountRefusal(`the password must have at least ${MIN_PASSWORD_LENGTH} characters`);
    if (password.length > 1024) throw new AccountRefusal('the password must have at most 1024 characters');
}

export function checkRole(role: string): Role {
    if (!(ROLES as readonly string[]).includes(role)) throw new AccountRefusal(`the role must be ${ROLES.join(' or ')}, not "${role}"`);
    return role as Role;
}

export interface AccountAdmin {
    list(): Promise<AccountRow[]>;
    add(input: { username: string; name: string; role: Role; passwordHash: string }): Promise<AccountRow>;
    /** Answers how many tokens were revoked. */
    setDisabled(username: string, disabled: boolean): Promise<number>;
    setRole(username: string, role: Role): Promise<number>;
    resetPassword(username: string, passwordHash: string): Promise<number>;
}

export function accountAdmin(db: Executor, actor: string, now: () => Date): AccountAdmin {
    const event = (tx: Queryable, action: AccountEvent['action'], username: string, detail: string | null) =>
        tx.query(SQL.appendAccountEvent, [now().toISOString(), actor, action, username, null, detail]);

    async function existing(tx: Queryable, username: string): Promise<AccountRow> {
        const [row] = await tx.query<AccountRow & Record<string, unknown>>(SQL.accountByUsername, [username]);
        if (!row) throw new AccountRefusal(`no account "${username}"`);
        return row;
    }
    const revoke = async (tx: Queryable, id: string) => (await tx.query<{ n: number }>(SQL.revokeSessionsCounted, [id])).length;

    return {
        list: () => db.query<AccountRow & Record<string, unknown>>(SQL.accountList),
        add: ({ username, name, role, passwordHash }) => db.transaction(async tx => {
            if (!USERNAME.test(username)) throw new AccountRefusal(`the username must be 2 to 40 lower case letters, digits, ".", "_" or "-", starting with a letter or digit, not "${username}"`);
            if (!name.trim()) throw new AccountRefusal('the name (--name) must not be empty');
            if ((await tx.query(SQL.accountByUsername, [username])).length > 0) throw new AccountRefusal(`an account "${username}" exists already`);
            const id = `u-${username}`;
            await tx.query(SQL.insertAccount, [id, username, name.trim(), role, passwordHash]);
            await event(tx, 'account_added', username, `role ${role}`);
            return { id, username, name: name.trim(), role, disabled: false };
        }),
        setDisabled: (username, disabled) => db.transaction(async tx => {
            const account = await existing(tx, username);
            await tx.query(SQL.setAccountDisabled, [account.id, disabled]);
            const revoked = disabled ? await revoke(tx, account.id) : 0;
            await event(tx, disabled ? 'account_disabled' : 'account_enabled', username, disabled ? `${revoked} tokens revoked` : null);
            return revoked;
        }),
        setRole: (username, role) => db.transaction(async tx => {
            const account = await existing(tx, username);
            await tx.query(SQL.setAccountRole, [account.id, role]);
            // A token carries no role (each request reads the account), but a role change is a fresh start: sign in again.
            const revoked = await revoke(tx, account.id);
            await event(tx, 'role_changed', username, `${account.role} -> ${role}; ${revoked} tokens revoked`);
            return revoked;
        }),
        resetPassword: (username, passwordHash) => db.transaction(async tx => {
            const account = await existing(tx, username);
            await tx.query(SQL.setAccountPassword, [account.id, passwordHash]);
            const revoked = await revoke(tx, account.id);
            await event(tx, 'password_reset', username, `${revoked} tokens revoked`);
            return revoked;
        }),
    };
}
