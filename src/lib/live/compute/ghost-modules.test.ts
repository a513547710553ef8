import { describe, expect, it } from 'vitest';
import { efficientnet, ghostnet, tapNames } from '$lib/nets/spec/index';
import { ghostModuleChoices, ghostSource, ghostsOf } from './ghost-modules';

describe('ghostModuleChoices', () => {
	it('lists both Ghost modules of all 16 bottlenecks of GhostNet 1.0×, with taps the network has', () => {
		const spec = ghostnet({ width: 1 });
		const choices = ghostModuleChoices(spec);
		expect(choices).toHaveLength(32);
		const taps = new Set(tapNames(spec));
		for (const c of choices) {
			expect(taps.has(c.primaryTap)).toBe(true);
			expect(taps.has(c.cheapTap)).toBe(true);
		}
		expect(choices[0]).toMatchObject({
			key: 'blocks.0.0.ghost1',
			block: 'blocks.0.0',
			which: 'ghost1',
			inChannels: 16,
			outChannels: 16,
			primaryChannels: 8,
			cheapChannels: 8,
			ratio: 2,
			relu: true,
			size: 112
		});
		// blocks.1.0 is a stride-2 bottleneck: its ghost2 runs after the stride-2 depthwise conv.
		expect(choices[3]).toMatchObject({ key: 'blocks.1.0.ghost2', relu: false, size: 56, outChannels: 24 });
		expect(choices.at(-2)).toMatchObject({ key: 'blocks.8.3.ghost1', primaryChannels: 480, size: 7 });
	});

	it('has no Ghost modules for EfficientNet or a GhostNet built with ordinary convolutions', () => {
		expect(ghostModuleChoices(efficientnet({ variant: 'b0' }))).toEqual([]);
		expect(ghostModuleChoices(ghostnet({ width: 1, moduleKind: 'conv' }))).toEqual([]);
	});

	it('follows the ratio s', () => {
		const choices = ghostModuleChoices(ghostnet({ width: 1, ghostRatio: 3 }));
		expect(choices[0]).toMatchObject({ ratio: 3, primaryChannels: 6, cheapChannels: 12 });
	});
});

describe('ghostSource / ghostsOf', () => {
	it('pairs ghost j with intrinsic j for s = 2', () => {
		expect([0, 1, 7].map((j) => ghostSource(j, 2))).toEqual([0, 1, 7]);
		expect(ghostsOf(5, 2)).toEqual([5]);
	});
	it('gives each intrinsic map s − 1 consecutive ghosts', () => {
		expect([0, 1, 2, 3, 4, 5].map((j) => ghostSource(j, 3))).toEqual([0, 0, 1, 1, 2, 2]);
		expect(ghostsOf(2, 4)).toEqual([6, 7, 8]);
	});
});
