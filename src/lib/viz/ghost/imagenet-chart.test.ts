import { describe, expect, it } from 'vitest';
import { flopsDomain, markedWidth, rowsOf, top1Domain } from './imagenet-chart';

describe('the marked GhostNet width', () => {
	it('carries the exact MACs and params of our spec beside the paper’s rounded row (facts.md B, C.4)', () => {
		const one = markedWidth(1);
		expect([one.macs, one.params]).toEqual([141_150_512, 5_182_508]);
		expect(one.paper).toMatchObject({ flopsM: 141, paramsM: 5.2, top1: 73.9 });
		// facts.md E.3: the paper's 226M FLOPs and 7.3M weights for 1.3× against 227.0M and 7,358,820 counted.
		const wide = markedWidth(1.3);
		expect(wide.params).toBe(7_358_820);
		expect(Math.round(wide.macs / 1e5) / 10).toBe(227.0);
		expect(wide.paper?.flopsM).toBe(226);
	});

	it('has no paper row (and so no accuracy) for a width the paper did not train', () => {
		const w = markedWidth(0.75);
		expect(w.paper).toBeNull();
		expect(w.macs).toBeGreaterThan(markedWidth(0.5).macs);
		expect(w.macs).toBeLessThan(markedWidth(1).macs);
	});

	it('stays inside the FLOPs axis, which grows for wide networks', () => {
		expect(flopsDomain(141e6)[1]).toBeCloseTo(320 * 1.06, 9);
		const macs2 = markedWidth(2).macs;
		expect(flopsDomain(macs2)[1]).toBeGreaterThan(macs2 / 1e6);
		expect(top1Domain()).toEqual([57, 77]);
	});

	it('groups the paper rows by family', () => {
		expect(rowsOf('ghostnet').map((r) => r.ghostWidth)).toEqual([0.5, 1, 1.3]);
		expect(rowsOf('other').map((r) => r.model)).toEqual([
			'FE-Net 1.0×',
			'FBNet-B',
			'ProxylessNAS',
			'MnasNet-A1'
		]);
	});
});
