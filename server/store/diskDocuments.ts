import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DOCUMENT_KEY, type DocumentStorage } from '../http/documentStorage';

// Uploaded document images on the local disk, one file per key under `dir` ($DATA_DIR/documents): written to a temporary
// name and renamed, so that a reader never sees half a file. Several servers need this folder shared (or another storage).

export function diskDocumentStorage(dir: string): DocumentStorage {
    const path = (key: string) => {
        // Keys are made by the server (documentStorage.ts); anything else never reaches the file system.
        if (!DOCUMENT_KEY.test(key)) throw new Error(`not a document key: ${key}`);
        return join(dir, key);
    };
    return {
        async put(key, bytes) {
            // Made on the first upload: a server that never receives one leaves no folder behind.
            await mkdir(dir, { recursive: true });
            const temporary = `${path(key)}.${process.pid}.partial`;
            await writeFile(temporary, bytes, { flag: 'wx' });
            await rename(temporary, path(key));
        },
        async get(key) {
            if (!DOCUMENT_KEY.test(key)) return null;
            try {
                return new Uint8Array(await readFile(path(key)));
            } catch (error) {
                if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
                throw error;
            }
        },
        delete: async key => rm(path(key), { force: true }),
    };
}
