import { describe, expect, it } from 'vitest';
import { foldBatchNorm, fuseGhostModule, splitDepthwise, type FoldedConv } from './fold';

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

describe('splitDepthwise', () => {
	const ramp = (n: number, scale: number) =>
		Float32Array.from({ length: n }, (_, i) => Math.sin(i + 1) * scale);

	it('depthwise(concat(a, b)) = concat(part₁(a), part₂(b))', () => {
		const [h, w, ca, cb] = [4, 3, 2, 3];
		const c = ca + cb;
		const whole: FoldedConv = { weight: ramp(25 * c, 1), bias: ramp(c, 0.5), shape: [5, 5, c, 1] };
		const a = ramp(h * w * ca, 2);
		const b = ramp(h * w * cb, -3);
		const both = new Float32Array(h * w * c);
		for (let px = 0; px < h * w; px++) {
			both.set(a.subarray(px * ca, (px + 1) * ca), px * c);
			both.set(b.subarray(px * cb, (px + 1) * cb), px * c + ca);
		}
		const [first, second] = splitDepthwise(whole, ca);
		expect(first.shape).toEqual([5, 5, ca, 1]);
		expect(second.shape).toEqual([5, 5, cb, 1]);
		const expected = conv(both, [h, w, c], whole, true, false);
		const pa = conv(a, [h, w, ca], first, true, false);
		const pb = conv(b, [h, w, cb], second, true, false);
		for (let px = 0; px < h * w; px++)
			for (let q = 0; q < c; q++)
				expect(q < ca ? pa[px * ca + q] : pb[px * cb + q - ca]).toBe(expected[px * c + q]);
	});

	it('rejects a split outside the channels or a channel multiplier', () => {
		const conv3: FoldedConv = {
			weight: new Float32Array(27),
			bias: new Float32Array(3),
			shape: [3, 3, 3, 1]
		};
		expect(() => splitDepthwise(conv3, 0)).toThrow();
		expect(() => splitDepthwise(conv3, 3)).toThrow();
		const multiplier2: FoldedConv = {
			weight: new Float32Array(36),
			bias: new Float32Array(4),
			shape: [3, 3, 2, 2]
		};
		expect(() => splitDepthwise(multiplier2, 1)).toThrow();
	});
});
