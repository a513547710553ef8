import { describe, expect, it } from 'vitest';
import { foldBatchNorm, fuseGhostModule, type FoldedConv } from './fold';

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

/** 'same' zero-padded stride-1 conv of an [h, w, cin] image with HWIO weights (groups = 1 or cin). */
function conv(image: Float32Array, [h, w, cin]: number[], c: FoldedConv, depthwise: boolean, relu: boolean) {
	const [kh, kw, , k] = c.shape;
	const cout = depthwise ? cin * k : k;
	const out = new Float32Array(h * w * cout);
	for (let y = 0; y < h; y++)
		for (let x = 0; x < w; x++)
			for (let o = 0; o < cout; o++) {
				let acc = c.bias[o];
				for (let dy = 0; dy < kh; dy++)
					for (let dx = 0; dx < kw; dx++) {
						const yy = y + dy - (kh >> 1);
						const xx = x + dx - (kw >> 1);
						if (yy < 0 || yy >= h || xx < 0 || xx >= w) continue;
						const pixel = (yy * w + xx) * cin;
						const tap = dy * kw + dx;
						if (depthwise) acc += image[pixel + Math.floor(o / k)] * c.weight[tap * cout + o];
						else for (let i = 0; i < cin; i++) acc += image[pixel + i] * c.weight[(tap * cin + i) * k + o];
					}
				out[(y * w + x) * cout + o] = relu ? Math.max(0, acc) : acc;
			}
	return out;
}

describe('fuseGhostModule', () => {
	let seed = 5;
	const random = (n: number) =>
		Float32Array.from({ length: n }, () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 2 - 1);

	for (const [ratio, out, relu] of [
		[2, 6, true],
		[2, 6, false],
		[3, 7, true],
		[3, 9, false]
	] as const) {
		it(`equals primary → cheap → concat → slice (s = ${ratio}, out = ${out}, relu = ${relu})`, () => {
			const [h, w, cin] = [4, 5, 3];
			const init = Math.ceil(out / ratio);
			const m = ratio - 1;
			const image = random(h * w * cin);
			const primary: FoldedConv = {
				weight: random(cin * init),
				bias: random(init),
				shape: [1, 1, cin, init]
			};
			const cheap: FoldedConv = {
				weight: random(9 * init * m),
				bias: random(init * m),
				shape: [3, 3, init, m]
			};
			const p = conv(image, [h, w, cin], primary, false, relu);
			const g = conv(p, [h, w, init], cheap, true, relu);
			const { wide, spread } = fuseGhostModule(primary, cheap, out);
			const fused = conv(conv(image, [h, w, cin], wide, false, relu), [h, w, out], spread, true, relu);
			for (let px = 0; px < h * w; px++)
				for (let q = 0; q < out; q++) {
					const expected = q < init ? p[px * init + q] : g[px * init * m + q - init];
					expect(fused[px * out + q]).toBeCloseTo(expected, 5);
				}
		});
	}

	it('rejects modules it cannot express', () => {
		const primary: FoldedConv = {
			weight: new Float32Array(6),
			bias: new Float32Array(2),
			shape: [1, 1, 3, 2]
		};
		const cheap: FoldedConv = {
			weight: new Float32Array(18),
			bias: new Float32Array(2),
			shape: [3, 3, 2, 1]
		};
		expect(() => fuseGhostModule(primary, cheap, 5)).toThrow();
		expect(() => fuseGhostModule(primary, cheap, 2)).toThrow();
	});
});
