import { describe, expect, it } from 'vitest';
import results from '../../../../scripts/train/results/reproduction.json';
import { REPRODUCTION, findings, parseReproduction, seedGroups } from './reproduction';

/** A copy of the results file with changes (e.g. a longer run with three seeds). */
function variantOf(id: string, options: object, accuracy: number[], params = 1e6, macs = 2e6) {
	return { id, options, seeds: accuracy.map((_, i) => i), testAccuracy: accuracy, params, macs };
}
const ghost = (s: number) => ({ ghostRatio: s, moduleKind: 'ghost' });

function synthetic(variants: object[], epochs = 3) {
	return { ...results, epochs, variants };
}

describe('parseReproduction on scripts/train/results/reproduction.json', () => {
	it('orders the baseline first, then s = 2, 3, 4, and keeps every value of the file', () => {
		expect(REPRODUCTION.variants.map((v) => v.s)).toEqual([null, 2, 3, 4]);
		expect(REPRODUCTION.epochs).toBe(results.epochs);
		expect(REPRODUCTION.testImages).toBe(results.testImages);
		for (const raw of results.variants) {
			const v = REPRODUCTION.variants.find((x) => x.id === raw.id)!;
			expect(v.params).toBe(raw.params);
			expect(v.macs).toBe(raw.macs);
			expect(v.seeds).toEqual(raw.seeds);
			expect(v.accuracies.map((a) => a / 100)).toEqual(raw.testAccuracy.map((a) => expect.closeTo(a, 12)));
			// The file's own mean and spread agree with the accuracies the chart derives them from.
			expect(v.mean / 100).toBeCloseTo(raw.mean, 6);
			if (raw.spread !== null) expect((v.max - v.min) / 100).toBeCloseTo(raw.spread, 6);
		}
	});
});

describe('parseReproduction on other runs of the same schema', () => {
	const run = synthetic([
		variantOf('ghost-s3', ghost(3), [0.85, 0.86, 0.87]),
		variantOf('conv', { moduleKind: 'conv' }, [0.88, 0.89, 0.9], 2e6, 4e6),
		variantOf('ghost-s2', ghost(2), [0.89, 0.9, 0.91])
	]);

	it('derives order, means and seed groups from the file', () => {
		const rep = parseReproduction(run);
		expect(rep.epochs).toBe(3);
		expect(rep.variants.map((v) => v.id)).toEqual(['conv', 'ghost-s2', 'ghost-s3']);
		expect(rep.variants[1].mean).toBeCloseTo(90, 9);
		expect(rep.variants[1].min).toBeCloseTo(89, 9);
		expect(seedGroups(rep)).toHaveLength(1);
		expect(seedGroups(rep)[0].seeds).toEqual([0, 1, 2]);
	});

	it('finds which of conv and s = 2 is ahead, against the seed spread, and the trend with s', () => {
		const f = findings(parseReproduction(run));
		expect(f.gap).toBeCloseTo(-1, 9);
		expect(f.seedRange).toBeCloseTo(2, 9);
		expect(f.trend).toBe('falls');
		expect(f.macsRatio).toBe(0.5);
		const rising = findings(
			parseReproduction(
				synthetic([
					variantOf('conv', { moduleKind: 'conv' }, [0.8]),
					variantOf('s2', ghost(2), [0.8]),
					variantOf('s3', ghost(3), [0.82])
				])
			)
		);
		expect(rising.trend).toBe('rises');
		expect(rising.seedRange).toBeNull();
	});

	it('rejects files the chart could not show truthfully', () => {
		const noBaseline = synthetic([variantOf('s2', ghost(2), [0.9])]);
		expect(() => parseReproduction(noBaseline)).toThrow(/baseline/);
		const noS2 = synthetic([variantOf('conv', { moduleKind: 'conv' }, [0.9])]);
		expect(() => parseReproduction(noS2)).toThrow(/s = 2/);
		const mismatched = synthetic([{ ...variantOf('conv', { moduleKind: 'conv' }, [0.9]), seeds: [0, 1] }]);
		expect(() => parseReproduction(mismatched)).toThrow(/per seed/);
		expect(() => parseReproduction({ ...run, epochs: 0 })).toThrow(/epochs/);
	});
});
