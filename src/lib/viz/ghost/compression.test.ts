import { describe, expect, it } from 'vitest';
import {
	checkAssumptions,
	compressionRatio,
	ghostModuleCost,
	implementationIntrinsic,
	ordinaryConvCost,
	paperApproximation,
	speedupCurve,
	speedupRatio
} from './compression';

// A 3x3 conv, 64 → 64 channels on a 56×56 map, replaced by a Ghost module with s = 2, d = 3.
const vggLike = { s: 2, d: 3, k: 3, c: 64, n: 64, h: 56, w: 56 };

describe('ordinary convolution (facts.md C.1: n·h′·w′·c·k·k)', () => {
	it('counts FLOPs and weights', () => {
		// 64·56·56·64·9 and 64·64·9, multiplied out by hand.
		expect(ordinaryConvCost(vggLike)).toEqual({ flops: 115_605_504, params: 36_864 });
	});
});

describe('Ghost module (facts.md C.1)', () => {
	it('counts (n/s)·h′·w′·c·k·k primary and (s−1)·(n/s)·h′·w′·d·d cheap FLOPs', () => {
		const cost = ghostModuleCost(vggLike);
		expect(cost.intrinsic).toBe(32);
		expect(cost.ghosts).toBe(32);
		expect(cost.primary.flops).toBe(57_802_752); // 32·3136·64·9
		expect(cost.cheap.flops).toBe(903_168); // 32·3136·9
		expect(cost.flops).toBe(58_705_920);
		expect(cost.params).toBe(18_432 + 288);
	});

	it('makes (s − 1)·n/s ghost maps for larger s', () => {
		const cost = ghostModuleCost({ ...vggLike, s: 4 });
		expect(cost.intrinsic).toBe(16);
		expect(cost.ghosts).toBe(48);
		expect(cost.intrinsic + cost.ghosts).toBe(64);
	});

	it('keeps n/s fractional as the paper does; the implementation rounds up', () => {
		expect(ghostModuleCost({ ...vggLike, n: 10, s: 3 }).intrinsic).toBeCloseTo(10 / 3, 12);
		expect(implementationIntrinsic(10, 3)).toBe(4);
		expect(implementationIntrinsic(64, 2)).toBe(32);
	});
});

describe('ratios r_s and r_c', () => {
	it('equal c·k·k / ((1/s)·c·k·k + ((s−1)/s)·d·d), independent of n, h′, w′', () => {
		const { s, c, k, d } = vggLike;
		const paper = (c * k * k) / ((1 / s) * c * k * k + ((s - 1) / s) * d * d);
		expect(speedupRatio(vggLike)).toBeCloseTo(paper, 12);
		expect(speedupRatio({ ...vggLike, n: 512, h: 7, w: 9 })).toBeCloseTo(paper, 12);
		expect(compressionRatio(vggLike)).toBeCloseTo(paper, 12);
	});

	it('equal s·c/(s+c−1) exactly when d = k', () => {
		expect(speedupRatio(vggLike)).toBeCloseTo(128 / 65, 12);
		expect(paperApproximation(2, 64)).toBeCloseTo(128 / 65, 12);
		const wide = { ...vggLike, s: 5, c: 512, k: 5, d: 5 };
		expect(compressionRatio(wide)).toBeCloseTo((5 * 512) / 516, 12);
	});

	it('fall well short of s for GhostNet’s own modules (1×1 primary, 3×3 cheap) on few channels', () => {
		// c·1 / (c/2 + 9/2) with c = 16: 16 / 12.5.
		expect(speedupRatio({ s: 2, d: 3, k: 1, c: 16, n: 16, h: 112, w: 112 })).toBeCloseTo(1.28, 12);
	});

	it('is 1 for s = 1 (no ghost maps)', () => {
		expect(speedupRatio({ ...vggLike, s: 1 })).toBe(1);
		expect(ghostModuleCost({ ...vggLike, s: 1 }).cheap.flops).toBe(0);
	});

	it('predict the paper’s VGG-16 ablation on s (facts.md C.5: 313M → 158/107/80/65M FLOPs) within 5%', () => {
		const measured: [number, number][] = [
			[2, 313 / 158],
			[3, 313 / 107],
			[4, 313 / 80],
			[5, 313 / 65]
		];
		for (const [s, ratio] of measured) {
			const predicted = speedupRatio({ ...vggLike, s, c: 256 });
			expect(Math.abs(predicted - ratio) / ratio).toBeLessThan(0.05);
		}
	});

	it('grow the Ghost module’s FLOPs with d, as in the paper’s d ablation (157/158/160/163M)', () => {
		const flops = [1, 3, 5, 7].map((d) => ghostModuleCost({ ...vggLike, d }).flops);
		for (let i = 1; i < flops.length; i++) expect(flops[i]).toBeGreaterThan(flops[i - 1]);
	});
});

describe('assumptions', () => {
	it('hold for d = k and s ≪ c', () => {
		const check = checkAssumptions({ ...vggLike, c: 256 });
		expect(check.kernelAreaRatio).toBe(1);
		expect(check.kernelError).toBeCloseTo(0, 12);
		expect(check.kernelHolds).toBe(true);
		expect(check.channelError).toBeCloseTo(1 / 257, 12);
		expect(check.channelHolds).toBe(true);
	});

	it('fail for a 1×1 primary conv with a 3×3 cheap op on 16 channels', () => {
		const check = checkAssumptions({ s: 2, d: 3, k: 1, c: 16, n: 16, h: 56, w: 56 });
		expect(check.kernelAreaRatio).toBe(9);
		// approximation 32/17 against the exact 1.28
		expect(check.kernelError).toBeCloseTo(32 / 17 / 1.28 - 1, 12);
		expect(check.kernelHolds).toBe(false);
	});

	it('flag s not much smaller than c: the shortfall from s, relative to s, is (s − 1)/(s + c − 1)', () => {
		const check = checkAssumptions({ ...vggLike, s: 4, c: 16 });
		expect(check.channelError).toBeCloseTo(3 / 19, 12);
		expect(check.channelHolds).toBe(false);
		// s = 2, c = 4: s·c/(s+c−1) = 8/5 = 1.6, which is 20 % short of s = 2 (not 25 %, which is 0.4/1.6).
		expect(checkAssumptions({ ...vggLike, s: 2, c: 4 }).channelError).toBeCloseTo(0.2, 12);
	});
});

describe('speedupCurve', () => {
	it('gives r_s and s·c/(s+c−1) for s = 1 … sMax', () => {
		const curve = speedupCurve({ d: 3, k: 1, c: 16, n: 16, h: 56, w: 56 }, 6);
		expect(curve.map((p) => p.s)).toEqual([1, 2, 3, 4, 5, 6]);
		expect(curve[1].exact).toBeCloseTo(1.28, 12);
		expect(curve[3].approximation).toBeCloseTo(64 / 19, 12);
		expect(curve[0].exact).toBe(1);
	});
});
