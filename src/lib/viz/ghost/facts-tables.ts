/**
 * Reads the Markdown tables of the reference notes (/work/shared/reference/facts.md) for the tests that
 * check the paper rows of the charts against them (imported by tests only).
 */

export const FACTS_PATH = '/work/shared/reference/facts.md';

/** The text of `### <id> …` up to the next `###` heading. */
export function factsSection(markdown: string, id: string): string {
	const section = markdown.split(/^### /m).find((s) => s.startsWith(`${id} `));
	if (!section) throw new Error(`facts.md has no section ${id}`);
	return section;
}

/**
 * The body rows of the first table after `marker` (or the first table of the section), each as trimmed
 * cells without the bold marks.
 */
export function factsTable(section: string, marker?: string): string[][] {
	const after = marker === undefined ? section : section.split(marker)[1];
	if (after === undefined) throw new Error(`no "${marker}" in the section`);
	const lines = after.split('\n');
	const start = lines.findIndex((l) => l.startsWith('|'));
	if (start < 0) throw new Error('no table found');
	const end = lines.findIndex((l, i) => i > start && !l.startsWith('|'));
	return lines.slice(start + 2, end < 0 ? undefined : end).map((line) =>
		line
			.replace(/\*\*/g, '')
			.split('|')
			.slice(1, -1)
			.map((c) => c.trim())
	);
}

/** "7.7M" → 7.7, "313M" → 313, "–" → null. */
export function millions(cell: string): number | null {
	if (cell === '–' || cell === '-') return null;
	const m = /^([\d.]+)M$/.exec(cell);
	if (!m) throw new Error(`not a count in millions: ${cell}`);
	return Number(m[1]);
}

/** "73.9" → 73.9, "–" → null. */
export function percent(cell: string): number | null {
	if (cell === '–' || cell === '-') return null;
	const value = Number(cell);
	if (!Number.isFinite(value)) throw new Error(`not a number: ${cell}`);
	return value;
}
