import { describe, expect, it } from 'vitest';
import type { EfficientNetVariant } from '$lib/nets';
import { scalingUpdate } from './model';
import { variantState } from './state';
import { PARTS } from './breakdown';

// facts.md A.7 (timm params = Keras trainable, facts.md B) and A.7 "Counted MACs" (4 significant digits).
const OFFICIAL: [EfficientNetVariant, number, number][] = [
	['b0', 5_288_548, 385.8e6],
	['b1', 7_794_184, 686.8e6],
	['b2', 9_109_994, 993.6e6],
	['b3', 12_233_232, 1.827e9],
	['b4', 19_341_616, 4.394e9],
	['b5', 30_389_784, 10.27e9],
	['b6', 43_040_704, 19.07e9],
	['b7', 66_347_960, 37.75e9]
];

// facts.md A.4 resolutions and A.7 stem / stage channels / repeats / head of B7.
const RESOLUTION = { b0: 224, b1: 240, b2: 260, b3: 300, b4: 380, b5: 456, b6: 528, b7: 600 };

describe('official presets reproduce B0…B7', () => {
	it.each(OFFICIAL)('%s: exact params, MACs as counted by timm hooks', (variant, params, macs) => {
		const model = scalingUpdate(variantState(variant));
		expect(model.shown).toBe(model.official);
		expect(model.shown.cost.params).toBe(params);
		expect(model.shown.resolution).toBe(RESOLUTION[variant]);
		expect(Math.abs(model.shown.cost.macs / macs - 1)).toBeLessThan(5e-4);
		const rows = model.shown.rows;
		expect(rows.reduce((s, r) => s + r.params, 0)).toBe(params);
		expect(rows.reduce((s, r) => s + r.macs, 0)).toBe(model.shown.cost.macs);
	});

	it('B7 stage table: stem 64, stage channels and repeats, head 2560 (facts.md A.7)', () => {
		const rows = scalingUpdate(variantState('b7')).shown.rows;
		expect(rows.map((r) => r.channels)).toEqual([64, 32, 48, 80, 160, 224, 384, 640, 2560]);
		expect(rows.map((r) => r.layers)).toEqual([1, 4, 7, 7, 10, 10, 13, 4, 1]);
		expect(rows[0].resolution).toEqual([600, 600]);
	});

	it('B0 is the paper Table 1 (facts.md A.1)', () => {
		const rows = scalingUpdate(variantState('b0')).shown.rows;
		const table = rows.map((r) => [r.operator, r.resolution[0], r.channels, r.layers]);
		expect(table).toEqual([
			[{ kind: 'conv', kernel: 3 }, 224, 32, 1],
			[{ kind: 'mbconv', expand: 1, kernel: 3 }, 112, 16, 1],
			[{ kind: 'mbconv', expand: 6, kernel: 3 }, 112, 24, 2],
			[{ kind: 'mbconv', expand: 6, kernel: 5 }, 56, 40, 2],
			[{ kind: 'mbconv', expand: 6, kernel: 3 }, 28, 80, 3],
			[{ kind: 'mbconv', expand: 6, kernel: 5 }, 14, 112, 3],
			[{ kind: 'mbconv', expand: 6, kernel: 5 }, 14, 192, 4],
			[{ kind: 'mbconv', expand: 6, kernel: 3 }, 7, 320, 1],
			[{ kind: 'head', kernel: 1 }, 7, 1280, 1]
		]);
		// Stem: 3×3×3 conv to 32 channels at 112×112; head: 1×1 conv 320→1280 at 7×7 plus FC 1280→1000.
		expect(rows[0].macs).toBe(112 * 112 * 32 * 27);
		expect(rows[8].macs).toBe(7 * 7 * 320 * 1280 + 1280 * 1000);
	});
});

describe('the formula network and the prediction', () => {
	it('a preset shows both the official network and the φ network', () => {
		const model = scalingUpdate(variantState('b7'));
		// facts.md A.2: φ = 7 gives d = 1.2^7 ≈ 3.58, w ≈ 1.95, r ≈ 596 where B7 uses 3.1, 2.0, 600.
		expect(model.formula.depth).toBeCloseTo(3.583, 3);
		expect(model.formula.width).toBeCloseTo(1.949, 3);
		expect(model.formula.resolution).toBe(596);
		expect(model.official.depth).toBe(3.1);
		expect(model.official.width).toBe(2.0);
		expect(model.formula.cost.macs).not.toBe(model.official.cost.macs);
	});

	it('α·β²·γ² = 1.92 for the paper coefficients, and FLOPs are predicted from B0 (facts.md A.2)', () => {
		const model = scalingUpdate({ phi: 3, alpha: 1.2, beta: 1.1, gamma: 1.15, variant: null });
		expect(model.shown).toBe(model.formula);
		// The official variant nearest φ = 3 is B3 (facts.md A.7: 12,233,232 params).
		expect(model.officialVariant).toBe('b3');
		expect(model.official.cost.params).toBe(12_233_232);
		expect(model.prediction.product).toBeCloseTo(1.92, 2);
		expect(model.prediction.powerOfTwo).toBe(8);
		expect(model.prediction.macs / model.base.macs).toBeCloseTo(1.92027 ** 3, 4);
		expect(model.base.params).toBe(5_288_548);
	});

	it('the nearest official variant stays within B0…B7', () => {
		expect(scalingUpdate({ ...variantState('b0'), phi: -2.6, variant: null }).officialVariant).toBe('b0');
		expect(scalingUpdate({ ...variantState('b0'), phi: 8.6, variant: null }).officialVariant).toBe('b7');
		expect(scalingUpdate({ ...variantState('b0'), phi: 4.5, variant: null }).officialVariant).toBe('b5');
	});

	it('φ = 0 with any coefficients is B0 itself', () => {
		const model = scalingUpdate({ phi: 0, alpha: 1.7, beta: 1.3, gamma: 1.9, variant: null });
		expect(model.shown.cost.params).toBe(5_288_548);
		expect(model.prediction.factor).toBe(1);
	});

	it('rounding makes the real cost differ from the formula', () => {
		const model = scalingUpdate({ phi: 1, alpha: 1.2, beta: 1.1, gamma: 1.15, variant: null });
		expect(model.shown.cost.macs).not.toBeCloseTo(model.prediction.macs, -6);
	});
});

describe('MAC breakdown', () => {
	it('adds up to the exact total and to each stage row', () => {
		for (const state of [variantState('b0'), variantState('b5'), { ...variantState('b0'), phi: -2.5 }]) {
			const { shown } = scalingUpdate({ ...state });
			const sum = shown.breakdown.reduce((s, r) => s + PARTS.reduce((t, p) => t + r.parts[p], 0), 0);
			expect(sum).toBe(shown.cost.macs);
			shown.breakdown.forEach((row, i) => expect(row.total).toBe(shown.rows[i].macs));
		}
	});

	it('the depthwise-separable first stage has no expand conv; the stem row is only the stem', () => {
		const rows = scalingUpdate(variantState('b0')).shown.breakdown;
		expect(rows[1].parts.expand).toBe(0);
		expect(rows[1].parts.depthwise).toBe(112 * 112 * 32 * 9);
		expect(rows[0].parts).toEqual({
			stem: 112 * 112 * 32 * 27,
			expand: 0,
			depthwise: 0,
			se: 0,
			project: 0,
			head: 0
		});
		expect(rows[8].parts.head).toBe(rows[8].total);
	});
});
