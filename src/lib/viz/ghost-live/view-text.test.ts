import { describe, expect, it } from 'vitest';
import { cellInfoText, mapInfoText, observedRange, rangeText } from './view-text';

const read = {
	channels: 3,
	size: 1,
	matrix: Float32Array.from([1, 0.25, -0.5, 0.25, 1, 0.75, -0.5, 0.75, 1]),
	maps: [Float32Array.of(1), Float32Array.of(2), Float32Array.of(3)]
};
const ranges = [[{ min: -1, max: 2 }], [{ min: 0, max: 0.5 }], [{ min: -3, max: 1 }]];

describe('view texts', () => {
	it('takes the overall range of all maps', () => {
		expect(observedRange(ranges)).toEqual({ min: -3, max: 2 });
		expect(observedRange([])).toBeNull();
		expect(observedRange(undefined)).toBeNull();
	});
	it('describes the chosen map with its most similar partner', () => {
		expect(mapInfoText(read, ranges, 1, 'en')).toBe(
			'Map #1, values 0 … 0.5; most similar to #2 (cosine similarity 0.75)'
		);
		expect(mapInfoText(read, ranges, 0, 'zh')).toBe(
			'特征图 #0，取值 −1 … 2；和它最相似的是 #1（余弦相似度 0.25）'
		);
		expect(mapInfoText(read, ranges, null, 'en')).toMatch(/^Point at a map/);
		expect(mapInfoText(read, ranges, null, 'en', true)).toMatch(/^Tap a map/);
		expect(mapInfoText(read, ranges, null, 'zh', true)).toMatch(/^轻点一张特征图/);
	});
	it('reads a cell of the matrix', () => {
		expect(cellInfoText(read, { i: 0, j: 2 }, 'en')).toBe('Maps #0 and #2: cosine similarity −0.5');
		expect(cellInfoText(null, { i: 0, j: 2 }, 'en')).toMatch(/^The diagonal.*Point at a cell/);
		expect(cellInfoText(null, { i: 0, j: 2 }, 'en', true)).toMatch(/^The diagonal.*Tap a cell/);
		expect(rangeText({ min: 0, max: 1 }, 'en')).toBe('values 0 … 1');
	});
});
