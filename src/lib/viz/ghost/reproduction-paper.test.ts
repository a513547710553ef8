import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PAPER_S_ABLATION } from './reproduction-paper';

const FACTS = '/work/shared/reference/facts.md';

/** Rows of facts.md C.5 "Ablation on s (ratio), VGG-16, d = 3": s (null = vanilla), weights M, FLOPs M, acc. */
function factsRows(markdown: string) {
	const section = markdown.split(/^### /m).find((s) => s.startsWith('C.5 '));
	if (!section) throw new Error('facts.md has no section C.5');
	const table = section.split('**Ablation on s (ratio)')[1]?.split('\n\n')[1];
	if (!table) throw new Error('facts.md C.5 has no ablation-on-s table');
	return table
		.split('\n')
		.slice(2)
		.map((line) =>
			line
				.replace(/\*\*/g, '')
				.split('|')
				.slice(1, -1)
				.map((c) => c.trim())
		)
		.map(([s, weights, flops, acc]) => ({
			s: s === 'Vanilla' ? null : Number(s),
			paramsM: Number(weights.replace(/M$/, '')),
			macsM: Number(flops.replace(/M$/, '')),
			accuracy: Number(acc)
		}));
}

describe('the paper rows of the reproduction chart', () => {
	it.skipIf(!existsSync(FACTS))(
		'are the rows of facts.md C.5 (ablation on s) for the original and s = 2, 3, 4',
		() => {
			const rows = factsRows(readFileSync(FACTS, 'utf8'));
			expect(rows.length).toBeGreaterThanOrEqual(4);
			for (const row of PAPER_S_ABLATION) expect(rows).toContainEqual(row);
			expect(PAPER_S_ABLATION.map((r) => r.s)).toEqual([null, 2, 3, 4]);
		}
	);

	it('match the values of facts.md C.5 (VGG-16 on CIFAR-10), also where facts.md is not at hand', () => {
		// facts.md C.5: Vanilla 15.0M / 313M / 93.6; s = 2 7.7M / 158M / 93.7; s = 3 5.2M / 107M / 93.4;
		// s = 4 4.0M / 80M / 93.0.
		expect(PAPER_S_ABLATION.map((r) => [r.s, r.paramsM, r.macsM, r.accuracy])).toEqual([
			[null, 15.0, 313, 93.6],
			[2, 7.7, 158, 93.7],
			[3, 5.2, 107, 93.4],
			[4, 4.0, 80, 93.0]
		]);
	});
});
