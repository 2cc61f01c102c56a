import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Notice } from '../../src/domain/types';
import type { NoticeTransport } from './sender';

// The default transport: each notice as a UTF-8 text file in `$DATA_DIR/outbox/`, so that a pilot sees exactly what would
// be sent. The file is named by the notice id: a second send of one notice (after a crash) replaces its file, and a
// file appears whole or not at all (written beside it, then renamed).

export const noticeFileName = (notice: Pick<Notice, 'id' | 'channel'>) => `${notice.id}.${notice.channel}.txt`;

export function noticeFileText(notice: Notice): string {
    const headers = [
        `Notice: ${notice.id}`, `Request: ${notice.requestId}`, `Channel: ${notice.channel}`, `Language: ${notice.language}`, `To: ${notice.to}`,
        ...(notice.subject === null ? [] : [`Subject: ${notice.subject}`]),
    ];
    return `${headers.join('\n')}\n\n${notice.body}\n`;
}

export function fileTransport(dir: string): NoticeTransport {
    let made = false;
    return {
        async send(notice) {
            if (!made) {
                await mkdir(dir, { recursive: true });
                made = true;
            }
            const path = join(dir, noticeFileName(notice));
            const partial = `${path}.partial`;
            await writeFile(partial, noticeFileText(notice), 'utf8');
            await rename(partial, path);
        },
    };
}
