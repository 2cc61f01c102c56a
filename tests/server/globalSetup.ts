import type { TestProject } from 'vitest/node';
import { writeTemplate } from './template';

// Once per test run: the review server's prepared database (tests/server/template.ts).
export default async function setup(project: TestProject) {
    const started = Date.now();
    const template = await writeTemplate(new Date());
    console.log(`review server template: migrated and seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    project.provide('reviewServerTemplate', template.path);
    return () => template.remove();
}

declare module 'vitest' {
    export interface ProvidedContext {
        reviewServerTemplate: string;
    }
}
