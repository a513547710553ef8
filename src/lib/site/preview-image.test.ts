import { describe, expect, it } from 'vitest';
import { cost, efficientnet, ghostnet } from '$lib/nets';
import { PREVIEW_HEIGHT, PREVIEW_NAMES, PREVIEW_WIDTH, previewRects, rasterize } from './preview-image';

describe('preview images', () => {
	it('EfficientNet: 8 pairs of bars that grow from B0 to B7 (MACs and params, as the cost model counts)', () => {
		const bars = previewRects('efficientnet').slice(1);
		expect(bars).toHaveLength(16);
		const macs = bars.filter((_, i) => i % 2 === 0).map((b) => b.height);
		const params = bars.filter((_, i) => i % 2 === 1).map((b) => b.height);
		for (const heights of [macs, params])
			for (let i = 1; i < 8; i++) expect(heights[i]).toBeGreaterThan(heights[i - 1]);
		// log scale from a tenth of B0: B0's bar is a fixed fraction of B7's
		const ratio =
			Math.log(10) /
			Math.log(
				(10 * cost(efficientnet({ variant: 'b7' })).macs) / cost(efficientnet({ variant: 'b0' })).macs
			);
		expect(macs[0] / macs[7]).toBeCloseTo(ratio, 9);
	});

	it("GhostNet: one column per Ghost module, intrinsic and ghost parts in the spec's proportions", () => {
		const spec = ghostnet({ width: 1 });
		const modules = spec.stages.flatMap((s) =>
			s.blocks.flatMap((b) => (b.ghost ? [b.ghost.ghost1, b.ghost.ghost2] : []))
		);
		const rects = previewRects('ghostnet').slice(1);
		expect(rects).toHaveLength(2 * modules.length);
		modules.forEach((m, i) => {
			const [intrinsic, ghost] = [rects[2 * i], rects[2 * i + 1]];
			expect(ghost.height / intrinsic.height).toBeCloseTo(m.cheapChannels / m.primaryChannels, 9);
		});
	});

	it('every image fits its canvas and rasterizes to opaque pixels', () => {
		for (const name of PREVIEW_NAMES) {
			for (const r of previewRects(name)) {
				expect(r.x).toBeGreaterThanOrEqual(0);
				expect(r.y).toBeGreaterThanOrEqual(0);
				expect(r.x + r.width).toBeLessThanOrEqual(PREVIEW_WIDTH);
				expect(r.y + r.height).toBeLessThanOrEqual(PREVIEW_HEIGHT);
			}
			const pixels = rasterize(previewRects(name));
			expect(pixels).toHaveLength(PREVIEW_WIDTH * PREVIEW_HEIGHT * 4);
			expect(pixels.filter((_, i) => i % 4 === 3).every((a) => a === 255)).toBe(true);
		}
	});
});
