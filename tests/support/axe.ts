import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

// Accessibility checks with axe-core (WCAG 2.0 and 2.1, levels A and AA), run inside the page under test.

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export interface AxeViolation {
    rule: string;
    impact: string;
    help: string;
    /** CSS selectors of the offending nodes, with axe's summary of what is wrong with each. */
    nodes: string[];
}

/** Every WCAG A/AA violation on the page as it is now (axe is injected once per document). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
    if (!(await page.evaluate('typeof window.axe !== "undefined"'))) await page.evaluate(AXE_SOURCE);
    return page.evaluate(async tags => {
        const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[]; failureSummary: string }[] }[] }> } }).axe;
        const { violations } = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
        return violations.map(v => ({ rule: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => `${n.target.join(' ')}: ${n.failureSummary}`) }));
    }, WCAG_AA);
}

/** Resolves once every finite animation on the page has ended (a chip's colour change, a dialog's fade, a ripple). */
export const settled = (page: Page) => page.evaluate(() => Promise.all(document.getAnimations()
    // Spinners run forever, and an animation that is cancelled has ended too.
    .filter(animation => animation.effect?.getComputedTiming().endTime !== Infinity)
    .map(animation => animation.finished.catch(() => undefined))));

/** The serious and critical violations: the ones a screen must not have. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
    return (await axeViolations(page)).filter(v => v.impact === 'serious' || v.impact === 'critical');
}

/** A readable line per violation, for a failing expectation's message. */
export const describeViolations = (screen: string, violations: AxeViolation[]) =>
    violations.map(v => `${screen}: ${v.impact} ${v.rule} (${v.help}) on ${v.nodes.length} node(s):\n  ${v.nodes.slice(0, 5).join('\n  ')}`).join('\n');
