import { describe, expect, it } from 'vitest';
import { checkMatrix, cosineSimilarity, mostSimilarTo, topPairs } from './pairs';

describe('topPairs', () => {
	const m = [1, 0.2, 0.9, -0.95, 0.2, 1, 0.5, 0.1, 0.9, 0.5, 1, 0.3, -0.95, 0.1, 0.3, 1];
	it('returns the off-diagonal pairs with the highest similarity, highest first', () => {
		expect(topPairs(m, 4, 3)).toEqual([
			{ a: 0, b: 2, similarity: 0.9 },
			{ a: 1, b: 2, similarity: 0.5 },
			{ a: 2, b: 3, similarity: 0.3 }
		]);
	});
	it('finds the argmax of the off-diagonal entries as the first pair', () => {
		let seed = 7;
		const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 2 - 1;
		const c = 9;
		const s = new Float64Array(c * c);
		for (let i = 0; i < c; i++) {
			s[i * c + i] = 1;
			for (let j = i + 1; j < c; j++) s[i * c + j] = s[j * c + i] = random();
		}
		let best = { a: -1, b: -1, v: -Infinity };
		for (let i = 0; i < c; i++)
			for (let j = 0; j < c; j++)
				if (i !== j && s[i * c + j] > best.v) best = { a: i, b: j, v: s[i * c + j] };
		const [top] = topPairs(s, c, 1);
		expect([top.a, top.b].sort()).toEqual([best.a, best.b].sort());
		expect(top.similarity).toBe(best.v);
	});
	it('breaks ties by position and handles k larger than the pair count', () => {
		expect(topPairs([1, 0.5, 0.5, 0.5, 1, 0.5, 0.5, 0.5, 1], 3, 10)).toEqual([
			{ a: 0, b: 1, similarity: 0.5 },
			{ a: 0, b: 2, similarity: 0.5 },
			{ a: 1, b: 2, similarity: 0.5 }
		]);
		expect(topPairs([1], 1, 3)).toEqual([]);
	});
	it('refuses a matrix of the wrong size', () => {
		expect(() => topPairs([1, 2, 3], 2, 1)).toThrow(RangeError);
	});
});

describe('cosineSimilarity', () => {
	it('is the cosine of the angle between rows, with 0 for a zero row', () => {
		const maps = [1, 0, 0, 2, 2, 0, 0, 0, 0];
		const s = cosineSimilarity(maps, 3, 3);
		expect(s[0 * 3 + 1]).toBeCloseTo(2 / Math.sqrt(8), 12);
		expect(s[1 * 3 + 0]).toBe(s[0 * 3 + 1]);
		expect(s[0]).toBeCloseTo(1, 12);
		expect(s[4]).toBeCloseTo(1, 12);
		expect(s[8]).toBe(0);
		expect(s[2]).toBe(0);
	});
	it('is scale invariant and −1 for opposite maps', () => {
		const s = cosineSimilarity([1, 2, 3, -3, -6, -9], 2, 3);
		expect(s[1]).toBeCloseTo(-1, 12);
	});
});

describe('checkMatrix', () => {
	it('measures asymmetry and the diagonal error, skipping zero maps', () => {
		const check = checkMatrix([1, 0.3, 0.2, 0.31, 0.98, 0, 0.2, 0, 0], 3, new Set([2]));
		expect(check.asymmetry).toBeCloseTo(0.01, 12);
		expect(check.diagonalError).toBeCloseTo(0.02, 12);
	});
});

describe('mostSimilarTo', () => {
	const m = [1, 0.2, 0.9, -0.95, 0.2, 1, 0.5, 0.1, 0.9, 0.5, 1, 0.3, -0.95, 0.1, 0.3, 1];
	it('is the argmax of the row without the diagonal', () => {
		expect(mostSimilarTo(m, 4, 0)).toEqual({ a: 0, b: 2, similarity: 0.9 });
		expect(mostSimilarTo(m, 4, 3)).toEqual({ a: 3, b: 2, similarity: 0.3 });
		expect(mostSimilarTo([1], 1, 0)).toBeNull();
	});
});
