import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FACTS_PATH, factsSection, factsTable, millions, percent } from './facts-tables';
import { PAPER_IMAGENET } from './paper-imagenet';

describe('the ImageNet comparison rows', () => {
	it.skipIf(!existsSync(FACTS_PATH))('are the rows of facts.md C.4, every one, in order', () => {
		const rows = factsTable(factsSection(readFileSync(FACTS_PATH, 'utf8'), 'C.4')).map(
			([model, weights, flops, top1, top5]) => ({
				model,
				paramsM: millions(weights),
				flopsM: millions(flops),
				top1: percent(top1),
				top5: percent(top5)
			})
		);
		expect(rows).toHaveLength(19);
		expect(
			PAPER_IMAGENET.map(({ model, paramsM, flopsM, top1, top5 }) => ({ model, paramsM, flopsM, top1, top5 }))
		).toEqual(rows);
	});

	it('pin the values of facts.md C.4, also where facts.md is not at hand', () => {
		const find = (model: string) => PAPER_IMAGENET.find((r) => r.model === model)!;
		// facts.md C.4: GhostNet 0.5× 2.6M / 42M / 66.2 / 86.6; 1.0× 5.2M / 141M / 73.9 / 91.4;
		// 1.3× 7.3M / 226M / 75.7 / 92.7; MobileNetV3 Large 1.0× 5.4M / 219M / 75.2 / –.
		expect(
			PAPER_IMAGENET.filter((r) => r.family === 'ghostnet').map((r) => [
				r.ghostWidth,
				r.paramsM,
				r.flopsM,
				r.top1,
				r.top5
			])
		).toEqual([
			[0.5, 2.6, 42, 66.2, 86.6],
			[1, 5.2, 141, 73.9, 91.4],
			[1.3, 7.3, 226, 75.7, 92.7]
		]);
		expect(find('MobileNetV3 Large 1.0×')).toMatchObject({
			paramsM: 5.4,
			flopsM: 219,
			top1: 75.2,
			top5: null
		});
		expect(find('ProxylessNAS')).toMatchObject({ paramsM: 4.1, flopsM: 320, top1: 74.6, top5: 92.2 });
		expect(find('ShuffleNetV1 0.5× (g=8)')).toMatchObject({ flopsM: 40, top1: 58.8, family: 'shufflenet' });
		expect(PAPER_IMAGENET).toHaveLength(19);
	});
});
