/**
 * The table of contents as a tree (pure): each section (the shallowest heading level) with its
 * sub-sections under it, so that the numbered list counts sections only (a flat list numbered a
 * sub-section "4" between sections 3 and 5).
 */
import type { Heading } from '$lib/content/articles';

export interface TocEntry {
	heading: Heading;
	children: Heading[];
}

export function tocTree(headings: readonly Heading[]): TocEntry[] {
	if (headings.length === 0) return [];
	const top = Math.min(...headings.map((h) => h.depth));
	const entries: TocEntry[] = [];
	for (const heading of headings) {
		const parent = entries.at(-1);
		if (heading.depth > top && parent) parent.children.push(heading);
		else entries.push({ heading, children: [] });
	}
	return entries;
}
