import { describe, expect, it } from 'vitest';
import { median, percentile, summary } from './stats.js';

describe('timing statistics', () => {
	it('median of odd and even counts', () => {
		expect(median([5, 1, 3])).toBe(3);
		expect(median([4, 1, 3, 2])).toBe(2.5);
		expect(median([])).toBeNaN();
	});

	it('nearest-rank p90', () => {
		const xs = Array.from({ length: 20 }, (_, i) => i + 1);
		expect(percentile(xs, 90)).toBe(18);
		expect(percentile([7], 90)).toBe(7);
		expect(percentile([3, 1, 2], 100)).toBe(3);
	});

	it('summary', () => {
		expect(summary([3, 1, 2, 10])).toEqual({ runs: 4, median: 2.5, min: 1, p90: 10 });
	});
});
