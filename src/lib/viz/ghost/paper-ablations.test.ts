import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FACTS_PATH, factsSection, factsTable, millions, percent } from './facts-tables';
import { PAPER_COMPRESSION, PAPER_D_ABLATION, PAPER_S_ABLATION_FULL } from './paper-ablations';

const ablationRows = (rows: string[][]) =>
	rows.map(([value, weights, flops, acc]) => ({
		value: /^\d+$/.test(value) ? Number(value) : null,
		paramsM: millions(weights),
		flopsM: millions(flops),
		accuracy: percent(acc)
	}));

describe.skipIf(!existsSync(FACTS_PATH))('the CIFAR-10 rows, read from facts.md C.5', () => {
	const section = () => factsSection(readFileSync(FACTS_PATH, 'utf8'), 'C.5');

	it('the ablation on d is the table "Ablation on d"', () => {
		expect(PAPER_D_ABLATION).toEqual(ablationRows(factsTable(section(), '**Ablation on d')));
	});

	it('the ablation on s is the table "Ablation on s"', () => {
		expect(PAPER_S_ABLATION_FULL).toEqual(ablationRows(factsTable(section(), '**Ablation on s')));
	});

	it('the comparison with compression methods is its table, every row in order', () => {
		const rows = factsTable(section(), '**Comparison with compression methods').map(
			([model, weights, flops, acc]) => ({
				model,
				paramsM: millions(weights),
				flopsM: millions(flops),
				accuracy: percent(acc)
			})
		);
		expect(
			PAPER_COMPRESSION.map(({ model, paramsM, flopsM, accuracy }) => ({ model, paramsM, flopsM, accuracy }))
		).toEqual(rows);
	});
});

describe('the CIFAR-10 rows, pinned where facts.md is not at hand', () => {
	it('match facts.md C.5', () => {
		// d: 1 → 7.6M / 157M / 93.5, 3 → 7.7M / 158M / 93.7, 5 → 160M / 93.4, 7 → 163M / 93.1.
		expect(PAPER_D_ABLATION.map((r) => [r.value, r.flopsM, r.accuracy])).toEqual([
			[null, 313, 93.6],
			[1, 157, 93.5],
			[3, 158, 93.7],
			[5, 160, 93.4],
			[7, 163, 93.1]
		]);
		// s: 5 → 3.3M / 65M / 92.9.
		expect(PAPER_S_ABLATION_FULL.at(-1)).toEqual({ value: 5, paramsM: 3.3, flopsM: 65, accuracy: 92.9 });
		// Ghost-ResNet-56 0.43M / 63M / 92.7 against CP-ResNet-56 – / 63M / 92.0 and AMC – / 63M / 91.9.
		const byModel = Object.fromEntries(
			PAPER_COMPRESSION.map((r) => [r.model, [r.paramsM, r.flopsM, r.accuracy]])
		);
		expect(byModel['Ghost-ResNet-56 (s=2)']).toEqual([0.43, 63, 92.7]);
		expect(byModel['CP-ResNet-56']).toEqual([null, 63, 92.0]);
		expect(byModel['AMC-ResNet-56']).toEqual([null, 63, 91.9]);
		expect(byModel['ℓ1-VGG-16']).toEqual([5.4, 206, 93.4]);
	});
});
