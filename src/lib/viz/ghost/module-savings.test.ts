import { describe, expect, it } from 'vitest';
import { cost, ghostnet } from '$lib/nets';
import { moduleSavings } from './module-savings';

describe('what each Ghost module of GhostNet saves', () => {
	const savings = moduleSavings(1);
	const module = (key: string) => savings.modules.find((m) => m.key === key)!;

	it('blocks.0.0.ghost1 (c = n = 16, 112×112): 2,508,800 MACs against 3,211,264, r_s = 1.28', () => {
		const m = module('blocks.0.0.ghost1');
		expect([m.c, m.n, m.spatial, m.k, m.d, m.s, m.stride]).toEqual([16, 16, [112, 112], 1, 3, 2, 1]);
		// Primary 1×1: 112·112·8·16; cheap 3×3 depthwise: 112·112·8·9; ordinary 1×1 conv: 112·112·16·16.
		expect(m.ghost.macs).toBe(112 * 112 * 8 * 16 + 112 * 112 * 8 * 9);
		expect(m.ghost.macs).toBe(2_508_800);
		expect(m.conv.macs).toBe(3_211_264);
		expect(m.ratio).toBeCloseTo(16 / (8 + 4.5), 12);
		// Params with BN: 16·8 + 2·8, 8·9 + 2·8 against 16·16 + 2·16.
		expect([m.ghost.params, m.conv.params]).toEqual([128 + 16 + 72 + 16, 256 + 32]);
	});

	it('blocks.6.3.ghost2 (c = 480, n = 112, 14×14): 5,367,264 MACs against 10,536,960', () => {
		const m = module('blocks.6.3.ghost2');
		expect([m.c, m.n, m.spatial]).toEqual([480, 112, [14, 14]]);
		// 14·14·56·480 + 14·14·56·9 against 14·14·112·480.
		expect(m.ghost.macs).toBe(5_268_480 + 98_784);
		expect(m.conv.macs).toBe(10_536_960);
		expect(m.ratio).toBeCloseTo(480 / (240 + 4.5), 12);
	});

	it('covers all 32 modules; every ratio is below s = 2, the smallest where c is smallest', () => {
		expect(savings.modules).toHaveLength(32);
		for (const m of savings.modules) expect(m.ratio).toBeLessThan(m.s);
		expect(savings.least.c).toBe(16);
		expect(savings.most.c).toBe(960);
		// Sums of the per-module counts; the whole network saves less (stem, depthwise, SE, head unchanged).
		expect(savings.total).toMatchObject({ ghost: 113_695_680, conv: 202_610_688 });
		expect(savings.network).toMatchObject({ ghost: 141_150_512, conv: 230_065_520 });
		expect(savings.network.ratio).toBeLessThan(savings.total.ratio);
	});

	it('follows the width: GhostNet 0.5× has the same modules with its own channels', () => {
		const half = moduleSavings(0.5);
		expect(half.modules.map((m) => m.key)).toEqual(savings.modules.map((m) => m.key));
		// facts.md C.6: blocks.0.0 at 0.5× is 8 → 8 → 8.
		expect(half.modules[0]).toMatchObject({ c: 8, n: 8 });
		expect(half.modules[0].ratio).toBeCloseTo(8 / (4 + 4.5), 12);
		expect(half.network.ghost).toBe(cost(ghostnet({ width: 0.5 })).macs);
	});
});
