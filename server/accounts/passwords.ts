import { hash, verify } from '@node-rs/argon2';
import type { PasswordCheck } from '../http/deps';

// Passwords are kept as argon2id hashes (memory-hard: a stolen table is slow to guess from). Parameters: OWASP's minimum
// for argon2id (19 MiB, 2 passes, 1 lane), about 30 ms a check here.

const OPTIONS = { algorithm: 2 /* Algorithm.Argon2id (a const enum) */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string): Promise<string> => hash(password, OPTIONS);

// What a password is checked against when there is no hash (an unknown or disabled username): the same work, always false.
let noAccountHash: Promise<string> | null = null;

export const argon2Passwords: PasswordCheck = {
    async verify(password, stored) {
        if (stored === null) {
            noAccountHash ??= hashPassword(crypto.randomUUID());
            await verify(await noAccountHash, password).catch(() => false);
            return false;
        }
        try {
            return await verify(stored, password);
        } catch {
            // Not a hash this library reads: no password matches it.
            return false;
        }
    },
};
