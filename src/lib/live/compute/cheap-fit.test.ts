import { describe, expect, it } from 'vitest';
import { convolveSame, fitCheapOperation, scaledCopyR2, solveSymmetric } from './cheap-fit';

function randomMap(size: number, seed: number) {
	let s = seed;
	return Float32Array.from(
		{ length: size * size },
		() => ((s = (s * 16807) % 2147483647) / 2147483647) * 2 - 1
	);
}

describe('convolveSame', () => {
	it('is the identity for a centred 1 and pads with zeros', () => {
		const a = [1, 2, 3, 4];
		expect(Array.from(convolveSame(a, 2, [0, 0, 0, 0, 1, 0, 0, 0, 0], 0.5))).toEqual([1.5, 2.5, 3.5, 4.5]);
		// Weight at the top-left tap reads the pixel up and to the left (correlation).
		expect(Array.from(convolveSame(a, 2, [1, 0, 0, 0, 0, 0, 0, 0, 0], 0))).toEqual([0, 0, 0, 1]);
	});
});

describe('solveSymmetric', () => {
	it('solves a small system', () => {
		const x = solveSymmetric([4, 1, 1, 3], [1, 2], 2);
		expect(x[0]).toBeCloseTo(1 / 11, 8);
		expect(x[1]).toBeCloseTo(7 / 11, 8);
	});
	it('stays finite for a singular system', () => {
		expect(solveSymmetric([0, 0, 0, 0], [0, 0], 2).every(Number.isFinite)).toBe(true);
	});
});

describe('fitCheapOperation', () => {
	it('recovers a 3×3 filter and bias exactly: R² = 1', () => {
		const a = randomMap(12, 3);
		const w = [0.1, -0.4, 0.2, 0.7, 1.3, -0.2, 0, 0.05, -0.9];
		const b = convolveSame(a, 12, w, -0.25);
		const fit = fitCheapOperation(a, b, 12);
		fit.weights.forEach((v, i) => expect(v).toBeCloseTo(w[i], 4));
		expect(fit.bias).toBeCloseTo(-0.25, 4);
		expect(fit.r2).toBeCloseTo(1, 6);
		expect(fit.relativeResidual).toBeLessThan(1e-4);
	});

	it('explains little of an unrelated map, and never less than the scaled copy', () => {
		const a = randomMap(16, 5);
		const b = randomMap(16, 11);
		const fit = fitCheapOperation(a, b, 16);
		expect(fit.r2).toBeGreaterThanOrEqual(0);
		expect(fit.r2).toBeLessThan(0.2);
		expect(fit.r2!).toBeGreaterThanOrEqual(scaledCopyR2(a, b)! - 1e-9);
	});

	it('reports null R² for a constant target and handles an all-zero source', () => {
		const a = new Float32Array(9);
		const fit = fitCheapOperation(a, new Float32Array(9).fill(2), 3);
		expect(fit.r2).toBeNull();
		expect(fit.bias).toBeCloseTo(2, 6);
		expect(fitCheapOperation(a, new Float32Array(9), 3).relativeResidual).toBeNull();
	});

	it('refuses maps of the wrong size', () => {
		expect(() => fitCheapOperation([1, 2], [1, 2], 2)).toThrow(RangeError);
	});
});

describe('scaledCopyR2', () => {
	it('is 1 for an affine copy and the squared correlation otherwise', () => {
		expect(scaledCopyR2([1, 2, 3], [5, 3, 1])).toBeCloseTo(1, 12);
		expect(scaledCopyR2([1, 0, 0, 1], [1, 1, 0, 0])).toBeCloseTo(0, 12);
		expect(scaledCopyR2([1, 1], [0, 2])).toBeNull();
	});
});
