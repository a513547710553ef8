import { describe, expect, it } from 'vitest';
import { cost, efficientnet } from '$lib/nets';
import { matchMacs } from './single-dimension';
import { totalMacs } from './curves';

// facts.md A.7 counted MACs.
const B0_MACS = 385.8e6;
const B3_MACS = 1.827e9;

describe('single-dimension scaling to the same MACs', () => {
	it.each(['depth', 'width', 'resolution'] as const)('%s: B0 MACs give B0 back', (dimension) => {
		const match = matchMacs(dimension, cost(efficientnet({ variant: 'b0' })).macs);
		expect(match.reach).toBe('matched');
		expect(match.relativeError).toBe(0);
		expect(cost(match.spec).params).toBe(5_288_548);
	});

	it('changes only its own dimension', () => {
		const depth = matchMacs('depth', B3_MACS).spec;
		expect(depth.resolution).toBe(224);
		expect(depth.stages.map((s) => s.output[2])).toEqual([16, 24, 40, 80, 112, 192, 320]);
		const width = matchMacs('width', B3_MACS).spec;
		expect(width.stages.map((s) => s.blocks.length)).toEqual([1, 2, 2, 3, 3, 4, 1]);
		expect(width.resolution).toBe(224);
		const resolution = matchMacs('resolution', B3_MACS).spec;
		expect(resolution.config.width).toBe(1);
		expect(resolution.config.depth).toBe(1);
	});

	it.each(['depth', 'width', 'resolution'] as const)(
		'%s: the reported network is the closer of the two rounded networks around the target',
		(dimension) => {
			const match = matchMacs(dimension, B3_MACS);
			expect(match.reach).toBe('matched');
			expect(match.macs).toBe(totalMacs(match.spec));
			expect(Math.abs(match.relativeError)).toBeLessThan(0.05);
		}
	);

	it('says when the spec limits cannot reach the target (B7 by depth alone)', () => {
		const match = matchMacs('depth', 37.75e9);
		expect(match.reach).toBe('above-limit');
		expect(match.spec.config.depth).toBe(10);
		expect(match.macs).toBeLessThan(37.75e9);
	});

	it('says when even the smallest network is too big', () => {
		const match = matchMacs('depth', B0_MACS / 4);
		expect(match.reach).toBe('below-limit');
		expect(match.macs).toBeGreaterThan(B0_MACS / 4);
	});
});
