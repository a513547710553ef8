/**
 * axe-core in the browser tests: injects the npm package's axe.min.js into a page and runs it on the
 * whole document (every non-experimental rule: WCAG 2.x A/AA and axe's best practices, such as
 * heading-order and landmark-unique). Returns the violations, each with the nodes it found, so a
 * failing test says which rule and which element.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeNode {
	target: string[];
	html: string;
	failureSummary?: string;
}

export interface AxeViolation {
	id: string;
	impact: string | null;
	help: string;
	nodes: AxeNode[];
}

export interface AxeOptions {
	/** A CSS selector to check instead of the whole document. */
	include?: string;
	/** Rule ids to skip (say why where you call it). */
	disable?: string[];
}

/** The violations axe finds in `page` now (an empty list when it finds none). */
export async function axeViolations(page: Page | Frame, options: AxeOptions = {}): Promise<AxeViolation[]> {
	const loaded = await page.evaluate(() => typeof (window as { axe?: unknown }).axe === 'object');
	if (!loaded) await page.addScriptTag({ content: AXE_SOURCE });
	return page.evaluate(async ({ include, disable }) => {
		type Axe = {
			run: (
				context: unknown,
				options: unknown
			) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: AxeNode[] }[] }>;
		};
		const axe = (window as unknown as { axe: Axe }).axe;
		const rules = Object.fromEntries((disable ?? []).map((id) => [id, { enabled: false }]));
		const result = await axe.run(include ? { include: [include] } : document, {
			rules,
			resultTypes: ['violations']
		});
		return result.violations.map(({ id, impact, help, nodes }) => ({
			id,
			impact,
			help,
			nodes: nodes.map(({ target, html, failureSummary }) => ({ target, html, failureSummary }))
		}));
	}, options);
}

/** One line per violation and node: readable in a failed `expect(...).toEqual([])`. */
export function describeViolations(violations: readonly AxeViolation[]): string[] {
	return violations.flatMap((v) =>
		v.nodes.map((n) => `${v.id} (${v.impact}): ${v.help} — ${n.target.join(' ')} ${n.html.slice(0, 120)}`)
	);
}
