import { describe, expect, it } from 'vitest';
import { foldBatchNorm } from './fold';

describe('foldBatchNorm', () => {
	it('equals conv then BN on a 1x1 conv (HWIO [1,1,2,3])', () => {
		const weight = Float32Array.from([1, 2, 3, -1, 0.5, 4]); // [in 2][out 3]
		const bn = {
			gamma: Float32Array.from([1, 2, 0.5]),
			beta: Float32Array.from([0, 1, -1]),
			mean: Float32Array.from([0.5, -1, 2]),
			variance: Float32Array.from([1, 4, 0.25])
		};
		const x = [0.7, -1.3];
		const folded = foldBatchNorm(weight, bn, null, 0);
		for (let o = 0; o < 3; o++) {
			const conv = x[0] * weight[o] + x[1] * weight[3 + o];
			const expected = ((conv - bn.mean[o]) / Math.sqrt(bn.variance[o])) * bn.gamma[o] + bn.beta[o];
			const got = x[0] * folded.weight[o] + x[1] * folded.weight[3 + o] + folded.bias[o];
			expect(got).toBeCloseTo(expected, 5);
		}
	});

	it('includes eps and a conv bias', () => {
		const bn = {
			gamma: Float32Array.of(1),
			beta: Float32Array.of(0),
			mean: Float32Array.of(0),
			variance: Float32Array.of(0)
		};
		const { weight, bias } = foldBatchNorm(Float32Array.of(1), bn, Float32Array.of(2), 1e-5);
		expect(weight[0]).toBeCloseTo(1 / Math.sqrt(1e-5), 0);
		expect(bias[0]).toBeCloseTo(2 / Math.sqrt(1e-5), 0);
	});
});
