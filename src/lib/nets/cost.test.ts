import { describe, expect, it } from 'vitest';
import { cost } from './cost';
import { efficientnet } from './spec/efficientnet';
import { ghostnet } from './spec/ghostnet';
import type { EfficientNetVariant } from './spec/types';

// facts.md A.7 / B: exact timm parameter counts, and conv+linear MACs at each variant's resolution.
const EFFICIENTNET: [EfficientNetVariant, number, number][] = [
	['b0', 5_288_548, 385.8e6],
	['b1', 7_794_184, 686.8e6],
	['b2', 9_109_994, 993.6e6],
	['b3', 12_233_232, 1.827e9],
	['b4', 19_341_616, 4.394e9],
	['b5', 30_389_784, 10.27e9],
	['b6', 43_040_704, 19.07e9],
	['b7', 66_347_960, 37.75e9]
];

// facts.md B: ghostnet_050 / 100 / 130 at 224.
const GHOSTNET: [number, number, number][] = [
	[0.5, 2_587_292, 42.33e6],
	[1.0, 5_182_508, 141.15e6],
	[1.3, 7_358_820, 227.0e6]
];

describe('cost: golden tables', () => {
	for (const [variant, params, macs] of EFFICIENTNET) {
		it(`efficientnet ${variant}: params exact, MACs within 0.1%`, () => {
			const c = cost(efficientnet({ variant }));
			expect(c.params).toBe(params);
			expect(Math.abs(c.macs - macs) / macs).toBeLessThan(1e-3);
		});
	}
	for (const [width, params, macs] of GHOSTNET) {
		it(`ghostnet ${width}x: params exact, MACs within 0.1%`, () => {
			const c = cost(ghostnet({ width }));
			expect(c.params).toBe(params);
			expect(Math.abs(c.macs - macs) / macs).toBeLessThan(1e-3);
		});
	}

	it('efficientnet_b0: 213 parameter tensors and 21,008 BN channels (facts.md B, D)', () => {
		const spec = efficientnet({ variant: 'b0' });
		const tensors = spec.layers.reduce((n, l) => n + (l.op === 'bn' ? 2 : l.bias ? 2 : 1), 0);
		expect(tensors).toBe(213);
		expect(spec.layers.filter((l) => l.op === 'bn').reduce((n, l) => n + l.outChannels, 0)).toBe(21_008);
	});
});

describe('cost: breakdown', () => {
	const spec = efficientnet({ variant: 'b0' });
	const c = cost(spec);

	it('stem conv by hand: 112·112·32 outputs × 3·3·3', () => {
		const stem = c.layers[0];
		expect(stem).toMatchObject({
			key: 'conv_stem',
			params: 864,
			macs: 112 * 112 * 32 * 27,
			activations: 112 * 112 * 32
		});
		expect(c.layers[1]).toMatchObject({ key: 'bn1', params: 64, macs: 0 });
	});

	it('depthwise and SE layers by hand (blocks.1.0)', () => {
		const dw = c.layers.find((l) => l.key === 'blocks.1.0.conv_dw')!;
		expect(dw.macs).toBe(56 * 56 * 96 * 9);
		expect(dw.params).toBe(96 * 9);
		const reduce = c.layers.find((l) => l.key === 'blocks.1.0.se.conv_reduce')!;
		expect(reduce).toMatchObject({ params: 96 * 4 + 4, macs: 96 * 4, activations: 4 });
	});

	it('stem + stages + head add up to the totals; so do the roles', () => {
		const parts = [c.stem, ...c.stages, c.head];
		expect(parts.reduce((n, p) => n + p.params, 0)).toBe(c.params);
		expect(parts.reduce((n, p) => n + p.macs, 0)).toBe(c.macs);
		const roles = Object.values(c.byRole);
		expect(roles.reduce((n, p) => n + p.macs, 0)).toBe(c.macs);
		expect(roles.reduce((n, p) => n + p.params, 0)).toBe(c.params);
		expect(c.stages[1].blocks.map((b) => b.name)).toEqual(['blocks.1.0', 'blocks.1.1']);
		expect(c.byRole.classifier.params).toBe(1280 * 1000 + 1000);
	});

	it('MACs scale with resolution², params do not', () => {
		const big = cost(efficientnet({ width: 1, depth: 1, resolution: 448 }));
		expect(big.params).toBe(c.params);
		const spatial = big.macs - big.byRole.se.macs - big.byRole.classifier.macs;
		const base = c.macs - c.byRole.se.macs - c.byRole.classifier.macs;
		expect(spatial).toBe(base * 4);
	});

	it('ghost module: primary 1x1 + cheap depthwise counted separately', () => {
		const g = cost(ghostnet({ width: 1 }));
		const primary = g.layers.find((l) => l.key === 'blocks.0.0.ghost1.primary_conv.0')!;
		const cheap = g.layers.find((l) => l.key === 'blocks.0.0.ghost1.cheap_operation.0')!;
		expect(primary.macs).toBe(112 * 112 * 8 * 16);
		expect(cheap.macs).toBe(112 * 112 * 8 * 9);
		expect(g.byRole.primary.macs + g.byRole.cheap.macs).toBeGreaterThan(0);
		const conv = cost(ghostnet({ width: 1, moduleKind: 'conv' }));
		expect(conv.byRole.conv.macs).toBeGreaterThan(g.byRole.primary.macs + g.byRole.cheap.macs);
	});
});
