import type { ImageType } from '../../src/domain/imageCheck';

// Where uploaded document images live (docs/api.md §6.6): one small interface, so that an S3-compatible store can come
// later. The review server keeps them on disk under $DATA_DIR/documents (server/store/diskDocuments.ts), the mock in memory.

/** A stored image's key: random, with the extension of its checked type (never the customer's file name). */
export const DOCUMENT_KEY = /^[0-9a-f]{32}\.(jpg|png)$/;
export const typeOfKey = (key: string): ImageType => (key.endsWith('.png') ? 'image/png' : 'image/jpeg');

export interface DocumentStorage {
    /** Stores the bytes under a fresh key (written whole or not at all). */
    put(key: string, bytes: Uint8Array): Promise<void>;
    get(key: string): Promise<Uint8Array | null>;
    /** Removes it; a key that is not there is no error (undoing a submission that failed half-way). */
    delete(key: string): Promise<void>;
}

export function memoryDocumentStorage(): DocumentStorage {
    const files = new Map<string, Uint8Array>();
    return {
        put: async (key, bytes) => void files.set(key, bytes),
        get: async key => files.get(key) ?? null,
        delete: async key => void files.delete(key),
    };
}

/** A fresh key for an image of this type. */
export function newDocumentKey(type: ImageType): string {
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    return `${[...bytes].map(byte => byte.toString(16).padStart(2, '0')).join('')}.${type === 'image/png' ? 'png' : 'jpg'}`;
}
