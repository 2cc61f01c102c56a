import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

// Sizes of built JavaScript: gzip (level 9, what a CDN would serve) of files in a build's output folder.

export interface FileSize {
    file: string;
    raw: number;
    gzip: number;
}

export interface JsSet {
    files: FileSize[];
    raw: number;
    gzip: number;
}

const cache = new Map<string, FileSize>();

export function sizeOf(outDir: string, file: string): FileSize {
    const path = join(outDir, file);
    let size = cache.get(path);
    if (!size) {
        const content = readFileSync(path);
        size = { file, raw: content.length, gzip: gzipSync(content, { level: 9 }).length };
        cache.set(path, size);
    }
    return size;
}

export function jsSet(outDir: string, files: Iterable<string>): JsSet {
    const sizes = [...new Set(files)].map(file => sizeOf(outDir, file)).sort((a, b) => b.gzip - a.gzip);
    return { files: sizes, raw: sizes.reduce((s, f) => s + f.raw, 0), gzip: sizes.reduce((s, f) => s + f.gzip, 0) };
}

interface ManifestChunk {
    file: string;
    src?: string;
    isEntry?: boolean;
    imports?: string[];
    dynamicImports?: string[];
}

/** The static figure: the entry chunk and, transitively, everything it imports statically (Vite manifest). */
export function staticInitialJs(outDir: string): JsSet & { entry: string; lazyChunks: number } {
    const manifest = JSON.parse(readFileSync(join(outDir, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
    const entries = Object.entries(manifest).filter(([, chunk]) => chunk.isEntry);
    if (entries.length !== 1) throw new Error(`${outDir}: expected one entry in the manifest, found ${entries.length}`);
    const seen = new Set<string>();
    const visit = (key: string) => {
        if (seen.has(key)) return;
        seen.add(key);
        for (const imported of manifest[key]?.imports ?? []) visit(imported);
    };
    visit(entries[0]![0]);
    const files = [...seen].map(key => manifest[key]!.file).filter(file => file.endsWith('.js'));
    const allJs = new Set(Object.values(manifest).map(chunk => chunk.file).filter(file => file.endsWith('.js')));
    return { ...jsSet(outDir, files), entry: entries[0]![1].file, lazyChunks: allJs.size - files.length };
}
