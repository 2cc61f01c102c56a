import type { TestProject } from 'vitest/node';
import { writeTemplate } from './template';

// Once per test run: the review server's prepared database (tests/server/template.ts).
export default async function setup(project: TestProject) {
    const started = Date.now();
    const seededAt = new Date();
    const template = await writeTemplate(seededAt);
    console.log(`review server template: migrated and seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    project.provide('reviewServerTemplate', template.path);
    project.provide('reviewServerTemplateSeededAt', seededAt.toISOString());
    project.provide('emptyDatabaseTemplate', template.emptyPath);
    return () => template.remove();
}

declare module 'vitest' {
    export interface ProvidedContext {
        reviewServerTemplate: string;
        /** The seed's clock: the memory store seeded at the same instant holds the same data. */
        reviewServerTemplateSeededAt: string;
        /** A database before any migration. */
        emptyDatabaseTemplate: string;
    }
}
