import { describe, expect, it } from 'vitest';
import { ghostnet } from '$lib/nets';
import { ghostComparison } from './comparison';
import { ghostModuleCost, ordinaryConvCost } from './compression';

describe('ghostComparison', () => {
	const c = ghostComparison(1);

	it('has GhostNet 1.0× and EfficientNet-B0 at their exact timm counts (facts.md B)', () => {
		expect(c.ghost.params).toBe(5_182_508);
		expect(c.efficientnetB0.params).toBe(5_288_548);
		expect(Math.abs(c.efficientnetB0.macs - 385.8e6) / 385.8e6).toBeLessThan(1e-3);
	});

	it('differs from the conv version only in the modules', () => {
		expect(c.conv.params - c.ghost.params).toBe(c.modules.conv.params - c.modules.ghost.params);
		expect(c.conv.macs - c.ghost.macs).toBe(c.modules.conv.macs - c.modules.ghost.macs);
		expect(c.conv.macs).toBeGreaterThan(c.ghost.macs);
	});

	it('agrees with the calculator’s formulas summed over every Ghost module of the spec', () => {
		const modules = ghostnet({ width: 1 }).stages.flatMap((stage) =>
			stage.blocks.flatMap((b) => (b.ghost ? [b.ghost.ghost1, b.ghost.ghost2] : []))
		);
		expect(modules).toHaveLength(32);
		expect(c.modules.count).toBe(32);
		let ghostMacs = 0;
		let convMacs = 0;
		for (const m of modules) {
			const input = {
				s: m.ratio,
				d: m.cheapKernel,
				k: m.primaryKernel,
				c: m.inChannels,
				n: m.outChannels,
				h: m.spatial[0],
				w: m.spatial[1]
			};
			ghostMacs += ghostModuleCost(input).flops;
			convMacs += ordinaryConvCost(input).flops;
		}
		expect(c.modules.ghost.macs).toBe(ghostMacs);
		expect(c.modules.conv.macs).toBe(convMacs);
	});

	it('follows the width', () => {
		expect(ghostComparison(0.5).ghost.params).toBe(2_587_292);
		expect(ghostComparison(1.3).conv.name).toBe('ghostnet_130_conv');
	});
});
